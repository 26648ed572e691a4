"""Spans and cue hits are made by the dozen a story, so they are plain (not frozen)
dataclasses: they still compare and hash by their fields, as the frozen ones did."""

from __future__ import annotations

from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.text import Span


def test_spans_compare_and_hash_by_their_fields() -> None:
    assert Span(1, 5, 0, True) == Span(1, 5, 0, True)
    assert hash(Span(1, 5, 0, True)) == hash(Span(1, 5, 0, True))
    assert len({Span(1, 5, 0, True), Span(1, 5, 0, True), Span(1, 5, 0, False)}) == 2
    assert Span(1, 5, 0, True) != Span(1, 6, 0, True)
    assert Span(1, 5, 0, True) != (1, 5, 0, True)


def test_hits_compare_and_hash_by_their_fields() -> None:
    assert Hit("arrive", 3, 9) == Hit("arrive", 3, 9)
    assert hash(Hit("arrive", 3, 9)) == hash(Hit("arrive", 3, 9))
    assert len({Hit("arrive", 3, 9), Hit("depart", 3, 9), Hit("arrive", 3, 9)}) == 2
    assert Hit("arrive", 3, 9) != Hit("arrive", 3, 10)
