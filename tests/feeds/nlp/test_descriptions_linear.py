"""Descriptions that refer back ("la formation française", "the Dane") read in one sweep:
many descriptions after many bracketed and named teams stay linear (review RXS: each
description scanned every earlier mention, descriptions x mentions)."""

from __future__ import annotations

from datetime import date

from feeds.tagger import Tagger
from tests.growth import assert_linear

PUBLISHED = date(2024, 10, 10)


def _descriptions(tagger: Tagger, text: str) -> list[tuple[str, str]]:
    return [
        (m.kind, m.entity_id)
        for m in tagger.mentions("Mercato", text, PUBLISHED)
        if m.how == "description"
    ]


def test_each_description_reads_what_came_before_it(tagger: Tagger) -> None:
    """The sweep answers each description from what precedes it only: the first reads
    the bracket (no French team named yet in its own words), the second the team named
    between them."""
    text = (
        "Axel Zingle (Cofidis) a gagné au sprint. La formation française a fêté sa victoire. "
        "Plus tard, Groupama-FDJ a annoncé une recrue. Kevin Vauquelin (Arkéa-Samsic) a "
        "signé avec la formation française."
    )
    assert _descriptions(tagger, text) == [("team", "cofidis"), ("team", "groupama-fdj")]


def test_many_descriptions_after_many_mentions_linear(tagger: Tagger) -> None:
    """Hundreds of team and person descriptions, each after a growing list of bracketed
    and named teams: linear time."""
    unit = (
        "Groupama-FDJ a gagné. Axel Zingle (Cofidis), Kevin Vauquelin (Arkéa-Samsic) et "
        "Benjamin Thomas (Cofidis) ont signé avec la formation française. Le Français est "
        "content. "
    )
    assert_linear(lambda text: tagger.mentions("Mercato", text, PUBLISHED), lambda n: unit * n, 400)
