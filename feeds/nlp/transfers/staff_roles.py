"""Staff appointed by role: "Thor Hushovd blir ny teamsjef", "X and Y become sports
directors at T", "Tony Gallopin e Dirk Demol serão diretores esportivos do ProTeam belga":
the people named right before a become-verb and a staff role join the team the role is
at, the team the sentence names before them, or the team the headline is about.

A succession between two staff members ("X overtar etter Y som øverste sjef for T", "X
succède à Y", "X takes over from Y as team manager") is X's arrival and Y's departure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.movers import with_listed_before
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import WORD, WORD_START, Span, mentions_in

_LEX = pooled()
APPOINTED = re.compile(
    WORD_START
    + r"(?:"
    + _LEX.alternation("become_verbs")
    + r")\s+(?:[^\W\d_][\w'-]*\s+){0,3}?(?:"
    + _LEX.alternation("staff_roles")
    + r")(?![\w'])"
)
_ROLE = re.compile(WORD_START + r"(?:" + _LEX.alternation("staff_roles") + r")(?![\w'])")
_SUCCESSION = re.compile(WORD_START + r"(?:" + _LEX.alternation("successions") + r")(?![\w'])")
_SUCCESSOR_GAP = 2
"""Words between the succession verb and the person succeeded (an article, "a")."""
_NEGATION = re.compile(WORD_START + r"(?:" + _LEX.alternation("negation") + r")")
_RELATIVE = _LEX.words("relative_pronouns")
SUBJECT_GAP = 3
"""Words between the last person named and the become-verb ("X now officially becomes")."""
TEAM_REACH = 8
"""Words after the role within which its team is named ("hos det danskerglade Uno-X")."""


def staff_role_moves(story: Story, spans: Sequence[Span]) -> None:
    """Evidence of an arrival for each person appointed to a staff role, and of the
    departure of the one they succeed."""
    for sentence in spans:
        _successions(story, sentence)
        for found in APPOINTED.finditer(story.low, sentence.start, sentence.end):
            people = _appointees(story, sentence, found.start())
            team = _team(story, sentence, found, people)
            if not people or team is None:
                continue
            for person in people:
                ev = Evidence(person.entity_id, "arrive", sentence.sentence, sentence.title, False)
                ev.to = {team: 2.0}
                ev.subject_start, ev.cue_start = sentence.start, found.start()
                story.evidence.append(ev)


def _appointees(story: Story, sentence: Span, verb: int) -> list[Mention]:
    """The people named right before the become-verb, with those listed with them."""
    before = [p for p in mentions_in(story.people, sentence) if p.end <= verb]
    if not before:
        return []
    gap = story.low[before[-1].end : verb]
    words = WORD.findall(gap)
    if len(words) > SUBJECT_GAP or "," in gap or any(w in _RELATIVE for w in words):
        return []  # a relative clause ("X, who became ...") tells the past
    if _NEGATION.search(gap):
        return []
    return with_listed_before(story, before, story.teams)


def _team(
    story: Story, sentence: Span, found: re.Match[str], people: Sequence[Mention]
) -> str | None:
    """The role's team: named after it, else before the people in the sentence, else the
    team the headline is about."""
    if _NEGATION.search(story.low, found.start(), found.end()):
        return None
    teams = mentions_in(story.teams, sentence)
    after = [t for t in teams if t.start >= found.end()]
    if after and len(WORD.findall(story.low, found.end(), after[0].start)) <= TEAM_REACH:
        return after[0].entity_id
    first = min((p.start for p in people), default=found.start())
    before = [t for t in teams if t.end <= first]
    if before:
        return before[-1].entity_id
    focus = story.focus_team
    if focus is not None and any(
        t.entity_id == focus and t.start < story.title_end for t in story.teams
    ):
        return focus
    return None


def _successions(story: Story, sentence: Span) -> None:
    """ "X overtar etter Y som øverste sjef for T": X joins T, Y leaves it. Only between
    staff, or with a staff role in the sentence (a rider replacing another in a race's
    team is no move)."""
    for found in _SUCCESSION.finditer(story.low, sentence.start, sentence.end):
        successors = _appointees(story, sentence, found.start())
        after = [p for p in mentions_in(story.people, sentence) if p.start >= found.end()]
        if len(successors) != 1 or not after:
            continue
        successor, predecessor = successors[0], after[0]
        if len(WORD.findall(story.low, found.end(), predecessor.start)) > _SUCCESSOR_GAP:
            continue
        staff = successor.kind == "staff" and predecessor.kind == "staff"
        if not staff and not _ROLE.search(story.low, sentence.start, sentence.end):
            continue
        team = _team(story, sentence, found, [successor])
        if team is None or predecessor.entity_id == successor.entity_id:
            continue
        arrival = Evidence(successor.entity_id, "arrive", sentence.sentence, sentence.title, False)
        arrival.to = {team: 2.0}
        arrival.subject_start, arrival.cue_start = sentence.start, found.start()
        departure = Evidence(
            predecessor.entity_id, "depart", sentence.sentence, sentence.title, False
        )
        departure.origin, departure.left = {team}, True
        departure.subject_start, departure.cue_start = predecessor.start, found.start()
        story.evidence += [arrival, departure]
