"""Forms of a person's name: given names and surname words, the ways the surname is
written alone, whether two first names are spellings of one, and how far a misspelt
surname may be from its own."""

from __future__ import annotations

from rapidfuzz.fuzz import ratio

from feeds.nlp.cues.names import COMMON_WORDS, PARTICLES
from feeds.text.fold import fold_tokens


def split_name(name: str) -> tuple[list[str], list[str]]:
    """(given names, surname words) of a person's name; particles stay with the surname."""
    words = name.split()
    if len(words) < 2:
        return [], words
    i = len(words) - 1
    while i > 1 and fold_tokens(words[i - 1]) and fold_tokens(words[i - 1])[0] in PARTICLES:
        i -= 1
    return words[:i], words[i:]


def surname_forms(name: str) -> list[str]:
    """Every way the surname alone may be written: "Longo Borghini" and "Borghini"."""
    given, surname = split_name(name)
    forms = [" ".join(surname)]
    # Three words with no particle: the middle one is a second given name
    # (Daniel Felipe Martínez) or the first half of a surname (Longo Borghini).
    if len(given) >= 2 and len(surname) == 1:
        forms.append(" ".join([given[-1], *surname]))
    return forms


def is_common(word_key: str) -> bool:
    return word_key in COMMON_WORDS


def folded(text: str) -> str:
    return " ".join(fold_tokens(text))


def given_variant(word: str, given: str) -> bool:
    """Two spellings of one first name: Kayden/Kaden, Lucas/Luke, Tom/Thomas, Dani/Daniel."""
    if word == given:
        return True
    if len(word) >= 3 and len(given) >= 3 and word[:2] == given[:2]:
        return True
    short, long = sorted((word, given), key=len)
    if short[:1] == long[:1] and _subsequence(short, long):
        return True
    return ratio(word, given) >= 80


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def fuzzy_limit(form: str) -> int:
    """Edits a misspelling of surname `form` may have: one, two for long names."""
    return 1 if len(form) < 9 else 2


_VOWELS = "aeiou"
# A stem shorter than this is too little of a name to carry a case ending ("Ivo" -> "Iv").
MIN_STEM = 3


def bare_forms(word: str) -> tuple[str, ...]:
    """A folded name word and what a case ending is put on when the language drops its
    final vowels: Pello -> pell (Pellu), Joshua -> joshu (Joshuo), Romeo -> rom (Romom);
    or a vowel before the last consonant (below)."""
    forms = [word]
    # A fleeting e before the last consonant drops under an ending: Groenewegen ->
    # groenewegn (Groenewegna), Mezgec -> mezgc (Mezgca).
    fleeting = word[:-2] + word[-1] if len(word) > MIN_STEM + 1 and word[-2] == "e" else ""
    if word[-1:] in _VOWELS:
        fleeting = ""
    for stem in (word[:-1] if word[-1:] in _VOWELS else "", word.rstrip(_VOWELS), fleeting):
        if len(stem) >= MIN_STEM and stem not in forms:
            forms.append(stem)
    return tuple(forms)
