"""A short name after its edition's host ("the Paris Olympics", "the Glasgow Worlds") is
that race, where a capitalised word before a short name otherwise makes another race's
name ("the Saudi Tour")."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger


@pytest.mark.parametrize(
    ("text", "published", "races"),
    [
        (
            "Remco Evenepoel, who won gold at the Paris Olympics this year, stays.",
            date(2024, 11, 1),
            ["olympic-games"],
        ),
        (
            "Remco Evenepoel raced the Glasgow Worlds in August.",
            date(2023, 10, 1),
            ["world-championships"],
        ),
        (
            "Remco Evenepoel won the road race at the Wollongong Worlds.",
            date(2022, 10, 1),
            ["world-championships"],
        ),
        # Not a host: still another race's name.
        ("Remco Evenepoel won the Saudi Tour.", date(2023, 2, 7), []),
    ],
)
def test_a_host_before_a_short_name_names_the_edition(
    tagger: Tagger, text: str, published: date, races: list[str]
) -> None:
    tags = tagger.tag("Evenepoel stays with his team", text, published, True, language="en")
    assert tags.races == races
