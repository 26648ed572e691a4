"""Text folding for matching: one pass per story, with a way back to original offsets.

A folded text is lowercase ASCII words, each surrounded by spaces and separated by
exactly two spaces (``"  mark  cavendish  "``). Aliases are folded the same way, so
an alias key `" mark  cavendish "` can only match whole words, and two adjacent
names can both match: each owns one of the two spaces between them.

Folding is the cost of matching, so every step is a C-level operation over the
whole story: the ASCII encoder, whose error handler transliterates each non-ASCII run
with unidecode (short runs cached), then one `bytes.translate` that lowercases and
turns every other character into a space (lengths unchanged), then `split`/`join`
into the two-space form. The map from
folded words back to original offsets is built only for stories with matches, and
holds two lists: where each word starts in the folded text, and which piece of
the single-space split it is; every other offset follows from those by arithmetic
(building a third list of start offsets cost as much as the rest together).
"""

from __future__ import annotations

import codecs
import re
import threading
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import add, lt

from unidecode import unidecode

_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Letters unidecode gets "wrong" for matching names: it is fine for nearly all
# (ø->o, ł->l, ß->ss, æ->ae), this table is for the few that need a nudge.
_SPECIAL = str.maketrans({"ı": "i", "İ": "I"})


def _ascii_run(run: str) -> str:
    """ASCII form of one run of non-ASCII characters.

    Short runs (a letter or two in a name, a curly quote) repeat endlessly and are
    cached; long runs (a paragraph of Greek or Chinese) are not, so a hostile story
    cannot fill the cache with megabytes.
    """
    return _ascii_short(run) if len(run) <= 16 else _transliterate(run)


@lru_cache(maxsize=16384)
def _ascii_short(run: str) -> str:
    return _transliterate(run)


def _transliterate(run: str) -> str:
    """A run that transliterates to nothing (emoji, lone surrogates, combining marks
    alone) becomes a space so that it still separates the words on either side."""
    run = _SURROGATE.sub(" ", run.translate(_SPECIAL))
    try:
        out = unidecode(run, errors="replace", replace_str=" ")
    except Exception:  # unidecode on odd code points: never let one story fail
        out = " "
    return out or " "


# ASCII bytes -> lowercase letters and digits, everything else a space: one C-level
# `bytes.translate` does case folding and token breaking without changing lengths.
_TABLE = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256)
)


class _Runs(threading.local):
    """The transliterated runs of the text this thread is encoding: (start, end, length
    of the replacement), in order."""

    def __init__(self) -> None:
        self.found: list[tuple[int, int, int]] = []


_RUNS = _Runs()
_ENCODE_ERRORS = "domestique.fold"


