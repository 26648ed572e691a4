"""Staff appointed by role: "Thor Hushovd blir ny teamsjef", "X and Y become sports
directors at T", "Tony Gallopin e Dirk Demol serão diretores esportivos do ProTeam belga":
the people named right before a become-verb and a staff role join the team the role is
at, the team the sentence names before them, or the team the headline is about.

A succession between two staff members ("X overtar etter Y som øverste sjef for T", "X
succède à Y", "X takes over from Y as team manager") is X's arrival and Y's departure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.listed_people import listed_starts
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import WORD, WORD_START, Span, mentions_in

_LEX = pooled()
_DETERMINER = r"(?:" + _LEX.alternation("role_determiners") + r")"
# The role right after the become-verb, articles, "new" and the predicate marker at most
# between ("blir den nye teamsjef", "wird neuer Teamchef"): a preposition, an agent or a
# participle between ("wurde von Teamchef X gelobt", "devient pour le directeur sportif")
# makes the role someone else's.
APPOINTED = re.compile(
    WORD_START
    + r"(?:"
    + _LEX.alternation("become_verbs")
    + r")\s+(?:"
    + _DETERMINER
    + r"\s+|l'){0,3}(?:"
    + _LEX.alternation("staff_roles")
    + r")(?![\w'])"
)
_ROLES = r"(?:" + _LEX.alternation("staff_roles") + r")(?![\w'])"
# The succession's own role: "takes over from Y as team boss", "overtar etter Y som sjef".
SUCCESSION_ROLE = re.compile(
    r"\s*(?:,\s*)?(?:"
    + _LEX.alternation("predicate_markers")
    + r")\s+(?:"
    + _DETERMINER
    + r"\s+|l'){0,3}"
    + _ROLES
)
SUCCESSION_TAIL = r"[^.;!?]{0,200}?" + SUCCESSION_ROLE.pattern
"""What must follow a succession word in the sentence for the story to be read
(prefilter.py): the role taken over, or two staff members named."""
ROLE_AFTER_PREDECESSOR = 8
"""Words after the person succeeded within which the succession names its role ("takes
over from Y at Visma-Lease a Bike as team boss")."""
_SUCCESSION = re.compile(WORD_START + r"(?:" + _LEX.alternation("successions") + r")(?![\w'])")
PHRASES = (APPOINTED, _SUCCESSION)
"""Scanned sentence by sentence: tried only where `phrases` finds they may match."""
_SUCCESSOR_GAP = 2
"""Words between the succession verb and the person succeeded (an article, "a")."""
_PREDICATE = re.compile(WORD_START + r"(?:" + _LEX.alternation("predicate_markers") + r")\s")
_NEGATION = re.compile(WORD_START + r"(?:" + _LEX.alternation("negation") + r")")
_RELATIVE = _LEX.words("relative_pronouns")
SUBJECT_GAP = 3
"""Words between the last person named and the become-verb ("X now officially becomes")."""
TEAM_REACH = 8
"""Words after the role within which its team is named ("hos det danskerglade Uno-X")."""


def staff_role_moves(story: Story, spans: Sequence[Span]) -> None:
    """Evidence of an arrival for each person appointed to a staff role, and of the
    departure of the one they succeed."""
    phrases = story_phrases(story)
    for sentence in spans:
        successions = list(phrases.finditer(_SUCCESSION, sentence.start, sentence.end))
        appointments = list(phrases.finditer(APPOINTED, sentence.start, sentence.end))
        if not successions and not appointments:
            continue  # most sentences: their people and lists are not worked out
        named = _Named.of(story, sentence)
        _successions(story, sentence, named, successions)
        for found in appointments:
            people = _appointees(story, named, found.start())
            team = _team(story, sentence, found, people)
            if not people or team is None:
                continue
            for person in people:
                ev = Evidence(person.entity_id, "arrive", sentence.sentence, sentence.title, False)
                ev.to = {team: 2.0}
                ev.subject_start, ev.cue_start = sentence.start, found.start()
                story.evidence.append(ev)


@dataclass(frozen=True, slots=True)
class _Named:
    """The people a sentence names, with where each one's list begins, worked out once
    per sentence: every cue in it then finds its subject by bisection (a sentence of
    thousands of names stays linear)."""

    people: list[Mention]
    ends: list[int]
    starts: list[int]
    list_starts: list[int]

    @classmethod
    def of(cls, story: Story, sentence: Span) -> _Named:
        people = mentions_in(story.people, sentence)
        return cls(
            people,
            [p.end for p in people],
            [p.start for p in people],
            listed_starts(story, people, story.teams),
        )


def _appointees(story: Story, named: _Named, verb: int) -> list[Mention]:
    """The people named right before the become-verb, with those listed with them."""
    last = bisect.bisect_right(named.ends, verb) - 1
    while last >= 0 and named.people[last].end > verb:
        last -= 1  # ends are not sorted where one mention lies inside another
    if last < 0:
        return []
    gap = story.low[named.people[last].end : verb]
    words = WORD.findall(gap)
    if len(words) > SUBJECT_GAP or "," in gap or any(w in _RELATIVE for w in words):
        return []  # a relative clause ("X, who became ...") tells the past
    if _NEGATION.search(gap):
        return []
    return named.people[named.list_starts[last] : last + 1][::-1]


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


def _successions(
    story: Story, sentence: Span, named: _Named, successions: Sequence[re.Match[str]]
) -> None:
    """ "X overtar etter Y som øverste sjef for T": X joins T, Y leaves it. Only between
    staff, or with the staff role the succession is to ("as team boss"): a rider
    replacing another in a race's team, or as its leader, is no move. `successions`: the
    sentence's succession words."""
    for found in successions:
        successors = _appointees(story, named, found.start())
        first_after = bisect.bisect_left(named.starts, found.end())
        if len(successors) != 1 or first_after == len(named.people):
            continue
        successor, predecessor = successors[0], named.people[first_after]
        if len(WORD.findall(story.low, found.end(), predecessor.start)) > _SUCCESSOR_GAP:
            continue
        staff = successor.kind == "staff" and predecessor.kind == "staff"
        if not staff and not _succession_role(story, sentence, predecessor):
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


def _succession_role(story: Story, sentence: Span, predecessor: Mention) -> bool:
    """Does the succession name the staff role taken over, by a predicate marker soon
    after the person succeeded ("from Y at T as team boss"), not a role anywhere in the
    sentence ("..., sports director Z confirmed")?"""
    low = story.low
    for marker in _PREDICATE.finditer(low, predecessor.end, sentence.end):
        if len(WORD.findall(low, predecessor.end, marker.start())) > ROLE_AFTER_PREDECESSOR:
            return False
        if SUCCESSION_ROLE.match(low, marker.start()):
            return True
    return False
