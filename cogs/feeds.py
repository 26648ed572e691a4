"""/feeds add|remove|list|test: which shared feeds a server uses (moderators only).

A feed is fetched once per URL whoever uses it (table feeds); each server picks the
ones it uses (guild_feeds). `add` and `test` fetch through the guarded fetcher
(feeds/ingest/netguard: no private addresses, size and time limits), refuse what is not a
working RSS/Atom feed with the reason, and preview the latest three stories with
the tags the tagger gives them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.permissions import check_moderator, is_moderator
from bot.pipeline import cycling_share
from cogs._common import paged_reply
from feeds.ingest.urls import UrlRefused, check_feed_url
from feeds.models import Story, StoryTags
from storage.guild_config import FeedAdded

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot
    from feeds.roster import Roster
    from storage.feed_store import Feed

log = logging.getLogger(__name__)

PREVIEW_STORIES = 3
PREVIEW_ITEMS = 200
"""Items parsed of a previewed feed: as many as a poll stores (Ingestor.max_items)."""
PREVIEWS_AT_ONCE = 2
"""Previews fetched and parsed at once across all servers. Each holds up to 5 MiB and
queues for the one parse process ingestion uses; past this, a moderator is asked to
come back in a moment rather than joining a queue that only grows."""
FEEDS_PER_PAGE = 10


@dataclass(frozen=True, slots=True)
class Preview:
    url: str
    title: str | None
    stories: list[tuple[Story, StoryTags]]
    total: int


class FeedRefused(Exception):
    """Why a URL is not a working feed (shown to the moderator)."""


class PreviewBusy(FeedRefused):
    """PREVIEWS_AT_ONCE previews are running already."""


def _latest(stories: list[Story], n: int) -> list[Story]:
    floor = datetime.min.replace(tzinfo=UTC)
    return sorted(stories, key=lambda s: s.published or floor, reverse=True)[:n]


def tag_names(roster: Roster, tags: StoryTags) -> str:
    names = [roster.people[i].name for i in tags.riders if i in roster.people]
    names += [roster.teams[i].current_name for i in tags.teams if i in roster.teams]
    return ", ".join(render.escape(n) for n in names) or "no riders or teams found"


def preview_embed(preview: Preview, roster: Roster, heading: str) -> discord.Embed:
    embed = discord.Embed(
        # Embed titles render markdown: the feed's own title is escaped like any feed text.
        title=render.truncate(f"{heading}: {render.escape(preview.title) or 'feed'}", 256),
        colour=render.BRAND_COLOUR,
    )
    lines = [render.escape(render.url_text(preview.url))]
    if not preview.stories:
        lines.append("The feed has no stories yet.")
    for story, tags in preview.stories:
        when = story.published.timestamp() if story.published else None
        lines.append(f"\n{render.link(story.title, story.url, 200)} · {render.relative_time(when)}")
        lines.append(f"Tags: {tag_names(roster, tags)}")
    embed.description = render.join_lines(lines, render.DESCRIPTION_LIMIT)
    embed.set_footer(text=f"{preview.total} stories in the feed; the latest are shown.")
    return embed


def health_line(feed: Feed) -> str:
    name = render.link(feed.title or render.url_text(feed.url), feed.url, 120)
    parts = [f"• {name}"]
    if feed.disabled_reason:
        parts.append(f"⛔ disabled: {render.truncate(render.escape(feed.disabled_reason), 150)}")
    ok = render.relative_time(feed.last_success_at) if feed.last_success_at else "never"
    parts.append(f"last success {ok}")
    if feed.last_error and (feed.last_error_at or 0) >= (feed.last_success_at or 0):
        error = render.truncate(render.escape(feed.last_error), 150)
        parts.append(f"last error {render.relative_time(feed.last_error_at)}: {error}")
    if not feed.disabled_reason:
        due = feed.next_attempt_at > time.time()
        parts.append(f"next check {render.relative_time(feed.next_attempt_at) if due else 'now'}")
    return "\n  ".join([parts[0], " · ".join(parts[1:])])


def per_server_fetch_limit():
    """Ten fetches a minute per server: enough to set feeds up, not to use the bot as a
    fetching service."""
    return app_commands.checks.cooldown(10, 60.0, key=lambda i: i.guild_id)


class Feeds(commands.Cog):
    feeds = app_commands.Group(
        name="feeds",
        description="The news feeds this server uses (moderators)",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot
        self._previews = asyncio.Semaphore(PREVIEWS_AT_ONCE)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return check_moderator(interaction)

    @property
    def defaults(self) -> tuple[str, ...]:
        return self.bot.settings.feeds

    async def preview(self, url: str) -> Preview:
        """Fetch and parse `url` and tag its latest stories, or raise FeedRefused."""
        if self._previews.locked():
            raise PreviewBusy(
                "the bot is busy checking other feeds right now; try again in a moment"
            )
        async with self._previews:
            return await self._preview(url)

    async def _preview(self, url: str) -> Preview:
        fetcher, parse_pool = self.bot.fetcher, self.bot.parse_pool
        if fetcher is None or parse_pool is None:
            raise FeedRefused("this bot was started without a feed fetcher")
        result = await fetcher.fetch(url)
        if result.outcome == "failed" or result.body is None:
            raise FeedRefused(result.error or "nothing was fetched")
        try:
            # In the parse process, as ingestion does: a big feed takes seconds of CPU.
            parsed = await parse_pool.parse(result.body, result.final_url or url, PREVIEW_ITEMS)
        except BrokenProcessPool:
            raise FeedRefused("the feed parser stopped; try again in a moment") from None
        if parsed.error:
            raise FeedRefused(parsed.error)
        tagger = self.bot.roster_state.tagger  # one snapshot for the preview

        def tag_latest() -> list[tuple[Story, StoryTags]]:
            # Tagged as ingestion will tag the feed's first poll: measured on its stories.
            is_cycling = cycling_share.measure(tagger, parsed.stories).is_cycling
            out = []
            for story in _latest(parsed.stories, PREVIEW_STORIES):
                published = story.published.date() if story.published else None
                text = cycling_share.story_text(story)
                tags = tagger.tag(
                    story.title,
                    text,
                    published,
                    feed_is_cycling=is_cycling,
                    language=story.language,
                )
                out.append((story, tags))
            return out

        tagged = await asyncio.to_thread(tag_latest)
        return Preview(url, parsed.title, tagged, len(parsed.stories))

    async def _preview_or_say(
        self, interaction: discord.Interaction, url: str, verb: str
    ) -> Preview | None:
        try:
            # The rule settings and `domestique feeds add` apply, before anything is fetched.
            check_feed_url(url)
            return await self.preview(url)
        except (UrlRefused, FeedRefused) as exc:
            reason = render.truncate(render.escape(str(exc)), 500)
            # Cut: a refused URL may be far longer than a message may be.
            shown = render.truncate(render.escape(render.url_text(url)), 300)
            await interaction.edit_original_response(content=f"{verb} {shown}: {reason}")
            return None

    @feeds.command(name="add", description="Use a news feed (RSS or Atom) in this server")
    @per_server_fetch_limit()
    @app_commands.describe(url="The feed's address (http or https)")
    async def add(self, interaction: discord.Interaction, url: str) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        url = url.strip()
        preview = await self._preview_or_say(interaction, url, "Not added")
        if preview is None:
            return
        limit = self.bot.settings.max_guild_feeds
        outcome, count = await self.bot.storage.guild_config.add_feed(
            guild_id,
            url,
            interaction.user.id,
            time.time(),
            defaults=self.defaults,
            limit=limit,
            title=render.clean_text(preview.title)[:200] or None,
        )
        if outcome is FeedAdded.LIMIT:
            await interaction.edit_original_response(
                content=f"Not added: this server already uses {count} feeds, the most allowed "
                f"({limit}). Remove one with `/feeds remove` first."
            )
            return
        heading = "Added" if outcome is FeedAdded.ADDED else "Already in use"
        embed = preview_embed(preview, self.bot.roster_state.roster, heading)
        note = "New stories from it are posted from the next check on; older ones are not."
        await interaction.edit_original_response(
            content=note if outcome is FeedAdded.ADDED else None, embeds=render.fit_all([embed])
        )

    @feeds.command(name="test", description="Preview a feed without adding it")
    @per_server_fetch_limit()
    @app_commands.describe(url="The feed's address (http or https)")
    async def test(self, interaction: discord.Interaction, url: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        preview = await self._preview_or_say(interaction, url.strip(), "Not a working feed")
        if preview is not None:
            embed = preview_embed(preview, self.bot.roster_state.roster, "Preview")
            await interaction.edit_original_response(embeds=render.fit_all([embed]))

    @feeds.command(name="remove", description="Stop using a feed in this server")
    @app_commands.describe(url="One of this server's feeds")
    async def remove(self, interaction: discord.Interaction, url: str) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        removed = await self.bot.storage.guild_config.remove_feed(
            guild_id, url.strip(), time.time(), defaults=self.defaults
        )
        shown = render.truncate(render.escape(render.url_text(url)), 300)
        text = (
            f"This server no longer uses {shown}."
            if removed
            else f"This server does not use {shown}."
        )
        await interaction.response.send_message(text, ephemeral=True)

    @remove.autocomplete("url")
    async def url_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if not is_moderator(interaction) or interaction.guild_id is None:
            return []
        feeds, _ = await self.bot.storage.guild_config.feeds(
            interaction.guild_id, defaults=self.defaults
        )
        wanted = current.lower()
        return [
            app_commands.Choice(name=render.truncate(render.url_text(f.url), 100), value=f.url)
            for f in feeds
            if wanted in f.url.lower() or wanted in (f.title or "").lower()
            if len(f.url) <= 100
        ][:25]

    @feeds.command(name="list", description="This server's feeds and their health")
    async def list_(self, interaction: discord.Interaction) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        feeds, chosen = await self.bot.storage.guild_config.feeds(guild_id, defaults=self.defaults)

        async def render_page(page: int) -> tuple[discord.Embed, bool]:
            shown = feeds[page * FEEDS_PER_PAGE : (page + 1) * FEEDS_PER_PAGE]
            has_more = len(feeds) > (page + 1) * FEEDS_PER_PAGE
            embed = discord.Embed(
                title=f"Feeds this server uses ({len(feeds)})", colour=render.BRAND_COLOUR
            )
            embed.description = (
                render.join_lines(map(health_line, shown), render.DESCRIPTION_LIMIT, more="…")
                if shown
                else "None. Add one with `/feeds add`."
            )
            footer = [f"Page {page + 1}"] if feeds else []
            if has_more:
                footer.append("more with ▶")
            if not chosen:
                footer.append("The default list: /feeds add or remove makes it yours.")
            embed.set_footer(text=" · ".join(footer))
            return embed, has_more

        await paged_reply(self.bot, interaction, render_page, ephemeral=True)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(Feeds(bot))
