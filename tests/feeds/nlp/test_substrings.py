"""`Substrings.any_in` answers `any(s in text for s in strings)` (feeds/nlp/matcher.py),
for the word lists the tagger's rules test stories with and for random ones."""

from __future__ import annotations

import random

from feeds.nlp.matcher import Substrings
from feeds.nlp.tag.careers import _CAREER_WORDS
from feeds.nlp.tag.siblings import _SIBLING_WORDS

ALPHABET = "abe rsœèz-\n"


def test_any_in_is_any_substring() -> None:
    rng = random.Random(13)
    lists = [_SIBLING_WORDS, _CAREER_WORDS]
    lists += [
        tuple("".join(rng.choices(ALPHABET, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 6)))
        for _ in range(200)
    ]
    for strings in lists:
        found = Substrings(strings)
        texts = [""] + ["".join(rng.choices(ALPHABET, k=rng.randint(1, 60))) for _ in range(30)]
        texts += [f"his twin brother {s}" for s in strings] + [f"x{s}" for s in strings]
        for text in texts:
            assert found.any_in(text) == any(s in text for s in strings), (strings, text)


def test_no_strings_match_nothing_and_the_empty_string_everything() -> None:
    assert not Substrings([]).any_in("anything")
    assert Substrings([""]).any_in("anything")
    assert Substrings(["", "zz"]).any_in("")
    assert not Substrings(["zz"]).any_in("")
