"""Round-up lists the team-verb and group-noun rules (`groups`, `lists`) do not reach:

- an arrival verb with its subject after it, the subject a list: "Além de X, chegam A, B
  e C", "arrivano A (Trek) e B (Lotto)", "llegan A, B y C", told of the market (the
  headline names a signing, or `story_kind.market_context`). Each listed person arrives
  at the team the list is about (`list_teams.list_team`: the one team the sentence names
  before the verb, else the story's headline or lede team). A team after an item, in
  brackets or after a "from" word, is where that person comes from. Not in a sentence
  naming a race ("llegan A y B juntos a meta en la Vuelta").
- a list continued in the next sentence: after a sentence whose listed people all arrive
  at one team, a sentence with no move verb and no race that opens with a few words
  telling of more arrivals (a `newcomers` noun or a `list_continued` phrase: "To complete
  the trio", "Dazu") and a colon, then
  names people with their old team in brackets ("Pour compléter ce trio, quatre Allemands :
  A (T1), B (T2) et C (T3)", "To round it off, two Germans: A (T1) and B (T2)"), lists
  more arrivals at that team (the bracketed items only, joined by commas or "and").
- a team's verb split around its list (lexicon concept `split_acquire`): "trok ook A (T1),
  B (T2) en C (T3) aan", "holte A (T1) und B (T2) an Bord"; the items with their old team
  in brackets, joined by commas or "and", arrive at the list's team. Told of the market,
  in a sentence naming no race, the team (its name or a team noun) the verb's subject,
  and nothing but the particle after the list ("trokken A (T1) en B (T2) de sprint aan"
  has an object of its own).
- a list of riders the team does not keep: `not_kept`.

Each rule works out what it reads of the whole sentence (season, origins, "from" words)
once per sentence, and reads a list only up to the next cue or verb of its kind: a
sentence may hold thousands of cues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.group_subjects import listed_arrival
from feeds.nlp.transfers.list_relatives import relative_after_keeps
from feeds.nlp.transfers.list_teams import (
    bracketed_teams,
    from_marker,
    list_team,
    marked_starts,
)
from feeds.nlp.transfers.not_kept import not_kept_moves as not_kept_moves
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.scan import Hit, move_cues
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.story_kind import market_context
from feeds.nlp.transfers.text import (
    BRACKETED,
    WORD,
    WORD_START,
    Span,
    after_bracket,
    mentions_in,
    within,
)

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
PARTICLE_WORDS = 2
"""Words after a split verb's list: its particle only ("aan", "an Bord", "on board")."""
SUBJECT_WORDS = 3
"""Words right after a split verb where the team, its subject, may stand ("de ploeg")."""
SUBJECT_REACH = 120
"""Characters before a split verb where its subject may stand."""
SPLIT_REACH = 1000
"""Characters from a split verb to the stop after its particle that `_SPLIT_ACQUIRE`'s
look-ahead reads: unbounded, it read to the sentence's end from each of thousands of verbs
in one sentence. The furthest in the development sets is 175 ("trok de ploeg van ... ook
A (T1) en B (T2) aan.")."""
_COORDINATION = pooled().words("coordination_words")
_FROM_WORDS = pooled().words("from_markers")
_SPLIT_ACQUIRE = re.compile(r"\b(?:" + pooled().alternation("split_acquire") + r")")
PHRASES = (_SPLIT_ACQUIRE,)
"""Scanned sentence by sentence: tried only where `phrases` finds they may match."""
_CONTINUED = re.compile(WORD_START + r"(?:" + pooled().alternation("list_continued") + r")\b")
_TEAM_NOUN = re.compile(
    WORD_START + r"(?:" + "|".join(map(re.escape, sorted(pooled().words("team_nouns")))) + r")\b"
)
_SIGNING_FAMILIES = frozenset({"acquire", "noun_arrive"})
_JOINT = re.compile(r"\s*(?:(,)|(\w+)\b)")
_CLAUSE_STOP = re.compile(r"[.;:!?()\"«»]")
_SENTENCE_STOP = re.compile(r"[.;!?]")


