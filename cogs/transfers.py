"""/transfers: transfer news, for one team (a board), one rider, or everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.tree import Reply, respond
from cogs._common import choices, lookups_for, per_user_cooldown, resolve

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

MOVES_SHOWN = 15


class Transfers(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    @per_user_cooldown()
    @app_commands.command(name="transfers", description="Transfer news: rumours and signings")
    @app_commands.describe(team="A team: its arrivals and departures", rider="A rider: their moves")
    async def transfers(
        self,
        interaction: discord.Interaction,
        team: app_commands.Range[str, 1, 100] | None = None,
        rider: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        names = self.bot.names
        team_id = resolve(names.teams, team, "team") if team else None
        person_id = resolve(names.people, rider, "rider") if rider else None
        roster = self.bot.roster_state.roster
        today = self.bot.today()
        lookups = await lookups_for(self.bot, interaction)

        async def work() -> Reply:
            if person_id is not None:
                person = roster.people[person_id]
                moves = await lookups.moves_for_person(person_id, MOVES_SHOWN)
                if team_id is not None:
                    moves = [m for m in moves if team_id in (m.from_team_id, m.to_team_id)]
                embed = render.transfers_embed(
                    f"Transfers: {person.name}", moves, colour_team=person.team_on(today)
                )
            elif team_id is not None:
                board = await lookups.transfer_board(team_id, MOVES_SHOWN)
                embed = render.transfers_embed(
                    f"Transfers: {roster.teams[team_id].name_on(today)}",
                    [],
                    colour_team=team_id,
                    arrivals=board.arrivals,
                    departures=board.departures,
                )
            else:
                moves = await lookups.latest_moves(MOVES_SHOWN)
                embed = render.transfers_embed("Latest transfer news", moves)
            return Reply(embeds=[embed])

        await respond(interaction, work(), defer_after=self.bot.defer_after)

    @transfers.autocomplete("team")
    async def team_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(self.bot.names.teams, current)

    @transfers.autocomplete("rider")
    async def rider_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(self.bot.names.people, current)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(Transfers(bot))
