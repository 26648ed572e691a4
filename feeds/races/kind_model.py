"""The learned story-kind model: softmax weights over `kind_features`, applied by the race
tagger after the rules (feeds/races/tagging.py) when one is given to it.

Fitted by `python -m feeds.evaluation.kind_training` (`fit_softmax` in
feeds/evaluation/scorer_sparse.py)
and measured there by leaving one annotated set out (docs/ARCHITECTURE.md, "A learned
story-kind model"). Its weights are a TOML file: the feature set's name, whether the
rules' kind is among the inputs, the probability under which the rules' kind stands, the
kinds in order, how many features it weighs and the sha256 of its weights section, and
for each feature its weight for each kind, one string of numbers (a feature the file
lacks weighs nothing). A file for another feature set or other kinds, whose count or hash
does not match, or with a row that is not one number a kind, is refused whole.
"""

from __future__ import annotations

import hashlib
import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import repeat
from pathlib import Path
from typing import Any

from feeds.datafile import DataFileError
from feeds.models import STORY_KINDS, StoryKind
from feeds.races.kind import not_cycling
from feeds.races.kind_features import FEATURE_SET, KindInputs, kind_features

WEIGHTS_FILE = "kind_weights.toml"


class KindModelError(DataFileError):
    """A kind-model weights file that cannot be used."""


@dataclass(frozen=True, slots=True)
class KindModel:
    weights: Mapping[str, Sequence[float]]
    """Feature name -> its weight for each kind, in `STORY_KINDS` order."""
    rules: bool = False
    """Whether the rules' kind is one of the inputs."""
    fallback: float = 0.0
    """Below this probability for its best kind the model defers to the rules."""
    tables: tuple[Mapping[str, float], ...] = field(init=False, repr=False, compare=False)
    """The same weights as one table a kind, in `STORY_KINDS` order: a story's score for
    a kind is then a walk over its feature names done in C (`map`), ~8x faster."""

    def __post_init__(self) -> None:
        tables: list[dict[str, float]] = [{} for _ in STORY_KINDS]
        for name, row in self.weights.items():
            for table, w in zip(tables, row, strict=True):
                if w:
                    table[name] = w
        object.__setattr__(self, "tables", tuple(tables))

    @classmethod
    def by_kind(
        cls, tables: Mapping[str, Mapping[str, float]], rules: bool = False, fallback: float = 0.0
    ) -> KindModel:
        """A model from one weight table per kind (`scorer_sparse.fit_softmax`'s answer)."""
        names = sorted({name for table in tables.values() for name in table})
        weights = {n: tuple(tables.get(k, {}).get(n, 0.0) for k in STORY_KINDS) for n in names}
        return cls(weights, rules, fallback)

    def pruned(self, limit: float) -> KindModel:
        """The model less the features whose every weight is under `limit` in size."""
        kept = {n: row for n, row in self.weights.items() if max(map(abs, row)) >= limit}
        return KindModel(kept, self.rules, self.fallback)

    def probabilities(self, features: Mapping[str, float]) -> dict[StoryKind, float]:
        # each feature is 1.0 (kind_features): a kind's score is the sum of its weights
        names = list(features)
        scores = [sum(map(table.get, names, repeat(0.0))) for table in self.tables]
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {kind: e / total for kind, e in zip(STORY_KINDS, exps, strict=True)}

    def choose(self, inputs: KindInputs, rules_kind: StoryKind) -> StoryKind:
        """The model's kind, or the rules' where they decide (`rules_decide`) or the model
        is unsure (its best probability under `fallback`)."""
        if rules_decide(inputs):
            return rules_kind
        features = kind_features(inputs, rules_kind if self.rules else None)
        return self.answer(self.probabilities(features), rules_kind, self.fallback)

    @staticmethod
    def answer(
        probabilities: Mapping[StoryKind, float], rules_kind: StoryKind, fallback: float
    ) -> StoryKind:
        """The most probable kind, or the rules' when its probability is under `fallback`."""
        best = max(STORY_KINDS, key=lambda k: probabilities[k])
        return best if probabilities[best] >= fallback else rules_kind


def rules_decide(inputs: KindInputs) -> bool:
    """Where the rules' kind stands whatever the model says: a story the rules' gate holds
    is not cycling news (their `other`: a linear model cannot say "not cycling, so not a
    transfer", and football or motor-racing contracts read as transfers), and a story
    without a headline (the model learnt kinds from headlined articles: without one, the
    counts of a short text pull it to `other`)."""
    return not inputs.title_words or not_cycling(inputs.evidence)


WEIGHTS_HEADER = "[weights]\n"
"""The line the weights section starts on: `weights_digest` hashes what follows it."""


def weights_digest(section: str) -> str:
    """The sha256 of a weights file's text after its `[weights]` line, as written."""
    return hashlib.sha256(section.encode("utf-8")).hexdigest()


def load_kind_model(path: Path | Traversable) -> KindModel:
    """The model a weights file holds. The file states how many features it weighs and
    the sha256 of its weights section: a copy cut short at a line boundary is valid TOML
    and would load with half its features, so a file whose count or hash does not match
    is refused, as is a missing one (the tagger cannot start without its kind model)."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KindModelError(source, None, "the kind model's weights file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KindModelError(source, None, f"cannot read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KindModelError(source, None, f"not valid TOML: {exc}") from None
    model = parse_kind_model(data, source)
    _, header, section = text.partition("\n" + WEIGHTS_HEADER)
    digest = weights_digest(section) if header else None
    if data.get("sha256") != digest:
        raise KindModelError(
            source,
            None,
            f"sha256: the weights section hashes to {digest}, the header says "
            f"{data.get('sha256')!r} (a cut or edited copy: refit and write it again)",
        )
    return model


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
    if data.get("kinds") != list(STORY_KINDS):
        raise KindModelError(source, None, f"kinds: must be {list(STORY_KINDS)}")
    table = data.get("weights")
    if not isinstance(table, dict):
        raise KindModelError(source, None, "weights: must be a table of feature = weights")
    weights: dict[str, tuple[float, ...]] = {}
    for name, row in table.items():
        numbers = _numbers(row)
        if numbers is None:
            raise KindModelError(
                source, None, f"weights.{name}: must be {len(STORY_KINDS)} numbers, one a kind"
            )
        weights[name] = numbers
    if data.get("count") != len(table):
        said = data.get("count")
        raise KindModelError(source, None, f"count: the header says {said!r}, not {len(table)}")
    return KindModel(weights, rules, float(fallback))


def _numbers(row: Any) -> tuple[float, ...] | None:
    """A row's weights: a string of one finite number a kind, else None."""
    if not isinstance(row, str):
        return None
    try:
        numbers = tuple(float(w) for w in row.split())
    except ValueError:
        return None
    if len(numbers) != len(STORY_KINDS) or not all(math.isfinite(w) for w in numbers):
        return None
    return numbers


@cache
def bundled_kind_model() -> KindModel:
    """The weights shipped beside this module (`kind_weights.toml`), read once a process."""
    return load_kind_model(resources.files("feeds.races").joinpath(WEIGHTS_FILE))
