"""Hostile lists of names cost the whole tagger time in proportion to their length: one
case per path that grew faster than linearly (issues #13, #15). Each text is what a feed
could send: a long list of names, a name repeated, thousands of short signings. Four
times the input may not take eight times as long (tests/growth.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.nlp.tag import Tagger
from tests.growth import assert_linear

PUBLISHED = date(2025, 11, 2)
RETIRED = ("Tom Dumoulin", "Robert Gesink", "Simon Yates")
"""Riders the bundled roster has retired by the publication date (read as staff)."""


def _tag(tagger: Tagger, language: str) -> Callable[[str], object]:
    return lambda body: tagger.tag("Transfers", body, PUBLISHED, True, language)


def _riders(tagger: Tagger, count: int) -> list[str]:
    """Distinct riders of the bundled roster: each one is a person the decision reads."""
    names = sorted(p.name for p in tagger.roster.people.values() if p.kind == "rider")
    assert len(names) >= count
    return names[:count]


def test_a_sentence_of_retired_riders_grows_linearly(tagger: Tagger) -> None:
    """roles.appointed: each retired rider's sentence is found by bisection and searched
    for a staff title once, not once per rider in it."""

    def make(n: int) -> str:
        return "Lidl-Trek signs " + ", ".join(RETIRED[i % 3] for i in range(n)) + "."

    assert_linear(_tag(tagger, "en"), make, 500)


@pytest.mark.parametrize(
    ("language", "noun"),
    [("en", "Transfers confirmed"), ("de", "Die Transfers"), ("fr", "Les transferts")],
)
def test_a_move_noun_before_a_long_list_grows_linearly(
    tagger: Tagger, language: str, noun: str
) -> None:
    """directions._noun_arriving: the words from the noun to each team only grow, so the
    walk stops at the first team too far to be the noun's."""

    def make(n: int) -> str:
        return f"{noun}: " + ", ".join(["Tadej Pogačar -> Lidl-Trek"] * n) + "."

    assert_linear(_tag(tagger, language), make, 250)


@pytest.mark.parametrize(
    ("language", "verb"), [("en", "signs"), ("de", "verpflichtet"), ("fr", "recrute")]
)
def test_thousands_of_short_signings_grow_linearly(
    tagger: Tagger, language: str, verb: str
) -> None:
    """decide, move_records.origin_of, status.headline_hedge, unnamed: per person, the
    headline's team, the first mention, the team left and the unconfirmed sentences are
    looked up, not found by a walk over every mention or sentence of the story."""
    names = _riders(tagger, 1600)

    def make(n: int) -> str:
        return " ".join(f"Lidl-Trek {verb} {names[i]}." for i in range(n))

    assert_linear(_tag(tagger, language), make, 400)


@pytest.mark.parametrize(("language", "verb"), [("en", "joins"), ("nl", "gaat naar")])
def test_one_person_before_a_long_list_of_teams_grows_linearly(
    tagger: Tagger, language: str, verb: str
) -> None:
    """arrows._items and _origin_between: the gap from the one person to each team of the
    list is read only up to its fourth word, the teams between only up to two."""

    def make(n: int) -> str:
        return f"Tadej Pogačar {verb} " + ", ".join(["Lidl-Trek"] * n) + "."

    assert_linear(_tag(tagger, language), make, 500)


@pytest.mark.parametrize(
    ("language", "clause"),
    [
        ("en", "Tadej Pogačar joins the Qarbo Team."),
        ("fr", "Tadej Pogačar rejoint la Qarbo Team."),
    ],
)
def test_arrivals_at_unknown_teams_grow_linearly(
    tagger: Tagger, language: str, clause: str
) -> None:
    """unread._unresolved: whether a mention lies in a destination slot is a bisection
    over the mentions' running furthest end, not a walk over every mention."""
    assert_linear(_tag(tagger, language), lambda n: " ".join([clause] * n), 500)


def test_one_name_before_thousands_of_verbs_grows_linearly(tagger: Tagger) -> None:
    """movers._speaker: "confirmed that" is looked for within SPEAKER_REACH characters of
    the person, not again over the whole clause for each verb after them."""

    def make(n: int) -> str:
        return "Tadej Pogačar " + " ".join(["joins the Qarbo Team,"] * n) + "."

    assert_linear(_tag(tagger, "en"), make, 250)
