"""Round-up lists the team-verb and group-noun rules (`groups`, `lists`) do not reach:

- an arrival verb with its subject after it, the subject a list: "Além de X, chegam A, B
  e C", "arrivano A (Trek) e B (Lotto)", "llegan A, B y C", told of the market (the
  headline names a signing, or `story_kind.market_context`). Each listed person arrives
  at the team the list is about (`list_teams.list_team`: the one team the sentence names
  before the verb, else the story's headline or lede team). A team after an item, in
  brackets or after a "from" word, is where that person comes from. Not in a sentence
  naming a race ("llegan A y B juntos a meta en la Vuelta").
- a list continued in the next sentence: after a sentence whose listed people all arrive
  at one team, a sentence with no move verb that opens with a few words and a colon, then
  names people with their old team in brackets ("Pour compléter ce trio, quatre Allemands :
  A (T1), B (T2) et C (T3)", "To round it off, two Germans: A (T1) and B (T2)"), lists
  more arrivals at that team (the bracketed items only, joined by commas or "and").
- a team's verb split around its list (lexicon concept `split_acquire`): "trok ook A (T1),
  B (T2) en C (T3) aan", "holte A (T1) und B (T2) an Bord"; the items with their old team
  in brackets, joined by commas or "and", arrive at the list's team.
- a list of riders the team does not keep (lexicon concept `not_kept`), the list right
  before or after the words: "A (31), B (27) en C (23) zijn op weg naar de uitgang", "non
  vengono riconfermati il ligure A, l'emiratino B e l'argentino C", "A, B and C are on
  their way out". Each listed rider leaves the team the roster gives them at publication,
  for no team named, in the list's season or the market's. Not in a sentence about a
  retirement. Names the roster lacks count as items (`named_items`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.group_subjects import departure_season, listed_arrival, listed_departure
from feeds.nlp.transfers.list_teams import (
    bracketed_teams,
    from_marker,
    list_team,
    marked_starts,
)
from feeds.nlp.transfers.named_items import named_items
from feeds.nlp.transfers.scan import Hit, move_cues
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.story_kind import market_context, retiring, roster_team
from feeds.nlp.transfers.text import BRACKETED, WORD, Span, after_bracket, mentions_in, within

INVERTED_ITEMS = 2
"""Names in a row after an arrival verb that make a list (one is the clause rules')."""
LEAD_WORDS = 2
"""Words between the verb and the first name ("arrivano gli italiani A e B")."""
DESCRIPTION_WORDS = 2
"""Words describing an item after its comma ("A (T1), lo svizzero B (T2)")."""
CONTINUED_HEAD = 8
"""Words before a continued list's colon ("Pour compléter ce trio, quatre Allemands")."""
CONTINUED_BRACKETS = 2
"""Items with their old team in brackets that make a continued list one of arrivals."""
_COORDINATION = pooled().words("coordination_words")
_FROM_WORDS = pooled().words("from_markers")
_SPLIT_ACQUIRE = re.compile(r"\b(?:" + pooled().alternation("split_acquire") + r")")
_NOT_KEPT = re.compile(r"\b(?:" + pooled().alternation("not_kept") + r")\b")
_SIGNING_FAMILIES = frozenset({"acquire", "noun_arrive"})
_JOINT = re.compile(r"\s*(?:(,)|(\w+)\b)")
_CLAUSE_STOP = re.compile(r"[.;:!?()\"«»]")


def list_run_moves(story: Story, spans: Sequence[Span]) -> None:
    """Evidence for every person of an inverted arrival list or a continued list."""
    for span in spans:
        people = mentions_in(story.people, span)
        if span.title or len(people) < INVERTED_ITEMS:
            continue
        teams = mentions_in(story.teams, span)
        cues = move_cues(story.hits, span)
        raced = bool(within(story.hits.get("race", []), span.start, span.end))
        for cue in cues:
            if cue.family == "arrive" and not raced:
                _inverted_list(story, spans, span, people, teams, cue)
        if not cues and span.sentence > 1:
            _continued_list(story, spans[span.sentence - 1], span, people, teams)
        for verb in _SPLIT_ACQUIRE.finditer(story.low, span.start, span.end):
            _split_verb_list(story, spans, span, people, teams, verb.end())


def not_kept_moves(story: Story, spans: Sequence[Span]) -> None:
    """Departures for every rider of a list the team does not keep. Read after the moves
    of unnamed movers are given out: a listed departure does not make its rider the
    person the story is about ("il 28enne si trasferirà ..." stays the headline's)."""
    if story.published is None:
        return  # which team they leave is the roster's at publication
    for span in spans:
        people = mentions_in(story.people, span)
        if span.title or not people or retiring(story, span.sentence):
            continue
        # one rider the roster knows may stand among others it does not
        for words in _NOT_KEPT.finditer(story.low, span.start, span.end):
            _not_kept(story, span, people, words.start(), words.end())


def _of_market(story: Story, spans: Sequence[Span], span: Span, cue: Hit) -> bool:
    """Is the arrival told of the market, not of a finish line: `market_context`, or a
    headline with a signing in it ("X é reforço da EF", "EF signs X")?"""
    if market_context(story, spans, span, cue):
        return True
    title = within(story.hits.get("move", []), 0, story.title_end)
    return any(hit.family in _SIGNING_FAMILIES for hit in title)


def _inverted_list(
    story: Story,
    spans: Sequence[Span],
    span: Span,
    people: Sequence[Mention],
    teams: Sequence[Mention],
    cue: Hit,
) -> None:
    """ "Além de X, chegam A, B e C": the people listed right after the arrival verb."""
    after = within(people, cue.end, span.end)  # by bisection: a sentence may hold thousands
    if not after:
        return
    lead = story.low[cue.end : after[0].start]
    if _CLAUSE_STOP.search(lead) or len(WORD.findall(lead)) > LEAD_WORDS:
        return
    if within(teams, cue.end, after[0].start):
        return  # "arriva alla Trek A": the clause rules' destination
    run = _run(story, after, teams)
    if len({p.entity_id for p in run}) < INVERTED_ITEMS:
        return
    # read last: it reads the whole sentence, and a sentence may hold thousands of cues
    if not _of_market(story, spans, span, cue):
        return
    free = {t.entity_id for t in teams if t.end <= cue.start and not _origin(story, t)}
    team = list_team(story, spans, span, free)
    if team is not None:
        _arrive(story, span, run, teams, team)


def _continued_list(
    story: Story, before: Span, span: Span, people: Sequence[Mention], teams: Sequence[Mention]
) -> None:
    """ "... Pour compléter ce trio, quatre Allemands : A (T1), B (T2) et C (T3)": a
    verbless list after a sentence of listed arrivals at one team."""
    colon = story.low.find(":", span.start, people[0].start)
    if colon < 0 or within(story.hits.get("extension", []), span.start, span.end):
        return
    head = story.low[span.start : colon]
    if len(WORD.findall(head)) > CONTINUED_HEAD or within(teams, span.start, colon):
        return
    if len(WORD.findall(story.low, colon + 1, people[0].start)) > LEAD_WORDS + 3:
        return
    listed = [ev for ev in story.evidence if ev.sentence == before.sentence and ev.listed]
    destinations = {team for ev in listed for team in ev.to}
    if len(destinations) != 1 or len({ev.person_id for ev in listed}) < INVERTED_ITEMS:
        return
    # every item carries its old team in brackets, so the brackets mark the items, with
    # whatever describes each between them ("A (T1), vainqueur cette année de ..., B (T2)")
    brackets = bracketed_teams(story, people, teams)
    run = [p for p in people if p.entity_id in brackets]
    if len(brackets) < CONTINUED_BRACKETS or not all(_joined(story, p) for p in run[:-1]):
        return  # "A (T1) won ahead of B (T2)": a result, not a list
    _arrive(story, span, run, teams, next(iter(destinations)))


def _split_verb_list(
    story: Story,
    spans: Sequence[Span],
    span: Span,
    people: Sequence[Mention],
    teams: Sequence[Mention],
    verb_end: int,
) -> None:
    """ "Naast A trok de ploeg ook B (T1), C (T2) en D (T3) aan": the people with their old
    team in brackets between the verb and its particle, joined by commas or "and"."""
    brackets = bracketed_teams(story, within(people, verb_end, span.end), teams)
    run = [p for p in within(people, verb_end, span.end) if p.entity_id in brackets]
    if len(brackets) < CONTINUED_BRACKETS or not all(_joined(story, p) for p in run[:-1]):
        return
    free = {t.entity_id for t in teams if t.end <= run[0].start and not _origin(story, t)}
    team = list_team(story, spans, span, free)
    if team is not None:
        _arrive(story, span, run, teams, team)


def _not_kept(story: Story, span: Span, people: Sequence[Mention], start: int, end: int) -> None:
    """ "A, B en C zijn op weg naar de uitgang", "non vengono riconfermati A e B": the list
    right after the words, or right before them with one word at most between ("zijn",
    "are"), each rider of it leaving their team for nobody."""
    after = within(people, end, span.end)
    before = [p for p in within(people, span.start, start) if p.end <= start]
    items: tuple[int, list[Mention]] = (0, [])
    if after:
        items = named_items(story, after, end, span.end, forward=True)
    if items[0] < INVERTED_ITEMS and before and _close(story, before[-1].end, start, 1):
        items = named_items(story, before, span.start, before[-1].end, forward=False)
    count, listed = items
    if count < INVERTED_ITEMS:
        return
    season = departure_season(story, span)
    for person in listed:
        rider = story.roster.people.get(person.entity_id)
        team = roster_team(rider, story.published) if rider and rider.kind == "rider" else None
        if team is not None:
            listed_departure(story, span, person.entity_id, team, season)


def _close(story: Story, start: int, end: int, words: int) -> bool:
    """Only a few words, and no clause's end, between the two offsets (brackets left out:
    an age, a team)."""
    gap = BRACKETED.sub(" ", story.low[start:end])
    return not _CLAUSE_STOP.search(gap) and len(WORD.findall(gap)) <= words


def _arrive(
    story: Story, span: Span, run: Sequence[Mention], teams: Sequence[Mention], team: str
) -> None:
    """Each listed person arrives at `team` from the team right after their name."""
    origins = bracketed_teams(story, run, teams)
    marked = marked_starts(story.low, teams, from_marker())
    for person in run:
        if person.entity_id in origins:
            continue
        following = within(teams, person.end, person.end + 40)
        if following and following[0].start in marked:
            gap = story.low[person.end : following[0].start]
            if not WORD.findall(gap) or set(WORD.findall(gap)) <= _FROM_WORDS | {"the"}:
                origins[person.entity_id] = following[0]
    season = clause_season(story, span)
    seen: set[str] = set()
    for person in run:
        if person.entity_id in seen:
            continue
        seen.add(person.entity_id)
        origin = origins.get(person.entity_id)
        if origin is None or origin.entity_id != team:
            listed_arrival(story, span, person.entity_id, team, origin, season)


def _joined(story: Story, person: Mention) -> bool:
    """Does a comma or an "and" follow the bracket after the person's name?"""
    closes = story.low.find(")", person.end)
    if closes < 0:
        return False
    after = _JOINT.match(story.low, closes + 1)
    return after is not None and (after.group(1) == "," or after.group(2) in _COORDINATION)


def _origin(story: Story, team: Mention) -> bool:
    """A team named as where someone comes from: in brackets or after a "from" word."""
    return after_bracket(story.low, team.start) or bool(
        from_marker().search(story.low, max(0, team.start - 24), team.start)
    )


def _run(story: Story, people: Sequence[Mention], teams: Sequence[Mention]) -> list[Mention]:
    """The people from the first on joined as one list: commas and "and" between them, an
    old team in brackets or after a "from" word, a short description after a comma ("lo
    svizzero"); not a second verb or a sentence of its own."""
    run = [people[0]]
    for person in people[1:]:
        gap_start, gap_end = run[-1].end, person.start
        gap = story.low[gap_start:gap_end]
        for team in reversed(within(teams, gap_start, gap_end)):
            gap = gap[: team.start - gap_start] + " " + gap[team.end - gap_start :]
        gap = BRACKETED.sub(" ", gap)
        if _CLAUSE_STOP.search(gap):
            break
        words = [w for w in WORD.findall(gap) if w not in _COORDINATION and w not in _FROM_WORDS]
        joined = "," in gap or any(w in _COORDINATION for w in WORD.findall(gap))
        if not joined or len(words) > DESCRIPTION_WORDS:
            break
        run.append(person)
    return run
