"""Scoring the tagger against an annotated corpus (see /work/shared/corpus/README.md).

Per article, sets of canonical names are compared after folding accents and case;
a predicted team matches a gold team if both are names of the same roster team.
Riders and teams: micro-averaged P/R/F1. is_transfer: F1. Moves: F1 on
(person, to) pairs, and accuracy of `status` on the moves found.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from feeds.nlp.fold import fold_tokens
from feeds.roster import Roster

log = logging.getLogger(__name__)


class InputError(ValueError):
    """A line of an input file that cannot be used; names the line."""


def fold_name(name: str | None) -> str:
    return " ".join(fold_tokens(name or ""))


def parse_published(value: Any) -> date | None:
    """ISO date, "YYYY-MM" (the first of the month), "YYYY", a datetime string, or null."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be a string or null, got {value!r}")
    text = value.strip()[:10]
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return date.fromisoformat(text)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(int(parts[0]), 1, 1)
    except ValueError:
        pass
    raise ValueError(f"published {value!r} is not YYYY-MM-DD, YYYY-MM or null")


def read_jsonl(lines: Iterable[str], source: str) -> list[dict[str, Any]]:
    """Every record of a JSON Lines text; raises InputError naming the bad line."""
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{source}:{n}: expected a JSON object")
        for key in ("id", "title", "text"):
            if key not in record:
                raise InputError(f"{source}:{n}: missing {key!r}")
        if not isinstance(record["title"], str) or not isinstance(record["text"], str):
            raise InputError(f"{source}:{n}: 'title' and 'text' must be strings")
        try:
            record["_published"] = parse_published(record.get("published"))
        except ValueError as exc:
            raise InputError(f"{source}:{n}: {exc}") from None
        records.append(record)
    return records


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    riders: Counts = field(default_factory=Counts)
    teams: Counts = field(default_factory=Counts)
    transfer: Counts = field(default_factory=Counts)
    moves: Counts = field(default_factory=Counts)
    status_right: int = 0
    status_total: int = 0
    articles: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.status_total if self.status_total else 1.0

    def table(self) -> str:
        rows = [
            ("riders", self.riders),
            ("teams", self.teams),
            ("is_transfer", self.transfer),
            ("moves", self.moves),
        ]
        out = [f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for name, c in rows:
            out.append(
                f"{name:<12} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                f"{c.tp:5d} {c.fp:5d} {c.fn:5d}"
            )
        out.append(
            f"{'status acc':<12} {self.status_accuracy:6.3f} "
            f"({self.status_right}/{self.status_total} moves found)"
        )
        out.append(f"{'articles':<12} {self.articles}")
        return "\n".join(out)


class TeamNames:
    """Folded team name -> team ids, to match any name of the same team."""

    def __init__(self, roster: Roster) -> None:
        self._ids: dict[str, set[str]] = {}
        for team in roster.teams.values():
            for name in (*team.all_names, *team.aliases):
                self._ids.setdefault(fold_name(name), set()).add(team.id)

    def key(self, name: str | None) -> frozenset[str] | str:
        folded = fold_name(name)
        ids = self._ids.get(folded)
        return frozenset(ids) if ids else folded


def _match_teams(gold: Sequence[str], predicted: Sequence[str], names: TeamNames):
    """(matched, false positives, misses) of two team-name lists, by team identity."""
    gold_keys = [(g, names.key(g)) for g in dict.fromkeys(gold)]
    pred_keys = [(p, names.key(p)) for p in dict.fromkeys(predicted)]
    used: set[int] = set()
    matched = []
    misses = []
    for g, gk in gold_keys:
        for i, (_p, pk) in enumerate(pred_keys):
            if i not in used and _same_team(gk, pk):
                used.add(i)
                matched.append(g)
                break
        else:
            misses.append(g)
    extra = [p for i, (p, _pk) in enumerate(pred_keys) if i not in used]
    return matched, extra, misses


def _same_team(a: frozenset[str] | str, b: frozenset[str] | str) -> bool:
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return bool(a & b)
    return a == b


def score(
    gold: Sequence[Mapping[str, Any]],
    predicted: Mapping[str, Mapping[str, Any]],
    roster: Roster,
) -> Report:
    """Compare predictions (by id) with annotated records."""
    names = TeamNames(roster)
    report = Report()
    for record in gold:
        rid = record["id"]
        pred = predicted.get(rid, {})
        report.articles += 1
        g_riders = {fold_name(n): n for n in record.get("riders", [])}
        p_riders = {fold_name(n): n for n in pred.get("riders", [])}
        for key, name in g_riders.items():
            if key in p_riders:
                report.riders.tp += 1
            else:
                report.riders.fn += 1
                report.misses.append(f"{rid}: rider missed: {name}")
        for key, name in p_riders.items():
            if key not in g_riders:
                report.riders.fp += 1
                report.misses.append(f"{rid}: rider extra: {name}")
        matched, extra, missed = _match_teams(record.get("teams", []), pred.get("teams", []), names)
        report.teams.tp += len(matched)
        report.teams.fp += len(extra)
        report.teams.fn += len(missed)
        report.misses.extend(f"{rid}: team missed: {n}" for n in missed)
        report.misses.extend(f"{rid}: team extra: {n}" for n in extra)

        g_tr, p_tr = bool(record.get("is_transfer")), bool(pred.get("is_transfer"))
        if g_tr and p_tr:
            report.transfer.tp += 1
        elif p_tr:
            report.transfer.fp += 1
            report.misses.append(f"{rid}: is_transfer wrongly true")
        elif g_tr:
            report.transfer.fn += 1
            report.misses.append(f"{rid}: is_transfer missed")

        _score_moves(rid, record.get("moves", []), pred.get("moves", []), names, report)
    return report


def _score_moves(rid, gold_moves, pred_moves, names: TeamNames, report: Report) -> None:  # type: ignore[no-untyped-def]
    remaining = list(pred_moves)
    for g in gold_moves:
        gp, gt = fold_name(g.get("person")), names.key(g.get("to"))
        for i, p in enumerate(remaining):
            if fold_name(p.get("person")) == gp and _same_team(gt, names.key(p.get("to"))):
                report.moves.tp += 1
                report.status_total += 1
                if p.get("status") == g.get("status"):
                    report.status_right += 1
                else:
                    report.misses.append(
                        f"{rid}: move status {g.get('person')} -> {g.get('to')}: "
                        f"{p.get('status')} (gold {g.get('status')})"
                    )
                del remaining[i]
                break
        else:
            report.moves.fn += 1
            report.misses.append(f"{rid}: move missed: {g.get('person')} -> {g.get('to')}")
    for p in remaining:
        report.moves.fp += 1
        report.misses.append(f"{rid}: move extra: {p.get('person')} -> {p.get('to')}")
