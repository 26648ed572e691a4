"""Candidate (person, team) pairs and what the story says about each, for the learned
scorer (`scorer`): the moves the clause rules could not read.

The rules read a move from wording they know ("X joins Y"). Much real news gives the
shape, not the wording: a team announcing newcomers and naming them in a list, a
round-up with one line per rider, a team in the headline and its signings in the body.
Each pair of a person and a team named near them is described by general evidence
(sentence distance, cue families around them, markers before the team, the roster's
team at publication) that holds in any language the lexicons cover.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from feeds.models import Mention
from feeds.nlp.lexicon import bundled, pooled
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import ARRIVAL_FAMILIES, PERSON_KINDS, Story
from feeds.nlp.transfers.text import Span, within

FEATURES = (
    "bias",
    "same_sentence",
    "adjacent_sentence",
    "team_after_person",
    "arrival_between",
    "arrival_in_sentence",
    "departure_in_sentence",
    "to_marker_before_team",
    "from_marker_before_team",
    "person_in_list",
    "race_in_sentence",
    "extension_in_sentence",
    "retire_in_sentence",
    "story_arrivals",
    "title_arrival",
    "team_in_title",
    "team_focus",
    "person_in_title",
    "roster_same",
    "roster_other",
    "staff",
    "other_teams_in_sentence",
    "sentences_together",
    "far",
    "focus_arrival_story",
    "focus_list",
    "focus_arrival_sentence",
    "focus_not_own",
    "team_in_brackets",
    "story_arrivals_anywhere",
    "focus_arrivals_anywhere",
)
"""The scorer's inputs, in the order of its weights file."""

MARKER_WINDOW = 24
"""Characters before a team name searched for a "to"/"from" marker ("naar", "chez", "von")."""
LEDE = 2


@dataclass(slots=True)
class Candidate:
    person_id: str
    team_id: str
    first: int
    """Where the person is first named (moves are listed in that order)."""
    sentence: int
    """The sentence that gave the strongest evidence (for the status)."""
    values: dict[str, float] = field(default_factory=dict)

    def vector(self) -> list[float]:
        return [self.values.get(name, 0.0) for name in FEATURES]


@dataclass(frozen=True, slots=True)
class _Markers:
    to: re.Pattern[str]
    origin: re.Pattern[str]


@cache
def _markers(languages: tuple[str, ...] | None) -> _Markers:
    lexicon = pooled() if languages is None else bundled().pool(languages)

    def ending(concept: str) -> re.Pattern[str]:
        words = sorted(lexicon.words(concept), key=len, reverse=True)
        return re.compile(r"(?:^|\W)(?:" + "|".join(map(re.escape, words)) + r")\W*$")

    return _Markers(ending("to_markers"), ending("from_markers"))


def candidates(
    story: Story,
    spans: Sequence[Span],
    languages: tuple[str, ...] | None,
    skip: set[str],
) -> list[Candidate]:
    """Every (person, team) named within a sentence of each other, people in `skip`
    (those the rules already gave a move) left out; one candidate per pair, each feature
    the strongest any of its occurrences shows."""
    if not story.teams:
        return []
    markers = _markers(languages)
    starts = [s.start for s in spans]
    hits = story.hits

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    lede_end = spans[min(LEDE, len(spans) - 1)].end
    story_level = {
        "bias": 1.0,
        "story_arrivals": min(3, len(_arrivals(hits, 0, lede_end))) / 3,
        "title_arrival": float(bool(_arrivals(hits, 0, story.title_end))),
        "story_arrivals_anywhere": min(4, len(_arrivals(hits, 0, len(story.low)))) / 4,
    }
    teams_by_sentence: dict[int, list[Mention]] = {}
    for team in story.teams:
        teams_by_sentence.setdefault(sentence_of(team.start), []).append(team)
    people_by_sentence: dict[int, list[Mention]] = {}
    for person in story.people:
        people_by_sentence.setdefault(sentence_of(person.start), []).append(person)
    title_people = {p.entity_id for p in story.people if p.start < story.title_end}
    title_teams = {t.entity_id for t in story.teams if t.start < story.title_end}
    found: dict[tuple[str, str], Candidate] = {}
    together: dict[tuple[str, str], set[int]] = {}
    for person in story.people:
        profile = story.roster.people.get(person.entity_id)
        if profile is None or profile.kind not in PERSON_KINDS or person.entity_id in skip:
            continue
        at = sentence_of(person.start)
        span = spans[at]
        own = profile.team_on(story.published) if story.published else None
        sentence_values = _sentence_values(story, span, people_by_sentence.get(at, []))
        for near, team in _teams_near(at, teams_by_sentence, story.focus_team):
            key = (person.entity_id, team.entity_id)
            values = dict(story_level)
            values.update(sentence_values)
            values["same_sentence"] = float(near == at)
            values["adjacent_sentence"] = float(abs(near - at) == 1)
            values["far"] = float(abs(near - at) > 1)
            values["team_after_person"] = float(near == at and team.start > person.end)
            lo, hi = sorted((person.end, team.start))
            values["arrival_between"] = float(near == at and bool(_arrivals(hits, lo, hi)))
            before = story.low[max(0, team.start - MARKER_WINDOW) : team.start]
            values["to_marker_before_team"] = float(bool(markers.to.search(before)))
            values["from_marker_before_team"] = float(bool(markers.origin.search(before)))
            # "Reichenbach (Groupama-FDJ)": the team in brackets is where the person comes from
            values["team_in_brackets"] = float(
                near == at and story.low[person.end : team.start].strip() == "("
            )
            values["team_in_title"] = float(team.entity_id in title_teams)
            values["team_focus"] = float(team.entity_id == story.focus_team)
            values["person_in_title"] = float(person.entity_id in title_people)
            values["roster_same"] = float(own == team.entity_id)
            values["roster_other"] = float(own is not None and own != team.entity_id)
            values["staff"] = float(profile.kind == "staff")
            others = {t.entity_id for t in teams_by_sentence.get(near, ())} - {team.entity_id}
            values["other_teams_in_sentence"] = min(2, len(others)) / 2
            _interactions(values)
            together.setdefault(key, set()).add(near)
            _merge(found, key, person.start, at, values)
    for key, candidate in found.items():
        candidate.values["sentences_together"] = min(3, len(together[key])) / 3
    return list(found.values())


