"""Round-ups' lists of departures told by their subjects, and the evidence every listed
person gets (`groups` reads the lists of a team verb or a group noun):

- a list of people as the subject of a departure verb: "A, B, C and D have all left Ineos
  for rival teams", or after it ("lasciano il Team Jayco AlUla A e B"); the clause rules
  read each person's departure, a list of them is a round-up's news wherever it stands;
- a departure said of a group nobody is named in, the names opening the next sentence:
  "Samtidig forsvinner en rekke ryttere ut av laget. Det gjelder A og B, samt C, D og E";
- a list whose items each carry a relative clause with their own move ("A, che passerà
  al Team Corratec, e B, che ..."): each is news, not a move recalled in passing.

A listed departure names no destination: it is a move to nobody, which `decide` keeps only
when it is dated, so a list with no season of its own takes the season of the market the
story is published in (the next one from July on).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.list_teams import list_team
from feeds.nlp.transfers.names import longest_list
from feeds.nlp.transfers.scan import Hit, move_cues
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import FIRST_NAME_REACH, WORD, Span, mentions_in, within

DEPARTURE_FAMILIES = ("depart", "noun_depart", "lose")
SUBJECT_LIST = 3
"""Names in a row before a departure verb that make a round-up's list."""
INVERTED_LIST = 2
"""Names in a row after a departure verb (its subject inverted) that make one."""
MARKET_TURN = 7
"""From this month on, the market a story speaks of is the next season's."""
_RELATIVE = re.compile(r"\s*,\s*(?:" + pooled().alternation("relative_pronouns") + r")\b")


def announced_departures(story: Story, spans: Sequence[Span], announcing: Span) -> None:
    """ "Samtidig forsvinner en rekke ryttere ut av laget. Det gjelder A og B, samt C, D og
    E": a departure said of a group nobody is named in, the names opening the next
    sentence, each leaves the team the group is about."""
    if within(story.hits.get("race", []), announcing.start, announcing.end):
        return
    cues = move_cues(story.hits, announcing)
    if not cues or any(cue.family not in DEPARTURE_FAMILIES for cue in cues):
        return
    for person in mentions_in(story.people, announcing):
        who = story.roster.people.get(person.entity_id)
        if person.start < cues[-1].end or who is None or who.kind != "staff":
            return  # a rider named with the departure: the group is not nameless
    named = spans[announcing.sentence + 1]
    people = mentions_in(story.people, named)
    if not people or within(story.hits.get("move", []), named.start, named.end):
        return  # the next sentence tells its own move
    if len(WORD.findall(story.low, named.start, people[0].start)) > FIRST_NAME_REACH:
        return
    if mentions_in(story.teams, named) or len(longest_list(story, people)) < SUBJECT_LIST:
        return  # a sentence of names alone, one list of three or more among them
    listed = people  # "A og B, samt den danske kvintetten C, D og E": every name an item
    teams = {t.entity_id for t in mentions_in(story.teams, announcing)}
    team = list_team(story, spans, announcing, teams)
    if team is None:
        return
    season = departure_season(story, named)
    for person in listed:
        listed_departure(story, named, person.entity_id, team, season)


def subject_list(story: Story, span: Span, people: Sequence[Mention], cue: Hit) -> None:
    """ "A, B, C and D have all left Ineos for rival teams", "lasciano il Team Jayco AlUla
    A e B": each one's departure, read by the clause rules, is a round-up's item."""
    evidence = [
        ev
        for ev in story.evidence
        if ev.sentence == span.sentence and ev.family == "depart" and ev.cue_start == cue.start
    ]
    movers = {ev.person_id for ev in evidence}
    first = next((p for p in people if p.entity_id in movers), None)
    if first is None:
        return
    # before the verb a list of three ("A, B and C have left"); after it, as Italian and
    # Spanish put a subject, two are a list too ("lasciano la Jayco A e B")
    if len(movers) < (SUBJECT_LIST if first.start < cue.start else INVERTED_LIST):
        return
    season = clause_season(story, span)
    for ev in evidence:
        ev.listed = True
        ev.season = ev.season or season or market_season(story)


def relative_items(story: Story, span: Span, people: Sequence[Mention]) -> None:
    """ "Non faranno più parte ... A, che ha chiuso la carriera, B, che passerà al Team
    Corratec, e ...", "pierde a X, que ha fichado por Movistar, y a Y, que vestirá los
    colores de Lidl-Trek": a list whose items each carry a relative clause tells each
    one's move there, not in passing."""
    described = [p for p in people if _RELATIVE.match(story.low, p.end)]
    if len({p.entity_id for p in described}) < 2:
        return
    ids = {p.entity_id for p in described}
    for ev in story.evidence:
        if ev.sentence == span.sentence and ev.aside and ev.person_id in ids and ev.to:
            ev.aside = False
            ev.listed = True


def listed_arrival(
    story: Story,
    span: Span,
    person_id: str,
    team: str,
    origin: Mention | None,
    season: int | None,
    weight: float = 1.0,
) -> None:
    """A listed person arriving at `team` (from `origin`, in brackets after the name) in
    `season` (the list's `clause_season`, read once for the whole list: it reads the
    sentence, and once per name is quadratic in a long list)."""
    ev = Evidence(person_id, "noun_arrive", span.sentence, span.title, False)
    ev.to = {team: weight}  # a line's own team counts as much as a verb's
    if origin is not None:
        ev.origin, ev.left = {origin.entity_id}, True
    ev.listed = True
    ev.season = season
    story.evidence.append(ev)


def listed_departure(
    story: Story, span: Span, person_id: str, team: str, season: int | None
) -> None:
    """A listed person leaving `team` for nobody named in `season` (`departure_season`,
    read once for the whole list)."""
    ev = Evidence(person_id, "lose", span.sentence, span.title, False)
    ev.origin = {team}
    ev.left = ev.listed = True
    ev.season = season
    story.evidence.append(ev)


def departure_season(story: Story, span: Span) -> int | None:
    """The season of a list of departures: its sentence's, else the market's (see the
    module's note)."""
    return clause_season(story, span) or market_season(story)


def market_season(story: Story) -> int | None:
    """The season the market of the story's publication date is for."""
    published = story.published
    if published is None:
        return None
    return published.year + 1 if published.month >= MARKET_TURN else published.year
