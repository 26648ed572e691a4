"""Spelling slips in long race names, read as the name: a doubled consonant written
single ("Fleche Wallone" for Flèche Wallonne) or a single consonant between vowels written
double ("Tirreno-Adriattico").

Only names of `MIN_LETTERS` letters or more: a slip in a short name is as likely another
word ("Tour" and "Tours"), in a long one it rarely is. A slip that is itself a name of
the calendar, or the slip of two different races' names, is not read as either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

MIN_LETTERS = 10
VOWELS = frozenset("aeiouy")


def _consonant(char: str) -> bool:
    return char.isalpha() and char not in VOWELS


def slips(key: str) -> set[str]:
    """The one-slip variants of a folded automaton key (" la  fleche  wallonne ")."""
    if sum(c.isalpha() for c in key) < MIN_LETTERS:
        return set()
    out: set[str] = set()
    for i in range(1, len(key)):
        if key[i] == key[i - 1] and _consonant(key[i]):
            out.add(key[:i] + key[i + 1 :])
    for i in range(1, len(key) - 1):
        if _consonant(key[i]) and key[i - 1] in VOWELS and key[i + 1] in VOWELS:
            out.add(key[: i + 1] + key[i:])
    out.discard(key)
    return out


def slipped_names(
    names: Mapping[str, Iterable[str]], taken: Iterable[str]
) -> dict[str, tuple[str, ...]]:
    """Slip key -> the races of the name it slipped from, for every name key in `names`
    (key -> race ids); none that is a key in `taken` (the calendar's own names and short
    names win) or slips from names of different races."""
    taken = set(taken)
    found: dict[str, tuple[str, ...]] = {}
    clashing: set[str] = set()
    for key, ids in names.items():
        races = tuple(ids)
        for variant in slips(key):
            if variant in taken:
                continue
            if variant in found and set(found[variant]) != set(races):
                clashing.add(variant)
            found.setdefault(variant, races)
    return {key: races for key, races in found.items() if key not in clashing}
