"""/feeds with fake interactions, a real bot object, the guarded fetcher and a local feed
server on 127.0.0.2 (allowed by the test's address policy; 127.0.0.1 is not)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from unittest import mock

import aiohttp
import discord
import feedparser
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.discord.client import DomestiqueBot
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState
from bot.settings import Settings
from cogs.feeds import PREVIEWS_AT_ONCE
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
def parse_pool() -> Iterator[ParsePool]:
    """The parse process, started on first use (as in the bot, where bot/app.py builds it)."""
    pool = ParsePool()
    yield pool
    pool.close()


@pytest.fixture
async def bot(database, server, parse_pool) -> AsyncIterator[DomestiqueBot]:
    storage = await Storage.open(database)
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
        parse_pool=parse_pool,
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
        ("file:///etc/passwd", "not an http/https URL"),
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


# --- previews parse in the parse process, and a global cap bounds them (issue #18, 10) ----


def big_feed(items: int) -> bytes:
    """Many tiny items: seconds of feedparser CPU for a body well under the 5 MiB limit."""
    body = "".join(
        f"<item><guid>g{n}</guid><title>Item {n}</title><link>https://big.example/{n}</link></item>"
        for n in range(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{body}</channel></rss>'
    ).encode()


async def largest_gap_while(work) -> tuple[object, float]:  # type: ignore[no-untyped-def]
    """Run `work` with a ticker beside it; the longest the event loop kept the ticker waiting."""
    gaps = [0.0]
    done = asyncio.Event()

    async def ticker() -> None:
        last = time.perf_counter()
        while not done.is_set():
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    tick = asyncio.create_task(ticker())
    try:
        result = await work
    finally:
        done.set()
        await tick
    return result, max(gaps)


async def test_a_big_feed_is_parsed_in_the_parse_process(
    bot, feeds, server, parse_pool, monkeypatch
):
    body = big_feed(25_000)
    assert len(body) < 5 * 2**20
    url = server.publish("/big.xml", body)
    parses = []
    pool_parse = parse_pool.parse

    async def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        parses.append(args[1])
        return await pool_parse(*args, **kwargs)

    monkeypatch.setattr(parse_pool, "parse", counted)

    # feedparser in the bot's own process (the event loop's, or a thread of it) fails;
    # the parse process was started on its own and does not see this.
    def not_here(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("feedparser ran in the bot's process")

    monkeypatch.setattr(feedparser, "parse", not_here)
    interaction = mod()
    _, gap = await largest_gap_while(
        asyncio.wait_for(feeds.test.callback(feeds, interaction, url), 120)
    )
    print(
        f"\nlargest event-loop gap while previewing a {len(body) / 2**20:.1f} MiB feed: "
        f"{gap * 1000:.0f} ms"
    )
    kwargs = final(interaction)
    assert kwargs.get("embeds"), kwargs.get("content")
    text = text_of(kwargs)
    assert "Preview: Big" in text and "200 stories in the feed" in text
    assert parses == [url]
    assert gap < 1.0  # only catches blocking: parsing 25k items takes seconds of CPU


async def test_previews_past_the_global_cap_are_told_to_come_back(bot, feeds, server, monkeypatch):
    gate, both_fetching = asyncio.Event(), asyncio.Event()
    fetching: list[str] = []
    fetch = bot.fetcher.fetch

    async def held(url, *args, **kwargs):  # type: ignore[no-untyped-def]
        fetching.append(url)
        if len(fetching) == PREVIEWS_AT_ONCE:
            both_fetching.set()
        await gate.wait()
        return await fetch(url, *args, **kwargs)

    monkeypatch.setattr(bot.fetcher, "fetch", held)
    url = server.url("/seed.xml")
    first, second = mod(), mod(OTHER_GUILD)
    running = [
        asyncio.create_task(feeds.test.callback(feeds, first, url)),
        asyncio.create_task(feeds.add.callback(feeds, second, url)),
    ]
    await asyncio.wait_for(both_fetching.wait(), 30)
    # A third server, whose own per-server limit is untouched, is told to come back.
    third = mod(1200000000000000003)
    await asyncio.wait_for(feeds.add.callback(feeds, third, url), 30)
    content = final(third)["content"]
    assert content.startswith("Not added") and "busy" in content, content
    assert "try again in a moment" in content
    assert len(fetching) == PREVIEWS_AT_ONCE  # nothing fetched for it
    assert (await bot.storage.guild_config.feeds(1200000000000000003, defaults=()))[0] == []
    gate.set()
    await asyncio.wait_for(asyncio.gather(*running), 60)
    assert final(first)["embeds"][0].title.startswith("Preview")
    assert final(second)["embeds"][0].title.startswith("Added")
    # Once they are done, a preview runs again.
    again = mod(1200000000000000003)
    await asyncio.wait_for(feeds.test.callback(feeds, again, url), 60)
    assert final(again)["embeds"][0].title.startswith("Preview")


# --- a preview tags as ingestion will: the feed measured, not assumed (issue #18, 19) -----

SPORTS_NAMESAKES = [
    ("Michael Woods wins his Ryder Cup singles", "The golfer beat his opponent 3&2."),
    ("Jasper Philipsen scores twice for Antwerp", "The striker settled the derby."),
    ("Davide Ballerini wins the Coppa Italia final", "The Juventus forward scored the winner."),
    ("Ide Schelling beats the world number one", "The Dutch tennis player won in three sets."),
    ("Michael Mørkøv named in the handball squad", "The back will play at the world cup."),
    ("Tadej Pogacar signs for Olimpija", "The basketball club announced the guard."),
]


def sports_feed() -> bytes:
    items = "".join(
        f"<item><guid>s{n}</guid><title>{title}</title><link>https://sport.example/{n}</link>"
        f"<description>{text}</description>"
        f"<pubDate>Mon, {n % 28 + 1:02d} Sep 2025 10:00:00 GMT</pubDate></item>"
        for n, (title, text) in enumerate(SPORTS_NAMESAKES * 2)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>All Sports</title>'
        f"{items}</channel></rss>"
    ).encode()


async def test_a_general_sports_feed_previews_without_namesakes_tagged(bot, feeds, server):
    url = server.publish("/sports.xml", sports_feed())
    interaction = mod()
    await feeds.test.callback(feeds, interaction, url)
    text = text_of(final(interaction))
    assert "Preview: All Sports" in text
    assert text.count("Tags: no riders or teams found") == 3, text
