"""Hostile lists of names cost the whole tagger time in proportion to their length: one
case per path that grew faster than linearly (issues #13, #15). Each text is what a feed
could send: a long list of names, a name repeated, thousands of short signings. Four
times the input may not take eight times as long (tests/growth.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.nlp.transfers.arrows import arrow_moves
from feeds.nlp.transfers.decide import decide
from feeds.nlp.transfers.extract import Reading, read_story
from feeds.nlp.transfers.unread import mark_unread_destinations
from feeds.tagger import Tagger
from tests.growth import assert_linear

PUBLISHED = date(2025, 11, 2)
RETIRED = ("Tom Dumoulin", "Robert Gesink", "Simon Yates")
"""Riders the bundled roster has retired by the publication date (read as staff)."""


def _tag(tagger: Tagger, language: str) -> Callable[[str], object]:
    return lambda body: tagger.tag("Transfers", body, PUBLISHED, True, language)


def _riders(tagger: Tagger, count: int) -> list[str]:
    """Riders of the bundled roster, distinct up to the roster's size and then repeated:
    `assert_linear` doubles n when the small case is too quick to measure, so a test may
    ask for more items than it planned (up to 4 * 32 * n)."""
    names = sorted(p.name for p in tagger.roster.people.values() if p.kind == "rider")
    return [names[i % len(names)] for i in range(count)]


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
    names = _riders(tagger, 400 * 128)

    def make(n: int) -> str:
        return " ".join(f"Lidl-Trek {verb} {names[i % len(names)]}." for i in range(n))

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


# --- one stage alone ---------------------------------------------------------------------
# A quadratic stage can hide inside the whole tagger's linear time at the sizes a test can
# afford: these read the story once, then time only the stage that was quadratic.


def _reading(tagger: Tagger, body: str, language: str) -> Reading:
    mentions = tagger.mentions("Transfers", body, PUBLISHED, True, language)
    reading = read_story("Transfers\n\n" + body, mentions, tagger.roster, PUBLISHED, language)
    assert reading is not None
    return reading


def _stage_grows_linearly(
    tagger: Tagger, stage: Callable[[Reading], object], make: Callable[[int], str], n: int
) -> None:
    readings: dict[str, Reading] = {}

    def read(body: str) -> object:
        if body not in readings:  # the reading is built once, outside the timed runs
            readings[body] = _reading(tagger, body, "en")
        return stage(readings[body])

    for size in (max(1, n // 20), n, n * 4):
        read(make(size))
    assert_linear(read, make, n)


def test_deciding_thousands_of_signings_grows_linearly(tagger: Tagger) -> None:
    """decide: each person's headline team, first mention, team left and unconfirmed
    sentences are looked up, not walked for."""
    names = _riders(tagger, 500 * 128)
    _stage_grows_linearly(
        tagger,
        lambda r: decide(r.story, r.spans),
        lambda n: " ".join(f"Lidl-Trek signs {names[i % len(names)]}." for i in range(n)),
        500,
    )


def test_marking_unread_destinations_grows_linearly(tagger: Tagger) -> None:
    """unread.mark_unread_destinations: one bisection per arrival, not a walk over every
    mention of the story."""
    _stage_grows_linearly(
        tagger,
        lambda r: mark_unread_destinations(r.story, r.spans),
        lambda n: " ".join(["Tadej Pogačar joins the Qarbo Team."] * n),
        500,
    )


def test_reading_a_long_list_of_arrows_grows_linearly(tagger: Tagger) -> None:
    """arrows._add: a person's evidence in the sentence is looked up by (sentence,
    person), not filtered out of every name's evidence in the sentence."""
    names = _riders(tagger, 500 * 128)
    _stage_grows_linearly(
        tagger,
        # a few milliseconds a call: read ten times, so that one stall is not the measure
        lambda r: [arrow_moves(r.story, r.spans) for _ in range(10)],
        lambda n: (
            "Transfers confirmed: "
            + ", ".join(f"{names[i % len(names)]} to Lidl-Trek" for i in range(n))
            + "."
        ),
        500,
    )
