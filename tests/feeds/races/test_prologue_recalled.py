"""A lead that names a prologue and then a numbered stage ("after his prologue win he also
took the first stage", "after a wet prologue, stage 1 brought the crashes") reports the
numbered stage; a prologue report that looks ahead to a stage the calendar says is still
to run ("stage 1 on Sunday") stays the prologue's (feeds/races/focus.py `_lead_stage`)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.focus import FocusEvidence, Seasons, choose_focus
from feeds.races.model import Calendar, Edition, Race, Stage


def _seasons() -> Seasons:
    race = Race("rund", "Rundfahrt", "men", "worldtour", "stage")
    stages = tuple(Stage(n, date(2024, 8, 20 + n), f"Town {n}") for n in range(4))
    edition = Edition("rund", 2024, date(2024, 8, 20), date(2024, 8, 23), 3, stages)
    return Seasons(Calendar({"rund": race}, {edition.key: edition}))


@pytest.mark.parametrize(
    ("kind", "published", "stage"),
    [
        ("result", date(2024, 8, 21), 1),  # stage 1's day: the prologue is recalled
        ("crash", date(2024, 8, 21), 1),
        ("result", date(2024, 8, 20), 0),  # the prologue's day: stage 1 is still ahead
    ],
)
def test_prologue_then_stage(kind: str, published: date, stage: int) -> None:
    evidence = FocusEvidence(["rund"], Counter({"rund": 2}), [], [0, 1], [], [], overall=False)
    focus = choose_focus(_seasons(), kind, evidence, published)  # type: ignore[arg-type]
    assert focus is not None and focus.stage == stage
