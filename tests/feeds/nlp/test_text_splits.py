"""Sentence breaks and clause splits, written for speed, find exactly what their direct
forms find (the expressions as first written), on the corpora and on generated text
made of the characters the expressions turn on."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from feeds.nlp.transfers import text as text_module
from feeds.nlp.transfers.text import Span, split_clauses, split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DEV_SETS = [
    "dev.jsonl",
    "holdout.jsonl",
    "holdout2.jsonl",
    "set5-ibit-dev.jsonl",
    "set5-nordgerm-dev.jsonl",
    "set5-enfr-dev.jsonl",
]

SENTENCE_END = re.compile(
    r"(?<=[.!?…])[\"\u201d\u2019»)]*\s+(?=[\"\u201c\u2018«(\[]?[A-Z0-9À-ÖØ-Þ])|\n\s*\n|\n"
)
CLAUSE_SPLIT = re.compile(
    r"(?i:,?\s+(?:but|while|whereas|although|maar|terwijl|mais|tandis que|alors que|mentre|"
    r"aber|während|wohingegen|pero|mientras)\s+)|;\s+|:\s+(?=[a-zà-ÿ])"
)
PIECES = [
    " ", "  ", "\n", "\n\n", "\t", "\u00a0", ".", "!", "?", "…", ",", ";", ":", '"', "\u201d",
    "\u2019", "\u201c", "\u2018", "»", "«", "(", ")", "[", "A", "Z", "É", "Ø", "a", "é",
    "7", "x", "but", "But", "BUT", "bUT", "while", "tandis que", "TANDIS QUE", "alors que",
    "während", "WÄHREND", "Pero", "butter", "debut", "ſ", "ı", "İ", "\u212a", "ma", "is",
    "mentre", "MIENTRAS", "aber", "terwijl", "wohingegen", "although", "whereas", "maar", "s",
    "wh", "le", "wh\u0131le", "MA\u0130S", "mai\u017f", "alor\u017f que",
]  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(1, 40))) for _ in range(count)]


def _corpus_texts() -> list[str]:
    texts = []
    for name in DEV_SETS:
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts.append(f"{record['title']}\n\n{record['text']}")
    return texts


def _spans(pattern: re.Pattern[str], text: str, pos: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text, pos, end)]


@pytest.mark.parametrize("source", ["corpus", "generated"])
def test_the_fast_expressions_find_what_the_direct_ones_find(source: str) -> None:
    texts = _corpus_texts() if source == "corpus" else _generated(20_000, 15)
    for text in texts:
        for pos, end in ((0, len(text)), (len(text) // 3, len(text)), (1, max(1, len(text) - 2))):
            assert _spans(text_module._SENTENCE_END, text, pos, end) == _spans(
                SENTENCE_END, text, pos, end
            ), repr(text)
            assert _spans(text_module._CLAUSE_SPLIT, text, pos, end) == _spans(
                CLAUSE_SPLIT, text, pos, end
            ), repr(text)


def _clauses_as_first_written(text: str, sentence: Span) -> list[Span]:
    out = []
    start = sentence.start
    for match in CLAUSE_SPLIT.finditer(text, sentence.start, sentence.end):
        if match.start() > start:
            out.append(Span(start, match.start(), sentence.sentence, sentence.title))
        start = match.end()
    if start < sentence.end:
        out.append(Span(start, sentence.end, sentence.sentence, sentence.title))
    return out


@pytest.mark.parametrize("source", ["corpus", "generated"])
def test_clauses_are_those_the_expression_alone_cuts(source: str) -> None:
    """Sentences with no ";", ":" or conjunction are not run through the expression."""
    texts = _corpus_texts() if source == "corpus" else _generated(20_000, 16)
    cut = 0
    for text in texts:
        sentences = [*split_sentences(text), Span(len(text), len(text), 0, False)]
        for sentence in sentences:
            clauses = split_clauses(text, sentence)
            assert clauses == _clauses_as_first_written(text, sentence), repr(text)
            cut += len(clauses) > 1
    assert cut > 20


def test_sentences_and_clauses_of_a_story() -> None:
    text = 'Vingegaard signs\n\nHe signed on Monday. "It is done," he said; but not all: later.'
    sentences = split_sentences(text)
    assert [text[s.start : s.end].strip() for s in sentences] == [
        "Vingegaard signs",
        "He signed on Monday.",
        '"It is done," he said; but not all: later.',
    ]
    assert sentences[0] == Span(0, 16, 0, True)
    clauses = split_clauses(text, sentences[2])
    assert [text[c.start : c.end] for c in clauses] == [
        '"It is done," he said',
        "but not all",
        "later.",
    ]
