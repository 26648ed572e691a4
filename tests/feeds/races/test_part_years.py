"""A part's years are read in the folded story's bounds, not from a copy of the part:
the same years as the expression finds in the part cut out, on generated stories (years
at the part's edges, in the other part, with digits around)."""

from __future__ import annotations

import random
import re

import pytest

from feeds.races.mentions import read_part
from feeds.races.tagging import bundled_race_tagger
from feeds.races.terms import Terms
from feeds.text.fold import FoldedText

# The part's years as first written: the expression over the part copied out.
_YEAR = re.compile(r" (20[0-4]\d) ")
PIECES = [
    "2024", "2019", "2049", "2050", "1999", "12024", "20245", "20", "2", "Tour", "de",
    "France", " ", "  ", ".", ",", "-", "stage", "5", "\n", "Giro", "’", "é", "2024-25",
]  # fmt: skip


@pytest.fixture(scope="module")
def terms() -> Terms:
    return bundled_race_tagger().terms


@pytest.mark.parametrize("seed", range(3))
def test_years_as_in_the_part_cut_out(terms: Terms, seed: int) -> None:
    rng = random.Random(seed)
    seen = 0
    for _ in range(400):
        text = " ".join(rng.choices(PIECES, k=rng.randint(1, 30)))
        ft = FoldedText(text)
        size = len(ft.folded)
        start = rng.randint(0, size)
        end = rng.randint(start, size)
        reading = read_part(terms, ft, start, end, start, end)
        part = ft.folded[start:end]
        expected = [int(y) for y in _YEAR.findall(part)] if " 20" in part else []
        assert reading.years == expected, (ft.folded, start, end)
        seen += bool(expected)
    assert seen > 20
