"""Moderator configuration end to end: /feeds, /track and /settings through the Discord
stand-in, with the guarded fetcher against a local feed server on 127.0.0.2 (allowed by
the test's address policy; 127.0.0.1 is not) and the real tagger and ingestor."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import pytest

from bot.pipeline.fanout import FanOut
from bot.pipeline.ingest import Ingestor
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState
from cogs._common import names_in
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from storage import Storage
from tests.e2e.standin import (
    EPHEMERAL,
    GUILD2_ID,
    GUILD_ID,
    LOG_CHANNEL_ID,
    MEMBER,
    MOD_USER_ID,
    MODERATOR,
    USER_ID,
    ChannelRef,
    DiscordStandIn,
)
from tests.e2e.test_lookups import embed_text
from tests.e2e.world import small_roster
from tests.feedserver import FeedServer


def item(title: str, key: str, published: datetime, text: str = "") -> str:
    return (
        f"<item><title>{title}</title><link>https://news.example/{key}</link>"
        f"<guid>{key}</guid><pubDate>{format_datetime(published)}</pubDate>"
        f"<description>{text or title}.</description></item>"
    )


def feed(*items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Local Cycling</title><link>https://news.example/</link>"
        "<description>test</description>" + "".join(items) + "</channel></rss>"
    ).encode()


STORIES = [
    item("Cavendish to race one more season with Astana", "a", datetime(2026, 11, 20, tzinfo=UTC)),
    item("Philipsen wins the sprint", "b", datetime(2026, 11, 21, tzinfo=UTC)),
    item("Soudal Quick-Step present their 2027 kit", "c", datetime(2026, 11, 22, tzinfo=UTC)),
    item("An old story", "d", datetime(2026, 10, 1, tzinfo=UTC)),
]


async def subcommand(
    standin: DiscordStandIn,
    path: str,
    options: dict[str, Any] | None = None,
    *,
    guild_id: int = GUILD_ID,
    user_id: int = MOD_USER_ID,
    permissions: int = MODERATOR,
) -> dict[str, Any]:
    """`/track alias add …` as Discord sends it: the options nested under the subcommand
    (type 1) and its group (type 2); returns the message the user finally sees."""
    top, *rest = path.split()
    resolved: dict[str, dict[str, Any]] = {}
    opts = [standin._option(k, v, resolved) for k, v in (options or {}).items()]
    for depth, name in enumerate(reversed(rest)):
        opts = [{"name": name, "type": 1 if depth == 0 else 2, "options": opts}]
    data: dict[str, Any] = {
        "id": standin._command(top)["id"],
        "name": top,
        "type": 1,
        "options": opts,
    }
    if resolved:
        data["resolved"] = resolved
    payload = standin._interaction_payload(
        2, data, user_id, guild_id=guild_id, permissions=permissions
    )
    interaction = await standin.inject_interaction(payload)
    message = await standin.final(interaction)
    # Ephemeral from the first answer on (the defer, or the reply itself).
    assert interaction.answers[0].json["data"]["flags"] & EPHEMERAL, path
    return message


@dataclass
class World:
    standin: DiscordStandIn
    storage: Storage
    server: FeedServer
    roster_state: RosterState
    ingestor: Ingestor
    bot: Any

    async def mod(self, path: str, options=None, **kw) -> dict[str, Any]:
        return await subcommand(self.standin, path, options, **kw)


@pytest.fixture
async def storage(database) -> AsyncIterator[Storage]:
    """A database of its own (closed after the bot, which make_bot closes first)."""
    store = await Storage.open(database)
    yield store
    await store.close()


@pytest.fixture
async def world(standin, make_bot, storage) -> AsyncIterator[World]:
    async with FeedServer(host="127.0.0.2", extra_hosts=["127.0.0.1"]) as server:
        server.publish("/feed.xml", feed(*STORIES))
        server.publish("/page.html", b"<html><body>Hi</body></html>", content_type="text/html")
        session = new_session(AddressPolicy(["127.0.0.2"]), user_agent="Domestique tests")
        fetcher = Fetcher(session, timeout=5)
        roster_state = RosterState(small_roster())
        pool = ParsePool()
        try:
            ingestor = Ingestor(
                storage,
                fetcher,
                roster_state,
                poll_interval_s=600,
                parse_pool=pool,
                fanout=FanOut(48 * 3600, (), roster_state.guilds),
            )
            bot = await make_bot(
                storage=storage, roster_state=roster_state, fetcher=fetcher, parse_pool=pool
            )
            yield World(standin, storage, server, roster_state, ingestor, bot)
        finally:
            pool.close()
            await session.close()


async def test_moderator_adds_a_feed_and_sees_a_tagged_preview(world):
    url = world.server.url("/feed.xml")
    message = await world.mod("feeds add", {"url": url})
    (embed,) = message["embeds"]
    assert embed["title"] == "Added: Local Cycling"
    text = embed_text(message)
    # The latest three stories, newest first, each with its tags.
    assert text.index("Soudal Quick") < text.index("Philipsen wins") < text.index("Cavendish to")
    assert "An old story" not in text
    assert "Tags: XDS Astana" in text  # Cavendish is retired in the test roster
    assert "Tags: Jasper Philipsen" in text
    assert "Tags: Soudal Quick-Step" in text
    stored = await world.storage.feeds.get(url)
    assert stored is not None and stored.listed and stored.title == "Local Cycling"
    listing = await world.mod("feeds list")
    assert "Local Cycling" in embed_text(listing) and "last success never" in embed_text(listing)
    # The other server does not use it, and cannot see or remove it.
    other = await world.mod("feeds list", guild_id=GUILD2_ID)
    assert "Local Cycling" not in embed_text(other)
    refused = await world.mod("feeds remove", {"url": url}, guild_id=GUILD2_ID)
    assert "does not use" in refused["content"]
    assert (await world.storage.feeds.get(url)).listed


@pytest.mark.parametrize(
    ("make_url", "reason"),
    [
        (lambda s: s.url("/feed.xml", host="127.0.0.1"), "refused"),
        (lambda s: "file:///etc/passwd", "is not an http/https URL"),
        (lambda s: s.url("/page.html"), "not an RSS or Atom feed"),
    ],
)
async def test_refused_feed_gives_the_reason_and_stores_nothing(world, make_url, reason):
    url = make_url(world.server)
    message = await world.mod("feeds add", {"url": url})
    assert message["content"].startswith("Not added") and reason in message["content"]
    assert await world.storage.feeds.get(url) is None
    assert await world.storage.guild_config.feeds(GUILD_ID, defaults=()) == ([], False)


async def test_feeds_test_previews_without_adding(world):
    url = world.server.url("/feed.xml")
    message = await world.mod("feeds test", {"url": url})
    assert message["embeds"][0]["title"] == "Preview: Local Cycling"
    assert await world.storage.feeds.get(url) is None


async def test_new_rider_tags_this_servers_next_story_without_a_restart(world):
    url = world.server.url("/feed.xml")
    await world.mod("feeds add", {"url": url})
    await world.ingestor.poll_feed(await world.storage.feeds.get(url))  # backlog
    version = world.roster_state.version
    answer = await world.mod(
        "track add", {"kind": "rider", "name": "Zoé Testrider", "new": True, "aliases": "Zozo"}
    )
    assert "Added the new rider Zoé Testrider" in answer["content"]
    assert world.roster_state.version == version  # this server's own: not the shared roster
    world.server.publish(
        "/feed.xml",
        feed(
            item(
                "Zozo takes a first pro win",
                "zozo",
                datetime.now(UTC).replace(microsecond=0),
                "Testrider attacked on the final climb",
            ),
            *STORIES,
        ),
    )
    report = await world.ingestor.poll_feed(await world.storage.feeds.get(url))
    assert report.outcome == "new" and len(report.new) == 1, report
    here = await world.bot.lookups.seen_from(GUILD_ID, ())
    page = await here.stories_for_person("zoe-testrider")
    assert [s.title for s in page.stories] == ["Zozo takes a first pro win"]
    elsewhere = await world.bot.lookups.seen_from(GUILD2_ID, ())
    assert (await elsewhere.stories_for_person("zoe-testrider")).stories == []
    listing = await world.mod("track list")
    assert "Zoé Testrider" in embed_text(listing)
    # Autocomplete knows the new rider at once in this server, and only there.
    assert names_in(world.bot, GUILD_ID).people.resolve("Zozo") == "zoe-testrider"
    assert names_in(world.bot, GUILD2_ID).people.resolve("Zozo") is None


async def test_non_moderator_is_refused_everywhere(world, standin):
    for path, options in [
        ("feeds add", {"url": world.server.url("/feed.xml")}),
        ("feeds list", None),
        ("track add", {"kind": "rider", "name": "cavendish"}),
        ("track alias add", {"kind": "rider", "name": "cavendish", "alias": "Cannonball"}),
        ("settings log-channel", {"channel": ChannelRef(LOG_CHANNEL_ID)}),
    ]:
        message = await world.mod(path, options, user_id=USER_ID, permissions=MEMBER)
        assert "Manage Server" in message["content"], path
    assert await world.storage.feeds.get(world.server.url("/feed.xml")) is None
    assert await world.storage.guild_config.tracked(GUILD_ID) == []
    assert await world.storage.guild_config.aliases(GUILD_ID) == []
    assert await world.storage.guild_config.log_channel(GUILD_ID) is None
    # Nothing was fetched for a refused member.
    assert not world.server.requests


async def test_two_servers_stay_apart(world):
    await world.mod("track add", {"kind": "rider", "name": "cavendish"})
    await world.mod("track alias add", {"kind": "rider", "name": "cavendish", "alias": "Philipsen"})
    await world.mod("track add", {"kind": "team", "name": "astana"}, guild_id=GUILD2_ID)
    mine = embed_text(await world.mod("track list"))
    theirs = embed_text(await world.mod("track list", guild_id=GUILD2_ID))
    assert "Mark Cavendish" in mine and "Philipsen (/track only)" in mine
    assert "Astana" not in mine
    assert "XDS Astana" in theirs and "Cavendish" not in theirs and "Philipsen" not in theirs
    # Guessing the other server's entity and alias changes nothing there.
    gone = await world.mod("track remove", {"kind": "team", "name": "astana"})
    assert "does not track" in gone["content"]
    alias = await world.mod(
        "track alias remove",
        {"kind": "rider", "name": "cavendish", "alias": "Philipsen"},
        guild_id=GUILD2_ID,
    )
    assert "no such alias" in alias["content"]
    assert await world.storage.guild_config.tracked(GUILD2_ID) == ["team:astana"]
    assert await world.storage.guild_config.aliases(GUILD_ID) == [
        ("person:mark-cavendish", "Philipsen")
    ]
    answer = await world.mod("settings log-channel", {"channel": ChannelRef(LOG_CHANNEL_ID)})
    assert f"<#{LOG_CHANNEL_ID}>" in answer["content"]
    assert await world.storage.guild_config.log_channel(GUILD_ID) == LOG_CHANNEL_ID
    assert await world.storage.guild_config.log_channel(GUILD2_ID) is None
