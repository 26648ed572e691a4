"""Riders and teams set 13 missed or read wrongly (issues #13, #17), as shapes: a first name
before a Dutch or German name particle ("Gilbert de Weerdt") is someone else's, and a team's
one word joined by a hyphen to another team's word is that other compound ("Leopard-Trek").
Fresh sentences, two languages or more a shape, each with its negatives."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import Roster, parse_roster
from feeds.tagger import Tagger

ROSTER = """
[[team]]
id = "wolves"
country = "BEL"
names = [{ name = "Wolfpack Floors", from = 2015-01-01 }]

[[team]]
id = "spotted"
country = "LUX"
names = [{ name = "Spotted Pro Cycling" }]

[[team]]
id = "hikers"
country = "USA"
aliases = ["Hikers"]
names = [{ name = "Hikers-Segafredo", from = 2019-01-01 }]

[[team]]
id = "bulls"
country = "GER"
aliases = ["Red Bull"]
names = [{ name = "Red Bull-Kettle", from = 2024-01-01 }]

[[rider]]
name = "Philippe Gilbert"
nationality = "BEL"
teams = [{ team = "wolves", from = 2015 }]

[[rider]]
name = "Sean Christian"
nationality = "GBR"
teams = [{ team = "hikers", from = 2022 }]

[[rider]]
name = "Luc Spotman"
nationality = "LUX"
teams = [{ team = "spotted", from = 2022 }]
"""

AUTUMN = date(2025, 11, 12)
SPRING = date(2026, 3, 12)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return parse_roster(ROSTER)


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def tagged(tagger: Tagger, text: str, when: date, language: str) -> tuple[list[str], list[str]]:
    tags = tagger.tag("", text, when, feed_is_cycling=True, language=language)
    return sorted(tags.riders), sorted(tags.teams)


# --- a first name before a name particle --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Het is zonde voor de renners, zegt ploegleider Gilbert de Weerdt na de koers.", "nl"),
        ("Det er synd for rytterne, sier sportsdirektør Gilbert de Weerdt etter rittet.", "no"),
        ("Sportdirektor Christian von Eckenstein sprach nach dem Rennen über die Etappe.", "de"),
        ("Team boss Christian van der Sande spoke after the stage of the race.", "en"),
    ],
)
def test_first_name_before_a_particle_is_someone_else(
    tagger: Tagger, text: str, language: str
) -> None:
    assert tagged(tagger, text, AUTUMN, language)[0] == []


@pytest.mark.parametrize(
    ("text", "language", "rider"),
    [
        # A comma ends the mention: the surname is the rider's.
        ("Op de Muur demarreerde Gilbert, de Belg won de koers.", "nl", "philippe-gilbert"),
        # "van" before the rider's team: "Gilbert of Wolfpack Floors".
        (
            "In de finale reed Gilbert van Wolfpack Floors weg uit het peloton.",
            "nl",
            "philippe-gilbert",
        ),
        ("Gilbert won the stage ahead of the peloton.", "en", "philippe-gilbert"),
    ],
)
def test_surname_before_a_particle_stays_the_rider(
    tagger: Tagger, text: str, language: str, rider: str
) -> None:
    assert tagged(tagger, text, AUTUMN, language)[0] == [rider]


# --- a team word joined to another team's word -------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("He worked for the UCI and at Spotted-Hikers, where he met the team's riders.", "en"),
        ("Er arbeitete früher bei Spotted-Hikers, wo er die Fahrer des Teams traf.", "de"),
    ],
)
def test_team_word_in_another_compound_is_not_the_team(
    tagger: Tagger, text: str, language: str
) -> None:
    assert "spotted" not in tagged(tagger, text, SPRING, language)[1]


@pytest.mark.parametrize(
    ("text", "language", "team"),
    [
        ("Luc Spotman (Spotted) fährt nach der Etappe weiter im Rennen.", "de", "spotted"),
        ("Luc Spotman (Spotted) won the stage of the race.", "en", "spotted"),
        # A German compound with a common noun stays the team.
        ("Zweiter wurde der Red-Bull-Profi Luc Spotman auf der Etappe.", "de", "bulls"),
    ],
)
def test_team_word_alone_or_before_a_noun_stays_the_team(
    tagger: Tagger, text: str, language: str, team: str
) -> None:
    assert team in tagged(tagger, text, SPRING, language)[1]
