"""Departures to nobody named (issue #13): a contract a team ends (`contract_ends`), a
person no longer the team's or with no place left there, staff stepping down
(`no_longer`), a rider with no team for next season (`teamless`), and a departure whose
only arrival names no team (`exits.rider_exit`). Each shape in two languages or more, with
what must stay no move: a contract that runs out, an extension, a retirement, a departure
recalled, a race selection, a race abandon."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import Roster, load_roster
from feeds.tagger import Tagger

# The roster's teams at these dates: Rubén Fernández at Cofidis in 2024, Juan Ayuso at UAE in
# 2025, Guillaume Martin and Axel Zingle at Cofidis in 2024 (Martin at Groupama-FDJ in 2025),
# Tom Pidcock at Ineos in 2024, Rolf Aldag (staff) at Red Bull-Bora-Hansgrohe.
SEPT_2024 = date(2024, 9, 10)
AUG_2024 = date(2024, 8, 2)
NOV_2024 = date(2024, 11, 11)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster()


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def read(tagger: Tagger, lang: str, text: str, when: date, title: str = "News") -> tuple:
    tags = tagger.tag(title, text, when, feed_is_cycling=True, language=lang)
    moves = [(m.person_id, m.from_team_id, m.to_team_id, m.status) for m in tags.moves]
    return tags.is_transfer, moves


@pytest.mark.parametrize(
    ("lang", "text", "when", "expected"),
    [
        (
            "en",
            "Cofidis has terminated the contract of Rubén Fernández with immediate effect.",
            SEPT_2024,
            ("ruben-fernandez", "cofidis"),
        ),
        (
            "es",
            "El Cofidis rescindió el contrato de Rubén Fernández por mutuo acuerdo.",
            SEPT_2024,
            ("ruben-fernandez", "cofidis"),
        ),
        (
            "de",
            "Das Team Cofidis hat den Vertrag mit Rubén Fernández aufgelöst.",
            SEPT_2024,
            ("ruben-fernandez", "cofidis"),
        ),
        (
            "fr",
            "L'équipe UAE Team Emirates a résilié le contrat de Juan Ayuso après la Vuelta.",
            date(2025, 9, 10),
            ("juan-ayuso", "uae"),
        ),
        (
            "it",
            "La UAE Team Emirates ha rescisso il contratto con Juan Ayuso, "
            "che resterà in squadra fino a fine anno.",
            date(2025, 9, 10),
            ("juan-ayuso", "uae"),
        ),
        (
            "da",
            "Cofidis ophæver kontrakten med Axel Zingle.",
            AUG_2024,
            ("axel-zingle", "cofidis"),
        ),
        (
            "sl",
            "Pri ekipi Red Bull-Bora-hansgrohe so prekinili sodelovanje z Rolfom Aldagom.",
            date(2025, 8, 10),
            ("rolf-aldag", "bora"),
        ),
    ],
)
def test_a_contract_the_team_ends_is_a_confirmed_move_to_nobody(tagger, lang, text, when, expected):
    transfer, moves = read(tagger, lang, text, when)
    assert transfer
    assert moves == [(*expected, None, "confirmed")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "According to reports, Cofidis could terminate the contract of Rubén Fernández."),
        ("pt", "Segundo a imprensa, a Cofidis vai rescindir o contrato com Rubén Fernández."),
    ],
)
def test_a_contract_end_reported_is_a_rumour(tagger, lang, text):
    assert read(tagger, lang, text, SEPT_2024)[1] == [
        ("ruben-fernandez", "cofidis", None, "rumour")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "when"),
    [
        # a contract that runs out, said of a rider who stays
        ("en", "Juan Ayuso's contract with UAE Team Emirates ends in 2028.", date(2025, 3, 10)),
        (
            "es",
            "El contrato de Juan Ayuso con el UAE Team Emirates termina en 2028.",
            date(2025, 3, 10),
        ),
        (
            "fr",
            "Le contrat de Guillaume Martin avec Cofidis se termine en 2026.",
            date(2024, 3, 10),
        ),
        # an extension
        (
            "en",
            "UAE Team Emirates extended the contract of Juan Ayuso until 2030.",
            date(2025, 3, 10),
        ),
        # a contract ended because the rider stops racing
        (
            "en",
            "Cofidis has terminated the contract of Rubén Fernández, who is retiring.",
            SEPT_2024,
        ),
        # the team named is not the one the roster gives the person: not their contract
        ("en", "Ineos Grenadiers has ended its contract with Rolf Aldag.", date(2025, 8, 10)),
    ],
)
def test_no_move_from_a_contract_nobody_ends(tagger, lang, text, when):
    assert read(tagger, lang, text, when)[1] == []


@pytest.mark.parametrize(
    ("lang", "text", "when", "expected"),
    [
        (
            "fr",
            "Un mercato agité chez Cofidis. "
            "Guillaume Martin et Axel Zingle ne porteront plus ses couleurs en 2025.",
            AUG_2024,
            [("guillaume-martin", "cofidis"), ("axel-zingle", "cofidis")],
        ),
        (
            "pt",
            "A equipa anunciou hoje a notícia. "
            "Tom Pidcock deixa de fazer parte da Ineos Grenadiers.",
            date(2024, 12, 4),
            [("tom-pidcock", "ineos")],
        ),
        (
            "de",
            "Das Team plant um. Axel Zingle wird nicht mehr für Cofidis fahren.",
            AUG_2024,
            [("axel-zingle", "cofidis")],
        ),
        (
            "it",
            "La squadra cambia. Axel Zingle non farà più parte della Cofidis.",
            AUG_2024,
            [("axel-zingle", "cofidis")],
        ),
        (
            "nl",
            "De ploeg maakt keuzes. "
            "Volgend jaar is er geen plaats meer voor Axel Zingle bij Cofidis.",
            AUG_2024,
            [("axel-zingle", "cofidis")],
        ),
    ],
)
def test_a_person_no_longer_the_teams_leaves_for_nobody(tagger, lang, text, when, expected):
    transfer, moves = read(tagger, lang, text, when)
    assert transfer
    assert moves == [(*person, None, "confirmed") for person in expected]


@pytest.mark.parametrize(
    ("lang", "text", "when"),
    [
        # a race selection, not a place in the team
        (
            "nl",
            "Cofidis maakt zijn Tourselectie bekend. "
            "Er is geen plaats meer voor Axel Zingle in de ploeg voor de Tour de France.",
            date(2024, 6, 20),
        ),
        (
            "en",
            "Cofidis named its Tour team. There is no place for Axel Zingle.",
            date(2024, 6, 20),
        ),
        # a departure recalled: the roster has had him at Groupama-FDJ since
        (
            "en",
            "Guillaume Martin, who no longer rides for Cofidis, won the stage.",
            date(2025, 6, 10),
        ),
        (
            "fr",
            "Guillaume Martin, qui ne court plus pour Cofidis, a gagné l'étape.",
            date(2025, 6, 10),
        ),
        # race abandons
        ("es", "Axel Zingle abandona la Vuelta tras una caída en la etapa 5.", date(2024, 8, 25)),
        ("de", "Axel Zingle verlässt die Tour nach einem Sturz.", date(2024, 7, 5)),
        # an extension
        ("en", "Axel Zingle extends with Cofidis until 2026.", AUG_2024),
    ],
)
def test_no_departure_from_a_race_a_recall_or_an_extension(tagger, lang, text, when):
    assert read(tagger, lang, text, when)[1] == []


@pytest.mark.parametrize(
    ("lang", "text", "when", "expected"),
    [
        (
            "nl",
            "Het is officieel. "
            "Patrick Lefevere stopt eind dit jaar als directeur van Soudal Quick-Step.",
            date(2024, 10, 10),
            ("patrick-lefevere", "quick-step"),
        ),
        (
            "en",
            "The team confirmed the news. Patrick Lefevere steps down as chief executive of "
            "Soudal Quick-Step at the end of the year.",
            date(2024, 10, 10),
            ("patrick-lefevere", "quick-step"),
        ),
        (
            "fr",
            "C'est officiel. Rolf Aldag quitte ses fonctions chez Red Bull-Bora-Hansgrohe.",
            date(2025, 8, 10),
            ("rolf-aldag", "bora"),
        ),
    ],
)
def test_staff_stepping_down_leave_their_team(tagger, lang, text, when, expected):
    transfer, moves = read(tagger, lang, text, when)
    assert transfer
    assert moves == [(*expected, None, "confirmed")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Het seizoen is voorbij. Axel Zingle stopt na dit seizoen als prof."),
        ("en", "The season is over. Axel Zingle steps down as leader of the team for the Tour."),
    ],
)
def test_a_rider_stepping_down_is_no_staff_departure(tagger, lang, text):
    assert read(tagger, lang, text, AUG_2024)[1] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Solo un ciclista no tiene equipo para 2025: Rubén Fernández."),
        ("it", "Il mercato si chiude. Rubén Fernández non ha ancora una squadra per il 2025."),
        ("nl", "De markt sluit. Rubén Fernández heeft nog geen ploeg voor 2025."),
    ],
)
def test_a_rider_with_no_team_for_next_season_leaves_the_roster_team(tagger, lang, text):
    transfer, moves = read(tagger, lang, text, NOV_2024)
    assert transfer
    assert moves == [("ruben-fernandez", "cofidis", None, "confirmed")]


def test_an_arrival_with_no_team_read_leaves_the_departure_to_nobody(tagger):
    # "a new team" names no destination: the ended contract is still a move to nobody
    text = (
        "Cofidis has terminated the contract of Rubén Fernández. "
        "The team says he had already agreed terms with a new team for 2025."
    )
    assert read(tagger, "en", text, SEPT_2024)[1] == [
        ("ruben-fernandez", "cofidis", None, "confirmed")
    ]
