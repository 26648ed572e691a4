"""Discord's rate limits: the stand-in's limiter on its own (a fake clock, no sleeping),
then the real bot's HTTP client and delivery worker against the rate-limited stand-in.

Figures (429s, seconds) are printed and recorded as test properties, never asserted.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator

import aiohttp
import discord
import pytest
from discord.http import handle_message_parameters

from bot.discord.delivery import Delivery
from storage import Storage
from tests.e2e.burst import delivered_once, drain, queue_burst, queue_fan_burst
from tests.e2e.conftest import TOKEN
from tests.e2e.ratelimits import (
    DISCORD_ROUTES,
    GLOBAL,
    ROUTE,
    RateLimiter,
    Verdict,
)
from tests.e2e.standin import EXTRA_CHANNEL_BASE, GUILD_ID, DiscordStandIn

BURST_CHANNELS = 100


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def limiter(clock: FakeClock, **options) -> RateLimiter:
    return RateLimiter(clock=clock, wall_clock=lambda: 1_700_000_000.0 + clock.now, **options)


def post(limits: RateLimiter, channel: int) -> Verdict:
    return limits.check("POST", f"/api/v10/channels/{channel}/messages")


# --- the limiter ----------------------------------------------------------------------------


def test_channel_bucket_allows_five_then_refuses_with_what_discord_py_needs():
    clock = FakeClock()
    limits = limiter(clock)
    answers = []
    for _ in range(5):
        answers.append(post(limits, 1))
        clock.now += 0.5
    assert [a.headers["X-RateLimit-Remaining"] for a in answers] == ["4", "3", "2", "1", "0"]
    assert {a.headers["X-RateLimit-Limit"] for a in answers} == {"5"}
    # The window opened with the first message and resets 5 s later.
    assert [a.headers["X-RateLimit-Reset-After"] for a in answers] == [
        "5.000",
        "4.500",
        "4.000",
        "3.500",
        "3.000",
    ]
    assert answers[0].headers["X-RateLimit-Reset"] == f"{1_700_000_000.0 + 1005.0:.3f}"

    refused = post(limits, 1)  # at 1002.5: 2.5 s left in the window
    assert refused.status == 429 and refused.refused == ROUTE
    assert refused.body == {
        "message": "You are being rate limited.",
        "retry_after": 2.5,
        "global": False,
    }
    assert refused.headers["Via"]  # else discord.py raises instead of retrying
    assert refused.headers["X-RateLimit-Scope"] == "user"
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    assert refused.headers["Retry-After"] == "3"
    assert "X-RateLimit-Global" not in refused.headers

    other = post(limits, 2)  # another channel has a bucket of its own, same hash
    assert other.status == 200 and other.headers["X-RateLimit-Remaining"] == "4"
    assert other.headers["X-RateLimit-Bucket"] == answers[0].headers["X-RateLimit-Bucket"]

    clock.now = 1005.0
    again = post(limits, 1)
    assert again.status == 200 and again.headers["X-RateLimit-Remaining"] == "4"
    assert limits.counts == Counter({"allowed": 7, ROUTE: 1})


def test_global_limit_refuses_the_fifty_first_request_in_a_second():
    clock = FakeClock()
    limits = limiter(clock)
    answers = [post(limits, channel) for channel in range(10) for _ in range(5)]
    assert all(a.status == 200 for a in answers)
    clock.now += 0.25
    refused = post(limits, 99)
    assert refused.refused == GLOBAL
    assert refused.body == {
        "message": "You are being rate limited.",
        "retry_after": 0.75,
        "global": True,
    }
    assert refused.headers["X-RateLimit-Global"] == "true"
    assert refused.headers["X-RateLimit-Scope"] == "global"
    assert refused.headers["Via"]
    # Interaction answers are not bound by the global limit; other routes are.
    assert limits.check("POST", "/api/v10/interactions/1/tok/callback").status == 200
    assert limits.check("POST", "/api/v10/webhooks/1/tok").status == 200
    assert limits.check("GET", "/api/v10/users/@me").refused == GLOBAL
    clock.now += 0.75
    assert post(limits, 99).status == 200
    assert limits.counts[GLOBAL] == 2 and limits.refused == 2


def test_a_refused_request_uses_up_nothing():
    clock = FakeClock()
    limits = limiter(clock, global_limit=2)
    assert post(limits, 1).status == 200
    assert post(limits, 2).status == 200
    assert post(limits, 1).refused == GLOBAL  # never carried out: channel 1 keeps 4
    clock.now += 1.0
    assert post(limits, 1).headers["X-RateLimit-Remaining"] == "3"


def test_routes_without_a_bucket_get_no_bucket_headers():
    limits = limiter(FakeClock())
    assert limits.check("GET", "/api/v10/users/@me").headers == {}
    assert limits.check("GET", "/api/v10/channels/1/messages").headers == {}  # a read
    forum = limits.check("POST", "/api/v10/channels/1/threads")
    assert forum.headers["X-RateLimit-Limit"] == "5"
    names = {rule.name for rule in DISCORD_ROUTES}
    assert "channel-messages" in names


# --- the stand-in -----------------------------------------------------------------------------


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    """Rate limited, with a hundred more text channels in the first server."""
    async with DiscordStandIn(
        heartbeat_ms=1000, token=TOKEN, extra_channels=BURST_CHANNELS, rate_limits=True
    ) as server:
        yield server
        assert not server.refused, [(r.path, errors) for r, errors in server.refused]


async def test_extra_channels_are_in_the_first_server(standin, bot):
    guild = bot.get_guild(GUILD_ID)
    ids = standin.extra_channel_ids
    assert ids[0] == EXTRA_CHANNEL_BASE + 1 and len(ids) == BURST_CHANNELS
    channel = guild.get_channel(ids[-1])
    assert isinstance(channel, discord.TextChannel) and channel.name == f"news-{BURST_CHANNELS}"
    assert channel.permissions_for(guild.me).send_messages
    assert standin.guild_of(ids[-1]) == GUILD_ID


async def test_discord_py_waits_out_global_429s_and_sends_each_message_once(standin, bot):
    standin.rate_limiter.set_global(3)  # far below Discord's 50: 429s are certain
    channels = standin.extra_channel_ids[:8]

    async def send(channel_id: int) -> dict:
        params = handle_message_parameters(content=f"hello {channel_id}", nonce=str(channel_id))
        return await bot.http.send_message(channel_id, params=params)

    sent = await asyncio.wait_for(asyncio.gather(*(send(c) for c in channels)), 30)
    assert sorted(int(m["channel_id"]) for m in sent) == channels
    assert [len(standin.channel_messages(c)) for c in channels] == [1] * len(channels)
    assert standin.rate_limiter.counts[GLOBAL] >= 1  # 8 at once against 3 a second
    refused = [r for r in standin.requests if r.status == 429]
    assert len(refused) == standin.rate_limiter.refused


async def test_discord_py_keeps_to_a_channels_bucket_from_the_headers(standin, bot):
    channel_id = standin.extra_channel_ids[0]
    for n in range(6):
        params = handle_message_parameters(content=f"message {n}")
        await asyncio.wait_for(bot.http.send_message(channel_id, params=params), 15)
    # The sixth waited for the window to reset (Remaining 0 said so) instead of a 429.
    assert len(standin.channel_messages(channel_id)) == 6
    assert standin.rate_limiter.counts[ROUTE] == 0


# --- a burst through the delivery worker ------------------------------------------------------


async def deliver_burst(
    standin: DiscordStandIn, bot, storage: Storage, channels: int, per_channel: int, record
) -> None:
    targets = standin.extra_channel_ids[:channels]
    total = await queue_burst(storage, targets, per_channel)
    assert await storage.outbox.counts() == {"pending": total}
    # Discord's real limits and the worker's own pacing (1 a target a second, 45/s).
    delivery = Delivery(bot, retry_base_s=0.5)
    result = await drain(delivery, storage, total, channels, within=10 + total / 10)

    assert result.counts == {"sent": total}  # none failed, none left
    assert delivered_once(standin, targets, per_channel)
    counts = standin.rate_limiter.counts
    print(
        f"\nburst: {total} posts to {channels} channels in {result.seconds:.1f} s "
        f"({result.per_second:.1f} posts/s), 429s: {counts[ROUTE]} per route, "
        f"{counts[GLOBAL]} global"
    )
    record("posts", total)
    record("seconds", round(result.seconds, 2))
    record("route_429s", counts[ROUTE])
    record("global_429s", counts[GLOBAL])


async def test_burst_is_delivered_once_at_discords_limits(standin, bot, storage, record_property):
    await deliver_burst(standin, bot, storage, 40, 5, record_property)


@pytest.mark.soak
async def test_burst_of_a_thousand_to_a_hundred_channels(standin, bot, storage, record_property):
    await deliver_burst(standin, bot, storage, BURST_CHANNELS, 10, record_property)


async def test_burst_past_a_tight_global_limit_loses_and_repeats_nothing(
    standin, bot, storage, record_property
):
    # Far below the worker's own 45/s: global 429s pause every route, discord.py retries,
    # and a post still refused after its retries waits for the worker's next run.
    standin.rate_limiter.set_global(10)
    await deliver_burst(standin, bot, storage, 20, 2, record_property)
    assert standin.rate_limiter.counts[GLOBAL] > 0


async def test_a_post_still_refused_after_discord_py_retries_waits_for_a_later_run(
    standin, bot, storage
):
    (channel_id,) = standin.extra_channel_ids[:1]
    await queue_burst(storage, [channel_id], 1)
    path = f"/channels/{channel_id}/messages"
    # discord.py tries a request five times; a sixth 429 is the worker's to handle.
    standin.fail_next(path, 429, times=5, retry_after=0.05)
    delivery = Delivery(bot, retry_base_s=0.2)
    report = await delivery.run_once()
    assert report.retrying == 1 and report.failed == 0
    assert await storage.outbox.counts() == {"pending": 1}
    result = await drain(delivery, storage, 1, 1, within=10)
    assert result.counts == {"sent": 1}
    assert delivered_once(standin, [channel_id], 1)
    statuses = [r.status for r in standin.find("POST", path)]
    # The five refused sends used up the channel's bucket (on Discord an answered request
    # counts whatever the answer), so the retry may meet the stand-in's own 429 first.
    assert statuses[:5] == [429] * 5 and statuses[5:] == [429] * (len(statuses) - 6) + [200]


async def test_opening_a_fans_dm_takes_its_own_place_under_the_global_pace(standin, bot, storage):
    fans = [1400000000000100000 + n for n in range(1, 21)]
    total = await queue_fan_burst(storage, fans, 2)
    delivery = Delivery(bot, retry_base_s=0.2)
    slots = 0
    acquire = delivery._limiter.acquire

    async def counted() -> None:
        nonlocal slots
        slots += 1
        await acquire()

    delivery._limiter.acquire = counted  # type: ignore[method-assign]
    result = await drain(delivery, storage, total, len(fans), within=30)
    assert result.counts == {"sent": total}
    carried_out = [
        r
        for r in standin.requests
        if r.method == "POST" and r.status == 200 and r.path.endswith(("/messages", "/channels"))
    ]
    opened = [r for r in carried_out if r.path.endswith("/users/@me/channels")]
    assert len(opened) == len(fans)  # once per fan, then the stored DM channel
    # Every request the worker makes counts against Discord's global limit: a DM opened
    # on the way to the first post needs a place of its own.
    assert slots >= len(carried_out) == len(fans) + total


async def test_control_state_reports_the_429s(standin):
    standin.rate_limiter.set_global(1)
    async with aiohttp.ClientSession() as session:
        for _ in range(2):
            async with session.get(f"{standin.api_url}/users/@me") as response:
                status = response.status
        async with session.get(f"http://{standin.host}:{standin.port}/_standin/state") as answer:
            state = await answer.json()
    assert status == 429  # the token is missing too, but the limit is checked first
    assert state["rate_limited"] == {"allowed": 1, GLOBAL: 1}
