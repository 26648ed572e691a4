"""Scoring the tagger against an annotated corpus (see /work/shared/corpus/README.md).

Per article, sets of canonical names are compared after folding accents and case; a
name that is a roster alias of one person only (an annotation's "Tom Gloag" for the
roster's Thomas Gloag) counts as that person's canonical name, and a predicted team
matches a gold team if both are names of the same roster team.
Riders and teams: micro-averaged P/R/F1. is_transfer: F1. Moves: F1 on
(person, to) pairs, and accuracy of `status` on the moves found. Races, race focus and
kind, for the records that carry them: feeds/races/evaluate.py.

It stands above feeds/nlp and feeds/races, beside the Tagger it scores (records' month-only
dates are the races' `MonthDate`), and never loads the tagger itself: checking a corpus's
format reads records only. Beside it: scorer_training, scorer_sparse and scorer_report
(the pair scorers' fitting and measurement on the annotated sets).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from feeds.races.evaluate import RACE_FIELDS, RaceNames, RaceScores, check_fields, score_record
from feeds.races.model import Calendar, MonthDate
from feeds.roster import Roster
from feeds.text.fold import fold_tokens

log = logging.getLogger(__name__)


class InputError(ValueError):
    """A line of an input file that cannot be used; names the line."""


def fold_name(name: str | None) -> str:
    return " ".join(fold_tokens(name or ""))


def json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words (never its repr: it may be huge or deep)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"


def _short(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:40]) + "…"


def parse_published(value: Any) -> date | None:
    """ISO date, "YYYY-MM" (the first of the month), "YYYY", a datetime string, or null.

    A month- or year-only date is a `MonthDate`: race tagging knows it is not the day."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be a string or null, got {json_kind(value)}")
    text = value.strip()[:10]
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return date.fromisoformat(text)
        if len(parts) == 2:
            return MonthDate(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(parts[0]) == 4:
            return MonthDate(int(parts[0]), 1, 1)
    except ValueError:
        pass
    raise ValueError(f"published {_short(value)} is not YYYY-MM-DD, YYYY-MM or null")


class _Refused(ValueError):
    """One field of one record cannot be used (read_jsonl adds the line)."""


MOVE_FIELDS = ("person", "from", "to", "status")


def _string(field: str, value: Any, *, null: bool = False) -> None:
    if null and value is None:
        return
    if not isinstance(value, str):
        wanted = "a string or null" if null else "a string"
        raise _Refused(f"{field!r} must be {wanted}, got {json_kind(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (\ud800) reads fine but cannot be written out as UTF-8.
        raise _Refused(f"{field!r} holds an unpaired surrogate (\\uD800-\\uDFFF)") from None


def _names(record: Mapping[str, Any], key: str) -> None:
    names = record.get(key, [])
    if not isinstance(names, list):
        # A string would be scored letter by letter.
        raise _Refused(f"{key!r} must be a list of names (strings), got {json_kind(names)}")
    for i, name in enumerate(names):
        _string(f"{key}[{i}]", name)


def _moves(record: Mapping[str, Any]) -> None:
    moves = record.get("moves", [])
    if not isinstance(moves, list):
        raise _Refused(f"'moves' must be a list of objects, got {json_kind(moves)}")
    for i, move in enumerate(moves):
        if not isinstance(move, dict):
            raise _Refused(f"'moves[{i}]' must be an object, got {json_kind(move)}")
        for key in MOVE_FIELDS:
            if key in move:
                _string(f"moves[{i}].{key}", move[key], null=True)


def _check_record(record: Any, annotated: bool) -> dict[str, Any]:
    """`record` when every field the tagger (and, if `annotated`, the scorer) reads has
    the right type, else _Refused naming the field."""
    if not isinstance(record, dict):
        raise _Refused(f"expected a JSON object, got {json_kind(record)}")
    for key in ("id", "title", "text"):
        if key not in record:
            raise _Refused(f"missing {key!r}")
    rid = record["id"]
    if isinstance(rid, bool) or not isinstance(rid, str | int):
        raise _Refused(f"'id' must be a string or a whole number, got {json_kind(rid)}")
    if isinstance(rid, str):
        _string("id", rid)
    _string("title", record["title"])
    _string("text", record["text"])
    record["_published"] = parse_published(record.get("published"))
    if annotated:
        _names(record, "riders")
        _names(record, "teams")
        flag = record.get("is_transfer")
        if flag is not None and not isinstance(flag, bool):
            raise _Refused(f"'is_transfer' must be true, false or null, got {json_kind(flag)}")
        _moves(record)
        problem = check_fields(record)
        if problem:
            raise _Refused(problem)
    return record


def _load_line(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Refused(f"not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise _Refused("not usable JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise _Refused(f"not usable JSON ({exc})") from None


def read_jsonl(
    lines: Iterable[str], source: str, *, annotated: bool = False
) -> list[dict[str, Any]]:
    """Every record of a JSON Lines text; raises InputError naming the bad line and field.

    `annotated` (for scoring) also checks the gold fields (riders, teams, is_transfer,
    moves) and that no id is used twice: each record is scored against the prediction
    for its id.
    """
    records = []
    first_line: dict[str | int, int] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = _check_record(_load_line(line), annotated)
        except ValueError as exc:  # _Refused, or parse_published's reason
            raise InputError(f"{source}:{n}: {exc}") from None
        if annotated:
            seen = first_line.setdefault(record["id"], n)
            if seen != n:
                shown = _short(str(record["id"]))
                raise InputError(f"{source}:{n}: 'id' {shown} is already used on line {seen}")
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
    races: Counts = field(default_factory=Counts)
    race_scores: RaceScores = field(default_factory=RaceScores)
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
        if self.race_scores.articles:
            rows.append(("races", self.races))
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
        if self.race_scores.articles:
            out.extend(self.race_scores.rows())
        out.append(f"{'articles':<12} {self.articles}")
        return "\n".join(out)


class PersonNames:
    """Folded name -> the folded canonical name of the one person it names.

    Annotators write a person as printed where the roster's canonical name differs
    ("Dan McLay", "Tota Magalhães"); the tagger answers with the canonical name. An alias
    two people share, or one that is another person's canonical name, stays as written."""

    def __init__(self, roster: Roster) -> None:
        canonical = {fold_name(p.name) for p in roster.people.values()}
        owners: dict[str, set[str]] = {}
        for person in roster.people.values():
            for alias in person.aliases:
                folded = fold_name(alias)
                if folded not in canonical:
                    owners.setdefault(folded, set()).add(fold_name(person.name))
        self._canonical = {a: next(iter(o)) for a, o in owners.items() if len(o) == 1}

    def key(self, name: str | None) -> str:
        folded = fold_name(name)
        return self._canonical.get(folded, folded)


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
    calendar: Calendar | None = None,
) -> Report:
    """Compare predictions (by id) with annotated records; `calendar` names the races
    (None: the bundled calendar, read only when a record carries race fields)."""
    names = TeamNames(roster)
    people = PersonNames(roster)
    report = Report()
    race_names: RaceNames | None = None
    for record in gold:
        rid = record["id"]
        pred = predicted.get(rid, {})
        report.articles += 1
        g_riders = {people.key(n): n for n in record.get("riders", [])}
        p_riders = {people.key(n): n for n in pred.get("riders", [])}
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

        _score_moves(rid, record.get("moves", []), pred.get("moves", []), names, people, report)
        if any(key in record for key in RACE_FIELDS):
            if race_names is None:
                race_names = RaceNames(calendar if calendar is not None else _bundled())
            score_record(
                rid, record, pred, race_names, report.races, report.race_scores, report.misses
            )
    return report


def _bundled() -> Calendar:
    from feeds.races import bundled_calendar

    return bundled_calendar()


def _score_moves(  # type: ignore[no-untyped-def]
    rid, gold_moves, pred_moves, names: TeamNames, people: PersonNames, report: Report
) -> None:
    remaining = list(pred_moves)
    for g in gold_moves:
        gp, gt = people.key(g.get("person")), names.key(g.get("to"))
        for i, p in enumerate(remaining):
            if people.key(p.get("person")) == gp and _same_team(gt, names.key(p.get("to"))):
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
