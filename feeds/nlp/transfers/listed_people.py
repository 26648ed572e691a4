"""People listed together ("X, Y and Z", "X from A along with Y"): the rest of a list
whose first or last item a rule found, for every rule that reads a subject or an object.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import WORD, within

_COORDINATION_WORDS = pooled().words("coordination_words")
# After a name with a genitive "s" (da, no, de): a lower-case noun ("Pedersens trækdyr").
_NOUN_NEXT = re.compile(r"\s+[^\W\d_A-Z\u00c0-\u00de]")


def listed_back(
    story: Story, nearest: Mention, earlier: Iterable[Mention], teams: Sequence[Mention]
) -> list[Mention]:
    """The nearest person, with those listed before them (`earlier`: nearest first)."""
    chain = [nearest]
    for person in earlier:
        if not coordinated(story, person, chain[-1], teams):
            break
        chain.append(person)
    return chain


def with_listed_after(
    story: Story, after: Sequence[Mention], teams: Sequence[Mention], *, first: int = 0
) -> list[Mention]:
    """The first person named after a cue (`after[first]`), with those listed after them.
    Read from an index, not from a copy of the rest: a cue may stand before thousands."""
    chain = [after[first]]
    owner: Mention | None = None
    for i in range(first + 1, len(after)):
        person = after[i]
        if owner is not None:
            # "Cees Bol, Mads Pedersens trækdyr Dan Hoole og ...": the item is the one
            # the genitive describes, a noun after it
            if len(WORD.findall(story.low, owner.end, person.start)) > 2:
                break
            chain.append(person)
            owner = None
            continue
        if not coordinated(story, chain[-1], person, teams):
            break
        if _genitive(story, person):
            owner = person  # an owner, not the next name
            continue
        chain.append(person)
    return chain


def _genitive(story: Story, person: Mention) -> bool:
    """A name in the genitive before a noun ("Mads Pedersens trækdyr"): its owner."""
    if not _NOUN_NEXT.match(story.text, person.end):
        return False
    if story.text.startswith("s", person.end):
        return True  # the "s" outside the mention
    who = story.roster.people.get(person.entity_id)
    if who is None or not story.text[person.start : person.end].endswith("s"):
        return False
    return not any(name.endswith("s") for name in (who.name, *who.aliases))


def with_listed_before(
    story: Story, before: Sequence[Mention], teams: Sequence[Mention]
) -> list[Mention]:
    """The last person named before a cue, with those listed before them (nearest first)."""
    earlier = reversed(before)
    return listed_back(story, next(earlier), earlier, teams)


def listed_starts(story: Story, people: Sequence[Mention], teams: Sequence[Mention]) -> list[int]:
    """For each of `people` (in order), the index of the first person of the list it is
    named in: `with_listed_before(people[: i + 1])` is `people[start : i + 1]` reversed,
    for all of them in one pass."""
    starts: list[int] = []
    for i, person in enumerate(people):
        listed = i > 0 and coordinated(story, people[i - 1], person, teams)
        starts.append(starts[-1] if listed else i)
    return starts


def coordinated(story: Story, left: Mention, right: Mention, teams: Sequence[Mention]) -> bool:
    """Are two person mentions part of one list ("X, Y en Z", "X from A along with Y")?"""
    low = story.low
    gap_start, gap_end = left.end, right.start
    if gap_end - gap_start > 80 or within(story.hits.get("move", []), gap_start, gap_end):
        return False  # "X joins A, Y signs with B": two sentences' worth, not one list
    pieces = []
    cursor = gap_start
    for team in within(teams, gap_start, gap_end):
        if team.end <= gap_end:
            pieces.append(low[cursor : team.start])
            cursor = team.end
    pieces.append(low[cursor:gap_end])
    words = WORD.findall(" ".join(pieces))
    if any(c in ".;:!?" for c in "".join(pieces)):
        return False
    others = [w for w in words if w not in _COORDINATION_WORDS]
    has_link = "," in "".join(pieces) or len(others) < len(words)
    return has_link and len(others) <= 2
