"""Lookup latency: what /rider, /team, /transfers and /news ask storage, at 200k stories.

Run: .venv/bin/python bench/lookups.py [--quick] [--stories N] [--queries N]

Builds (once, cached under /tmp/domestique-bench/ keyed by its parameters and the schema
version) a database of N synthetic stories (default 200,000) with five tags each (four
riders and a team: ~1,000,000 tags) and a transfer move on one story in twelve, written
through the storage layer's own write path (`ArticleStore.save_poll`, a few hundred
stories a call). Riders and teams are picked with a Zipf skew, so the most written-about
rider has tens of thousands of stories, as a Pogačar does.

Each run works on a copy of the cached file and measures, over a few thousand queries
each (kinds interleaved, so noise falls on all of them alike), the latency of the calls
the cogs make through `storage.lookups.Lookups` on the reader connection:

- rider: `rider_page` (a rider's stories and latest move: what one /rider page costs);
- team: `stories_for_team`; board: `transfer_board`; moves: `moves_for_person`;
- race: `race_stories` (what `/race` reads); kind, race+kind: `filtered_stories` (`/news
  kind race`); a story in 2.5 names one of 80 races (Zipf), every story has a kind;
- transfers: `latest_moves`; latest: `latest_stories`; search: `search_stories` (FTS5),
  what people type (see below);
- search shapes, each `search_stories` too: `prefix1`, `prefix2`, `prefix3` and
  `prefix5` (the first 1, 2, 3 or 5 letters of a corpus word, as typed mid-word),
  `word` (a whole corpus word, any frequency), `words+p1` (one or two words and a
  one- or two-letter last word: "stage t"), `common+p` (two of the commonest words and
  a 4-6 letter prefix of another, the shape that merges the most doclists);
- baseline: the same "latest 5 stories for an entity" through a plain rowid tag table
  indexed on the entity only, joined to articles and sorted by date (the design the
  GUIDE measured at p99 94 ms), on the same data.

First idle, then while a writer task stores 50-story polls continuously through
`save_poll` with fan-out (one process, one writer and one reader connection, WAL: how
the bot runs). Each table shows wall-clock latency (what a command waits) and the CPU
the query took (event loop thread plus aiosqlite reader thread): on a shared 2-core
machine the wall clock's tail is mostly waiting for a core, the CPU is its own cost.
Stories are made of the development corpus's words at their real frequencies with
synthetic rider and team names; searches are corpus words and rider-name prefixes.
Prints a table per phase, then `lookup_rider_p99_ms: V (baseline V, ratio)` (wall
clock, with ingestion running).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import re
import shutil
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.tagging import CORPUS, SYLLABLES
from bot.pipeline.fanout import FanOut
from feeds.models import Move, RaceFocus, Story, StoryTags
from storage import Storage
from storage.articles import FeedState, person_key
from storage.db import migrations
from storage.lookups import Lookups

CACHE = Path("/tmp/domestique-bench")
RIDERS = 5_000
TEAMS = 40
FEEDS = 100
TEXT_VERSION = 3
"""Bump when the generated stories change, so cached databases are rebuilt."""
RIDERS_PER_STORY = 4
RACES = 80
RACE_SHARE = 0.4
"""About this share of stories names a race (a Zipf pick: the Tour is named most)."""
KIND_WEIGHTS = {"result": 20, "preview": 12, "lineup": 8, "crash": 6, "transfer": 10,
                "team": 6, "other": 38}  # fmt: skip
TRANSFER_EVERY = 12
BATCH = 500
LIVE_BATCH = 50
START = datetime(2025, 1, 1, tzinfo=UTC).timestamp()
SPAN_S = 2 * 365 * 86400
WORD = re.compile(r"[^\W\d_]+")
BASELINE_QUERIES = 300
"""The baseline is ~100x slower; fewer of its queries keep the run short."""


class World:
    """The synthetic riders, teams and words every story is made of (seeded)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.riders = [f"rider-{i:04d}" for i in range(RIDERS)]
        self.rider_names = [self._name() for _ in self.riders]
        self.teams = [f"team-{i:02d}" for i in range(TEAMS)]
        self.team_names = [f"{self._word().capitalize()} Cycling" for _ in self.teams]
        # Real words at their real frequencies (the development corpus), so full-text
        # search meets English prefixes and doclist sizes, not a made-up vocabulary.
        self.tokens = corpus_words()
        self.searched = [w for w in self.tokens if len(w) >= 4]  # nobody searches "of"
        self.words = sorted(set(self.searched))
        counts = Counter(w.lower() for w in self.tokens)
        self.common = [w for w, _ in counts.most_common(20)]
        # Cumulative weights: rng.choices would otherwise re-add them on every call.
        self.rider_weights = _zipf(RIDERS, 1.0)
        self.team_weights = _zipf(TEAMS, 0.6)
        self.races = [f"race-{i:02d}" for i in range(RACES)]
        self.race_weights = _zipf(RACES, 0.8)

    def _word(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))

    def _name(self) -> str:
        return f"{self._word().capitalize()} {self._word().capitalize()}"

    def pick_riders(self, rng: random.Random, n: int) -> list[int]:
        chosen: dict[int, None] = {}
        while len(chosen) < n:
            for i in rng.choices(range(RIDERS), cum_weights=self.rider_weights, k=n):
                chosen.setdefault(i)
        return list(chosen)[:n]

    def pick_team(self, rng: random.Random) -> int:
        return rng.choices(range(TEAMS), cum_weights=self.team_weights)[0]

    def pick_race(self, rng: random.Random) -> str:
        return self.races[rng.choices(range(RACES), cum_weights=self.race_weights)[0]]

    def pick_kind(self, rng: random.Random) -> str:
        return rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]

    def text(self, rng: random.Random, words: int) -> str:
        return " ".join(rng.choices(self.tokens, k=words))

    def search_words(self, rng: random.Random, n: int) -> str:
        """What someone types: a word as common as it is in the news, or any word."""
        pool = self.searched if rng.random() < 0.5 else self.words
        return " ".join(rng.choice(pool) for _ in range(n))

    def story(self, rng: random.Random, key: str, sort_at: float) -> tuple[Story, StoryTags]:
        riders = self.pick_riders(rng, RIDERS_PER_STORY)
        team = self.pick_team(rng)
        names = [self.rider_names[i] for i in riders]
        title = f"{names[0]} {self.text(rng, 3)} {self.team_names[team]} {self.text(rng, 2)}"
        summary = f"{self.text(rng, 12)} {names[1]} {self.text(rng, 12)}"
        body = (
            f"{self.text(rng, 30)} {names[2]} {self.text(rng, 20)} {names[3]} {self.text(rng, 10)}"
        )
        moves = []
        if rng.randrange(TRANSFER_EVERY) == 0:
            to_team = (team + 1 + rng.randrange(TEAMS - 1)) % TEAMS
            moves.append(
                Move(
                    self.riders[riders[0]],
                    names[0],
                    self.teams[team],
                    self.teams[to_team],
                    self.team_names[team],
                    self.team_names[to_team],
                    rng.choice(("rumour", "confirmed")),
                    rng.choice((2026, 2027)),
                )
            )
        race = self.pick_race(rng) if rng.random() < RACE_SHARE else None
        tags = StoryTags(
            riders=[self.riders[i] for i in riders],
            teams=[self.teams[team]],
            is_transfer=bool(moves),
            moves=moves,
            races=[race] if race else [],
            race_focus=RaceFocus(race, 2026) if race else None,
            kind="transfer" if moves else self.pick_kind(rng),  # type: ignore[arg-type]
        )
        published = datetime.fromtimestamp(sort_at, UTC)
        story = Story(
            key=key,
            url=f"https://news.example/{key}",
            title=title,
            summary=summary,
            body=body,
            published=published,
        )
        return story, tags