def _teams_near(
    at: int, teams_by_sentence: dict[int, list[Mention]], focus: str | None
) -> list[tuple[int, Mention]]:
    """Teams named in the person's sentence and the ones either side, and the story's
    focus team wherever it is first named (a list of signings under the team's headline)."""
    near = [(s, t) for s in (at - 1, at, at + 1) for t in teams_by_sentence.get(s, ())]
    if focus is not None and all(t.entity_id != focus for _, t in near):
        first = min(
            ((s, t) for s, ts in teams_by_sentence.items() for t in ts if t.entity_id == focus),
            key=lambda item: item[1].start,
        )
        near.append(first)
    return near


def _interactions(values: dict[str, float]) -> None:
    """The shapes of a team's announcement: a linear scorer cannot AND its inputs."""
    focus = values["team_focus"]
    values["focus_arrival_story"] = focus * float(values["story_arrivals"] > 0)
    values["focus_list"] = focus * values["person_in_list"]
    values["focus_arrival_sentence"] = focus * values["arrival_in_sentence"]
    values["focus_not_own"] = focus * values["roster_other"]
    values["focus_arrivals_anywhere"] = focus * values["story_arrivals_anywhere"]


def _sentence_values(story: Story, span: Span, people: Sequence[Mention]) -> dict[str, float]:
    hits = story.hits
    departures = [
        h
        for family in ("depart", "noun_depart", "lose")
        for h in within(hits.get(family, []), span.start, span.end)
    ]
    named = {p.entity_id for p in people}
    return {
        "arrival_in_sentence": float(bool(_arrivals(hits, span.start, span.end))),
        "departure_in_sentence": float(bool(departures)),
        "person_in_list": float(len(named) >= 3),
        "race_in_sentence": float(bool(within(hits.get("race", []), span.start, span.end))),
        "extension_in_sentence": float(
            bool(within(hits.get("extension", []), span.start, span.end))
        ),
        "retire_in_sentence": float(bool(within(hits.get("retire", []), span.start, span.end))),
    }


def _arrivals(hits: dict[str, list[Hit]], start: int, end: int) -> list[Hit]:
    return [h for h in within(hits.get("move", []), start, end) if h.family in ARRIVAL_FAMILIES]


def _merge(
    found: dict[tuple[str, str], Candidate],
    key: tuple[str, str],
    first: int,
    sentence: int,
    values: dict[str, float],
) -> None:
    old = found.get(key)
    if old is None:
        found[key] = Candidate(key[0], key[1], first, sentence, values)
        return
    if values["same_sentence"] > old.values.get("same_sentence", 0.0):
        old.sentence = sentence
    for name, value in values.items():
        # the roster's verdict is the same everywhere; the other evidence is the strongest seen
        if value > old.values.get(name, 0.0):
            old.values[name] = value
