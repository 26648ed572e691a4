"""Polling speed: the real poll cycle over hundreds of local feeds, beside the fetch-only
floor and an aiohttp + feedparser loop.

Run: .venv/bin/python bench/polling.py [--feeds 500] [--items 50] [--concurrency 20]
     [--hosts 50] [--quick] [--profile FILE]

`--steady-runs N` runs the steady cycle N times in a row (one more new item in every
feed each time) for N samples of it in one run. `--profile FILE` writes a cProfile of the
event loop's thread during the (first) steady cycle, timed in CPU (thread) time:
`python -m pstats FILE`. The other threads' CPU is in the "CPU seconds by thread" table.

A feed server (tests/feedserver.py) runs in its OWN process, so its work never counts as
a stall of the bot's event loop nor as the bot's CPU (its CPU is shown apart). It
serves N feeds of --items items each (0: 20-50), built from the development corpus
(titles, first paragraphs as descriptions, the full text as content:encoded in every
third feed, as WordPress sites do), so parsing and tagging do real work. Real feeds live
on different hosts and the fetcher allows 2 connections per host, so the feeds are dealt
round --hosts loopback addresses (127.0.1.x; 50 by default, 10 feeds each): on one host
the 2-per-host limit would serialise them.

The bot side is built as bot/app.py builds it (build_app with test settings and a
temporary database: guarded session, Fetcher, process parse pool, bundled roster,
tagger, storage, fan-out). Scenarios, each one call of `Ingestor.poll_due(force=True)`:

- first poll, 200 ms: every answer delayed 200 ms, every item new (stored as backlog);
- all 304: the second poll, nothing changed, validators sent, no delay;
- 200 ms, 200 unchanged: every answer delayed 200 ms, the server ignores validators
  (full 200 bodies, unchanged, so the body hash spares the parse): the fetch-only
  floor every other 200 ms figure is compared with;
- 200 ms, 1 in 5 changed: the same delay, and every fifth feed has one new item
  (fetched, parsed, tagged and stored again; the others are spared by the hash);
- steady cycle: the same delay, and one new item in every feed: each feed is parsed
  again, and its stories already stored are not tagged again (the tag cache,
  bot/pipeline/ingest.py).

The baseline is what a competent user writes: aiohttp with the same concurrency and
feedparser on each body as it arrives, over the same feeds with the same 200 ms delay:
fetch and parse only (no tagging, no storing, no limits), so the bot's first poll does
more work than it.

Columns: wall seconds; CPU seconds of the bot (this process, all threads, plus the
parse-pool worker processes read from /proc; not the server nor the stall probe, though
both are this process's children); the server's CPU; the longest
event-loop stall (a ticker every 5 ms records the largest gap beyond its sleep), with
the loop thread's own CPU inside it, beside the stall of an idle loop in a separate
probe process (the machine's floor: on a shared 2-core machine other processes take
the cores too); full garbage collections in the bot and the longest one (the bot freezes
its roster and tagger out of the collector, as build_app does). A second table splits
each changed-feed cycle by stage (`Ingestor.stages`: fetch, parse, tag, store) with the
bot process's peak resident memory; each cycle's progress line says in how many batches
its changed feeds' polls were written (bot/pipeline/poll_writer.py). Prints the target
checks, then
`first_poll_s: V (baseline V, Nx; floor V, Nx)`.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import json
import math
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
import aiosqlite
import feedparser
from aiohttp import web

from bot.app import build_app
from bot.pipeline import parse_pool
from bot.pipeline.ingest import StageTimes
from bot.settings import Settings
from tests.corpus import DEV_CORPUS
from tests.feedserver import FeedServer, _Published

HOSTS = 50
DELAY_S = 0.2
CHANGED_EVERY = 5
STEADY = "steady: 1 new in each feed"
FIRST = "first poll, 200 ms"
FLOOR = "200 ms, 200 unchanged"
TICK_S = 0.005
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
EPOCH = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)

# -- the feeds ------------------------------------------------------------------------


def load_corpus(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _item(feed: int, n: int, story: dict[str, Any], full_text: bool) -> str:
    paragraphs = [p for p in story["text"].split("\n\n") if p.strip()]
    summary = " ".join(paragraphs[:2])
    when = EPOCH - timedelta(minutes=37 * n + feed)
    content = ""
    if full_text:
        html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        content = f"<content:encoded><![CDATA[{html}]]></content:encoded>"
    return (
        f"<item><title>{escape(story['title'])}</title>"
        f"<link>https://news{feed}.example/{story['id']}-{n}</link>"
        f'<guid isPermaLink="false">feed{feed}-item{n}</guid>'
        f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate>"
        f"<description>{escape(summary)}</description>{content}</item>"
    )


def feed_body(feed: int, corpus: list[dict[str, Any]], extra: int = 0, items: int = 0) -> bytes:
    """Feed `feed` of the run: `items` items (0: 20-50), newest first; `extra` newer on top."""
    rng = random.Random(feed)
    count = items or rng.randint(20, 50)
    full_text = feed % 3 == 0
    items = [
        _item(feed, n, corpus[(feed * 7 + n) % len(corpus)], full_text)
        for n in range(-extra, count)
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Cycling news {feed}</title><link>https://news{feed}.example/</link>"
        f"<description>Pro cycling news</description>{''.join(items)}</channel></rss>"
    ).encode()


def feed_host(feed: int, hosts: int) -> str:
    """Feeds are dealt round the hosts, as a real list mixes sites."""
    n = feed % hosts
    return f"127.0.{1 + n // 250}.{1 + n % 250}"


# -- the server process -----------------------------------------------------------------


class BenchFeedServer(FeedServer):
    """The test feed server with a delay before every answer and validators switchable off."""

    delay_s = 0.0
    conditional = True

    async def _serve_published(self, request: web.Request) -> web.StreamResponse:
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        return await super()._serve_published(request)

    def _not_modified(self, request: web.Request, item: _Published) -> bool:  # type: ignore[override]
        return self.conditional and FeedServer._not_modified(request, item)


def serve(conn: Connection, feeds: int, hosts: int, corpus_path: str, items: int) -> None:
    """Server process: serve the feeds, obey commands from the pipe until "stop"."""
    asyncio.run(_serve(conn, feeds, hosts, Path(corpus_path), items))


async def _serve(conn: Connection, feeds: int, hosts: int, corpus_path: Path, items: int) -> None:
    corpus = load_corpus(corpus_path)

    def publish(server: FeedServer, feed: int, hosts: int, corpus: list, extra: int) -> str:
        return publish_feed(server, feed, hosts, corpus, extra, items)

    addresses = sorted({feed_host(i, hosts) for i in range(feeds)})
    server = BenchFeedServer(addresses[0], extra_hosts=addresses[1:])
    await server.start()
    urls = [publish(server, i, hosts, corpus, 0) for i in range(feeds)]
    extras = [0] * feeds
    conn.send(urls)
    loop = asyncio.get_running_loop()
    while True:
        command, arg = await loop.run_in_executor(None, conn.recv)
        if command == "stop":
            break
        if command == "delay":
            server.delay_s = arg
        elif command == "conditional":
            server.conditional = arg
        elif command == "extra":  # (new items, in every how many feeds)
            extra, every = arg
            for i in range(0, feeds, every):
                extras[i] = extra
                publish(server, i, hosts, corpus, extra)
        elif command == "one_more":  # one new item in every feed
            for i in range(feeds):
                extras[i] += 1
                publish(server, i, hosts, corpus, extras[i])
        server.requests.clear()  # unbounded otherwise
        conn.send("ok")
    await server.close()


def publish_feed(
    server: FeedServer, feed: int, hosts: int, corpus: list[dict[str, Any]], extra: int, items: int
) -> str:
    server.publish(f"/feed/{feed}.xml", feed_body(feed, corpus, extra, items))
    return server.url(f"/feed/{feed}.xml", host=feed_host(feed, hosts))


class ServerProcess:
    def __init__(self, feeds: int, hosts: int, corpus: Path, items: int) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self.process = context.Process(target=serve, args=(child, feeds, hosts, str(corpus), items))
        self.process.start()
        self.urls: list[str] = self._conn.recv()

    def command(self, name: str, arg: object = None) -> None:
        self._conn.send((name, arg))
        assert self._conn.recv() == "ok"

    def cpu_s(self) -> float:
        return _proc_cpu_s(self.process.pid or 0)

    def stop(self) -> None:
        self._conn.send(("stop", None))
        self.process.join(10)
        if self.process.is_alive():
            self.process.terminate()


# -- measuring ----------------------------------------------------------------------------


def _proc_cpu_s(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def _descendants(root: int, skip: set[int]) -> list[int]:
    """Live descendants of `root` (the forkserver and its parse workers), minus `skip`."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, stack = [], [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in skip:
                found.append(child)
                stack.append(child)
    return found


