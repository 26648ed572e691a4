"""Race names listed under one race word: "the Tours of Flanders and Wallonia", "as Voltas
à Suíça, à Romandia e ao País Basco", "na dirkah po Poljski in Belgiji".

Only the first item carries the race word; the others name a place. An item counts when,
put in the place of the last words of the name before it, it makes another name of the
calendar ("Volta à Suíça" with "ao País Basco" for "à Suíça" is "Volta ao País Basco"):
so a place that names no race that way ("the Tour of Flanders and Belgium's coast") is
never read as one. A plural race word ("Voltas", "Tours") names no race itself: the list
starts at it, its singular put before the first item. The words that join a list and the
plurals are per language (lists.toml); the names are the calendar's.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from feeds.races.mentions import RaceHit
from feeds.races.terms import Term
from feeds.text.fold import FoldedText, fold_tokens

LISTS_FILE = "lists.toml"
MAX_ITEM_WORDS = 4
"""Words one listed place may have ("ao País Basco", "a la Comunitat Valenciana")."""
MAX_CUT = 3
"""Last words of the name before an item that the item may stand for ("à Suíça")."""
MAX_ITEMS = 8
"""Items followed after one name: a list of races is short, a hostile one is not read on."""
POSSESSIVE = frozenset({"s"})
"""The folded word an English possessive leaves after its noun ("Belgium's")."""
APOSTROPHES = frozenset({"'", "’", "`", "´"})
_STOPS = frozenset('.;:!?()[]\n"“”«»')
"""Punctuation a list does not run across (a comma joins its items)."""


@dataclass(frozen=True, slots=True)
class ListWords:
    """One language's list words, folded: joins as word tuples, plural -> singular."""

    joins: tuple[tuple[str, ...], ...]
    plurals: Mapping[str, str]


def parse_lists(text: str) -> dict[str, ListWords]:
    data = tomllib.loads(text)
    out = {}
    for code, entry in data.items():
        joins = tuple(
            sorted({tuple(fold_tokens(j)) for j in entry.get("joins", [])}, key=len, reverse=True)
        )
        plurals = {
            " ".join(fold_tokens(p)): " ".join(fold_tokens(s))
            for p, s in entry.get("plurals", {}).items()
        }
        out[code] = ListWords(joins, MappingProxyType(plurals))
    return out


@cache
def bundled_lists() -> Mapping[str, ListWords]:
    """Every language's list words (read once)."""
    text = (resources.files("feeds.races") / LISTS_FILE).read_text(encoding="utf-8")
    return MappingProxyType(parse_lists(text))


UNKNOWN_LANGUAGE = "en"
"""The list words read in a story whose language is unknown. Not every language's pooled:
one language's join word is another's preposition ("in" joins Slovenian lists, and "the
Tour of Flanders in Belgium" would list a "Tour of Belgium")."""


def words_for(language: str | None) -> ListWords:
    """A language's list words; English's when it has none or is unknown."""
    lists = bundled_lists()
    return lists.get(language or "", lists[UNKNOWN_LANGUAGE])


Lookup = Callable[[str], Term | None]
"""A folded key (" volta  a  suica ") -> the calendar's race term for it, if any."""


def _key(words: Iterable[str]) -> str:
    return " " + "  ".join(words) + " "


