"""The rules' lexicon phrases are tried only where one walk finds they may match
(feeds/nlp/transfers/phrases.py): every match, window by window, is the one the
expression finds on its own, in the same order, on every development story, on
generated text packed with the phrases' openings, and in a hostile story."""

from __future__ import annotations

import random
import re
from itertools import pairwise

from feeds.evaluation import read_jsonl
from feeds.nlp.document import Document
from feeds.nlp.matcher import Substrings, pattern_starts
from feeds.nlp.transfers.phrases import PHRASE_STARTS, PhraseIndex
from feeds.nlp.transfers.rule_phrases import PHRASES, rule_phrases
from feeds.nlp.transfers.text import split_clauses, split_sentences
from tests.corpus import development_sets
from tests.growth import assert_linear


def _spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


def _same_everywhere(index: PhraseIndex, text: str, windows: list[tuple[int, int]]) -> None:
    low = text.lower() if len(text.lower()) == len(text) else text
    places = index.scan(low)
    for pattern in index.patterns:
        assert _spans(places.finditer(pattern)) == _spans(pattern.finditer(low)), pattern.pattern
        for start, end in windows:
            expected = _spans(pattern.finditer(low, start, end))
            assert _spans(places.finditer(pattern, start, end)) == expected, (start, end)
            first = pattern.search(low, start, end)
            got = places.search(pattern, start, end)
            assert (got and got.span()) == (first and first.span()), (start, end)


def _development_texts() -> list[tuple[str, str]]:
    out = []
    for path in development_sets():  # never a sealed set
        with path.open(encoding="utf-8-sig") as fh:
            for r in read_jsonl(fh, str(path)):
                out.append((r["title"], r["text"]))
    return out


def test_every_development_story_finds_the_same_matches() -> None:
    index = rule_phrases()
    stories = _development_texts()
    assert len(stories) > 500
    for title, body in stories:
        low = Document(title, body, None).low
        places = index.scan(low)
        for pattern in index.patterns:
            assert _spans(places.finditer(pattern)) == _spans(pattern.finditer(low))
        for sentence in split_sentences(low):
            for span in (sentence, *split_clauses(low, sentence)):
                for pattern in index.patterns:
                    window = (low, span.start, span.end)
                    assert _spans(places.finditer(pattern, span.start, span.end)) == _spans(
                        pattern.finditer(*window)
                    )
                    got, first = places.search(pattern, *window[1:]), pattern.search(*window)
                    assert (got and got.span()) == (first and first.span())


def _openings(index: PhraseIndex, rng: random.Random, n: int) -> list[str]:
    """Start strings of the registered phrases, whole and cut short."""
    starts = sorted({s for p in index.patterns for s in pattern_starts(p.pattern, PHRASE_STARTS)})
    picked = rng.sample(starts, min(n, len(starts)))
    return picked + [s[: rng.randint(1, len(s))] for s in picked]


def test_generated_text_finds_the_same_matches() -> None:
    """Phrase openings run together, cut, glued to letters and apostrophes, with phrase
    endings after them: matches that overlap, touch a window's edge or need the text
    before the window."""
    index = rule_phrases()
    rng = random.Random(15)
    pieces = [
        *_openings(index, rng, 200),
        "team", "a team", "equipo", "ploeg", "ses couleurs", "the contract of", "x", "'",
        "n't", "-", " ", " ", ", ", ". ", "é", "2025", "\n\n",
    ]  # fmt: skip
    for _ in range(150):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(5, 60)))
        cuts = sorted(rng.randint(0, len(text)) for _ in range(6))
        windows = [*pairwise(cuts), (0, len(text))]
        _same_everywhere(index, text, windows)


def test_an_index_over_several_patterns_keeps_each_ones_matches() -> None:
    """Patterns sharing openings, a look-behind, a word boundary at the window's end and
    matches overlapping one another."""
    patterns = [
        re.compile(r"(?<![\w'])(?:no longer (?:rides|races) for|no longer)"),
        re.compile(r"\b(?:looking for a (?:new )?team|looking)\b"),
        re.compile(r"(?:aa|aaa)b"),
    ]
    index = PhraseIndex(patterns)
    text = "he is no longer rides for x; looking for a new teamx looking aaab aaaab no longerz"
    windows = [(0, len(text)), (3, 20), (6, 12), (29, 52), (29, 50), (60, 66), (61, 70)]
    _same_everywhere(index, text, windows)


def test_a_pattern_not_in_the_index_is_run_as_it_is() -> None:
    index = PhraseIndex([re.compile(r"\bjoins\b")])
    other = re.compile(r"\w+s\b")
    text = "she joins them as he leaves"
    places = index.scan(text)
    assert _spans(places.finditer(other)) == _spans(other.finditer(text))
    assert places.search(other, 10).span() == other.search(text, 10).span() == (15, 17)


def test_a_phrase_whose_starts_cannot_be_told_is_run_as_it_is() -> None:
    """A pattern that ignores case (its literals stand for more) or has no literal start
    is left out of the walk, never refused: its matches are its own."""
    odd = [re.compile(r"(?i)no longer"), re.compile(r"\w+ joins")]
    index = PhraseIndex([*odd, re.compile(r"\bjoins\b")])
    assert len(index.patterns) == 1
    text = "No longer: she joins them"
    _same_everywhere(index, text, [(0, len(text)), (3, 20)])
    for pattern in odd:
        assert _spans(index.scan(text).finditer(pattern)) == _spans(pattern.finditer(text))


def test_every_bundled_phrase_is_in_the_walk() -> None:
    """A phrase left out would still answer right, only slowly: none is."""
    given = {id(p) for p in PHRASES}
    assert len(given) == 15
    index = rule_phrases()
    assert {id(p) for p in index.patterns} == given
    assert all(index.slot(p) is not None for p in index.patterns)


def test_a_walk_of_a_pattern_without_a_literal_start_says_yes_to_every_text() -> None:
    assert Substrings.starting(r"\w+ joins").any_in("")
    assert Substrings.starting(r"(?i)joins").any_in("JOINS")
    starts = Substrings.starting(r"\b(?:joins|signs for)\b")
    assert starts.any_in("x signs for y") and not starts.any_in("x leaves y")


def test_a_large_alternation_expands_past_the_cue_limit() -> None:
    words = [f"word{n} phrase" for n in range(400)]
    pattern = r"\b(?:" + "|".join(words) + r")\b"
    # the cue scan's limit stops at the common opening: true, but it finds every word
    assert pattern_starts(pattern) == {"word"}
    assert pattern_starts(pattern, PHRASE_STARTS) == set(words)


def test_every_registered_phrase_has_start_strings_of_two_letters() -> None:
    """A one-letter opening would send nearly every place of the story to the expression."""
    for pattern in rule_phrases().patterns:
        assert all(len(s) >= 2 for s in pattern_starts(pattern.pattern, PHRASE_STARTS))


def _hostile(n: int) -> str:
    """A phrase's opening repeated without its ending, and whole phrases, n times."""
    return "no longer " * n + "still looking for a " * n + "ne porteront plus " * n


def test_scan_and_search_grow_linearly() -> None:
    index = rule_phrases()

    def read(text: str) -> None:
        places = index.scan(text)
        for pattern in index.patterns:
            for _ in places.finditer(pattern):
                pass

    assert_linear(read, _hostile, 2000)
