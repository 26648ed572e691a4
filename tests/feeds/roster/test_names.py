"""Autocomplete and name resolution: accents, typos, prefixes, former team names."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeds.roster import bundled_roster, parse_roster
from feeds.roster.names import MAX_CHOICES, RosterNames, fold
from tests.e2e.world import small_roster

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def names() -> RosterNames:
    return RosterNames.build(small_roster(), TODAY)


@pytest.fixture(scope="module")
def bundled() -> RosterNames:
    return RosterNames.build(bundled_roster(), TODAY)


def test_fold():
    assert fold("Tadej Pogačar") == "tadej pogacar"
    assert fold("Michael Mørkøv") == "michael morkov"
    assert fold("  Team Visma | Lease a Bike ") == "team visma lease a bike"
    assert fold("\ud800x") == "x"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pogi", "tadej-pogacar"),  # no "Pogi" alias in this roster: a typing prefix
        ("pogacar", "tadej-pogacar"),
        ("POGAČAR", "tadej-pogacar"),
        ("cavendsh", "mark-cavendish"),
        ("cavendish", "mark-cavendish"),
        ("van der poel", "mathieu-van-der-poel"),
        ("van der po", "mathieu-van-der-poel"),
        ("mvdp", "mathieu-van-der-poel"),
        ("morkov", "michael-morkov"),
        ("the manxman", "mark-cavendish"),
        ("vasi", "vasilis-anastopoulos"),
    ],
)
def test_people_best_match_first(names, typed, expected):
    assert names.people.search(typed)[0].id == expected


def test_labels_carry_todays_team_or_status(names):
    labels = names.people.labels
    assert labels["tadej-pogacar"] == "Tadej Pogačar (UAE Team Emirates XRG)"
    assert labels["mark-cavendish"] == "Mark Cavendish (retired)"
    assert labels["vasilis-anastopoulos"] == "Vasilis Anastopoulos (coach)"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("astana", "astana"),
        ("Astana Qazaqstan", "astana"),
        ("deceuninck quick step", "quick-step"),
        ("jumbo", "visma"),
        ("Jumbo-Visma", "visma"),
        ("bora", "bora"),
        ("wolfpack", "quick-step"),
    ],
)
def test_teams_by_any_name_they_had(names, typed, expected):
    assert names.teams.search(typed)[0].id == expected
    assert names.teams.resolve(typed) == expected


def test_resolve_is_strict_about_ambiguity(names):
    assert names.people.resolve("mark-cavendish") == "mark-cavendish"  # autocomplete value
    assert names.people.resolve("Cavendish") == "mark-cavendish"  # a unique surname
    assert names.people.resolve("cavendsh") == "mark-cavendish"  # one clear typo
    assert names.people.resolve("Michael") is None  # Mørkøv or Woods?
    assert names.people.resolve("Eddy Merckx") is None
    assert names.people.resolve("") is None
    assert names.teams.resolve("deceuninck") is None  # Alpecin- or -Quick-Step?


def test_choices_are_capped_and_unique(names):
    for query in ["a", "e", "an", "mi", "team"]:
        found = names.people.search(query) + names.teams.search(query)
        assert len(names.people.search(query)) <= MAX_CHOICES
        ids = [m.id for m in names.people.search(query)]
        assert len(ids) == len(set(ids))
        assert all(len(m.label) <= 100 for m in found)
    assert names.people.search("") == []
    assert names.people.search("   ") == []


@given(st.text(max_size=200))
def test_search_never_fails(names, text):
    assert len(names.people.search(text)) <= MAX_CHOICES
    names.people.resolve(text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pogi", "tadej-pogacar"),
        ("pogacar", "tadej-pogacar"),
        ("cavendsh", "mark-cavendish"),
        ("van der poel", "mathieu-van-der-poel"),
    ],
)
def test_bundled_roster(bundled, typed, expected):
    assert bundled.people.search(typed)[0].id == expected


def test_autocomplete_is_fast_on_the_bundled_roster(bundled):
    started = time.perf_counter()
    for query in ["pogi", "van der", "cavendsh", "jonas vingegaard", "x", "remco"] * 5:
        bundled.people.search(query)
    per_query = (time.perf_counter() - started) / 30
    assert per_query < 0.05, per_query


SHARED_NAMES = """
[[team]]
id = "lidl-trek"
category = "men"
names = [{ name = "Trek-Segafredo", from = 2019-01-01, until = 2022-12-31 },
         { name = "Lidl-Trek", from = 2023-01-01 }]

[[team]]
id = "lidl-trek-women"
category = "women"
names = [{ name = "Lidl-Trek", from = 2023-01-01 }]

[[rider]]
name = "Tom Pidcock"
nationality = "GBR"

[[rider]]
id = "tom-pidcock-2"
name = "Tom Pidcock"
nationality = "USA"
"""


def test_shared_names_get_distinct_labels_and_are_ambiguous():
    names = RosterNames.build(parse_roster(SHARED_NAMES), TODAY)
    assert names.teams.labels == {
        "lidl-trek": "Lidl-Trek (men)",
        "lidl-trek-women": "Lidl-Trek (women)",
    }
    assert set(names.people.labels.values()) == {"Tom Pidcock (GBR)", "Tom Pidcock (USA)"}
    assert names.teams.resolve("Lidl-Trek") is None
    assert names.teams.candidates("lidl trek") == ["lidl-trek", "lidl-trek-women"]
    assert names.teams.resolve("Trek-Segafredo") == "lidl-trek"
    assert names.teams.resolve("lidl-trek-women") == "lidl-trek-women"  # a choice's value
    assert names.teams.resolve("Lidl-Trek (women)") == "lidl-trek-women"  # a label in full
    assert names.people.resolve("tom pidcock (usa)") == "tom-pidcock-2"
