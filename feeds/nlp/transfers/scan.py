"""The cue scan: the whole lexicon, compiled once at import and indexed by the first
letters of the word each cue starts at, found in one pass over the lower-cased text.

A cue must start with at least two literal letters; one that cannot be indexed is
refused here, at import.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from feeds.nlp.transfers.cues.announce import CONFIRMED, REPORTED_BY
from feeds.nlp.transfers.cues.arrival import ARRIVE, NOUN_ARRIVE
from feeds.nlp.transfers.cues.departure import DEPART, LOSE, NOUN_DEPART, RETIREMENT
from feeds.nlp.transfers.cues.rumour import DISPUTE, RUMOUR, RUMOUR_SUPERSEDED, RUMOUR_WEAK
from feeds.nlp.transfers.cues.team_verbs import ACQUIRE, COURTED
from feeds.nlp.transfers.cues.vetoes import BACKGROUND, EXTENSION, ORGANISATION, RACE
from feeds.nlp.transfers.text import WORD, Span, within

MOVE_FAMILIES = ("arrive", "depart", "acquire", "lose", "noun_arrive", "noun_depart", "courted")
KEY_LEN = 3
"""Cues are indexed by the first three letters of the word they start at."""


def _literal(pattern: str) -> str:
    """The plain characters a pattern surely starts with ("rumou?r" -> "rumo")."""
    out = []
    for i, ch in enumerate(pattern):
        if not (ch.isalnum() or ch in "' -"):
            break
        if i + 1 < len(pattern) and pattern[i + 1] in "?*{":
            break
        out.append(ch)
    return "".join(out)


def _prefixes(pattern: str) -> list[str]:
    """Index keys (up to three letters) a pattern can start with."""
    if pattern.startswith("(?:"):
        group = pattern[3 : pattern.index(")")]
        rest = pattern[pattern.index(")") + 1 :]
        if rest[:1] in ("?", "*", "{"):
            raise ValueError(f"cue {pattern!r} must not start with an optional group")
        alts = [_literal(alt + rest) for alt in group.split("|")]
    else:
        alts = [_literal(pattern)]
    if any(len(a) < 2 for a in alts):
        raise ValueError(f"cue {pattern!r} needs a literal start of two letters")
    return sorted({a[:KEY_LEN] if len(a) >= KEY_LEN else a for a in alts})


def _build_index() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    families: dict[str, Iterable[str]] = {
        "arrive": ARRIVE,
        "depart": DEPART,
        "acquire": ACQUIRE,
        "lose": LOSE,
        "noun_arrive": NOUN_ARRIVE,
        "noun_depart": NOUN_DEPART,
        "courted": COURTED,
        "confirmed": CONFIRMED,
        "rumour": RUMOUR,
        "weak": RUMOUR_WEAK,
        "superseded": RUMOUR_SUPERSEDED,
        "dispute": DISPUTE,
        "retire": RETIREMENT,
        "reported": REPORTED_BY,
        "extension": EXTENSION,
        "race": RACE,
        "organisation": ORGANISATION,
        "background": BACKGROUND,
    }
    index: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
    for family, patterns in families.items():
        for pattern in patterns:
            compiled = re.compile(pattern)
            for key in _prefixes(pattern):
                index[key].append((family, compiled))
    return dict(index)


_INDEX = _build_index()
_SHORT_KEYS = frozenset(k for k in _INDEX if len(k) < KEY_LEN)


@dataclass(frozen=True, slots=True)
class Hit:
    """One cue found in the text (`family` as in `_build_index`)."""

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
