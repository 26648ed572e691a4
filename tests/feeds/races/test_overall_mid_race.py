"""A result told during a stage race that speaks of the overall ("moves up to second
overall", "é o novo líder da geral") is still the report of the day's stage when its lead
tells that day's racing (a stage, "today", the day's finish): before the race's last day
the general classification is news of every stage (feeds/races/focus.py). A standings
analysis that tells no day's racing is the race's, and so is the story from the last day
on, when the overall is won: no stage."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.focus import FocusEvidence, Seasons, choose_focus
from feeds.races.model import Calendar, Edition, Race
from feeds.tagger import Tagger


def _seasons() -> Seasons:
    race = Race("rund", "Rundfahrt", "men", "worldtour", "stage")
    edition = Edition("rund", 2024, date(2024, 4, 1), date(2024, 4, 6), 6)
    return Seasons(Calendar({"rund": race}, {edition.key: edition}))


def _evidence(overall: bool, today: bool, stage_noun: bool) -> FocusEvidence:
    return FocusEvidence(
        ["rund"],
        Counter({"rund": 2}),
        [],
        [],
        [],
        [],
        overall=overall,
        lead_today=today,
        lead_stage_noun=stage_noun,
    )


@pytest.mark.parametrize(
    ("published", "overall", "today", "stage_noun", "stage"),
    [
        # Mid-race, the overall spoken of beside the day's racing: the day's stage.
        (date(2024, 4, 3), True, False, True, 3),
        (date(2024, 4, 3), True, True, False, 3),
        (date(2024, 4, 3), False, False, False, 3),
        # Mid-race, the standings alone: the race's.
        (date(2024, 4, 3), True, False, False, None),
        # The last day: the overall is won.
        (date(2024, 4, 6), True, True, True, None),
    ],
)
def test_overall_mid_race(
    published: date, overall: bool, today: bool, stage_noun: bool, stage: int | None
) -> None:
    evidence = _evidence(overall, today, stage_noun)
    focus = choose_focus(_seasons(), "result", evidence, published)
    assert focus is not None and focus.stage == stage


GIRO_DAY = date(2025, 5, 22)
"""Stage 12 of the Giro d'Italia 2025."""


@pytest.mark.parametrize(
    ("language", "title", "text", "stage"),
    [
        (
            "en",
            "Giro d'Italia: who can still beat Del Toro?",
            "Isaac del Toro leads the overall standings by half a minute. We look at the "
            "general classification and at who can still take the pink jersey.",
            None,
        ),
        (
            "it",
            "Giro d'Italia, chi può ancora battere Del Toro?",
            "Isaac del Toro guida la classifica generale con mezzo minuto di vantaggio. "
            "Analizziamo chi può ancora vincere la maglia rosa.",
            None,
        ),
        (
            "en",
            "Giro d'Italia: Del Toro extends his overall lead",
            "Isaac del Toro won the stage today and leads the overall standings by a minute.",
            12,
        ),
        (
            "pt",
            "Giro d'Italia: Del Toro reforça a liderança da geral",
            "Isaac del Toro venceu hoje a etapa e lidera a geral com um minuto de vantagem.",
            12,
        ),
    ],
)
def test_overall_story_mid_race(
    tagger: Tagger, language: str, title: str, text: str, stage: int | None
) -> None:
    tags = tagger.tag(title, text, GIRO_DAY, True, language=language)
    assert tags.race_focus is not None and tags.race_focus.stage == stage
