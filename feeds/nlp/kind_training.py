"""Measure a learned story-kind model (feeds/races/kind_model.py) against the kind rules
(feeds/races/kind.py), leaving one annotated set out at a time: train on the others,
score the one left out; print per-set, per-language and total accuracy and the confusion.

    python -m feeds.nlp.kind_training tests/corpus/dev.jsonl tests/corpus/holdout*.jsonl ...

Three readings of each left-out set: (a) the rules alone; (b) the model without the
rules' kind among its features, the fair estimate for unseen news, since the rules were
tuned on every development set; (c) the model with it, optimistic for the same reason.
Each model is also read with the rules' kind standing when the model's best probability
is under each of `FALLBACKS`. In training, a story of another set sharing half its
distinct words with a left-out story is skipped (`scorer_sparse.near_duplicates`: one
article told twice would be the answer). `--write FILE` fits on every set given and
writes the weights `kind_model.load_kind_model` reads. Sealed sets are refused
(`scorer_training.refuse_sealed`): their first score must be blind.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from feeds.models import STORY_KINDS, StoryKind
from feeds.nlp.evaluate import read_jsonl
from feeds.nlp.scorer_sparse import EPOCHS, PENALTY, fit_softmax, near_duplicates
from feeds.nlp.scorer_training import refuse_sealed
from feeds.nlp.tag import Tagger
from feeds.races.kind_features import FEATURE_SET, KindInputs, kind_features
from feeds.races.kind_model import KindModel
from feeds.roster import load_roster

FALLBACKS = (0.0, 0.4, 0.5, 0.6, 0.7)
SEED = 0


@dataclass(slots=True)
class KindExample:
    """One annotated story with a gold kind: what the tagger read, and the rules' kind."""

    record: dict[str, Any]
    inputs: KindInputs
    rules_kind: StoryKind

    @property
    def gold(self) -> str:
        return str(self.record["kind"])

    @property
    def language(self) -> str:
        return str(self.record.get("lang") or "?")


def read_kind_examples(path: str, tagger: Tagger) -> list[KindExample]:
    """The stories of `path` with a gold kind, tagged as `domestique eval` tags them
    (`--feed-is-cycling no`, the record's declared language). The gold is not read
    here beyond choosing the stories that have one."""
    refuse_sealed(path)
    with open(path, encoding="utf-8-sig") as fh:
        records = read_jsonl(fh, path, annotated=True)
    out = []
    for record in records:
        if record.get("kind") is None:
            continue
        language = record.get("lang") if isinstance(record.get("lang"), str) else None
        found = tagger.race_tags(
            record["title"], record["text"], record.get("_published"), False, language
        )
        assert found.kind_inputs is not None and found.rules_kind is not None
        out.append(KindExample(record, found.kind_inputs, found.rules_kind))
    return out


def train(
    examples: Sequence[KindExample],
    rules: bool,
    penalty: float = PENALTY,
    epochs: int = EPOCHS,
    seed: int = SEED,
    fallback: float = 0.0,
) -> KindModel:
    rows = [kind_features(ex.inputs, ex.rules_kind if rules else None) for ex in examples]
    weights = fit_softmax(rows, [ex.gold for ex in examples], STORY_KINDS, penalty, epochs, seed)
    return KindModel(weights, rules, fallback)


@dataclass(slots=True)
class Reading:
    """One configuration's answers over the left-out sets: (set, example, answer)."""

    name: str
    answers: list[tuple[str, KindExample, str]] = field(default_factory=list)

    def right(self, where: str | None = None, language: str | None = None) -> tuple[int, int]:
        picked = [
            (ex, a)
            for s, ex, a in self.answers
            if (where is None or s == where) and (language is None or ex.language == language)
        ]
        return sum(ex.gold == a for ex, a in picked), len(picked)

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter((ex.gold, a) for _, ex, a in self.answers)


