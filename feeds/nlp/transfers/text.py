"""Text structure: the lower-cased copy, sentences (the headline first) and clauses.

Every offset points into the original text, so the lower-cased copy keeps its length.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from feeds.models import Mention
from feeds.nlp.document import Document

# Curly quotes and dashes are written as escapes (\u2019 is the typographic apostrophe)
# so that no reader or linter takes them for their ASCII look-alikes.
WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
ROLE_WORD = re.compile(r"[\w'\u2019-]+")
# A word boundary that also holds at a window's start (the text before it still counts).
WORD_START = r"(?:(?<![\w'])|(?=n't))"
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])[\"\u201d\u2019»)]*\s+(?=[\"\u201c\u2018«(\[]?[A-Z0-9À-ÖØ-Þ])|\n\s*\n|\n"
)
# Run on the original text: a colon splits only before a lower-case word ("uncertain: earlier").
_CLAUSE_SPLIT = re.compile(
    r"(?i:,?\s+(?:but|while|whereas|although|maar|terwijl|mais|tandis que|alors que|mentre|"
    r"aber|während|wohingegen|pero|mientras)\s+)|;\s+|:\s+(?=[a-zà-ÿ])"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence or clause (`sentence` 0 is the headline)."""

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


def within(items: Sequence[_P], start: int, end: int) -> Sequence[_P]:
    """Cue hits or mentions (sorted by start) that start between the two offsets."""
    if not items:
        return items
    lo = bisect.bisect_left(items, start, key=_START)
    hi = bisect.bisect_left(items, end, lo, key=_START)
    return items[lo:hi]


def mentions_in(mentions: Sequence[Mention], span: Span) -> list[Mention]:
    """Mentions (sorted by start) lying inside the span."""
    return [m for m in within(mentions, span.start, span.end) if m.end <= span.end]
