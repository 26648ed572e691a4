"""Contracts a team ends: "UAE pôs fim ao contrato de Juan Ayuso", "la squadra ha rescisso
il contratto con X", "the team has terminated the contract of X". Each person named after
the words, in the same clause, leaves the team for nobody named: the team the sentence names
before the words (the one that ends it), else the one the roster gives them at publication.

The move is news now: its season is the clause's, else the year of publication, so that
`exits.rider_exit` takes it as a dated departure. A contract that runs out ("ends in 2026",
`contract_end_verbs`) is not one a team ends: those words are no cue here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.story import PERSON_KINDS, Evidence, Story
from feeds.nlp.transfers.story_kind import retiring, roster_team
from feeds.nlp.transfers.text import WORD_START, Span, mentions_in, within
from feeds.roster import Person

_ENDED = re.compile(WORD_START + r"(?:" + pooled().alternation("contract_ended") + r")\b")
# The clause the ended contract's holder is named in: up to its end, not a list's colon.
_CLAUSE_END = re.compile(r"[.;!?]|\s[-\u2013\u2014]\s")
# A person is named soon after the words ("a rescisão do contrato com o uruguaio X"):
# further on, the clause is about something else.
_REACH = 60


def contract_ended(story: Story, spans: Sequence[Span]) -> None:
    """Departure evidence for every person whose contract a sentence says a team ends."""
    if story.published is None:
        return  # the team left may be the roster's at publication
    for span in spans:
        if retiring(story, span.sentence):
            continue  # a contract ended because the rider stops racing: no move
        for words in _ENDED.finditer(story.low, span.start, span.end):
            _ended(story, span, words.start(), words.end())


def _ended(story: Story, span: Span, start: int, end: int) -> None:
    stop = _CLAUSE_END.search(story.low, end, span.end)
    clause_end = stop.start() if stop else span.end
    holders = within(story.people, end, min(clause_end, end + _REACH))
    if not holders:
        return
    named = _team_before(story, span, start)
    season = clause_season(story, span) or story.published.year  # type: ignore[union-attr]
    seen: set[str] = set()
    for person in _joined(story, holders, clause_end):
        member = story.roster.people.get(person.entity_id)
        if member is None or member.kind not in PERSON_KINDS or person.entity_id in seen:
            continue
        seen.add(person.entity_id)
        team = team_left(named, member, story)
        if team is not None:
            leaves_for_nobody(story, span, person.entity_id, team, season, start)


def team_left(named: str | None, member: Person, story: Story) -> str | None:
    """The team the person leaves: the one named, the roster's at publication when none
    is; None when the roster gives them another team then (a departure recalled: "X, who
    no longer rides for A", X riding for B since)."""
    current = roster_team(member, story.published)
    if named is not None and current is not None and named != current:
        return None
    return named or current


def leaves_for_nobody(
    story: Story, span: Span, person_id: str, team: str, season: int, cue_start: int
) -> None:
    """Evidence that the person leaves `team` in `season` for no team named."""
    ev = Evidence(person_id, "depart", span.sentence, span.title, False)
    ev.origin = {team}
    ev.left = True
    ev.season = season
    ev.cue_start = cue_start
    story.evidence.append(ev)


def _team_before(story: Story, span: Span, start: int) -> str | None:
    """The team named last before the words in the sentence: the one ending the contract
    ("A Sabgal-Anicolor anunciou a rescisão do contrato com X")."""
    teams = mentions_in(story.teams, Span(span.start, start, span.sentence, span.title))
    return teams[-1].entity_id if teams else None


def _joined(story: Story, holders: Sequence[Mention], clause_end: int) -> list[Mention]:
    """The first person after the words, and those joined to them by a comma or a
    coordination word ("com X e Y"), all before the clause ends."""
    joints = pooled().words("coordination_words")
    out = [holders[0]]
    for person in within(story.people, holders[0].end, clause_end):
        gap = story.low[out[-1].end : person.start].strip(" ,")
        if gap and gap not in joints:
            break
        out.append(person)
    return out
