"""Text structure: the lower-cased copy, sentences (the headline first) and clauses.

Every offset points into the original text, so the lower-cased copy keeps its length.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from feeds.models import Mention
from feeds.nlp.document import Document
from feeds.text.fold import case_folded

# Curly quotes and dashes are written as escapes (\u2019 is the typographic apostrophe)
# so that no reader or linter takes them for their ASCII look-alikes.
WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
ROLE_WORD = re.compile(r"[\w'\u2019-]+")
# A word boundary that also holds at a window's start (the text before it still counts).
WORD_START = r"(?:(?<![\w'])|(?=n't))"
# Where a sentence ends: after ".", "!", "?" or an ellipsis, closing quotes and brackets,
# then white space before a capital, a digit or an opening quote; or at a line break (a
# blank line whole). Each break starts with a closing quote or white space, and the
# expression starts with that set of characters, so the engine skips to them in C and
# each alternative checks with a look-behind what came before: the same breaks as the
# direct form (a look-behind first, tried at every character), which
# tests/feeds/nlp/test_text_splits.py keeps to compare with.
# A list line's opening before its first name: white space and a dash, a bullet or a
# number ("- ", "\u2014 ", "\u2022 ", "1. ", "2) "), or nothing (a line that opens with the name).
LIST_BULLET = re.compile(r"[\s\-\u2013\u2014\u2022*\u00b7]*(?:\d{1,2}[.)]\s*)?")
# A bracketed aside with no bracket inside ("(Picnic)", "(ex-Movistar)").
BRACKETED = re.compile(r"\([^()]*\)")
_OPEN_BRACKET = re.compile(r"\(\s*$")
BRACKET_REACH = 40
"""Characters looked back for the "(" before a mention: the white space between is short,
and reading back to the text's start for each of thousands of mentions is quadratic."""
FIRST_NAME_REACH = 5
"""Words between a list's opening word and its first name ("darunter die großen deutschen
Namen X", "Det gjelder den norske duoen X")."""
_CLOSERS = '"\u201d\u2019»)'
_NEXT_SENTENCE = r"(?=[\"\u201c\u2018«(\[]?[A-Z0-9À-ÖØ-Þ])"
_SENTENCE_END = re.compile(
    rf"[{_CLOSERS}\s](?:(?<=[.!?…][{_CLOSERS}])[{_CLOSERS}]*\s+{_NEXT_SENTENCE}"
    rf"|(?<=[.!?…]\s)\s*{_NEXT_SENTENCE}|(?<=\n)\s*\n|(?<=\n))"
)
# Contrasting conjunctions ("but", "while"), ";" and ":" (only before a lower-case word,
# "uncertain: earlier"), run on the original text: the clauses moves are read in (a
# status's reach is cut by the lexicons' contrast_words and while_words instead, see
# status_scope). Written, like the sentence breaks, to start with the set of characters
# every split starts with.
_CONTRAST_WORDS = (
    "but", "while", "whereas", "although", "maar", "terwijl", "mais", "tandis que",
    "alors que", "mentre", "aber", "während", "wohingegen", "pero", "mientras",
)  # fmt: skip
_CONTRASTS = "(?i:" + "|".join(_CONTRAST_WORDS) + ")"
_CLAUSE_SPLIT = re.compile(
    rf"[,;:\s](?:(?<=,)\s+{_CONTRASTS}\s+|(?<=\s)\s*{_CONTRASTS}\s+|(?<=;)\s+"
    r"|(?<=:)\s+(?=[a-zà-ÿ]))"
)


# Not `frozen`: a frozen dataclass sets each field through object.__setattr__, three
# times the cost of a plain one, and a story makes dozens of spans. Nothing assigns to
# a span; `unsafe_hash` keeps the hash and equality a frozen one has.
@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A sentence or clause (`sentence` 0 is the headline). Never changed once made."""

    start: int
    end: int
    sentence: int
    title: bool


def lowered(text: str) -> str:
    """Lower-cased copy with the same length (offsets must keep pointing at the text)."""
    return Document.from_text(text).low


def split_sentences(text: str) -> list[Span]:
    """The headline (up to the first blank line), then the body's sentences."""
    title_end = text.find("\n\n")
    if title_end < 0:
        title_end = len(text) if "\n" not in text else text.find("\n")
    spans: list[Span] = [Span(0, title_end, 0, True)]
    start = title_end
    for match in _SENTENCE_END.finditer(text, title_end):
        if match.start() > start and text[start : match.start()].strip():
            spans.append(Span(start, match.start(), len(spans), False))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append(Span(start, len(text), len(spans), False))
    return spans


