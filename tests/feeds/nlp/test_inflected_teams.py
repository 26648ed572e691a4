"""Declined team names in a language that declines names (Slovenian: "pri Soudalu
Quick-Stepu", "iz vrst Movistarja", "pri Vismi Lease a Bike"), read with the language's own
case endings; never in another language, never a place ("v Astani": in Astana)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import parse_roster
from feeds.tagger import Tagger

WHEN = date(2024, 7, 20)

ROSTER = """
[[team]]
id = "quick-step"
country = "BEL"
aliases = ["Soudal", "Quick-Step"]
names = [{ name = "Soudal Quick-Step", from = 2023-01-01 }]

[[team]]
id = "movistar"
country = "ESP"
aliases = ["Movistar"]
names = [{ name = "Movistar Team", from = 2011-01-01 }]

[[team]]
id = "visma"
country = "NED"
aliases = ["Visma"]
names = [{ name = "Visma | Lease a Bike", from = 2024-01-01 }]

[[team]]
id = "astana"
country = "KAZ"
aliases = ["Astana"]
names = [{ name = "Astana Qazaqstan", from = 2022-01-01 }]

[[rider]]
name = "Tadej Pogačar"
nationality = "SLO"
teams = [{ team = "astana", from = 2019 }]
"""

LEDE = "Tadej Pogačar je zmagal etapo na Tour de France. "


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(parse_roster(ROSTER))


def teams(tagger: Tagger, text: str, language: str = "sl") -> list[str]:
    tags = tagger.tag("Kolesarstvo", LEDE + text, WHEN, feed_is_cycling=True, language=language)
    return sorted(tags.teams)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pri Soudalu Quick-Stepu so skušali napasti Vingegaarda.", ["quick-step"]),
        ("Pri Soudalu so zadovoljni z etapo.", ["quick-step"]),
        ("Se bo iz vrst Movistarja pridružil novi ekipi.", ["movistar"]),
        ("Pri Vismi Lease a Bike so zadovoljni.", ["visma"]),
        ("Pri Astani so zadovoljni.", ["astana"]),
    ],
)
def test_a_declined_team_name(tagger: Tagger, text: str, expected: list[str]) -> None:
    assert teams(tagger, text) == expected


def test_the_city_is_no_team(tagger: Tagger) -> None:
    assert teams(tagger, "Dirka se je končala v Astani.") == []


def test_only_in_a_language_that_declines_names(tagger: Tagger) -> None:
    assert teams(tagger, "At Soudalu they were happy with Movistarja.", "en") == []


def test_an_exact_name_is_still_the_matchers(tagger: Tagger) -> None:
    assert teams(tagger, "Pri ekipi Soudal Quick-Step so zadovoljni.") == ["quick-step"]
