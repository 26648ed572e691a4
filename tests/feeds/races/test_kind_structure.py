"""Structural kind rules for stories whose headline leaves the kind open (issue #17, task KN).

- The lead names the subject: with no move found, team words opening the story (a new
  sponsor, a licence, a merger), more than the lead's transfer words, make it the team's
  story under a headline naming no rider, whatever contracts the body then talks about
  (its riders looking elsewhere are the consequence). A rider's contract talk whose
  opening thanks the sponsor in passing has more transfer words than team words there,
  and stays a transfer; a retirement thanking its sponsors too.
- A team or crash headline over a text naming no contract at all keeps its kind even when
  the extractor finds a move (a team presentation listing its riders, a crash report naming
  the rider's team): the move is a side remark.

The gates the review of these rules added (a rider or a move in the headline) are tested in
test_kind_headline_rider.py.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.kind import KindEvidence, decide_kind
from feeds.tagger import Tagger

WINTER = date(2025, 11, 20)
"""The transfer season: no race runs."""


def kind(tagger: Tagger, title: str, text: str, language: str) -> str:
    return tagger.tag(title, text, WINTER, True, language=language).kind


# A first paragraph long enough to fill the lead (the first 400 characters after the
# headline): what the body says after it is the body's, not the lead's.


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "A new chapter begins in Belgium",
            "Lotto Dstny have found a new title sponsor for next season. The team was "
            "founded many years ago in a small town and has raced on the roads of Flanders "
            "ever since, with riders from across the country and staff who know every "
            "corner of the road. Its fans fill the roadside each spring, and its bus is a "
            "familiar sight at every start village in the north of the country and well "
            "beyond it.\n\nSeveral riders may now look for a contract elsewhere, a few "
            "transfers could follow, and the signing of young riders is planned.",
        ),
        (
            "es",
            "Un nuevo capítulo para el equipo",
            "El Movistar Team ha encontrado un nuevo patrocinador para la próxima "
            "temporada. El conjunto nació hace muchos años en una pequeña ciudad y desde "
            "entonces recorre las carreteras de Navarra, con corredores de todo el país y "
            "un personal que conoce cada rincón de la carretera. Sus aficionados llenan las "
            "cunetas cada primavera y su autobús es una imagen habitual en cada salida del "
            "norte del país y mucho más allá.\n\nVarios corredores podrían buscar un contrato "
            "en otro lugar, algún fichaje podría llegar y la renovación de los jóvenes está "
            "prevista.",
        ),
        (
            "de",
            "Ein neues Kapitel beginnt",
            "Red Bull-Bora-hansgrohe hat einen neuen Sponsor für die kommende Saison "
            "gefunden. Die Mannschaft wurde vor vielen Jahren in einer kleinen Stadt "
            "gegründet und fährt seitdem auf den Straßen Bayerns, mit Fahrern aus dem "
            "ganzen Land und Betreuern, die jede Ecke der Straße kennen. Ihre Fans säumen "
            "jedes Frühjahr die Straßen, und ihr Bus ist an jedem Startort im Süden des "
            "Landes und weit darüber hinaus ein vertrauter Anblick.\n\nEinige Fahrer könnten "
            "einen Vertrag bei einem anderen Team suchen, ein Wechsel ist möglich, und die "
            "Verpflichtung junger Fahrer ist geplant.",
        ),
        (
            "fr",
            "Un nouveau chapitre commence",
            "Groupama-FDJ a trouvé un nouveau sponsor pour la saison prochaine. L'équipe "
            "est née il y a bien longtemps dans une petite ville et parcourt depuis les "
            "routes de Bretagne, avec des coureurs venus de tout le pays et un personnel "
            "qui connaît chaque recoin de la route. Ses supporters remplissent les bords de "
            "route chaque printemps, et son bus est une image familière dans chaque village "
            "de départ du nord du pays et bien au-delà.\n\nPlusieurs coureurs pourraient "
            "chercher un contrat ailleurs, un transfert pourrait suivre et la signature de "
            "jeunes coureurs est prévue.",
        ),
        (
            "nl",
            "Een nieuw hoofdstuk begint",
            "Visma | Lease a Bike heeft een nieuwe sponsor gevonden voor volgend seizoen. "
            "De ploeg werd vele jaren geleden in een kleine stad opgericht en rijdt "
            "sindsdien over de wegen van Nederland, met renners uit het hele land en "
            "begeleiders die elke hoek van de weg kennen. Haar fans staan elk voorjaar "
            "langs de weg, en haar bus is een vertrouwd beeld in elk startdorp in het "
            "noorden van het land en ver daarbuiten.\n\nEnkele renners zouden elders een "
            "contract kunnen zoeken, een transfer kan volgen en de komst van jonge renners "
            "is gepland.",
        ),
        (
            "it",
            "Si apre un nuovo capitolo",
            "La Lidl-Trek ha trovato un nuovo sponsor per la prossima stagione. La squadra "
            "è nata molti anni fa in una piccola città e da allora corre sulle strade del "
            "nord, con corridori di tutto il paese e uno staff che conosce ogni angolo "
            "della strada. I suoi tifosi riempiono i bordi delle strade ogni primavera, e "
            "il suo pullman è una presenza familiare in ogni paese di partenza del nord e "
            "ben oltre.\n\nAlcuni corridori potrebbero cercare un contratto altrove, un "
            "trasferimento potrebbe seguire e l'ingaggio di giovani corridori è previsto.",
        ),
    ],
)
def test_team_words_opening_a_story_without_a_move_make_it_the_teams(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # The lead: a new sponsor. The body after it: contracts and transfers to come.
    assert kind(tagger, title, text, language) == "team"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "A new chapter begins in Belgium",
            "Arnaud De Lie is talking about a new contract and a transfer is possible, his "
            "agent said, as Lotto Dstny thanked its sponsor. The team was founded many "
            "years ago in a small town and has raced on the roads of Flanders ever since, "
            "with riders from across the country and staff who know every corner of the "
            "road. Its fans fill the roadside each spring, and its bus is a familiar sight "
            "at every start village in the north of the country and well beyond it.",
        ),
        (
            "es",
            "Un nuevo capítulo para el equipo",
            "Enric Mas negocia un nuevo contrato y su renovación es posible, según su "
            "agente, mientras el Movistar Team agradece a su patrocinador. El conjunto "
            "nació hace muchos años en una pequeña ciudad y desde entonces recorre las "
            "carreteras de Navarra, con corredores de todo el país y un personal que conoce "
            "cada rincón de la carretera. Sus aficionados llenan las cunetas cada primavera "
            "y su autobús es una imagen habitual en cada salida del norte del país y mucho "
            "más allá.",
        ),
        (
            "de",
            "Ein neues Kapitel beginnt",
            "Florian Lipowitz verhandelt über einen neuen Vertrag, ein Wechsel ist möglich, "
            "sagte sein Berater, während Red Bull-Bora-hansgrohe seinem Sponsor dankte. Die "
            "Mannschaft wurde vor vielen Jahren in einer kleinen Stadt gegründet und fährt "
            "seitdem auf den Straßen Bayerns, mit Fahrern aus dem ganzen Land und "
            "Betreuern, die jede Ecke der Straße kennen. Ihre Fans säumen jedes Frühjahr "
            "die Straßen, und ihr Bus ist an jedem Startort im Süden des Landes und weit "
            "darüber hinaus ein vertrauter Anblick.",
        ),
        (
            "fr",
            "Un nouveau chapitre commence",
            "Romain Grégoire négocie un nouveau contrat et un transfert est possible, selon "
            "son agent, tandis que Groupama-FDJ remercie son sponsor. L'équipe est née il y "
            "a bien longtemps dans une petite ville et parcourt depuis les routes de "
            "Bretagne, avec des coureurs venus de tout le pays et un personnel qui connaît "
            "chaque recoin de la route. Ses supporters remplissent les bords de route "
            "chaque printemps, et son bus est une image familière dans chaque village de "
            "départ du nord du pays et bien au-delà.",
        ),
        (
            "nl",
            "Een nieuw hoofdstuk begint",
            "Wout van Aert praat over een nieuw contract en een transfer is mogelijk, zei "
            "zijn manager, terwijl Visma | Lease a Bike zijn sponsor bedankte. De ploeg "
            "werd vele jaren geleden in een kleine stad opgericht en rijdt sindsdien over "
            "de wegen van Nederland, met renners uit het hele land en begeleiders die elke "
            "hoek van de weg kennen. Haar fans staan elk voorjaar langs de weg, en haar bus "
            "is een vertrouwd beeld in elk startdorp in het noorden van het land en ver "
            "daarbuiten.",
        ),
        (
            "it",
            "Si apre un nuovo capitolo",
            "Giulio Ciccone tratta un nuovo contratto e un trasferimento è possibile, ha "
            "detto il suo procuratore, mentre la Lidl-Trek ringrazia il suo sponsor. La "
            "squadra è nata molti anni fa in una piccola città e da allora corre sulle "
            "strade del nord, con corridori di tutto il paese e uno staff che conosce ogni "
            "angolo della strada. I suoi tifosi riempiono i bordi delle strade ogni "
            "primavera, e il suo pullman è una presenza familiare in ogni paese di partenza "
            "del nord e ben oltre.",
        ),
        (
            "en",
            "A long career comes to an end",
            "Arnaud De Lie will retire at the end of the season. In his retirement message "
            "he thanked the title sponsor of Lotto Dstny for a partnership of many years.",
        ),
    ],
)
def test_a_riders_contract_opening_the_story_stays_a_transfer(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # Near miss: the lead names the sponsor once, beside more contract words (or a
    # career's end): a rider's story that thanks the team's backers in passing.
    assert kind(tagger, title, text, language) == "transfer"


def _evidence(title: Counter[str], text: Counter[str], is_transfer: bool) -> KindEvidence:
    return KindEvidence(
        title,
        text,
        has_race=False,
        cycling=True,
        is_transfer=is_transfer,
        race_near=False,
        title_team=True,
        title_race=False,
    )


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A team presentation over a text of its season, no contract named.
        (Counter(team=1), Counter(stage=1), "team"),
        (Counter(team=1), Counter(), "team"),
        # A crash report naming the rider's team, no contract named.
        (Counter(crash=1), Counter(), "crash"),
        (Counter(crash=2), Counter(result=1), "crash"),
    ],
)
def test_a_team_or_crash_headline_over_a_text_naming_no_contract_keeps_its_kind(
    title: Counter[str], text: Counter[str], expected: str
) -> None:
    assert decide_kind(_evidence(title, text, is_transfer=True)) == expected


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Near misses: the text names the contracts (the headline's team word is the
        # signing team's), or the headline names no kind and the move is the story.
        (Counter(team=1), Counter(transfer=2)),
        (Counter(team=1), Counter(transfer=1, result=1)),
        (Counter(), Counter()),
        (Counter(), Counter(stage=1)),
        (Counter(lineup=1), Counter()),
    ],
)
def test_a_move_under_a_headline_of_no_team_or_crash_or_over_contract_words_is_a_transfer(
    title: Counter[str], text: Counter[str]
) -> None:
    assert decide_kind(_evidence(title, text, is_transfer=True)) == "transfer"


def _silent(text: Counter[str], lead: Counter[str]) -> KindEvidence:
    """A move found under a headline naming no kind, in the season (a race named ahead)."""
    return KindEvidence(
        Counter(),
        text + lead,
        has_race=True,
        cycling=True,
        is_transfer=True,
        race_near=False,
        title_team=False,
        title_race=False,
        lead=lead,
    )


@pytest.mark.parametrize(
    ("text", "lead", "expected"),
    [
        # The lead tells the riders' programmes; the body names a team one of them left.
        (Counter(lineup=1), Counter(lineup=1), "lineup"),
        (Counter(lineup=1, transfer=1, team=2), Counter(lineup=2), "lineup"),
        (Counter(lineup=1), Counter(lineup=1, result=1), "lineup"),
        # The lead tells an injury; the body recalls the rider's new contract.
        (Counter(crash=1), Counter(crash=1), "crash"),
    ],
)
def test_a_lead_telling_another_kind_and_no_contract_outweighs_a_move_sooner(
    text: Counter[str], lead: Counter[str], expected: str
) -> None:
    assert decide_kind(_silent(text, lead)) == expected


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # Near misses: the lead names a contract too, or another kind more often, or the
        # text names the kind once only (a signing's "will ride the Giro").
        (Counter(lineup=1), Counter(lineup=1, transfer=1)),
        (Counter(result=1, lineup=1), Counter(result=2, lineup=1)),
        (Counter(), Counter(lineup=1)),
        (Counter(lineup=1, transfer=2), Counter(lineup=1)),
    ],
)
def test_a_move_stays_a_transfer_when_the_lead_does_not_tell_another_kind_alone(
    text: Counter[str], lead: Counter[str]
) -> None:
    assert decide_kind(_silent(text, lead)) == "transfer"
