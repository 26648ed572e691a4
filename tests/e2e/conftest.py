"""Fixtures: a Discord stand-in, a database with the seed stories (SQLite, then
PostgreSQL), a running bot."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import date

import aiohttp
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.discord.client import DomestiqueBot
from bot.settings import Settings
from storage import Storage
from tests.e2e.standin import DiscordStandIn
from tests.e2e.world import StaticRosterState, ingest_seed, small_roster

TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.stand-in.token-for-tests-only"
TODAY = date(2026, 11, 23)


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn(heartbeat_ms=1000, token=TOKEN) as server:
        yield server
        # Every payload the bot sent must be one Discord accepts (lengths, counts).
        assert not server.refused, [(r.path, errors) for r, errors in server.refused]


@pytest.fixture
async def storage(database) -> AsyncIterator[Storage]:
    # `database`: SQLite, then a fresh PostgreSQL database (tests/conftest.py); a module
    # about SQLite itself overrides `database` with a file, saying why.
    store = await Storage.open(database)
    await ingest_seed(store)
    yield store
    await store.close()


@pytest.fixture
def settings(standin: DiscordStandIn) -> Settings:
    return Settings(
        discord_token=TOKEN,
        discord_api_url=standin.api_url,
        discord_gateway_url=standin.gateway_url,
    )


@pytest.fixture
async def make_bot(
    settings: Settings, storage: Storage, standin: DiscordStandIn
) -> AsyncIterator[Callable[..., asyncio.Future]]:
    """Start a bot against the stand-in and wait until it is ready; closed at teardown."""
    started: list[tuple[DomestiqueBot, asyncio.Task]] = []
    session = aiohttp.ClientSession()
    scheduler = AsyncIOScheduler(timezone="UTC")

    async def start(**options) -> DomestiqueBot:
        token = options.pop("token", TOKEN)
        bot = DomestiqueBot(
            settings=options.pop("settings", settings),
            storage=options.pop("storage", storage),
            http_session=session,
            scheduler=scheduler,
            roster_state=options.pop("roster_state", None) or StaticRosterState(small_roster()),
            today=lambda: TODAY,
            guild_ready_timeout=0.1,
            **options,
        )
        task = asyncio.create_task(bot.start(token))
        started.append((bot, task))
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait({ready, task}, timeout=10, return_when="FIRST_COMPLETED")
        if task in done:
            ready.cancel()
            task.result()  # raises what stopped the bot
        assert ready in done, "bot did not become ready"
        return bot

    yield start
    for bot, task in started:
        await bot.close()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(task, 5)
    await session.close()


@pytest.fixture
async def bot(make_bot) -> DomestiqueBot:
    return await make_bot()
