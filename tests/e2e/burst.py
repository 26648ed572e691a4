"""A burst of posts for the delivery worker, shared by the burst tests and
bench/delivery.py: many channels subscribed to everything, then new stories fanned out
to them the way a poll does it (storage and bot/pipeline/fanout, no SQL here)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bot.discord.delivery import Delivery
from bot.pipeline.expansion import expand
from bot.pipeline.fanout import FanOut
from feeds.models import StoryTags
from storage import Storage
from storage.articles import FeedState
from tests.e2e.standin import GUILD_ID, MOD_USER_ID, DiscordStandIn
from tests.e2e.world import story

BURST_FEED_URL = "https://burst.example/feed.xml"


def burst_title(n: int) -> str:
    return f"Burst story {n}"


async def subscribe_all(storage: Storage, channels: Sequence[int], now: float) -> None:
    """An 'all stories' subscription in each channel of the stand-in's first server."""
    for channel_id in channels:
        await storage.subscriptions.add(
            guild_id=GUILD_ID,
            channel_id=channel_id,
            channel_type="text",
            kind="all",
            entity_id=None,
            role_id=None,
            mode="each",
            created_by=MOD_USER_ID,
            now=now,
        )


async def fan_out_stories(storage: Storage, count: int, tags: StoryTags) -> None:
    """`count` new stories from one feed, fanned out as a poll does it."""
    now = time.time()
    feed, _ = await storage.feeds.add(BURST_FEED_URL, now)
    state = FeedState("Burst", None, None, "burst", now + 600)
    await storage.articles.save_poll(feed.id, [], state, now)  # the first poll is backlog
    items = [(story(f"burst-{n}", burst_title(n), now - 60), tags) for n in range(count)]
    fanout = FanOut(48 * 3600, [BURST_FEED_URL])
    await storage.articles.save_poll(feed.id, items, state, now, after=fanout)
    await expand(storage, fanout, ahead=None)  # as the leader does after a poll


async def queue_burst(storage: Storage, channels: Sequence[int], per_channel: int) -> int:
    """`per_channel` new stories for every channel, through fan-out; returns the posts queued."""
    await subscribe_all(storage, channels, time.time())
    await fan_out_stories(storage, per_channel, StoryTags())
    return len(channels) * per_channel


async def queue_fan_burst(storage: Storage, user_ids: Sequence[int], per_fan: int) -> int:
    """`per_fan` transfer stories for fans following every transfer (one DM each)."""
    now = time.time()
    for user_id in user_ids:
        await storage.follows.add(user_id, "transfers", None, "each", now, limit=100)
    await fan_out_stories(storage, per_fan, StoryTags(is_transfer=True))
    return len(user_ids) * per_fan


@dataclass(frozen=True, slots=True)
class BurstResult:
    posts: int
    channels: int
    seconds: float
    counts: dict[str, int]
    """The outbox's rows per state when the burst ended."""

    @property
    def per_second(self) -> float:
        return self.posts / self.seconds if self.seconds else 0.0


async def drain(
    delivery: Delivery, storage: Storage, total: int, channels: int, within: float
) -> BurstResult:
    """Run the worker until all `total` posts are sent, or `within` seconds have passed."""
    started = time.monotonic()
    deadline = started + within
    counts = await storage.outbox.counts()
    while counts != {"sent": total} and time.monotonic() < deadline:
        await delivery.run_once()
        counts = await storage.outbox.counts()
        if counts != {"sent": total}:
            await asyncio.sleep(0.05)  # a post waiting out its backoff
    return BurstResult(total, channels, time.monotonic() - started, counts)


def delivered_once(standin: DiscordStandIn, channels: Sequence[int], per_channel: int) -> bool:
    """Every channel got each burst story exactly once."""
    expected = sorted(burst_title(n) for n in range(per_channel))
    for channel_id in channels:
        titles = [m["embeds"][0]["title"] for m in standin.channel_messages(channel_id)]
        if sorted(titles) != expected:
            return False
    return True
