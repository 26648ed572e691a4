"""Gateway shards (DOMESTIQUE_SHARD_COUNT, DOMESTIQUE_SHARD_IDS): the real discord.py
client, sharded, against the stand-in, which routes as Discord does: a server's events
on shard (guild_id >> 22) % count, DMs on shard 0. Both stand-in servers are on shard 1
of 2, so of two processes one answers them and the other answers DMs."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator, Callable

import aiohttp
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.discord.client import DomestiqueBot, ShardedDomestiqueBot, new_bot
from bot.settings import AUTO_SHARDS, Settings
from tests.e2e.conftest import TODAY, TOKEN
from tests.e2e.standin import GUILD2_ID, GUILD_ID, DiscordStandIn
from tests.e2e.world import StaticRosterState, small_roster


@pytest.fixture
async def start_bot(storage, standin: DiscordStandIn) -> AsyncIterator[Callable]:
    started: list[tuple[DomestiqueBot, asyncio.Task]] = []
    session = aiohttp.ClientSession()

    async def start(settings: Settings) -> tuple[DomestiqueBot, list[str]]:
        bot = new_bot(
            settings,
            storage=storage,
            http_session=session,
            scheduler=AsyncIOScheduler(timezone="UTC"),
            roster_state=StaticRosterState(small_roster()),
            today=lambda: TODAY,
            guild_ready_timeout=0.1,
        )
        seen: list[str] = []

        async def on_interaction(interaction) -> None:
            seen.append(str(interaction.id))

        bot.add_listener(on_interaction)
        task = asyncio.create_task(bot.start(TOKEN))
        started.append((bot, task))
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait({ready, task}, timeout=15, return_when="FIRST_COMPLETED")
        if task in done:
            ready.cancel()
            task.result()
        assert ready in done, "bot did not become ready"
        return bot, seen

    yield start
    for bot, task in started:
        await bot.close()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(task, 5)
    await session.close()


def test_the_stand_ins_servers_are_on_shard_1_of_2():
    assert (GUILD_ID >> 22) % 2 == 1 and (GUILD2_ID >> 22) % 2 == 1


async def test_each_process_answers_its_own_shards(start_bot, settings, standin):
    zero, seen_zero = await start_bot(dataclasses.replace(settings, shard_count=2, shard_ids=(0,)))
    one, seen_one = await start_bot(dataclasses.replace(settings, shard_count=2, shard_ids=(1,)))
    assert isinstance(zero, ShardedDomestiqueBot)
    assert sorted(standin.shard_connections()) == [(0, 2), (1, 2)]
    assert list(zero.guilds) == [] and {g.id for g in one.guilds} == {GUILD_ID, GUILD2_ID}
    # /gateway/bot is not asked: the count is given.
    assert not standin.find("GET", "/gateway/bot")

    in_server = await standin.slash("about")
    assert (await standin.final(in_server))["embeds"]
    in_dm = await standin.slash("about", dm=True)
    assert (await standin.final(in_dm))["embeds"]
    assert seen_one == [in_server.id] and seen_zero == [in_dm.id]


async def test_auto_takes_discords_recommended_count_on_our_gateway(start_bot, storage):
    async with DiscordStandIn(token=TOKEN, shards=2) as standin:
        # Discord's answer names its own gateway; the configured one (a proxy) is kept.
        answer = standin._gateway_bot()
        standin._gateway_bot = lambda: {**answer, "url": "ws://127.0.0.1:9/"}
        settings = Settings(
            discord_token=TOKEN,
            discord_api_url=standin.api_url,
            discord_gateway_url=standin.gateway_url,
            shard_count=AUTO_SHARDS,
        )
        bot, seen = await start_bot(settings)
        assert standin.find("GET", "/gateway/bot")
        assert bot.shard_count == 2
        assert sorted(standin.shard_connections()) == [(0, 2), (1, 2)]
        both = [await standin.slash("about"), await standin.slash("about", dm=True)]
        for interaction in both:
            assert (await standin.final(interaction))["embeds"]
        assert seen == [i.id for i in both]
        await bot.close()


async def test_without_shard_settings_one_plain_connection(bot, standin):
    assert type(bot) is DomestiqueBot
    assert standin.shard_connections() == [None]
