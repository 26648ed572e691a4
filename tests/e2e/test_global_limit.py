"""bot/discord/global_limit.py: every REST request of the process within Discord's global
limit, whatever pacing its callers do, and interaction answers left out as Discord
leaves them out."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest
import yarl

from bot.discord.delivery import Delivery
from bot.discord.global_limit import GlobalLimit
from tests.e2e.burst import delivered_once, drain, queue_burst
from tests.e2e.conftest import TOKEN
from tests.e2e.ratelimits import GLOBAL
from tests.e2e.standin import DiscordStandIn

TIGHT = 8
"""The stand-in's global limit here: far below Discord's 50, so a burst meets it at once."""
UNPACED = {"per_target_interval": 0.0, "global_rate": 100_000.0}


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn(
        heartbeat_ms=1000, token=TOKEN, extra_channels=12, rate_limits=True
    ) as server:
        server.rate_limiter.set_global(TIGHT)
        yield server
        assert not server.refused, [(r.path, errors) for r, errors in server.refused]


@pytest.fixture
def database(tmp_path):
    """SQLite only: the storage plays no part in how requests are spaced."""
    return tmp_path / "db.sqlite3"


def test_what_counts_against_the_global_limit(monkeypatch):
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:9/api/v10")
    limit = GlobalLimit()
    counted = {
        "/channels/1/messages": True,
        "/users/@me/channels": True,
        "/users/@me": True,
        "/interactions/1/token/callback": False,
        "/webhooks/2/token": False,
        "/webhooks/2/token/messages/@original": False,
    }
    for path, counts in counted.items():
        assert limit.counts(yarl.URL(f"http://127.0.0.1:9/api/v10{path}")) is counts, path
    assert not limit.counts(yarl.URL("ws://127.0.0.1:9/gateway?v=10"))


async def burst_of(standin, make_bot, storage, **bot_options) -> int:
    """24 posts to 12 channels through an unpaced worker; the global 429s met."""
    bot = await make_bot(**bot_options)
    before = standin.rate_limiter.counts[GLOBAL]
    targets = standin.extra_channel_ids
    total = await queue_burst(storage, targets, 2)
    result = await drain(Delivery(bot, retry_base_s=0.2, **UNPACED), storage, total, 12, 60)
    assert result.counts == {"sent": total}
    assert delivered_once(standin, targets, 2)
    return standin.rate_limiter.counts[GLOBAL] - before


async def test_an_unpaced_burst_stays_within_the_limit(standin, make_bot, storage):
    limit = GlobalLimit(limit=TIGHT)
    assert await burst_of(standin, make_bot, storage, http_trace=limit.trace_config()) == 0
    assert limit.counted >= 24  # every post took a slot


async def test_without_it_the_same_burst_meets_429s(standin, make_bot, storage):
    """The control: the worker's pacing turned off, discord.py alone runs into them."""
    assert await burst_of(standin, make_bot, storage) > 0
