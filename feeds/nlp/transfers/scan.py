"""The cue scan: the cues of a story's language (feeds/nlp/lexicons; every language
pooled when it is not known, see `language`), compiled and indexed once per pool by the
first letters of the word each cue starts at, found in one pass over the lower-cased text:
one Aho-Corasick automaton per pool finds where a cue's match may begin (the strings
`matcher.pattern_starts` expands it to), and only there, at a word start, are the cues
of that word's index keys tried.

A cue must start with at least two literal letters; the lexicon loader refuses one that
cannot be indexed. The order of a family's patterns does not matter: each family's hits
come in text order, the move families' sorted by start and length, and no reader depends
on the order of hits at one word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import ahocorasick

from feeds.nlp.lexicon import KEY_LEN, Lexicon, story_lexicon
from feeds.nlp.lexicon import index_keys as _prefixes
from feeds.nlp.matcher import pattern_starts
from feeds.nlp.transfers.text import Placed, Span, within

MOVE_FAMILIES = ("arrive", "depart", "acquire", "lose", "noun_arrive", "noun_depart", "courted")
WEAK_FAMILIES = ("acquire_weak", "acquire_entry")
"""Taking cues that become `acquire` hits only where their sentence backs them (weak_cues.py)."""
FAMILIES = {
    **{family: family for family in MOVE_FAMILIES},
    **{family: family for family in WEAK_FAMILIES},
    "confirmed": "confirmed",
    "rumour": "rumour",
    "weak": "rumour_weak",
    "superseded": "rumour_superseded",
    "fulfilled": "rumour_fulfilled",
    "idiom": "hedge_idioms",
    "dispute": "dispute",
    "newcomers": "newcomers",
    "talks": "talks",
    "agreed": "agreement",
    "retire": "retirement",
    "reported": "reported_by",
    "extension": "extension",
    "race": "race",
    "organisation": "organisation",
    "background": "background",
}
"""Each family of hits and the lexicon concept (a cue concept) it is found by."""


def _indexed(lexicon: Lexicon) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every cue of every family, in the order the index lists them."""
    for family, concept in FAMILIES.items():
        for compiled in lexicon.compiled(concept):
            yield family, compiled


def _build_index(lexicon: Lexicon) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    index: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
    for family, compiled in _indexed(lexicon):
        for key in _prefixes(compiled.pattern):
            index[key].append((family, compiled))
    return dict(index)


class _Cue(NamedTuple):
    """One cue as the index lists it, with the keys under which the index tries it."""

    family: str
    pattern: re.Pattern[str]
    keys: frozenset[str]
    """Tried at a word whose first three letters are one of these."""
    short: frozenset[str]
    """Also tried at a word whose first two letters are one of these (two-letter keys)."""


_LETTER = re.compile(r"[^\W\d_]")
_JOINERS = "_'\u2019-"
"""What may stand between a word boundary and a word's first letter, beside digits."""


class _Pool:
    """One language pool's cue index, and one automaton of the strings the matches of its
    cues begin with: a cue is tried only at a word start where one of them occurs, in
    the order the index lists a word's candidates, so the hits are those of trying every
    candidate of every word."""

    __slots__ = ("automaton", "cues", "index", "short", "word_starts")

    def __init__(self, lexicon: Lexicon) -> None:
        self.index = _build_index(lexicon)
        self.short = frozenset(k for k in self.index if len(k) < KEY_LEN)
        self.cues: list[_Cue] = []
        starts: dict[str, list[int]] = defaultdict(list)
        for rank, (family, compiled) in enumerate(_indexed(lexicon)):
            keys = frozenset(_prefixes(compiled.pattern))
            two = frozenset(k for k in keys if len(k) == 2)
            self.cues.append(_Cue(family, compiled, keys, two))
            try:
                begins = pattern_starts(compiled.pattern)
            except ValueError:  # no literal start: it is tried wherever its keys occur
                begins = set(keys)
            for begin in begins:
                starts[begin].append(rank)
        self.automaton = ahocorasick.Automaton()
        for begin, ranks in starts.items():
            self.automaton.add_word(begin, (len(begin), tuple(ranks)))
        if starts:
            self.automaton.make_automaton()
        # When every key starts with a letter, the characters before a position tell
        # whether a word starts there; otherwise the index's own expression tells.
        self.word_starts: re.Pattern[str] | None = None
        if not all(_LETTER.match(key) for key in self.index):
            self.word_starts = re.compile(
                r"(?<![\w'\u2019-])[\d_'\u2019-]*(?=" + _trie(list(self.index)) + ")"
            )


