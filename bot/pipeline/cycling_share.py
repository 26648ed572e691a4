"""Whether a feed is a cycling feed: measured on its stories, never assumed.

Told that a story comes from a cycling feed, the tagger accepts a rider's name with no
cycling words around it ("Remco Evenepoel crashes in training"); told that of a general
sports feed, it tags the footballers and golfers who share riders' names. So each feed
keeps the share of its recent stories (about the last WINDOW) that read as cycling on
their own words (`Tagger.cycling_context`), and counts as a cycling feed when that share
is at least THRESHOLD.

THRESHOLD: of the annotated sets in tests/corpus (stories from cycling sites, with a few
about something else among them) 80-100 % read as cycling on their own words; of a
general sports feed only its cycling stories do, a few in ten at most. Half sits between.

A feed with fewer than MIN_MEASURED stories seen counts as a cycling feed: it is what
feeds were always taken for (operators and moderators add cycling feeds), and what
`domestique tag --feed-is-cycling auto` assumes of a file that short. A new feed's first
poll usually carries more than that, so it is measured on its own stories at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from feeds.models import Story

WINDOW = 50
MIN_MEASURED = 10
THRESHOLD = 0.5


class ReadsContext(Protocol):
    def cycling_context(self, title: str, text: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class CyclingShare:
    """A feed's share of stories with cycling context, over `measured` stories seen."""

    share: float = 0.0
    measured: int = 0

    @property
    def is_cycling(self) -> bool:
        return self.measured < MIN_MEASURED or self.share >= THRESHOLD

    def add(self, contexts: Sequence[bool]) -> CyclingShare:
        """The share after new stories (their `cycling_context`, newest first).

        Only the share is kept, not each story's answer: the earlier window counts as
        evenly mixed, and the new stories take the place of its oldest part.
        """
        newest = contexts[:WINDOW]
        kept = min(self.measured, WINDOW - len(newest))
        total = kept + len(newest)
        if total == 0:
            return self
        share = (self.share * kept + sum(newest)) / total
        return CyclingShare(share, self.measured + len(contexts))


def story_text(story: Story) -> str:
    """The text the tagger reads after the title."""
    return "\n\n".join(part for part in (story.summary, story.body) if part)


def newest_first(stories: Sequence[Story]) -> list[Story]:
    floor = datetime.min.replace(tzinfo=UTC)
    return sorted(stories, key=lambda s: s.published or floor, reverse=True)


def contexts(tagger: ReadsContext, stories: Sequence[Story]) -> list[bool]:
    """Each story's cycling context, newest first (what `CyclingShare.add` takes)."""
    return [tagger.cycling_context(s.title, story_text(s)) for s in newest_first(stories)]


def measure(tagger: ReadsContext, stories: Sequence[Story]) -> CyclingShare:
    """The share of a feed seen for the first time, on `stories` (a preview)."""
    return CyclingShare().add(contexts(tagger, stories))


def measure_texts(
    tagger: ReadsContext, texts: Sequence[tuple[str, str, date | None]]
) -> CyclingShare:
    """The same on (title, text, publication date) of stories in any order (a file)."""
    ordered = sorted(texts, key=lambda t: t[2] or date.min, reverse=True)
    return CyclingShare().add([tagger.cycling_context(title, text) for title, text, _ in ordered])
