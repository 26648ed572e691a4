"""/spoilers: a channel's spoiler shield (moderators only).

Results, and crash stories about a race on a day it runs, either wait until some hours
after the stage's expected finish, or come at once with the headline hidden and no
preview (bot/pipeline/spoilers.py decides; fan-out applies it). Guild-only, Manage Server
by default and checked again in code; every statement filters by the server's id.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.permissions import moderator_only
from bot.discord.tree import UserFacingError, reply
from cogs._common import in_range, per_user_cooldown
from storage.shields import DEFAULT_HOLD_HOURS, MAX_HOLD_HOURS, ChannelShield, Shield

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

MODES = [
    app_commands.Choice(name="off: results are posted as they come", value="off"),
    app_commands.Choice(name="hold results until hours after the finish", value="hold"),
    app_commands.Choice(name="post results at once, the headline hidden", value="spoiler"),
]
Place = discord.TextChannel | discord.Thread | discord.ForumChannel


def describe(shield: Shield | None) -> str:
    if shield is None or shield.mode == "off":
        return "off: results are posted as they come"
    if shield.mode == "hold":
        return (
            f"hold: results, and crashes on a race's day, wait until {shield.hold_hours} h "
            "after the stage's expected finish"
        )
    return "spoiler: results, and crashes on a race's day, come at once with the headline hidden"


class Spoilers(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    @per_user_cooldown()
    @app_commands.command(name="spoilers", description="A channel's spoiler shield for results")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @moderator_only()
    @app_commands.describe(
        channel="The channel (leave empty to list this server's shields)",
        mode="Off, hold results for some hours, or hide their headlines",
        hours=f"With hold: hours after a stage's expected finish (0-{MAX_HOLD_HOURS}, "
        f"default {DEFAULT_HOLD_HOURS})",
    )
    @app_commands.choices(mode=MODES)
    async def spoilers(
        self,
        interaction: discord.Interaction,
        channel: Place | None = None,
        mode: app_commands.Choice[str] | None = None,
        hours: app_commands.Range[int, 0, MAX_HOLD_HOURS] | None = None,
    ) -> None:
        guild = interaction.guild
        if guild is None:
            raise UserFacingError("That command only works in a server.")
        in_range(hours, 0, MAX_HOLD_HOURS, "hours")
        store = self.bot.storage.shields
        if channel is None:
            if mode is not None or hours is not None:
                raise UserFacingError("Name the channel whose shield to change (`channel`).")
            await self.listing(interaction, await store.for_guild(guild.id))
            return
        if channel.guild.id != guild.id:
            raise UserFacingError("Pick a channel of this server.")
        current = await store.channel(guild.id, channel.id)
        if mode is None and hours is None:
            shown = current.shield if current else None
            await reply(interaction, f"{channel.mention}: {describe(shown)}.", ephemeral=True)
            return
        wanted = mode.value if mode else (current.shield.mode if current else "hold")
        if hours is None:
            hours = current.shield.hold_hours if current else DEFAULT_HOLD_HOURS
        if not await store.set_channel(
            guild.id, channel.id, wanted, hours, interaction.user.id, time.time()
        ):
            raise UserFacingError("Pick a channel of this server.")
        await reply(
            interaction,
            f"{channel.mention}: {describe(Shield(wanted, hours))}.",
            ephemeral=True,
        )

    async def listing(self, interaction: discord.Interaction, shields: list[ChannelShield]) -> None:
        embed = discord.Embed(title="Spoiler shields", colour=render.BRAND_COLOUR)
        embed.description = (
            render.join_lines(
                (f"<#{s.channel_id}> · {describe(s.shield)}" for s in shields),
                render.DESCRIPTION_LIMIT,
                "…",
            )
            if shields
            else "No channel has one. Add one with /spoilers channel mode."
        )
        await reply(interaction, embeds=[embed], ephemeral=True)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(Spoilers(bot))
