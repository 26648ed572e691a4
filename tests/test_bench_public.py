"""bench/public_instance.py at a toy size, SQLite only: the bench runs end to end, both
fan-outs write outbox rows for the same targets, and it prints its figures (no timing is
asserted: speed is the bench's to report, not a test's)."""

from __future__ import annotations

import re

import pytest

from bench import public_instance


def test_public_instance_bench_runs_on_sqlite(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--servers", "20", "--stories", "600", "--sqlite-only", "--queries", "10"]
    assert public_instance.main([*argv, "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "20 servers, 100 subscriptions, 200 follows, 500 feeds, 600 stories" in out
    row = re.search(
        r"^\s+sqlite\s+([\d.]+)\s+[\d.]+\s+(\d+)\s+.*?([\d.]+)\s+(\d+)\s+[\d.]+x", out, re.M
    )
    assert row, out
    bot_rows, baseline_rows = int(row.group(2)), int(row.group(4))
    assert bot_rows > 100
    # The baseline matches the same subscriptions and follows (it skips only fan-out's
    # duplicate and repost checks and the spoiler shield, which find nothing here).
    assert bot_rows == baseline_rows
    for kind in ("rider", "team", "transfers", "latest", "search", "baseline"):
        assert re.search(rf"^\s+sqlite\s+{kind}\s+10\s", out, re.M), kind
    assert re.search(r"^public_fanout_sqlite_s: [\d.]+ \(baseline [\d.]+, [\d.]+x\)$", out, re.M)
