"""Seasons around a move: when it takes effect ("from 2026", "next season"), and a past
season that makes it history ("joined Ineos in 2019"). The year a contract ends is
neither.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Span

_LEX = pooled()
_YEAR = r"((?:19|20)\d\d)"


def _spaced(concept: str) -> str:
    """The concept's words, each followed by white space, as one alternation."""
    return "|".join(word + r"\s+" for word in _LEX[concept])


# A year introduced like this is when the move takes effect.
_SEASON = re.compile(
    r"\b(?:"
    + _LEX.alternation("season_markers")
    + r")\s+(?:"
    + _spaced("season_articles")
    + r")?"
    + _YEAR
    + r"\b"
)
# A past season in the words around a move verb makes it history ("joined Ineos in 2019").
_PAST_YEAR = re.compile(r"\b(?:" + _LEX.alternation("past_year_markers") + r")\s+" + _YEAR + r"\b")
# A year after these is the end of a contract, not the season of the move ("contract ends
# in 2026", "until 2027"); the word boundary binds to the first branch only.
_CONTRACT_END = re.compile(
    r"\b(?:(?:"
    + _LEX.alternation("contract_nouns")
    + r")\s+(?:\w+\s+){0,3}(?:"
    + _LEX.alternation("contract_end_verbs")
    + r")\s+(?:"
    + _LEX.alternation("contract_end_prepositions")
    + r")?\s*"
    + _YEAR
    + r")|(?:"
    + _LEX.alternation("until_markers")
    + r")\s+(?:"
    + _spaced("until_articles")
    + r")?"
    + _YEAR
)
_NEXT_SEASON = re.compile(r"\b(?:" + _LEX.alternation("next_season") + r")\b")
PHRASES = (_NEXT_SEASON,)
"""Scanned clause by clause: tried only where `phrases` finds they may match."""


# Where a year of 19xx or 20xx could begin (overlapping: every such place, "192020" too).
_YEAR_START = re.compile(r"(?=(?:19|20)\d\d)")


def _may_name_year(story: Story, start: int, end: int) -> bool:
    """Whether a year could begin between the two offsets: every season and past-year
    expression needs one there, so without it they are not run (most clauses)."""
    starts = story.year_starts
    if starts is None:
        starts = story.year_starts = [m.start() for m in _YEAR_START.finditer(story.low)]
    at = bisect_left(starts, start)
    return at < len(starts) and starts[at] < end


def names_past_season(story: Story, start: int, end: int) -> bool:
    """A season before publication named in these words (contract ends aside)."""
    if story.published is None or not _may_name_year(story, start, end):
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
    if _may_name_year(story, clause.start, clause.end):
        year = _named_season(story, clause)
        if year is not None:
            return year
    if pub is not None and story_phrases(story).search(_NEXT_SEASON, clause.start, clause.end):
        return pub.year + 1
    return None


def _named_season(story: Story, clause: Span) -> int | None:
    """The year named for the clause's move, if any."""
    pub = story.published
    ends = [m.span() for m in _CONTRACT_END.finditer(story.low, clause.start, clause.end)]
    for found in _SEASON.finditer(story.low, clause.start, clause.end):
        if any(s <= found.start(1) < e for s, e in ends):
            continue
        year = int(found.group(1))
        if pub is None or pub.year <= year <= pub.year + 3:
            return year
    return None


# A year written alone ("En 2016 el equipo ...", "Back in 2016"), not part of a longer number.
_BARE_YEAR = re.compile(r"(?<![\d.,])" + _YEAR + r"(?!\d|[.,]\d)")


def first_earlier_year(story: Story, start: int, end: int) -> int | None:
    """Where the first year before publication is written in these words (a contract's
    end aside), None for none: before a move's words or beside them, it recalls an event
    ("In 2016 the team ended the contract of X"), no move now. Read once per sentence."""
    if story.published is None or not _may_name_year(story, start, end):
        return None
    ends = [m.span() for m in _CONTRACT_END.finditer(story.low, start, end)]
    for found in _BARE_YEAR.finditer(story.low, start, end):
        if int(found.group(1)) < story.published.year and not any(
            s <= found.start(1) < e for s, e in ends
        ):
            return found.start(1)
    return None
