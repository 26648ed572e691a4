"""The cue scan finds a pool's cues at exactly the word starts a word-by-word scan would:
its regular expression of word starts skips the rest without changing what is found."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from feeds.nlp.transfers import scan
from feeds.nlp.transfers.scan import KEY_LEN, MOVE_FAMILIES, Hit
from feeds.nlp.transfers.text import WORD, lowered

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DEV_SETS = ["dev.jsonl", "set5-ibit-dev.jsonl", "set5-nordgerm-dev.jsonl", "set5-enfr-dev.jsonl"]
POOLS = [None, ("en",), ("pt", "en"), ("da", "en"), ("fr", "en"), ("sl", "en")]
TRICKY = [
    "2026-sæsonen skifter til",  # a word after digits and a hyphen starts there
    "a-joins b",  # inside a hyphenated word: no word start
    "x2-joins a",
    "_joins",
    "--joins",
    "'joins",
    "ha",
    "ha ",
    "12ha signed",
    "9-ha signed",
    "l'arrivée de",
    "l\u2019arrivée de",
    "qu'il rejoint",
    "ny kontrakt",
    "\u00b2joins",
    "é-joins",
]


def _word_by_word(low: str, languages: tuple[str, ...] | None) -> dict[str, list[Hit]]:
    """The scan as it was written first: every word, its first letters looked up."""
    pool = scan._index(languages)
    hits: dict[str, list[Hit]] = defaultdict(list)
    for word in WORD.finditer(low):
        pos = word.start()
        candidates = list(pool.index.get(low[pos : pos + KEY_LEN], ()))
        if low[pos : pos + 2] in pool.short:
            candidates += pool.index[low[pos : pos + 2]]
        for family, pattern in candidates:
            found = pattern.match(low, pos)
            if found:
                hits[family].append(Hit(family, pos, found.end()))
    moves = [h for family in MOVE_FAMILIES for h in hits.get(family, ())]
    moves.sort(key=lambda h: (h.start, -(h.end - h.start)))
    hits["move"] = moves
    return dict(hits)


def _dev_texts() -> list[str]:
    texts = []
    for name in DEV_SETS:
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts.append(lowered(f"{record['title']}\n\n{record['text']}"))
    return texts


@pytest.mark.parametrize("languages", POOLS, ids=str)
def test_the_scan_finds_what_a_word_by_word_scan_finds(languages: tuple[str, ...] | None) -> None:
    for low in [*TRICKY, *_dev_texts()]:
        assert dict(scan.scan_cues(low, languages)) == _word_by_word(low, languages), low[:60]


def test_a_word_after_digits_and_a_hyphen_is_scanned() -> None:
    hits = scan.scan_cues("2026-joins", ("en",))
    assert [(h.start, h.end) for h in hits["arrive"]] == [(5, 10)]
    assert not scan.scan_cues("a-joins", ("en",)).get("arrive")
