"""/about: what the bot does, the feeds it reads and how fresh its data is."""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.tree import Reply, respond
from cogs._common import lookups_for, per_user_cooldown

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot


def _version() -> str:
    try:
        return metadata.version("domestique")
    except metadata.PackageNotFoundError:
        return "(source)"


class About(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    @per_user_cooldown()
    @app_commands.command(name="about", description="What Domestique reads and how fresh it is")
    async def about(self, interaction: discord.Interaction) -> None:
        roster = self.bot.roster_state.roster
        lookups = await lookups_for(self.bot, interaction)

        async def work() -> Reply:
            freshness = await lookups.freshness()
            embed = render.about_embed(
                freshness, version=_version(), riders=len(roster.people), teams=len(roster.teams)
            )
            return Reply(embeds=[embed])

        await respond(interaction, work(), defer_after=self.bot.defer_after)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(About(bot))
