"""/news: the latest stories, or a full-text search of every stored story; optionally only
one kind of story (results, crashes...) or stories about one race."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import race_render, render
from bot.discord.tree import UserFacingError
from cogs._common import choices, lookups_for, paged_reply, per_user_cooldown, resolve

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

NEWS_PER_PAGE = 8
KIND_NAMES = {
    "result": "Results",
    "preview": "Previews",
    "lineup": "Line-ups and programmes",
    "crash": "Crashes, injuries and abandons",
    "transfer": "Transfers",
    "team": "Team news",
    "other": "Other stories",
}
"""Every story kind (feeds.models.STORY_KINDS), as the `kind` option lists it."""
KINDS = [app_commands.Choice(name=label, value=kind) for kind, label in KIND_NAMES.items()]


class News(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    @per_user_cooldown()
    @app_commands.command(name="news", description="Latest cycling stories, or search them")
    @app_commands.describe(
        query="Words to look for in titles and stories (leave empty: latest)",
        kind="Only this kind of story",
        race="Only stories about this race (pick from the list)",
    )
    @app_commands.choices(kind=KINDS)
    async def news(
        self,
        interaction: discord.Interaction,
        query: app_commands.Range[str, 1, 200] | None = None,
        kind: app_commands.Choice[str] | None = None,
        race: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        text = (query or "").strip()
        # Checked here too: Discord enforces the choices it was told, the bot must not rely on it.
        kind_id = kind.value if kind is not None else None
        if kind_id is not None and kind_id not in KIND_NAMES:
            shown = render.truncate(render.escape(kind_id), 40)
            raise UserFacingError(f"{shown} is not a kind of story: {', '.join(KIND_NAMES)}.")
        race_id = resolve(self.bot.race_names, race, "race") if race else None
        lookups = await lookups_for(self.bot, interaction)
        filters = [KIND_NAMES[kind_id]] if kind_id else []
        if race_id is not None:
            filters.append(self.bot.calendar.races[race_id].name)

        async def render_page(page: int) -> tuple[discord.Embed, bool]:
            offset = page * NEWS_PER_PAGE
            if filters:
                found = await lookups.filtered_stories(
                    NEWS_PER_PAGE, offset, kind=kind_id, race_id=race_id, text=text or None
                )
                embed = race_render.filtered_news_embed(
                    text, filters, found.stories, page=page, has_more=found.has_more
                )
                return embed, found.has_more
            if text:
                found = await lookups.search_stories(text, NEWS_PER_PAGE, offset)
            else:
                found = await lookups.latest_stories(NEWS_PER_PAGE, offset)
            embed = render.news_embed(text, found.stories, page=page, has_more=found.has_more)
            return embed, found.has_more

        await paged_reply(self.bot, interaction, render_page)

    @news.autocomplete("race")
    async def race_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(self.bot.race_names, current)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(News(bot))
