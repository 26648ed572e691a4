"""Seasons around a move: when it takes effect ("from 2026", "next season"), and a past
season that makes it history ("joined Ineos in 2019"). The year a contract ends is
neither.
"""

from __future__ import annotations

import re

from feeds.nlp.transfers.cues.timing import CONTRACT_END, NEXT_SEASON, PAST_YEAR, SEASON_YEAR
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Span

_SEASON = re.compile(r"\b" + SEASON_YEAR)
_PAST_YEAR = re.compile(PAST_YEAR)
_CONTRACT_END = re.compile(r"\b" + CONTRACT_END)
_NEXT_SEASON = re.compile(r"\b(?:" + NEXT_SEASON + r")\b")


def names_past_season(story: Story, start: int, end: int) -> bool:
    """A season before publication named in these words (contract ends aside)."""
    if story.published is None:
        return False
    ends = [m.span() for m in _CONTRACT_END.finditer(story.low, start, end)]
    for found in _PAST_YEAR.finditer(story.low, start, end):
        if int(found.group(1)) < story.published.year and not any(
            s <= found.start(1) < e for s, e in ends
        ):
            return True
    return False


def clause_season(story: Story, clause: Span) -> int | None:
    """The season the clause's move takes effect: a year named for it (up to three years
    on from publication), else the next season when it says so."""
    pub = story.published
    ends = [m.span() for m in _CONTRACT_END.finditer(story.low, clause.start, clause.end)]
    for found in _SEASON.finditer(story.low, clause.start, clause.end):
        if any(s <= found.start(1) < e for s, e in ends):
            continue
        year = int(found.group(1))
        if pub is None or pub.year <= year <= pub.year + 3:
            return year
    if pub is not None and _NEXT_SEASON.search(story.low, clause.start, clause.end):
        return pub.year + 1
    return None
