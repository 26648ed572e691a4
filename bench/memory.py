"""Peak memory of a running bot: 20,000-alias roster, 200,000 stories, lookups and a poll.

Run: .venv/bin/python bench/memory.py [--quick]

The bot runs in a child process, built as `bot/app.py` builds it (`build_app`: settings,
storage, HTTP session, fetcher, roster state, ingestor, scheduler) with the bundled
roster padded to ~20,000 tagger keys (bench/tagging.py's `roster_of_size`) and the
Discord client object (`DomestiqueBot`, extensions loaded, name index built; it does not
connect). It opens a copy of bench/lookups.py's cached 200,000-story database, runs a
few hundred of each lookup the slash commands make, then one poll cycle of 50 feeds x
50 stories served by tests/feedserver.py from this (parent) process on 127.0.0.1, so
the feed server's memory is not counted. The child reports its peak RSS (VmHWM) after
each stage.

Baseline: a child that imports the same modules and does nothing else. The feed parser
runs in its own worker process (bot/pipeline/parse_pool.py): its peak is shown beside the poll,
not added to the bot's.

Final line: `peak_rss_mb: V (baseline V, ratio)`.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import random
import shutil
import sys
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FEEDS = 50
ITEMS = 50
ALIASES = 20_000
LOOKUPS_EACH = 300
BOT_MODULES = ("bot.app", "bot.discord.client", "bot.settings", "bench.lookups", "bench.tagging")


def status_mb(field: str) -> float:
    """A VmHWM/VmRSS figure of this process from /proc, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def descendants_hwm_mb() -> float:
    """The largest VmHWM among this process's descendants (the parse pool's forkserver
    and its worker), read from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    me, found = os.getpid(), 0.0
    for pid in parents:
        ancestor = parents.get(pid)
        while ancestor and ancestor != me:
            ancestor = parents.get(ancestor)
        if ancestor == me:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    found = max(found, int(line.split()[1]) / 1024)
    return found


def report(stage: str, **extra: object) -> None:
    line = {"stage": stage, "hwm": status_mb("VmHWM"), "rss": status_mb("VmRSS"), **extra}
    print(json.dumps(line), flush=True)


def import_bot_modules() -> None:
    """What both children import: the baseline stops here."""
    for name in BOT_MODULES:
        importlib.import_module(name)


async def bot_child(database: Path, feed_urls: list[str]) -> None:
    from bench.lookups import World, plan
    from bench.tagging import roster_of_size
    from bot.app import build_app, build_bot
    from bot.settings import Settings
    from feeds.roster import load_roster

    report("imports")
    settings = Settings(
        database=database,
        feeds=tuple(feed_urls),
        allow_private_hosts=("127.0.0.1",),
    )
    async with build_app(settings) as app:
        roster = roster_of_size(load_roster(), ALIASES, random.Random(7))
        app.roster_state.replace(roster)
        report("app", keys=app.roster_state.tagger.alias_count, people=len(roster.people))
        client = build_bot(app)
        await client.setup_hook()  # extensions and the name index, as at start
        report("client", extensions=len(client.extensions), failed=len(client.failed_extensions))
        stories = await app.storage.articles.count()
        calls = plan(World(7), client.lookups, app.storage, LOOKUPS_EACH, random.Random(1))
        await _sequential(calls)
        report("lookups", stories=stories)
        # Only the served feeds: the database's own feeds are made-up hosts, never fetched.
        cycle = await app.ingestor.poll_urls(feed_urls)
        report(
            "poll",
            new=len(cycle.new),
            failed=len(cycle.failed),
            seconds=cycle.seconds,
            parse_worker_mb=descendants_hwm_mb(),
        )
        await client.close()
    report("closed")


async def _sequential(calls) -> None:  # type: ignore[no-untyped-def]
    for kind, call in calls:
        if kind != "baseline":  # the rejected design is not part of the bot
            await call()


def child(args: argparse.Namespace) -> int:
    import_bot_modules()
    if args.child == "baseline":
        report("imports")
        return 0
    asyncio.run(bot_child(Path(args.database), args.feed_urls))
    return 0


def rss(feed: int, items: list[tuple[str, str, str | None]], now: datetime) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
        f"<title>Load feed {feed}</title><link>https://feed{feed}.example/</link>",
    ]
    for n, (title, text, _) in enumerate(items):
        parts.append(
            f"<item><title>{escape(title)}</title>"
            f"<link>https://feed{feed}.example/story/{n}</link><guid>f{feed}-{n}</guid>"
            f"<pubDate>{format_datetime(now)}</pubDate>"
            f"<description>{escape(text)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


async def run_child(kind: str, extra: list[str]) -> list[dict]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--child",
        kind,
        *extra,
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
    )
    out, _ = await process.communicate()
    if process.returncode:
        raise RuntimeError(f"{kind} child failed with exit {process.returncode}")
    return [json.loads(line) for line in out.decode().splitlines() if line.startswith("{")]


async def parent(quick: bool) -> int:
    from bench.lookups import ensure_database
    from bench.tagging import CORPUS, stories
    from tests.feedserver import FeedServer

    count = 20_000 if quick else 200_000
    cached = await ensure_database(count)
    work = cached.with_name("memory-run.sqlite3")
    for leftover in work.parent.glob(work.name + "*"):
        leftover.unlink()
    shutil.copyfile(cached, work)
    texts = stories(CORPUS, 0.1 if quick else 2.0)
    now = datetime.now(UTC)
    try:
        async with FeedServer(host="127.0.0.1") as server:
            urls = []
            for feed in range(FEEDS):
                items = [texts[(feed * ITEMS + n) % len(texts)] for n in range(ITEMS)]
                urls.append(server.publish(f"/feed{feed}.xml", rss(feed, items, now)))
            baseline = await run_child("baseline", [])
            stages = await run_child("bot", ["--database", str(work), *urls])
    finally:
        for leftover in work.parent.glob(work.name + "*"):
            leftover.unlink()

    base = baseline[-1]["hwm"]
    print(f"{'stage':>9} {'peak MB':>8} {'rss MB':>7}  details")
    print(f"{'baseline':>9} {base:>8.1f} {baseline[-1]['rss']:>7.1f}  same imports only")
    for stage in stages:
        details = {k: v for k, v in stage.items() if k not in ("stage", "hwm", "rss")}
        shown = ", ".join(
            f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in details.items()
        )
        print(f"{stage['stage']:>9} {stage['hwm']:>8.1f} {stage['rss']:>7.1f}  {shown}")
    peak = max(stage["hwm"] for stage in stages)
    print(f"\ntarget: peak RSS <= 200 MB: {peak:.1f} MB (parse worker process not included)")
    print(f"peak_rss_mb: {peak:.1f} (baseline {base:.1f}, {peak / base:.1f}x)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 stories, a smaller corpus")
    parser.add_argument("--child", choices=("baseline", "bot"), help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("feed_urls", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    return asyncio.run(parent(args.quick))


if __name__ == "__main__":
    sys.exit(main())