class CpuMeter:
    """CPU seconds of this process plus its worker processes, excluding the server."""

    def __init__(self, skip: set[int]) -> None:
        self._skip = skip

    def snapshot(self) -> dict[int, float]:
        me = resource.getrusage(resource.RUSAGE_SELF)
        cpu = {0: me.ru_utime + me.ru_stime}
        for pid in _descendants(os.getpid(), self._skip):
            cpu[pid] = _proc_cpu_s(pid)
        return cpu

    @staticmethod
    def spent(before: dict[int, float], after: dict[int, float]) -> float:
        return sum(value - before.get(pid, 0.0) for pid, value in after.items())


class StallTicker:
    """Sleeps TICK_S again and again; the longest overshoot is the longest loop stall.

    It also notes how much CPU this thread used during that longest gap: near the gap
    means code ran on the loop; near zero means the loop was ready but waiting (for
    the GIL, held by another of our threads, or for a core the OS gave elsewhere).
    """

    def __init__(self) -> None:
        self.longest = 0.0
        self.longest_busy = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        last, last_cpu = loop.time(), time.thread_time()
        while True:
            await asyncio.sleep(TICK_S)
            now, cpu = loop.time(), time.thread_time()
            if now - last - TICK_S > self.longest:
                self.longest, self.longest_busy = now - last - TICK_S, cpu - last_cpu
            last, last_cpu = now, cpu

    def __enter__(self) -> StallTicker:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


