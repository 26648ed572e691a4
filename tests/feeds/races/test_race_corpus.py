"""Races, race focus and kind on the annotated development sets, as `domestique eval`
scores them (the feed measured as one feed per file, as `--feed-is-cycling auto` does).

Floors sit a little under the figures measured when the tagger was written
(docs/BENCHMARKS.md): a change that loses a story or two fails here and names them.
The issue's targets on unseen sets are races F1 >= 0.95, focus >= 0.90, kind >= 0.85.
"""

from __future__ import annotations

import pytest

from bot.cli.tagging import feed_is_cycling, predict
from feeds.evaluation import Report, read_jsonl, score
from feeds.roster import Roster, load_roster
from feeds.tagger import Tagger
from tests.corpus import HERE

LEARNED_KIND = True
"""The shipped tagger's kind, the learned model's (tests/feeds/races/conftest.py)."""

# file: (races F1, focus accuracy, kind accuracy, kind macro-F1)
FLOORS = {
    "dev.jsonl": (0.95, 0.91, 0.91, 0.85),
    "set5-enfr-dev.jsonl": (0.93, 0.94, 0.91, 0.90),
    "set5-ibit-dev.jsonl": (0.93, 0.94, 0.88, 0.87),
    "set5-nordgerm-dev.jsonl": (0.94, 0.88, 0.85, 0.80),
    # Scored blind once each, development sets since (docs/BENCHMARKS.md).
    "set6-a-sealed.jsonl": (0.96, 0.92, 0.90, 0.82),
    "set6-b-sealed.jsonl": (0.92, 0.94, 0.88, 0.85),
    "set7-sealed.jsonl": (0.96, 0.94, 0.89, 0.74),
}


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster()


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def _report(name: str, tagger: Tagger, roster: Roster) -> Report:
    path = HERE / name
    with path.open(encoding="utf-8") as fh:
        records = read_jsonl(fh, str(path), annotated=True)
    cycling = feed_is_cycling("auto", tagger, records)
    predicted = {r["id"]: predict(tagger, roster, r, cycling) for r in records}
    return score(records, predicted, roster, tagger.races.calendar)


def _misses(report: Report, *words: str) -> str:
    return "\n".join(m for m in report.misses if any(w in m for w in words))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_races_focus_and_kind_floors(name: str, tagger: Tagger, roster: Roster) -> None:
    report = _report(name, tagger, roster)
    races, focus, kind, macro = FLOORS[name]
    scores = report.race_scores
    assert scores.articles > 0, f"{name} carries no race fields"
    assert report.races.f1 >= races, _misses(report, "race missed", "race extra")
    assert scores.focus.accuracy >= focus, _misses(report, "focus")
    assert scores.kind.accuracy >= kind, _misses(report, ": kind ")
    assert scores.kind_macro_f1 >= macro, _misses(report, ": kind ")
