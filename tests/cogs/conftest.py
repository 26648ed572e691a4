from __future__ import annotations

from collections.abc import AsyncIterator
from unittest import mock

import aiohttp
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.discord.client import DomestiqueBot
from bot.settings import Settings
from storage import Storage
from tests.e2e.conftest import TODAY
from tests.e2e.world import StaticRosterState, ingest_seed, small_roster


@pytest.fixture
async def storage(database) -> AsyncIterator[Storage]:
    # `database`: SQLite, then PostgreSQL (tests/conftest.py): the cogs run on both.
    store = await Storage.open(database)
    await ingest_seed(store)
    yield store
    await store.close()


@pytest.fixture
async def bot(storage: Storage) -> AsyncIterator[DomestiqueBot]:
    """A real bot object with its cogs loaded, never connected to Discord."""
    session = mock.MagicMock(spec_set=aiohttp.ClientSession)
    client = DomestiqueBot(
        settings=Settings(),
        storage=storage,
        http_session=session,
        scheduler=AsyncIOScheduler(timezone="UTC"),
        roster_state=StaticRosterState(small_roster()),
        today=lambda: TODAY,
    )
    await client.setup_hook()
    yield client
    await client.close()