def probe(conn: Connection) -> None:
    """Probe process: an idle event loop ticking like StallTicker; each message on the
    pipe is answered with the longest stall since the last one. Its stalls are the
    machine's noise floor (other processes taking the cores), not ours."""

    async def run() -> None:
        loop = asyncio.get_running_loop()
        ticker = StallTicker()
        done = loop.create_future()

        def answer() -> None:
            if conn.recv() == "stop":
                done.set_result(None)
                return
            conn.send(ticker.longest)
            ticker.longest = 0.0

        loop.add_reader(conn.fileno(), answer)
        with ticker:
            await done

    asyncio.run(run())


class ProbeProcess:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self.process = context.Process(target=probe, args=(child,))
        self.process.start()

    def longest_stall(self) -> float:
        """The probe's longest stall since the last call."""
        self._conn.send("read")
        return float(self._conn.recv())

    def stop(self) -> None:
        self._conn.send("stop")
        self.process.join(10)
        if self.process.is_alive():
            self.process.terminate()


class FullCollections:
    """Full (generation 2) garbage collections while active, and the longest one.

    A collection holds the GIL, so every thread, the event loop included, waits for it.
    Timed in CPU seconds of the collecting thread, so the machine's load hardly moves it.
    """

    def __init__(self) -> None:
        self.count = 0
        self.longest = 0.0
        self._started = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.thread_time()
        else:
            self.count += 1
            self.longest = max(self.longest, time.thread_time() - self._started)

    def __enter__(self) -> FullCollections:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)


_AIOSQLITE_WORKER = getattr(aiosqlite.core, "_connection_worker_thread", None)
"""What each aiosqlite connection's thread runs (how its threads are told apart)."""


