"""Where a story's rule phrases may match, found in one walk.

Several rules read every sentence of a story with a large alternation of lexicon phrases
("no longer rides for", "still looking for a team", "ha rescisso il contratto con", ...).
Each expression opens with a look-behind or a word boundary, so the regular expression
engine cannot skip ahead to the phrases' first letters: it tries every alternative at
every character, 20-70 µs a story for each expression, while most stories hold none of
the phrases.

Every match of such an expression begins with one of the literal strings
`matcher.pattern_starts` expands it to. One Aho-Corasick automaton holds the strings of
every expression the rules register (each module's `PHRASES`, gathered by
`rule_phrases`); one walk over the lower-cased story finds where any of them occurs,
and an expression is then tried only at those places, with `re.Pattern.match` and the
same end as the rule's window. The matches are the expression's own, in the same
order: `finditer` gives what `pattern.finditer(low, pos, endpos)` gives, and `search`
what `pattern.search` gives (tests/feeds/nlp/test_story_phrases.py compares them on
every development story and on generated text). Why it is exact:

- the leftmost match in a window starts where one of its strings occurs (a match's text
  begins with one of them), so trying the places in order finds it first;
- `match(low, place, endpos)` is the very attempt `search` makes at that place (the
  look-behinds see the text before it either way);
- after a match, `finditer` goes on from its end; places before it are passed over.
  No registered expression matches the empty string (`pattern_starts` refuses one).

An expression that is not registered is run as it is.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Protocol

import ahocorasick

from feeds.nlp.matcher import pattern_starts

log = logging.getLogger(__name__)

PHRASE_STARTS = 4096
"""Strings one expression may expand to: a lexicon concept's alternation of phrases
reaches several hundred, a cue's expansion stops at `matcher.MAX_STARTS`."""


class PhraseIndex:
    """The registered expressions' start strings in one automaton. Immutable after
    construction; shared freely between threads."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        given = {id(p): p for p in patterns}.values()
        expanded = {id(p): _starts(p) for p in given}
        # An expression whose starts cannot be told is run as it is, never refused: a
        # lexicon entry without a literal start must not stop every story's reading.
        self.patterns = tuple(p for p in given if expanded[id(p)] is not None)
        # By identity: a pattern's own hash reads its whole compiled program (microseconds
        # for a large alternation), and the index holds every pattern it was given, so
        # no id is reused while it lives. Another object of the same expression is run as
        # it is (the same matches).
        self._slot = {id(pattern): i for i, pattern in enumerate(self.patterns)}
        starts: dict[str, list[int]] = {}
        for i, pattern in enumerate(self.patterns):
            for start in expanded[id(pattern)] or ():
                starts.setdefault(start, []).append(i)
        self._automaton = ahocorasick.Automaton()
        for start, slots in starts.items():
            self._automaton.add_word(start, (len(start), tuple(slots)))
        self._empty = not starts
        if not self._empty:
            self._automaton.make_automaton()

    def slot(self, pattern: re.Pattern[str]) -> int | None:
        return self._slot.get(id(pattern))

    def scan(self, low: str) -> StoryPhrases:
        """Where each expression may match in `low`: one walk."""
        places: list[list[int]] = [[] for _ in self.patterns]
        if not self._empty:
            for end, (length, slots) in self._automaton.iter(low):
                start = end - length + 1
                for i in slots:
                    places[i].append(start)
        # The walk reports by end; strings of several lengths may start at one place.
        return StoryPhrases(self, low, [sorted(set(p)) if len(p) > 1 else p for p in places])


class StoryPhrases:
    """One story's places where each registered expression may match."""

    __slots__ = ("_index", "_low", "_places")

    def __init__(self, index: PhraseIndex, low: str, places: list[list[int]]) -> None:
        self._index = index
        self._low = low
        self._places = places

    def finditer(
        self,
        pattern: re.Pattern[str],
        pos: int = 0,
        endpos: int | None = None,
        *,
        reach: int | None = None,
    ) -> Iterator[re.Match[str]]:
        """`pattern.finditer(low, pos, endpos)`, trying only where it may match.

        With `reach`, each attempt sees at most `reach` characters from where it starts
        (the window's end still bounds it): an expression with an unbounded look-ahead
        ("a verb whose particle ends the clause") would otherwise read to the clause's end
        from each of its places, quadratic in a clause of thousands of them. The caller
        chooses a reach no real match comes near."""
        low = self._low
        end = len(low) if endpos is None else endpos
        slot = self._index.slot(pattern)
        if slot is None:
            if reach is None:
                return pattern.finditer(low, pos, end)
            return _reaching(pattern, low, pos, end, reach)
        places = self._places[slot]
        first = bisect.bisect_left(places, pos)
        if first == len(places) or places[first] >= end:
            return iter(())  # most windows: no place, no generator to set up
        return self._matches(pattern, places, first, end, reach)

    def _matches(
        self,
        pattern: re.Pattern[str],
        places: list[int],
        first: int,
        end: int,
        reach: int | None = None,
    ) -> Iterator[re.Match[str]]:
        low = self._low
        resume = 0
        # by index, not over a slice: a slice would copy every later place of the story
        # for each window asked about (each sentence of a story of thousands)
        for i in range(first, len(places)):
            place = places[i]
            if place >= end:
                return
            if place < resume:
                continue  # inside the last match
            stop = end if reach is None else min(end, place + reach)
            found = pattern.match(low, place, stop)
            if found is not None:
                yield found
                resume = found.end()

    def search(
        self, pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | None:
        """`pattern.search(low, pos, endpos)`, trying only where it may match."""
        return next(self.finditer(pattern, pos, endpos), None)


def _reaching(
    pattern: re.Pattern[str], low: str, pos: int, end: int, reach: int
) -> Iterator[re.Match[str]]:
    """`finditer` of an unregistered expression with each attempt bounded by `reach`:
    the search finds where a match may start, the bounded `match` decides it (the same
    places as the index's for an expression whose match inside a shorter window is one
    in the longer: no `$`, no look-around that needs the window's end)."""
    while pos < end:
        found = pattern.search(low, pos, end)
        if found is None:
            return
        bounded = pattern.match(low, found.start(), min(end, found.start() + reach))
        if bounded is not None:
            yield bounded
            pos = max(bounded.end(), found.start() + 1)
        else:
            pos = found.start() + 1


def _starts(pattern: re.Pattern[str]) -> set[str] | None:
    """The strings every match begins with; None when they cannot be told."""
    try:
        return pattern_starts(pattern.pattern, PHRASE_STARTS)
    except ValueError:
        log.warning("phrase %r has no literal start: searched as it is", pattern.pattern[:60])
        return None


_PLAIN = PhraseIndex(())
"""An index of no expression (immutable): every one is run as it is."""


class _Read(Protocol):
    """What `story_phrases` reads and fills: a `transfers.story.Story`."""

    low: str
    phrases: StoryPhrases | None


def story_phrases(story: _Read) -> StoryPhrases:
    """The story's places (`extract.read_document` walks them with the rules' index,
    `rule_phrases`); a story built another way runs every expression as it is."""
    found = story.phrases
    if found is None:
        found = story.phrases = _PLAIN.scan(story.low)
    return found
