"""A simulated public instance on SQLite and PostgreSQL: fan-out of a cycle, and lookups.

Run: .venv/bin/python bench/public_instance.py [--quick] [--servers N] [--stories N]
     [--sqlite-only] [--lookups-only] [--queries N] [--rounds N] [--explain MS]

The instance (issue #16's size by default): 10,000 servers, 50,000 subscriptions,
100,000 follows, 500 feeds, 200,000 stories. The stories are bench/lookups.py's cached
database (built once through `save_poll`); servers, subscriptions, follows, tracked
entities and server feed lists are seeded into a copy of it with plain SQL (marked
SEEDING below: bulk rows no command would write that fast). That file is copied into a
throwaway PostgreSQL cluster (tests/pgcluster.py: loopback, stopped at the end) with
`storage.copy.copy_to_postgres`, what `domestique db copy` runs, then ANALYZEd.

Who subscribes to what: 40 % of servers chose 5-20 of the 500 feeds, the rest use the
50 default feeds; a subscription is a rider (45 %), team (20 %), transfers (12 %), race
(10 %), tracked (9 %) or everything (4 %) subscription, one in five narrowed to some
story kinds; a follow is a rider (70 %), team (15 %), race (10 %) or transfers (5 %)
one. Riders, teams and races are picked with a Zipf skew (flatter than the stories'),
so the most followed rider has a few thousand subscribers and fans.

1. Fan-out of a 100-story cycle: 100 new stories over 25 feeds (15 default, 10 others)
   are stored, then `FanOut` (bot/pipeline/fanout.py) queues each feed's stories in one
   transaction, as the poll does: (a) what the poll pays. Then the expansion
   (bot/pipeline/expansion.py) turns the queue into outbox rows, one story per
   transaction, oldest first: (b) the time from the cycle's end to its first story's
   rows, and (c) the whole cycle's expansion, unthrottled, in s and rows/s, split into
   matching subscriptions, matching follows, writing rows and the rest, beside the time
   delivery takes to send those rows at 45 posts/s. Baseline in the same run: what a
   competent user writes, every row inside the poll: one indexed query per story for
   subscriptions and one for follows (entity index, `entity_id IS NULL` for the
   catch-all kinds), filters in Python, one `executemany` per feed (asyncpg's own,
   pipelined, on PostgreSQL). On PostgreSQL also a trial: the expansion with its rows
   written in one `unnest` statement per story (the bench's code, not the product's),
   beside the product's multi-row INSERTs. Rounds alternate.
2. Lookups at the instance's size, idle: p50/p99 wall clock of what /rider (its page:
   stories and latest move), /team, /transfers (latest, a team's board, a rider's
   moves), /race, /news and /news search ask (`storage.lookups.Lookups`), beside
   bench/lookups.py's plain-index baseline and `SELECT 1` (the round-trip floor).
3. Storing new stories through `save_poll`, one and 25 at a time, in ms a story: on
   PostgreSQL with the search blocks of migration 017 kept by their trigger and, in the
   same run, alternating, with that trigger off (a story's cost before 017).

`--explain MS` has the PostgreSQL server log the plan (auto_explain, EXPLAIN ANALYZE) of
every statement over MS milliseconds, kept in /tmp/domestique-bench/. The full size takes
about 15 minutes (two of them copying into PostgreSQL); `--quick` (a tenth) about 1.5.

Ends with `public_fanout_pg_s: V (baseline V, ratio)`: V what the poll pays (a).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/pgcluster.py, run as a script from anywhere

from bench.lookups import (  # noqa: E402
    CACHE,
    RACES,
    RIDERS,
    TEAMS,
    World,
    _zipf,
    baseline_latest,
    build_baseline,
    ensure_database,
    percentile,
    search_shapes,
)
from bot.pipeline.expansion import MAX_DUE_AHEAD, expand  # noqa: E402
from bot.pipeline.fanout import FanOut  # noqa: E402
from bot.pipeline.story_facts import story_entities, transfer_teams  # noqa: E402
from storage import Storage  # noqa: E402
from storage import outbox_fanout as outbox_sql  # noqa: E402
from storage.articles import FeedState, SavedStory, person_key, race_key, team_key  # noqa: E402
from storage.copy import copy_to_postgres  # noqa: E402
from storage.kinds import kind_bit  # noqa: E402
from storage.lookups import Lookups  # noqa: E402
from storage.postgres import translate  # noqa: E402
from tests.pgcluster import MISSING, missing_binaries, running_cluster  # noqa: E402

FEEDS = 500
DEFAULT_FEEDS = 50
CYCLE_STORIES = 100
CYCLE_FEEDS = (15, 10)
"""The cycle's feeds: this many default feeds, then this many others."""
GUILD_BASE = 10**17
USER_BASE = 2 * 10**17
SUB_KINDS = {"rider": 45, "team": 20, "transfers": 12, "race": 10, "tracked": 9, "all": 4}
FOLLOW_KINDS = {"rider": 70, "team": 15, "race": 10, "transfers": 5}
MAX_AGE_S = 48 * 3600
DISCORD_POSTS_PER_S = 45.0
"""What the delivery worker sends at most (bot/discord/delivery.py, under Discord's 50)."""