class _Sentence:
    """What the rules read of one sentence's whole text, each worked out once, when first
    asked for: a sentence may hold thousands of cues."""

    def __init__(self, story: Story, spans: Sequence[Span], span: Span, teams: Sequence[Mention]):
        self.story, self.spans, self.span, self.teams = story, spans, span, teams
        self._market: bool | None = None

    @cached_property
    def season(self) -> int | None:
        return clause_season(self.story, self.span)

    def of_market(self, cue: Hit) -> bool:
        """`_of_market` for the sentence's first cue: the market is the sentence's, told
        once whatever verb asks."""
        if self._market is None:
            self._market = _of_market(self.story, self.spans, self.span, cue)
        return self._market

    @cached_property
    def marked(self) -> set[int]:
        """Starts of the teams named after a "from" word."""
        return marked_starts(self.story.low, self.teams, from_marker())

    @cached_property
    def _plain(self) -> list[Mention]:
        return [t for t in self.teams if not _origin(self.story, t)]

    def free_before(self, offset: int) -> set[str]:
        """Teams named plainly before the offset: not in brackets, nor after a "from" word."""
        return {
            t.entity_id for t in within(self._plain, self.span.start, offset) if t.end <= offset
        }


def list_run_moves(story: Story, spans: Sequence[Span]) -> None:
    """Evidence for every person of an inverted arrival list, a continued list or a list
    inside a split verb."""
    for span in spans:
        people = mentions_in(story.people, span)
        if span.title or len(people) < INVERTED_ITEMS:
            continue
        if within(story.hits.get("race", []), span.start, span.end):
            continue  # "llegan A y B juntos a meta", "trokken A (T1) en B (T2) de sprint aan"
        teams = mentions_in(story.teams, span)
        sentence = _Sentence(story, spans, span, teams)
        cues = move_cues(story.hits, span)
        for at, cue in enumerate(cues):
            if cue.family == "arrive":
                # a list runs up to the next cue at most ("llegan A y B, llegan C y D")
                bound = cues[at + 1].start if at + 1 < len(cues) else span.end
                _inverted_list(sentence, within(people, cue.end, bound), cue)
        if not cues and span.sentence > 1:
            _continued_list(story, spans[span.sentence - 1], span, people, teams, sentence)
        verbs = list(
            story_phrases(story).finditer(_SPLIT_ACQUIRE, span.start, span.end, reach=SPLIT_REACH)
        )
        for at, verb in enumerate(verbs):
            bound = verbs[at + 1].start() if at + 1 < len(verbs) else span.end
            _split_verb_list(sentence, within(people, verb.end(), bound), verb.end(), bound)


def _of_market(story: Story, spans: Sequence[Span], span: Span, cue: Hit) -> bool:
    """Is the arrival told of the market, not of a finish line: `market_context`, or a
    headline with a signing in it ("X é reforço da EF", "EF signs X")?"""
    if market_context(story, spans, span, cue):
        return True
    title = within(story.hits.get("move", []), 0, story.title_end)
    return any(hit.family in _SIGNING_FAMILIES for hit in title)


def _inverted_list(sentence: _Sentence, after: Sequence[Mention], cue: Hit) -> None:
    """ "Além de X, chegam A, B e C": the people listed right after the arrival verb."""
    story, teams = sentence.story, sentence.teams
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
    if relative_after_keeps(story, run[-1].end, sentence.span.end):
        return  # "They join A, B and C, who all extended last week": the people joined
    if not sentence.of_market(cue):
        return
    team = list_team(story, sentence.spans, sentence.span, sentence.free_before(cue.start))
    if team is not None:
        _arrive(sentence, run, team)