def split_clauses(text: str, sentence: Span) -> list[Span]:
    """The sentence cut at contrasting conjunctions ("but", "while"), ";" and ":"."""
    words = text[sentence.start : sentence.end]
    if ";" not in words and ":" not in words:
        # Three sentences in four have none of the conjunctions either: substring tests
        # on the case-folded words tell so faster than the expression can.
        folded = case_folded(words)
        if not any(word in folded for word in _CONTRAST_WORDS):
            whole = Span(sentence.start, sentence.end, sentence.sentence, sentence.title)
            return [whole] if sentence.start < sentence.end else []
    out = []
    start = sentence.start
    for match in _CLAUSE_SPLIT.finditer(text, sentence.start, sentence.end):
        if match.start() > start:
            out.append(Span(start, match.start(), sentence.sentence, sentence.title))
        start = match.end()
    if start < sentence.end:
        out.append(Span(start, sentence.end, sentence.sentence, sentence.title))
    return out


class _Placed(Protocol):
    @property
    def start(self) -> int: ...


_P = TypeVar("_P", bound=_Placed)


_START = operator.attrgetter("start")


class Placed(list[_P]):
    """Items sorted by start, with their starts beside them: `within` bisects the starts
    directly instead of reading each item's start through a key. Built once, not
    changed (a list changed after all the same reads through the key)."""

    __slots__ = ("starts",)

    def __init__(self, items: Iterable[_P] = ()) -> None:
        super().__init__(items)
        self.starts = [item.start for item in self]


class _Ranged(_Placed, Protocol):
    @property
    def end(self) -> int: ...


class Covered:
    """Ranges (hits sorted by start) merged once, so that asking whether a hit starts
    inside one of them is a bisection: a sentence of thousands of idioms and hedges
    asks once per hedge, and a scan of the ranges per hedge would be quadratic."""

    __slots__ = ("ends", "starts")

    def __init__(self, ranges: Iterable[_Ranged]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        # sorted by start, each range extends the last or opens one
        for r in sorted(ranges, key=_START):
            if self.ends and r.start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], r.end)
            else:
                self.starts.append(r.start)
                self.ends.append(r.end)

    def __contains__(self, hit: _Placed) -> bool:
        i = bisect.bisect_right(self.starts, hit.start) - 1
        return i >= 0 and hit.start < self.ends[i]


def within(items: Sequence[_P], start: int, end: int) -> Sequence[_P]:
    """Cue hits or mentions (sorted by start) that start between the two offsets."""
    if not items:
        return items
    if type(items) is Placed and len(items.starts) == len(items):
        starts = items.starts
        lo = bisect.bisect_left(starts, start)
        return items[lo : bisect.bisect_left(starts, end, lo)]
    lo = bisect.bisect_left(items, start, key=_START)
    hi = bisect.bisect_left(items, end, lo, key=_START)
    return items[lo:hi]


def mentions_in(mentions: Sequence[Mention], span: Span) -> list[Mention]:
    """Mentions (sorted by start) lying inside the span."""
    start, end = span.start, span.end
    if type(mentions) is Placed and len(mentions.starts) == len(mentions):
        # `within` written out: the story's mentions are asked for clause after clause.
        starts = mentions.starts
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        return [m for m in mentions[lo:hi] if m.end <= end] if lo < hi else []
    return [m for m in within(mentions, start, end) if m.end <= end]


def after_bracket(low: str, start: int) -> bool:
    """Is the text at `start` right after "(" (white space between)?"""
    return _OPEN_BRACKET.search(low, max(0, start - BRACKET_REACH), start) is not None


def last_ending_by(mentions: Sequence[Mention], offset: int) -> Mention | None:
    """The last of the mentions (sorted by start) that ends by the offset, found by
    bisection: asked once per team or person, a scan would be quadratic in a clause of
    thousands of names."""
    i = index_ending_by(mentions, offset)
    return mentions[i] if i >= 0 else None


def index_ending_by(mentions: Sequence[Mention], offset: int) -> int:
    """The index of `last_ending_by`'s mention, -1 for none."""
    i = bisect.bisect_right(mentions, offset, key=_START) - 1
    while i >= 0 and mentions[i].end > offset:
        i -= 1  # one that starts before the offset but runs past it
    return i


def mention_at(mentions: Sequence[Mention], offset: int) -> Mention | None:
    """The mention (of mentions sorted by start) that covers the offset, if any."""
    i = bisect.bisect_right(mentions, offset, key=_START) - 1
    return mentions[i] if i >= 0 and offset < mentions[i].end else None