def thread_cpu() -> dict[str, float]:
    """CPU seconds of this process's threads so far, grouped by what they do: the event
    loop, the tagging thread, the SQLite connections' threads, the rest."""
    out: dict[str, float] = {}
    for thread in threading.enumerate():
        if thread.native_id is None:
            continue
        if thread is threading.main_thread():
            group = "loop"
        elif thread.name.startswith("domestique-tag"):
            group = "tag"
        elif getattr(thread, "_target", None) is _AIOSQLITE_WORKER:
            group = "sqlite"
        else:
            group = "other"
        try:
            with open(f"/proc/self/task/{thread.native_id}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        out[group] = out.get(group, 0.0) + cpu
    return out


def stage_difference(before: StageTimes, after: StageTimes) -> StageTimes:
    return StageTimes(
        **{f.name: getattr(after, f.name) - getattr(before, f.name) for f in fields(StageTimes)}
    )


def _hwm_mb(pid: int | str) -> float:
    """A process's peak resident memory (VmHWM), MB."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def worker_peak_mb(meter: CpuMeter) -> float:
    """The largest peak of the bot's worker processes (the parse worker)."""
    return max((_hwm_mb(pid) for pid in meter.snapshot() if pid), default=0.0)


@dataclass
class Row:
    scenario: str
    wall_s: float
    cpu_s: float
    server_cpu_s: float | None = None
    stall_s: float | None = None
    stall_busy_s: float = 0.0
    floor_s: float | None = None
    full_gcs: int | None = None
    longest_gc_s: float = 0.0
    outcomes: str = ""
    note: str = ""
    stages: StageTimes | None = None
    threads: dict[str, float] = field(default_factory=dict)
    """CPU seconds by thread group (thread_cpu) and of the parse worker ("parse")."""
    peak_rss_mb: float | None = None
    """The bot process's peak resident memory so far (VmHWM)."""
    worker_peak_mb: float = 0.0


# -- the bot side -------------------------------------------------------------------------


async def bot_scenarios(
    server: ServerProcess,
    probe: ProbeProcess,
    concurrency: int,
    profile: Path | None = None,
    steady_runs: int = 1,
) -> list[Row]:
    # The probe is a child of this process too, but its idle loop is no work of the bot.
    meter = CpuMeter({server.process.pid or 0, probe.process.pid or 0})
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="domestique-bench-") as tmp:
        settings = Settings(
            database=Path(tmp) / "bench.sqlite3",
            allow_private_hosts=("127.0.0.0/8",),
            fetch_concurrency=concurrency,
        )
        async with build_app(settings) as app:
            now = time.time()
            for url in server.urls:
                await app.storage.feeds.add(url, now)
            # Start the parse worker before timing: a bot starts it once, not per cycle.
            await app.ingestor.parse_pool.parse(feed_body(0, CORPUS_ROWS), "warm-up", 5)

            async def cycle() -> str:
                report = await app.ingestor.poll_due(force=True, keep_stories=False)
                counts: dict[str, int] = {}
                for feed in report.feeds:
                    counts[feed.outcome] = counts.get(feed.outcome, 0) + 1
                stories = report.new_count
                shown = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
                return shown + (f"; {stories} stories" if stories else "")

            async def measure(name: str, run: Callable[[], Awaitable[str]]) -> None:
                before_server = server.cpu_s()
                probe.longest_stall()
                before = meter.snapshot()
                stages = app.ingestor.stages.snapshot()
                writer = getattr(app.ingestor, "writer", None)  # (absent before batched writes)
                written = (writer.polls, writer.batches) if writer else (0, 0)
                threads = thread_cpu()
                with StallTicker() as ticker, FullCollections() as collections:
                    started = time.perf_counter()
                    outcomes = await run()
                    wall = time.perf_counter() - started
                after = meter.snapshot()
                cpu = CpuMeter.spent(before, after)
                threads_after = thread_cpu()
                row = Row(name, wall, cpu, server.cpu_s() - before_server, ticker.longest)
                row.stall_busy_s = ticker.longest_busy
                row.floor_s = probe.longest_stall()
                row.full_gcs, row.longest_gc_s = collections.count, collections.longest
                row.outcomes = outcomes
                row.stages = stage_difference(stages, app.ingestor.stages)
                row.threads = {k: v - threads.get(k, 0.0) for k, v in threads_after.items()}
                row.threads["parse"] = sum(
                    v - before.get(pid, 0.0) for pid, v in after.items() if pid
                )
                row.peak_rss_mb = _hwm_mb("self")
                row.worker_peak_mb = worker_peak_mb(meter)
                rows.append(row)
                batches = ""
                if writer and writer.batches > written[1]:
                    polls, writes = writer.polls - written[0], writer.batches - written[1]
                    batches = f"; {polls} polls written in {writes} batches"
                print(f"  {name}: {wall:.2f} s CPU {cpu:.2f} s ({outcomes}{batches})", flush=True)

            server.command("delay", DELAY_S)
            await measure(FIRST, cycle)
            server.command("delay", 0.0)
            await measure("all 304 (second poll)", cycle)
            server.command("delay", DELAY_S)
            server.command("conditional", False)
            await measure(FLOOR, cycle)
            server.command("extra", (1, CHANGED_EVERY))
            await measure(f"200 ms, 1 in {CHANGED_EVERY} changed", cycle)
            for repeat in range(steady_runs):
                server.command("one_more")
                name = STEADY if repeat == 0 else f"{STEADY} #{repeat + 1}"
                if profile is None or repeat:
                    await measure(name, cycle)
                    continue
                profiler = cProfile.Profile(time.thread_time_ns, 1e-9)  # the loop thread, CPU
                profiler.enable()
                await measure(name, cycle)
                profiler.disable()
                profiler.dump_stats(profile)
    server.command("delay", 0.0)
    server.command("extra", (0, CHANGED_EVERY))
    server.command("conditional", True)
    return rows


