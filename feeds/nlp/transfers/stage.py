"""The rumour ladder: how far along the story says a move is, finer than its status.

`status` (rumour or confirmed) is what the annotated corpora score; fans asking
`/transfers` also want to know whether a rumour is talk, negotiation or a deal agreed
and waiting for the announcement, and whether someone denied it. Each rung comes from a
cue concept of the lexicons (feeds/nlp/lexicons: `talks`, `agreement`, `confirmed`,
`dispute`) in the sentences that carry the person's move.
"""

from __future__ import annotations

from collections.abc import Iterable

from feeds.models import MoveStage
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Covered, Span, within


def move_stage(story: Story, spans: Iterable[Span], status: str) -> MoveStage:
    """The stage of a move whose evidence lies in `spans`, consistent with its status:
    a denial wins; a confirmed move is announced unless the only confirmation is an
    agreement; a rumour rises to talks or an agreement when the text says so."""
    found: dict[str, list[Hit]] = {}
    for span in spans:
        for family in ("dispute", "superseded", "fulfilled", "talks", "agreed", "confirmed"):
            found.setdefault(family, []).extend(
                within(story.hits.get(family, []), span.start, span.end)
            )
    superseded = Covered([*found["superseded"], *found["fulfilled"]])
    if any(hit not in superseded for hit in found["dispute"]):
        return "denied"
    agreements = found["agreed"]
    if status == "confirmed":
        agreed = Covered(agreements)
        announcements = [h for h in found["confirmed"] if h not in agreed]
        return "agreed" if agreements and not announcements else "announced"
    if agreements:
        return "agreed"
    return "talks" if found["talks"] else "rumour"
