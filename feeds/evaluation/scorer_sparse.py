"""The lexical pair scorer's fitting and measurement (`scorer_training --lexical`):
logistic regression over named sparse features, leave one set out; the same fit over
several classes for the story-kind model (`kind_training`).

The fit is L2-penalised logistic regression by AdaGrad over shuffled pairs in plain
Python (tens of thousands of features, ~10k pairs: Newton's method would need a dense
Hessian). The penalty is spread over each feature's occurrences, so one pass over the
pairs applies it once per feature, as the full objective has it. The vocabulary is the
training folds' own: a feature seen fewer than `MIN_COUNT` times there gets no weight.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from feeds.evaluation import Counts, TeamNames, fold_name, score
from feeds.evaluation.scorer_report import Fold
from feeds.models import Move
from feeds.nlp.transfers.pairs import Candidate
from feeds.nlp.transfers.scorer import pick_moves
from feeds.nlp.transfers.scorer_lexical import LexicalScorer, scored_pairs
from feeds.nlp.transfers.scorer_words import FEATURE_SET
from feeds.roster import Roster

PENALTY = 3.0
EPOCHS = 12
RATE = 0.1
MIN_COUNT = 2
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
DUPLICATE = 0.5
"""Two stories sharing this share of their distinct words are one article told twice."""
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class LexicalExample:
    """One annotated story: its gold record, the rules' moves, its pairs and labels."""

    record: dict[str, Any]
    reading: Any
    rule_moves: list[Move]
    pairs: list[tuple[Candidate, dict[str, float]]]
    labels: list[int]


def lexical_examples(examples: Sequence[Any], rules: bool = False) -> list[LexicalExample]:
    """The lexical features of examples read by `scorer_training.read_examples`."""
    out = []
    for ex in examples:
        pairs: list[tuple[Candidate, dict[str, float]]] = []
        labels: list[int] = []
        if ex.reading is not None:
            r = ex.reading
            pairs = scored_pairs(r.story, r.spans, r.languages, ex.rule_moves, rules)
            label = {(c.person_id, c.team_id): y for c, y in zip(ex.pairs, ex.labels, strict=True)}
            labels = [label[c.person_id, c.team_id] for c, _ in pairs]
        out.append(LexicalExample(ex.record, ex.reading, ex.rule_moves, pairs, labels))
    return out


def fit_sparse(
    rows: Sequence[dict[str, float]],
    labels: Sequence[int],
    penalty: float = PENALTY,
    epochs: int = EPOCHS,
    seed: int = 0,
) -> dict[str, float]:
    """Weights by feature name (the bias is "bias:", not penalised)."""
    index: dict[str, int] = {}
    numbered = [[(index.setdefault(n, len(index)), v) for n, v in row.items()] for row in rows]
    weights = _fit(numbered, labels, 1, len(index), index.get("bias:", -1), penalty, epochs, seed)
    return _named(index, weights[0])


def fit_softmax(
    rows: Sequence[dict[str, float]],
    labels: Sequence[str],
    classes: Sequence[str],
    penalty: float = PENALTY,
    epochs: int = EPOCHS,
    seed: int = 0,
) -> dict[str, dict[str, float]]:
    """The same fit over several classes (multinomial logistic regression, each class its
    own weights, softmax over them): weights by class, then by feature name."""
    index: dict[str, int] = {}
    numbered = [[(index.setdefault(n, len(index)), v) for n, v in row.items()] for row in rows]
    position = {c: k for k, c in enumerate(classes)}
    targets = [position[y] for y in labels]
    bias = index.get("bias:", -1)
    weights = _fit(numbered, targets, len(classes), len(index), bias, penalty, epochs, seed)
    return {c: _named(index, weights[k]) for k, c in enumerate(classes)}


def _named(index: dict[str, int], weights: list[float]) -> dict[str, float]:
    return {n: weights[i] for n, i in index.items() if abs(weights[i]) >= 1e-4 or n == "bias:"}


