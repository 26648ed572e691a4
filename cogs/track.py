"""/track (riders and teams a server tracks, its own names) and /settings (log channel).

Moderators only (bot/discord/permissions.py). A rider or team the roster does not know can be
created with `new:True`, and any rider or team given more names: both are this server's own
(stored as roster TOML in custom_entities, and in guild_aliases), tagging the stories this
server reads, never another server's (bot/pipeline/custom_roster.py, guild_names.py). A
name that would tag most stories (a common word, a race, a place…) is refused, saying why.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.permissions import check_moderator
from bot.discord.tree import UserFacingError, reply
from bot.pipeline.custom_roster import (
    InvalidName,
    bare,
    clash,
    clean_name,
    display_name,
    entity_names,
    entity_toml,
    name_owners,
    new_entity_id,
    refusal,
    split_names,
)
from cogs._common import choices, names_for, names_in, per_user_cooldown, resolve, roster_in
from cogs.subscriptions import missing_permissions
from feeds.roster import Roster, parse_roster
from feeds.roster.names import fold

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

log = logging.getLogger(__name__)

KINDS = [
    app_commands.Choice(name="rider", value="rider"),
    app_commands.Choice(name="team", value="team"),
]
PREFIX = {"rider": "person", "team": "team"}
LOCAL_NOTE = (
    "already another rider's or team's name, so it works in this server's /track "
    "commands only and tags no story"
)


def _invalid(exc: InvalidName) -> UserFacingError:
    return UserFacingError(str(exc))


def _listed(names: Sequence[str]) -> str:
    return ", ".join(render.escape(n) for n in names)


class Track(commands.Cog):
    track = app_commands.Group(
        name="track",
        description="Riders and teams this server tracks (moderators)",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )
    alias = app_commands.Group(
        name="alias", description="This server's own names for a rider or team", parent=track
    )

    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return check_moderator(interaction)

    async def refresh(self, guild_id: int) -> None:
        """This server's own names changed: its matcher, roster and name indexes follow
        (rebuilt when next used). No other server's, and never the shared roster."""
        own = await self.bot.storage.guild_config.own_names(guild_id)
        self.bot.roster_state.guilds.set(guild_id, own.get(guild_id))

    async def _resolve(self, guild_id: int, kind: str, typed: str) -> str:
        """The entity id ("person:…"/"team:…") `typed` names: one of this server's own
        aliases, else a name as this server sees the roster (or an autocomplete value)."""
        wanted = fold(typed)
        for entity_id, alias in await self.bot.storage.guild_config.aliases(guild_id):
            if bare(entity_id)[0] == PREFIX[kind] and fold(alias) == wanted:
                return entity_id
        index = names_for(names_in(self.bot, guild_id), kind)
        return f"{PREFIX[kind]}:{resolve(index, typed, kind)}"

    async def _sort(
        self, roster: Roster, entity_id: str, aliases: Sequence[str]
    ) -> tuple[list[str], list[str]]:
        """(tagging, local): the new names that will tag this server's stories, and those
        already naming another entity (/track commands only). Names the entity already has
        are left out. A name too broad to tag by refuses the whole command, saying why."""
        known = {fold(n) for n in entity_names(roster, entity_id)}
        owners = name_owners(roster)
        tagging: list[str] = []
        local: list[str] = []
        for alias in dict.fromkeys(aliases):
            if fold(alias) in known:
                continue
            if clash(owners, entity_id, alias):
                local.append(alias)
                continue
            reason = await refusal(self.bot.lookups, entity_id, alias)
            if reason:
                raise UserFacingError(f"Nothing was added: {render.escape(reason)}")
            tagging.append(alias)
            known.add(fold(alias))
        return tagging, local

    # --- /track add|remove|list ----------------------------------------------------------

    @track.command(name="add", description="Track a rider or team (new:True adds one we lack)")
    @app_commands.describe(
        kind="rider or team",
        name="Pick from the suggestions, or type a new name with new:True",
        new="Add a rider or team the roster does not know yet (for this server)",
        aliases="Other names it goes by, separated by commas (e.g. Zozo, Z. Test)",
        short_names="For a new team: short names (e.g. UAE, UAD)",
    )
    @app_commands.choices(kind=KINDS)
    @per_user_cooldown()
    async def add(
        self,
        interaction: discord.Interaction,
        kind: str,
        name: app_commands.Range[str, 1, 100],
        new: bool = False,
        aliases: app_commands.Range[str, 1, 500] | None = None,
        short_names: app_commands.Range[str, 1, 300] | None = None,
    ) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None  # guild_only
        if not new:
            await self._track_known(interaction, guild_id, kind, name, aliases, short_names)
            return
        try:
            clean = clean_name(name, "name")
            extra = split_names(aliases, "alias")
            shorts = split_names(short_names, "short name") if kind == "team" else []
        except InvalidName as exc:
            raise _invalid(exc) from None
        roster = roster_in(self.bot, guild_id)
        existing = names_for(names_in(self.bot, guild_id), kind).candidates(clean)
        if existing:
            shown = render.escape(display_name(roster, f"{PREFIX[kind]}:{existing[0]}"))
            raise UserFacingError(
                f"The roster already has a {kind} called {shown}: "
                "pick it from the suggestions (without new)."
            )
        storage = self.bot.storage.guild_config
        entity_id = new_entity_id(roster, PREFIX[kind], clean, await storage.custom_entity_ids())
        reason = await refusal(self.bot.lookups, entity_id, clean)
        if reason:
            raise UserFacingError(f"Nothing was added: {render.escape(reason)}")
        probe = roster.merged(parse_roster(entity_toml(entity_id, clean, []), entity_id))
        tagging, local = await self._sort(probe, entity_id, [*extra, *shorts])
        await interaction.response.defer(ephemeral=True, thinking=True)
        content = entity_toml(
            entity_id,
            clean,
            [a for a in extra if a in tagging],
            [a for a in shorts if a in tagging],
        )
        parse_roster(content, entity_id)  # what is stored must load at every start
        user_id, now = interaction.user.id, time.time()
        if not await storage.add_custom_entity(
            entity_id, guild_id, content, user_id, now, aliases=local, track=True
        ):
            raise UserFacingError(f"A {kind} with that name was just added: try /track add again.")
        await self.refresh(guild_id)
        log.info("guild %s added %s", guild_id, entity_id)
        lines = [f"Added the new {kind} {render.escape(clean)} for this server, which tracks it."]
        if tagging:
            lines.append(f"Also known as: {_listed(tagging)}.")
        if local:
            lines.append(f"{_listed(local)}: {LOCAL_NOTE}.")
        lines.append("This server's stories are tagged with it from now on.")
        await interaction.edit_original_response(content="\n".join(lines))

    async def _track_known(
        self,
        interaction: discord.Interaction,
        guild_id: int,
        kind: str,
        name: str,
        aliases: str | None,
        short_names: str | None,
    ) -> None:
        """Track a rider or team this server knows; other names given are added as with
        `/track alias add`, all or none."""
        entity_id = await self._resolve(guild_id, kind, name)
        try:
            extra = split_names(aliases, "alias")
            if kind == "team":
                extra += split_names(short_names, "short name")
        except InvalidName as exc:
            raise _invalid(exc) from None
        roster = roster_in(self.bot, guild_id)
        tagging, local = await self._sort(roster, entity_id, extra)
        added, tracked = await self.bot.storage.guild_config.add_aliases(
            guild_id, entity_id, [*tagging, *local], interaction.user.id, time.time(), track=True
        )
        if added:
            await self.refresh(guild_id)
        label = render.escape(display_name(roster, entity_id))
        lines = [f"This server {'now' if tracked else 'already'} tracks {label}."]
        if [a for a in tagging if a in added]:
            lines.append(f"Also known as: {_listed([a for a in tagging if a in added])}.")
        if [a for a in local if a in added]:
            lines.append(f"{_listed([a for a in local if a in added])}: {LOCAL_NOTE}.")
        await reply(interaction, "\n".join(lines), ephemeral=True)

    @track.command(name="remove", description="Stop tracking a rider or team")
    @app_commands.choices(kind=KINDS)
    async def remove(
        self,
        interaction: discord.Interaction,
        kind: str,
        name: app_commands.Range[str, 1, 100],
    ) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        entity_id = await self._resolve(guild_id, kind, name)
        label = render.escape(display_name(roster_in(self.bot, guild_id), entity_id))
        if await self.bot.storage.guild_config.untrack(guild_id, entity_id):
            await reply(interaction, f"This server no longer tracks {label}.", ephemeral=True)
        else:
            await reply(interaction, f"This server does not track {label}.", ephemeral=True)

    @track.command(name="list", description="The riders and teams this server tracks")
    async def list_(self, interaction: discord.Interaction) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        storage = self.bot.storage.guild_config
        roster = roster_in(self.bot, guild_id)
        tagging = self.bot.roster_state.guilds.tagging(guild_id)
        mine = set(tagging.entity_ids()) if tagging else set()
        local = set(tagging.local) if tagging else set()
        tracked = await storage.tracked(guild_id)
        own: dict[str, list[str]] = {}
        for entity_id, alias in await storage.aliases(guild_id):
            own.setdefault(entity_id, []).append(alias)
        lines = []
        for entity_id in dict.fromkeys([*tracked, *sorted(mine), *own]):
            kind = "rider" if bare(entity_id)[0] == "person" else "team"
            whose = "this server's own " if entity_id in mine else ""
            line = f"• **{render.escape(display_name(roster, entity_id))}** ({whose}{kind})"
            if entity_id not in tracked:
                line += " · not tracked"
            if own.get(entity_id):
                shown = [
                    render.escape(a) + (" (/track only)" if (entity_id, a) in local else "")
                    for a in own[entity_id]
                ]
                line += " · aliases: " + ", ".join(shown)
            lines.append(line)
        embed = discord.Embed(title="Tracked on this server", colour=render.BRAND_COLOUR)
        embed.description = (
            render.join_lines(lines, render.DESCRIPTION_LIMIT, more="…")
            if lines
            else "Nothing yet. Add riders and teams with `/track add`."
        )
        await reply(interaction, embeds=[embed], ephemeral=True)

    # --- /track alias add|remove ---------------------------------------------------------

    @alias.command(name="add", description="Give a rider or team another name on this server")
    @app_commands.choices(kind=KINDS)
    @per_user_cooldown()
    async def alias_add(
        self,
        interaction: discord.Interaction,
        kind: str,
        name: app_commands.Range[str, 1, 100],
        alias: app_commands.Range[str, 1, 100],
    ) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        entity_id = await self._resolve(guild_id, kind, name)
        try:
            clean = clean_name(alias, "alias", limit=60)
        except InvalidName as exc:
            raise _invalid(exc) from None
        roster = roster_in(self.bot, guild_id)
        label = render.escape(display_name(roster, entity_id))
        if fold(clean) in {fold(n) for n in entity_names(roster, entity_id)}:
            await reply(
                interaction, f"{label} is already known as {render.escape(clean)}.", ephemeral=True
            )
            return
        others = clash(name_owners(roster), entity_id, clean)
        if not others:
            await self._sort(roster, entity_id, [clean])  # refuses a name too broad
        if not await self.bot.storage.guild_config.add_alias(
            guild_id, entity_id, clean, interaction.user.id, time.time()
        ):
            await reply(interaction, "This server already has that alias.", ephemeral=True)
            return
        await self.refresh(guild_id)
        if others:
            other = render.escape(display_name(roster, sorted(others)[0]))
            text = (
                f"{render.escape(clean)} already names {other}, so it stays with this "
                f"server's /track commands for {label}, and stories are not tagged by it."
            )
        else:
            text = (
                f"{label} is now also known as {render.escape(clean)} on this server, "
                "from the next story on."
            )
        await reply(interaction, text, ephemeral=True)

    @alias.command(name="remove", description="Remove a name this server gave")
    @app_commands.choices(kind=KINDS)
    async def alias_remove(
        self,
        interaction: discord.Interaction,
        kind: str,
        name: app_commands.Range[str, 1, 100],
        alias: app_commands.Range[str, 1, 100],
    ) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        storage = self.bot.storage.guild_config
        entity_id = await self._resolve(guild_id, kind, name)
        mine = [a for e, a in await storage.aliases(guild_id) if e == entity_id]
        match = next((a for a in mine if fold(a) == fold(alias)), None)
        if match is None or not await storage.remove_alias(guild_id, entity_id, match):
            await reply(interaction, "This server has no such alias.", ephemeral=True)
            return
        await self.refresh(guild_id)
        await reply(interaction, f"Removed {render.escape(match)}.", ephemeral=True)

    @add.autocomplete("name")
    @remove.autocomplete("name")
    @alias_add.autocomplete("name")
    @alias_remove.autocomplete("name")
    async def name_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        kind = getattr(interaction.namespace, "kind", None) or "rider"
        return choices(names_for(names_in(self.bot, interaction.guild_id), kind), current)