@dataclass(frozen=True)
class Size:
    servers: int
    subscriptions: int
    follows: int
    stories: int


# --- SEEDING: bulk rows straight into the tables (the bench's, not the product's) --------


def instance_rows(size: Size, seed: int) -> dict[str, list[tuple]]:
    rng = random.Random(seed)
    riders, teams, races = _zipf(RIDERS, 0.8), _zipf(TEAMS, 0.6), _zipf(RACES, 0.8)

    def entity(kind: str) -> str | None:
        if kind == "rider":
            return person_key(f"rider-{rng.choices(range(RIDERS), cum_weights=riders)[0]:04d}")
        if kind == "team" or (kind == "transfers" and rng.random() < 0.5):
            return team_key(f"team-{rng.choices(range(TEAMS), cum_weights=teams)[0]:02d}")
        if kind == "race":
            return race_key(f"race-{rng.choices(range(RACES), cum_weights=races)[0]:02d}")
        return None

    def kinds() -> int:
        if rng.random() >= 0.2:
            return 0
        return kind_bit("result") | kind_bit(rng.choice(("transfer", "preview", "crash")))

    feed_weights = _zipf(FEEDS, 0.8)
    guild_feeds, tracked, subs, follows = {}, {}, {}, {}
    for server in range(size.servers):
        if rng.random() < 0.4:
            for feed in rng.choices(range(FEEDS), cum_weights=feed_weights, k=rng.randint(5, 20)):
                guild_feeds[(GUILD_BASE + server, feed + 1)] = (None, 0.0)
    while len(subs) < size.subscriptions:
        guild = GUILD_BASE + rng.randrange(size.servers)
        kind = rng.choices(list(SUB_KINDS), weights=list(SUB_KINDS.values()))[0]
        channel = guild * 10 + rng.randrange(3)
        if kind == "tracked":
            for _ in range(10):
                tracked[(guild, entity(rng.choice(("rider", "team"))))] = (None, 0.0)
        role = guild + 1 if rng.random() < 0.3 else None
        mode = "digest" if rng.random() < 0.1 else "each"
        subs[(guild, channel, kind, entity(kind))] = (role, mode, 0.0, kinds(), 0)
    while len(follows) < size.follows:
        user = USER_BASE + rng.randrange(max(1, size.follows // 2))
        kind = rng.choices(list(FOLLOW_KINDS), weights=list(FOLLOW_KINDS.values()))[0]
        follows[(user, kind, entity(kind))] = ("daily" if rng.random() < 0.2 else "each", 0.0)
    return {
        "INSERT INTO guild_feeds (guild_id, feed_id, added_by, added_at) VALUES (?, ?, ?, ?)": [
            (*k, *v) for k, v in guild_feeds.items()
        ],
        "INSERT INTO tracked (guild_id, entity_id, added_by, added_at) VALUES (?, ?, ?, ?)": [
            (*k, *v) for k, v in tracked.items()
        ],
        "INSERT INTO subscriptions (guild_id, channel_id, kind, entity_id, role_id, mode,"
        " created_at, kinds, ping_kinds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)": [
            (*k, *v) for k, v in subs.items()
        ],
        "INSERT INTO follows (user_id, kind, entity_id, mode, created_at, kinds)"
        " VALUES (?, ?, ?, ?, ?, 0)": [(*k, *v) for k, v in follows.items()],
    }


async def seed(storage: Storage, size: Size, seed_: int) -> list[str]:
    """The instance's feeds, servers, subscriptions and follows; the default feed URLs."""
    async with storage.transaction() as conn:
        # SEEDING: the lookups cache's baseline table is no product table (db copy refuses
        # it); every feed counts as polled before, so the cycle's stories are news.
        await conn.execute("DROP TABLE IF EXISTS baseline_tags")
        await conn.execute("DELETE FROM fanout_pending")  # left by the cache's own polls
        have = (await conn.execute_fetchall("SELECT COUNT(*) FROM feeds"))[0][0]
        await conn.executemany(
            "INSERT INTO feeds (url, added_at, listed) VALUES (?, 0, 0)",
            [(f"https://more{i}.example/rss",) for i in range(have, FEEDS)],
        )
        await conn.execute("UPDATE feeds SET primed = 1, listed = 0")
        await conn.execute("UPDATE feeds SET listed = 1 WHERE id <= ?", (DEFAULT_FEEDS,))
        for statement, rows in instance_rows(size, seed_).items():
            await conn.executemany(statement, rows)
        rows = await conn.execute_fetchall("SELECT url FROM feeds WHERE listed = 1 ORDER BY id")
    return [str(r[0]) for r in rows]


async def counts(storage: Storage) -> str:
    names = ("feeds", "articles", "tags", "subscriptions", "follows", "guild_feeds", "tracked")
    found = []
    for name in names:
        rows = await storage.reader.execute_fetchall(f"SELECT COUNT(*) FROM {name}")
        found.append(f"{rows[0][0]} {name}")
    servers = await storage.reader.execute_fetchall(
        "SELECT COUNT(DISTINCT guild_id) FROM subscriptions"
    )
    return ", ".join([*found, f"{servers[0][0]} servers"])


# --- 1. fan-out of a cycle ----------------------------------------------------------------


class Phases:
    """Seconds `FanOut` spends in each storage call, by wrapping the module's functions
    (fan-out calls them through the module, so the wrapper sees every call)."""

    NAMES = ("matching_subscriptions", "matching_follows", "insert_rows")

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._saved = {name: getattr(outbox_sql, name) for name in self.NAMES}

    def __enter__(self) -> Phases:
        for name, function in self._saved.items():
            setattr(outbox_sql, name, self._timed(name, function))
        return self

    def __exit__(self, *exc: object) -> None:
        for name, function in self._saved.items():
            setattr(outbox_sql, name, function)

    def _timed(self, name, function):  # type: ignore[no-untyped-def]
        async def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return await function(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - started

        return timed


async def store_cycle(storage: Storage, world: World, seed: int) -> dict[int, list[SavedStory]]:
    """The cycle's new stories, stored without fan-out; by feed."""
    rng = random.Random(seed)
    defaults, others = CYCLE_FEEDS
    feeds = list(range(1, defaults + 1)) + list(range(FEEDS - others + 1, FEEDS + 1))
    now = time.time()
    out = {}
    for i, feed in enumerate(feeds):
        share = range(i * CYCLE_STORIES // len(feeds), (i + 1) * CYCLE_STORIES // len(feeds))
        items = [world.story(rng, f"cycle-{n}", now - rng.uniform(0, 1800)) for n in share]
        state = FeedState(f"Feed {feed}", None, None, f"cycle{feed}", now)
        out[feed] = (await storage.articles.save_poll(feed, items, state, now)).new
    return out


@dataclass
class CycleRun:
    """One round of the bot's fan-out of the cycle."""

    poll_s: float
    """What the poll pays: the cycle's stories queued, inside each feed's transaction."""
    first_s: float
    """From the end of the cycle to its first story's outbox rows committed."""
    expand_s: float
    """Expanding the whole cycle, the first story included, unthrottled."""
    split: dict[str, float]


async def bot_fanout(
    storage: Storage, fanout: FanOut, cycle: dict[int, list[SavedStory]], *, trial: bool = False
) -> CycleRun:
    now = time.time()
    started = time.perf_counter()
    for feed, new in cycle.items():
        async with storage.transaction() as conn:
            await fanout(conn, feed, new, now)
    poll_s = time.perf_counter() - started
    with Phases() as phases:
        if trial:
            outbox_sql.insert_rows = phases._timed("insert_rows", one_statement_insert)
        started = time.perf_counter()
        first = await expand(storage, fanout, ahead=MAX_DUE_AHEAD, stories=1)
        first_s = time.perf_counter() - started
        rest = await expand(storage, fanout, ahead=None)
        expand_s = time.perf_counter() - started
    assert first.stories == 1 and first.stories + rest.stories == CYCLE_STORIES, (first, rest)
    return CycleRun(poll_s, first_s, expand_s, dict(phases.seconds))


# The baseline's own SQL: what someone writing fan-out from scratch would do.
BASE_SUBS = (
    "SELECT id, channel_id, guild_id, role_id, mode, kind, entity_id, kinds FROM subscriptions"
    " WHERE disabled_reason IS NULL AND (entity_id IN ({marks}) OR entity_id IS NULL)"
)
BASE_TRACKED = "SELECT DISTINCT guild_id FROM tracked WHERE entity_id IN ({marks})"
BASE_FOLLOWS = (
    "SELECT id, user_id, mode, kind, entity_id, kinds FROM follows"
    " WHERE paused_reason IS NULL AND (entity_id IN ({marks}) OR entity_id IS NULL)"
)
BASE_INSERT = (
    "INSERT OR IGNORE INTO outbox (article_id, target, guild_id, subscription_id, follow_id,"
    " role_id, digest, nonce, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _wanted(kind: str, entity: str | None, mask: int, saved: SavedStory, keys: set[str]) -> bool:
    if mask and not mask & kind_bit(saved.tags.kind):
        return False
    if kind == "all":
        return True
    if kind == "transfers":
        return saved.tags.is_transfer and (entity is None or entity in transfer_teams(saved))
    return entity in keys


async def baseline_story(conn, saved: SavedStory, reads: dict[int, bool], now: float) -> list:  # type: ignore[no-untyped-def]
    """One story's outbox rows: one indexed query for subscriptions (and one for the
    servers tracking its names), one for follows, the filters in Python."""
    keys = set(story_entities(saved)) | {race_key(r) for r in saved.tags.races}
    wanted = (*keys, *transfer_teams(saved))
    marks = ", ".join("?" * len(wanted))
    named = story_entities(saved)  # what a tracked name must be (not a move's teams)
    tracked_sql = BASE_TRACKED.format(marks=", ".join("?" * len(named)))
    tracking = {int(r[0]) for r in await conn.execute_fetchall(tracked_sql, tuple(named))}
    rows, seen = [], set()
    for sid, channel, guild, role, mode, kind, entity, mask in await conn.execute_fetchall(
        BASE_SUBS.format(marks=marks), wanted
    ):
        if kind == "tracked":
            ok = guild in tracking and _wanted("all", None, mask, saved, keys)
        else:
            ok = _wanted(kind, entity, mask, saved, keys)
        target = f"channel:{channel}"
        if ok and reads[guild] and target not in seen:
            seen.add(target)
            nonce = uuid.uuid4().hex[:25]
            rows.append(
                (
                    saved.article_id,
                    target,
                    guild,
                    sid,
                    None,
                    role,
                    int(mode == "digest"),
                    nonce,
                    now,
                    now,
                )
            )
    for fid, user, mode, kind, entity, mask in await conn.execute_fetchall(
        BASE_FOLLOWS.format(marks=marks), wanted
    ):
        target = f"user:{user}"
        if _wanted(kind, entity, mask, saved, keys) and target not in seen:
            seen.add(target)
            nonce = uuid.uuid4().hex[:25]
            rows.append(
                (
                    saved.article_id,
                    target,
                    None,
                    None,
                    fid,
                    None,
                    int(mode == "daily"),
                    nonce,
                    now,
                    now,
                )
            )
    return rows


class Reads(dict):
    """Whether a server reads the feed at hand: its own list, else the default list."""

    def __init__(self, chosen: dict[int, set[int]], feed: int, is_default: bool) -> None:
        super().__init__()
        self.chosen, self.feed, self.is_default = chosen, feed, is_default

    def __missing__(self, guild: int) -> bool:
        own = self.chosen.get(guild)
        self[guild] = self.feed in own if own is not None else self.is_default
        return self[guild]


async def baseline_fanout(
    storage: Storage, defaults: list[str], cycle: dict[int, list[SavedStory]]
) -> float:
    now = time.time()
    started = time.perf_counter()
    chosen: dict[int, set[int]] = defaultdict(set)
    for guild, feed in await storage.reader.execute_fetchall(
        "SELECT guild_id, feed_id FROM guild_feeds"
    ):
        chosen[int(guild)].add(int(feed))
    for feed, new in cycle.items():
        reads = Reads(chosen, feed, feed <= len(defaults))
        async with storage.transaction() as conn:
            rows = []
            for saved in new:
                rows += await baseline_story(conn, saved, reads, now)
            if storage.engine == "postgres":
                # asyncpg's own executemany (one pipelined round trip), as someone writing
                # for PostgreSQL would; the storage layer's runs a statement per row.
                await conn._source.executemany(translate(BASE_INSERT).text, rows)  # type: ignore[attr-defined]
            else:
                await conn.executemany(BASE_INSERT, rows)
    return time.perf_counter() - started


# A trial, not the product's code: expansion's rows written in one statement a story
# (PostgreSQL), beside `insert_rows`' few multi-row INSERTs.
UNNEST_INSERT = (
    "INSERT INTO outbox (article_id, target, guild_id, subscription_id, follow_id, role_id,"
    " digest, also_on, nonce, next_attempt_at, created_at, not_before, spoiler)"
    " SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[],"
    " $6::bigint[], $7::bigint[], $8::text[], $9::text[], $10::float8[], $11::float8[],"
    " $12::float8[], $13::bigint[]) ON CONFLICT DO NOTHING"
)


async def one_statement_insert(conn, article_id, rows, now, also_on=()):  # type: ignore[no-untyped-def]
    rows = list(rows)
    if not rows:
        return 0
    also = json.dumps(list(also_on)) if also_on else None
    values = [
        (article_id, r.target, r.guild_id, r.subscription_id, r.follow_id, r.role_id,
         int(r.digest), also, uuid.uuid4().hex[:25], now, now, r.not_before, int(r.spoiler))
        for r in rows
    ]  # fmt: skip
    status = await conn._source.execute(UNNEST_INSERT, *map(list, zip(*values, strict=True)))
    return int(status.rsplit(" ", 1)[-1])


async def outbox_rows(storage: Storage, where: str = "") -> int:
    rows = await storage.reader.execute_fetchall(f"SELECT COUNT(*) FROM outbox {where}")
    return int(rows[0][0])


async def clear_outbox(storage: Storage) -> None:
    async with storage.transaction() as conn:
        await conn.execute("DELETE FROM outbox")  # the bench's own rows, between rounds
        await conn.execute("DELETE FROM fanout_pending")


@dataclass
class FanoutFigures:
    poll_s: float
    poll_best_s: float
    first_s: float
    expand_s: float
    baseline_s: float
    rows: int
    baseline_rows: int
    split: dict[str, float]
    trial_s: float | None


async def fanout_figures(
    storage: Storage, defaults: list[str], world: World, rounds: int
) -> FanoutFigures:
    cycle = await store_cycle(storage, world, seed=11)
    fanout = FanOut(MAX_AGE_S, defaults)
    runs: list[CycleRun] = []
    base, trial = [], []
    for _ in range(rounds):
        if storage.engine == "postgres":
            await clear_outbox(storage)
            trial.append((await bot_fanout(storage, fanout, cycle, trial=True)).expand_s)
        await clear_outbox(storage)
        runs.append(await bot_fanout(storage, fanout, cycle))
        written = await outbox_rows(storage)
        to_fans = await outbox_rows(storage, "WHERE follow_id IS NOT NULL")
        await clear_outbox(storage)
        base.append(await baseline_fanout(storage, defaults, cycle))
        base_written = await outbox_rows(storage)
    await clear_outbox(storage)
    print(f"  fan-out wrote {written} outbox rows ({to_fans} to fans) for {CYCLE_STORIES} stories")
    names = {name for run in runs for name in run.split}
    return FanoutFigures(
        poll_s=statistics.median(r.poll_s for r in runs),
        poll_best_s=min(r.poll_s for r in runs),
        first_s=statistics.median(r.first_s for r in runs),
        expand_s=statistics.median(r.expand_s for r in runs),
        baseline_s=statistics.median(base),
        rows=written,
        baseline_rows=base_written,
        split={n: statistics.median(r.split.get(n, 0.0) for r in runs) for n in names},
        trial_s=statistics.median(trial) if trial else None,
    )


# --- 2. lookups ---------------------------------------------------------------------------


async def lookup_figures(storage: Storage, world: World, queries: int) -> dict[str, list[float]]:
    if storage.engine == "postgres":
        # What autovacuum's insert-driven pass does after the bulk copy: until then each
        # first read of a row checks its transaction and index-only scans read the table
        # (measured at 20,000 stories: search p50 10-13 ms unvacuumed, 1.5-6 ms after).
        await storage.writer.execute("VACUUM ANALYZE")
    lookups = Lookups(storage)
    rng = random.Random(5)

    def rider() -> str:
        return world.riders[world.pick_riders(rng, 1)[0]]

    def search_text() -> str:
        if rng.random() < 0.75:
            return world.search_words(rng, rng.randint(1, 2))
        return world.rider_names[world.pick_riders(rng, 1)[0]].split()[1][:5].lower()

    makers = {
        # what cogs/riders.py asks for one /rider page: the stories and the latest move
        "rider": lambda: partial(lookups.rider_page, rider(), 5, 0),
        "team": lambda: partial(lookups.stories_for_team, world.teams[world.pick_team(rng)], 5, 0),
        "transfers": lambda: partial(lookups.latest_moves, 15),
        "board": lambda: partial(lookups.transfer_board, world.teams[world.pick_team(rng)], 15),
        "moves": lambda: partial(lookups.moves_for_person, rider(), 15),
        "latest": lambda: partial(lookups.latest_stories, 8, 0),
        "race": lambda: partial(lookups.race_stories, world.pick_race(rng), 8, 0),
        "search": lambda: partial(lookups.search_stories, search_text(), 8, 0),
        # /news search by shape (bench/lookups.py's), each beside the same SELECT 1
        **{
            shape: (lambda make=make: partial(lookups.search_stories, make(), 8, 0))
            for shape, make in search_shapes(world, rng).items()
        },
        "baseline": lambda: partial(baseline_latest, storage, person_key(rider()), 5),
        # The floor: one statement that reads nothing, on the same reader.
        "SELECT 1": lambda: partial(storage.reader.execute_fetchall, "SELECT 1"),
    }
    calls = [(kind, make()) for kind, make in makers.items() for _ in range(queries)]
    rng.shuffle(calls)
    for _, call in calls[:100]:  # warm the caches and the prepared statements
        await call()
    wall: dict[str, list[float]] = defaultdict(list)
    for kind, call in calls:
        started = time.perf_counter()
        await call()
        wall[kind].append((time.perf_counter() - started) * 1000)
    return wall


WRITE_ROUNDS = 24
"""Rounds of story writes per batch size (each round with and without the blocks)."""
WRITE_BATCHES = (1, 25)
BLOCK_TRIGGERS = ("articles_search_blocks_insert",)


async def write_figures(storage: Storage, world: World, rounds: int) -> dict[str, list[float]]:
    """Milliseconds per story that `save_poll` takes to store new stories, one and 25 at a
    time: on PostgreSQL with migration 017's search blocks kept by their trigger and, in
    alternate order in the same run, with that trigger off (what a story cost before)."""
    rng = random.Random(17)
    feed, _ = await storage.feeds.add("https://writes.example/rss", time.time(), listed=False)
    sides = ("blocks", "no blocks") if storage.engine == "postgres" else ("FTS5",)
    costs: dict[str, list[float]] = defaultdict(list)
    n = 0
    for r in range(rounds):
        for batch in WRITE_BATCHES:
            for side in sides if r % 2 else sides[::-1]:
                if storage.engine == "postgres":
                    state = "ENABLE" if side == "blocks" else "DISABLE"
                    for trigger in BLOCK_TRIGGERS:
                        await storage.writer.execute(
                            f"ALTER TABLE articles_search {state} TRIGGER {trigger}"
                        )
                now = time.time()
                items = [world.story(rng, f"write-{n + i}", now) for i in range(batch)]
                n += batch
                feed_state = FeedState("Writes", None, None, f"w{n}", now)
                started = time.perf_counter()
                await storage.articles.save_poll(feed.id, items, feed_state, now)
                costs[f"{side}, {batch}"].append((time.perf_counter() - started) * 1000 / batch)
    if storage.engine == "postgres":
        for trigger in BLOCK_TRIGGERS:
            await storage.writer.execute(f"ALTER TABLE articles_search ENABLE TRIGGER {trigger}")
    return dict(costs)


# --- the run ------------------------------------------------------------------------------


@dataclass
class EngineFigures:
    fan: FanoutFigures | None  # None: --lookups-only
    wall: dict[str, list[float]]
    writes: dict[str, list[float]]


async def measure(storage: Storage, defaults: list[str], args: argparse.Namespace) -> EngineFigures:
    world = World(7)
    print(f"  {await counts(storage)}", flush=True)
    if args.lookups_only:
        return EngineFigures(None, await lookup_figures(storage, world, args.queries), {})
    fan = await fanout_figures(storage, defaults, world, args.rounds)
    wall = await lookup_figures(storage, world, args.queries)
    writes = await write_figures(storage, world, WRITE_ROUNDS // (4 if args.quick else 1))
    return EngineFigures(fan, wall, writes)


async def run(size: Size, args: argparse.Namespace) -> int:
    cached = await ensure_database(size.stories)
    figures: dict[str, EngineFigures] = {}
    with tempfile.TemporaryDirectory(prefix="domestique-public-") as folder:
        work = Path(folder) / "instance.sqlite3"
        shutil.copyfile(cached, work)
        storage = await Storage.open(work)
        try:
            started = time.perf_counter()
            defaults = await seed(storage, size, seed_=3)
            print(f"seeded the instance in {time.perf_counter() - started:.1f} s", flush=True)
        finally:
            await storage.close()
        if not args.sqlite_only:
            if missing_binaries():
                print(f"PostgreSQL skipped: {MISSING}")
            else:
                figures["postgres"] = await run_postgres(work, defaults, args)
        storage = await Storage.open(work)
        try:
            await build_baseline(storage)
            print("sqlite:", flush=True)
            figures["sqlite"] = await measure(storage, defaults, args)
        finally:
            await storage.close()
    report(size, figures)
    return 0


async def run_postgres(work: Path, defaults: list[str], args: argparse.Namespace):
    with running_cluster() as cluster:
        url = cluster.url(await cluster.create_database(migrated=True))
        started = time.perf_counter()
        copied = await copy_to_postgres(work, url)
        assert copied.matches, copied.outcome
        print(
            f"copied into PostgreSQL ({copied.rows} rows) in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        if args.explain is not None:
            await explain_slow(cluster, args.explain)
        storage = await Storage.open(url)
        try:
            await build_baseline(storage)
            await storage.writer.execute("ANALYZE")  # what autovacuum does after a bulk load
            print("postgres:", flush=True)
            return await measure(storage, defaults, args)
        finally:
            await storage.close()
            if args.explain is not None:
                kept = CACHE / "public-instance-explain.log"
                shutil.copyfile(cluster.folder / "server.log", kept)
                print(f"plans of statements over {args.explain} ms: {kept}", flush=True)


async def explain_slow(cluster, ms: int) -> None:  # type: ignore[no-untyped-def]
    """Have the server log the plan (EXPLAIN ANALYZE) of every statement over `ms` that a
    later connection runs (auto_explain; costs time, so the figures of such a run are
    for finding where time goes, not for the table)."""
    conn = await asyncpg.connect(cluster.url("postgres"))
    try:
        await conn.execute("LOAD 'auto_explain'")  # so ALTER SYSTEM knows its settings
        await conn.execute("ALTER SYSTEM SET session_preload_libraries = 'auto_explain'")
        await conn.execute(f"ALTER SYSTEM SET auto_explain.log_min_duration = {int(ms)}")
        await conn.execute("ALTER SYSTEM SET auto_explain.log_analyze = on")
        await conn.execute("SELECT pg_reload_conf()")
    finally:
        await conn.close()


KINDS = ("rider", "team", "transfers", "board", "moves", "latest", "race", "search", "baseline",
         "SELECT 1")  # fmt: skip
PAGES = KINDS[:7]
"""The lookups held to 5 ms on PostgreSQL and 2 ms on SQLite (search: 10 ms)."""
SEARCH_SHAPES = ("prefix1", "prefix2", "prefix3", "prefix5", "word", "words+p1", "common+p",
                 "3 words")  # fmt: skip


def report(size: Size, figures: dict[str, EngineFigures]) -> None:
    print(
        f"\n{size.servers} servers, {size.subscriptions} subscriptions, {size.follows} "
        f"follows, {FEEDS} feeds, {size.stories} stories"
    )
    if all(e.fan is not None for e in figures.values()):
        report_fanout(figures)
    report_lookups(figures)


def report_fanout(figures: dict[str, EngineFigures]) -> None:
    print(f"\nfan-out of a {CYCLE_STORIES}-story cycle (median of rounds; s)")
    print(
        f"{'engine':>9} {'poll':>7} {'first':>7} {'rows':>7} {'expand':>7} {'rows/s':>7}"
        f" {'subs':>6} {'follows':>7} {'insert':>7} {'other':>6} {'baseline':>8} {'rows':>7}"
        f" {'base/poll':>9} {'trial':>6}"
    )
    for engine, e in figures.items():
        f = e.fan
        assert f is not None
        subs, fans, insert = (f.split.get(n, 0.0) for n in Phases.NAMES)
        trial = f"{f.trial_s:.2f}" if f.trial_s is not None else "-"
        print(
            f"{engine:>9} {f.poll_s:>7.3f} {f.first_s:>7.3f} {f.rows:>7} {f.expand_s:>7.2f}"
            f" {f.rows / f.expand_s:>7.0f} {subs:>6.2f} {fans:>7.2f} {insert:>7.2f}"
            f" {f.expand_s - subs - fans - insert:>6.2f} {f.baseline_s:>8.2f}"
            f" {f.baseline_rows:>7} {f.baseline_s / f.poll_s:>8.1f}x {trial:>6}"
        )
    print(
        "(poll: what the poll pays, the stories queued; first: from the cycle's end to its\n"
        " first story's rows; expand: the whole cycle into the outbox, unthrottled, split into\n"
        " matching subscriptions, follows, writing rows and the rest; trial: expansion with\n"
        " rows written by one unnest statement a story, PostgreSQL only)"
    )
    for engine, e in figures.items():
        assert e.fan is not None
        at = e.fan.rows / DISCORD_POSTS_PER_S
        print(
            f"{engine:>9}: expansion {e.fan.rows / e.fan.expand_s:,.0f} rows/s; delivery at"
            f" {DISCORD_POSTS_PER_S:.0f} posts/s sends the cycle in {at:,.0f} s ({at / 3600:.1f} h)"
        )
    print("\nstoring new stories (save_poll; ms a story, median and max of rounds)")
    print(f"{'engine':>9} {'search index':>12} {'batch':>6} {'n':>4} {'median':>8} {'max':>8}")
    for engine, e in figures.items():
        for key, costs in sorted(e.writes.items()):
            side, batch = key.split(", ")
            print(
                f"{engine:>9} {side:>12} {batch:>6} {len(costs):>4}"
                f" {statistics.median(costs):>8.2f} {max(costs):>8.2f}"
            )


def report_lookups(figures: dict[str, EngineFigures]) -> None:
    print("\nlookups, idle (wall ms)")
    print(f"{'engine':>9} {'query':>10} {'n':>6} {'p50':>8} {'p99':>8} {'max':>8}")
    for engine, e in figures.items():
        for kind in (*KINDS, *SEARCH_SHAPES):
            wall = e.wall[kind]
            print(
                f"{engine:>9} {kind:>10} {len(wall):>6} {statistics.median(wall):>8.3f}"
                f" {percentile(wall, 0.99):>8.3f} {max(wall):>8.3f}"
            )
    print("\nsummary (targets: fan-out the poll pays <= 2 s on PostgreSQL; lookups p99 <= 5 ms")
    print("on PostgreSQL, <= 2 ms on SQLite; search shown against the same figure and against")
    print("the 10 ms every /news search is held to)")
    print(f"{'engine':>9} {'fan-out s':>9} {'met':>4} {'worst lookup p99 ms':>22} {'met':>4}"
          f" {'search p99 ms':>13} {'met':>4} {'<=10':>4}")  # fmt: skip
    for engine, e in figures.items():
        worst = max(PAGES, key=lambda k: percentile(e.wall[k], 0.99))
        # search: its worst shape
        shape = max(("search", *SEARCH_SHAPES), key=lambda k: percentile(e.wall[k], 0.99))
        p99, search = percentile(e.wall[worst], 0.99), percentile(e.wall[shape], 0.99)
        limit = 5.0 if engine == "postgres" else 2.0
        poll_s = e.fan.poll_s if e.fan is not None else float("nan")
        fan_ok = ("yes" if poll_s <= 2.0 else "no") if engine == "postgres" else "-"
        print(
            f"{engine:>9} {poll_s:>9.2f} {fan_ok:>4} {f'{worst} {p99:.3f}':>22}"
            f" {_met(p99 <= limit):>4} {search:>13.3f} {_met(search <= limit):>4}"
            f" {_met(search <= 10.0):>4}"
        )
    name = "postgres" if "postgres" in figures else "sqlite"
    f = figures[name].fan
    if f is None:
        return
    print(
        f"public_fanout_{'pg' if name == 'postgres' else name}_s: {f.poll_s:.2f} "
        f"(baseline {f.baseline_s:.2f}, {f.baseline_s / f.poll_s:.2f}x)"
    )


def _met(ok: bool) -> str:
    return "yes" if ok else "no"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the instance")
    parser.add_argument("--servers", type=int, default=None, help="default 10,000")
    parser.add_argument("--stories", type=int, default=None, help="default 200,000")
    parser.add_argument("--queries", type=int, default=None, help="per lookup kind")
    parser.add_argument("--rounds", type=int, default=None, help="fan-out rounds (default 3)")
    parser.add_argument(
        "--explain", type=int, metavar="MS", help="log PostgreSQL plans of statements over MS"
    )
    parser.add_argument("--sqlite-only", action="store_true", help="no PostgreSQL cluster")
    parser.add_argument(
        "--lookups-only", action="store_true", help="no fan-out or write rounds: lookups alone"
    )
    args = parser.parse_args(argv)
    servers = args.servers or (1_000 if args.quick else 10_000)
    size = Size(
        servers, servers * 5, servers * 10, args.stories or (20_000 if args.quick else 200_000)
    )
    args.queries = args.queries or (200 if args.quick else 1_000)
    args.rounds = args.rounds or (2 if args.quick else 3)
    return asyncio.run(run(size, args))


if __name__ == "__main__":
    sys.exit(main())
