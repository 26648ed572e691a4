"""Scoring rules and the `tag` / `eval` commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.cli import tagging as tagging_cli
from feeds.evaluation import InputError, parse_published, read_jsonl, score
from feeds.roster import parse_roster

ROSTER = parse_roster(
    """
[[team]]
id = "astana"
names = [
  { name = "Astana Qazaqstan", from = 2022-01-01, until = 2024-12-31 },
  { name = "XDS Astana", from = 2025-01-01 },
]
[[team]]
id = "qs"
names = [{ name = "Soudal Quick-Step" }]

[[rider]]
id = "thomas-gloag"
name = "Thomas Gloag"
aliases = ["Tom Gloag", "Gloag"]

[[rider]]
id = "gianni-vermeersch"
name = "Gianni Vermeersch"
aliases = ["Vermeersch"]

[[rider]]
id = "florian-vermeersch"
name = "Florian Vermeersch"
aliases = ["Vermeersch"]
"""
)


def gold(**kw):  # type: ignore[no-untyped-def]
    base = {"id": "a", "riders": [], "teams": [], "is_transfer": False, "moves": []}
    return {**base, **kw}


def test_names_match_after_folding_accents_and_case() -> None:
    report = score(
        [gold(riders=["Michael Mørkøv", "Tadej Pogačar"])],
        {"a": {"riders": ["MICHAEL MORKOV", "Jonas Vingegaard"]}},
        ROSTER,
    )
    assert (report.riders.tp, report.riders.fp, report.riders.fn) == (1, 1, 1)
    assert report.riders.f1 == pytest.approx(0.5)


def test_a_team_matches_under_any_of_its_names() -> None:
    report = score([gold(teams=["Astana Qazaqstan"])], {"a": {"teams": ["XDS Astana"]}}, ROSTER)
    assert (report.teams.tp, report.teams.fp, report.teams.fn) == (1, 0, 0)


def test_transfer_moves_and_status() -> None:
    g = gold(
        is_transfer=True,
        moves=[
            {"person": "A B", "from": None, "to": "Astana Qazaqstan", "status": "rumour"},
            {"person": "C D", "from": None, "to": "Soudal Quick-Step", "status": "confirmed"},
        ],
    )
    p = {
        "is_transfer": True,
        "moves": [
            {"person": "a b", "from": None, "to": "XDS Astana", "status": "confirmed"},
            {"person": "E F", "from": None, "to": "XDS Astana", "status": "rumour"},
        ],
    }
    report = score([g], {"a": p}, ROSTER)
    assert report.transfer.f1 == 1.0
    assert (report.moves.tp, report.moves.fp, report.moves.fn) == (1, 1, 1)
    assert report.status_accuracy == 0.0


def test_a_persons_alias_in_the_gold_is_that_person() -> None:
    g = gold(
        riders=["Tom Gloag", "Vermeersch"],
        is_transfer=True,
        moves=[{"person": "Tom Gloag", "to": "Soudal Quick-Step", "status": "rumour"}],
    )
    p = {
        "riders": ["Thomas Gloag", "Gianni Vermeersch"],
        "moves": [{"person": "Thomas Gloag", "to": "Soudal Quick-Step", "status": "rumour"}],
    }
    report = score([g], {"a": p}, ROSTER)
    assert (report.moves.tp, report.moves.fp, report.moves.fn) == (1, 0, 0)
    # "Vermeersch" names two riders: it stays as written and matches neither.
    assert (report.riders.tp, report.riders.fp, report.riders.fn) == (1, 1, 1)


def test_empty_sets_score_perfectly() -> None:
    report = score([gold()], {"a": {}}, ROSTER)
    assert report.riders.f1 == 1.0 and report.teams.f1 == 1.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("2024-05-09", date(2024, 5, 9)),
        ("2024-05", date(2024, 5, 1)),
        ("2024", date(2024, 1, 1)),
        ("2024-05-09T10:00:00Z", date(2024, 5, 9)),
    ],
)
def test_published_forms(value, expected) -> None:  # type: ignore[no-untyped-def]
    assert parse_published(value) == expected


def test_bad_lines_are_named() -> None:
    with pytest.raises(InputError, match=r"in\.jsonl:2: not valid JSON"):
        read_jsonl(['{"id": 1, "title": "", "text": ""}', "{oops"], "in.jsonl")
    with pytest.raises(InputError, match=r"in\.jsonl:1: missing 'text'"):
        read_jsonl(['{"id": 1, "title": ""}'], "in.jsonl")
    with pytest.raises(InputError, match=r"in\.jsonl:1: published"):
        read_jsonl(['{"id": 1, "title": "", "text": "", "published": "May"}'], "in.jsonl")


# --- the commands -------------------------------------------------------------------

EXTRA_ROSTER = """
[[team]]
id = "test-velo"
country = "BEL"
names = [{ name = "Velo Testteam" }]
[[rider]]
name = "Quintus Testrider"
nationality = "BEL"
teams = [{ team = "test-velo", from = 2020 }]
"""


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _stories(tmp_path: Path) -> str:
    lines = [
        {
            "id": "s1",
            "title": "Quintus Testrider wins",
            "text": "Quintus Testrider (Velo Testteam) won the stage. Testrider was happy.",
            "published": "2024-05",
            "riders": ["Quintus Testrider"],
            "teams": ["Velo Testteam"],
            "is_transfer": False,
            "moves": [],
        },
        {"id": "s2", "title": "Nothing", "text": "A walk in the woods.", "published": None},
    ]
    return _write(tmp_path, "in.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")


def test_tag_command_writes_one_json_line_per_story(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    roster = _write(tmp_path, "extra.toml", EXTRA_ROSTER)
    assert tagging_cli.main(["tag", "--roster", roster, _stories(tmp_path)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["s1", "s2"]
    assert out[0]["riders"] == ["Quintus Testrider"]
    assert out[0]["teams"] == ["Velo Testteam"]
    assert set(out[0]) == {
        *("id", "riders", "teams", "staff", "is_transfer", "moves"),
        *("races", "race_focus", "kind"),
    }
    assert out[1]["riders"] == [] and out[1]["teams"] == []


def test_eval_command_prints_a_table(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    roster = _write(tmp_path, "extra.toml", EXTRA_ROSTER)
    assert tagging_cli.main(["eval", "--roster", roster, "-v", _stories(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "riders" in out and "teams" in out and "is_transfer" in out
    assert "riders        1.000  1.000  1.000" in out


def test_bad_roster_file_exits_2_naming_the_line(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    roster = _write(tmp_path, "bad.toml", '[[rider]]\nname = "X Y"\nretired = "soon"\n')
    for command in ("tag", "eval"):
        assert tagging_cli.main([command, "--roster", roster, _stories(tmp_path)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "bad.toml:1:" in captured.err and "retired" in captured.err


def test_bad_input_line_exits_2_with_nothing_on_stdout(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    good = json.dumps({"id": "x", "title": "Mark Cavendish", "text": "", "published": None})
    path = _write(tmp_path, "in.jsonl", good + "\nnot json\n")
    for command in ("tag", "eval"):
        assert tagging_cli.main([command, path]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "in.jsonl:2" in captured.err


GOOD_LINE = {"id": "ok", "title": "Mark Cavendish", "text": "", "published": None}
DEEP = "[" * 100_000 + "]" * 100_000

# (line 2 of the input, as JSON text; the commands that refuse it; what the message names)
BAD_LINES = [
    ('{"id": "a", "title": "", "text": "", "notes": ' + DEEP + "}", "tag eval", "nested too deep"),
    ('{"id": {"a": 1}, "title": "", "text": ""}', "tag eval", "'id' must be a string or a whole"),
    ('{"id": true, "title": "", "text": ""}', "tag eval", "'id' must be a string or a whole"),
    ('{"id": 1.5, "title": "", "text": ""}', "tag eval", "'id' must be a string or a whole"),
    ('{"id": null, "title": "", "text": ""}', "tag eval", "got null"),
    ('{"id": ' + "9" * 5000 + ', "title": "", "text": ""}', "tag eval", "not usable JSON"),
    ('{"id": "a", "title": 7, "text": ""}', "tag eval", "'title' must be a string, got a number"),
    ('{"id": "a", "title": "", "text": null}', "tag eval", "'text' must be a string, got null"),
    ('{"id": "a", "title": "\\ud800", "text": ""}', "tag eval", "'title' holds an unpaired"),
    ('{"id": "a", "title": "", "text": "", "published": 2024}', "tag eval", "published must"),
    ('{"id": "a", "title": "", "text": "", "published": {"y": 1}}', "tag eval", "got an object"),
    ('["id", "title", "text"]', "tag eval", "expected a JSON object, got a list"),
    ('{"id": "a", "title": "", "text": "", "riders": "Tadej Pogacar"}', "eval", "'riders' must"),
    ('{"id": "a", "title": "", "text": "", "teams": ["UAE", 3]}', "eval", "'teams[1]' must"),
    ('{"id": "a", "title": "", "text": "", "is_transfer": "yes"}', "eval", "'is_transfer'"),
    ('{"id": "a", "title": "", "text": "", "is_transfer": 1}', "eval", "'is_transfer'"),
    ('{"id": "a", "title": "", "text": "", "moves": {"person": "X"}}', "eval", "'moves' must"),
    ('{"id": "a", "title": "", "text": "", "moves": ["X -> Y"]}', "eval", "'moves[0]' must"),
    ('{"id": "a", "title": "", "text": "", "moves": [{"to": 5}]}', "eval", "'moves[0].to'"),
    ('{"id": "ok", "title": "", "text": ""}', "eval", "'ok' is already used on line 1"),
]


@pytest.mark.parametrize(
    ("line", "refused_by", "message"), BAD_LINES, ids=[case[2] for case in BAD_LINES]
)
@pytest.mark.parametrize("command", ["tag", "eval"])
def test_bad_input_is_refused_naming_line_and_field(  # type: ignore[no-untyped-def]
    tmp_path, capsys, command, line, refused_by, message
) -> None:
    path = _write(tmp_path, "in.jsonl", json.dumps(GOOD_LINE) + "\n" + line + "\n")
    status = tagging_cli.main([command, path])
    captured = capsys.readouterr()
    if command not in refused_by.split():
        assert status == 0, captured.err  # `tag` reads no annotations
        assert len(captured.out.splitlines()) == 2
        return
    assert status == 2
    assert captured.out == ""  # no partial output
    assert "in.jsonl:2:" in captured.err and message in captured.err, captured.err
    assert len(captured.err) < 300  # a reason, not a traceback or the value itself


def test_a_string_of_riders_is_no_longer_scored_letter_by_letter() -> None:
    line = json.dumps({**GOOD_LINE, "riders": "Tadej Pogacar"})
    with pytest.raises(InputError, match=r"gold\.jsonl:1: 'riders' must be a list"):
        read_jsonl([line], "gold.jsonl", annotated=True)
    assert read_jsonl([line], "in.jsonl")[0]["riders"] == "Tadej Pogacar"  # tag ignores it
