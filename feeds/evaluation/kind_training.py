"""Measure a learned story-kind model (feeds/races/kind_model.py) against the kind rules
(feeds/races/kind.py), leaving one annotated set out at a time: train on the others,
score the one left out; print per-set, per-language and total accuracy and the confusion.

    python -m feeds.evaluation.kind_training tests/corpus/dev.jsonl tests/corpus/holdout*.jsonl ...

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
import copy
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from feeds.evaluation import read_jsonl, score
from feeds.evaluation.scorer_sparse import EPOCHS, PENALTY, fit_softmax, near_duplicates
from feeds.evaluation.scorer_training import refuse_sealed
from feeds.models import STORY_KINDS, StoryKind
from feeds.races.kind_features import FEATURE_SET, KindInputs, kind_features
from feeds.races.kind_model import WEIGHTS_HEADER, KindModel, rules_decide, weights_digest
from feeds.roster import load_roster
from feeds.tagger import Tagger

FALLBACKS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)
PRUNES = (0.01, 0.02, 0.03, 0.05)
"""Weight sizes under which a feature is dropped, each read left out (fallback 0)."""
SEED = 0
FALLBACK = 0.6
"""The shipped model's fallback (`--write`'s default): chosen on the left-out figures of
each of `FALLBACKS` (docs/ARCHITECTURE.md)."""
PRUNE = 0.02
"""The weight size under which `--write` drops a feature: chosen on the left-out figures
of each of `PRUNES`."""
DIGITS = 4
"""Decimal places a written weight keeps."""


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


def features(ex: KindExample, rules: bool, drop: Sequence[str] = ()) -> dict[str, float]:
    """The example's features, less those whose names start with any of `drop` (an
    ablation: `--drop hc:,lc:,tc:` measures the model without the kind lexicons)."""
    out = kind_features(ex.inputs, ex.rules_kind if rules else None)
    if drop:
        out = {n: v for n, v in out.items() if not n.startswith(tuple(drop))}
    return out


def train(
    examples: Sequence[KindExample],
    rules: bool,
    penalty: float = PENALTY,
    epochs: int = EPOCHS,
    seed: int = SEED,
    fallback: float = 0.0,
    drop: Sequence[str] = (),
) -> KindModel:
    rows = [features(ex, rules, drop) for ex in examples]
    tables = fit_softmax(rows, [ex.gold for ex in examples], STORY_KINDS, penalty, epochs, seed)
    return KindModel.by_kind(tables, rules, fallback)


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

    def macro_f1(self) -> float:
        """The mean F1 over the kinds gold or answers name (as `domestique eval` has it)."""
        counts = self.confusion()
        f1s = []
        for kind in STORY_KINDS:
            tp = counts[kind, kind]
            gold = sum(n for (g, _), n in counts.items() if g == kind)
            said = sum(n for (_, a), n in counts.items() if a == kind)
            if gold or said:
                f1s.append(2 * tp / (gold + said))
        return sum(f1s) / len(f1s) if f1s else 0.0


def with_model(tagger: Tagger, model: KindModel | None) -> Tagger:
    """The same tagger, its race tagger given `model` (None: the rules' kind)."""
    races = copy.copy(tagger.races)
    races.kind_model = model
    out = copy.copy(tagger)
    out.races = races
    return out


def focus_right(tagger: Tagger, examples: Sequence[KindExample]) -> tuple[int, int]:
    """The race focus `domestique eval` scores right on the examples, and out of how many:
    the focus is chosen knowing the kind (feeds/races/focus.py)."""
    records = [ex.record for ex in examples]
    predicted = {r["id"]: _focus(tagger, r) for r in records}
    focus = score(records, predicted, tagger.roster).race_scores.focus
    return focus.right, focus.total


def _focus(tagger: Tagger, record: dict[str, Any]) -> dict[str, Any]:
    """The `race_focus` field `domestique tag` writes (bot/cli/tagging.py `race_fields`)."""
    language = record.get("lang") if isinstance(record.get("lang"), str) else None
    found = tagger.race_tags(
        record["title"], record["text"], record.get("_published"), False, language
    ).race_focus
    if found is None:
        return {"race_focus": None}
    name = tagger.races.calendar.races[found.race_id].name
    return {"race_focus": {"race": name, "year": found.year, "stage": found.stage}}


def cross_validate(
    sets: dict[str, list[KindExample]],
    penalty: float = PENALTY,
    epochs: int = EPOCHS,
    fallbacks: Sequence[float] = FALLBACKS,
    configurations: Sequence[bool] = (False, True),
    drop: Sequence[str] = (),
    focus: dict[str, list[tuple[int, int]]] | None = None,
    tagger: Tagger | None = None,
    forward: int = 0,
    gate: bool = True,
    prune: float = 0.0,
) -> list[Reading]:
    """Leave one set out: the rules, and each model (without the rules' kind, with it)
    at each fallback. Given `focus` and `tagger`, also the race focus each set gets from
    the rules' kind and from the first configuration's model (fallback 0), by set.
    `forward` > 0: only the sets from that position on are left out, each model trained
    on the sets before it alone (as a blind set was first read: the past only).
    `gate`: the rules' kind stands where `kind_model.rules_decide` says, as it ships.
    `prune`: each model less its features weighing under it, as `--write` ships it."""
    rules = Reading("(a) rules")
    models = {
        (flag, t): Reading(f"({'c' if flag else 'b'}) model{' + rules' if flag else ''} @{t}")
        for flag in configurations
        for t in fallbacks
    }
    ungated = Reading("(b) model, no gate @0.0")
    pruned = {limit: Reading(f"(b) pruned |w|<{limit} @0.0") for limit in PRUNES}
    twins = near_duplicates(sets)  # type: ignore[arg-type]
    names = list(sets)
    for position, (name, held) in enumerate(sets.items()):
        if forward and position < forward:
            continue
        told = {twin for ex in held for twin in twins.get(id(ex), ())}
        before = set(names[:position]) if forward else set(names) - {name}
        rest = [ex for other, exs in sets.items() if other in before for ex in exs]
        rest = [ex for ex in rest if id(ex) not in told]
        for ex in held:
            rules.answers.append((name, ex, ex.rules_kind))
        for flag in configurations:
            model = train(rest, flag, penalty, epochs, drop=drop)
            model = model.pruned(prune) if prune else model
            if focus is not None and tagger is not None and flag == configurations[0]:
                focus[name] = [
                    focus_right(with_model(tagger, None), held),
                    focus_right(with_model(tagger, model), held),
                ]
            for ex in held:
                probabilities = model.probabilities(features(ex, flag, drop))
                gated = gate and rules_decide(ex.inputs)
                for t in fallbacks:
                    answer = (
                        ex.rules_kind
                        if gated
                        else KindModel.answer(probabilities, ex.rules_kind, t)
                    )
                    models[flag, t].answers.append((name, ex, answer))
                if flag == configurations[0]:
                    ungated.answers.append((name, ex, KindModel.answer(probabilities, "other", 0)))
            if flag == configurations[0]:
                for limit, reading in pruned.items():
                    small = model.pruned(limit)
                    for ex in held:
                        answer = (
                            ex.rules_kind
                            if gate and rules_decide(ex.inputs)
                            else KindModel.answer(
                                small.probabilities(features(ex, flag, drop)), ex.rules_kind, 0
                            )
                        )
                        reading.answers.append((name, ex, answer))
        print(f"  {name}: done", file=sys.stderr, flush=True)
    return [rules, *models.values(), ungated, *pruned.values()]


def report(sets: dict[str, list[KindExample]], readings: Sequence[Reading]) -> str:
    lines = ["| set | stories | " + " | ".join(r.name for r in readings) + " |"]
    lines.append("|---|---:|" + "---:|" * len(readings))
    for name, held in sets.items():
        cells = [_cell(*r.right(name)) for r in readings]
        lines.append(f"| {name} | {len(held)} | " + " | ".join(cells) + " |")
    cells = [_cell(*r.right()) for r in readings]
    total = sum(len(h) for h in sets.values())
    lines.append(f"| **total** | {total} | " + " | ".join(cells) + " |")
    cells = [f"{r.macro_f1():.3f}" for r in readings]
    lines.append("| macro-F1 | | " + " | ".join(cells) + " |")
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


def write_kind_weights(path: Path, model: KindModel, note: str, prune: float = 0.0) -> None:
    """The kind model's data file (`kind_model.load_kind_model` reads it): one line a
    feature, its weights for each kind in `kinds` order as one string of numbers rounded
    to `DIGITS` places (a string reads three times faster than a TOML array of floats)."""
    rows = []
    for name, row in sorted(model.weights.items()):
        rounded = [round(w, DIGITS) + 0.0 for w in row]  # + 0.0: no "-0.0"
        if any(rounded):
            rows.append(tomli_w.dumps({name: " ".join(repr(w) for w in rounded)}))
    section = "".join(rows)
    head = {
        "note": note,
        "features": FEATURE_SET,
        "rules": model.rules,
        "fallback": model.fallback,
        "prune": prune,
        "kinds": list(STORY_KINDS),
        "count": len(rows),
        "sha256": weights_digest(section),
    }
    text = tomli_w.dumps(head) + "\n" + WEIGHTS_HEADER + section
    path.write_text(text, encoding="utf-8")


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
    parser.add_argument("--fallback", type=float, default=FALLBACK, help="written with --write")
    parser.add_argument(
        "--prune", type=float, default=PRUNE, help="with --write: drop features weighing less"
    )
    parser.add_argument(
        "--only-b", action="store_true", help="measure the model without the rules' kind only"
    )
    parser.add_argument(
        "--drop", default="", help="feature-name prefixes left out, comma-separated (ablation)"
    )
    parser.add_argument(
        "--focus", action="store_true", help="also the race focus under each left-out model"
    )
    parser.add_argument(
        "--forward",
        type=int,
        default=0,
        metavar="N",
        help="leave out only the sets from the N-th given on, each trained on those before it",
    )
    args = parser.parse_args(argv)
    for path in args.sets:
        refuse_sealed(path)
    tagger = Tagger(load_roster(()), learned_kind=False)
    sets = {Path(p).name.removesuffix(".jsonl"): read_kind_examples(p, tagger) for p in args.sets}
    if args.write:
        examples = [ex for held in sets.values() for ex in held]
        model = train(examples, args.rules, args.penalty, args.epochs, SEED, args.fallback)
        model = model.pruned(args.prune) if args.prune else model
        note = (
            f"python -m feeds.evaluation.kind_training --write ({len(sets)} sets, "
            f"{len(examples)} stories, penalty {args.penalty}, epochs {args.epochs}, seed {SEED}, "
            f"fallback {args.fallback}, prune {args.prune})"
        )
        write_kind_weights(args.write, model, note, args.prune)
        return 0
    drop = tuple(p for p in args.drop.split(",") if p)
    configurations = (False,) if args.only_b else (False, True)
    twins = near_duplicates(sets)  # type: ignore[arg-type]
    print(f"{sum(len(t) for t in twins.values()) // 2} near-duplicate pairs of stories\n")
    focus: dict[str, list[tuple[int, int]]] | None = {} if args.focus else None
    readings = cross_validate(
        sets,
        args.penalty,
        args.epochs,
        FALLBACKS,
        configurations,
        drop,
        focus,
        tagger,
        args.forward,
        prune=args.prune,
    )
    print(report(sets, readings))
    if focus:
        print("\n| set | focus, rules' kind | focus, model's kind |\n|---|---:|---:|")
        for name, (rules, model) in focus.items():
            print(f"| {name} | {_cell(*rules)} | {_cell(*model)} |")
        totals = [tuple(sum(f[i][j] for f in focus.values()) for j in (0, 1)) for i in (0, 1)]
        print(f"| **total** | {_cell(*totals[0])} | {_cell(*totals[1])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
