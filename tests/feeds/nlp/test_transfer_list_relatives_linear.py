"""Hostile text for the relative clause before a colon list (`list_relatives`): a long
stretch between an arrival verb and its colon (words, one endless word, relative clauses
over and over) and a long list after it. Each sentence asks once, with one bounded
search, so four times the input may not take eight times as long."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear

LIST = "Michael Storer, Alberto Dainese and Matteo Trentin."


def _words_before_the_colon(n: int) -> str:
    return "Rui Costa joins three riders " + "who had stayed " * n + "already: " + LIST


def _one_long_word(n: int) -> str:
    return "Rui Costa joins " + "x" * (20 * n) + " who had already renewed: " + LIST


def _long_list(n: int) -> str:
    return "Rui Costa joins riders who had already renewed: " + "Matteo Trentin, " * n + LIST


@pytest.mark.parametrize(
    "make",
    [_words_before_the_colon, _one_long_word, _long_list],
    ids=["relative clauses", "one long word", "a long list"],
)
def test_time_grows_linearly(tagger: Tagger, make: Callable[[int], str]) -> None:
    assert_linear(
        lambda body: tagger.tag("Rui Costa signs", body, date(2023, 8, 10), True, "en"),
        make,
        1000,
    )


def _lists_with_relatives(n: int) -> str:
    # one sentence each: a single sentence of thousands of "joins X, ..." grows faster than
    # linearly without this rule too (the clause readers'), which this test does not time
    return "He joins Matteo Trentin and Michael Storer, who had already stayed. " * n


def test_relative_clauses_after_many_lists_stay_linear(tagger: Tagger) -> None:
    assert_linear(
        lambda body: tagger.tag("Rui Costa signs", body, date(2023, 8, 10), True, "en"),
        _lists_with_relatives,
        500,
    )
