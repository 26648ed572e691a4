"""Hostile text for the headline gates of the kind (feeds/races/tagging.py `title_rider`,
`title_move`): a headline naming a rider and a team over thousands of repeated names and
moves. The gates read the mentions and moves once each (a set of the headline's names,
then one look per move), so four times the input may not take eight times as long."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear

HEADLINE = "After his crash, Mattias Skjelmose heads to Visma | Lease a Bike"


def _repeated_moves(n: int) -> str:
    return "Mattias Skjelmose joins Visma | Lease a Bike from Lidl-Trek. " * n


def _repeated_names(n: int) -> str:
    return "Mattias Skjelmose, Visma | Lease a Bike, " * n + "signs."


@pytest.mark.parametrize(
    ("make", "n"),
    [(_repeated_moves, 300), (_repeated_names, 300)],
    ids=["repeated moves", "repeated names"],
)
def test_time_grows_linearly(tagger: Tagger, make: Callable[[int], str], n: int) -> None:
    assert_linear(
        lambda body: tagger.tag(HEADLINE, body, date(2025, 9, 24), True, "en"),
        make,
        n,
    )