def _transliterate_error(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the ASCII encoder finds each maximal run of non-ASCII
    characters in C and hands it here, so only the runs cost Python time (a regex
    scan for them took longer than the whole rest of the fold)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    replacement = _ascii_run(exc.object[exc.start : exc.end])
    if not replacement.isascii():
        replacement = " "
    _RUNS.found.append((exc.start, exc.end, len(replacement)))
    return replacement, exc.end


codecs.register_error(_ENCODE_ERRORS, _transliterate_error)


def _encode(text: str) -> tuple[bytes, list[tuple[int, int, int]]]:
    """`text` as ASCII bytes with non-ASCII runs transliterated, and those runs."""
    if text.isascii():
        return text.encode("ascii"), []
    _RUNS.found = runs = []
    return text.encode("ascii", _ENCODE_ERRORS), runs


def fold_tokens(text: str) -> list[str]:
    """The folded words of `text` (`"Van der Poel"` -> `["van", "der", "poel"]`)."""
    if len(text) > 200:
        return _encode(text)[0].translate(_TABLE).decode("ascii").split()
    return list(_fold_name(text))


@lru_cache(maxsize=200_000)
def _fold_name(text: str) -> tuple[str, ...]:
    # Cached: the same names are folded again on every roster rebuild.
    return tuple(_encode(text)[0].translate(_TABLE).decode("ascii").split())


# What `(?i)` matching takes for a lower-case letter beside its capital: dotless and dotted
# I, long S. "İ" is also the one character whose lower case is two characters; mapped
# first, the folded text keeps every offset.
_CASE_FIXES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def case_folded(text: str) -> str:
    """`text` lower-cased at the same length, each character as case-insensitive matching
    reads it: a lower-case literal occurs in it exactly where `(?i)` matches the literal
    in `text` (letters of the Latin alphabets; tests/feeds/nlp/test_case_folded.py checks
    every code point), so a substring test or a case-sensitive expression can stand in
    for a case-insensitive one, which is several times slower."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        text = text.translate(_CASE_FIXES)  # rare: a translation table reads every character
    return text.lower()


def fold_word(text: str) -> str:
    """Fold a short string (an alias) into one space-joined string of words."""
    return " ".join(fold_tokens(text))


class FoldedText:
    """One story folded for matching, and the map from folded to original offsets."""

    __slots__ = ("_ascii_spans", "_bytes", "_dstarts", "_pieces", "_words", "folded", "original")

    def __init__(self, text: str) -> None:
        self.original = text
        # Non-ASCII runs replaced by their transliteration; remember where, since
        # the replacement changes lengths (ß -> ss, emoji -> " ").
        encoded, runs = _encode(text)
        spans: list[tuple[int, int, int, int]] = []
        shift = 0
        for o_start, o_end, length in runs:
            a_start = o_start + shift
            spans.append((a_start, a_start + length, o_start, o_end))
            shift += length - (o_end - o_start)
        self._ascii_spans = spans
        # Same length as the ASCII text: words and single spaces.
        self._bytes = encoded.translate(_TABLE)
        self._words = words = self._bytes.split()
        self.folded = (b"  " + b"  ".join(words) + b"  ").decode("ascii") if words else "  "
        # Empty until built; built, it holds at least the end of the text.
        self._dstarts: list[int] = []
        self._pieces: list[int] = []

    # --- offsets (computed on first use: only stories with matches pay for them) --

    def _ensure_maps(self) -> list[int]:
        if not self._dstarts:
            # Folded word k starts at dstarts[k] = 2 + (lengths of words 0..k-1) + 2k.
            # Splitting the ASCII bytes on single spaces gives the words and an empty
            # piece for every extra space; piece i starts at (lengths of the pieces
            # before it) + i. So word k starts at dstarts[k] - 2 - 2k + pieces[k],
            # pieces[k] being its piece index (see `_start`). compress/accumulate
            # keep the loops in C.
            split = self._bytes.split(b" ")
            self._pieces = list(compress(range(len(split)), split))
            self._dstarts = list(accumulate(map(add, map(len, self._words), repeat(2)), initial=2))
        return self._dstarts

    def _start(self, k: int) -> int:
        """Start of word `k` in the ASCII text (maps built)."""
        return self._dstarts[k] - 2 - 2 * k + self._pieces[k]

    def _end(self, k: int) -> int:
        """End of word `k` in the ASCII text: its start plus its length (maps built)."""
        return self._dstarts[k + 1] - 4 - 2 * k + self._pieces[k]

    # The rules call the accessors below several times per match: they read the maps
    # directly once built instead of going through `_ensure_maps` each time.

    def word_index(self, folded_pos: int) -> int:
        """Index of the word that starts at or covers `folded_pos` in the folded text."""
        dstarts = self._dstarts or self._ensure_maps()
        return max(0, bisect_right(dstarts, folded_pos) - 1)

    def word_start(self, k: int) -> int:
        """Where folded word `k` starts in the folded text (`word_count`: the text's end,
        one past the space that follows the last word)."""
        dstarts = self._dstarts or self._ensure_maps()
        return dstarts[k]

    def word_span(self, k: int) -> tuple[int, int]:
        """Original [start, end) of folded word `k`."""
        if not self._dstarts:
            self._ensure_maps()
        a_start, a_end = self._start(k), self._end(k)
        if not self._ascii_spans:
            return a_start, a_end
        return self._to_original(a_start, False), self._to_original(a_end, True)

    def span(self, folded_start: int, folded_end: int) -> tuple[int, int, int, int]:
        """Original [start, end) and word range [k0, k1) of a folded match.

        `folded_start`/`folded_end` include the spaces around the words (an alias key).
        """
        dstarts = self._dstarts or self._ensure_maps()
        k0 = bisect_right(dstarts, folded_start + 1) - 1
        k1 = bisect_right(dstarts, folded_end - 2)
        k0 = max(0, k0)
        k1 = max(k0 + 1, k1)
        a_start, a_end = self._start(k0), self._end(k1 - 1)
        if self._ascii_spans:
            return self._to_original(a_start, False), self._to_original(a_end, True), k0, k1
        return a_start, a_end, k0, k1

    def original_start(self, folded_start: int) -> int:
        """`span(folded_start, ...)[0]` alone: where a folded match starts in the original
        text, for a caller that can often decide on the start (half of `span`'s work)."""
        dstarts = self._dstarts or self._ensure_maps()
        a_start = self._start(max(0, bisect_right(dstarts, folded_start + 1) - 1))
        return self._to_original(a_start, False) if self._ascii_spans else a_start

    def spans(
        self, folded_starts: list[int], folded_ends: list[int]
    ) -> list[tuple[int, int, int, int]]:
        """`span` for many matches at once (each a whole alias key, spaces included).

        A key starts on the space before its first word and ends on the space before
        the next word, which starts at `end + 1`.
        """
        dstarts = self._ensure_maps()
        # Exact word starts, so bisect_left gives the word index; through `map`.
        k0s = list(map(bisect_left, repeat(dstarts), map(add, folded_starts, repeat(1))))
        k1s = list(map(bisect_left, repeat(dstarts), map(add, folded_ends, repeat(1))))
        # A story has a few dozen matches: per-match arithmetic is cheaper than
        # lists of every word's offsets.
        a_starts = list(map(self._start, k0s))
        a_ends = [self._end(k1 - 1) for k1 in k1s]
        if self._ascii_spans:
            a_starts = self._to_original_many(a_starts, False)
            a_ends = self._to_original_many(a_ends, True)
        return list(zip(a_starts, a_ends, k0s, k1s, strict=True))

    def _to_original_many(self, positions: list[int], is_end: bool) -> list[int]:
        """`_to_original` for many offsets: the shift after each transliterated run is
        added in C, and only offsets inside a run (rare) go through Python."""
        spans = self._ascii_spans
        a_starts = [sp[0] for sp in spans]
        # Index 0 stands for "before the first run": no shift, never inside.
        a_ends = [-1, *(sp[1] for sp in spans)]
        shifts = [0, *(sp[3] - sp[1] for sp in spans)]
        idx = list(map(bisect_right, repeat(a_starts), positions))
        out = list(map(add, positions, map(shifts.__getitem__, idx)))
        for j in compress(range(len(positions)), map(lt, positions, map(a_ends.__getitem__, idx))):
            out[j] = self._to_original(positions[j], is_end)
        return out

    @property
    def word_count(self) -> int:
        dstarts = self._dstarts or self._ensure_maps()
        return len(dstarts) - 1

    def word(self, k: int) -> str:
        dstarts = self._dstarts or self._ensure_maps()
        return self.folded[dstarts[k] : dstarts[k + 1] - 2]

    def _to_original(self, pos: int, is_end: bool) -> int:
        """Map an offset in the ASCII text back to the original text."""
        spans = self._ascii_spans
        if not spans or pos < spans[0][0]:
            return pos
        i = bisect_right(spans, (pos, 1 << 62)) - 1
        a_start, a_end, o_start, o_end = spans[i]
        if pos == a_start:
            return o_start
        if pos < a_end:
            # Inside a transliterated run: snap outwards to the run's edge.
            return o_end if is_end else o_start
        return pos - a_end + o_end
