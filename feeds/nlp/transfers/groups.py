"""Round-ups of one team's market: a list of people under one team verb or one group noun.

- A team as the subject of a verb over a list of objects: "El Movistar ... Ha despedido a
  A, B y C; ha renovado a D y E; y ha fichado a F, G y H", "Lidl-Trek has signed A, B
  and C", "Bora hat A und B verpflichtet". The team is named before the verb in the
  sentence, or, when the sentence opens with the verb (the subject left out, as Spanish,
  Italian and Portuguese allow), it is the one team that opens one of the sentences just
  before, with nobody named in between. An acquiring verb (lexicon concept `acquire`)
  sends each listed person to the team; a losing verb (`lose`) has each leave it.
- A plural market noun (lexicon concepts `newcomers` and `market_nouns`) then a word for
  "among them" (`including`) and a list: "Dem stehen neun Abgänge gegenüber, darunter A, B
  und C sowie D und E", "nine departures, including A and B", "sette acquisti, tra cui A
  e B". The team is the one the list is about (`list_teams.list_team`). Not the singular
  nouns, which are race words too ("sera au départ avec huit coureurs, dont A", "forced
  the decisive move, including A"), and not in a sentence with race words ("drei Abgänge
  nach dem Sturz, darunter A").
- A round-up line headed by its team ("- Decathlon AG2R La Mondiale: confirmou a chegada de
  X"): the team before the colon is the subject of the verbs after it.

Lists told by their subjects (a departure verb's, a nameless group's, items with relative
clauses), and the evidence each listed person gets, are `group_subjects`'.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from itertools import islice
from operator import attrgetter

from feeds.models import Mention
from feeds.nlp.lexicon import pooled, story_lexicon
from feeds.nlp.transfers.group_subjects import (
    announced_departures,
    departure_season,
    listed_arrival,
    listed_departure,
    relative_items,
    subject_list,
)
from feeds.nlp.transfers.list_teams import bracketed_teams, list_team
from feeds.nlp.transfers.listed_people import with_listed_after
from feeds.nlp.transfers.movers import cue_objects
from feeds.nlp.transfers.scan import Hit, move_cues
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.story_kind import market_context
from feeds.nlp.transfers.text import (
    BRACKETED,
    FIRST_NAME_REACH,
    LIST_BULLET,
    WORD,
    Span,
    after_bracket,
    mentions_in,
    within,
)

GROUP_NOUNS = ("noun_arrive", "noun_depart", "newcomers")
CARRY_BACK = 2
"""Sentences looked back for the team a verb-first sentence is about."""
INCLUDING_REACH = 6
"""Words between a group noun and its "among them" ("neun Abgänge gegenüber, darunter")."""
_STOP = re.compile(r"[.;:!?]")
_COORDINATION = pooled().words("coordination_words")
_MARKET_PLURALS = pooled().words("market_nouns")
_HEAD_COLON = re.compile(r"\s*:\s*")
_START = attrgetter("start")


def group_moves(
    story: Story, spans: Sequence[Span], languages: tuple[str, ...] | None
) -> frozenset[int]:
    """Evidence for every person of a team's list of signings or departures; the sentences
    whose lists it read."""
    including = _including(languages)
    before = len(story.evidence)
    for span in spans:
        if span.title:
            continue
        if span.sentence + 1 < len(spans):
            announced_departures(story, spans, span)
        people = mentions_in(story.people, span)
        if not people:
            continue
        teams = mentions_in(story.teams, span)
        for cue in move_cues(story.hits, span):
            if cue.family in ("acquire", "lose"):
                _team_verb_list(story, spans, span, people, teams, cue)
            elif cue.family == "depart":
                subject_list(story, span, people, cue)
        _included_list(story, spans, span, people, teams, including)
        relative_items(story, span, people)
    return frozenset(ev.sentence for ev in story.evidence[before:])


def _team_verb_list(
    story: Story,
    spans: Sequence[Span],
    span: Span,
    people: Sequence[Mention],
    teams: Sequence[Mention],
    cue: Hit,
) -> None:
    """The objects listed after a team verb, each arriving at or leaving the team."""
    objects = _tight(
        story, [p for p in cue_objects(story, people, cue, teams) if p.start >= cue.end]
    )
    # "de komst van A en B, de contractverlenging van C": the list ends at an extension
    extended = within(story.hits.get("extension", []), cue.end, span.end)
    if extended:
        objects = [p for p in objects if p.start < extended[0].start]
    if not objects:
        return
    headed = _line_team(story, span, people, teams, cue)
    if len(objects) < 2 and headed is None:
        return  # one object is the clause rules' ("Movistar signs X")
    team = headed or _subject_team(story, spans, span, people, teams, cue)
    if team is None:
        return
    if cue.family == "acquire":
        origins = bracketed_teams(story, objects, teams)
        season = clause_season(story, span)
        weight = 2.0 if headed else 1.0
        for person in objects:
            origin = origins.get(person.entity_id)
            if origin is None or origin.entity_id != team:
                listed_arrival(story, span, person.entity_id, team, origin, season, weight)
    else:
        season = departure_season(story, span)
        for person in objects:
            listed_departure(story, span, person.entity_id, team, season)


def _tight(story: Story, chain: list[Mention]) -> list[Mention]:
    """The list items joined by commas and "and" alone (a bracketed team allowed), not by
    a second verb ("verpflichtet X von A und befördert zudem Y") or a bracket's end
    ("Caja Rural (che ingaggia anche X), Y alla Solution Tech")."""
    for i in range(1, len(chain)):
        gap = story.low[chain[i - 1].end : chain[i].start]
        gap = BRACKETED.sub(" ", gap)
        words = [w for w in WORD.findall(gap) if w not in _COORDINATION]
        if len(words) > 1 or any(c in gap for c in "()"):
            return chain[:i]
    return chain


def _subject_team(
    story: Story,
    spans: Sequence[Span],
    span: Span,
    people: Sequence[Mention],
    teams: Sequence[Mention],
    cue: Hit,
) -> str | None:
    """The team doing the verb: the last one named before it in its clause, with nobody
    between them; else, in a clause that opens with the verb, the team that opens its
    sentence or one of the sentences before it."""
    clause_start = max(span.start, story.low.rfind(";", span.start, cue.start) + 1)
    before = [t for t in teams if clause_start <= t.start and t.end <= cue.start]
    before = [t for t in before if not _bracketed(story.low, t)]
    if before:
        team = before[-1]
        between = any(team.end <= p.start < cue.start for p in people)
        others = within(story.hits.get("move", []), team.end, cue.start)
        return None if between or others else team.entity_id
    # "Ha despedido a ...", "y ha fichado a ...": the clause opens with the verb
    opening = WORD.findall(story.low, clause_start, cue.start)
    if any(clause_start <= p.start < cue.start for p in people) or any(
        w not in _COORDINATION for w in opening
    ):
        return None  # someone else, or a phrase ("Naast de komst van"), may be the subject
    if mentions_in(story.teams, span):
        return _opening_team(story, span) if clause_start > span.start else None
    for back in reversed(spans[max(1, span.sentence - CARRY_BACK) : span.sentence]):
        if mentions_in(story.people, back):
            return None  # a person in between may be the subject
        if mentions_in(story.teams, back):
            return _opening_team(story, back)
    return None


def _line_team(
    story: Story, span: Span, people: Sequence[Mention], teams: Sequence[Mention], cue: Hit
) -> str | None:
    """The team that heads a round-up's line, "- Movistar: surpreendeu ao garantir X",
    "Decathlon AG2R La Mondiale: confirmou a chegada de X": the subject of the verbs after
    its colon, when no other team or person stands between them."""
    if not teams or LIST_BULLET.fullmatch(story.low, span.start, teams[0].start) is None:
        return None
    head = teams[0]
    colon = _HEAD_COLON.match(story.low, head.end)
    if colon is None or colon.end() > cue.start:
        return None
    if any(colon.end() <= m.start < cue.start for m in (*people, *teams)):
        return None
    return head.entity_id


def _opening_team(story: Story, span: Span) -> str | None:
    """The one team a sentence names, when it opens the sentence ("El Movistar ha sido
    ...", "Lidl-Trek has signed ...")."""
    named = mentions_in(story.teams, span)
    if not named or len({t.entity_id for t in named}) != 1:
        return None
    opening = len(WORD.findall(story.low, span.start, named[0].start)) <= 1
    return named[0].entity_id if opening else None


def _included_list(
    story: Story,
    spans: Sequence[Span],
    span: Span,
    people: Sequence[Mention],
    teams: Sequence[Mention],
    including: re.Pattern[str],
) -> None:
    """ "nine departures, including A and B": each listed person leaves (or joins) the team
    the list is about. Not in a race's sentence (a line-up, a crash), as `lists` skips
    them too; and only told of the market (`market_context`): "drei Abgänge nach dem
    Sturz, darunter A" are withdrawals."""
    if within(story.hits.get("race", []), span.start, span.end):
        return
    for family in GROUP_NOUNS:
        # the "among them" word after each noun, searched again only past the last one
        # found: a sentence of thousands of nouns is otherwise searched to its end for each
        searched, found = span.end, None
        for noun in within(story.hits.get(family, []), span.start, span.end):
            if not _market_plural(story, noun) or not market_context(story, spans, span, noun):
                continue
            if not searched <= noun.end <= (found.start() if found else span.end):
                found = including.search(story.low, noun.end, span.end)
            searched = noun.end
            if found is None:
                continue
            # the words counted first, up to the reach: the stop is then looked for in a
            # short gap, not in one that runs on to a far "including"
            if _count_words(story.low, noun.end, found.start()) > INCLUDING_REACH:
                continue
            if _STOP.search(story.low, noun.end, found.start()):
                continue
            after = people[bisect.bisect_left(people, found.end(), key=_START) :]
            if not after:
                continue
            gap = story.low[found.end() : after[0].start]
            if _STOP.search(gap) or len(WORD.findall(gap)) > FIRST_NAME_REACH:
                continue
            listed = with_listed_after(story, after, teams)
            inside = {t.start for t in teams if listed[0].start <= t.start}
            free = {t.entity_id for t in teams if t.start not in inside and t.end <= noun.start}
            team = list_team(story, spans, span, free)
            if team is None:
                return
            if family == "noun_depart":
                season = departure_season(story, span)
                for person in listed:
                    listed_departure(story, span, person.entity_id, team, season)
            else:
                season = clause_season(story, span)
                for person in listed:
                    listed_arrival(story, span, person.entity_id, team, None, season)
            return


def _count_words(low: str, start: int, end: int) -> int:
    """Words between two offsets, counted up to one past `INCLUDING_REACH`."""
    return sum(1 for _ in islice(WORD.finditer(low, start, end), INCLUDING_REACH + 1))


def _market_plural(story: Story, noun: Hit) -> bool:
    """A group's noun: a plural of the market ("Abgänge", "fichajes", "departures"), not a
    singular that races use too ("départ", "partenza", "move")."""
    if noun.family == "newcomers":
        return True
    return story.low[noun.start : noun.end].strip() in _MARKET_PLURALS


def _bracketed(low: str, team: Mention) -> bool:
    return after_bracket(low, team.start)


@cache
def _including(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """Any "among them" word of the story's languages."""
    lexicon = story_lexicon(languages)
    words = sorted(lexicon.words("including"), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
