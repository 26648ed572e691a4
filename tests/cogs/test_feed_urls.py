"""Feed URLs where they enter (/feeds add|test) and where they are shown (/feeds list, its
autocomplete, /about, posts, `domestique feeds list`): an unusable URL is refused before
any fetch with the reason; a password or a line break never reaches a reader, even from
a row stored before such URLs were refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import SimpleNamespace
from unittest import mock

import aiohttp
import discord
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.cli.console import feed_line, story_line
from bot.discord import render
from bot.discord.client import DomestiqueBot
from bot.pipeline.roster_state import RosterState
from bot.settings import Settings
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from feeds.models import Story, StoryTags
from storage import Storage
from storage.articles import SavedStory
from tests.cogs.helpers import make_interaction, text_of
from tests.e2e.conftest import TODAY
from tests.e2e.world import SEED_FEED, small_roster
from tests.feedserver import FeedServer

GUILD = 1200000000000000001
DEFAULT = "https://default.example/feed.xml"
STORED_WITH_PASSWORD = "https://reader:hunter2@private.example/feed.xml"
STORED_WITH_LINE_BREAK = "https://a.example/feed.xml\r\n  title: forged\n  disabled: forged"


def mod():
    interaction = make_interaction()
    interaction.guild_id = GUILD
    interaction.permissions = discord.Permissions(manage_guild=True)
    return interaction


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer(host="127.0.0.2") as srv:
        srv.publish("/seed.xml", SEED_FEED.read_bytes())
        yield srv


@pytest.fixture
async def bot(database, server) -> AsyncIterator[DomestiqueBot]:
    storage = await Storage.open(database)
    await storage.feeds.add(DEFAULT, 1.0)
    # The feed server's address is allowed: a URL the rule refuses would otherwise work.
    session = new_session(AddressPolicy(["127.0.0.2"]), user_agent="Domestique tests")
    client = DomestiqueBot(
        settings=Settings(feeds=(DEFAULT,)),
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


# (URL, with {base} the feed server's working feed URL; the reason the moderator reads)
REFUSED = [
    ("http://[::1/feed.xml", "not a valid URL"),
    ("http://127.0.0.2:99999/seed.xml", "has port 99999"),
    ("http://feeds local/seed.xml", "not a host name or an IP address"),
    ("http://999.1.1.1/seed.xml", "999.1.1.1, which is not an IPv4 address"),
    ("file:///etc/passwd", "not an http/https URL"),
    ("{scheme}://reader:secret@{authority}/seed.xml", "user name or password"),
    ("{base}\r\n**forged line**", "has a control character"),
    ("{base}?\u202egnp.xml", "has a control character"),
    ("{base}?" + "x" * 5000, "too long"),
]


@pytest.mark.parametrize("command", ["add", "test"])
@pytest.mark.parametrize(("template", "reason"), REFUSED)
async def test_an_unusable_url_is_refused_before_any_fetch(
    bot, feeds, server, command, template, reason
):
    base = server.url("/seed.xml")
    scheme, _, rest = base.partition("://")
    url = template.format(base=base, scheme=scheme, authority=rest.partition("/")[0])
    interaction = mod()
    await getattr(feeds, command).callback(feeds, interaction, url)
    content = interaction.edit_original_response.await_args.kwargs["content"]
    verb = "Not added" if command == "add" else "Not a working feed"
    assert content.startswith(verb) and reason in content, content
    assert "secret" not in content and "\r" not in content and "\n" not in content
    assert len(content) <= render.CONTENT_LIMIT
    assert server.requests == []  # refused by the rule, not by a failed fetch
    assert await bot.storage.feeds.get(url) is None
    _, chosen = await bot.storage.guild_config.feeds(GUILD, defaults=(DEFAULT,))
    assert not chosen


async def _store_old_rows(bot: DomestiqueBot) -> None:
    # As a database written before the rule could hold them.
    for url in (STORED_WITH_PASSWORD, STORED_WITH_LINE_BREAK):
        await bot.storage.guild_config.add_feed(GUILD, url, 1, 1.0, defaults=(), limit=50)


async def test_a_stored_password_is_never_shown_in_discord(bot, feeds):
    await _store_old_rows(bot)
    listing = mod()
    await feeds.list_.callback(feeds, listing)
    text = text_of(listing.response.send_message.await_args.kwargs)
    assert "private.example/feed.xml" in text
    assert "hunter2" not in text and "reader" not in text
    choices = await feeds.url_autocomplete(mod(), "private")
    assert [c.name for c in choices] == ["https://private.example/feed.xml"]
    assert choices[0].value == STORED_WITH_PASSWORD  # still removes the stored row
    removed = mod()
    await feeds.remove.callback(feeds, removed, choices[0].value)
    assert "hunter2" not in removed.response.send_message.await_args.args[0]

    untitled = SimpleNamespace(
        url=STORED_WITH_PASSWORD,
        title=None,
        last_success_at=None,
        last_error=None,
        disabled_reason=None,
    )
    freshness = SimpleNamespace(
        feeds=[untitled], last_poll_at=None, stories=0, latest_story_at=None
    )
    about = render.about_embed(freshness, version="test", riders=1, teams=1)
    post = render.story_post_embed(
        title="A story",
        url="https://a.example/story",
        source=STORED_WITH_PASSWORD,
        published_at=None,
        also_on=[STORED_WITH_PASSWORD],
    )
    line = render.story_line("A story", None, STORED_WITH_PASSWORD, None)
    for shown in (str(about.to_dict()), str(post.to_dict()), line):
        assert "private.example" in shown and "hunter2" not in shown, shown


async def test_a_stored_line_break_cannot_forge_a_line_of_feeds_list(bot):
    await _store_old_rows(bot)
    for feed in await bot.storage.feeds.all(include_unlisted=True):
        lines = feed_line(feed).splitlines()
        assert len(lines) == 3  # the URL, last success, next attempt
        assert not any(line.startswith(("  title:", "  disabled:")) for line in lines)
        assert "hunter2" not in lines[0]
    # A story printed by `domestique poll` or a terminal `run` names an untitled feed by URL.
    saved = SavedStory(1, Story(key="k", url=None, title="A story"), StoryTags(), False)
    for source in (STORED_WITH_PASSWORD, STORED_WITH_LINE_BREAK):
        lines = story_line(saved, source, small_roster()).splitlines()
        assert len(lines) == 2 and "hunter2" not in lines[1] and ".example/feed.xml" in lines[1]


def test_link_targets_lose_their_credentials():
    assert render.safe_url(STORED_WITH_PASSWORD) == "https://private.example/feed.xml"
    assert render.link("Feed", STORED_WITH_PASSWORD) == ("[Feed](https://private.example/feed.xml)")
