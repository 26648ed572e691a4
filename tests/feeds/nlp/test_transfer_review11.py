"""Review R11 of departures to nobody and described destinations (issue #13): what must stay
no move, each shape in two languages or more. A company ending its own deal with a rider, a
contract ended in a past year, "no longer with" a coach, a partner or a sponsor's colours,
"no place any more" in a national selection, a nationality meaning the country's team at the
Games or the Worlds, staff leaving an outside body, a teamless rider who signs later in the
story; and the departure rules answer in linear time on long sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.roster import Roster, load_roster
from feeds.tagger import Tagger
from tests.growth import assert_linear

SEPT_2025 = date(2025, 9, 20)
SEPT_2024 = date(2024, 9, 20)
JULY_2024 = date(2024, 7, 10)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster()


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def moves(tagger: Tagger, lang: str, text: str, when: date, title: str = "News") -> list:
    tags = tagger.tag(title, text, when, feed_is_cycling=True, language=lang)
    return [(m.person_id, m.from_team_id, m.to_team_id) for m in tags.moves]


def departures(found: list) -> list:
    """Moves to nobody, and moves with no team at either end."""
    return [m for m in found if m[2] is None]


NO_DEPARTURE = [
    # 1. a company ends its own deal: the rider is its partner, not its employee
    ("en", "Oakley ended its contract with Filippo Ganna after six years.", SEPT_2025, "News"),
    ("it", "Oakley ha rescisso il contratto con Filippo Ganna.", SEPT_2025, "News"),
    ("fr", "La marque Oakley a résilié son contrat avec Filippo Ganna.", SEPT_2025, "News"),
    ("es", "La marca Oakley rescindió el contrato con Filippo Ganna.", SEPT_2025, "News"),
    # 1. a team ends a supplier's deal; the rider is quoted after the comma
    (
        "en",
        "INEOS Grenadiers ended the contract with Pinarello, Filippo Ganna confirmed on Monday.",
        SEPT_2025,
        "News",
    ),
    (
        "nl",
        "Visma | Lease a Bike beëindigt het contract met Cervélo, zei Jonas Vingegaard maandag.",
        SEPT_2025,
        "News",
    ),
    (
        "de",
        "Alpecin-Deceuninck löst den Vertrag mit Canyon, sagte Mathieu van der Poel am Montag.",
        SEPT_2025,
        "News",
    ),
    (
        "es",
        "Telefónica rescinde el contrato de patrocinio con el Movistar Team de Enric Mas.",
        SEPT_2025,
        "News",
    ),
    # 2. a contract ended in a past year: recalled
    (
        "en",
        "Back in 2016 the team ended the contract of Enric Mas after a few months as a trainee.",
        SEPT_2025,
        "News",
    ),
    (
        "es",
        "En 2016 el equipo rescindió el contrato de Enric Mas tras unos meses como aprendiz.",
        SEPT_2025,
        "News",
    ),
    (
        "it",
        "Nel 2016 la squadra ha rescisso il contratto di Filippo Ganna dopo pochi mesi.",
        SEPT_2025,
        "News",
    ),
    (
        "en",
        "In 2014, Movistar Team terminated the contract of Enric Mas's teammate.",
        SEPT_2025,
        "News",
    ),
    # 3. no longer with a coach, a partner, a training group
    ("en", "Wout van Aert no longer works with his coach Mathieu Heijboer.", SEPT_2025, "News"),
    ("en", "Remco Evenepoel is no longer with his long-time partner.", SEPT_2025, "News"),
    (
        "it",
        "Filippo Ganna non farà più parte del gruppo di lavoro del suo preparatore.",
        SEPT_2025,
        "News",
    ),
    ("de", "Pascal Ackermann wird nicht mehr für seinen Trainer fahren.", SEPT_2025, "News"),
    (
        "pt",
        "João Almeida deixa de fazer parte do grupo de treino do seu treinador.",
        SEPT_2025,
        "News",
    ),
    # 3. a sponsor's colours: the jerseys, not the rider, are the subject
    (
        "fr",
        "Les maillots de Felix Gall ne porteront plus ses couleurs: AG2R La Mondiale quitte le "
        "cyclisme.",
        SEPT_2025,
        "News",
    ),
    (
        "de",
        "Die Trikots von Pascal Ackermann werden nicht mehr für Premier Tech werben, der Sponsor "
        "steigt aus.",
        SEPT_2025,
        "News",
    ),
    (
        "es",
        "Los maillots de Enric Mas dejan de vestir los colores de Telefónica.",
        SEPT_2025,
        "News",
    ),
    (
        "pt",
        "As camisolas de João Almeida deixam de vestir as cores da Emirates.",
        SEPT_2025,
        "News",
    ),
    (
        "nl",
        "De renners van Visma | Lease a Bike, onder wie Jonas Vingegaard, rijden volgend jaar "
        "niet meer voor Jumbo: de supermarkt stopt als sponsor.",
        SEPT_2025,
        "News",
    ),
    # 4. no place any more in a national selection or a race's lineup
    ("de", "Es gibt keinen Platz mehr für Pascal Ackermann im Nationalteam.", SEPT_2025, "News"),
    ("it", "Non c'è più posto per Filippo Ganna in nazionale.", SEPT_2025, "News"),
    (
        "nl",
        "Er is geen plaats meer voor Dylan van Baarle. Hij rijdt de Vuelta.",
        SEPT_2025,
        "Geen plaats meer voor Van Baarle in de Tourploeg",
    ),
    (
        "nl",
        "Er is geen plaats meer voor Dylan van Baarle in de Nederlandse selectie.",
        SEPT_2025,
        "Geen plaats meer",
    ),
    # 7. staff leaving an outside body
    (
        "en",
        "Mauro Gianetti resigns from the UCI's professional cycling council to focus on UAE "
        "Team Emirates.",
        SEPT_2025,
        "News",
    ),
    (
        "en",
        "Jonathan Vaughters stepped down as president of the riders' association board.",
        SEPT_2025,
        "News",
    ),
    (
        "it",
        "Mauro Gianetti si dimette da presidente dell'associazione dei gruppi sportivi.",
        SEPT_2025,
        "News",
    ),
]


@pytest.mark.parametrize(("lang", "text", "when", "title"), NO_DEPARTURE)
def test_no_departure_to_nobody(
    tagger: Tagger, lang: str, text: str, when: date, title: str
) -> None:
    assert departures(moves(tagger, lang, text, when, title)) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Fred Wright joins the British team for the Paris Olympics road race alongside Tom "
            "Pidcock.",
        ),
        ("fr", "Fred Wright rejoint l'équipe britannique pour les Jeux de Paris."),
        ("it", "Fred Wright passa alla squadra britannica per i Giochi di Parigi."),
        ("es", "Fred Wright se une al equipo británico para los Juegos de París."),
    ],
)
def test_nationality_at_the_games_is_no_trade_team(tagger: Tagger, lang: str, text: str) -> None:
    """5. "the British team for the Olympics" is the country's selection."""
    assert moves(tagger, lang, text, JULY_2024) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Marc Hirschi has no team for 2025 after leaving UAE Team Emirates. On Friday Tudor "
            "Pro Cycling announced that Hirschi signed a two-year deal.",
        ),
        (
            "fr",
            "Marc Hirschi n'a pas d'équipe pour 2025 après son départ de UAE Team Emirates. "
            "Vendredi, Tudor Pro Cycling a annoncé que Hirschi a signé pour deux ans.",
        ),
    ],
)
@pytest.mark.parametrize("when", [SEPT_2024, SEPT_2025])
def test_teamless_rider_who_signs_later_leaves_for_nobody_never(
    tagger: Tagger, lang: str, text: str, when: date
) -> None:
    """6. The signing told after "has no team" is where he goes: no move to nobody, and
    never one from the team he signs for."""
    found = moves(tagger, lang, text, when)
    assert departures(found) == []
    assert all(m[1] != "tudor" for m in found)


