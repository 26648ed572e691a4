"""One walk for race names, titles and national-championship words gives each reader
exactly what its own automaton finds, in the same order (feeds/races/scan.py), and a
folded match's original start alone is `span`'s (feeds/text/fold.py)."""

from __future__ import annotations

import json
import random

import pytest

from feeds.races.mentions import _inside_name
from feeds.races.scan import WholeTextScanner
from feeds.races.tagging import RaceTagger, bundled_race_tagger
from feeds.races.terms import Term
from feeds.text.fold import FoldedText, fold_tokens
from tests.corpus import development_sets

PHRASES = [
    "Tour de France",
    "le Tour",
    "Giro d'Italia",
    "wereldkampioen in 2013",
    "champion du monde en 2021",
    "national championships",
    "campeonato nacional",
    "Ronde van Vlaanderen",
    "Vuelta a España",
    "Worlds",
    "Paris-Roubaix",
    "world champion",
]
FILLER = ["the", "rider", "won", "in", "2024", "Pogačar", "and", "de", "stage", "ß", "—", "\n\n"]


def _texts() -> list[str]:
    """Every development story, and stories of race phrases and filler made at random."""
    texts = []
    for path in development_sets():
        with path.open(encoding="utf-8") as fh:
            texts += [f"{r['title']}\n\n{r['text']}" for r in map(json.loads, filter(None, fh))]
    rng = random.Random(15)
    for _ in range(300):
        words = rng.choices(PHRASES + FILLER, k=rng.randint(1, 40))
        texts.append(" ".join(words))
    return texts


@pytest.fixture(scope="module")
def tagger() -> RaceTagger:
    return bundled_race_tagger()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_one_walk_finds_what_each_automaton_finds(tagger: RaceTagger, texts: list[str]) -> None:
    titles, nationals = tagger.titles, tagger.nationals
    assert titles is not None and titles.automaton is not None
    assert nationals is not None and nationals.automaton is not None
    for text in texts:
        folded = FoldedText(text).folded
        split = 1 + sum(len(word) + 2 for word in fold_tokens(text.partition("\n\n")[0]))
        found = tagger.whole_text.scan(folded)
        for start, end in ((0, split), (split, len(folded)), (0, len(folded)), (3, 40)):
            assert found.races_in(start, end) == list(tagger.terms.races(folded, start, end))
        assert found.titles == list(titles.automaton.iter(folded))
        assert found.nationals == list(nationals.automaton.iter(folded))


def test_a_key_of_several_readers_reaches_each() -> None:
    race = Term("race", ("tour-de-france",))
    scanner = WholeTextScanner(
        [(" tour ", (6, race))], [(" tour ", (6, "title")), (" world ", (7, "worlds"))]
    )
    found = scanner.scan("  the  tour  world  ")
    assert found.races == [(11, (6, race))]
    assert found.titles == [(11, (6, "title")), (18, (7, "worlds"))]
    assert found.nationals == []
    assert WholeTextScanner([]).scan("  tour  ").races == []


def test_original_start_is_the_start_of_span(texts: list[str]) -> None:
    rng = random.Random(7)
    for text in texts[::3]:
        ft = FoldedText(text)
        if ft.word_count < 2:
            continue
        for _ in range(10):
            k0 = rng.randrange(ft.word_count)
            k1 = rng.randrange(k0 + 1, ft.word_count + 1)
            # A key's folded bounds: the space before its first word to the one after its last.
            start = _folded_start(ft, k0) - 1
            end = _folded_start(ft, k1 - 1) + len(ft.word(k1 - 1)) + 1
            assert ft.original_start(start) == ft.span(start, end)[0]


def _folded_start(ft: FoldedText, k: int) -> int:
    return ft._ensure_maps()[k]


def test_inside_name_answers_as_the_whole_span_does(texts: list[str]) -> None:
    """The start-first check of a kind word against the story's names answers as the
    check of its whole span did, for every word of every story against random names."""
    rng = random.Random(3)
    for text in texts[::5]:
        ft = FoldedText(text)
        count = ft.word_count
        if count < 2:
            continue
        spans = [ft.word_span(k) for k in range(count)]
        named = sorted(
            (spans[k][0], spans[min(count - 1, k + rng.randint(0, 3))][1])
            for k in sorted(rng.sample(range(count), min(count, 6)))
        )
        for k in range(count):
            start = _folded_start(ft, k) - 1
            end = _folded_start(ft, k) + len(ft.word(k)) + 1
            o_start, o_end, _, _ = ft.span(start, end)
            i = max(j for j in range(-1, len(named)) if j < 0 or named[j][0] <= o_start)
            expected = i >= 0 and named[i][0] <= o_start and o_end <= named[i][1]
            assert _inside_name(ft, start, end, named) == expected
