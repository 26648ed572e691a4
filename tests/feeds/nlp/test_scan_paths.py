"""The cue scan tries a cue only where the automaton of its match starts finds one at a
word start: the hits, their order and their repeats are those of the scan that tries
every candidate of every word start (written out below as it first was), whether word
starts are told by the characters before them or, for an index with a key that does
not start with a letter, by the index's own expression."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from itertools import pairwise

import pytest

from feeds.nlp.lexicon import KEY_LEN
from feeds.nlp.transfers import scan
from feeds.nlp.transfers.scan import FAMILIES, MOVE_FAMILIES, Hit

CUES = {
    "arrive": ["joins?\\b", "signs? for", "foo|bar"],  # "bar": not indexed, never tried
    "depart": ["leaves?\\b", "(?:ha|hab)\\b", "ha\\w+ left"],  # "hab": two keys, tried twice
    "rumour": ["reportedly", "says? (?:that|he)"],
    "confirmed": ["joins? (?:us|them)", "official"],
}
ODD_KEY = {**CUES, "talks": ["'t joins", "2x signs"]}
PIECES = [
    "joins", "join them", "signs for", "sign for", "foo", "bar", "leaves", "ha", "hab",
    "hax left", "habit left", "reportedly", "says that", "official", "'t joins", "2x signs",
    " ", "  ", "-", "'", "\u2019", "_", "2", "x", "a", ".", "é", "\n",
]  # fmt: skip


class _Lexicon:
    def __init__(self, cues: dict[str, list[str]]) -> None:
        self._cues = {FAMILIES[f]: tuple(map(re.compile, ps)) for f, ps in cues.items()}

    def compiled(self, concept: str) -> tuple[re.Pattern[str], ...]:
        return self._cues.get(concept, ())


def _every_candidate(pool: scan._Pool, low: str) -> dict[str, list[Hit]]:
    """The scan as it was: every word start the index's expression finds, every
    candidate of its key tried."""
    starts = re.compile(r"(?<![\w'\u2019-])[\d_'\u2019-]*(?=" + scan._trie(list(pool.index)) + ")")
    hits: dict[str, list[Hit]] = defaultdict(list)
    for start in starts.finditer(low):
        pos = start.end()
        key = low[pos : pos + KEY_LEN]
        candidates = list(pool.index.get(key, ()))
        if key[:2] in pool.short:
            candidates += pool.index[key[:2]]
        for family, pattern in candidates:
            found = pattern.match(low, pos)
            if found:
                hits[family].append(Hit(family, pos, found.end()))
    moves = [h for family in MOVE_FAMILIES for h in hits.get(family, ())]
    moves.sort(key=lambda h: (h.start, -(h.end - h.start)))
    hits["move"] = moves
    return dict(hits)


def _texts() -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choices(PIECES, k=rng.randint(1, 30))) for _ in range(3_000)]


@pytest.mark.parametrize("cues", [CUES, ODD_KEY], ids=["letter keys", "a key after a quote"])
def test_the_scan_finds_what_trying_every_candidate_finds(cues: dict[str, list[str]]) -> None:
    pool = scan._Pool(_Lexicon(cues))
    assert (pool.word_starts is None) == (cues is CUES)
    repeated = 0
    for low in _texts():
        expected = _every_candidate(pool, low)
        assert dict(scan._scan(pool, low)) == expected, repr(low)
        repeated += any(a == b for a, b in pairwise(expected["move"]))
    assert repeated  # a cue under two keys is tried twice at a word, as the index does


def test_both_ways_of_telling_word_starts_agree_on_the_bundled_cues() -> None:
    pool = scan._index(("en",))
    told = scan._Pool.__new__(scan._Pool)
    for name in scan._Pool.__slots__:
        setattr(told, name, getattr(pool, name))
    told.word_starts = re.compile(
        r"(?<![\w'\u2019-])[\d_'\u2019-]*(?=" + scan._trie(list(pool.index)) + ")"
    )
    for low in _texts():
        assert dict(scan._scan(told, low)) == dict(scan._scan(pool, low))