def corpus_words() -> list[str]:
    words: list[str] = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            story = json.loads(line)
            words += WORD.findall(f"{story['title']} {story['text']}")
    return words


def _zipf(n: int, s: float) -> list[float]:
    """Cumulative Zipf weights (for `cum_weights`): rank r is drawn in proportion to 1/r^s."""
    return list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, n + 1)))


def cache_path(stories: int, seed: int) -> Path:
    schema = len(migrations())
    name = f"lookups-s{stories}-r{RIDERS}-t{TEAMS}-seed{seed}-text{TEXT_VERSION}-schema{schema}"
    return CACHE / f"{name}.sqlite3"


async def build_database(path: Path, stories: int, seed: int) -> float:
    """Write `stories` synthetic stories through save_poll; returns stories per second."""
    world = World(seed)
    rng = random.Random(seed + 1)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    storage = await Storage.open(partial)
    started = time.perf_counter()
    try:
        feed_ids = [
            # Unlisted: made-up hosts the scheduler must never try to fetch.
            (await storage.feeds.add(f"https://feed{i}.example/rss", START, listed=False))[0].id
            for i in range(FEEDS)
        ]
        step = SPAN_S / stories
        for first in range(0, stories, BATCH):
            feed_id = feed_ids[(first // BATCH) % FEEDS]
            items = [
                world.story(rng, f"s{n}", START + n * step + rng.uniform(-3600, 3600))
                for n in range(first, min(first + BATCH, stories))
            ]
            state = FeedState(f"Feed {feed_id}", None, None, f"h{first}", START + SPAN_S)
            await storage.articles.save_poll(feed_id, items, state, START + SPAN_S)
            if first and first % 20_000 == 0:
                rate = first / (time.perf_counter() - started)
                print(f"  built {first} stories ({rate:.0f}/s)", flush=True)
        rate = stories / (time.perf_counter() - started)
        await build_baseline(storage)
    finally:
        await storage.close()
    partial.rename(path)
    return rate


# The design the WITHOUT ROWID tag table replaced, kept here only to measure against:
# a rowid table indexed on the entity alone, so "latest N" must join and sort every
# story of the entity.
BASELINE_SCHEMA = (
    "CREATE TABLE baseline_tags (entity_id TEXT NOT NULL, article_id INTEGER NOT NULL)",
    "INSERT INTO baseline_tags (entity_id, article_id) SELECT entity_id, article_id FROM tags",
    "CREATE INDEX baseline_tags_by_entity ON baseline_tags (entity_id)",
)
BASELINE_QUERY = (
    "SELECT a.id, a.title, a.url, a.summary, COALESCE(f.title, f.url), a.sort_at "
    "FROM baseline_tags b JOIN articles a ON a.id = b.article_id "
    "JOIN feeds f ON f.id = a.feed_id WHERE b.entity_id = ? "
    "ORDER BY a.sort_at DESC, a.id DESC LIMIT ?"
)


async def build_baseline(storage: Storage) -> None:
    async with storage.transaction() as conn:
        for statement in BASELINE_SCHEMA:
            await conn.execute(statement)


async def baseline_latest(storage: Storage, entity_id: str, limit: int) -> list:
    async with storage.reader.execute(BASELINE_QUERY, (entity_id, limit + 1)) as cur:
        return list(await cur.fetchall())


async def ensure_database(stories: int, seed: int = 7) -> Path:
    """The cached database for these parameters, built first if missing. One cached for
    an older schema is copied and migrated instead: the stories do not depend on it, and
    migrating takes seconds where building takes minutes."""
    path = cache_path(stories, seed)
    if path.exists():
        print(f"using cached {path}", flush=True)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    older = _older_schema(path)
    if older is not None:
        print(f"migrating a copy of {older} ...", flush=True)
        partial = path.with_suffix(".partial")
        shutil.copyfile(older, partial)
        storage = await Storage.open(partial)
        await storage.close()
        for leftover in path.parent.glob(partial.name + "?*"):  # its -wal, -shm, .lock
            leftover.unlink()
        partial.rename(path)
        return path
    print(f"building {path} ({stories} stories through save_poll) ...", flush=True)
    rate = await build_database(path, stories, seed)
    print(f"built at {rate:.0f} stories/s (save_poll, {BATCH} a call)", flush=True)
    return path


def _older_schema(path: Path) -> Path | None:
    """The newest cached file with the same stories as `path` and an older schema."""
    stem, _, version = path.stem.rpartition("-schema")
    found = [
        (int(other.stem.rpartition("-schema")[2]), other)
        for other in path.parent.glob(f"{stem}-schema*.sqlite3")
        if other.stem.rpartition("-schema")[2].isdigit()
    ]
    older = [(v, other) for v, other in found if v < int(version)]
    return max(older)[1] if older else None


Query = Callable[[], Awaitable[object]]


def search_shapes(world: World, rng: random.Random) -> dict[str, Callable[[], str]]:
    """What /news search is asked, by shape: a prefix of 1, 2, 3 or 5 letters alone, a
    word, words with a 1-2 letter last word, two of the commonest words with a 4-6 letter
    prefix, three words (the last a whole word, so also a prefix)."""

    def prefix(letters: int) -> str:
        while True:
            word = rng.choice(world.words)
            if len(word) >= letters:
                return word[:letters]

    def short_last() -> str:
        return f"{world.search_words(rng, rng.randint(1, 2))} {prefix(rng.randint(1, 2))}"

    def common_prefix() -> str:
        common = " ".join(rng.choices(world.common, k=2))
        return f"{common} {prefix(rng.randint(4, 6))}"

    return {
        "prefix1": partial(prefix, 1),
        "prefix2": partial(prefix, 2),
        "prefix3": partial(prefix, 3),
        "prefix5": partial(prefix, 5),
        "word": lambda: rng.choice(world.words),
        "words+p1": short_last,
        "common+p": common_prefix,
        "3 words": lambda: world.search_words(rng, 3),
    }


def plan(world: World, lookups: Lookups, storage: Storage, n: int, rng: random.Random):
    """(kind, call) pairs, every kind `n` times (baseline fewer), shuffled together."""

    def rider() -> str:
        return world.riders[world.pick_riders(rng, 1)[0]]

    def team() -> str:
        return world.teams[world.pick_team(rng)]

    def search_text() -> str:
        roll = rng.random()
        if roll < 0.5:
            return world.search_words(rng, 1)
        if roll < 0.75:
            return world.search_words(rng, 2)
        surname = world.rider_names[world.pick_riders(rng, 1)[0]].split()[1]
        return surname[:5].lower()  # "pogac" style: a prefix while typing

    def search(make: Callable[[], str]) -> Query:
        return partial(lookups.search_stories, make(), 8, 0)

    shapes = search_shapes(world, rng)

    makers: dict[str, Callable[[], Query]] = {
        "rider": lambda: partial(lookups.rider_page, rider(), 5, 0),
        "team": lambda: partial(lookups.stories_for_team, team(), 5, 0),
        "board": lambda: partial(lookups.transfer_board, team(), 15),
        "moves": lambda: partial(lookups.moves_for_person, rider(), 15),
        "transfers": lambda: partial(lookups.latest_moves, 15),
        "latest": lambda: partial(lookups.latest_stories, 8, 0),
        "race": lambda: partial(lookups.race_stories, world.pick_race(rng), 8, 0),
        "kind": lambda: partial(lookups.filtered_stories, 8, 0, kind=world.pick_kind(rng)),
        "race+kind": lambda: partial(
            lookups.filtered_stories, 8, 0, race_id=world.pick_race(rng), kind=world.pick_kind(rng)
        ),
        "search": lambda: search(search_text),
        **{shape: partial(search, make) for shape, make in shapes.items()},
        "baseline": lambda: partial(baseline_latest, storage, person_key(rider()), 5),
    }
    calls = [
        (kind, make())
        for kind, make in makers.items()
        for _ in range(min(n, BASELINE_QUERIES) if kind == "baseline" else n)
    ]
    rng.shuffle(calls)
    return calls


@dataclass
class Timings:
    wall: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    """Milliseconds from the call to its answer, as a slash command waits for it."""
    cpu: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    """Milliseconds of CPU the query took on the event loop's thread and the aiosqlite
    reader's thread: its own cost, without waiting for a core on a shared machine."""
    loop: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    """Milliseconds of CPU on the event loop's thread alone: how long the query held every
    other command (a query SQLite runs on the reader thread holds it only to hand off)."""


def reader_cpu_clock(storage: Storage) -> int:
    # aiosqlite runs each connection in its own thread (the baseline query uses it).
    return time.pthread_getcpuclockid(storage.reader._thread.ident)  # type: ignore[attr-defined]


async def measure(calls, clock: int) -> Timings:  # type: ignore[no-untyped-def]
    out = Timings()
    for kind, call in calls:
        start, loop = time.perf_counter(), time.thread_time()
        cpu = loop + time.clock_gettime(clock)
        await call()
        out.wall[kind].append((time.perf_counter() - start) * 1000)
        used = time.thread_time() + time.clock_gettime(clock) - cpu
        out.cpu[kind].append(used * 1000)
        out.loop[kind].append((time.thread_time() - loop) * 1000)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def table(title: str, timings: Timings) -> None:
    print(f"\n{title}")
    print(
        f"{'query':>10} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}"
        f" {'cpu p50':>8} {'cpu p99':>8} {'loop p99':>8}"
    )
    for kind in sorted(timings.wall):
        wall, cpu = timings.wall[kind], timings.cpu[kind]
        print(
            f"{kind:>10} {len(wall):>6} {statistics.median(wall):>8.3f}"
            f" {percentile(wall, 0.99):>8.3f} {max(wall):>8.3f}"
            f" {statistics.median(cpu):>8.3f} {percentile(cpu, 0.99):>8.3f}"
            f" {percentile(timings.loop[kind], 0.99):>8.3f}"
        )


class LiveWriter:
    """Stores 50-story polls of a live feed back to back, as ingestion does, with fan-out."""

    def __init__(self, storage: Storage, world: World, seed: int) -> None:
        self.storage = storage
        self.world = world
        self.rng = random.Random(seed)
        self.stories = 0
        self.made = 0
        self.fanout = FanOut(48 * 3600)

    def batch(self) -> list[tuple[Story, StoryTags]]:
        now = time.time()
        first = self.made
        self.made += LIVE_BATCH
        return [
            self.world.story(self.rng, f"live-{first + i}", now - self.rng.uniform(0, 3600))
            for i in range(LIVE_BATCH)
        ]

    async def run(self, stop: asyncio.Event) -> None:
        feed, _ = await self.storage.feeds.add(
            "https://live.example/rss", time.time(), listed=False
        )
        while not stop.is_set():
            # Made in a thread, as ingestion parses and tags off the event loop.
            items = await asyncio.to_thread(self.batch)
            now = time.time()
            state = FeedState("Live", None, None, f"live{self.made}", now)
            saved = await self.storage.articles.save_poll(
                feed.id, items, state, now, after=self.fanout
            )
            self.stories += len(saved.new)


async def run(stories: int, queries: int, seed: int) -> int:
    cached = await ensure_database(stories, seed)
    work = cached.with_name("lookups-run.sqlite3")
    for leftover in cached.parent.glob(work.name + "*"):
        leftover.unlink()
    shutil.copyfile(cached, work)
    storage = await Storage.open(work)
    try:
        world = World(seed)
        lookups = Lookups(storage)
        clock = reader_cpu_clock(storage)
        async with storage.reader.execute("SELECT COUNT(*) FROM tags") as cur:
            tags = (await cur.fetchone())[0]
        async with storage.reader.execute("SELECT COUNT(*) FROM moves") as cur:
            moves = (await cur.fetchone())[0]
        print(f"{await storage.articles.count()} stories, {tags} tags, {moves} moves")
        await measure(plan(world, lookups, storage, 50, random.Random(seed)), clock)  # warm up

        idle = await measure(plan(world, lookups, storage, queries, random.Random(seed + 2)), clock)
        table("idle", idle)

        writer = LiveWriter(storage, world, seed + 3)
        stop = asyncio.Event()
        task = asyncio.create_task(writer.run(stop))
        started = time.perf_counter()
        busy = await measure(plan(world, lookups, storage, queries, random.Random(seed + 4)), clock)
        elapsed = time.perf_counter() - started
        stop.set()
        await task
        table(
            f"while ingesting ({writer.stories} stories stored in {elapsed:.1f} s, "
            f"{writer.stories / elapsed:.0f}/s)",
            busy,
        )
    finally:
        await storage.close()
        for leftover in work.parent.glob(work.name + "*"):
            leftover.unlink()
    print()
    report(busy)
    return 0


LOOKUP_KINDS = (
    *("rider", "team", "board", "moves", "transfers", "latest", "race", "kind", "race+kind"),
)
SEARCH_KINDS = (
    *("search", "prefix1", "prefix2", "prefix3", "prefix5", "word", "words+p1", "common+p"),
)


def report(busy: Timings) -> None:
    def p99(values: dict[str, list[float]], kind: str) -> float:
        return percentile(values[kind], 0.99)

    for name, values in (
        ("wall clock", busy.wall),
        ("CPU", busy.cpu),
        ("event loop CPU", busy.loop),
    ):
        worst = max(LOOKUP_KINDS, key=lambda kind: p99(values, kind))
        shape = max(SEARCH_KINDS, key=lambda kind: p99(values, kind))
        print(
            f"targets with ingestion running ({name}): lookups p99 <= 2 ms: worst "
            f"{worst} {p99(values, worst):.3f} ms; FTS p99 <= 10 ms: search "
            f"{p99(values, 'search'):.3f} ms, worst shape {shape} {p99(values, shape):.3f} ms"
        )
    rider, base = p99(busy.wall, "rider"), p99(busy.wall, "baseline")
    print(f"lookup_rider_p99_ms: {rider:.3f} (baseline {base:.3f}, {base / rider:.0f}x faster)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 stories, fewer queries")
    parser.add_argument("--stories", type=int, default=None)
    parser.add_argument("--queries", type=int, default=None, help="per kind (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    stories = args.stories or (20_000 if args.quick else 200_000)
    queries = args.queries or (500 if args.quick else 2_000)
    return asyncio.run(run(stories, queries, args.seed))


if __name__ == "__main__":
    sys.exit(main())