class GuildSettings(commands.Cog):
    settings = app_commands.Group(
        name="settings",
        description="This server's Domestique settings (moderators)",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return check_moderator(interaction)

    @settings.command(name="log-channel", description="Where Domestique reports delivery problems")
    @app_commands.describe(channel="The channel for reports; leave empty to stop using one")
    async def log_channel(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        if channel is not None and channel.guild.id != guild_id:
            raise UserFacingError("That channel is not in this server.")
        if channel is not None:
            guild = channel.guild
            me = guild.me or await guild.fetch_member(self.bot.user.id)  # type: ignore[union-attr]
            missing = missing_permissions(channel, me)
            if missing:
                raise UserFacingError(
                    f"I can't post in {channel.mention}: I need the "
                    f"{', '.join(missing)} permission{'s' if len(missing) > 1 else ''} there."
                )
        channel_id = channel.id if channel is not None else None
        await self.bot.storage.guild_config.set_log_channel(guild_id, channel_id, time.time())
        if channel is None:
            text = (
                "No log channel: problems go to the server's system channel, "
                "else to moderators with their next command."
            )
        else:
            text = f"Delivery problems will be reported in <#{channel.id}>."
        await reply(interaction, text, ephemeral=True)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(Track(bot))
    await bot.add_cog(GuildSettings(bot))
