"""The cue scan: the cues of a story's language (feeds/nlp/lexicons; every language
pooled when it is not known, see `language`), compiled and indexed once per pool by the
first letters of the word each cue starts at, found in one pass over the lower-cased text.

A cue must start with at least two literal letters; the lexicon loader refuses one that
cannot be indexed. The order of a family's patterns does not matter: each family's hits
come in text order, the move families' sorted by start and length, and no reader depends
on the order of hits at one word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from feeds.nlp.lexicon import KEY_LEN, Lexicon, bundled, pooled
from feeds.nlp.lexicon import index_keys as _prefixes
from feeds.nlp.transfers.text import Span, within

MOVE_FAMILIES = ("arrive", "depart", "acquire", "lose", "noun_arrive", "noun_depart", "courted")
FAMILIES = {
    **{family: family for family in MOVE_FAMILIES},
    "confirmed": "confirmed",
    "rumour": "rumour",
    "weak": "rumour_weak",
    "superseded": "rumour_superseded",
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


def _build_index(lexicon: Lexicon) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    index: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
    for family, concept in FAMILIES.items():
        for compiled in lexicon.compiled(concept):
            for key in _prefixes(compiled.pattern):
                index[key].append((family, compiled))
    return dict(index)


_Candidates = tuple[tuple[str, re.Pattern[str]], ...]
_NONE: _Candidates = ()
MAX_KEYS = 100_000
"""Word starts remembered per pool before the memo starts over (a bot runs for months)."""


class _Pool:
    """One language pool's cue index, the word starts where a cue may begin, and the
    candidates of each key seen so far (one dictionary lookup a candidate word)."""

    __slots__ = ("index", "seen", "short", "starts")

    def __init__(self, lexicon: Lexicon) -> None:
        self.index = _build_index(lexicon)
        self.short = frozenset(k for k in self.index if len(k) < KEY_LEN)
        self.seen: dict[str, _Candidates] = {}
        # Where `WORD` would start a word (a letter after no other letter of the same run
        # of word characters, apostrophes and hyphens) that begins with a key: the regular
        # expression engine skips the other words, most of a story, without Python.
        self.starts = re.compile(
            r"(?<![\w'\u2019-])[\d_'\u2019-]*(?=" + _trie(list(self.index)) + ")"
        )

    def candidates(self, key: str) -> _Candidates:
        """The cues a word starting with `key` (its first three characters) may start."""
        found = tuple(self.index.get(key, ()))
        if key[:2] in self.short:  # the few cues keyed by two letters ("ha", "re")
            found += tuple(self.index[key[:2]])
        if len(self.seen) >= MAX_KEYS:
            self.seen = {}
        self.seen[key] = found or _NONE
        return found


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
    return _Pool(pooled() if languages is None else bundled().pool(languages))


@dataclass(frozen=True, slots=True)
class Hit:
    """One cue found in the text (`family` as in `FAMILIES`)."""

    family: str
    start: int
    end: int


def scan_cues(low: str, languages: tuple[str, ...] | None = None) -> dict[str, list[Hit]]:
    """Every cue occurrence, by family, in text order ("move": all move families), of the
    given languages' cues (None: every language's)."""
    hits: dict[str, list[Hit]] = defaultdict(list)
    pool = _index(languages)
    seen = pool.seen
    for start in pool.starts.finditer(low):
        pos = start.end()
        key = low[pos : pos + KEY_LEN]
        candidates = seen.get(key)
        if candidates is None:
            candidates = pool.candidates(key)
        for family, pattern in candidates:
            found = pattern.match(low, pos)
            if found:
                hits[family].append(Hit(family, pos, found.end()))
    moves = [h for family in MOVE_FAMILIES for h in hits.get(family, ())]
    moves.sort(key=lambda h: (h.start, -(h.end - h.start)))
    hits["move"] = moves
    return hits


def move_cues(hits: dict[str, list[Hit]], clause: Span) -> list[Hit]:
    """Move cues in a clause; of overlapping cues the longest wins ("signs for" > "signs")."""
    found = within(hits.get("move", []), clause.start, clause.end)
    kept: list[Hit] = []
    for hit in found:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
