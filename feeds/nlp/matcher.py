"""One Aho-Corasick automaton over every folded alias: longest-leftmost, whole words.

Keys are folded aliases with a space on each side (`" mark  cavendish "`); the
folded text has two spaces between words (see `feeds.fold`), so a key can only
start and end at word boundaries. Folding makes different names collide
(Mannås/Mannas), so one key carries a tuple of payloads and the caller decides.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from feeds.nlp.fold import FoldedText, fold_tokens

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
