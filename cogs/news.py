"""/news: the latest stories, or a full-text search of every stored story."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from cogs._common import lookups_for, paged_reply, per_user_cooldown

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

NEWS_PER_PAGE = 8


class News(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    @per_user_cooldown()
    @app_commands.command(name="news", description="Latest cycling stories, or search them")
    @app_commands.describe(query="Words to look for in titles and stories (leave empty: latest)")
    async def news(
        self,
        interaction: discord.Interaction,
        query: app_commands.Range[str, 1, 200] | None = None,
    ) -> None:
        lookups = await lookups_for(self.bot, interaction)
        text = (query or "").strip()

        async def render_page(page: int) -> tuple[discord.Embed, bool]:
            offset = page * NEWS_PER_PAGE
            if text:
                found = await lookups.search_stories(text, NEWS_PER_PAGE, offset)
            else:
                found = await lookups.latest_stories(NEWS_PER_PAGE, offset)
            embed = render.news_embed(text, found.stories, page=page, has_more=found.has_more)
            return embed, found.has_more

        await paged_reply(self.bot, interaction, render_page)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(News(bot))
