"""Where a kind's words stand (feeds/races/kind.py, feeds/races/mentions.py): the stages
still to run are a preview's words only opening a sentence of the headline or lead of a
story whose headline reports no race; a headline naming several kinds is settled by the
text; a team's merger is read in its plural and compound forms."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.kind import KindEvidence, decide_kind
from feeds.races.mentions import opens_sentence
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText

TOUR_REST_DAY = date(2024, 7, 15)
"""The Tour de France 2024's second rest day: stage 15 ran the day before."""


TOUR_2023_STAGE_11 = date(2023, 7, 12)
"""The day after Pello Bilbao's stage win in the 2023 Tour de France."""


def kind(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    return tagger.tag(title, text, published, True, language=language).kind


# --- the stages still to run -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        # A stage report whose lead ends looking ahead (the review's triggers).
        (
            "en",
            "Pogačar tightens his grip at Plateau de Beille",
            "Tadej Pogačar won at Plateau de Beille in the Tour de France and leads Jonas "
            "Vingegaard by more than three minutes, with the stages ahead favouring the Slovenian.",
        ),
        (
            "fr",
            "Pogačar encore plus en jaune à Plateau de Beille",
            "Tadej Pogačar s'est imposé à Plateau de Beille sur le Tour de France et compte plus "
            "de trois minutes d'avance sur Jonas Vingegaard, qui tentera de revenir dans les "
            "étapes qui restent.",
        ),
        (
            "no",
            "Pogačar knuste Vingegaard igjen",
            "Tadej Pogačar vant på Plateau de Beille i Tour de France og leder over tre minutter "
            "foran Jonas Vingegaard før etappene som venter i Alpene.",
        ),
        (
            "es",
            "La general del Tour tras la etapa 15",
            "Tadej Pogačar ganó la etapa 15 del Tour de Francia en Plateau de Beille. Jonas "
            "Vingegaard tendrá que atacar en las etapas que quedan.",
        ),
        (
            "en",
            "Tour de France standings after stage 15",
            "Tadej Pogačar won stage 15 of the Tour de France at Plateau de Beille. Jonas "
            "Vingegaard must attack in the stages ahead.",
        ),
    ],
)
def test_a_report_looking_at_the_stages_ahead_stays_a_result(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, TOUR_REST_DAY, language) == "result"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "fr",
            "Tour de France : qui peut encore battre Pogačar ?",
            "Les étapes qui restent avant Nice, jour par jour. Tadej Pogačar garde le maillot "
            "jaune devant Jonas Vingegaard.",
        ),
        (
            "es",
            "Tour de Francia: ¿quién puede con Pogačar?",
            "Aquí están las etapas que quedan hasta Niza. Tadej Pogačar conserva el amarillo "
            "frente a Jonas Vingegaard.",
        ),
        (
            "en",
            "Tour de France: can anyone stop Pogačar now?",
            "The stages ahead, day by day, before the finish in Nice: Tadej Pogačar keeps "
            "yellow ahead of Jonas Vingegaard.",
        ),
    ],
)
def test_the_stages_ahead_opening_the_lead_are_a_preview(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, TOUR_REST_DAY, language) == "preview"


def test_the_stages_ahead_under_a_headline_reporting_a_win_stay_a_result(
    tagger: Tagger,
) -> None:
    title = "Pogačar wins at Plateau de Beille"
    text = "The stages ahead suit Jonas Vingegaard less: Tadej Pogačar leads the Tour de France."
    assert kind(tagger, title, text, TOUR_REST_DAY, "en") == "result"


@pytest.mark.parametrize(
    ("text", "phrase", "opens"),
    [
        ("Here are the stages ahead.", "the stages ahead", True),
        ("Pogačar won. Voici les étapes qui restent.", "les étapes qui restent", True),
        ("Pogačar won: the stages ahead suit him.", "the stages ahead", True),
        ("Vingegaard must attack in the stages ahead.", "the stages ahead", False),
        ("Il tentera de revenir dans les étapes qui restent.", "les étapes qui restent", False),
    ],
)
def test_a_phrase_opens_its_sentence_within_two_words(text: str, phrase: str, opens: bool) -> None:
    ft = FoldedText(text)
    folded_phrase = " ".join(FoldedText(phrase).folded.split())
    flat = " ".join(ft.folded.split())
    # the folded text keeps a space before each word: find the phrase's first word there
    words_before = flat[: flat.index(folded_phrase)].split()
    start = _word_start(ft, len(words_before))
    assert opens_sentence(ft, start) is opens


