"""One Aho-Corasick automaton over every folded alias: longest-leftmost, whole words.

Keys are folded aliases with a space on each side (`" mark  cavendish "`); the
folded text has two spaces between words (see `feeds.fold`), so a key can only
start and end at word boundaries. Folding makes different names collide
(Mannås/Mannas), so one key carries a tuple of payloads and the caller decides.

`pattern_starts` gives the literal strings every match of a regular expression begins
with: the keys of an automaton that tells, in one pass, where such expressions may match
(the transfer cues, feeds/nlp/transfers/scan.py and prefilter.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from re import _constants as sre
from re import _parser as sre_parse
from typing import Generic, TypeVar

import ahocorasick

from feeds.text.fold import FoldedText, fold_tokens

log = logging.getLogger(__name__)

P = TypeVar("P", bound=Hashable)


def alias_key(alias: str) -> str | None:
    """The automaton key of an alias, or None when it folds to nothing."""
    words = fold_tokens(alias)
    if not words:
        return None
    return " " + "  ".join(words) + " "


@dataclass(frozen=True, slots=True)
class Hit(Generic[P]):
    """One match: original offsets, folded word range and every payload of the key."""

    start: int
    end: int
    first_word: int
    end_word: int
    payloads: tuple[P, ...]


class Matcher(Generic[P]):
    """Immutable after construction; `find` only reads the automaton (thread-safe)."""

    def __init__(self, entries: Iterable[tuple[str, P]], *, folded: bool = False) -> None:
        """`entries` are (alias, payload); with `folded=True` aliases are already
        folded words joined by single spaces (saves folding them again)."""
        table: dict[str, dict[P, None]] = {}
        for alias, payload in entries:
            key = (" " + alias.replace(" ", "  ") + " ") if folded else alias_key(alias)
            if key is not None:
                table.setdefault(key, {})[payload] = None
        self._automaton = ahocorasick.Automaton()
        for key, payloads in table.items():
            self._automaton.add_word(key, (len(key), tuple(payloads)))
        if table:
            self._automaton.make_automaton()
        self._size = len(table)

    @property
    def automaton(self) -> ahocorasick.Automaton | None:
        """The built automaton (None when empty), for callers that iterate it directly.

        Values are `(key length, payloads)`; `iter_long` gives longest-leftmost matches.
        """
        return self._automaton if self._size else None

    def __len__(self) -> int:
        return self._size

    @classmethod
    def from_mapping(cls, entries: Mapping[str, Iterable[P]]) -> Matcher[P]:
        return cls((alias, p) for alias, ps in entries.items() for p in ps)

    def find_folded(self, folded: str) -> Iterator[tuple[int, int, tuple[P, ...]]]:
        """(folded start, folded end, payloads) of each longest-leftmost match."""
        if not self._size:
            return
        for end_index, (length, payloads) in self._automaton.iter_long(folded):
            yield end_index - length + 1, end_index + 1, payloads

    def find(self, text: FoldedText) -> Iterator[Hit[P]]:
        for fstart, fend, payloads in self.find_folded(text.folded):
            start, end, k0, k1 = text.span(fstart, fend)
            yield Hit(start, end, k0, k1, payloads)


class Substrings:
    """Whether a text holds any of a fixed set of strings: one walk of an automaton, where
    a substring test per string reads the text once per string (19 strings: 19 µs for
    1.5 KB against 10). Immutable after construction; shared freely between threads."""

    def __init__(self, strings: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        self._always = False  # the empty string is in every text
        for string in strings:
            if string:
                self._automaton.add_word(string, None)
            else:
                self._always = True
        self._empty = not len(self._automaton)
        if not self._empty:
            self._automaton.make_automaton()

    @classmethod
    def starting(cls, pattern: str, limit: int | None = None) -> Substrings:
        """The strings every match of `pattern` begins with (`pattern_starts`): a text
        without any of them holds no match. When they cannot be told (an expression
        without a literal start), the empty string, which every text holds: the
        expression then decides alone."""
        try:
            return cls(pattern_starts(pattern) if limit is None else pattern_starts(pattern, limit))
        except ValueError:
            return cls([""])

    def any_in(self, text: str) -> bool:
        """`any(s in text for s in strings)`."""
        if self._empty:
            return self._always
        return self._always or next(self._automaton.iter(text), None) is not None


MAX_STARTS = 256
"""Strings one pattern's expansion may reach before it stops at the prefixes it has."""
MAX_REPEAT = 3
"""A bounded repeat up to this many times is expanded; a longer or open one ends it."""


def pattern_starts(pattern: str, limit: int = MAX_STARTS) -> set[str]:
    """Strings such that every match of `pattern` begins with one of them.

    Literal characters, alternations, small character sets and short repeats are
    expanded; anything else (an open repeat, a character class, a backreference) ends
    the strings where they are. Zero-width assertions are passed over: dropping a
    condition only makes the set match more. `limit` bounds how many strings the
    expansion may reach (a large alternation of phrases needs more than a cue does).
    A pattern that ignores case is refused: its literals stand for more than themselves."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        raise ValueError(f"{pattern!r} ignores case")
    starts, _ = _expand(list(parsed), {""}, limit)
    if "" in starts:
        raise ValueError(f"{pattern!r} may match without a literal start")
    # "agree " covers "agree a ": keep the shortest, each occurrence is tried once
    # (a string's proper prefixes looked up, not every pair of strings compared).
    return {s for s in starts if not any(s[:k] in starts for k in range(1, len(s)))}


_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def _expand(items: list, prefixes: set[str], limit: int) -> tuple[set[str], bool]:
    """`prefixes` extended by the items' matches, and whether the items were expanded
    to their end (False: the strings stop at the first item that could not be)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            prefixes = {p + chr(av) for p in prefixes}
            continue
        if op is sre.IN:
            chars = _literal_set(av)
            if chars is None:
                return prefixes, False
            grown = {p + c for p in prefixes for c in chars}
        elif op is sre.SUBPATTERN:
            _, add_flags, _, sub = av
            if add_flags & re.IGNORECASE:
                return prefixes, False
            grown, complete = _expand(list(sub), prefixes, limit)
            if not complete:
                return grown, False
        elif op is sre.BRANCH:
            grown, complete = set(), True
            for alternative in av[1]:
                found, done = _expand(list(alternative), prefixes, limit)
                grown |= found
                complete = complete and done
            if not complete:
                return grown, False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = av
            grown, complete = _repeat(list(sub), prefixes, low, high, limit)
            if not complete:
                return grown, False
        else:
            return prefixes, False
        if len(grown) > limit:
            return prefixes, False
        prefixes = grown
    return prefixes, True


def _repeat(
    sub: list, prefixes: set[str], low: int, high: int, limit: int
) -> tuple[set[str], bool]:
    """A repeat `low` to `high` times, expanded while it is short."""
    current = prefixes
    for _ in range(low):
        current, complete = _expand(sub, current, limit)
        if not complete or len(current) > limit:
            return current, False
    if high == low:
        return current, True
    if high is sre.MAXREPEAT or high > MAX_REPEAT:
        return current, False
    out = set(current)
    for _ in range(high - low):
        current, complete = _expand(sub, current, limit)
        out |= current
        if not complete or len(out) > limit:
            return out, False
    return out, True


def _literal_set(av: list) -> list[str] | None:
    """The characters of a set made of single characters only ([sz]); None otherwise."""
    chars = []
    for op, value in av:
        if op is not sre.LITERAL:
            return None
        chars.append(chr(value))
    return chars
