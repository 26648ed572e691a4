"""One clause at a time: its move cues (with the verbs headlines and lists drop), the
vetoes on each, and the evidence each cue gives about who moves where.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from feeds.models import Mention
from feeds.nlp.lexicon import literal_alternation, pooled
from feeds.nlp.transfers.directions import passive_agent, read_directions
from feeds.nlp.transfers.movers import cue_movers, cue_objects
from feeds.nlp.transfers.roles import TO_WORDS, affiliation, former_team, role_floor, team_role
from feeds.nlp.transfers.scan import Hit, move_cues
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.signing_cues import placings_from
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import WORD_START, Span, last_ending_by, mentions_in, within
from feeds.nlp.transfers.unnamed import described_object
from feeds.nlp.transfers.vetoes import clause_vetoed, cue_vetoed, stayers

_LEX = pooled()
_VERB_FINAL = _LEX.words("verb_final")
_COORDINATION_WORDS = _LEX.words("coordination_words")
_FROM_WORDS = frozenset(w.strip("'\u2019") for w in _LEX.words("from_markers"))
_PREPOSITIONS = TO_WORDS - {"join", "joins", "joining", "rejoin"}
_ALREADY = re.compile(WORD_START + r"(?:" + _LEX.alternation("already") + r")\W+(?:[\w']+\W+)?$")
_RELATIVE = re.compile(r"\s*,\s*(?:" + _LEX.alternation("relative_pronouns") + r")\b")
_HEADLINE_GAP = re.compile(
    r"\s*(?:to|naar|à|a|al|alla|verso|zu|zum|zur|nach|chez|vers|para|por)\s+"
    r"(?:la |le |l'|de |het |die |das |the )?"
)

# "Lenny Martinez \u2013 Groupama-FDJ para Bahrain": a round-up's line of its own.
_SUBHEADING_DASH = re.compile(r"\s*[\u2013\u2014:-]\s*")
_SUBHEADING_ARROW = re.compile(r"\s*(?:\u2192|->|>)\s*")
_SUBHEADING_MAX = 160


@dataclass(slots=True)
class _Clause:
    """One clause with what every cue in it needs."""

    span: Span
    people: list[Mention]
    teams: list[Mention]
    roles: dict[int, str | None]
    """Role of each team mention (by id): 'to', 'from', 'aff' or None."""
    season: int | None
    placings: int
    """Where the clause's result placings start ("por delante de A (T1)"), past it if none."""
    staying: set[str] = field(default_factory=set)
    """People who extend their contract in this clause (not those who turn one down)."""


def clause_evidence(story: Story, span: Span) -> None:
    """Evidence from every move cue in the clause that no veto stops."""
    cue_hits = move_cues(story.hits, span) or _subheading_arrow(story, span)
    arrows: list[Hit] = []
    if span.title:
        arrows = _headline_arrows(story, span)
        cue_hits = sorted(cue_hits + arrows, key=lambda h: h.start)
    gapped: list[Hit] = []
    if not span.title and cue_hits:
        gapped = _headline_arrows(
            story, span, after=cue_hits[0].end, lead=_lead_in(story, span, cue_hits[0])
        )
        cue_hits = sorted(cue_hits + gapped, key=lambda h: h.start) if gapped else cue_hits
    if not cue_hits or clause_vetoed(story, span):
        return
    people = mentions_in(story.people, span)
    teams = mentions_in(story.teams, span)
    clause = _Clause(
        span=span,
        people=people,
        teams=teams,
        roles={
            id(t): team_role(story.text, story.low, t, role_floor(span, people, t)) for t in teams
        },
        season=clause_season(story, span),
        placings=placings_from(story, people),
        staying=stayers(story, span, people),
    )
    listed = {id(hit) for hit in gapped}
    verbless = listed | {id(hit) for hit in arrows}
    not_news = False  # the cue before was no news: neither are the list items it leads
    for i, cue in enumerate(cue_hits):
        if id(cue) in listed:
            if not_news:
                continue
        else:
            not_news = True
        # Each cue owns the words up to its neighbours ("X joins A, Y signs with B").
        lo = cue_hits[i - 1].end if i else span.start
        hi = cue_hits[i + 1].start if i + 1 < len(cue_hits) else span.end
        region = Span(min(lo, cue.start), max(hi, cue.end), span.sentence, span.title)
        if cue_vetoed(story, cue, span, region, teams):
            continue
        if id(cue) not in listed:
            not_news = False
        # "Red Bull, who have already signed X": a move known before this story
        known = bool(_ALREADY.search(story.low, max(span.start, cue.start - 30), cue.start))
        # "A to Arkéa, B to Soudal": a verbless item moves only the people after the item
        # before it, never the earlier item's person, who has a team of their own.
        floor = cue_hits[i - 1].end if i and id(cue) in verbless else -1
        # A gapped item names its own team right after it: the first item's team is none
        # of its ("A s'est engagé avec T1 et B avec T2": B goes to T2 or stays there).
        bound = _team_at(teams, cue.end) if id(cue) in listed else None
        _cue_evidence(story, clause, cue, region, known, floor, bound)


