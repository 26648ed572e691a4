"""/follow, /unfollow, /following, /follow-settings: a fan's own news by DM.

Work in servers and in DMs with the bot; no role or permission needed. Everything is
keyed by the user's id, so nobody sees or changes another fan's follows.
"""

from __future__ import annotations

import time
import zoneinfo
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.tree import UserFacingError, reply
from cogs._common import (
    ENTITY_KINDS,
    choices,
    entity_label,
    in_range,
    names_for,
    per_user_cooldown,
    target_entity,
    typed_id,
)
from storage.follows import Follow, TooManyFollows

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

MODES = [
    app_commands.Choice(name="a DM for each story", value="each"),
    app_commands.Choice(name="one daily digest", value="daily"),
]
EVERYWHERE = {"guilds": True, "dms": True, "private_channels": True}


class Follows(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    def describe(self, follow: Follow) -> str:
        label = entity_label(self.bot.names, follow.entity_id) if follow.entity_id else "all teams"
        what = f"transfers ({label})" if follow.kind == "transfers" else label
        mode = "each story" if follow.mode == "each" else "daily digest"
        paused = (
            f" · ⏸ paused: {render.escape(follow.paused_reason)}" if follow.paused_reason else ""
        )
        return f"`#{follow.id}` {render.escape(what)} · {mode}{paused}"

    @per_user_cooldown()
    @app_commands.command(name="follow", description="Get a rider's or team's news by DM")
    @app_commands.allowed_contexts(**EVERYWHERE)
    @app_commands.describe(
        kind="What to follow",
        name="The rider or team (for transfers: a team, or leave empty for all)",
        mode="A DM for each story, or one daily digest (see /follow-settings)",
    )
    @app_commands.choices(kind=ENTITY_KINDS, mode=MODES)
    async def follow(
        self,
        interaction: discord.Interaction,
        kind: app_commands.Choice[str],
        name: app_commands.Range[str, 1, 100] | None = None,
        mode: app_commands.Choice[str] | None = None,
    ) -> None:
        entity_id = target_entity(self.bot.names, kind.value, name, "follow")
        limit = self.bot.settings.max_follows
        try:
            follow, created = await self.bot.storage.follows.add(
                interaction.user.id,
                kind.value,
                entity_id,
                mode.value if mode else "each",
                time.time(),
                limit,
            )
        except TooManyFollows:
            raise UserFacingError(
                f"You already follow {limit} things, the most allowed. Use /unfollow first."
            ) from None
        verb = "Following" if created else "Updated"
        await reply(
            interaction,
            f"{verb}: {self.describe(follow)}. New stories come to you by DM "
            "(keep DMs from this server's members open).",
            ephemeral=True,
        )

    @follow.autocomplete("name")
    async def follow_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(
            names_for(self.bot.names, getattr(interaction.namespace, "kind", None)), current
        )

    @per_user_cooldown()
    @app_commands.command(name="unfollow", description="Stop one of your follows")
    @app_commands.allowed_contexts(**EVERYWHERE)
    @app_commands.describe(follow="The follow (pick from the list)")
    async def unfollow(
        self, interaction: discord.Interaction, follow: app_commands.Range[str, 1, 30]
    ) -> None:
        follow_id = typed_id(follow, "follow")
        mine = {f.id: f for f in await self.bot.storage.follows.for_user(interaction.user.id)}
        if follow_id not in mine or not await self.bot.storage.follows.remove(
            interaction.user.id, follow_id
        ):
            raise UserFacingError(f"You have no follow #{follow_id}.")
        await reply(interaction, f"Stopped: {self.describe(mine[follow_id])}", ephemeral=True)

    @unfollow.autocomplete("follow")
    async def unfollow_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        out = []
        for follow in await self.bot.storage.follows.for_user(interaction.user.id):
            text = render.clean_text(self.describe(follow).replace("`", ""))
            if current.lower() in text.lower():
                out.append(app_commands.Choice(name=text[:100], value=str(follow.id)))
        return out[:25]

    @per_user_cooldown()
    @app_commands.command(name="following", description="What you follow")
    @app_commands.allowed_contexts(**EVERYWHERE)
    async def following(self, interaction: discord.Interaction) -> None:
        follows = await self.bot.storage.follows.for_user(interaction.user.id)
        fan = await self.bot.storage.follows.settings(interaction.user.id)
        embed = discord.Embed(title="You follow", colour=render.BRAND_COLOUR)
        embed.description = (
            render.join_lines((self.describe(f) for f in follows), render.DESCRIPTION_LIMIT, "…")
            if follows
            else "Nothing yet. Try /follow."
        )
        embed.set_footer(
            text=f"Daily digest at {fan.digest_hour:02d}:{fan.digest_minute:02d} "
            f"{fan.timezone} · change it with /follow-settings"
        )
        await reply(interaction, embeds=[embed], ephemeral=True)

    @per_user_cooldown()
    @app_commands.command(name="follow-settings", description="Your time zone and digest time")
    @app_commands.allowed_contexts(**EVERYWHERE)
    @app_commands.describe(
        timezone="Your time zone, e.g. Europe/Brussels",
        hour="Hour of your daily digest (0-23, your time)",
        minute="Minute of your daily digest",
    )
    async def follow_settings(
        self,
        interaction: discord.Interaction,
        timezone: app_commands.Range[str, 1, 64] | None = None,
        hour: app_commands.Range[int, 0, 23] | None = None,
        minute: app_commands.Range[int, 0, 59] | None = None,
    ) -> None:
        in_range(hour, 0, 23, "hour")
        in_range(minute, 0, 59, "minute")
        if timezone is not None:
            try:
                zoneinfo.ZoneInfo(timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                shown = render.truncate(render.escape(timezone), 64)
                raise UserFacingError(
                    f"{shown} is not a time zone I know. Pick one from the list."
                ) from None
        fan = await self.bot.storage.follows.set_settings(
            interaction.user.id,
            time.time(),
            timezone=timezone,
            digest_hour=hour,
            digest_minute=minute,
        )
        await reply(
            interaction,
            f"Your daily digest comes at {fan.digest_hour:02d}:{fan.digest_minute:02d} "
            f"({render.escape(fan.timezone)}).",
            ephemeral=True,
        )

    @follow_settings.autocomplete("timezone")
    async def timezone_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        wanted = current.lower().replace(" ", "_")
        zones = sorted(z for z in zoneinfo.available_timezones() if wanted in z.lower())
        return [app_commands.Choice(name=z, value=z) for z in zones[:25]]


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(Follows(bot))
