"""The evidence `pairs` describes each (person, team) pair by: where the two are named
relative to each other and to the cues between them, what the person's sentence says,
the roster's team at publication, and what the clause rules read about the person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from feeds.models import Mention
from feeds.nlp.transfers.scan import Hit, move_cues
from feeds.nlp.transfers.story import ARRIVAL_FAMILIES, Story
from feeds.nlp.transfers.text import Span, mentions_in, split_clauses, within
from feeds.nlp.transfers.vetoes import clause_vetoed, cue_vetoed
from feeds.roster import Person

CLOSE_WORDS = 6
"""A person and a team at most this many words apart are named together ("X to Y")."""
SHORT_LINE = 14
"""A sentence of at most this many words is a line of a list, not a told story."""
LEDE = 2
LOSS_FAMILIES = ("depart", "noun_depart", "lose")
TAKING_FAMILIES = frozenset({"acquire", "noun_arrive", "newcomers"})
DEAL_FAMILIES = ("talks", "agreed", "newcomers", "courted")
# a list line starts with a dash, a bullet or a number ("1.", "2)")
_BULLET = re.compile("\\s*(?:[-\u2013\u2014\u2022*\u00b7>]|\\d+[.)])\\s")
_BRACKETED_AFTER = re.compile(r"\s*[(\[]")


@dataclass(slots=True)
class Context:
    """What every pair of one story shares: its sentences, clauses and mentions by
    sentence, the story-level values, and what the rules made of each person."""

    story: Story
    spans: Sequence[Span]
    starts: list[int]
    teams_by_sentence: dict[int, list[Mention]]
    people_by_sentence: dict[int, list[Mention]]
    title_people: set[str]
    title_teams: set[str]
    story_values: dict[str, float]

    @classmethod
    def of(cls, story: Story, spans: Sequence[Span]) -> Context:
        starts = [s.start for s in spans]
        teams: dict[int, list[Mention]] = {}
        for team in story.teams:
            teams.setdefault(_index(starts, team.start), []).append(team)
        people: dict[int, list[Mention]] = {}
        for person in story.people:
            people.setdefault(_index(starts, person.start), []).append(person)
        hits = story.hits
        story_values = {
            "bias": 1.0,
            "title_arrival": float(bool(_arrivals(hits, 0, story.title_end))),
            "story_arrivals_anywhere": min(4, len(_arrivals(hits, 0, len(story.low)))) / 4,
        }
        return cls(
            story,
            spans,
            starts,
            teams,
            people,
            {p.entity_id for p in story.people if p.start < story.title_end},
            {t.entity_id for t in story.teams if t.start < story.title_end},
            story_values,
        )

    def sentence_of(self, offset: int) -> int:
        return _index(self.starts, offset)

    def clause_of(self, offset: int) -> Span:
        at = self.sentence_of(offset)
        for clause in split_clauses(self.story.text, self.spans[at]):
            if clause.start <= offset < clause.end:
                return clause
        return self.spans[at]

    def person_values(self, person_id: str) -> dict[str, float]:
        """How much the story is about the person, and whether another person of the same
        family name is in it (brothers, namesakes: "Leo Hayter, hermano de Ethan Hayter")."""
        people = self.story.roster.people
        surname = people[person_id].name.split()[-1].casefold()
        named = sum(p.entity_id == person_id for p in self.story.people)
        return {
            "person_named_often": min(3, named) / 3,
            "namesake": float(
                any(
                    p.entity_id != person_id
                    and people[p.entity_id].name.split()[-1].casefold() == surname
                    for p in self.story.people
                )
            ),
        }

    def rule_values(self, person_id: str, team_id: str) -> dict[str, float]:
        """What the clause rules read about the person before `decide` gave them no move:
        a destination, an origin, an arrival without a team."""
        evidence = [
            e for e in (*self.story.evidence, *self.story.pending) if e.person_id == person_id
        ]
        return {
            "rule_to": float(any(team_id in e.to for e in evidence)),
            "rule_origin": float(any(team_id in e.origin for e in evidence)),
            "rule_arrival": float(any(e.arrival for e in evidence)),
            # "X, who moves to Y next season", "Red Bull, who have already signed X"
            "rule_aside": float(bool(evidence) and all(e.aside or e.known for e in evidence)),
            "stays_with_team": float(team_id in self.story.stays.get(person_id, ())),
        }


def _index(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


@dataclass(slots=True)
class Occurrence:
    """One person's mention and one team's mention near it: how they stand to each
    other and to the cues between them."""

    context: Context
    person: Mention
    team: Mention
    at: int
    near: int

    def values(self) -> dict[str, float]:
        person, team, story = self.person, self.team, self.context.story
        same = self.near == self.at
        clause = self.context.clause_of(person.start)
        after = team.start > person.end
        lo, hi = (person.end, team.start) if after else (team.end, person.start)
        gap = story.text[lo:hi] if same else ""
        cues = within(story.hits.get("move", []), lo, hi) if same else []
        cues_here = move_cues(story.hits, clause)
        return {
            "clause_vetoed": float(clause_vetoed(story, clause)),
            # "no irá al equipo X", "who joined Ineos in 2019": the clause's cues say no news
            "cues_vetoed": float(
                bool(cues_here)
                and all(
                    cue_vetoed(story, c, clause, clause, mentions_in(story.teams, clause))
                    for c in cues_here
                )
            ),
            "same_sentence": float(same),
            "same_clause": float(clause.start <= team.start < clause.end),
            "adjacent_sentence": float(abs(self.near - self.at) == 1),
            "far": float(abs(self.near - self.at) > 1),
            "close": float(same and len(gap.split()) <= CLOSE_WORDS),
            "team_after_person": float(same and after),
            # "X joins Y", "X trekt naar Y": the cue sends the person to the team after it
            "goes_to_team": float(after and any(h.family in ARRIVAL_FAMILIES for h in cues)),
            # "Cofidis haalde X", "Movistar signs X": the team before the cue takes the person
            "team_takes_person": float(
                same
                and not after
                and any(h.family in TAKING_FAMILIES for h in _families(story, lo, hi))
            ),
            "loss_between": float(any(h.family in LOSS_FAMILIES for h in cues)),
            # "Reichenbach (Groupama-FDJ)": the team in brackets is where the person comes from
            "team_in_brackets": float(same and after and gap.strip() == "("),
            "team_owned": float(id(team) in story.owned),
            "person_bracketed_other": float(
                bool(_BRACKETED_AFTER.match(story.text, person.end)) and gap.strip() != "("
            ),
        }


def _families(story: Story, lo: int, hi: int) -> list[Hit]:
    return [
        *within(story.hits.get("move", []), lo, hi),
        *within(story.hits.get("newcomers", []), lo, hi),
    ]


def sentence_values(context: Context, at: int) -> dict[str, float]:
    """What the person's sentence says, whichever team is paired with them."""
    story, span = context.story, context.spans[at]
    hits = story.hits

    def says(*families: str) -> float:
        return float(any(within(hits.get(f, []), span.start, span.end) for f in families))

    words = story.text[span.start : span.end]
    named = {p.entity_id for p in context.people_by_sentence.get(at, [])}
    return {
        "arrival_in_sentence": float(bool(_arrivals(hits, span.start, span.end))),
        "departure_in_sentence": says(*LOSS_FAMILIES),
        "deal_in_sentence": says(*DEAL_FAMILIES),
        "race_in_sentence": says("race"),
        "extension_in_sentence": says("extension"),
        "retire_in_sentence": says("retire"),
        "person_in_list": float(len(named) >= 3),
        "short_line": float(len(words.split()) <= SHORT_LINE or bool(_BULLET.match(words))),
        "lede": float(at <= LEDE),
        "late": float(at > max(LEDE, len(context.spans) // 2)),
    }


def _arrivals(hits: dict[str, list[Hit]], start: int, end: int) -> list[Hit]:
    return [h for h in within(hits.get("move", []), start, end) if h.family in ARRIVAL_FAMILIES]


def roster_values(story: Story, person: Person, team_id: str) -> dict[str, float]:
    """The roster's team at publication against the pair's team."""
    published = story.published
    own = person.team_on(published) if published else None
    start = _stint_start(person, team_id, published.year) if published else None
    return {
        "roster_same": float(own == team_id),
        # a stint that starts in the story's season: this winter's move, not the old team
        "roster_new": float(own == team_id and published is not None and start == published.year),
        "roster_other": float(own is not None and own != team_id),
        "staff": float(person.kind == "staff"),
    }


def _stint_start(person: Person, team_id: str, season: int) -> int | None:
    for stint in reversed(person.stints):
        if stint.team_id == team_id and stint.covers(season):
            return stint.start
    return None