def _fit(
    rows: Sequence[list[tuple[int, float]]],
    labels: Sequence[int],
    outputs: int,
    size: int,
    bias: int,
    penalty: float,
    epochs: int,
    seed: int,
) -> list[list[float]]:
    """One output: logistic regression, `labels` 0 or 1. Several: softmax, `labels` the
    class's position. Each output's weights are updated by the same AdaGrad step."""
    counts = [0] * size
    for row in rows:
        for i, _ in row:
            counts[i] += 1
    # each occurrence carries its share of the penalty; the bias carries none
    shares = [penalty / c if c >= MIN_COUNT else 0.0 for c in counts]
    if 0 <= bias < size:
        shares[bias] = 0.0
    kept = [[(i, v) for i, v in row if counts[i] >= MIN_COUNT] for row in rows]
    weights = [[0.0] * size for _ in range(outputs)]
    squares = [[1e-9] * size for _ in range(outputs)]
    order = list(range(len(kept)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            row = kept[k]
            for out, error in enumerate(_errors(weights, row, labels[k])):
                w, sq = weights[out], squares[out]
                for i, v in row:
                    grad = error * v + shares[i] * w[i]
                    sq[i] += grad * grad
                    w[i] -= RATE * grad / math.sqrt(sq[i])
    return weights


def _errors(weights: list[list[float]], row: list[tuple[int, float]], label: int) -> list[float]:
    """Each output's probability less its target."""
    if len(weights) == 1:
        w = weights[0]
        return [_sigmoid(sum(w[i] * v for i, v in row)) - label]
    scores = [sum(w[i] * v for i, v in row) for w in weights]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total - (out == label) for out, e in enumerate(exps)]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(examples: Sequence[LexicalExample], penalty: float = PENALTY) -> dict[str, float]:
    rows = [features for ex in examples for _, features in ex.pairs]
    labels = [y for ex in examples for y in ex.labels]
    return fit_sparse(rows, labels, penalty)


def cross_validate(
    sets: dict[str, list[LexicalExample]],
    roster: Roster,
    thresholds: Sequence[float] = THRESHOLDS,
    penalty: float = PENALTY,
    rules: bool = False,
) -> list[Fold]:
    """Leave one set out: train on the others, score the one left out at each threshold
    (`rules`: the examples carry the 48 rule features too)."""
    folds = []
    twins = near_duplicates(sets)
    for name, held in sets.items():
        # a story told again in another set (the same article paraphrased) is not training
        # data for it: it would be the answer
        told = {twin for ex in held for twin in twins.get(id(ex), ())}
        rest = [
            ex for other, exs in sets.items() if other != name for ex in exs if id(ex) not in told
        ]
        scorer = LexicalScorer(train(rest, penalty), 0.5, rules)
        probabilities = [[scorer.probability(f) for _, f in ex.pairs] for ex in held]
        fold = Fold(
            name,
            sum(sum(ex.labels) for ex in held),
            sum(len(ex.pairs) for ex in held),
            _counts(held, roster, probabilities, None),
            {},
            {},
        )
        fold.ranked = [
            (p, y)
            for ex, ps in zip(held, probabilities, strict=True)
            for p, y in zip(ps, ex.labels, strict=True)
        ]
        for threshold in thresholds:
            fold.scored[threshold] = _counts(held, roster, probabilities, threshold)
            fold.added[threshold] = list(_added(held, roster, probabilities, threshold))
        folds.append(fold)
    return folds


def near_duplicates(sets: dict[str, list[LexicalExample]]) -> dict[int, set[int]]:
    """Stories of different sets that share most of their words (by `id`): the same
    article paraphrased for two sets."""
    words = [
        (name, ex, frozenset(_WORD.findall(f"{ex.record['title']} {ex.record['text']}".lower())))
        for name, exs in sets.items()
        for ex in exs
    ]
    twins: dict[int, set[int]] = {}
    for i, (name, ex, mine) in enumerate(words):
        for other, twin, theirs in words[i + 1 :]:
            if other != name and len(mine & theirs) >= DUPLICATE * len(mine | theirs):
                twins.setdefault(id(ex), set()).add(id(twin))
                twins.setdefault(id(twin), set()).add(id(ex))
    return twins


def _moves(ex: LexicalExample, probabilities: Sequence[float], threshold: float) -> list[Move]:
    r = ex.reading
    scored = [(p, c) for p, (c, _) in zip(probabilities, ex.pairs, strict=True)]
    return pick_moves(r.story, r.spans, ex.rule_moves, scored, threshold)


def _counts(
    examples: Sequence[LexicalExample],
    roster: Roster,
    probabilities: Sequence[Sequence[float]],
    threshold: float | None,
) -> Counts:
    predicted = {}
    for ex, ps in zip(examples, probabilities, strict=True):
        moves = list(ex.rule_moves)
        if threshold is not None and ex.pairs:
            moves += _moves(ex, ps, threshold)
        predicted[ex.record["id"]] = {
            "moves": [{"person": m.person, "to": m.to_team, "status": m.status} for m in moves]
        }
    return score([ex.record for ex in examples], predicted, roster).moves


def _added(
    examples: Sequence[LexicalExample],
    roster: Roster,
    probabilities: Sequence[Sequence[float]],
    threshold: float,
) -> list[str]:
    names = TeamNames(roster)
    out = []
    for ex, ps in zip(examples, probabilities, strict=True):
        if not ex.pairs:
            continue
        gold = {
            (fold_name(m.get("person")), names.key(m.get("to"))) for m in ex.record.get("moves", [])
        }
        for move in _moves(ex, ps, threshold):
            right = any(
                p == fold_name(move.person) and isinstance(t, frozenset) and move.to_team_id in t
                for p, t in gold
            )
            out.append(
                f"{'+' if right else '-'} {ex.record['id']}: {move.person} -> {move.to_team}"
            )
    return out


def write_lexical_weights(
    path: Path, weights: dict[str, float], threshold: float, rules: bool, note: str
) -> None:
    """The lexical scorer's data file (`scorer_lexical.load_lexical_scorer` reads it)."""
    data = {
        "note": note,
        "features": FEATURE_SET,
        "rules": rules,
        "threshold": threshold,
        "weights": {name: round(w, 5) for name, w in sorted(weights.items())},
    }
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
