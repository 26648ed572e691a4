"""`domestique db copy`: how fast a SQLite installation moves into PostgreSQL.

Run: .venv/bin/python bench/dbcopy.py [--quick] [--stories N]

Builds (once, cached under /tmp/domestique-bench/) a SQLite database of N synthetic
stories (default 20,000) through `ArticleStore.save_poll`, made as bench/lookups.py makes
them (five tags, a race or two, a move on one story in twelve), starts a throwaway
PostgreSQL cluster (tests/pgcluster.py; needs initdb, pg_ctl and postgres on PATH), and
times `storage.copy.copy_to_postgres` into an empty database: every row copied, the
search index filled, identities reset, both sides checksummed, one commit. Then the same
copy again, which finds the target already holds it and writes nothing.

Baseline, in the same run: reading and checksumming the SQLite file alone (one pass
over every row, the least a checked copy can cost). Ends with
`db_copy_rows_per_s: V (baseline V, ratio)`.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/pgcluster.py, run as a script from anywhere

from bench.lookups import BATCH, CACHE, SPAN_S, START, World  # noqa: E402
from storage import Storage  # noqa: E402
from storage.articles import FeedState  # noqa: E402
from storage.copy import copy_to_postgres  # noqa: E402
from storage.copy_check import sqlite_sum, sqlite_tables  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.db import migrations  # noqa: E402
from tests.pgcluster import MISSING, missing_binaries, running_cluster  # noqa: E402

FEEDS = 20


async def build(path: Path, stories: int, seed: int = 7) -> None:
    world, rng = World(seed), random.Random(seed + 1)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    storage = await Storage.open(partial)
    try:
        feeds = [
            (await storage.feeds.add(f"https://feed{i}.example/rss", START, listed=False))[0].id
            for i in range(FEEDS)
        ]
        step = SPAN_S / stories
        for first in range(0, stories, BATCH):
            feed_id = feeds[(first // BATCH) % FEEDS]
            items = [
                world.story(rng, f"s{n}", START + n * step)
                for n in range(first, min(first + BATCH, stories))
            ]
            state = FeedState(f"Feed {feed_id}", None, None, f"h{first}", START + SPAN_S)
            await storage.articles.save_poll(feed_id, items, state, START + SPAN_S)
    finally:
        await storage.close()
    partial.rename(path)


async def ensure(stories: int) -> Path:
    path = CACHE / f"dbcopy-s{stories}-schema{len(migrations())}.sqlite3"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {path} ({stories} stories through save_poll) ...", flush=True)
        await build(path, stories)
    return path


async def read_source(path: Path) -> tuple[int, float]:
    """Rows and seconds for one checksummed pass over every table (the baseline)."""
    database = await Database.open(path, read_only=True)
    try:
        started = time.perf_counter()
        rows = 0
        for table in (await sqlite_tables(database.writer)).values():
            rows += (await sqlite_sum(database.writer, table)).rows
        return rows, time.perf_counter() - started
    finally:
        await database.close()


async def run(stories: int) -> int:
    source = await ensure(stories)
    with running_cluster() as cluster:
        url = cluster.url(await cluster.create_database(migrated=True))
        base_rows, base_s = await read_source(source)
        started = time.perf_counter()
        report = await copy_to_postgres(source, url)
        wall = time.perf_counter() - started
        again_started = time.perf_counter()
        again = await copy_to_postgres(source, url)
        again_s = time.perf_counter() - again_started
    assert report.matches and again.outcome == "already copied"
    for check in sorted(report.tables, key=lambda c: -c.source.rows)[:6]:
        print(f"  {check.name:<16} {check.source.rows:>9} rows")
    rate, base_rate = report.rows / wall, base_rows / base_s
    print(f"stories: {stories}; rows in every table: {report.rows}")
    print(f"copy (checked, one commit): {wall:.1f} s wall, {report.seconds:.1f} s copying")
    print(f"  {rate:,.0f} rows/s, {stories / wall:,.0f} stories/s")
    print(f"copy again (finds it already there, writes nothing): {again_s:.1f} s")
    print(f"baseline, reading and checksumming the SQLite file: {base_s:.1f} s")
    print(f"db_copy_rows_per_s: {rate:.0f} (baseline {base_rate:.0f}, {rate / base_rate:.2f}x)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 stories")
    parser.add_argument("--stories", type=int, default=None)
    args = parser.parse_args()
    if missing_binaries():
        print(f"skipped: {MISSING}")
        return 0
    return asyncio.run(run(args.stories or (2000 if args.quick else 20_000)))


if __name__ == "__main__":
    sys.exit(main())
