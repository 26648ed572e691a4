"""Whether a champion's title in a text states that the title was won.

A title describes a rider ("the world champion", "la campionessa europea") unless the
words around it state the win; three shapes do, in every feed language:

- the year the title was won, shortly after it, the event it was won in allowed between
  ("champion national du contre-la-montre en 2021", "Campeão nacional de fundo em
  2017", "world champion in 2013"), or right before it ("the 2012 Olympic champion");
- a verb of winning or becoming, or a word saying the title is new, shortly before it,
  only small words (articles, pronouns, "also", a year) between ("he became Danish
  champion", "blev han dansk mester", "décrocher le titre mondial", "postala je tudi
  državna prvakinja", "je nova državna prvakinja").

A verb after the title is not read: in the languages that put the verb second, the title
is then the subject ("verdensmesteren vandt enkeltstarten", "der Ex-Weltmeister gewann"),
and a clause-final verb ("der Olympiasieger wurde") looks the same on folded words. A verb
before it has the same problem when something else opens the clause ("Zweiter wurde der
Weltmeister X", "vince l'iridato X"), so two shapes make the title the subject, not the
thing won:

- a rider named right after the title: the title is the rider's label ("tweede werd
  wereldkampioen Remco Evenepoel");
- a definite article between a copula ("wurde", "werd", "blev", "fue", "foi") and the
  title: the complement of "become/be" takes none in those languages ("wurde Weltmeister"
  against "wurde der Weltmeister").

A year counts only right after the title (past its event) or after a preposition of time
("in 2013", "nel 2023", "iz leta 2019"): a year behind another verb belongs to another
clause ("the world champion signs until 2030", "inizia il 2026").

A word of another category or discipline near it ("U23-verdensmester", "champion du monde
de cyclo-cross") makes it no road title at all. The words are data (`titles.toml`'s
`[wins]` and `rule_out`); this module only reads them. Every check looks at a bounded
number of words around one title: linear in the titles a text holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

YEAR = re.compile(r"(19|20)\d\d")
YEAR_REACH = 3
"""Words after a title (and its event) a year may stand at ("wereldkampioen in 2013",
"champion du monde en 2021", "campeão do mundo de 2019"); one more after a place
("champion olympique à Rio en 2016")."""
RULE_OUT_REACH = 3
"""Words before or after a title a word ruling it out may stand at ("campeón del mundo
sub-23", "champion du monde de cyclo-cross")."""

WIN_REACH = 8
"""Words before a title a verb of winning may stand at, small words and adverbials
between ("blev han dansk mester", "wurde am Sonntag in Zürich zum zweiten Mal
Weltmeister")."""
PHRASE_WORDS = 4
"""Words in the longest adverbial or ruling-out phrase ("for the second time")."""
EVENTS_MAX = 3
"""Event phrases skipped after a title ("de fundo em elites em 2013": two)."""
EVENT_WORDS = 4
"""Words in the longest event phrase ("du contre la montre")."""
WINDOW = 160
"""Characters read on either side of a title: more than the words looked at need."""
LABEL_GAP = 3
"""Characters (spaces, an apostrophe) a rider's name may start at after a title that
labels the rider ("l'iridato Tadej Pogačar")."""


class Spans(Protocol):
    """A folded text's map back to its original (feeds/text/fold.py's FoldedText)."""

    original: str

    def span(self, folded_start: int, folded_end: int) -> tuple[int, int, int, int]: ...


@dataclass(frozen=True, slots=True)
class Labels:
    """Where riders are named in a story, to tell a title that labels a rider ("der
    Weltmeister Remco Evenepoel") from a title standing alone."""

    text: Spans
    starts: Sequence[int]
    """The original offsets riders' names start at, sorted."""

    def __call__(self, start: int, end: int) -> bool:
        """Whether a rider's name follows the folded title at `start:end` at once."""
        if not self.starts:
            return False
        _, after, _, _ = self.text.span(start, end)
        at = bisect_left(self.starts, after)
        if at == len(self.starts) or self.starts[at] - after > LABEL_GAP:
            return False
        return not any(ch.isalnum() for ch in self.text.original[after : self.starts[at]])


@dataclass(frozen=True, slots=True)
class WinCues:
    """Folded words and phrases that tell a title won from a title held."""

    rule_out: frozenset[str] = frozenset()
    """Words that make a title another category's or discipline's."""
    rule_out_phrases: frozenset[tuple[str, ...]] = frozenset()
    """The same in several words ("mountain biking", "elimination race")."""
    adverbials: frozenset[tuple[str, ...]] = frozenset()
    """Phrases of time that may stand between a verb and its title, or a title and its
    discipline ("on Sunday", "zum zweiten Mal", "for the eighth time")."""
    before: frozenset[str] = frozenset()
    """Verbs of winning or becoming, and words saying a title is new, before a title."""
    small: frozenset[str] = frozenset()
    """Words that may stand between such a verb and its title (articles, pronouns,
    "also", "first")."""
    events: frozenset[tuple[str, ...]] = frozenset()
    """Phrases naming the event a title was won in ("time trial", "de fundo", "op de
    weg"), skipped between a title and its year."""
    copulas: frozenset[str] = frozenset()
    """The words of `before` that are "become/be": with a definite article before the
    title they make it the subject ("fue el campeón del mundo")."""
    articles: frozenset[str] = frozenset()
    """Definite articles, in the languages whose copula takes a bare title."""
    year_links: frozenset[str] = frozenset()
    """Prepositions of time that may stand between a title and the year it was won."""
    place_links: frozenset[str] = frozenset()
    """Prepositions of place: one word after them (the place) may stand before the year."""

    def won(
        self,
        folded: str,
        start: int,
        end: int,
        dated_or: bool = False,
        labelled: bool = False,
    ) -> bool:
        """Whether the title at `folded[start:end]` states a win (`dated_or`: it does
        whatever the words around, a plural of titles won), and no word near it makes it
        an under-23's, a junior's or another discipline's. `labelled`: a rider is named
        right after the title, which is then a label and states no win by a verb."""
        before = folded[max(0, start - WINDOW) : start].split()[-WIN_REACH:]
        after = folded[end : end + WINDOW].split()
        rest = self._past_events(after)
        tail = self._past_adverbials(after)
        if any(self._rules_out(words) for words in (before[-RULE_OUT_REACH:], after, rest, tail)):
            return False
        if dated_or or self._dated_after(rest):
            return True
        if before and YEAR.fullmatch(before[-1]):
            return True  # "the 2012 Olympic road race champion": dated before it
        if rest[:1] == ["s"]:
            return False  # a possessive: "in the world champion's jersey"
        return not labelled and self._verb_before(before)

    def ruled_out(self, folded: str, start: int, end: int) -> bool:
        """Whether a word of another category or discipline stands right before or after
        the words at `folded[start:end]` ("den deutschen U23-Straßenmeisterschaften")."""
        before = folded[max(0, start - 40) : start].split()[-1:]
        after = folded[end : end + WINDOW].split()
        if any(word in self.rule_out for word in (*before, *after[:1])):
            return True
        # "titres nationaux sur la piste", "national titles on the track"
        return self._rules_out(self._past_adverbials(after))

    def _rules_out(self, words: Sequence[str]) -> bool:
        """Whether a ruling-out word or phrase starts among the first `RULE_OUT_REACH`
        of `words` (a phrase may run on past them: "in the points race")."""
        if any(word in self.rule_out for word in words[:RULE_OUT_REACH]):
            return True
        if not self.rule_out_phrases:
            return False
        return any(
            tuple(words[at : at + n]) in self.rule_out_phrases
            for at in range(min(RULE_OUT_REACH, len(words)))
            for n in range(2, PHRASE_WORDS + 1)
        )

    def _past_adverbials(self, words: Sequence[str]) -> list[str]:
        """The words after a title past the adverbial phrases that open them ("for the
        eighth time in cyclo-cross"), as many as a ruling-out phrase needs."""
        at = 0
        for _ in range(EVENTS_MAX):
            size = self._adverbial_at(words, at)
            if not size:
                break
            at += size
        return list(words[at : at + RULE_OUT_REACH + PHRASE_WORDS])

    def _adverbial_at(self, words: Sequence[str], at: int) -> int:
        """The length of the adverbial phrase starting at `words[at]`, 0 if none."""
        return next(
            (n for n in range(PHRASE_WORDS, 0, -1) if tuple(words[at : at + n]) in self.adverbials),
            0,
        )

    def _adverbial_ending(self, words: Sequence[str], end: int) -> int:
        """The length of the adverbial phrase ending before `words[end]`, 0 if none."""
        return next(
            (
                n
                for n in range(min(PHRASE_WORDS, end), 0, -1)
                if tuple(words[end - n : end]) in self.adverbials
            ),
            0,
        )

    def opens_with_event(self, words: Sequence[str]) -> bool:
        """Whether `words` open with an event phrase ("de contrarrelogio ...")."""
        return any(tuple(words[:n]) in self.events for n in range(1, EVENT_WORDS + 1))

    def _past_events(self, words: Sequence[str]) -> list[str]:
        """The words after a title past the event phrases that open them."""
        at = 0
        for _ in range(EVENTS_MAX):
            size = next(
                (n for n in range(EVENT_WORDS, 0, -1) if tuple(words[at : at + n]) in self.events),
                0,
            )
            if not size:
                break
            at += size
        return list(words[at : at + max(YEAR_REACH + 1, RULE_OUT_REACH + PHRASE_WORDS)])

    def _dated_after(self, rest: Sequence[str]) -> bool:
        """A year right after the title (past its event), or behind prepositions of
        time only ("in 2013", "iz leta 2019") or a place ("a Copenaghen 2011"); any
        other word makes it another clause's."""
        place, placed = False, False
        for word in rest[: YEAR_REACH + 1]:
            if YEAR.fullmatch(word):
                return True
            if place:
                place, placed = False, True  # the place's one word: "à Rio en 2016"
            elif word in self.place_links and not placed:
                place = True
            elif word not in self.year_links:
                return False
        return False

    def _verb_before(self, before: Sequence[str]) -> bool:
        """A verb of winning before the title, only small words, adverbials of time and
        one place ("in Zürich", "v nedeljo") between, and no article after a copula."""
        article, placed = False, False
        at = len(before)
        while at > 0:
            size = self._adverbial_ending(before, at)
            if size:
                at -= size
                continue
            word = before[at - 1]
            if word in self.before:
                # "wurde der Weltmeister": the title is the subject of the copula
                return not (article and word in self.copulas)
            if word in self.articles:
                article = True
            if word in self.small or YEAR.fullmatch(word):
                at -= 1
            elif not placed and at >= 2 and before[at - 2] in self.place_links:
                at, placed = at - 2, True  # "wurde in Zürich Weltmeister"
            else:
                return False
        return False
