"""What the story-level reader asks of a stretch of text: does it say a signing (a cue
of the arrival families, or a stem of the lexicon concept `signing_stems`), or does it
tell something else (a departure, a denial, an extension, a retirement, a race, a
negation)?
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from feeds.models import Mention
from feeds.nlp.lexicon import bundled, pooled
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import WORD_START, within
from feeds.nlp.transfers.vetoes import thing_object

SIGNING_FAMILIES = ("arrive", "acquire", "noun_arrive", "newcomers")
"""Cue families that say someone is signed or arrives."""
MOVE_VERBS = ("arrive", "acquire")
"""The signing families that are verbs: a move noun alone ("a transfer") names no team."""
OTHER_NEWS = ("depart", "lose", "noun_depart", "dispute", "extension", "retire", "race")
"""Cue families of a departure, a denial, an extension, a retirement or a race: a team
named beside them is not where the person goes."""
NONE = r"(?!x)x"
"""A pattern that matches nothing: a concept a language leaves empty."""
AHEAD_TAIL = r"\s*$"
"""An ahead-of word ends right before the person placed behind it."""
_NEGATION = re.compile(WORD_START + r"(?:" + pooled().alternation("negation") + r")")
_STAGE_WORDS = re.compile(
    WORD_START + r"(?:" + "|".join(map(re.escape, sorted(pooled().words("stage_words")))) + r")\b"
)


@cache
def _concept(concept: str, languages: tuple[str, ...] | None, tail: str = "") -> re.Pattern[str]:
    """A concept's words or patterns in the story's languages (every language when not
    known), from a word start, followed by `tail`; a concept a language leaves empty
    matches nothing."""
    lexicon = bundled().pool(languages) if languages else pooled()
    return re.compile(WORD_START + r"(?:" + (lexicon.alternation(concept) or NONE) + r")" + tail)


def says_signing(
    story: Story,
    start: int,
    end: int,
    languages: tuple[str, ...] | None,
    families: tuple[str, ...] = SIGNING_FAMILIES,
    stems: bool = True,
) -> bool:
    """A signing cue (of `families`) or, with `stems`, a stem between `start` and `end`."""
    for family in families:
        # "ha firmato autografi": a verb whose object is a thing says no signing
        if any(
            not thing_object(story, hit) for hit in within(story.hits.get(family, []), start, end)
        ):
            return True
    return stems and _concept("signing_stems", languages).search(story.low, start, end) is not None


def takes_person(
    story: Story,
    start: int,
    end: int,
    languages: tuple[str, ...] | None,
    people: set[str],
    beside_team: bool = True,
) -> bool:
    """ "Cofidis haalt A", "haalde Cofidis A (Movistar)": an acquiring stem, with a team
    right before or right after it when `beside_team`, and one of `people` the first person
    after it in its sentence, its object. "X haalt uit naar T" (X before the verb) and "T
    holt mit K den Sieg vor A (U)" (K, no listed person, first) say nothing of the kind."""
    low = story.low
    for verb in _concept("acquiring_stems", languages).finditer(low, start, end):
        at, past = verb.span()
        beside = within(story.teams, start, end)
        if beside_team and not any(_next_to(low, t, at, past) for t in beside):
            continue
        after = within(story.people, past, _sentence_end(story, past, end))
        if after and after[0].entity_id in people:
            return True
    return False


def placed_behind(
    story: Story, people: Sequence[Mention], languages: tuple[str, ...] | None
) -> bool:
    """ "den Sieg vor A (T1) und B (T2)": one of `people` right after an ahead-of word, a
    placing in a result, where the brackets are the riders' teams of the day."""
    pattern, low = _concept("ahead_markers", languages, AHEAD_TAIL), story.low
    return any(pattern.search(low, max(0, p.start - 24), p.start) for p in people)


def placings_from(story: Story, people: Sequence[Mention]) -> int:
    """Where a result's placings start among `people` (one clause's, in order): the first
    person right after an ahead-of word with a bracket after them ("por delante de A (T1)
    y B (T2)"), from whom on the clause's people are placed, not moved. Past the end when
    none is."""
    pattern, low = _concept("ahead_markers", None, AHEAD_TAIL), story.low
    for p in people:
        bracketed = low[p.end : p.end + 2].lstrip().startswith("(")
        if bracketed and pattern.search(low, max(0, p.start - 24), p.start):
            return p.start
    return len(low) + 1


def _next_to(low: str, team: Mention, at: int, past: int) -> bool:
    """The team right before the word at `at` or right after it (ending at `past`)."""
    before = team.end <= at and not low[team.end : at].strip()
    return before or (team.start >= past and not low[past : team.start].strip())


def _sentence_end(story: Story, at: int, end: int) -> int:
    """Where the sentence holding `at` ends (at the latest `end`)."""
    starts = story.sentence_starts
    following = starts[bisect.bisect_right(starts, at)] if starts and at < starts[-1] else end
    return min(following, end)


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
    tappa") and no signing cue ("Tour stage winner X signs with Y" is a signing). A stem
    alone does not lift it: race reports borrow them ("holt den Sieg", "refuerza su
    liderato"), and bracket lists there are results, not arrivals."""
    end = story.title_end
    raced = tells_other_news(story, 0, end, ("race",)) or _STAGE_WORDS.search(story.low, 0, end)
    return bool(raced) and not says_signing(story, 0, end, languages, stems=False)
