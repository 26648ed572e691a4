"""`case_folded` lower-cases a text at the same length so that substring tests and
case-sensitive expressions stand in for case-insensitive ones: checked on every code
point, then on what reads through it (careers told as over)."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from feeds.nlp.tag.careers import _CAREER_OVER, CAREER_OVER, tells_career_over
from feeds.nlp.transfers.text import _CONTRAST_WORDS
from feeds.text.fold import case_folded

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
LATIN_LOWER = "abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿčćđšžłńśźżőűřěůąęľĺŕťď"


def test_folding_keeps_every_offset_and_what_is_a_word() -> None:
    folded = case_folded(EVERY_CHARACTER)
    assert len(folded) == len(EVERY_CHARACTER)  # no character grows, none shrinks
    words = [m.start() for m in re.finditer(r"\w", EVERY_CHARACTER)]
    assert [m.start() for m in re.finditer(r"\w", folded)] == words
    assert case_folded("İSTANBUL ſtage Kelvin") == "istanbul stage kelvin"


def test_a_letter_is_in_the_folded_text_exactly_where_case_insensitive_matching_finds_it() -> None:
    folded = case_folded(EVERY_CHARACTER)
    used = {c for c in CAREER_OVER + "".join(_CONTRAST_WORDS) if c.isalpha() or c in " -"}
    for letter in sorted(used | set(LATIN_LOWER)):
        either_case = {m.start() for m in re.finditer(f"(?i:{re.escape(letter)})", EVERY_CHARACTER)}
        assert {m.start() for m in re.finditer(re.escape(letter), folded)} == either_case, letter


def test_careers_read_on_the_folded_text_as_case_insensitively_on_the_text() -> None:
    case_insensitive = re.compile(f"(?i:{CAREER_OVER})")
    texts = []
    for line in (CORPUS / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            texts.append(f"{record['title']}\n\n{record['text']}")
    pieces = [
        "Former pro", "FORMER RIDER", "ſince her retirement", "Sınce hıs retirement",
        "HAS RETİRED", "retired in 2019", "ex-pro", "Ex-Profi", "ex ciclista", "exciclista",
        "Oud-renner", "a mis un terme à sa carrière", "A MIS UN TERME À SA CARRIÈRE",
        "se retiró", "SE RETIRÓ", "\u212a", "ancienne coureuse", " ", "\n", ".", "é", "x",
    ]  # fmt: skip
    rng = random.Random(3)
    texts += [" ".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(5_000)]
    found = 0
    for text in texts:
        expected = case_insensitive.search(text)
        assert bool(_CAREER_OVER.search(case_folded(text))) == bool(expected), repr(text)
        found += expected is not None
    assert found > 100  # the generated texts do tell careers over


def test_a_career_told_over() -> None:
    text = "Sınce hıs RETİREMENT he coaches."
    assert tells_career_over(text, text.lower()) is False  # no career word in the lower case
    text = "Since his retirement in 2019, he coaches."
    assert tells_career_over(text, text.lower()) is True
    assert tells_career_over("He will retire in 2027.", "he will retire in 2027.") is False
