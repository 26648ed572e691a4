"""The lexical pair scorer: logistic-regression weights over the named features of
`scorer_words`, applied after `decide` to the people the rules gave no move, in stories
that read as transfer news.

Measured by leaving one annotated set out at a time (feeds/evaluation/scorer_training.py
`--lexical`, docs/TRANSFERS.md): three right moves more over 23 development sets and none
on the unseen set 15, so ingestion does not use it. Its weights are a TOML file: the
feature set's name, the threshold, and one weight per feature name (a name the file
lacks weighs nothing).
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from feeds.models import Move
from feeds.nlp.transfers.pairs import Candidate, candidates
from feeds.nlp.transfers.scorer import WeightsError, pick_moves
from feeds.nlp.transfers.scorer_words import FEATURE_SET, PREFIXES, Token, pair_features
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.story_kind import departures, headline_move
from feeds.nlp.transfers.text import Span

CUE_FAMILIES = ("move", "newcomers")
"""A story with none of these cues (an arrival, a departure, a signing, newcomers, in
any language) and no transfer decision gets no scored move."""


@dataclass(frozen=True, slots=True)
class LexicalScorer:
    weights: dict[str, float]
    threshold: float
    rules: bool = False
    """Whether the 48 rule features are among the inputs (measured: they lower precision)."""

    def probability(self, features: dict[str, float]) -> float:
        get = self.weights.get
        z = sum(get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def transfer_story(story: Story, moves: Sequence[Move]) -> bool:
    """Transfer news: a move cue of any language, or the rules' transfer decision."""
    if any(story.hits.get(family) for family in CUE_FAMILIES):
        return True
    return bool(moves) or departures(story) or headline_move(story) or story.untagged_move


def scored_pairs(
    story: Story,
    spans: Sequence[Span],
    languages: tuple[str, ...] | None,
    moves: Sequence[Move],
    rules: bool = False,
) -> list[tuple[Candidate, dict[str, float]]]:
    """Each candidate pair of the people the rules gave no move, with its features."""
    if not transfer_story(story, moves):
        return []
    language = languages[0] if languages else None
    taken = {m.person_id for m in moves}
    sentences: dict[int, list[Token]] = {}  # each sentence's words, read once a story
    return [
        (c, pair_features(story, spans, c, language, rules, len(moves), sentences))
        for c in candidates(story, spans, languages, taken, describe=rules)
    ]


def lexical_moves(
    story: Story,
    spans: Sequence[Span],
    languages: tuple[str, ...] | None,
    moves: Sequence[Move],
    scorer: LexicalScorer,
) -> list[Move]:
    """The moves the scorer adds: each person's best team when it reaches the threshold."""
    scored = [
        (scorer.probability(features), candidate)
        for candidate, features in scored_pairs(story, spans, languages, moves, scorer.rules)
    ]
    return pick_moves(story, spans, moves, scored, scorer.threshold)


def load_lexical_scorer(path: Path) -> LexicalScorer:
    """The scorer a weights file describes; a file for another feature set, or with a
    feature name no feature of `scorer_words` can have, is refused."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise WeightsError(f"{path}: not a readable TOML file ({exc})") from None
    if data.get("features") != FEATURE_SET:
        raise WeightsError(
            f"{path}: written for features {data.get('features')!r}, not {FEATURE_SET!r}"
        )
    threshold, weights = data.get("threshold"), data.get("weights")
    if not isinstance(threshold, int | float) or isinstance(threshold, bool):
        raise WeightsError(f"{path}: threshold must be a number between 0 and 1")
    if not 0 < threshold < 1:
        raise WeightsError(f"{path}: threshold must be a number between 0 and 1")
    if not isinstance(weights, dict) or "bias:" not in weights:
        raise WeightsError(f"{path}: no [weights] table with a bias")
    for name, weight in weights.items():
        if name.split(":", 1)[0] not in PREFIXES or ":" not in name:
            raise WeightsError(f"{path}: {name!r} is no feature of {FEATURE_SET}")
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            raise WeightsError(f"{path}: the weight of {name!r} is not a number")
        if not math.isfinite(weight):
            raise WeightsError(f"{path}: the weight of {name!r} is not finite")
    rules = bool(data.get("rules", False))
    return LexicalScorer({k: float(v) for k, v in weights.items()}, float(threshold), rules)
