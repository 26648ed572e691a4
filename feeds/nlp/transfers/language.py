"""Which language's cues a story is scanned with.

The feed's declared language wins (its first two letters: "pt-BR" is Portuguese); a story
without one is told by the lexicons' own stop words, counted over its opening; one that
reads as no language clearly, or whose language has no lexicon file, is scanned with every
language pooled, as before routing existed. English cues are added to every language's:
cycling news in any language quotes English team names and phrases ("signs with", "joins"
in a Danish headline). On the development sets adding them neither helps nor hurts.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache

from feeds.nlp.lexicon import bundled

ENGLISH = "en"
ALWAYS = (ENGLISH,)
"""Languages added to whichever one a story is in."""

OPENING = 500
"""Characters read to tell the language: the headline and lede say it as well as the
whole story, at a fixed cost."""
MIN_HITS = 4
"""Fewer stop words than this is too little to go by (a headline, a list of names)."""
MARGIN = 1.5
"""The leading language must have this many times the runner-up's stop words: Danish
and Norwegian, or Spanish and Portuguese, share many."""

_PUNCTUATION = ".,;:!?\"'()[]\u00ab\u00bb\u201c\u201d\u2018\u2019\u2013\u2014-\u2026"
"""Stripped from a word's ends: splitting on spaces and looking up each distinct word is
several times cheaper than a word regex, and a detector must cost little beside tagging."""


@cache
def _stop_words() -> dict[str, tuple[str, ...]]:
    """Each stop word and the languages whose files list it."""
    by_word: dict[str, list[str]] = {}
    lexicons = bundled()
    for code in lexicons.languages:
        for word in lexicons.language(code)["stop_words"]:
            by_word.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in by_word.items()}


def declared(language: str | None) -> str | None:
    """A feed's language code as a lexicon file's name ("pt-BR" -> "pt"), if any."""
    if not language or not isinstance(language, str):
        return None
    code = language.strip().lower()[:2]
    return code if code.isalpha() and len(code) == 2 else None


def detect(low: str) -> str | None:
    """The language of a lower-cased text by its stop words, or None when it is unclear.

    Every stop word counts for each language that lists it; the leader must have
    `MARGIN` times the next language's count. Two languages that share most of their
    words (Danish and Norwegian) come out close on that count, and then the words only
    one of them lists decide, with the same margin."""
    return _detect_opening(low[:OPENING])


@lru_cache(maxsize=256)
def _detect_opening(opening: str) -> str | None:
    # A story of undeclared language is told by its names, its cues, its races and its
    # everyday words, each asking here: the answer depends on the opening alone.
    stop = _stop_words()
    total: dict[str, int] = {}
    own: dict[str, int] = {}
    for token, n in Counter(opening.split()).items():
        codes = stop.get(token) or stop.get(token.strip(_PUNCTUATION))
        if not codes:
            continue
        for code in codes:
            total[code] = total.get(code, 0) + n
        if len(codes) == 1:
            own[codes[0]] = own.get(codes[0], 0) + n
    ranked = sorted(total, key=lambda code: (total[code], own.get(code, 0)), reverse=True)
    if not ranked or total[ranked[0]] < MIN_HITS:
        return None
    best, rest = ranked[0], ranked[1:]
    if not rest or total[best] >= MARGIN * total[rest[0]]:
        return best
    sibling = rest[0]
    if len(rest) > 1 and total[best] < MARGIN * total[rest[1]]:
        return None  # three languages close: no pair to tell apart
    first, second = sorted((best, sibling), key=lambda code: own.get(code, 0), reverse=True)
    if own.get(first, 0) >= max(1, MARGIN * own.get(second, 0)):
        return first
    return None


def scan_languages(language: str | None, low: str) -> tuple[str, ...] | None:
    """The languages whose cues to scan `low` with; None for all of them, pooled."""
    code = declared(language) or detect(low)
    if code is None or code not in bundled().languages:
        return None
    return tuple(dict.fromkeys((code, *ALWAYS)))
