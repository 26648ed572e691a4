"""/feeds with fake interactions, a real bot object, the guarded fetcher and a local feed
server on 127.0.0.2 (allowed by the test's address policy; 127.0.0.1 is not)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from unittest import mock

import aiohttp
import discord
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.discord.client import DomestiqueBot
from bot.pipeline.roster_state import RosterState
from bot.settings import Settings
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from storage import Storage
from tests.cogs.helpers import make_interaction, text_of
from tests.e2e.conftest import TODAY
from tests.e2e.world import SEED_FEED, small_roster
from tests.feedserver import FeedServer

GUILD, OTHER_GUILD = 1200000000000000001, 1200000000000000002
DEFAULT = "https://default.example/feed.xml"


def mod(guild_id: int = GUILD):
    interaction = make_interaction()
    interaction.guild_id = guild_id
    interaction.permissions = discord.Permissions(manage_guild=True)
    return interaction


def final(interaction) -> dict:
    return interaction.edit_original_response.await_args.kwargs


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer(host="127.0.0.2", extra_hosts=["127.0.0.1"]) as srv:
        srv.publish("/seed.xml", SEED_FEED.read_bytes())
        srv.publish("/page.html", b"<html><body>Hi</body></html>", content_type="text/html")
        yield srv


@pytest.fixture
async def bot(tmp_path, server) -> AsyncIterator[DomestiqueBot]:
    storage = await Storage.open(tmp_path / "db.sqlite3")
    await storage.feeds.add(DEFAULT, 1.0)
    session = new_session(AddressPolicy(["127.0.0.2"]), user_agent="Domestique tests")
    client = DomestiqueBot(
        settings=Settings(feeds=(DEFAULT,), max_guild_feeds=2),
        storage=storage,
        http_session=mock.MagicMock(spec_set=aiohttp.ClientSession),
        scheduler=AsyncIOScheduler(timezone="UTC"),
        roster_state=RosterState(small_roster()),
        today=lambda: TODAY,
        fetcher=Fetcher(session, timeout=5),
    )
    await client.setup_hook()
    yield client
    await client.close()
    await session.close()
    await storage.close()


@pytest.fixture
def feeds(bot):
    return bot.get_cog("Feeds")


async def test_add_previews_latest_stories_with_tags(bot, feeds, server):
    url = server.url("/seed.xml")
    interaction = mod()
    await feeds.add.callback(feeds, interaction, url)
    interaction.response.defer.assert_awaited_once()
    kwargs = final(interaction)
    text = text_of(kwargs)
    assert kwargs["embeds"][0].title.startswith("Added")
    assert "Mark Cavendish" in text and "Astana" in text  # tags from the tagger
    feeds_used, chosen = await bot.storage.guild_config.feeds(GUILD, defaults=(DEFAULT,))
    assert chosen and [f.url for f in feeds_used] == [DEFAULT, url]
    # The other server still uses only the default list.
    other, chosen = await bot.storage.guild_config.feeds(OTHER_GUILD, defaults=(DEFAULT,))
    assert not chosen and [f.url for f in other] == [DEFAULT]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("http://127.0.0.1:{port}/seed.xml", "refused"),
        ("file:///etc/passwd", "not http/https"),
        ("{base}/page.html", "not an RSS or Atom feed"),
        ("{base}/missing.xml", "HTTP 404"),
    ],
)
async def test_refused_urls_say_why_and_store_nothing(bot, feeds, server, path, reason):
    url = path.format(port=server.port("127.0.0.1"), base=server.url("").rstrip("/"))
    interaction = mod()
    await feeds.add.callback(feeds, interaction, url)
    content = final(interaction)["content"]
    assert content.startswith("Not added") and reason in content, content
    assert await bot.storage.feeds.get(url) is None
    _, chosen = await bot.storage.guild_config.feeds(GUILD, defaults=(DEFAULT,))
    assert not chosen


async def test_test_previews_without_adding(bot, feeds, server):
    url = server.url("/seed.xml")
    interaction = mod()
    await feeds.test.callback(feeds, interaction, url)
    assert final(interaction)["embeds"][0].title.startswith("Preview")
    assert await bot.storage.feeds.get(url) is None


async def test_limit_list_and_remove(bot, feeds, server):
    first = server.url("/seed.xml")
    await feeds.add.callback(feeds, mod(), first)  # the default + this = 2, the limit
    refused = mod()
    await feeds.add.callback(feeds, refused, server.url("/seed.xml?again=1"))
    assert "the most allowed (2)" in final(refused)["content"]
    listing = mod()
    await feeds.list_.callback(feeds, listing)
    text = text_of(listing.response.send_message.await_args.kwargs)
    assert "Feeds this server uses (2)" in text and "last success never" in text
    other = mod(OTHER_GUILD)
    await feeds.list_.callback(feeds, other)
    assert "seed.xml" not in text_of(other.response.send_message.await_args.kwargs)
    # Another server cannot remove this server's feed, even naming its URL.
    foreign = mod(OTHER_GUILD)
    await feeds.remove.callback(feeds, foreign, first)
    assert "does not use" in foreign.response.send_message.await_args.args[0]
    assert first in [f.url for f in (await bot.storage.guild_config.feeds(GUILD, defaults=()))[0]]
    gone = mod()
    await feeds.remove.callback(feeds, gone, first)
    assert not (await bot.storage.feeds.get(first)).listed  # nobody uses it any more
    choices = await feeds.url_autocomplete(mod(), "")
    assert [c.value for c in choices] == [DEFAULT]


async def test_list_shows_health(bot, feeds):
    feed = await bot.storage.feeds.get(DEFAULT)
    await bot.storage.feeds.record_failure(feed.id, 1e9, "HTTP 503 Service Unavailable", 2e9)
    interaction = mod()
    await feeds.list_.callback(feeds, interaction)
    text = text_of(interaction.response.send_message.await_args.kwargs)
    assert "HTTP 503" in text and "next check <t:2000000000:R>" in text
    assert "The default list" in text


async def test_long_list_is_paged(bot, feeds):
    for i in range(12):
        await bot.storage.guild_config.add_feed(
            GUILD, f"https://many.example/{i:02d}.xml", 1, 1.0, defaults=(), limit=50
        )
    interaction = mod()
    await feeds.list_.callback(feeds, interaction)
    kwargs = interaction.response.send_message.await_args.kwargs
    assert kwargs["ephemeral"] and kwargs["view"] is not None
    text = text_of(kwargs)
    assert "Feeds this server uses (12)" in text and "more with ▶" in text
    assert "09.xml" in text and "10.xml" not in text
