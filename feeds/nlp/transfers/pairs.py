"""Candidate (person, team) pairs and what the story says about each, for the learned
scorer (`scorer`): the moves the clause rules could not read.

The rules read a move from wording they know ("X joins Y"). Much real news gives the
shape, not the wording: a team announcing newcomers and naming them in a list, a
round-up with one line per rider, a team in the headline and its signings in the body.
Each pair of a person and a team named near them is described by general evidence
(where they stand to each other and to the nearest cue, markers before the team, the
roster's team at publication, what the rules made of the person) that holds in any
language the lexicons cover.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from feeds.models import Mention
from feeds.nlp.lexicon import story_lexicon
from feeds.nlp.transfers.pair_evidence import Context, Occurrence, roster_values, sentence_values
from feeds.nlp.transfers.story import PERSON_KINDS, Story
from feeds.nlp.transfers.text import Span

FEATURES = (
    "bias",
    # where the two are named
    "same_sentence",
    "same_clause",
    "adjacent_sentence",
    "far",
    "close",
    "team_after_person",
    "sentences_together",
    # the cue between them, and the words before the team
    "goes_to_team",
    "team_takes_person",
    "loss_between",
    "to_marker_before_team",
    "from_marker_before_team",
    "team_in_brackets",
    "team_owned",
    "person_bracketed_other",
    # the person's sentence
    "arrival_in_sentence",
    "departure_in_sentence",
    "deal_in_sentence",
    "race_in_sentence",
    "extension_in_sentence",
    "retire_in_sentence",
    "person_in_list",
    "short_line",
    "lede",
    "late",
    "other_teams_in_sentence",
    # the story
    "title_arrival",
    "story_arrivals_anywhere",
    "team_in_title",
    "person_in_title",
    "both_in_title",
    "team_focus",
    "focus_arrival_sentence",
    "focus_list",
    "focus_alone",
    # the person, the roster and what the rules read (their vetoes too)
    "person_named_often",
    "namesake",
    "roster_same",
    "roster_new",
    "roster_other",
    "staff",
    "rule_to",
    "rule_origin",
    "rule_arrival",
    "rule_aside",
    "stays_with_team",
    "clause_vetoed",
    "cues_vetoed",
)
"""The scorer's inputs, in the order of its weights vector."""

MARKER_WINDOW = 24
"""Characters before a team name searched for a "to"/"from" marker ("naar", "chez", "von")."""


@dataclass(slots=True)
class Candidate:
    person_id: str
    team_id: str
    first: int
    """Where the person is first named (moves are listed in that order)."""
    sentence: int
    """The sentence that gave the strongest evidence (for the status)."""
    values: dict[str, float] = field(default_factory=dict)
    occurrences: list[tuple[Mention, Mention, int, int]] = field(default_factory=list)
    """Every (person mention, team mention, person's sentence, team's sentence) seen."""

    def vector(self) -> list[float]:
        return [self.values.get(name, 0.0) for name in FEATURES]


@dataclass(frozen=True, slots=True)
class _Markers:
    to: re.Pattern[str]
    origin: re.Pattern[str]


@cache
def _markers(languages: tuple[str, ...] | None) -> _Markers:
    lexicon = story_lexicon(languages)

    def ending(concept: str) -> re.Pattern[str]:
        words = sorted(lexicon.words(concept), key=len, reverse=True)
        return re.compile(r"(?:^|\W)(?:" + "|".join(map(re.escape, words)) + r")\W*$")

    return _Markers(ending("to_markers"), ending("from_markers"))


def candidates(
    story: Story,
    spans: Sequence[Span],
    languages: tuple[str, ...] | None,
    skip: set[str],
    describe: bool = True,
) -> list[Candidate]:
    """Every (person, team) named within a sentence of each other, people in `skip`
    (those the rules already gave a move) left out; one candidate per pair, each feature
    the strongest any of its occurrences shows (without `describe`, only where they are
    named: the lexical scorer reads its own features)."""
    if not story.teams:
        return []
    context = Context.of(story, spans)
    markers = _markers(languages)
    found: dict[tuple[str, str], Candidate] = {}
    together: dict[tuple[str, str], set[int]] = {}
    for person in story.people:
        profile = story.roster.people.get(person.entity_id)
        if profile is None or profile.kind not in PERSON_KINDS or person.entity_id in skip:
            continue
        at = context.sentence_of(person.start)
        in_sentence = sentence_values(context, at) if describe else {}
        for near, team in _teams_near(at, context.teams_by_sentence, story.focus_team):
            key = (person.entity_id, team.entity_id)
            if not describe:
                _merge(found, key, person.start, at, {"same_sentence": float(near == at)})
                found[key].occurrences.append((person, team, at, near))
                continue
            values = dict(context.story_values)
            values.update(in_sentence)
            values.update(Occurrence(context, person, team, at, near).values())
            values.update(_team_values(story, context, person, team, near, markers))
            values.update(roster_values(story, profile, team.entity_id))
            values.update(context.person_values(person.entity_id))
            values.update(context.rule_values(person.entity_id, team.entity_id))
            _interactions(values)
            together.setdefault(key, set()).add(near)
            _merge(found, key, person.start, at, values)
            found[key].occurrences.append((person, team, at, near))
    for key, candidate in found.items() if describe else ():
        candidate.values["sentences_together"] = min(3, len(together[key])) / 3
    return list(found.values())


def _team_values(
    story: Story, context: Context, person: Mention, team: Mention, near: int, markers: _Markers
) -> dict[str, float]:
    before = story.low[max(0, team.start - MARKER_WINDOW) : team.start]
    others = {t.entity_id for t in context.teams_by_sentence.get(near, ())} - {team.entity_id}
    return {
        "to_marker_before_team": float(bool(markers.to.search(before))),
        "from_marker_before_team": float(bool(markers.origin.search(before))),
        "team_in_title": float(team.entity_id in context.title_teams),
        "team_focus": float(team.entity_id == story.focus_team),
        "person_in_title": float(person.entity_id in context.title_people),
        "other_teams_in_sentence": min(2, len(others)) / 2,
    }


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
    """The shapes of a team's announcement and headline: a linear scorer cannot AND its
    inputs."""
    focus = values["team_focus"]
    values["focus_list"] = focus * values["person_in_list"]
    values["focus_arrival_sentence"] = focus * values["arrival_in_sentence"]
    values["focus_alone"] = focus * float(values["other_teams_in_sentence"] == 0)
    values["both_in_title"] = values["team_in_title"] * values["person_in_title"]


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
