"""A preview told the day after its edition's last day (feeds/races/focus.py
`PREVIEW_SLACK`): still that edition, since dates moved from another year can end a race
a day early; two days on, a preview is of next year's edition."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.focus import FocusEvidence, Seasons, choose_focus
from feeds.races.model import Calendar, Edition, Race


def _seasons() -> Seasons:
    race = Race("rund", "Rundfahrt", "men", "worldtour", "stage")
    edition = Edition("rund", 2024, date(2024, 6, 11), date(2024, 6, 15), 5)
    return Seasons(Calendar({"rund": race}, {edition.key: edition}))


@pytest.mark.parametrize(
    ("published", "year"),
    [
        (date(2024, 6, 15), 2024),  # the last day's preview
        (date(2024, 6, 16), 2024),  # a day after the (moved) end
        (date(2024, 6, 17), 2025),  # two days on: next year's
        (date(2024, 10, 20), 2025),  # the route presentation in October
    ],
)
def test_preview_edition(published: date, year: int) -> None:
    evidence = FocusEvidence(["rund"], Counter({"rund": 2}), [], [], [], [], overall=False)
    focus = choose_focus(_seasons(), "preview", evidence, published)
    assert focus is not None and focus.year == year
