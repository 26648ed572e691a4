"""A surname that is an everyday word (Milan the city, Thomas the first name) counts alone
only with its team nearby, or as an item of a list of riders' names: "Milan, Merlier,
Philipsen and Girmay", "Pedersen, Verona, Stuyven", "Bernal y Thomas". A place before one
name ("in Milan, Vingegaard was second") is no list."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import parse_roster
from feeds.tagger import Tagger

WHEN = date(2025, 7, 5)

ROSTER = """
[[team]]
id = "lidl-trek"
country = "USA"
names = [{ name = "Lidl-Trek", from = 2023-07-01 }]

[[team]]
id = "ineos"
country = "GBR"
names = [{ name = "Ineos Grenadiers", from = 2020-08-26 }]

[[team]]
id = "alpecin"
country = "BEL"
names = [{ name = "Alpecin-Deceuninck", from = 2022-01-01 }]

[[rider]]
name = "Jonathan Milan"
nationality = "ITA"
teams = [{ team = "lidl-trek", from = 2024 }]

[[rider]]
name = "Carlos Verona"
nationality = "ESP"
teams = [{ team = "lidl-trek", from = 2024 }]

[[rider]]
name = "Mads Pedersen"
nationality = "DEN"
teams = [{ team = "lidl-trek", from = 2019 }]

[[rider]]
name = "Jasper Stuyven"
nationality = "BEL"
teams = [{ team = "lidl-trek", from = 2019 }]

[[rider]]
name = "Jasper Philipsen"
nationality = "BEL"
teams = [{ team = "alpecin", from = 2022 }]

[[rider]]
name = "Tim Merlier"
nationality = "BEL"
teams = [{ team = "alpecin", from = 2022 }]

[[rider]]
name = "Geraint Thomas"
nationality = "GBR"
teams = [{ team = "ineos", from = 2010 }]

[[rider]]
name = "Egan Bernal"
nationality = "COL"
teams = [{ team = "ineos", from = 2019 }]

[[rider]]
name = "Jonas Vingegaard"
nationality = "DEN"
teams = [{ team = "alpecin", from = 2019 }]
"""

# A cycling story with none of the riders above.
LEDE = "The Tour de France peloton rolled out for the stage. "


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(parse_roster(ROSTER))


def riders(tagger: Tagger, text: str, language: str) -> list[str]:
    tags = tagger.tag("Cycling news", LEDE + text, WHEN, feed_is_cycling=True, language=language)
    return sorted(tags.riders)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Stage 1 preview - Milan, Merlier and Philipsen battle for yellow.",
            "en",
            ["jasper-philipsen", "jonathan-milan", "tim-merlier"],
        ),
        (
            "Ci sono Pedersen, Verona, Stuyven e altri.",
            "it",
            ["carlos-verona", "jasper-stuyven", "mads-pedersen"],
        ),
        ("Los títulos de Bernal y Thomas en el Tour.", "es", ["egan-bernal", "geraint-thomas"]),
        ("Na de zeges van Bernal en Thomas in de Tour.", "nl", ["egan-bernal", "geraint-thomas"]),
        ("Bernal og Thomas vandt Touren.", "da", ["egan-bernal", "geraint-thomas"]),
    ],
)
def test_an_everyday_surname_in_a_list_of_riders(
    tagger: Tagger, text: str, language: str, expected: list[str]
) -> None:
    assert riders(tagger, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The stage finished in Milan, Vingegaard was second.", "en"),
        ("La tappa parte da Torino e arriva a Milan, poi riposo.", "it"),
        ("Milan is a city where Vingegaard trained.", "en"),
    ],
)
def test_a_place_before_one_name_is_no_list(tagger: Tagger, text: str, language: str) -> None:
    assert "jonathan-milan" not in riders(tagger, text, language)
