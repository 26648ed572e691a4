"""Delivery speed: posts per second through the real delivery worker, and the latency
from a feed change to the post in Discord.

Run: .venv/bin/python bench/delivery.py [--posts 500] [--channels 100] [--stories 8] [--quick]

Everything runs on loopback and is started and stopped here: the Discord stand-in
(tests/e2e/standin.py; the real, unmodified discord.py client talks to it over real
sockets), a feed server (tests/feedserver.py) and a temporary SQLite database.

Throughput: a burst of posts to many channels of one server (every channel subscribed
to everything, the stories fanned out as a poll does), drained by `bot.delivery.Delivery`
through the bot's own HTTP client. Scenarios:

- paced, Discord limits: the worker as deployed (1 post a channel a second, 45/s in
  all) against the stand-in enforcing Discord's limits (5 messages per 5 s a channel,
  50 requests/s globally, real 429s): the figure the final line reports;
- paced, no limits: the same worker against a stand-in without limits: the baseline;
- unpaced, Discord limits / no limits: the worker's pacing turned off, leaving only
  discord.py's own handling of the rate-limit headers and 429s.

Each run checks that every post arrived exactly once and none was marked failed.

Latency: a feed on the feed server publishes a new story; the scheduler polls due
feeds every POLL_TICK_S (the feed due every POLL_INTERVAL_S: in production 10 min and a
60 s tick, compressed here) and runs the delivery job every 5 s (bot.delivery.TICK_S,
as deployed). Latency is publish -> the stand-in receiving the post; it is bounded by
poll interval + poll tick + delivery tick + the send.

Prints a table, then `delivery_posts_per_s: V (baseline V, ratio)`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import random
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.discord import delivery as delivery_module
from bot.discord.client import DomestiqueBot
from bot.discord.delivery import Delivery
from bot.pipeline.fanout import FanOut
from bot.pipeline.ingest import Ingestor
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState
from bot.settings import Settings
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from storage import Storage
from tests.e2e.burst import BurstResult, delivered_once, drain, queue_burst, subscribe_all
from tests.e2e.ratelimits import GLOBAL, ROUTE
from tests.e2e.standin import DiscordStandIn
from tests.e2e.world import small_roster
from tests.feedserver import FeedServer

TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.stand-in.token-for-benchmarks"
POLL_INTERVAL_S = 2.0
POLL_TICK_S = 0.5
UNPACED = {"per_target_interval": 0.0, "global_rate": 100_000.0}


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    result: BurstResult
    route_429s: int
    global_429s: int


@contextlib.asynccontextmanager
async def discord_bot(
    rate_limits: bool, channels: int, workdir: Path
) -> AsyncIterator[tuple[DiscordStandIn, DomestiqueBot, Storage, AsyncIOScheduler]]:
    """A stand-in, a fresh database and a connected bot; all closed on the way out."""
    standin = await DiscordStandIn(
        token=TOKEN, extra_channels=channels, rate_limits=rate_limits
    ).start()
    storage = await Storage.open(workdir / f"bench-{time.monotonic_ns()}.sqlite3")
    session = aiohttp.ClientSession()
    scheduler = AsyncIOScheduler(timezone="UTC")
    settings = Settings(
        discord_token=TOKEN,
        discord_api_url=standin.api_url,
        discord_gateway_url=standin.gateway_url,
    )
    bot = DomestiqueBot(
        settings=settings,
        storage=storage,
        http_session=session,
        scheduler=scheduler,
        roster_state=RosterState(small_roster()),
        guild_ready_timeout=0.1,
    )
    # discord.py logs every 429 as a warning; the table counts them instead.
    logging.getLogger("discord.http").setLevel(logging.ERROR)
    runner = asyncio.create_task(bot.start(TOKEN))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 15)
        yield standin, bot, storage, scheduler
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await bot.close()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(runner, 5)
        await session.close()
        await storage.close()
        await standin.close()


async def burst(
    name: str, *, rate_limits: bool, posts: int, channels: int, paced: bool, workdir: Path
) -> Row:
    per_channel = max(posts // channels, 1)
    async with discord_bot(rate_limits, channels, workdir) as (standin, bot, storage, _):
        targets = standin.extra_channel_ids
        total = await queue_burst(storage, targets, per_channel)
        delivery = Delivery(bot, retry_base_s=1.0, **({} if paced else UNPACED))
        result = await drain(delivery, storage, total, channels, within=60 + total / 5)
        if result.counts != {"sent": total} or not delivered_once(standin, targets, per_channel):
            raise SystemExit(f"{name}: not every post arrived exactly once: {result.counts}")
        counts = standin.rate_limiter.counts if standin.rate_limiter else {}
        return Row(name, result, counts.get(ROUTE, 0), counts.get(GLOBAL, 0))


def rss(*items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Bench news</title><link>https://bench.example/</link>"
        "<description>bench</description>" + "".join(items) + "</channel></rss>"
    ).encode()


def rss_item(n: int, when: datetime) -> str:
    return (
        f"<item><title>Breaking story {n}</title><link>https://bench.example/{n}</link>"
        f"<guid>bench-{n}</guid><pubDate>{format_datetime(when)}</pubDate>"
        f"<description>Story {n} of the benchmark.</description></item>"
    )


async def latency(stories: int, workdir: Path) -> list[float]:
    """Seconds from the feed publishing a story to the stand-in receiving its post."""
    async with (
        FeedServer(host="127.0.0.1") as server,
        discord_bot(True, 1, workdir) as (standin, bot, storage, scheduler),
    ):
        channel_id = standin.extra_channel_ids[0]
        session = new_session(AddressPolicy(["127.0.0.1"]), user_agent="Domestique bench")
        pool = ParsePool()
        try:
            url = server.url("/news.xml")
            items = [rss_item(0, datetime.now(UTC))]
            server.publish("/news.xml", rss(*items))
            await storage.feeds.add(url, time.time())
            await subscribe_all(storage, [channel_id], time.time())
            ingestor = Ingestor(
                storage,
                Fetcher(session, timeout=5),
                bot.roster_state,
                poll_interval_s=POLL_INTERVAL_S,
                parse_pool=pool,
                fanout=FanOut(48 * 3600, [url]),
            )
            await ingestor.poll_due(force=True)  # the first poll is backlog
            scheduler.add_job(
                ingestor.poll_due, "interval", seconds=POLL_TICK_S, id="poll", max_instances=1
            )
            delivery = Delivery(bot)
            delivery_module.schedule(scheduler, delivery)
            scheduler.start()
            seconds = []
            rng = random.Random(7)
            for n in range(1, stories + 1):
                # Publish at a random moment of the cycles, as news does.
                await asyncio.sleep(rng.uniform(0, delivery_module.TICK_S))
                items.insert(0, rss_item(n, datetime.now(UTC)))
                server.publish("/news.xml", rss(*items))
                published = time.monotonic()
                title = f"Breaking story {n}"
                record = await standin.wait_for(lambda t=title: _post_of(standin, t), within=60)
                seconds.append(record.at - published)
            # Let the jobs in flight finish (each takes its lock) before anything closes:
            # shutting the scheduler down cancels a running job mid-write.
            scheduler.pause()
            await ingestor.poll_due()
            await delivery.run_once()
            return seconds
        finally:
            pool.close()
            await session.close()


def _post_of(standin: DiscordStandIn, title: str):
    for record in standin.find("POST", "/messages"):
        embeds = record.json.get("embeds") or [{}]
        if record.status == 200 and embeds[0].get("title") == title:
            return record
    return None


def print_table(rows: list[Row]) -> None:
    print(f"{'scenario':<26} {'posts':>6} {'chan.':>6} {'seconds':>8} {'posts/s':>8} {'429s':>11}")
    for row in rows:
        r = row.result
        four29 = f"{row.route_429s}r+{row.global_429s}g"
        print(
            f"{row.name:<26} {r.posts:>6} {r.channels:>6} {r.seconds:>8.2f} "
            f"{r.per_second:>8.1f} {four29:>11}"
        )
    print("429s: r = per route (a channel's bucket), g = global")


async def main_async(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="domestique-bench-") as tmp:
        workdir = Path(tmp)
        common = {"posts": args.posts, "channels": args.channels, "workdir": workdir}
        rows = [
            await burst("paced, Discord limits", rate_limits=True, paced=True, **common),
            await burst("paced, no limits", rate_limits=False, paced=True, **common),
            await burst("unpaced, Discord limits", rate_limits=True, paced=False, **common),
            await burst("unpaced, no limits", rate_limits=False, paced=False, **common),
        ]
        print_table(rows)
        print()
        waits = await latency(args.stories, workdir)
    bound = POLL_INTERVAL_S + POLL_TICK_S + delivery_module.TICK_S
    print(
        f"latency feed change -> post, {len(waits)} stories: "
        f"p50 {statistics.median(waits):.2f} s, max {max(waits):.2f} s "
        f"(poll every {POLL_INTERVAL_S:g} s on a {POLL_TICK_S:g} s tick, delivery every "
        f"{delivery_module.TICK_S:g} s: bound ~{bound:g} s plus the send; in production "
        "the 10 min poll interval dominates)"
    )
    print(f"  each: {', '.join(f'{w:.2f}' for w in waits)}")
    value = rows[0].result.per_second
    baseline = rows[1].result.per_second
    ratio = value / baseline if baseline else 0.0
    print(f"delivery_posts_per_s: {value:.1f} (baseline {baseline:.1f}, {ratio:.2f}x)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=500, help="posts in each burst")
    parser.add_argument("--channels", type=int, default=100, help="channels they go to")
    parser.add_argument("--stories", type=int, default=8, help="stories timed for latency")
    parser.add_argument("--quick", action="store_true", help="small inputs, a smoke run")
    args = parser.parse_args(argv)
    if args.quick:
        args.posts, args.channels, args.stories = 60, 20, 2
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("discord").setLevel(logging.ERROR)  # voice support, not ours
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
