"""Measure the learned transfer pair scorer (feeds/nlp/transfers/scorer.py) against the
clause rules alone, leaving one annotated set out at a time: train on the others, score
the one left out, at several thresholds; print a Markdown table per set and overall.

    python -m feeds.evaluation.scorer_training tests/corpus/dev.jsonl tests/corpus/holdout*.jsonl \
        tests/corpus/set5-*.jsonl tests/corpus/set6-*.jsonl tests/corpus/set7-sealed.jsonl

`--lexical` measures the scorer of the words around each pair (`scorer_lexical`,
fitted by `scorer_sparse`) instead of the 48 rule features' one.
`--explain T` lists the moves the scorer adds at threshold T, right (+) or wrong (-);
`--write FILE` fits on every set given and writes the weights file `scorer.load_scorer`
reads. Logistic regression with an L2 penalty, fitted by Newton's method in plain Python
(a few thousand pairs and a few dozen features): no dependency beyond the standard
library and tomli-w. Sealed sets (`SEALED_SETS`, and any set named "sealed" not listed in
`OPENED_SETS`) are refused: their first score must be blind.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from feeds.evaluation import (
    Counts,
    InputError,
    Report,
    TeamNames,
    fold_name,
    read_jsonl,
    score,
)
from feeds.evaluation import scorer_sparse as sparse
from feeds.evaluation.scorer_report import Fold, ranking, table
from feeds.nlp.transfers.decide import decide
from feeds.nlp.transfers.extract import read_story
from feeds.nlp.transfers.pairs import FEATURES, Candidate, candidates
from feeds.nlp.transfers.scorer import Scorer, scored_moves
from feeds.roster import Roster, load_roster
from feeds.tagger import Tagger

SEALED_SETS = frozenset({"set25-sealed", "set26-sealed"})
"""Annotated sets whose first score must be blind: never trained, tuned or measured on here."""
OPENED_SETS = frozenset(
    {
        "set5-enfr-sealed",
        "set5-ibit-sealed",
        "set5-nordgerm-sealed",
        "set6-a-sealed",
        "set6-b-sealed",
        "set7-sealed",
        "set8-sealed",
        "set9-sealed",
        "set10-sealed",
        "set11-sealed",
        "set12-sealed",
        "set13-sealed",
        "set14-sealed",
        "set15-sealed",
        "set16-sealed",
        "set17-sealed",
        "set18-sealed",
        "set19-sealed",
        "set20-sealed",
        "set21-sealed",
        "set22-sealed",
        "set23-sealed",
        "set24-sealed",
    }
)
"""Sets named "sealed" when written, scored blind once since, and development sets now."""

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
    refuse_sealed(path)
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


def refuse_sealed(path: str) -> None:
    """Stop on a sealed set under any name that holds its number ("set25-draft",
    "SET_25.audited", a copy under another folder: annotators' drafts carry such names),
    and on any set named "sealed" not known to be opened since: a new sealed set is
    refused before anyone remembers to list it."""
    name = Path(path).name.lower()
    stem = name.removesuffix(".jsonl")
    bare = "".join(c for c in name if c.isalnum())
    if any(s.split("-")[0] in bare for s in SEALED_SETS) or (
        "sealed" in stem and stem not in OPENED_SETS
    ):
        raise SystemExit(f"{path}: a sealed set is never trained or tuned on")


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


def cross_validate(
    sets: dict[str, list[Example]], roster: Roster, thresholds: Sequence[float] = THRESHOLDS
) -> list[Fold]:
    """Leave one set out: train on the others, score the one left out at each threshold."""
    folds = []
    for name, held in sets.items():
        rest = [ex for other, exs in sets.items() if other != name for ex in exs]
        weights = _train(rest, 0.5).weights
        positives = sum(sum(ex.labels) for ex in held)
        pairs = sum(len(ex.pairs) for ex in held)
        fold = Fold(name, positives, pairs, _moves(held, roster, None), {}, {})
        scorer = Scorer(weights, 0.5)
        fold.ranked = [
            (scorer.probability(p), y)
            for ex in held
            for p, y in zip(ex.pairs, ex.labels, strict=True)
        ]
        for threshold in thresholds:
            scorer = Scorer(weights, threshold)
            fold.scored[threshold] = _moves(held, roster, scorer)
            fold.added[threshold] = list(_added(held, roster, scorer))
        folds.append(fold)
    return folds


def _moves(examples: Sequence[Example], roster: Roster, scorer: Scorer | None) -> Counts:
    return evaluate(examples, roster, scorer).moves


def _added(examples: Sequence[Example], roster: Roster, scorer: Scorer) -> Iterator[str]:
    names = TeamNames(roster)
    for ex in examples:
        if ex.reading is None:
            continue
        r = ex.reading
        gold = {
            (fold_name(m.get("person")), names.key(m.get("to"))) for m in ex.record.get("moves", [])
        }
        for move in scored_moves(r.story, r.spans, r.languages, ex.rule_moves, scorer):
            right = any(
                p == fold_name(move.person) and isinstance(t, frozenset) and move.to_team_id in t
                for p, t in gold
            )
            yield f"{'+' if right else '-'} {ex.record['id']}: {move.person} -> {move.to_team}"


def write_weights(path: Path, weights: Sequence[float], threshold: float, note: str) -> None:
    """The scorer's data file: one weight per feature by name, and the threshold."""
    data = {
        "note": note,
        "threshold": threshold,
        "weights": {name: round(w, 6) for name, w in zip(FEATURES, weights, strict=True)},
    }
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", metavar="SET.jsonl")
    parser.add_argument(
        "--explain", type=float, metavar="THRESHOLD", help="list the moves the scorer adds"
    )
    parser.add_argument(
        "--write",
        type=Path,
        metavar="WEIGHTS.toml",
        help="fit on every set given and write the weights (no leave-one-out)",
    )
    parser.add_argument("--threshold", type=float, default=0.5, help="written with --write")
    parser.add_argument(
        "--lexical",
        action="store_true",
        help="the lexical scorer (scorer_words: the words around each pair, and the rule "
        "features) instead of the 48 rule features alone",
    )
    parser.add_argument("--penalty", type=float, default=sparse.PENALTY, help="with --lexical")
    parser.add_argument(
        "--rule-features",
        action="store_true",
        help="with --lexical: the 48 rule features too (measured: lower precision)",
    )
    args = parser.parse_args(argv)
    for path in args.sets:
        refuse_sealed(path)
    _check_args(parser, args)
    roster = load_roster(())
    tagger = Tagger(roster)
    try:
        sets = {Path(p).stem: read_examples(p, tagger, roster) for p in args.sets}
    except (OSError, InputError) as exc:
        print(f"scorer_training: {exc}", file=sys.stderr)
        return 2
    if args.lexical:
        return _lexical(sets, roster, args)
    if args.write:
        every = [ex for exs in sets.values() for ex in exs]
        scorer = _train(every, args.threshold)
        note = f"fitted by feeds.evaluation.scorer_training on {', '.join(sets)}"
        write_weights(args.write, scorer.weights, args.threshold, note)
        return 0
    thresholds = sorted({*THRESHOLDS, *([] if args.explain is None else [args.explain])})
    folds = cross_validate(sets, roster, thresholds)
    return _report(folds, args.explain)


def _lexical(sets: dict[str, list[Example]], roster: Roster, args: argparse.Namespace) -> int:
    rules = args.rule_features
    lexical = {name: sparse.lexical_examples(exs, rules) for name, exs in sets.items()}
    if args.write:
        every = [ex for exs in lexical.values() for ex in exs]
        weights = sparse.train(every, args.penalty)
        note = f"fitted by feeds.evaluation.scorer_training --lexical on {', '.join(sets)}"
        sparse.write_lexical_weights(args.write, weights, args.threshold, rules, note)
        return 0
    extra = [] if args.explain is None else [args.explain]
    thresholds = sorted({*sparse.THRESHOLDS, *extra})
    folds = sparse.cross_validate(lexical, roster, thresholds, args.penalty, rules)
    return _report(folds, args.explain)


def _report(folds: Sequence[Fold], explain: float | None) -> int:
    """The table, the ranking and, at `explain`, what the scorer added on each set."""
    print(table(folds))
    print()
    print(ranking(folds))
    if explain is not None:
        for fold in folds:
            for line in fold.added[explain]:
                print(f"{fold.name}: {line}")
    return 0


def _check_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse what would measure the wrong thing before any story is read."""
    stems = [Path(p).stem for p in args.sets]
    twice = sorted({stem for stem in stems if stems.count(stem) > 1})
    if twice:
        parser.error(f"each set is one fold, named by its file: {', '.join(twice)} given twice")
    for name, value in (("--threshold", args.threshold), ("--explain", args.explain)):
        if value is not None and not 0 < value < 1:
            parser.error(f"{name} must be between 0 and 1, got {value}")


if __name__ == "__main__":
    raise SystemExit(main())
