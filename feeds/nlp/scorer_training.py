"""Measure the learned transfer pair scorer (feeds/nlp/transfers/scorer.py) against the
clause rules alone, leaving one annotated set out at a time: train on the others, score
the one left out, for several thresholds.

    python -m feeds.nlp.scorer_training tests/corpus/dev.jsonl tests/corpus/holdout*.jsonl \
        tests/corpus/set5-*-dev.jsonl

Logistic regression with an L2 penalty, fitted by Newton's method in plain Python (a
few thousand pairs and two dozen features): no dependency beyond the standard library.
Sealed sets are refused: their first score must be blind.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from feeds.nlp.evaluate import Report, TeamNames, fold_name, read_jsonl, score
from feeds.nlp.tag import Tagger
from feeds.nlp.transfers.decide import decide
from feeds.nlp.transfers.extract import read_story
from feeds.nlp.transfers.pairs import FEATURES, Candidate, candidates
from feeds.nlp.transfers.scorer import Scorer, scored_moves
from feeds.roster import Roster, load_roster

PENALTY = 1.0
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)


@dataclass(slots=True)
class Example:
    """One annotated story, read once: its gold record, the rules' moves and its pairs."""

    record: dict[str, Any]
    reading: Any
    rule_moves: list
    pairs: list[Candidate]
    labels: list[int]


def read_examples(path: str, tagger: Tagger, roster: Roster) -> list[Example]:
    if "sealed" in Path(path).name or Path(path).name.startswith("set6"):
        raise SystemExit(f"{path}: a sealed set is never trained or tuned on")
    with open(path, encoding="utf-8") as fh:
        records = read_jsonl(fh, path, annotated=True)
    people = _person_ids(roster)
    names = TeamNames(roster)
    examples = []
    for record in records:
        published = record.get("_published")
        title, text = record["title"], record["text"]
        mentions = tagger.mentions(title, text, published, feed_is_cycling=False)
        reading = read_story(f"{title}\n\n{text}", mentions, roster, published, record.get("lang"))
        if reading is None:
            examples.append(Example(record, None, [], [], []))
            continue
        rules = decide(reading.story, reading.spans)
        taken = {m.person_id for m in rules}
        pairs = candidates(reading.story, reading.spans, reading.languages, taken)
        gold = _gold_pairs(record, people, names)
        labels = [int(any(p.person_id == g and p.team_id in ts for g, ts in gold)) for p in pairs]
        examples.append(Example(record, reading, rules, pairs, labels))
    return examples


def _person_ids(roster: Roster) -> dict[str, str]:
    ids: dict[str, str] = {}
    for person in roster.people.values():
        for name in (person.name, *person.aliases):
            ids.setdefault(fold_name(name), person.id)
    return ids


def _gold_pairs(
    record: dict[str, Any], people: dict[str, str], names: TeamNames
) -> list[tuple[str, frozenset[str]]]:
    out = []
    for move in record.get("moves", []):
        person = people.get(fold_name(move.get("person")))
        key = names.key(move.get("to"))
        if person and isinstance(key, frozenset):
            out.append((person, key))
    return out


def fit(
    rows: Sequence[list[float]], labels: Sequence[int], penalty: float = PENALTY
) -> list[float]:
    """L2-penalised logistic regression by Newton's method (the bias is not penalised)."""
    n = len(FEATURES)
    w = [0.0] * n
    for _ in range(25):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y in zip(rows, labels, strict=True):
            p = _sigmoid(sum(a * b for a, b in zip(w, x, strict=True)))
            g = p - y
            s = p * (1 - p)
            for i, xi in enumerate(x):
                if xi:
                    grad[i] += g * xi
                    row = hess[i]
                    for j, xj in enumerate(x):
                        if xj:
                            row[j] += s * xi * xj
        for i in range(1, n):
            grad[i] += penalty * w[i]
            hess[i][i] += penalty
        hess[0][0] += 1e-6
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is small and dense)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(m[r][r]) < 1e-12:
            continue
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def evaluate(examples: Sequence[Example], roster: Roster, scorer: Scorer | None) -> Report:
    """Moves scored as `domestique eval` scores them: the rules, plus the scorer if given."""
    predicted = {}
    for ex in examples:
        moves = list(ex.rule_moves)
        if scorer is not None and ex.reading is not None:
            r = ex.reading
            moves += scored_moves(r.story, r.spans, r.languages, ex.rule_moves, scorer)
        predicted[ex.record["id"]] = {
            "moves": [{"person": m.person, "to": m.to_team, "status": m.status} for m in moves]
        }
    return score([ex.record for ex in examples], predicted, roster)


def _train(examples: Sequence[Example], threshold: float) -> Scorer:
    rows = [p.vector() for ex in examples for p in ex.pairs]
    labels = [y for ex in examples for y in ex.labels]
    return Scorer(tuple(fit(rows, labels)), threshold)


def _line(name: str, report: Report) -> str:
    m = report.moves
    return f"{name:<28} P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f} (tp {m.tp} fp {m.fp})"


def cross_validate(sets: dict[str, list[Example]], roster: Roster) -> None:
    """Leave one set out: train on the others, score the one left out."""
    for threshold in THRESHOLDS:
        total_rules = Report()
        total = Report()
        print(f"-- threshold {threshold}")
        for name, held in sets.items():
            rest = [ex for other, exs in sets.items() if other != name for ex in exs]
            scorer = _train(rest, threshold)
            rules, both = evaluate(held, roster, None), evaluate(held, roster, scorer)
            print(_line(f"{name} rules", rules))
            print(_line(f"{name} rules+scorer", both))
            for acc, rep in ((total_rules, rules), (total, both)):
                acc.moves.tp += rep.moves.tp
                acc.moves.fp += rep.moves.fp
                acc.moves.fn += rep.moves.fn
        print(_line("ALL rules", total_rules))
        print(_line("ALL rules+scorer", total))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", metavar="SET.jsonl")
    args = parser.parse_args(argv)
    roster = load_roster(())
    tagger = Tagger(roster)
    sets = {Path(p).stem: read_examples(p, tagger, roster) for p in args.sets}
    cross_validate(sets, roster)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
