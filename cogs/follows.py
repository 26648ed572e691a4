"""/follow, /unfollow, /following, /follow-settings: a fan's own news by DM.

Work in servers and in DMs with the bot; no role or permission needed. Everything is
keyed by the user's id, so nobody sees or changes another fan's follows. A follow can be
aimed at a race and narrowed to some kinds of story; /follow-settings also sets the fan's
spoiler shield for their DMs (bot/pipeline/spoilers.py).
"""

from __future__ import annotations

import time
import zoneinfo
from datetime import UTC, datetime
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
    kind_choices,
    kinds_label,
    names_for,
    parse_kinds,
    per_user_cooldown,
    target_entity,
    typed_id,
)
from storage.follows import FanSettings, Follow, TooManyFollows
from storage.shields import MAX_HOLD_HOURS

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

MODES = [
    app_commands.Choice(name="a DM for each story", value="each"),
    app_commands.Choice(name="one daily digest", value="daily"),
]
EVERYWHERE = {"guilds": True, "dms": True, "private_channels": True}
SHIELD_MODES = [
    app_commands.Choice(name="off: results come as they are", value="off"),
    app_commands.Choice(name="hold results until hours after the finish", value="hold"),
    app_commands.Choice(name="post results at once, the headline hidden", value="spoiler"),
]


def shield_text(fan: FanSettings) -> str:
    """The fan's spoiler shield in words."""
    if fan.shield_mode == "hold":
        return (
            f"results (and crashes on race days) wait until {fan.shield_hours} h after the "
            "stage's expected finish"
        )
    if fan.shield_mode == "spoiler":
        return "results (and crashes on race days) come at once, the headline hidden"
    return "off"


def local_clock(zone: str) -> str:
    """Now in the fan's time zone, to show that it is the one they meant."""
    try:
        return datetime.now(UTC).astimezone(zoneinfo.ZoneInfo(zone)).strftime("%H:%M")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return "?"


class Follows(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    def describe(self, follow: Follow) -> str:
        label = (
            entity_label(self.bot.names, follow.entity_id, self.bot.race_names)
            if follow.entity_id
            else "all teams"
        )
        what = f"transfers ({label})" if follow.kind == "transfers" else label
        if follow.kinds:
            what += f" ({kinds_label(follow.kinds)})"
        mode = "each story" if follow.mode == "each" else "daily digest"
        paused = (
            f" · ⏸ paused: {render.escape(follow.paused_reason)}" if follow.paused_reason else ""
        )
        return f"`#{follow.id}` {render.escape(what)} · {mode}{paused}"

    @per_user_cooldown()
    @app_commands.command(name="follow", description="Get a rider's, team's or race's news by DM")
    @app_commands.allowed_contexts(**EVERYWHERE)
    @app_commands.describe(
        kind="What to follow",
        name="The rider, team or race (for transfers: a team, or leave empty for all)",
        mode="A DM for each story, or one daily digest (see /follow-settings)",
        kinds="Only these kinds of story, e.g. crash, lineup (default: every kind)",
    )
    @app_commands.choices(kind=ENTITY_KINDS, mode=MODES)
    async def follow(
        self,
        interaction: discord.Interaction,
        kind: app_commands.Choice[str],
        name: app_commands.Range[str, 1, 100] | None = None,
        mode: app_commands.Choice[str] | None = None,
        kinds: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        story_kinds = parse_kinds(kinds, "kinds")
        entity_id = target_entity(self.bot.names, kind.value, name, "follow", self.bot.race_names)
        limit = self.bot.settings.max_follows
        try:
            follow, created = await self.bot.storage.follows.add(
                interaction.user.id,
                kind.value,
                entity_id,
                mode.value if mode else "each",
                time.time(),
                limit,
                kinds=story_kinds,
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
        kind = getattr(interaction.namespace, "kind", None)
        return choices(names_for(self.bot.names, kind, self.bot.race_names), current)

    @follow.autocomplete("kinds")
    async def follow_kinds(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return kind_choices(current)

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
            f"{fan.timezone} · spoiler shield: {shield_text(fan)} · change them with "
            "/follow-settings"
        )
        await reply(interaction, embeds=[embed], ephemeral=True)

    @per_user_cooldown()
    @app_commands.command(
        name="follow-settings", description="Your time zone, digest time and spoiler shield"
    )
    @app_commands.allowed_contexts(**EVERYWHERE)
    @app_commands.describe(
        timezone="Your time zone, e.g. Europe/Brussels",
        hour="Hour of your daily digest (0-23, your time)",
        minute="Minute of your daily digest",
        spoilers="Spoiler shield for results in your DMs",
        spoiler_hours="With hold: hours after a stage's expected finish (0-72, default 3)",
    )
    @app_commands.choices(spoilers=SHIELD_MODES)
    async def follow_settings(
        self,
        interaction: discord.Interaction,
        timezone: app_commands.Range[str, 1, 64] | None = None,
        hour: app_commands.Range[int, 0, 23] | None = None,
        minute: app_commands.Range[int, 0, 59] | None = None,
        spoilers: app_commands.Choice[str] | None = None,
        spoiler_hours: app_commands.Range[int, 0, MAX_HOLD_HOURS] | None = None,
    ) -> None:
        in_range(hour, 0, 23, "hour")
        in_range(minute, 0, 59, "minute")
        in_range(spoiler_hours, 0, MAX_HOLD_HOURS, "spoiler_hours")
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
            shield_mode=spoilers.value if spoilers else None,
            shield_hours=spoiler_hours,
        )
        await reply(
            interaction,
            f"Your daily digest comes at {fan.digest_hour:02d}:{fan.digest_minute:02d} "
            f"({render.escape(fan.timezone)}, now {local_clock(fan.timezone)} there). "
            f"Spoiler shield: {shield_text(fan)}.",
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
