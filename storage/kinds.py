"""Sets of story kinds as stored: one bit a kind in an integer column.

A subscription's or follow's kinds are a set ("only crash and lineup"); as bits, fan-out
filters them with `kinds = 0 OR (kinds & ?) <> 0`, the same words on SQLite and
PostgreSQL and no JSON. The bits are fixed here, never derived from an order elsewhere:
they are stored, so a kind keeps its bit for good. 0 means every kind.
"""

from __future__ import annotations

from collections.abc import Iterable

from feeds.models import STORY_KINDS

KIND_BITS: dict[str, int] = {
    "result": 1,
    "preview": 2,
    "lineup": 4,
    "crash": 8,
    "transfer": 16,
    "team": 32,
    "other": 64,
}


def kind_bit(kind: str | None) -> int:
    """A story's kind as its bit; a story without a known kind counts as "other"."""
    return KIND_BITS.get(kind or "other", KIND_BITS["other"])


def kinds_mask(kinds: Iterable[str]) -> int:
    """The stored form of a set of kinds (ValueError for a name that is no kind)."""
    mask = 0
    for kind in kinds:
        if kind not in KIND_BITS:
            raise ValueError(f"not a story kind: {kind!r}")
        mask |= KIND_BITS[kind]
    return mask


def kinds_of(mask: int) -> frozenset[str]:
    """The kinds a stored mask holds; empty for 0 (every kind)."""
    return frozenset(kind for kind, bit in KIND_BITS.items() if mask & bit)


def ordered(kinds: Iterable[str]) -> list[str]:
    """Kinds in the order the tagger lists them (for display)."""
    wanted = set(kinds)
    return [kind for kind in STORY_KINDS if kind in wanted]
