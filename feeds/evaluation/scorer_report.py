"""The learned pair scorer's measurement as read by people: one row per left-out set
and the total (`table`), and how well the held-out pairs are ordered (`ranking`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from feeds.evaluation import Counts

TOPS = (10, 25, 50, 100)


@dataclass(slots=True)
class Fold:
    """One set left out: its positive pairs, the rules' counts and each threshold's."""

    name: str
    positives: int
    pairs: int
    rules: Counts
    scored: dict[float, Counts]
    added: dict[float, list[str]]
    """Each threshold's moves the scorer added, "+" (right) or "-" (wrong)."""
    ranked: list[tuple[float, int]] = field(default_factory=list)
    """Every held-out pair's probability and label, for the ranking's quality."""


def _total(counts: Iterable[Counts]) -> Counts:
    out = Counts()
    for c in counts:
        out.tp, out.fp, out.fn = out.tp + c.tp, out.fp + c.fp, out.fn + c.fn
    return out


def _cell(c: Counts) -> str:
    return f"{c.precision:.3f} / {c.recall:.3f} / {c.f1:.3f} ({c.tp} / {c.fp} / {c.fn})"


def table(folds: Sequence[Fold]) -> str:
    """A Markdown table: the rules alone and the rules + scorer at each threshold, overall
    and per left-out set, cells P / R / F1 (tp / fp / fn)."""
    thresholds = sorted(folds[0].scored) if folds else []
    head = ["set", "positive / pairs", "rules alone", *(f"+ scorer {t}" for t in thresholds)]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    rows = [
        (f.name, f"{f.positives} / {f.pairs}", f.rules, [f.scored[t] for t in thresholds])
        for f in folds
    ]
    rows.append(
        (
            "**all**",
            f"{sum(f.positives for f in folds)} / {sum(f.pairs for f in folds)}",
            _total(f.rules for f in folds),
            [_total(f.scored[t] for f in folds) for t in thresholds],
        )
    )
    for name, positives, rules, scored in rows:
        cells = [name, positives, _cell(rules), *map(_cell, scored)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ranking(folds: Sequence[Fold]) -> str:
    """How well the held-out pairs are ordered, whatever the threshold: the average
    precision of the pooled ranking and the right pairs among the first few."""
    pooled = sorted((pair for f in folds for pair in f.ranked), key=lambda pair: -pair[0])
    right = 0
    total = 0.0
    for rank, (_, label) in enumerate(pooled, 1):
        if label:
            right += 1
            total += right / rank
    tops = " / ".join(str(sum(label for _, label in pooled[:k])) for k in TOPS)
    average = total / right if right else 0.0
    return (
        f"held-out pair ranking: average precision {average:.3f}; "
        f"right pairs among the first {' / '.join(map(str, TOPS))}: {tops}"
    )
