"""`domestique eval` on races, race focus and kind (feeds/races/evaluate.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import tagging as tagging_cli
from feeds.evaluation import InputError, read_jsonl, score
from feeds.races import bundled_calendar
from feeds.roster import Roster

ROSTER = Roster()
CALENDAR = bundled_calendar()


def gold(rid: str = "a", **kw: Any) -> dict[str, Any]:
    base = {"id": rid, "riders": [], "teams": [], "is_transfer": False, "moves": []}
    return {**base, **kw}


def test_any_name_of_the_same_race_matches() -> None:
    record = gold(races=["Tour of Flanders", "Liège-Bastogne-Liège", "Milan-San Remo"])
    predicted = {"a": {"races": ["De Ronde", "la Doyenne", "Milano-Sanremo"]}}
    report = score([record], predicted, ROSTER, CALENDAR)
    assert (report.races.tp, report.races.fp, report.races.fn) == (3, 0, 0)


def test_the_mens_and_womens_races_are_distinct() -> None:
    record = gold(races=["Tour de France"])
    report = score([record], {"a": {"races": ["Tour de France Femmes"]}}, ROSTER, CALENDAR)
    assert (report.races.tp, report.races.fp, report.races.fn) == (0, 1, 1)
    assert "a: race missed: Tour de France" in report.misses


def test_an_unknown_race_matches_by_its_folded_name() -> None:
    record = gold(races=["Vuelta a San Juan"])
    report = score([record], {"a": {"races": ["vuelta a san juan"]}}, ROSTER, CALENDAR)
    assert report.races.tp == 1


def test_focus_scores_race_and_year_and_the_stage_where_gold_names_one() -> None:
    records = [
        gold("a", race_focus={"race": "Tour de France", "year": 2024, "stage": 5}),
        gold("b", race_focus={"race": "Giro d'Italia", "year": 2025, "stage": None}),
        gold("c", race_focus=None),
        gold("d", race_focus={"race": "Paris-Roubaix", "year": 2023, "stage": None}),
    ]
    predicted = {
        "a": {"race_focus": {"race": "la Grande Boucle", "year": 2024, "stage": 6}},
        "b": {"race_focus": {"race": "Giro d'Italia", "year": 2025, "stage": 3}},
        "c": {"race_focus": None},
        "d": {"race_focus": {"race": "Paris-Roubaix", "year": 2024, "stage": None}},
    }
    report = score(records, predicted, ROSTER, CALENDAR)
    scores = report.race_scores
    assert (scores.focus.right, scores.focus.total) == (3, 4)
    assert (scores.stage.right, scores.stage.total) == (0, 1)
    assert "a: focus stage 6 (gold 5)" in report.misses
    assert "d: race focus Paris-Roubaix 2024 (gold Paris-Roubaix 2023)" in report.misses


def test_kind_accuracy_and_macro_f1() -> None:
    kinds = [("result", "result"), ("result", "crash"), ("crash", "crash"), ("team", "other")]
    records = [gold(str(i), kind=g) for i, (g, _) in enumerate(kinds)]
    predicted = {str(i): {"kind": p} for i, (_, p) in enumerate(kinds)}
    scores = score(records, predicted, ROSTER, CALENDAR).race_scores
    assert (scores.kind.right, scores.kind.total) == (2, 4)
    # result 2/3, crash 2/3, team 0, other 0 (a kind predicted but never gold counts).
    assert scores.kind_macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 0 + 0) / 4)


def test_records_without_the_fields_are_not_scored_on_them() -> None:
    report = score([gold()], {"a": {"races": ["Tour de France"], "kind": "result"}}, ROSTER)
    assert report.race_scores.articles == 0
    assert "races" not in report.table() and "kind acc" not in report.table()
    carried = score([gold(kind="other", races=[], race_focus=None)], {"a": {}}, ROSTER, CALENDAR)
    table = carried.table()
    assert "races " in table and "focus acc" in table and "kind macroF1" in table


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"races": "Tour de France"}, "'races' must be a list of race names"),
        ({"race_focus": "Tour de France"}, "'race_focus' must be null or an object"),
        ({"race_focus": {"race": "Giro d'Italia", "year": "2024"}}, "'race_focus.year'"),
        ({"race_focus": {"race": "Giro", "year": 2024, "stage": "5"}}, "'race_focus.stage'"),
        ({"kind": "interview"}, "'kind' must be one of result, preview"),
    ],
)
def test_bad_race_fields_are_refused_naming_the_line(fields: dict[str, Any], reason: str) -> None:
    line = json.dumps({**gold(), "title": "T", "text": "x", **fields})
    with pytest.raises(InputError) as exc:
        read_jsonl([line], "gold.jsonl", annotated=True)
    assert str(exc.value).startswith(f"gold.jsonl:1: {reason}")


def test_tag_and_eval_commands_carry_the_fields(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    story = {
        "id": "s1",
        "title": "Tadej Pogačar wins stage 5 of the Tour de France",
        "text": "Tadej Pogačar (UAE Team Emirates) beat Jonas Vingegaard in the sprint.",
        "published": "2024-07-03",
        "races": ["Tour de France"],
        "race_focus": {"race": "Tour de France", "year": 2024, "stage": 5},
        "kind": "result",
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(story) + "\n", encoding="utf-8")
    assert tagging_cli.main(["tag", "--feed-is-cycling", "yes", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["races"] == ["Tour de France"]
    assert out["race_focus"] == {"race": "Tour de France", "year": 2024, "stage": 5}
    assert out["kind"] == "result"
    assert tagging_cli.main(["eval", "--feed-is-cycling", "yes", str(path)]) == 0
    table = capsys.readouterr().out
    assert "races         1.000  1.000  1.000" in table
    assert "focus acc     1.000" in table and "kind acc      1.000" in table
