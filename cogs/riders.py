"""/rider: who a rider is, where they race, what is being written about them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from cogs._common import (
    STORIES_PER_PAGE,
    choices,
    lookups_for,
    names_in,
    paged_reply,
    per_user_cooldown,
    resolve,
    roster_in,
)

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot


class Riders(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    @per_user_cooldown()
    @app_commands.command(name="rider", description="A rider's team, aliases and latest stories")
    @app_commands.describe(name="Any spelling, nickname or alias: pogi, cavendish, van der poel")
    async def rider(
        self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]
    ) -> None:
        # Names resolve in memory, before any reply: an unknown one is answered ephemerally.
        # As this server sees the roster: with its own riders, teams and aliases.
        person_id = resolve(names_in(self.bot, interaction.guild_id).people, name, "rider")
        roster = roster_in(self.bot, interaction.guild_id)
        person = roster.people[person_id]
        today = self.bot.today()
        lookups = await lookups_for(self.bot, interaction)

        async def render_page(page: int) -> tuple[discord.Embed, bool]:
            stories, move = await lookups.rider_page(
                person_id, STORIES_PER_PAGE, page * STORIES_PER_PAGE
            )
            embed = render.rider_embed(
                person, roster, today, stories.stories, move, page=page, has_more=stories.has_more
            )
            return embed, stories.has_more

        await paged_reply(self.bot, interaction, render_page)

    @rider.autocomplete("name")
    async def rider_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(names_in(self.bot, interaction.guild_id).people, current)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(Riders(bot))
