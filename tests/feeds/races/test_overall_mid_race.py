"""A result told during a stage race that speaks of the overall ("moves up to second
overall", "é o novo líder da geral") is still the report of the day's stage: before the
race's last day the general classification is news of every stage (feeds/races/focus.py).
From the last day on, the overall is won and the story is the race's: no stage."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.focus import FocusEvidence, Seasons, choose_focus
from feeds.races.model import Calendar, Edition, Race


def _seasons() -> Seasons:
    race = Race("rund", "Rundfahrt", "men", "worldtour", "stage")
    edition = Edition("rund", 2024, date(2024, 4, 1), date(2024, 4, 6), 6)
    return Seasons(Calendar({"rund": race}, {edition.key: edition}))


def _evidence(overall: bool) -> FocusEvidence:
    return FocusEvidence(["rund"], Counter({"rund": 2}), [], [], [], [], overall=overall)


@pytest.mark.parametrize(
    ("published", "overall", "stage"),
    [
        (date(2024, 4, 3), True, 3),  # mid-race, the overall spoken of: the day's stage
        (date(2024, 4, 3), False, 3),
        (date(2024, 4, 6), True, None),  # the last day: the overall is won
    ],
)
def test_overall_mid_race(published: date, overall: bool, stage: int | None) -> None:
    focus = choose_focus(_seasons(), "result", _evidence(overall), published)
    assert focus is not None and focus.stage == stage
