"""Scoring `races`, `race_focus` and `kind` (feeds/evaluation/__init__.py calls these).

Only records that carry the fields are scored on them (the corpus adds them set by set).
Races: micro P/R/F1 over race sets, a predicted name matching a gold one when both are
names of the same calendar race (Ronde van Vlaanderen = De Ronde = Tour of Flanders),
a race's canonical name naming that race alone (Tour de France is not Tour de France
Femmes, although the women's race is also called "Tour de France" in a women's story).
Focus: accuracy on race and year (both null counts as right), and on the stage where the
gold names one. Kind: accuracy, and macro-F1 over the kinds that occur in gold or
predictions (a kind neither names has no F1 to average).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from feeds.models import STORY_KINDS
from feeds.races.model import Calendar
from feeds.text.fold import fold_tokens


class Counts(Protocol):
    """feeds.evaluation.Counts (not imported: evaluate imports this module)."""

    tp: int
    fp: int
    fn: int


RACE_FIELDS = ("races", "race_focus", "kind")


def _fold(name: Any) -> str:
    return " ".join(fold_tokens(name)) if isinstance(name, str) else ""


class RaceNames:
    """Folded race name -> the races it names, canonical names first."""

    def __init__(self, calendar: Calendar) -> None:
        canonical: dict[str, set[str]] = {}
        alias: dict[str, set[str]] = {}
        for race in calendar.races.values():
            canonical.setdefault(_fold(race.name), set()).add(race.id)
            for name in race.aliases:
                alias.setdefault(_fold(name), set()).add(race.id)
        self._ids = {**alias, **canonical}

    def key(self, name: Any) -> frozenset[str] | str:
        folded = _fold(name)
        ids = self._ids.get(folded)
        return frozenset(ids) if ids else folded

    def same(self, a: Any, b: Any) -> bool:
        ka, kb = self.key(a), self.key(b)
        if isinstance(ka, frozenset) and isinstance(kb, frozenset):
            return bool(ka & kb)
        return ka == kb


def check_fields(record: Mapping[str, Any]) -> str | None:
    """Why the race fields of an annotated record cannot be scored, or None."""
    races = record.get("races", [])
    if not isinstance(races, list) or not all(isinstance(r, str) for r in races):
        return "'races' must be a list of race names (strings)"
    focus = record.get("race_focus")
    if focus is not None:
        if not isinstance(focus, dict) or not isinstance(focus.get("race"), str):
            return "'race_focus' must be null or an object with 'race' (a string)"
        year, stage = focus.get("year"), focus.get("stage")
        if isinstance(year, bool) or not isinstance(year, int):
            return "'race_focus.year' must be a whole number"
        if stage is not None and (isinstance(stage, bool) or not isinstance(stage, int)):
            return "'race_focus.stage' must be a whole number or null"
    kind = record.get("kind")
    if kind is not None and kind not in STORY_KINDS:
        return f"'kind' must be one of {', '.join(STORY_KINDS)} or null"
    return None


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class RaceScores:
    focus: Tally = field(default_factory=Tally)
    stage: Tally = field(default_factory=Tally)
    kind: Tally = field(default_factory=Tally)
    kinds: dict[str, list[int]] = field(default_factory=dict)
    """Kind -> [tp, fp, fn]."""
    articles: int = 0

    @property
    def kind_macro_f1(self) -> float:
        f1s = []
        for tp, fp, fn in self.kinds.values():
            f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0)
        return sum(f1s) / len(f1s) if f1s else 1.0

    def rows(self) -> list[str]:
        return [
            f"{'focus acc':<12} {self.focus.accuracy:6.3f} "
            f"({self.focus.right}/{self.focus.total} race and year)",
            f"{'focus stage':<12} {self.stage.accuracy:6.3f} "
            f"({self.stage.right}/{self.stage.total} gold stages)",
            f"{'kind acc':<12} {self.kind.accuracy:6.3f} ({self.kind.right}/{self.kind.total})",
            f"{'kind macroF1':<12} {self.kind_macro_f1:6.3f} ({len(self.kinds)} kinds seen)",
            f"{'race arts':<12} {self.articles}",
        ]


def score_record(
    rid: Any,
    record: Mapping[str, Any],
    pred: Mapping[str, Any],
    names: RaceNames,
    races: Counts,
    scores: RaceScores,
    misses: list[str],
) -> None:
    """Add one record's races, focus and kind to the tallies (it carries the fields)."""
    scores.articles += 1
    if "races" in record:
        _score_races(rid, record.get("races") or [], pred.get("races") or [], names, races, misses)
    if "race_focus" in record:
        _score_focus(rid, record.get("race_focus"), pred.get("race_focus"), names, scores, misses)
    if record.get("kind") is not None:
        _score_kind(rid, record["kind"], pred.get("kind"), scores, misses)


def _score_races(rid, gold: Sequence[str], pred: Sequence[str], names, races, misses) -> None:  # type: ignore[no-untyped-def]
    remaining = list(dict.fromkeys(pred))
    for g in dict.fromkeys(gold):
        hit = next((p for p in remaining if names.same(g, p)), None)
        if hit is None:
            races.fn += 1
            misses.append(f"{rid}: race missed: {g}")
        else:
            races.tp += 1
            remaining.remove(hit)
    races.fp += len(remaining)
    misses.extend(f"{rid}: race extra: {p}" for p in remaining)


def _score_focus(rid, gold, pred, names: RaceNames, scores: RaceScores, misses) -> None:  # type: ignore[no-untyped-def]
    pred = pred if isinstance(pred, dict) else None
    scores.focus.total += 1
    if gold is None or pred is None:
        right = gold is None and pred is None
    else:
        right = names.same(gold["race"], pred.get("race")) and gold["year"] == pred.get("year")
    scores.focus.right += right
    if not right:
        misses.append(f"{rid}: race focus {_show(pred)} (gold {_show(gold)})")
    if gold is not None and gold.get("stage") is not None:
        scores.stage.total += 1
        stage_right = right and pred is not None and pred.get("stage") == gold["stage"]
        scores.stage.right += stage_right
        if right and not stage_right:
            misses.append(f"{rid}: focus stage {pred and pred.get('stage')} (gold {gold['stage']})")


def _show(focus: Mapping[str, Any] | None) -> str:
    if not focus:
        return "none"
    stage = focus.get("stage")
    return f"{focus.get('race')} {focus.get('year')}" + (
        f" stage {stage}" if stage is not None else ""
    )


def _score_kind(rid, gold: str, pred: Any, scores: RaceScores, misses: list[str]) -> None:  # type: ignore[no-untyped-def]
    scores.kind.total += 1
    gold_counts = scores.kinds.setdefault(gold, [0, 0, 0])
    if pred == gold:
        scores.kind.right += 1
        gold_counts[0] += 1
        return
    gold_counts[2] += 1
    if isinstance(pred, str) and pred in STORY_KINDS:
        scores.kinds.setdefault(pred, [0, 0, 0])[1] += 1
    misses.append(f"{rid}: kind {pred} (gold {gold})")
