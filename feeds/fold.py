"""Text folding for matching: one pass per story, with a way back to original offsets.

A folded text is lowercase ASCII words, each surrounded by spaces and separated by
exactly two spaces (``"  mark  cavendish  "``). Aliases are folded the same way, so
an alias key `" mark  cavendish "` can only match whole words, and two adjacent
names can both match: each owns one of the two spaces between them.

Folding is the cost of tagging, not matching, so every step is a C-level string
operation over the whole story: unidecode runs only on non-ASCII runs (cached per
run), ASCII `lower()`, one regex split into words and separators. Offsets back to
the original are computed lazily, only for the few places that matched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from unidecode import unidecode

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_WORD_SPLIT = re.compile(r"([a-z0-9]+)")
_WORD = re.compile(r"[a-z0-9]+")

# Letters unidecode gets "wrong" for matching names: it is fine for nearly all
# (ø->o, ł->l, ß->ss, æ->ae), this table is for the few that need a nudge.
_SPECIAL = str.maketrans({"ı": "i", "İ": "I"})


@lru_cache(maxsize=65536)
def _ascii_run(run: str) -> str:
    """ASCII form of one run of non-ASCII characters.

    A run that transliterates to nothing (emoji, lone surrogates, combining marks
    alone) becomes a space so that it still separates the words on either side.
    """
    run = _SURROGATE.sub(" ", run.translate(_SPECIAL))
    try:
        out = unidecode(run, errors="replace", replace_str=" ")
    except Exception:  # unidecode on odd code points: never let one story fail
        out = " "
    return out or " "


def fold_word(text: str) -> str:
    """Fold a short string (an alias) into the matching form, without offsets."""
    return FoldedText(text).folded


def fold_tokens(text: str) -> list[str]:
    """The folded words of `text` (`"Van der Poel"` -> `["van", "der", "poel"]`)."""
    return _WORD.findall(_to_ascii_lower(text))


def _to_ascii_lower(text: str) -> str:
    if not text.isascii():
        text = _NON_ASCII.sub(lambda m: _ascii_run(m.group()), text)
    return text.lower()


class FoldedText:
    """One story folded for matching, and the map from folded to original offsets."""

    __slots__ = ("_ascii_spans", "_dstarts", "_parts", "_word_bounds", "folded", "original")

    def __init__(self, text: str) -> None:
        self.original = text
        # Non-ASCII runs replaced by their transliteration; remember where, since
        # the replacement changes lengths (ß -> ss, emoji -> " ").
        spans: list[tuple[int, int, int, int]] = []
        if text.isascii():
            ascii_text = text
        else:
            pieces: list[str] = []
            last = 0
            shift = 0
            for m in _NON_ASCII.finditer(text):
                rep = _ascii_run(m.group())
                pieces.append(text[last : m.start()])
                pieces.append(rep)
                a_start = m.start() + shift
                spans.append((a_start, a_start + len(rep), m.start(), m.end()))
                shift += len(rep) - (m.end() - m.start())
                last = m.end()
            pieces.append(text[last:])
            ascii_text = "".join(pieces)
        self._ascii_spans = spans
        # [sep, word, sep, word, ..., sep]: the leading/trailing space makes both ends
        # separators, so words sit at the odd indexes.
        self._parts = _WORD_SPLIT.split(" " + ascii_text.lower() + " ")
        words = self._parts[1::2]
        self.folded = "  " + "  ".join(words) + "  " if words else "  "
        self._dstarts: list[int] | None = None
        self._word_bounds: list[int] | None = None

    # --- offsets ---------------------------------------------------------------

    def _ensure_maps(self) -> tuple[list[int], list[int]]:
        if self._dstarts is None or self._word_bounds is None:
            words = self._parts[1::2]
            # Start of word k in the folded text: 2 + sum(len(w) + 2 for earlier words).
            self._dstarts = [2 + x for x in accumulate((len(w) + 2 for w in words), initial=0)]
            # Cumulative lengths of the parts in " " + ascii + " ".
            self._word_bounds = list(accumulate(map(len, self._parts), initial=0))
        return self._dstarts, self._word_bounds

    def word_index(self, folded_pos: int) -> int:
        """Index of the word that starts at or covers `folded_pos` in the folded text."""
        dstarts, _ = self._ensure_maps()
        return max(0, bisect_right(dstarts, folded_pos) - 1)

    def word_span(self, k: int) -> tuple[int, int]:
        """Original [start, end) of folded word `k`."""
        _, bounds = self._ensure_maps()
        # Word k is part 2k+1; minus 1 for the added leading space.
        a_start = bounds[2 * k + 1] - 1
        a_end = bounds[2 * k + 2] - 1
        return self._to_original(a_start, False), self._to_original(a_end, True)

    def span(self, folded_start: int, folded_end: int) -> tuple[int, int, int, int]:
        """Original [start, end) and word range [k0, k1) of a folded match.

        `folded_start`/`folded_end` may include the spaces around the words.
        """
        k0 = self.word_index(folded_start + 1)
        k1 = self.word_index(max(folded_start + 1, folded_end - 2)) + 1
        start = self.word_span(k0)[0]
        end = self.word_span(k1 - 1)[1]
        return start, end, k0, k1

    @property
    def word_count(self) -> int:
        return len(self._parts) // 2

    def word(self, k: int) -> str:
        return self._parts[2 * k + 1]

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
