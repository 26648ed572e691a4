"""`fold_words` takes a short cut for ASCII text: it must fold exactly as the full path."""

from __future__ import annotations

import random
import string
import unicodedata

from storage.search import _WORD, fold_words


def full_path(text: str) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _WORD.findall(plain.replace("_", " ").lower())


def test_ascii_text_folds_as_the_full_path():
    rng = random.Random(7)
    alphabet = string.printable
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert text.isascii()
        assert fold_words(text) == full_path(text)


def test_accented_text_still_loses_its_accents():
    assert fold_words("Pogačar, Évenepoel_Ørsted") == ["pogacar", "evenepoel", "ørsted"]