# -- the baseline -------------------------------------------------------------------------


async def _competent_loop(urls: list[str], concurrency: int) -> int:
    """What a competent user writes: aiohttp with the same concurrency, each body parsed
    by feedparser as it arrives (in the event loop). Fetch and parse only: no tagging,
    no storing, no limits on what a feed may send."""
    entries = 0
    limit = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession() as session:

        async def one(url: str) -> None:
            nonlocal entries
            async with limit, session.get(url) as response:
                body = await response.read()
            entries += len(feedparser.parse(io.BytesIO(body)).entries)

        await asyncio.gather(*(one(url) for url in urls))
    return entries


def baseline(urls: list[str], concurrency: int, server: ServerProcess, meter: CpuMeter) -> Row:
    before_server = server.cpu_s()
    before = meter.snapshot()
    started = time.perf_counter()
    entries = asyncio.run(_competent_loop(urls, concurrency))
    wall = time.perf_counter() - started
    if entries == 0:
        raise SystemExit("baseline: feedparser read no entries; is the server up?")
    return Row(
        "baseline: aiohttp+feedparser",
        wall,
        CpuMeter.spent(before, meter.snapshot()),
        server.cpu_s() - before_server,
        outcomes=f"{entries} entries read (fetch and parse only)",
    )


def print_stages(rows: list[Row]) -> None:
    """Where each changed-feed cycle's time went (summed over feeds: they overlap)."""
    print(
        f"\n{'scenario':<28} {'fetch':>7} {'queued':>7} {'parse':>7} {'tag':>6} {'tag CPU':>7}"
        f" {'tag wait':>8} {'store':>6} {'tagged':>7} {'cached':>7} {'tag%':>5} {'RSS MB':>7}"
    )
    for row in rows:
        st = row.stages
        if st is None or not st.feeds_changed:
            continue
        print(
            f"{row.scenario:<28} {st.fetch_s:>7.1f} {st.queued_s:>7.1f} {st.parse_s:>7.1f}"
            f" {st.tag_s:>6.1f} {st.tag_cpu_s:>7.1f} {st.tag_queue_s:>8.1f} {st.store_s:>6.1f}"
            f" {st.stories_tagged:>7} {st.stories_cached:>7} {100 * st.tag_s / row.wall_s:>4.0f}%"
            f" {row.peak_rss_mb or 0:>7.0f}"
        )
    print(
        f"\n{'CPU seconds by thread':<28} {'loop':>6} {'tag':>6} {'sqlite':>6}"
        f" {'other':>6} {'parse':>6}"
    )
    for row in rows:
        if row.stages is None or not row.stages.feeds_changed:
            continue
        t = row.threads
        print(
            f"{row.scenario:<28} {t.get('loop', 0):>6.1f} {t.get('tag', 0):>6.1f}"
            f" {t.get('sqlite', 0):>6.1f} {t.get('other', 0):>6.1f} {t.get('parse', 0):>6.1f}"
        )
    print(
        "(seconds summed over feeds; fetch = waiting for answers; queued = fetched bodies "
        "waiting for room in the pipeline; parse = awaiting the parse worker; tag = the "
        "tagging thread busy, tag% of the cycle; tag wait = tagging jobs queued for it; "
        "store = stored-story look-up + save_poll; RSS = the bot process's peak so far)"
    )


