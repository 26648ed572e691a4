"""/race (an edition's dates, stages and latest stories) and /race-threads (moderators:
race-day threads in a channel)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import race_render, render
from bot.discord.permissions import moderator_only
from bot.discord.tree import Reply, UserFacingError, reply, respond
from cogs._common import choices, in_range, lookups_for, per_user_cooldown, resolve
from feeds.races.lookup import edition_to_show

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

FIRST_YEAR = 1900
LAST_YEAR = 2100
SWITCH = [
    app_commands.Choice(name="on: a thread for each race day", value="on"),
    app_commands.Choice(name="off", value="off"),
]
Place = discord.TextChannel | discord.ForumChannel


def missing_thread_permissions(channel: Place, me: discord.Member) -> list[str]:
    """What the bot lacks to open and fill race-day threads in `channel`, as Discord names it."""
    perms = channel.permissions_for(me)
    needed = [
        ("View Channel", perms.view_channel),
        ("Send Messages in Threads", perms.send_messages_in_threads),
        ("Embed Links", perms.embed_links),
        ("Read Message History", perms.read_message_history),
    ]
    if isinstance(channel, discord.ForumChannel):
        needed.append(("Create Posts", perms.send_messages))
    else:
        needed.append(("Create Public Threads", perms.create_public_threads))
    return [name for name, held in needed if not held]


class Races(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    @per_user_cooldown()
    @app_commands.command(name="race", description="A race: its dates, stages and latest stories")
    @app_commands.describe(
        name="The race, in any language (pick from the list)",
        year="The edition (default: the one running, or the next)",
    )
    async def race(
        self,
        interaction: discord.Interaction,
        name: app_commands.Range[str, 1, 100],
        year: app_commands.Range[int, FIRST_YEAR, LAST_YEAR] | None = None,
    ) -> None:
        calendar = self.bot.calendar
        in_range(year, FIRST_YEAR, LAST_YEAR, "year")
        race = calendar.races[resolve(self.bot.race_names, name, "race")]
        today = self.bot.today()
        years = [e.year for e in calendar.editions_of(race)]
        edition = calendar.edition(race, year) if year else edition_to_show(calendar, race, today)
        if edition is None:
            if year is None:
                raise UserFacingError(
                    f"The calendar has no edition of {render.escape(race.name)} yet."
                )
            raise UserFacingError(race_render.unknown_year_text(race, year, years))
        lookups = await lookups_for(self.bot, interaction)

        async def work() -> Reply:
            found = await lookups.race_stories(race.id, race_render.STORIES_SHOWN)
            others = [y for y in years if y != edition.year]
            embed = race_render.race_embed(race, edition, today, found.stories, other_years=others)
            return Reply(embeds=[embed])

        await respond(interaction, work(), defer_after=self.bot.defer_after)

    @race.autocomplete("name")
    async def race_name_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(self.bot.race_names, current)

    @per_user_cooldown()
    @app_commands.command(
        name="race-threads", description="A thread for each race day in a channel (moderators)"
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @moderator_only()
    @app_commands.describe(
        state="On or off",
        channel="A text channel or forum this server posts stories in (default: this one)",
    )
    @app_commands.choices(state=SWITCH)
    async def race_threads(
        self,
        interaction: discord.Interaction,
        state: app_commands.Choice[str],
        channel: Place | None = None,
    ) -> None:
        guild = interaction.guild
        if guild is None:
            raise UserFacingError("That command only works in a server.")
        place = channel if channel is not None else interaction.channel
        if not isinstance(place, Place) or place.guild.id != guild.id:
            raise UserFacingError("Pick a text channel or forum of this server.")
        store = self.bot.storage.race_threads
        if state.value == "off":
            if await store.disable(guild.id, place.id):
                text = f"Race-day threads are off in {place.mention}: stories go there as before."
            else:
                text = f"Race-day threads were not on in {place.mention}."
            await reply(interaction, text, ephemeral=True)
            return
        me = guild.me or await guild.fetch_member(self.bot.user.id)  # type: ignore[union-attr]
        missing = missing_thread_permissions(place, me)
        if missing:
            raise UserFacingError(
                f"I can't open race-day threads in {place.mention}: I need the "
                f"{', '.join(missing)} permission{'s' if len(missing) > 1 else ''} there."
            )
        added = await store.enable(guild.id, place.id, interaction.user.id, time.time())
        where = "post" if isinstance(place, discord.ForumChannel) else "thread"
        text = (
            f"Race-day threads are on in {place.mention}: on a day a race runs, its first "
            f"story there opens a {where} for that race and day, and the day's later stories "
            "about it go into it; other stories go to the channel as before. Each is archived "
            "after its day. Stories reach the channel through `/subscribe`."
            if added
            else f"Race-day threads were already on in {place.mention}."
        )
        await reply(interaction, text, ephemeral=True)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(Races(bot))
