"""`domestique tag|eval --feed-is-cycling {yes,no,auto}` (issue #18, 19): the choice
ingestion makes per feed; auto, the default, measures the file as a new feed's first poll."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import tagging as tagging_cli
from tests.bot.pipeline.test_feed_cycling import NAMESAKES, SHORT

PUBLISHED = "2025-05-01"


def jsonl(tmp_path: Path, stories: list[tuple[str, str]], **extra) -> str:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": f"s{n}", "title": t, "text": x, "published": PUBLISHED, **extra})
        for n, (t, x) in enumerate(stories)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def tagged(capsys, *argv: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    assert tagging_cli.main(["tag", *argv]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {o["id"]: o["riders"] for o in out}


def test_auto_measures_a_general_sports_file_and_tags_no_namesakes(tmp_path, capsys):
    path = jsonl(tmp_path, NAMESAKES)
    assert tagged(capsys, path) == {f"s{n}": [] for n in range(len(NAMESAKES))}
    assert tagged(capsys, "--feed-is-cycling", "auto", path) == tagged(capsys, path)
    yes = tagged(capsys, "--feed-is-cycling", "yes", path)
    assert yes["s1"] == ["Sam Bennett"] and sum(map(bool, yes.values())) == len(NAMESAKES)


def test_auto_takes_a_short_file_for_a_cycling_feed_as_ingestion_does(tmp_path, capsys):
    path = jsonl(tmp_path, [SHORT])
    assert tagged(capsys, path) == {"s0": ["Remco Evenepoel"]}
    assert tagged(capsys, "--feed-is-cycling", "no", path) == {"s0": []}
    assert tagged(capsys, "--feed-is-cycling", "yes", path) == {"s0": ["Remco Evenepoel"]}


def test_eval_scores_with_the_choice(tmp_path, capsys):
    path = jsonl(tmp_path, NAMESAKES, riders=[], teams=[])
    assert tagging_cli.main(["eval", path]) == 0
    assert "riders        1.000" in capsys.readouterr().out  # measured: nothing tagged
    assert tagging_cli.main(["eval", "--feed-is-cycling", "yes", path]) == 0
    out = capsys.readouterr().out
    assert "riders        0.000" in out and f"{len(NAMESAKES)}" in out


def test_a_bad_choice_is_refused_naming_the_choices(tmp_path, capsys):
    path = jsonl(tmp_path, [SHORT])
    with pytest.raises(SystemExit) as stopped:
        tagging_cli.main(["tag", "--feed-is-cycling", "maybe", path])
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--feed-is-cycling" in captured.err and "'yes', 'no', 'auto'" in captured.err
