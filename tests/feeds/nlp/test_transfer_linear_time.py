"""Hostile feed text (one list of thousands of names, thousands of arrow lines, a team
named thousands of times) costs time in proportion to its length in the transfer rules:
four times the input may not take eight times as long. Ratios in one run, never an
absolute time, so a busy machine does not fail them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear


def _name_list(n: int) -> str:
    return "Lidl-Trek has signed " + ", ".join(["Tadej Pogačar"] * n) + "."


def _arrow_lines(n: int) -> str:
    line = "- Tadej Pogačar (UAE Team Emirates) -> Lidl-Trek"
    return "Transfers confirmed:\n" + "\n".join([line] * n)


def _team_run(n: int) -> str:
    return "Movistar Team " * n + "has signed Tadej Pogačar and Jonas Vingegaard."


@pytest.mark.parametrize(
    ("make", "n"),
    [(_name_list, 2500), (_arrow_lines, 1000), (_team_run, 1000)],
    ids=["10000-name list", "4000 arrow lines", "4000 team names"],
)
def test_time_grows_linearly(tagger: Tagger, make: Callable[[int], str], n: int) -> None:
    assert_linear(
        lambda body: tagger.tag("Transfers round-up", body, date(2025, 11, 2), True, "en"), make, n
    )


@pytest.mark.parametrize(
    ("language", "verb"),
    [("nl", "haalt"), ("de", "verpflichtet"), ("sl", "je podpisal"), ("da", "henter")],
)
def test_a_bracketed_list_in_a_declining_language_grows_linearly(
    tagger: Tagger, language: str, verb: str
) -> None:
    """Declined team names are looked for beside every capitalised word: whether one lies
    inside a name already found is a bisection, not a walk over every name found."""

    def make(n: int) -> str:
        return f"Lidl-Trek {verb} " + ", ".join(["Tadej Pogačar (UAE Team Emirates)"] * n) + "."

    assert_linear(
        lambda body: tagger.tag("Transfers", body, date(2025, 11, 2), True, language), make, 500
    )
