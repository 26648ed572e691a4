"""Hostile text for the race-subject start verbs (feeds/races/mentions.py `_race_before`):
thousands of start verbs after one race name, thousands of race names before one verb,
and a race named once before a long run of verbs with a rider as subject. Each verb looks
back once (a bisection over the race names and a bounded gap), so four times the input
may not take eight times as long. Kind words are read in a text's opening
(feeds/races/tagging.py `KIND_CHARS`), the race names through the whole text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear


def _verbs_after_a_race(n: int) -> str:
    return "The Tour de France kicks off in Lille. " + "It kicks off, kicks off. " * n


def _races_before_a_verb(n: int) -> str:
    return "The Tour de France, " * n + "kicks off in Lille."


def _rider_verbs(n: int) -> str:
    return "La Vuelta a España. " + "Enric Mas comenzará su temporada; " * n


@pytest.mark.parametrize(
    ("make", "n", "language"),
    [
        (_verbs_after_a_race, 1000, "en"),
        (_races_before_a_verb, 1000, "en"),
        (_rider_verbs, 1000, "es"),
    ],
    ids=["verbs after one race", "races before one verb", "a rider's verbs"],
)
def test_time_grows_linearly(
    tagger: Tagger, make: Callable[[int], str], n: int, language: str
) -> None:
    assert_linear(
        lambda body: tagger.tag("Season news", body, date(2026, 6, 25), True, language),
        make,
        n,
    )