def _item_ends(story: Story, people: Sequence[Mention], team: Mention, end: int) -> bool:
    """Does a gapped item end right after its team: `_ITEM_END`, or an "and" that the
    next item's person follows ("et B avec T2 et C avec T3")?"""
    if _ITEM_END.match(story.low, team.end, end):
        return True
    joined = _ITEM_AND.match(story.low, team.end, end)
    return joined is not None and bool(within(people, joined.end(), joined.end() + 1))


def _team_at(teams: Sequence[Mention], at: int) -> Mention | None:
    """The team mention that starts at `at`, if any."""
    return next((t for t in within(teams, at, at + 1)), None)


def _cue_evidence(
    story: Story,
    clause: _Clause,
    cue: Hit,
    region: Span,
    known: bool = False,
    floor: int = -1,
    bound: Mention | None = None,
) -> None:
    """Who moves where according to one cue; kept on the story as evidence."""
    span, people, teams = clause.span, clause.people, clause.teams
    family = cue.family
    agent = passive_agent(story, cue, teams) if family == "acquire" else None
    objects = cue_objects(story, people, cue, teams) if family == "acquire" and not agent else []
    unnamed = family == "acquire" and agent is None and not objects
    described = described_object(story, cue, people, teams) if unnamed else None
    signs = family == "acquire" and story.low.startswith("sign", cue.start)
    # English "sign" keeps its object after it: "X has signed (a deal)" is X's own move.
    signs_self = signs and not any(p.start >= cue.end for p in objects)
    if agent is not None or (signs_self and described is None):
        family = "arrive"  # "she has signed a three-year contract", "X was signed by Y"
    movers = _floored_movers(story, family, people, cue, teams, span, floor, region.end)
    # "se refuerza con X por delante de A (T1) y B (T2)": the bracketed placings of a result
    movers = [m for m in movers if m.start < clause.placings]
    if floor >= 0 and any(m.start >= floor for m in movers):
        movers = [m for m in movers if m.start >= floor]
    to, origin = read_directions(story, family, cue, span, region, teams, clause.roles, movers)
    if agent is not None:
        to, origin = {agent.entity_id: 2.0}, origin - {agent.entity_id}
    if bound is not None:
        to, origin = {bound.entity_id: 2.0}, origin - {bound.entity_id}
    if family in ("acquire", "lose") and not movers and (described is None or not to):
        return  # a team verb needs the person it acts on ("the acquisition of Bora" is not)
    # "returns to racing", "moved to the front": the verb had an object, just not a team.
    words = story.low[cue.start : cue.end].split()
    dangling = not to and bool(words) and words[-1] in _PREPOSITIONS
    # "zal de Tour rijden": a clause-final verb with no team before it names no move.
    dangling = dangling or (not to and story.low[cue.start : cue.end] in _VERB_FINAL)
    found = Evidence("", family, span.sentence, span.title, not movers)
    # Where a described mover's words are: the object ("sign the Swiss") or the subject.
    found.subject_start, found.cue_start = described or (span.start, cue.start)
    found.to, found.origin, found.season = to, origin, clause.season
    found.left = bool(origin)  # the verb itself names the team left
    # a gapped item's team is its own: left without it (the mover's own team), it takes
    # no other item's team
    found.inheritable = not dangling and bound is None
    found.question = span.title and story.title_question
    found.known = known
    # "..., while the Dutch Bees are also bringing back Kelderman": the team is named
    # elsewhere in the sentence, so only that sentence's destination may stand in.
    found.local_only = family == "acquire" and not to
    if not movers:
        story.pending.append(found)
    for mover in movers:
        if mover.entity_id not in clause.staying:
            ev = _for_mover(story, found, mover, teams)
            ev.aside = _relative_clause(story, mover, cue)
            story.evidence.append(ev)


