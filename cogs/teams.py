"""/team: a team under today's name, its riders this season and its latest stories."""

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


class Teams(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    @per_user_cooldown()
    @app_commands.command(name="team", description="A team's riders and latest stories")
    @app_commands.describe(name="Any name the team raced under, sponsors past or present")
    async def team(
        self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]
    ) -> None:
        # As this server sees the roster: with its own riders, teams and aliases.
        team_id = resolve(names_in(self.bot, interaction.guild_id).teams, name, "team")
        roster = roster_in(self.bot, interaction.guild_id)
        team = roster.teams[team_id]
        today = self.bot.today()
        lookups = await lookups_for(self.bot, interaction)

        async def render_page(page: int) -> tuple[discord.Embed, bool]:
            stories = await lookups.stories_for_team(
                team_id, STORIES_PER_PAGE, page * STORIES_PER_PAGE
            )
            embed = render.team_embed(
                team, roster, today, stories.stories, page=page, has_more=stories.has_more
            )
            return embed, stories.has_more

        await paged_reply(self.bot, interaction, render_page)

    @team.autocomplete("name")
    async def team_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(names_in(self.bot, interaction.guild_id).teams, current)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(Teams(bot))
