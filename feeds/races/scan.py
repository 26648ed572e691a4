"""One walk over a story's folded text for every phrase the race tagger reads in the
whole text: race names (feeds/races/terms.py), championship titles (titles.py) and the
generic words for national championships (nationals.py).

Each of the three has its own automaton, and walking an automaton over a story costs
about the same whatever it finds (15-25 µs for 1.5 KB here: the walk, not the matches,
is the cost). One automaton over the three key sets walks the text once; each match is
handed to the reader or readers whose key it is. An Aho-Corasick automaton reports
every occurrence of every key, so the matches of one key set are exactly, and in the
same order, what that set's own automaton reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from feeds.races.terms import Term

RaceMatch = tuple[int, tuple[int, Term]]
"""(end index, (key length, term)), as `Terms.races` gives it."""
TitleMatch = tuple[int, tuple[int, str]]
"""(end index, (key length, race id)), as a `Titles` automaton gives it."""
NationalMatch = tuple[int, tuple[int, str]]
"""(end index, (key length, value)), as a `Nationals` automaton gives it."""


@dataclass(slots=True)
class WholeText:
    """A story's matches, by reader, in text order (by end index)."""

    races: list[RaceMatch]
    titles: list[TitleMatch]
    nationals: list[NationalMatch]

    def races_in(self, start: int, end: int) -> list[RaceMatch]:
        """The race names lying wholly in `folded[start:end]`: what a walk of that part
        alone finds (it starts from the automaton's root at `start`)."""
        return [m for m in self.races if m[0] < end and m[0] - m[1][0] + 1 >= start]


class WholeTextScanner:
    """Immutable after construction; `scan` only reads the automaton (thread-safe)."""

    def __init__(
        self,
        races: Iterable[tuple[str, tuple[int, Term]]],
        titles: Iterable[tuple[str, tuple[int, str]]] = (),
        nationals: Iterable[tuple[str, tuple[int, str]]] = (),
    ) -> None:
        """Each argument: the (key, value) items of one reader's automaton."""
        table: dict[str, list[object]] = {}
        for slot, items in enumerate((races, titles, nationals)):
            for key, value in items:
                table.setdefault(key, [len(key), None, None, None])[slot + 1] = value
        self._automaton = ahocorasick.Automaton()
        for key, entry in table.items():
            self._automaton.add_word(key, tuple(entry))
        if table:
            self._automaton.make_automaton()
        self._empty = not table

    def scan(self, folded: str) -> WholeText:
        found = WholeText([], [], [])
        if self._empty:
            return found
        races, titles, nationals = found.races, found.titles, found.nationals
        for last, (_, race, title, national) in self._automaton.iter(folded):
            if race is not None:
                races.append((last, race))
            if title is not None:
                titles.append((last, title))
            if national is not None:
                nationals.append((last, national))
        return found
