"""The learned story-kind model: softmax weights over `kind_features`, applied by the race
tagger after the rules (feeds/races/tagging.py) when one is given to it.

Fitted by `python -m feeds.nlp.kind_training` (feeds/nlp/scorer_sparse.py `fit_softmax`)
and measured there by leaving one annotated set out (docs/ARCHITECTURE.md, "A learned
story-kind model"). Its weights are a TOML file: the feature set's name, whether the
rules' kind is among the inputs, the probability under which the rules' kind stands, and
one weight table per kind (a feature a kind's table lacks weighs nothing there). A file
for another feature set, naming an unknown kind, missing one, or with a weight that is
not a number is refused whole.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from feeds.datafile import DataFileError
from feeds.models import STORY_KINDS, StoryKind
from feeds.races.kind_features import FEATURE_SET, KindInputs, kind_features


class KindModelError(DataFileError):
    """A kind-model weights file that cannot be used."""


@dataclass(frozen=True, slots=True)
class KindModel:
    weights: Mapping[str, Mapping[str, float]]
    """Kind -> feature name -> weight."""
    rules: bool = False
    """Whether the rules' kind is one of the inputs."""
    fallback: float = 0.0
    """Below this probability for its best kind the model defers to the rules."""

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        scores = {
            kind: sum(table.get(name, 0.0) * value for name, value in features.items())
            for kind, table in self.weights.items()
        }
        top = max(scores.values())
        exps = {kind: math.exp(score - top) for kind, score in scores.items()}
        total = sum(exps.values())
        return {kind: e / total for kind, e in exps.items()}

    def choose(self, inputs: KindInputs, rules_kind: StoryKind) -> StoryKind:
        """The model's kind, or the rules' when it is unsure."""
        features = kind_features(inputs, rules_kind if self.rules else None)
        probabilities = self.probabilities(features)
        best = max(STORY_KINDS, key=lambda k: probabilities.get(k, 0.0))
        return best if probabilities[best] >= self.fallback else rules_kind


def load_kind_model(path: Path) -> KindModel:
    source = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise KindModelError(source, None, f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise KindModelError(source, None, f"not valid TOML: {exc}") from None
    return parse_kind_model(data, source)


def parse_kind_model(data: Mapping[str, Any], source: str) -> KindModel:
    if data.get("features") != FEATURE_SET:
        raise KindModelError(
            source,
            None,
            f"written for feature set {data.get('features')!r}, this code reads {FEATURE_SET!r}",
        )
    rules = data.get("rules", False)
    fallback = data.get("fallback", 0.0)
    if not isinstance(rules, bool):
        raise KindModelError(source, None, "rules: must be true or false")
    if isinstance(fallback, bool) or not isinstance(fallback, int | float) or not 0 <= fallback < 1:
        raise KindModelError(source, None, "fallback: must be a number from 0 to below 1")
    tables = data.get("weights")
    if not isinstance(tables, dict) or set(tables) != set(STORY_KINDS):
        kinds = ", ".join(STORY_KINDS)
        raise KindModelError(source, None, f"weights: one table per kind ({kinds})")
    weights: dict[str, dict[str, float]] = {}
    for kind, table in tables.items():
        if not isinstance(table, dict):
            raise KindModelError(source, None, f"weights.{kind}: must be a table")
        for name, w in table.items():
            if isinstance(w, bool) or not isinstance(w, int | float) or not math.isfinite(w):
                raise KindModelError(source, None, f"weights.{kind}.{name}: must be a number")
        weights[kind] = {name: float(w) for name, w in table.items()}
    return KindModel(weights, rules, float(fallback))