def _relative_clause(story: Story, mover: Mention, cue: Hit) -> bool:
    """Is the verb inside a relative clause hung on the mover ("X, who ..., ", "X, die")?"""
    found = _RELATIVE.match(story.low, mover.end)
    if found is None or found.end() > cue.start:
        return False
    return "," not in story.low[found.end() : cue.start]


def _for_mover(story: Story, found: Evidence, mover: Mention, teams: Sequence[Mention]) -> Evidence:
    """A copy of a clause's evidence for one mover, with their own current team as origin."""
    ev = found.for_person(mover.entity_id)
    own = affiliation(story.text, mover, teams) or former_team(story.low, mover, teams)
    if own:
        ev.origin.add(own)
        ev.to.pop(own, None)
    return ev


def _floored_movers(
    story: Story,
    family: str,
    people: list[Mention],
    cue: Hit,
    teams: list[Mention],
    span: Span,
    floor: int,
    region_end: int,
) -> list[Mention]:
    """The cue's movers; for a verbless list item (`floor` >= 0), read among the people
    between the item before it and the next cue first: a long "A naar T1, B naar T2, ..."
    list walked back to its first name for every item would take quadratic time. Only
    when none is found there are all the clause's people read (and then the floor drops
    none of them)."""
    if floor >= 0 and people and people[0].start < floor:
        after = list(within(people, floor, region_end))
        if after:
            found = cue_movers(story, family, after, cue, teams, span)
            if found:
                return found
    return cue_movers(story, family, people, cue, teams, span)


def _headline_arrows(
    story: Story, clause: Span, after: int = -1, lead: tuple[str, ...] = ()
) -> list[Hit]:
    """Headlines drop the verb: "Hirschi naar Tudor", "Evenepoel to Red Bull". So do the
    later items of a list whose first one has it ("X gaat naar A, Y naar B"): those
    are read only after `after` and when the person follows a comma or an "and". A later
    item may also repeat the preposition the first item's verb took, whatever it is, with
    or without an article (`lead`, the last words before the first item's team: "A s'est
    engagé avec T1 et B avec T2", "A firma por el T1 y B por el T2", "A skifter til T1 og
    B til T2")."""
    out = []
    people = mentions_in(story.people, clause)
    for team in mentions_in(story.teams, clause):
        last = last_ending_by(people, team.start)  # by bisection: linear in a long list
        if last is None or (after >= 0 and not _listed_after(story, last, after)):
            continue
        gap = _HEADLINE_GAP.match(story.low, last.end, team.start)
        if gap and gap.end() == team.start:
            out.append(Hit("arrive", gap.start(), gap.end()))
        elif (
            after >= 0
            and _repeats_lead(story.low[last.end : team.start], lead)
            and _item_ends(story, people, team, clause.end)
        ):
            out.append(Hit("arrive", last.end, team.start))
    return out


