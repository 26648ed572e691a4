"""What the story-level reader asks of a stretch of text: does it say a signing (a cue
of the arrival families, or a stem of the lexicon concept `signing_stems`), or does it
tell something else (a departure, a denial, an extension, a retirement, a race, a
negation)?
"""

from __future__ import annotations

import re
from functools import cache

from feeds.nlp.lexicon import bundled, pooled
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import WORD_START, within

SIGNING_FAMILIES = ("arrive", "acquire", "noun_arrive", "newcomers")
"""Cue families that say someone is signed or arrives."""
MOVE_VERBS = ("arrive", "acquire")
"""The signing families that are verbs: a move noun alone ("a transfer") names no team."""
OTHER_NEWS = ("depart", "lose", "noun_depart", "dispute", "extension", "retire", "race")
"""Cue families of a departure, a denial, an extension, a retirement or a race: a team
named beside them is not where the person goes."""
_NEGATION = re.compile(WORD_START + r"(?:" + pooled().alternation("negation") + r")")
_STAGE_WORDS = re.compile(
    WORD_START + r"(?:" + "|".join(map(re.escape, sorted(pooled().words("stage_words")))) + r")\b"
)


@cache
def _stems(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """The signing stems of the story's languages (every language when not known)."""
    lexicon = bundled().pool(languages) if languages else pooled()
    return re.compile(WORD_START + r"(?:" + lexicon.alternation("signing_stems") + r")")


def says_signing(
    story: Story,
    start: int,
    end: int,
    languages: tuple[str, ...] | None,
    families: tuple[str, ...] = SIGNING_FAMILIES,
) -> bool:
    """A signing cue (of `families`) or stem between `start` and `end`."""
    if any(within(story.hits.get(f, []), start, end) for f in families):
        return True
    return _stems(languages).search(story.low, start, end) is not None


def tells_other_news(story: Story, start: int, end: int, families: tuple[str, ...]) -> bool:
    """A cue of one of `families` between `start` and `end`."""
    return any(within(story.hits.get(f, []), start, end) for f in families)


def negated(story: Story, start: int, end: int) -> bool:
    """A negation between `start` and `end` ("denkt niet aan transfer naar INEOS")."""
    return _NEGATION.search(story.low, start, end) is not None


@cache
def _from_words() -> frozenset[str]:
    return frozenset(w.strip("'\u2019") for w in pooled().words("from_markers"))


def after_from_word(story: Story, start: int) -> bool:
    """ "sair da EF", "leaves Ineos": a from-word right before the team at `start`."""
    return _word_before(story, start) in _from_words()


def after_without_word(story: Story, start: int) -> bool:
    """ "sem André Carvalho", "without X": a without-word right before the person at
    `start`, who is named as missing from the team, not signed by it."""
    return _word_before(story, start) in pooled().words("without_words")


def _word_before(story: Story, start: int) -> str:
    words = story.low[max(0, start - 20) : start].split()
    return words[-1].strip("'\u2019") if words else ""


def race_headline(story: Story, languages: tuple[str, ...] | None) -> bool:
    """A race report's headline: a race cue or a stage word ("Kooij si prende l'ultima
    tappa") and no signing ("Tour stage winner X signs with Y" is a signing)."""
    end = story.title_end
    raced = tells_other_news(story, 0, end, ("race",)) or _STAGE_WORDS.search(story.low, 0, end)
    return bool(raced) and not says_signing(story, 0, end, languages)