def cross_validate(
    sets: dict[str, list[KindExample]],
    penalty: float = PENALTY,
    epochs: int = EPOCHS,
    fallbacks: Sequence[float] = FALLBACKS,
) -> list[Reading]:
    """Leave one set out: the rules, and each model at each fallback."""
    rules = Reading("(a) rules")
    models = {
        (flag, t): Reading(f"({'c' if flag else 'b'}) model{' + rules' if flag else ''} @{t}")
        for flag in (False, True)
        for t in fallbacks
    }
    twins = near_duplicates(sets)  # type: ignore[arg-type]
    for name, held in sets.items():
        told = {twin for ex in held for twin in twins.get(id(ex), ())}
        rest = [ex for other, exs in sets.items() if other != name for ex in exs]
        rest = [ex for ex in rest if id(ex) not in told]
        for ex in held:
            rules.answers.append((name, ex, ex.rules_kind))
        for flag in (False, True):
            model = train(rest, flag, penalty, epochs)
            for ex in held:
                features = kind_features(ex.inputs, ex.rules_kind if flag else None)
                probabilities = model.probabilities(features)
                best = max(STORY_KINDS, key=lambda k: probabilities[k])
                for t in fallbacks:
                    answer = best if probabilities[best] >= t else ex.rules_kind
                    models[flag, t].answers.append((name, ex, answer))
        print(f"  {name}: done", file=sys.stderr, flush=True)
    return [rules, *models.values()]


def report(sets: dict[str, list[KindExample]], readings: Sequence[Reading]) -> str:
    lines = ["| set | stories | " + " | ".join(r.name for r in readings) + " |"]
    lines.append("|---|---:|" + "---:|" * len(readings))
    for name, held in sets.items():
        cells = [_cell(*r.right(name)) for r in readings]
        lines.append(f"| {name} | {len(held)} | " + " | ".join(cells) + " |")
    cells = [_cell(*r.right()) for r in readings]
    total = sum(len(h) for h in sets.values())
    lines.append(f"| **total** | {total} | " + " | ".join(cells) + " |")
    languages = sorted({ex.language for held in sets.values() for ex in held})
    lines += ["", "| language | stories | " + " | ".join(r.name for r in readings) + " |"]
    lines.append("|---|---:|" + "---:|" * len(readings))
    for lang in languages:
        n = readings[0].right(language=lang)[1]
        cells = [_cell(*r.right(language=lang)) for r in readings]
        lines.append(f"| {lang} | {n} | " + " | ".join(cells) + " |")
    for r in readings:
        lines += ["", f"Confusion, {r.name} (rows gold, columns answer):", "", _matrix(r)]
    return "\n".join(lines)


def _cell(right: int, total: int) -> str:
    return f"{right}/{total} {right / total:.3f}" if total else "-"


def _matrix(reading: Reading) -> str:
    counts = reading.confusion()
    rows = ["| gold \\ answer | " + " | ".join(STORY_KINDS) + " |"]
    rows.append("|---|" + "---:|" * len(STORY_KINDS))
    for gold in STORY_KINDS:
        cells = [str(counts[gold, a]) if counts[gold, a] else "." for a in STORY_KINDS]
        rows.append(f"| {gold} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def write_kind_weights(path: Path, model: KindModel, note: str) -> None:
    """The kind model's data file (`kind_model.load_kind_model` reads it)."""
    data = {
        "note": note,
        "features": FEATURE_SET,
        "rules": model.rules,
        "fallback": model.fallback,
        "weights": {
            kind: {name: round(w, 5) for name, w in sorted(model.weights[kind].items())}
            for kind in STORY_KINDS
        },
    }
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", metavar="SET.jsonl")
    parser.add_argument("--penalty", type=float, default=PENALTY)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument(
        "--write",
        type=Path,
        metavar="WEIGHTS.toml",
        help="fit on every set given and write the weights (no leave-one-out)",
    )
    parser.add_argument("--rules", action="store_true", help="with --write: the rules' kind too")
    parser.add_argument("--fallback", type=float, default=0.0, help="written with --write")
    args = parser.parse_args(argv)
    for path in args.sets:
        refuse_sealed(path)
    tagger = Tagger(load_roster(()))
    sets = {Path(p).name.removesuffix(".jsonl"): read_kind_examples(p, tagger) for p in args.sets}
    if args.write:
        examples = [ex for held in sets.values() for ex in held]
        model = train(examples, args.rules, args.penalty, args.epochs, SEED, args.fallback)
        note = (
            f"python -m feeds.nlp.kind_training --write ({len(sets)} sets, "
            f"{len(examples)} stories, penalty {args.penalty}, epochs {args.epochs}, seed {SEED})"
        )
        write_kind_weights(args.write, model, note)
        return 0
    print(report(sets, cross_validate(sets, args.penalty, args.epochs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
