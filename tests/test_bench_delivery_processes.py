"""bench/delivery_processes.py at a toy size: two `domestique run` on one PostgreSQL
database and the rate-limited Discord stand-in, the leader killed mid-burst, and one
process alone. Every post arrives once, no request goes past Discord's global limit, the
other process takes the lead, and the figures are printed (no timing is asserted: speed
is the bench's to report, not a test's)."""

from __future__ import annotations

import re

import pytest

from bench import delivery_processes


@pytest.mark.timeout(300)
async def test_delivery_across_processes_bench_runs(pg_cluster, capsys) -> None:
    args = delivery_processes.parse_args(["--channels", "4", "--fans", "2", "--stories", "3"])
    baseline, killed = await delivery_processes.run(args, pg_cluster)
    for outcome in (baseline, killed):
        assert outcome.posts == 3 * (4 + 2)
        assert (outcome.created, outcome.doubles, outcome.losses) == (outcome.posts, 0, 0)
        assert outcome.global_429s == 0
        assert outcome.answered >= 1  # the servers' commands were answered meanwhile
    assert killed.takeover_s is not None and killed.resumed_s is not None
    out = capsys.readouterr().out
    assert re.search(r"^delivery_processes: 0 429s, 0 doubles, 0 losses, takeover ", out, re.M)
    assert re.search(
        r"^delivery_processes_posts_per_s: [\d.]+ \(baseline [\d.]+, [\d.]+x\)$", out, re.M
    )