_ITEM_END = re.compile(
    r"\s*(?:$|[,;.:!?)\u2013\u2014]|\d|(?:"
    + literal_alternation(_LEX.words("until_markers"))
    + r")\b|(?:"
    + literal_alternation(_LEX.words("season_markers"))
    + r")\s+(?:\w+\s+)?\d)"
)
"""What may follow a gapped item's team: the end of the clause, punctuation, a time or
contract expression ("jusqu'en 2027", "for 2026"), or a coordination word that opens the
next item (`_ITEM_AND`). A verb or other words ("avec T2 a remporté une étape", "avec T2
en ligne de mire") make it a clause of its own."""
_ITEM_AND = re.compile(r"\s+(?:" + literal_alternation(_COORDINATION_WORDS) + r")\s+")
_LEAD_WORDS = 2
"""A verb's preposition and at most one article: the words a gapped item may repeat."""
_ARTICLE_MAX = 3
"""An article is a short word ("el", "la", "a", "de"): a longer second word is no article."""


def _lead_in(story: Story, clause: Span, cue: Hit) -> tuple[str, ...]:
    """The last words between the clause's first cue and the first team after it (the
    preposition the verb took and its article), or none when no team follows the cue or
    more than a few words come between. Only an arrival's: "A part de T1 et B de T2" says
    where they leave, and a gapped item is read as an arrival."""
    if cue.family != "arrive":
        return ()
    team = next((t for t in mentions_in(story.teams, clause) if t.start >= cue.end), None)
    if team is None or team.start - cue.end > 40:
        return ()
    words = tuple(story.low[cue.start : team.start].split()[-_LEAD_WORDS:])
    # "A llega del T1 y B del T2": a from-word names where they come from, not where to
    return () if any(_from_word(w.strip("'\u2019")) for w in words) else words


def _from_word(word: str) -> bool:
    """A from-word of the lexicons, or one fused with a one-letter article ("del" is "de"
    and "el", "dal" "da" and "l", "das" "da" and "s")."""
    if word in _FROM_WORDS:
        return True
    return len(word) >= 3 and word[:-1] in _FROM_WORDS


def _repeats_lead(gap: str, lead: tuple[str, ...]) -> bool:
    """A gapped item's words between the person and the team: the first item's preposition
    again, with or without a short article ("avec", "por el", "para o")."""
    words = gap.split()
    if not lead or not words or len(words) > _LEAD_WORDS or not words[0].isalpha():
        return False
    if words[0] not in lead:
        return False
    return len(words) == 1 or len(words[1]) <= _ARTICLE_MAX


def _listed_after(story: Story, person: Mention, after: int) -> bool:
    """Does the person come after `after` as the next item of a list (after "," or "and")?"""
    if person.start < after:
        return False
    lead = story.low[max(after, person.start - 6) : person.start].rstrip()
    return lead.endswith(",") or lead.rsplit(" ", 1)[-1] in _COORDINATION_WORDS


def _subheading_arrow(story: Story, clause: Span) -> list[Hit]:
    """A round-up's subheading with no verb: the person, a dash, then where from and where
    to ("Lenny Martinez \u2013 Groupama-FDJ para Bahrain Victorious", "X: A \u2192 B")."""
    if clause.end - clause.start > _SUBHEADING_MAX:
        return []  # a sentence, not a subheading
    people = mentions_in(story.people, clause)
    if len(people) != 1:
        return []
    teams = mentions_in(story.teams, clause)
    if len(teams) != 2:
        return []
    person, origin, destination = people[0], teams[0], teams[1]
    low = story.low
    if low[clause.start : person.start].strip() or low[destination.end : clause.end].strip(" ."):
        return []  # the line holds nothing else
    if not _SUBHEADING_DASH.fullmatch(low, person.end, origin.start):
        return []
    gap = _HEADLINE_GAP.match(low, origin.end, destination.start) or _SUBHEADING_ARROW.match(
        low, origin.end, destination.start
    )
    if gap is None or gap.end() != destination.start:
        return []
    return [Hit("arrive", gap.start(), gap.end())]