def _word_start(ft: FoldedText, k: int) -> int:
    """The folded offset of the space before word `k` (a key's start)."""
    seen = -1
    for i, c in enumerate(ft.folded):
        if c != " " and (i == 0 or ft.folded[i - 1] == " "):
            seen += 1
            if seen == k:
                return i - 1
    raise AssertionError(f"no word {k}")


# --- a headline naming several kinds: the text settles it -------------------------------


def evidence(title: dict[str, int], text: dict[str, int]) -> KindEvidence:
    return KindEvidence(
        Counter(title),
        Counter(text),
        has_race=True,
        cycling=True,
        is_transfer=False,
        race_near=True,
        title_team=True,
        title_race=False,
    )


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # "Another triumph for X: renewed after his historic win" over a contract's text.
        ({"result": 2, "transfer": 1}, {"transfer": 5, "result": 2}, "transfer"),
        # The same headline over a race report: the headline's result.
        ({"result": 2, "transfer": 1}, {"transfer": 1, "result": 4}, "result"),
        # A text that does not outweigh the headline's difference twice over.
        ({"result": 2, "transfer": 1}, {"transfer": 2, "result": 1}, "result"),
        # "New WorldTour: X arrives, Y renamed, goodbye Z" over a text of licences and sponsors.
        ({"transfer": 2, "team": 1}, {"team": 8, "transfer": 1}, "team"),
        # A single kind in the headline is never outweighed by the text.
        ({"result": 1}, {"transfer": 4}, "result"),
    ],
)
def test_the_text_settles_a_headline_of_several_kinds(
    title: dict[str, int], text: dict[str, int], kind: str
) -> None:
    assert decide_kind(evidence(title, text)) == kind


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "es",
            "Otro triunfo para Pello Bilbao: renovado tras su victoria en el Tour",
            "El Bahrain Victorious ha anunciado la renovación de Pello Bilbao. El vasco amplía "
            "su contrato hasta 2026. Su nuevo contrato llega tras la renovación de otros tres "
            "corredores del equipo.",
        ),
        (
            "it",
            "Un altro successo per Pello Bilbao: rinnovo dopo la vittoria al Tour",
            "La Bahrain Victorious ha annunciato il rinnovo di Pello Bilbao: nuovo contratto "
            "fino al 2026. Il rinnovo arriva dopo la firma di altri tre corridori, e il "
            "contratto di Bilbao è biennale.",
        ),
    ],
)
def test_a_renewal_told_with_a_wins_words_is_a_transfer(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, TOUR_2023_STAGE_11, language) == "transfer"


def test_a_stage_won_with_the_riders_contract_named_stays_a_result(tagger: Tagger) -> None:
    title = "Otro triunfo para Pello Bilbao tras su histórica victoria en el Tour"
    text = (
        "Pello Bilbao ganó la etapa 10 del Tour de Francia en Issoire. El vasco firmó su "
        "primera victoria en la Grande Boucle; su contrato con el Bahrain Victorious acaba en 2024."
    )
    assert kind(tagger, title, text, TOUR_2023_STAGE_11, "es") == "result"


# --- a merger in its plural and compound forms ------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "de",
            "Teamfusion geplatzt: Wirbel auf dem Transfermarkt",
            "Die Großfusion von Soudal Quick-Step und Visma-Lease a Bike ist geplatzt. Die "
            "Sponsoren ziehen nicht mit, das Budget reicht nicht.",
        ),
        (
            "es",
            "Fusiones en el pelotón: el mercado de fichajes espera",
            "Las fusiones entre Soudal Quick-Step y Visma-Lease a Bike no llegan: los "
            "patrocinadores no ponen el presupuesto.",
        ),
    ],
)
def test_a_merger_called_off_beside_the_transfer_market_is_team_news(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, date(2023, 10, 2), language) == "team"


def test_a_signing_mentioning_a_merger_stays_a_transfer(tagger: Tagger) -> None:
    title = "Van Aert signs a new contract with Visma-Lease a Bike"
    text = (
        "Wout van Aert has signed a contract extension with Visma-Lease a Bike until 2028, "
        "after the talks of mergers came to nothing."
    )
    assert kind(tagger, title, text, date(2023, 10, 2), "en") == "transfer"
