"""Which names a list's opening word or colon opens: not one name after a colon, not the
names after a headline's colon or after an extension, and after a colon only names that
start right after it ("Two riders join: the Czech climber A and B"), not a clause
("des conséquences : selon HLN, une signature de A pousserait B vers Ineos")."""

from __future__ import annotations

from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Span, within

LIST_LEAD_WORDS = 4
"""Words of description a colon list may open with before its first name."""


def list_items(
    story: Story, span: Span, opens: int | None, listed: Sequence[Mention], by_noun: bool
) -> list[Mention]:
    """The names the noun or colon opens a list of. No one for one name after a colon
    ("signed a new bike sponsor: Kooij praised the deal"), after a headline's colon ("15
    new riders: Cancellara's team takes shape") or after an extension ("four signings, and
    the extension of four riders: A and B"). A colon followed by a clause, not by names
    ("des conséquences : selon HLN, une signature de A pousserait B vers Ineos") lists
    nobody: only a name a team follows moves there."""
    if opens is None or (not by_noun and len(listed) == 1):
        return []
    if span.title and ":" in story.low[opens : listed[0].start]:
        return []  # a headline's colon closes its topic
    extensions = within(story.hits.get("extension", []), opens, span.end)
    if extensions and extensions[0].start < listed[0].start:
        return []
    if extensions:
        # "the signings A and B come with the extension of two leaders: C and D": the
        # names after the extension are extended, not new
        listed = [p for p in listed if p.start < extensions[0].start]
    if by_noun or _names_open(story.low[opens + 1 : listed[0].start]):
        return list(listed)
    return [p for p in listed if _team_follows(story, span, p)]


def _names_open(gap: str) -> bool:
    """Does a list start with these words before its first name: a few words of
    description at most ("the Czech stage winner"), no clause ("selon HLN, une signature
    de")?"""
    return len(gap.split()) <= LIST_LEAD_WORDS and not any(c in gap for c in ",;.")


def _team_follows(story: Story, span: Span, person: Mention) -> bool:
    """Is the next name after the person in the sentence a team's, outside brackets
    ("B vers Ineos")?"""
    teams = within(story.teams, person.end, span.end)
    if not teams or "(" in story.low[person.end : teams[0].start]:
        return False
    return not within(story.people, person.end, teams[0].start)