# --- the positive shapes the rules were written for still move ----------------------------


@pytest.mark.parametrize(
    ("lang", "text", "person", "team"),
    [
        (
            "en",
            "The team confirmed it. Filippo Ganna will no longer ride for the team next season.",
            "filippo-ganna",
            "ineos",
        ),
        (
            "es",
            "El Movistar Team lo confirmó. Enric Mas dejará de formar parte del equipo en 2026.",
            "enric-mas",
            "movistar",
        ),
        (
            "it",
            "La squadra ha rescisso il contratto di Filippo Ganna con effetto immediato.",
            "filippo-ganna",
            "ineos",
        ),
    ],
)
def test_team_words_still_read_the_roster_team(
    tagger: Tagger, roster: Roster, lang: str, text: str, person: str, team: str
) -> None:
    found = departures(moves(tagger, lang, text, SEPT_2025))
    assert [m[0] for m in found] == [roster.people[person].id]
    assert found[0][1] is not None


# --- linear time ---------------------------------------------------------------------------

HOSTILE: list[Callable[[int], str]] = [
    lambda n: "INEOS Grenadiers ended the contract with Filippo Ganna, " * n + "in 2026.",
    lambda n: "Filippo Ganna will no longer ride for " * n + "INEOS in 2026.",
    lambda n: "Mauro Gianetti steps down as " * n + "chief executive in 2026.",
    lambda n: "er is geen plaats meer voor Dylan van Baarle " * n + "bij Visma in 2026.",
]


@pytest.mark.parametrize("make", HOSTILE)
def test_departure_rules_time_grows_linearly(tagger: Tagger, make: Callable[[int], str]) -> None:
    assert_linear(
        lambda text: tagger.tag("News", text, SEPT_2025, feed_is_cycling=True, language="en"),
        make,
        200,
    )