class _Reader:
    """One part's words, read for the lists after its names."""

    def __init__(self, ft: FoldedText, lookup: Lookup, words: ListWords, last: int) -> None:
        self.ft = ft
        self.lookup = lookup
        self.words = words
        self.last = last
        """One past the last word index of the part."""

    def gap(self, k: int) -> str:
        """The original text between word k-1 and word k."""
        _, end = self.ft.word_span(k - 1)
        start, _ = self.ft.word_span(k)
        return self.ft.original[end:start]

    def item_words(self, k: int) -> list[str]:
        """Up to MAX_ITEM_WORDS words from k, none across a comma or a stop."""
        out = [self.ft.word(k)]
        for i in range(k + 1, min(k + MAX_ITEM_WORDS, self.last)):
            gap = self.gap(i)
            if "," in gap or any(c in _STOPS for c in gap):
                break
            out.append(self.ft.word(i))
        return out

    def capitalised(self, k: int, count: int) -> bool:
        """Whether one of `count` words from k is written with a capital: a listed item
        names a place ("à Romandia", "Belgiji")."""
        for i in range(k, k + count):
            start, end = self.ft.word_span(i)
            if self.ft.original[start:end][:1].isupper():
                return True
        return False

    def ends_item(self, k: int) -> bool:
        """Whether a listed item may end before word k: at the part's end, a comma, a stop,
        a join word or a lowercase word. Never before a possessive's "s" ("Belgium's Wout
        van Aert") or a capitalised word ("France Télévisions"): the item would be the
        head of a longer name, not a whole place."""
        if k >= self.last:
            return True
        gap = self.gap(k)
        if "," in gap or any(c in _STOPS for c in gap):
            return True
        if self.join_at(k):
            return True
        if self.ft.word(k) in POSSESSIVE and gap.strip() in APOSTROPHES:
            return False
        return not self.capitalised(k, 1)

    def join_at(self, k: int) -> int:
        """The number of words of a join word starting at k (0: none)."""
        for join in self.words.joins:
            n = len(join)
            if k + n <= self.last and all(self.ft.word(k + i) == join[i] for i in range(n)):
                return n
        return 0

    def item(self, name: Sequence[str], k: int) -> tuple[Term, int, list[str]] | None:
        """The race an item from word k makes with `name`: (term, its words, the new name);
        the longest item first ("ao País Basco" before "ao País")."""
        if k >= self.last:
            return None
        words = self.item_words(k)
        for size in range(len(words), 0, -1):
            for cut in range(1, min(MAX_CUT, len(name) - 1) + 1):
                candidate = [*name[: len(name) - cut], *words[:size]]
                term = self.lookup(_key(candidate))
                # The name first (a dictionary look-up), the original text's checks only
                # for one found.
                if term is None or term.short is not None:
                    continue
                if self.capitalised(k, size) and self.ends_item(k + size):
                    return term, size, candidate
                break  # the same item with another cut is no more whole or capitalised
        return None

    def follow(self, name: Sequence[str], k: int, taken: set[int]) -> list[tuple[Term, int, int]]:
        """The races listed after a name ending before word k: (term, first word, end)."""
        out: list[tuple[Term, int, int]] = []
        for _ in range(MAX_ITEMS):
            if k >= self.last:
                break
            gap = self.gap(k)
            if any(c in _STOPS for c in gap):
                break
            joined = self.join_at(k)
            if not joined and "," not in gap:
                break
            first = k + joined
            if first in taken:
                break  # a name of its own: read from there
            found = self.item(name, first)
            if found is None:
                break
            term, size, name = found
            out.append((term, first, first + size))
            k = first + size
            if joined:
                break  # "A, B and C": the join ends the list
        return out


def listed_races(
    ft: FoldedText,
    hits: Sequence[RaceHit],
    lookup: Lookup,
    words: ListWords,
    start: int,
    end: int,
) -> list[RaceHit]:
    """The races a part lists after its names or under a plural race word, as hits beside
    `hits` (which they never overlap), in text order. `start:end` are the part's folded
    bounds."""
    if end - start < 4:
        return []
    first_word = ft.word_index(start + 1)
    last_word = ft.word_index(max(start, end - 3)) + 1
    reader = _Reader(ft, lookup, words, last_word)
    # Word ranges by bisection alone: the original offsets `ft.span` maps are not needed.
    spans = [_words_of(ft, h) for h in hits if h.short is None]
    taken = {k for k0, k1 in spans for k in range(k0, k1)}
    found: list[tuple[Term, int, int]] = []
    for k0, k1 in spans:
        # A plural in a calendar name ("Voltas à Suíça") lists in its singular.
        name = [words.plurals.get(ft.word(k), ft.word(k)) for k in range(k0, k1)]
        found += reader.follow(name, k1, taken)
    folded = ft.folded
    for plural, singular in words.plurals.items():
        key = _key([plural])
        at = folded.find(key, start, end)
        while at >= 0:
            k = ft.word_index(at + 1)
            if first_word <= k and k + 1 not in taken:
                # The singular is kept whole: the first item is cut from nothing.
                first = reader.item([singular, ""], k + 1)
                if first is not None:
                    term, size, name = first
                    found.append((term, k, k + 1 + size))
                    found += reader.follow(name, k + 1 + size, taken)
            at = folded.find(key, at + len(key) - 1, end)
    return _as_hits(ft, found, taken)


def _words_of(ft: FoldedText, hit: RaceHit) -> tuple[int, int]:
    """The word range [k0, k1) of a hit (a key with its spaces), as `FoldedText.span`."""
    k0 = ft.word_index(hit.start + 1)
    return k0, max(k0 + 1, ft.word_index(hit.end - 2) + 1)


def _as_hits(ft: FoldedText, found: list[tuple[Term, int, int]], taken: set[int]) -> list[RaceHit]:
    out = []
    seen: set[int] = set(taken)
    for term, k0, k1 in sorted(found, key=lambda f: f[1]):
        if any(k in seen for k in range(k0, k1)):
            continue
        seen.update(range(k0, k1))
        start = ft.word_start(k0) - 1
        end = ft.word_start(k1) - 1
        out.append(RaceHit(term.races, None, False, start, end))
    return out
