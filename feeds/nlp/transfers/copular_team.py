"""Which team a copula's newcomer joins (copular.py): the team the sentence gives the noun,
before the team the story or its list is about.

In order: a team in the noun's own phrase ("the biggest signing of T is X", "X è il
nuovo acquisto della T"); a team right after the name behind an at-word ("is X at T",
"ist X bei T", "est X chez T"); a team before the noun in the same stretch of the sentence
("at T the biggest signing is X", "pri ekipi T je največja okrepitev X"); else the
round-up's team line or the headline's team (`list_team`), never when the headline names
two teams. A team between the copula and the name describes the person ("is the former
Movistar rider X") and is not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.transfers.copular_patterns import BREAK, GAP, copular_patterns
from feeds.nlp.transfers.list_teams import list_team
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Span, mentions_in, within

AT_WORDS = 2
"""Words at most between the name and its team: the at-word and an article ("a la T")."""
_TOKEN = re.compile(r"[\w'’-]+")


def copular_team(
    story: Story,
    spans: Sequence[Span],
    span: Span,
    noun_start: int,
    phrase: tuple[int, int],
    person: Mention,
    noun_first: bool,
) -> tuple[str, bool] | None:
    """The destination, and whether the sentence itself named it (False: the story's)."""
    team = _first_team(story, *phrase)
    if team is None and noun_first:
        team = _team_after_name(story, span, person)
        if team is None:
            team = _team_before_noun(story, span, noun_start)
    if team is not None:
        return team.entity_id, True
    fallback = _story_team(story, spans, span)
    return (fallback, False) if fallback is not None else None


def _first_team(story: Story, start: int, end: int) -> Mention | None:
    """The first team named in the noun's phrase, with no break before it."""
    teams = within(story.teams, start, end)
    if not teams or BREAK.search(story.low, start, teams[0].start):
        return None
    return teams[0]


def _team_after_name(story: Story, span: Span, person: Mention) -> Mention | None:
    """ "is Juan Ayuso at Lidl-Trek": an at-word (and an article) between them."""
    pats = copular_patterns(story.languages)
    teams = within(story.teams, person.end, min(span.end, person.end + GAP))
    if pats is None or not teams or BREAK.search(story.low, person.end, teams[0].start):
        return None
    words = _TOKEN.findall(story.low, person.end, teams[0].start)
    if not words or len(words) > AT_WORDS or words[0] not in pats.at_words:
        return None
    return teams[0]


def _team_before_noun(story: Story, span: Span, noun_start: int) -> Mention | None:
    """The last team before the noun in its stretch of the sentence ("Elsewhere, at T the
    biggest signing is X"), unless written as someone's current team ("Alpecin's X")."""
    low = story.low
    start = max(span.start, noun_start - GAP)
    cut = [m.end() for m in BREAK.finditer(low, start, noun_start)]
    teams = within(story.teams, cut[-1] if cut else start, noun_start)
    if not teams or id(teams[-1]) in story.owned:
        return None
    return teams[-1]


def _story_team(story: Story, spans: Sequence[Span], span: Span) -> str | None:
    """The team the sentence's list or story is about (`list_team`), unless the headline
    names two teams or more ("Movistar e Astana anunciam novos reforços"): then which of
    them a newcomer joins is not told by the copula."""
    if len({t.entity_id for t in mentions_in(story.teams, spans[0])}) > 1:
        return None
    return list_team(story, spans, span, set())