def _starts_word(low: str, pos: int) -> bool:
    """Does a word start at `pos` (a letter): after a boundary and nothing but digits,
    "_", apostrophes and hyphens ("2026-sæsonen", not "a-joins")?"""
    while pos and (low[pos - 1] in _JOINERS or low[pos - 1].isdecimal()):
        pos -= 1
    return not pos or not (low[pos - 1].isalnum() or low[pos - 1] in _JOINERS)


def _trie(keys: list[str]) -> str:
    """The keys as one regular expression, nested by letter (the engine does not share
    the prefixes of a flat alternation)."""
    trie: dict[str, dict] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_node(node[ch]) for ch in sorted(node) if ch]
    if not branches:
        return ""
    ends_here = "" in node
    body = branches[0] if len(branches) == 1 and not ends_here else f"(?:{'|'.join(branches)})"
    return body + ("?" if ends_here else "")


@cache
def _index(languages: tuple[str, ...] | None) -> _Pool:
    """The cue index of these languages and common.toml (None: all of them); built on
    first use, kept for the process."""
    return _Pool(story_lexicon(languages))


# Not `frozen` (as `text.Span`): a story makes dozens; `unsafe_hash` keeps a frozen
# one's hash and equality, and nothing assigns to a hit.
@dataclass(slots=True, unsafe_hash=True)
class Hit:
    """One cue found in the text (`family` as in `FAMILIES`)."""

    family: str
    start: int
    end: int


def scan_cues(low: str, languages: tuple[str, ...] | None = None) -> dict[str, list[Hit]]:
    """Every cue occurrence, by family, in text order ("move": all move families), of the
    given languages' cues (None: every language's)."""
    return _scan(_index(languages), low)


def _scan(pool: _Pool, low: str) -> dict[str, list[Hit]]:
    hits: dict[str, list[Hit]] = defaultdict(list)
    cues = pool.cues
    places = pool.automaton.iter(low) if cues else ()
    # The ranks of the cues to try at each place: each start string's are ascending
    # and distinct, and where several start at one place, their union sorted.
    at: dict[int, list[tuple[int, ...]]] = {}
    for end, (size, ranks) in places:
        at.setdefault(end + 1 - size, []).append(ranks)
    words = None if pool.word_starts is None else {m.end() for m in pool.word_starts.finditer(low)}
    short = pool.short
    for pos in sorted(at):
        if words is None:
            # Most places follow a space, where a word starts (as `_starts_word` says).
            if pos and low[pos - 1] != " " and not _starts_word(low, pos):
                continue
        elif pos not in words:
            continue
        found_ranks = at[pos]
        ranks = found_ranks[0] if len(found_ranks) == 1 else sorted(set().union(*found_ranks))
        here = [cues[rank] for rank in ranks]
        key = low[pos : pos + KEY_LEN]
        # The cues of the word's index keys, in the index's order, tried inline.
        for cue in here:
            if key in cue.keys and (found := cue.pattern.match(low, pos)):
                hits[cue.family].append(Hit(cue.family, pos, found.end()))
        two = key[:2]
        if two in short:  # the index's two-letter keys' cues come second
            for cue in here:
                if two in cue.short and (found := cue.pattern.match(low, pos)):
                    hits[cue.family].append(Hit(cue.family, pos, found.end()))
    hits["move"] = merged_moves(hits)
    for family, found in hits.items():
        hits[family] = Placed(found)  # read by `within` clause after clause
    return hits


def merged_moves(hits: Mapping[str, Sequence[Hit]]) -> list[Hit]:
    """Every move family's hits in one list ("move"), in text order, the longer first
    where two start at one place."""
    moves = [h for family in MOVE_FAMILIES for h in hits.get(family, ())]
    moves.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return moves


def move_cues(hits: dict[str, list[Hit]], clause: Span) -> list[Hit]:
    """Move cues in a clause; of overlapping cues the longest wins ("signs for" > "signs")."""
    found = within(hits.get("move", []), clause.start, clause.end)
    kept: list[Hit] = []
    for hit in found:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
