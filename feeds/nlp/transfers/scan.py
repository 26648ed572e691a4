"""The cue scan: the cues of every language (feeds/nlp/lexicons), compiled once at
import and indexed by the first letters of the word each cue starts at, found in one pass
over the lower-cased text.

A cue must start with at least two literal letters; the lexicon loader refuses one that
cannot be indexed. The order of a family's patterns does not matter: each family's hits
come in text order, the move families' sorted by start and length, and no reader depends
on the order of hits at one word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from feeds.nlp.lexicon import KEY_LEN, Lexicon, pooled
from feeds.nlp.lexicon import index_keys as _prefixes
from feeds.nlp.transfers.text import WORD, Span, within

MOVE_FAMILIES = ("arrive", "depart", "acquire", "lose", "noun_arrive", "noun_depart", "courted")
FAMILIES = {
    **{family: family for family in MOVE_FAMILIES},
    "confirmed": "confirmed",
    "rumour": "rumour",
    "weak": "rumour_weak",
    "superseded": "rumour_superseded",
    "dispute": "dispute",
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


_INDEX = _build_index(pooled())
_SHORT_KEYS = frozenset(k for k in _INDEX if len(k) < KEY_LEN)


@dataclass(frozen=True, slots=True)
class Hit:
    """One cue found in the text (`family` as in `FAMILIES`)."""

    family: str
    start: int
    end: int


def scan_cues(low: str) -> dict[str, list[Hit]]:
    """Every cue occurrence, by family, in text order ("move": all move families)."""
    hits: dict[str, list[Hit]] = defaultdict(list)
    index, short = _INDEX, _SHORT_KEYS
    for word in WORD.finditer(low):
        pos = word.start()
        candidates = index.get(low[pos : pos + KEY_LEN])
        if low[pos : pos + 2] in short:  # the few cues keyed by two letters ("ha", "re")
            candidates = [*(candidates or ()), *index[low[pos : pos + 2]]]
        if not candidates:
            continue
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