def _continued_list(
    story: Story,
    before: Span,
    span: Span,
    people: Sequence[Mention],
    teams: Sequence[Mention],
    sentence: _Sentence,
) -> None:
    """ "... Pour compléter ce trio, quatre Allemands : A (T1), B (T2) et C (T3)": a
    verbless list after a sentence of listed arrivals at one team, its head telling of
    more arrivals (not "Favourites for Sunday:", "Going the other way:", "Staying:")."""
    colon = story.low.find(":", span.start, people[0].start)
    if colon < 0 or within(story.hits.get("extension", []), span.start, span.end):
        return
    head = story.low[span.start : colon]
    if len(WORD.findall(head)) > CONTINUED_HEAD or within(teams, span.start, colon):
        return
    more = within(story.hits.get("newcomers", []), span.start, colon)
    if not more and not _CONTINUED.search(story.low, span.start, colon):
        return  # when in doubt, read nothing
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
    _arrive(sentence, run, next(iter(destinations)))


def _split_verb_list(
    sentence: _Sentence, people: Sequence[Mention], verb_end: int, bound: int
) -> None:
    """ "Naast A trok de ploeg ook B (T1), C (T2) en D (T3) aan": the people with their old
    team in brackets between the verb and its particle, joined by commas or "and"."""
    story, teams = sentence.story, sentence.teams
    brackets = bracketed_teams(story, people, teams)
    run = [p for p in people if p.entity_id in brackets]
    if len(brackets) < CONTINUED_BRACKETS or not all(_joined(story, p) for p in run[:-1]):
        return
    if not _particle_only(story, run[-1], bound) or not _team_subject(sentence, verb_end, run):
        return
    if not sentence.of_market(Hit("acquire", verb_end, verb_end)):
        return
    team = list_team(story, sentence.spans, sentence.span, sentence.free_before(run[0].start))
    if team is not None:
        _arrive(sentence, run, team)


def _particle_only(story: Story, last: Mention, bound: int) -> bool:
    """Only the verb's particle after the list's last bracket: "... en C (T3) aan", not
    "... en C (T3) de sprint aan" (a race's object)."""
    closes = story.low.find(")", last.end, bound)
    if closes < 0:
        return False
    stop = _SENTENCE_STOP.search(story.low, closes, bound)
    return len(WORD.findall(story.low, closes, stop.start() if stop else bound)) <= PARTICLE_WORDS


def _team_subject(sentence: _Sentence, verb_end: int, run: Sequence[Mention]) -> bool:
    """Is a team the verb's subject: a team or a team noun before the verb in its clause, or
    right after it ("trok de ploeg ook")? Not "De camera legde", "The organisers brought"."""
    story, span = sentence.story, sentence.span
    if sentence.free_before(verb_end):
        return True
    start = max(span.start, verb_end - SUBJECT_REACH)
    start = max([start] + [story.low.rfind(c, start, verb_end) + 1 for c in ".;:!?"])
    if _TEAM_NOUN.search(story.low, start, verb_end):
        return True
    # verb-second: the subject right after the verb ("trok de ploeg van X ook A (T1) ...")
    words = list(WORD.finditer(story.low, verb_end, run[0].start))[:SUBJECT_WORDS]
    return bool(words) and _TEAM_NOUN.search(story.low, verb_end, words[-1].end()) is not None


def _arrive(sentence: _Sentence, run: Sequence[Mention], team: str) -> None:
    """Each listed person arrives at `team` from the team right after their name."""
    story, span, teams = sentence.story, sentence.span, sentence.teams
    origins = bracketed_teams(story, run, teams)
    marked = sentence.marked
    for person in run:
        if person.entity_id in origins:
            continue
        following = within(teams, person.end, person.end + 40)
        if following and following[0].start in marked:
            gap = story.low[person.end : following[0].start]
            if not WORD.findall(gap) or set(WORD.findall(gap)) <= _FROM_WORDS | {"the"}:
                origins[person.entity_id] = following[0]
    season = sentence.season
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
