"""A learned pair scorer: logistic-regression weights over the evidence of `pairs`,
applied with a dot product after the clause rules, only for the people they gave no
move.

Measured by leaving one annotated set out at a time (feeds/evaluation/scorer_training.py,
docs/TRANSFERS.md), it does not beat the rules alone, so ingestion does not use it; it
is kept to be measured again as the annotated corpora grow. Its weights are a TOML file
written by `scorer_training --write` and read by `load_scorer`.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from feeds.models import Move
from feeds.nlp.transfers.pairs import FEATURES, Candidate, candidates
from feeds.nlp.transfers.status import says_unconfirmed, sentence_status
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Span


@dataclass(frozen=True, slots=True)
class Scorer:
    """One weight per feature of `pairs.FEATURES`, and the probability a move needs."""

    weights: tuple[float, ...]
    threshold: float

    def probability(self, candidate: Candidate) -> float:
        z = sum(w * x for w, x in zip(self.weights, candidate.vector(), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class WeightsError(ValueError):
    """A weights file that does not fit the features of `pairs`."""


def load_scorer(path: Path) -> Scorer:
    """The scorer a weights file describes: one weight per feature, by name (a file for
    other features is refused, not read by position), and its threshold."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise WeightsError(f"{path}: not a TOML file ({exc})") from None
    weights = data.get("weights")
    threshold = data.get("threshold")
    if not isinstance(weights, dict) or set(weights) != set(FEATURES):
        missing = sorted(set(FEATURES) - set(weights or ()))
        extra = sorted(set(weights or ()) - set(FEATURES))
        raise WeightsError(
            f"{path}: weights do not fit the features (missing {missing}, extra {extra})"
        )
    if not _number(threshold) or not 0 < threshold < 1:
        raise WeightsError(f"{path}: threshold must be a number between 0 and 1")
    values = [weights[name] for name in FEATURES]
    if not all(_number(w) and math.isfinite(w) for w in values):
        raise WeightsError(f"{path}: every weight must be a finite number")
    return Scorer(tuple(float(w) for w in values), float(threshold))


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def scored_moves(
    story: Story,
    spans: Sequence[Span],
    languages: tuple[str, ...] | None,
    moves: Sequence[Move],
    scorer: Scorer,
) -> list[Move]:
    """The moves the scorer adds for people the rules left without one: each person's
    best team when its probability reaches the threshold."""
    taken = {m.person_id for m in moves}
    scored = [(scorer.probability(c), c) for c in candidates(story, spans, languages, taken)]
    return pick_moves(story, spans, moves, scored, scorer.threshold)


def pick_moves(
    story: Story,
    spans: Sequence[Span],
    moves: Sequence[Move],
    scored: Sequence[tuple[float, Candidate]],
    threshold: float,
) -> list[Move]:
    """From pairs and their probabilities, each person's best team that reaches the
    threshold, as a move in the order the people are first named."""
    best: dict[str, tuple[float, Candidate]] = {}
    for p, candidate in scored:
        if p >= threshold and p > best.get(candidate.person_id, (0.0, None))[0]:
            best[candidate.person_id] = (p, candidate)
    if not best:
        return []
    default = _story_status(story, spans, moves)
    added = []
    for _, candidate in sorted(best.values(), key=lambda item: item[1].first):
        added.append(_move(story, candidate, _status(story, spans[candidate.sentence], default)))
    return added


def _story_status(story: Story, spans: Sequence[Span], moves: Sequence[Move]) -> str:
    if story.headline_status < 0 or any(says_unconfirmed(story, s) for s in spans):
        return "rumour"
    if moves:
        rumours = sum(m.status == "rumour" for m in moves)
        return "rumour" if rumours * 2 > len(moves) else "confirmed"
    return "confirmed"


def _status(story: Story, span: Span, default: str) -> str:
    said = sentence_status(story, span)
    if said:
        return "confirmed" if said > 0 else "rumour"
    return default


def _move(story: Story, candidate: Candidate, status: str) -> Move:
    roster = story.roster
    person = roster.people[candidate.person_id]
    team = roster.teams[candidate.team_id]
    own = person.team_on(story.published) if story.published else None
    origin = roster.teams.get(own) if own and own != candidate.team_id else None
    named = {t.entity_id for t in story.teams}
    from_team = origin if origin is not None and origin.id in named else None
    return Move(
        person_id=person.id,
        person=person.name,
        from_team_id=from_team.id if from_team else None,
        to_team_id=team.id,
        from_team=from_team.name_on(story.published) if from_team else None,
        to_team=team.name_on(story.published),
        status="rumour" if status == "rumour" else "confirmed",
    )
