"""Hostile names, aliases, feed URLs and feed titles through the real cog callbacks:
SQL, markdown, mentions, zero-width and right-to-left characters are stored as plain
data (or refused whole), and nothing the bot shows from them formats, links or pings.

Uses the /feeds test world (a real bot object, the guarded fetcher, a local feed
server on 127.0.0.2) and checks the database after each step.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape as xml_escape

import pytest

from bot.discord import render
from bot.discord.tree import UserFacingError
from cogs._common import names_in
from feeds.ingest.parse import parse_feed
from feeds.models import StoryTags
from storage.articles import FeedState
from tests.bot.discord.test_render import unescaped
from tests.cogs.helpers import sent, text_of
from tests.cogs.test_feeds import GUILD, bot, feeds, final, mod, parse_pool, server  # noqa: F401

MARK = "QZX"  # brackets the hostile part of a string, to find it in what the bot shows
TRICKS = (
    "'); DROP TABLE articles;-- **bold** __under__ `code` ||spoiler|| ~~gone~~ "
    "# heading\n-# small\n> quote [click](javascript:alert(1)) "
    "@everyone @here <@123> <@!123> <@&456> <#789> "
    "zero\u200bwidth\u200d right\u202eto\u202dleft\u2066x"
)
HOSTILE = f"{MARK} {TRICKS} {MARK}"
LIVE_MENTION = re.compile(r"<(@[!&]?|#)(123|456|789)>|@(everyone|here)")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def hostile_parts(text: str) -> list[str]:
    """Each stretch of `text` from a marker to the next marker, or to where the bot cut
    it (an ellipsis) or ended its line: what came from hostile data."""
    return re.findall(rf"{MARK}([^\n…]*?)(?:{MARK}|…|\n|$)", text)


def assert_inert(text: str, *, expect_parts: int = 1) -> None:
    """No live mention anywhere; no live markdown, heading or bidi control inside what
    hostile data produced; every masked link points to http(s)."""
    assert not LIVE_MENTION.search(text), text
    assert not BIDI.search(text), text
    parts = hostile_parts(text)
    assert len(parts) >= expect_parts, text
    for part in parts:
        assert not unescaped(part), (unescaped(part), part)
        assert "](" not in part.replace("\\](", "")
    for target in re.findall(r"(?<!\\)\]\(([^)]*)\)", text):
        assert target.startswith(("http://", "https://")), target
    assert not re.search(r"(?m)^(#{1,3}|-#|>) ", text), text


async def table_state(storage) -> dict[str, int]:
    catalog = (
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        if storage.engine == "postgres"
        else "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    )
    async with storage.reader.execute(catalog) as cursor:
        tables = [r[0] for r in await cursor.fetchall()]
    counts = {}
    for table in tables:
        async with storage.reader.execute(f'SELECT count(*) FROM "{table}"') as cursor:
            counts[table] = (await cursor.fetchone())[0]
    return counts


def hostile_feed(link: str = "javascript:alert(document.cookie)") -> bytes:
    published = format_datetime(datetime(2026, 11, 22, 10, tzinfo=UTC))
    items = "".join(
        f"<item><title>{xml_escape(HOSTILE)} {n}</title><link>{xml_escape(url)}</link>"
        f"<guid>h{n}</guid><pubDate>{published}</pubDate>"
        f"<description>{xml_escape(HOSTILE)}</description></item>"
        for n, url in enumerate([link, "https://news.example/a?q=');DROP TABLE feeds;--"])
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{xml_escape(HOSTILE)}</title><link>https://news.example/</link>"
        f"<description>x</description>{items}</channel></rss>"
    ).encode()


@pytest.fixture
def hostile_url(server) -> str:  # noqa: F811
    server.publish("/hostile.xml", hostile_feed())
    return server.url("/hostile.xml") + "?q=');DROP TABLE guild_feeds;--&x=**@everyone**"


async def test_hostile_feed_title_and_url_are_data_in_add_list_and_about(
    bot,  # noqa: F811
    feeds,  # noqa: F811
    hostile_url,
):
    before = await table_state(bot.storage)
    added = mod()
    await feeds.add.callback(feeds, added, hostile_url)
    shown = final(added)
    assert_inert(text_of(shown), expect_parts=3)  # the feed's title and two stories
    for embed in shown["embeds"]:
        assert embed.url is None or embed.url.startswith("https://")
    # Stored as typed and as the feed wrote it (minus the invisible controls).
    chosen, _ = await bot.storage.guild_config.feeds(GUILD, defaults=())
    stored = [f for f in chosen if f.url == hostile_url]
    assert len(stored) == 1
    assert stored[0].title == render.clean_text(HOSTILE)[:200]
    after = await table_state(bot.storage)
    assert after["guild_feeds"] == before["guild_feeds"] + 2  # the default and this one
    assert after["articles"] == before["articles"]
    assert await bot.storage.integrity_check() == "ok"

    listing = mod()
    await feeds.list_.callback(feeds, listing)
    assert_inert(text_of(sent(listing)))

    about = mod()
    await bot.get_cog("About").about.callback(bot.get_cog("About"), about)
    assert_inert(text_of(sent(about)))

    tested = mod()
    await feeds.test.callback(feeds, tested, hostile_url)
    assert_inert(text_of(final(tested)), expect_parts=3)

    removed = mod()
    await feeds.remove.callback(feeds, removed, hostile_url)
    said = removed.response.send_message.await_args.args[0]
    assert "no longer uses" in said
    assert_inert(said, expect_parts=0)


async def test_a_refused_hostile_url_is_shown_inert_and_stored_nowhere(bot, feeds, server):  # noqa: F811
    before = await table_state(bot.storage)
    interaction = mod()
    url = f"javascript:alert(1)//{MARK} @everyone <@&456> **x** {MARK}"
    await feeds.add.callback(feeds, interaction, url)
    assert_inert(final(interaction)["content"])
    assert await table_state(bot.storage) == before


async def test_stories_from_the_hostile_feed_show_inert_in_every_lookup(bot, server):  # noqa: F811
    parsed = parse_feed(hostile_feed(), base_url=server.url("/hostile.xml"))
    assert parsed.error is None and len(parsed.stories) == 2
    # The feed's words reach storage unchanged: SQL stays text, markup stays characters.
    assert parsed.stories[0].title.startswith(render.clean_text(f"{MARK} '); DROP TABLE"))
    assert parsed.stories[0].url is None  # javascript: link dropped
    now = time.time()
    feed, _ = await bot.storage.feeds.add(server.url("/hostile.xml"), now)
    tags = StoryTags(riders=["tadej-pogacar"], teams=["uae"])
    state = FeedState(parsed.title, None, None, "hostile", now + 600)
    await bot.storage.articles.save_poll(feed.id, [(s, tags) for s in parsed.stories], state, now)
    before = await table_state(bot.storage)

    cases = [
        ("Riders", "rider", ("pogacar",)),
        ("Teams", "team", ("uae",)),
        ("News", "news", (None,)),
        ("News", "news", ("'); DROP TABLE articles;-- \"NEAR(x* OR :col ^",)),
        ("News", "news", (MARK,)),
        ("About", "about", ()),
    ]
    for cog_name, command, args in cases:
        cog = bot.get_cog(cog_name)
        interaction = mod()
        await getattr(cog, command).callback(cog, interaction, *args)
        answer = sent(interaction)
        assert answer.get("embeds"), (command, args, answer)
        assert_inert(text_of(answer), expect_parts=0)
        if command != "about" and args != ("'); DROP TABLE articles;-- \"NEAR(x* OR :col ^",):
            assert len(hostile_parts(text_of(answer))) >= 2, (command, args)
    assert await table_state(bot.storage) == before
    assert await bot.storage.integrity_check() == "ok"


@pytest.mark.parametrize(
    "name",
    [
        "Robert'); DROP TABLE articles;--",
        "Zed **Bold**",
        "@everyone Rider",
        "Rider <@&456>",
        "Zero\u200bWidth",
        "Right\u202eLeft",
        "# Heading Rider",
        "Ann [x](javascript:1)",
    ],
)
async def test_names_carrying_tricks_are_refused_whole(bot, name):  # noqa: F811
    before = await table_state(bot.storage)
    version = bot.roster_state.version
    track = bot.get_cog("Track")
    with pytest.raises(UserFacingError) as refused:
        await track.add.callback(track, mod(), "rider", name, True, None)
    assert_inert(refused.value.message, expect_parts=0)
    with pytest.raises(UserFacingError):
        await track.alias_add.callback(track, mod(), "rider", "pogacar", name)
    assert await table_state(bot.storage) == before
    assert bot.roster_state.version == version


async def test_sql_shaped_names_that_pass_are_stored_and_shown_as_data(bot):  # noqa: F811
    """Quotes, dashes and slashes are real name characters (O'Connor, Lotto-Dstny): a name
    made of them reaches SQL only as a bound parameter."""
    track = bot.get_cog("Track")
    name = "Ann O'Neil' -- OR 'a'/'a"
    alias = "Bobby' OR 'x'-- &"
    added = mod()
    await track.add.callback(track, added, "rider", name, True, alias)
    assert_inert(sent(added)["content"], expect_parts=0)
    roster = bot.roster_state.guilds.roster(GUILD)  # the server's own rider
    [person] = [p for p in roster.people.values() if p.name == name]
    assert person.aliases == (alias,)
    [custom] = await bot.storage.guild_config.custom_entities()
    assert custom.entity_id == f"person:{person.id}" and custom.guild_id == GUILD
    assert await bot.storage.guild_config.tracked(GUILD) == [custom.entity_id]
    assert names_in(bot, GUILD).people.resolve(alias) == person.id
    listing = mod()
    await bot.get_cog("Track").list_.callback(track, listing)
    text = text_of(sent(listing))
    assert render.escape(name) in text
    assert_inert(text, expect_parts=0)
    assert await bot.storage.integrity_check() == "ok"
    assert (await table_state(bot.storage))["articles"] == 0