# -- report -------------------------------------------------------------------------------


def print_table(rows: list[Row]) -> None:
    header = (
        f"{'scenario':<28} {'wall s':>7} {'CPU s':>6} {'server CPU':>10} "
        f"{'stall ms (busy)':>15} {'floor ms':>8} {'full GCs (ms)':>13}  outcome"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        stall = "-"
        if row.stall_s is not None:
            stall = f"{row.stall_s * 1000:.0f} ({row.stall_busy_s * 1000:.0f})"
        floor = f"{row.floor_s * 1000:.0f}" if row.floor_s is not None else "-"
        gcs = "-"
        if row.full_gcs is not None:
            gcs = f"{row.full_gcs} ({row.longest_gc_s * 1000:.0f})" if row.full_gcs else "0"
        server_cpu = f"{row.server_cpu_s:.2f}" if row.server_cpu_s is not None else "-"
        outcome = row.outcomes + (f" [{row.note}]" if row.note else "")
        print(
            f"{row.scenario:<28} {row.wall_s:>7.2f} {row.cpu_s:>6.2f} {server_cpu:>10} "
            f"{stall:>15} {floor:>8} {gcs:>13}  {outcome}"
        )


def check(label: str, ok: bool, figure: str) -> bool:
    print(f"  [{'met' if ok else 'NOT MET'}] {label}: {figure}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=50, help="items a feed (0: 20-50)")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--hosts", type=int, default=HOSTS, help="loopback hosts to spread over")
    parser.add_argument("--corpus", type=Path, default=DEV_CORPUS)
    parser.add_argument("--quick", action="store_true", help="60 feeds")
    parser.add_argument(
        "--parse-workers", type=int, default=None, help="parse processes (default: the bot's)"
    )
    parser.add_argument(
        "--profile", type=Path, default=None, help="cProfile the steady cycle's loop thread here"
    )
    parser.add_argument(
        "--steady-runs", type=int, default=1, help="steady cycles in a row (one new item each)"
    )
    args = parser.parse_args(argv)
    if args.parse_workers:
        parse_pool.WORKERS = args.parse_workers
    feeds = 60 if args.quick else args.feeds
    global CORPUS_ROWS
    CORPUS_ROWS = load_corpus(args.corpus)

    hosts = min(args.hosts, feeds)
    print(
        f"Polling {feeds} local feeds of {args.items or '20-50'} items dealt round {hosts} "
        f"loopback hosts (fetch concurrency {args.concurrency}, 2 per host, "
        f"{parse_pool.WORKERS} parse worker(s)); the feed server runs in its own process"
    )
    load_before = os.getloadavg()[0]
    server = ServerProcess(feeds, hosts, args.corpus, args.items)
    probe = ProbeProcess()
    try:
        rows = asyncio.run(
            bot_scenarios(server, probe, args.concurrency, args.profile, args.steady_runs)
        )
        print("  baseline: aiohttp + feedparser in a loop, 200 ms", flush=True)
        server.command("delay", DELAY_S)
        server.command("conditional", False)
        meter = CpuMeter({server.process.pid or 0, probe.process.pid or 0})
        base = baseline(server.urls, args.concurrency, server, meter)
    finally:
        server.stop()
        probe.stop()
    rows.append(base)
    print()
    print_table(rows)
    print(
        f"(machine load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at "
        f"the end, on {os.cpu_count()} cores; 'busy' = the loop thread's own CPU within its "
        "longest stall; 'floor' = the longest stall of an idle event loop in another process "
        "over the same time, i.e. what the machine alone causes; 'full GCs' = generation-2 "
        "collections in the bot and the longest one's CPU time: each pauses every thread)"
    )
    print_stages(rows)

    by_name = {row.scenario: row for row in rows}
    not_modified = by_name["all 304 (second poll)"]
    delayed = by_name[FLOOR]
    first = by_name[FIRST]
    steady = by_name[STEADY]
    ideal = math.ceil(feeds / args.concurrency) * DELAY_S
    stall = max(row.stall_s or 0.0 for row in rows)
    print("\nTargets" + ("" if feeds == 500 else " (set for 500 feeds; this run has fewer)") + ":")
    check("all-304 cycle <= 0.2 s", not_modified.wall_s <= 0.2, f"{not_modified.wall_s:.2f} s")
    check(
        f"200 ms cycle (fetch-only floor) <= 1.2x ideal ({ideal:g} s)",
        delayed.wall_s <= 1.2 * ideal,
        f"{delayed.wall_s:.2f} s = {delayed.wall_s / ideal:.2f}x",
    )
    check(
        "first poll <= 2.5x the fetch-only floor",
        first.wall_s <= 2.5 * delayed.wall_s,
        f"{first.wall_s:.2f} s = {first.wall_s / delayed.wall_s:.1f}x; "
        f"{first.wall_s / base.wall_s:.1f}x the aiohttp+feedparser loop ({base.wall_s:.2f} s)",
    )
    check(
        "first poll peak RSS <= 200 MB",
        (first.peak_rss_mb or 0) <= 200,
        f"{first.peak_rss_mb:.0f} MB (parse worker {first.worker_peak_mb:.0f} MB apart)",
    )
    check(
        "steady cycle <= 1.3x the fetch-only floor, <= 4 s CPU",
        steady.wall_s <= 1.3 * delayed.wall_s and steady.cpu_s <= 4,
        f"{steady.wall_s:.2f} s = {steady.wall_s / delayed.wall_s:.1f}x, {steady.cpu_s:.2f} CPU",
    )
    check(
        "event-loop stalls <= 50 ms",
        stall <= 0.05,
        f"longest {stall * 1000:.0f} ms (idle loop elsewhere: "
        f"{max(row.floor_s or 0.0 for row in rows) * 1000:.0f} ms)",
    )
    steadies = [row for row in rows if row.scenario.startswith(STEADY)]
    if len(steadies) > 1:
        print(
            f"\nsteady cycles in a row: wall {', '.join(f'{r.wall_s:.2f}' for r in steadies)} s"
            f" (median {statistics.median(r.wall_s for r in steadies):.2f});"
            f" CPU {', '.join(f'{r.cpu_s:.2f}' for r in steadies)} s"
            f" (median {statistics.median(r.cpu_s for r in steadies):.2f})"
        )
    print(
        f"\nsteady_cycle_s: {steady.wall_s:.2f} wall, {steady.cpu_s:.2f} CPU "
        f"(fetch-only floor {delayed.wall_s:.2f} wall, {delayed.cpu_s:.2f} CPU: "
        f"{steady.wall_s / delayed.wall_s:.1f}x wall)"
    )
    print(
        f"first_poll_s: {first.wall_s:.2f} (baseline {base.wall_s:.2f}, "
        f"{first.wall_s / base.wall_s:.1f}x; floor {delayed.wall_s:.2f}, "
        f"{first.wall_s / delayed.wall_s:.1f}x)"
    )
    return 0


CORPUS_ROWS: list[dict[str, Any]] = []

if __name__ == "__main__":
    sys.exit(main())
