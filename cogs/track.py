"""/track (riders and teams a server tracks, its aliases) and /settings (log channel).

Moderators only (bot/discord/permissions.py). A rider or team the roster does not know can be
created with `new:True`: it is stored as roster TOML (custom_entities) and the roster in
force is rebuilt in a thread and swapped, so the next story is tagged with it. How
server aliases reach the tagger, or stay with the server, is in bot/pipeline/custom_roster.py.
"""

from __future__ import annotations

import asyncio
import logging
import time
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
    load_current_roster,
    name_owners,
    new_entity_id,
    split_names,
)
from cogs._common import choices, names_for, per_user_cooldown, resolve
from cogs.subscriptions import missing_permissions
from feeds.roster import parse_roster
from feeds.roster.names import fold

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

log = logging.getLogger(__name__)

KINDS = [
    app_commands.Choice(name="rider", value="rider"),
    app_commands.Choice(name="team", value="team"),
]
PREFIX = {"rider": "person", "team": "team"}


def _invalid(exc: InvalidName) -> UserFacingError:
    return UserFacingError(str(exc))


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
        self._reload = asyncio.Lock()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return check_moderator(interaction)

    async def reload_roster(self) -> None:
        """Rebuild the roster in force with the stored custom entities and aliases, and swap
        it with its tagger (both built in a thread); one rebuild at a time, so an older
        roster never replaces a newer one."""
        async with self._reload:
            roster = await load_current_roster(self.bot.storage, self.bot.roster_files)
            await asyncio.to_thread(self.bot.roster_state.replace, roster)

    async def _resolve(self, guild_id: int, kind: str, typed: str) -> str:
        """The entity id ("person:…"/"team:…") `typed` names: a roster name (or an
        autocomplete value), else one of this server's own aliases."""
        wanted = fold(typed)
        for entity_id, alias in await self.bot.storage.guild_config.aliases(guild_id):
            if bare(entity_id)[0] == PREFIX[kind] and fold(alias) == wanted:
                return entity_id
        return f"{PREFIX[kind]}:{resolve(names_for(self.bot.names, kind), typed, kind)}"

    # --- /track add|remove|list ----------------------------------------------------------

    @track.command(name="add", description="Track a rider or team (new:True adds one we lack)")
    @app_commands.describe(
        kind="rider or team",
        name="Pick from the suggestions, or type a new name with new:True",
        new="Add a rider or team the roster does not know yet",
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
        storage = self.bot.storage.guild_config
        now = time.time()
        if not new:
            await self._track_known(interaction, guild_id, kind, name, aliases, short_names)
            return
        try:
            clean = clean_name(name, "name")
            extra = split_names(aliases, "alias")
            shorts = split_names(short_names, "short name") if kind == "team" else []
        except InvalidName as exc:
            raise _invalid(exc) from None
        roster = self.bot.roster_state.roster
        existing = names_for(self.bot.names, kind).candidates(clean)
        if existing:
            shown = render.escape(display_name(roster, f"{PREFIX[kind]}:{existing[0]}"))
            raise UserFacingError(
                f"The roster already has a {kind} called {shown}: "
                "pick it from the suggestions (without new)."
            )
        await interaction.response.defer(ephemeral=True, thinking=True)
        entity_id = new_entity_id(roster, PREFIX[kind], clean)
        owners = name_owners(roster)
        shared = [a for a in extra if not clash(owners, entity_id, a)]
        own = [a for a in extra if a not in shared]
        shared_shorts = [a for a in shorts if not clash(owners, entity_id, a)]
        own += [a for a in shorts if a not in shared_shorts]
        content = entity_toml(entity_id, clean, shared, shared_shorts)
        parse_roster(content, entity_id)  # what is stored must load at every start
        user_id = interaction.user.id
        if not await storage.add_custom_entity(entity_id, guild_id, content, user_id, now):
            raise UserFacingError(f"A {kind} with that name was just added: try /track add again.")
        for alias in own:
            await storage.add_alias(guild_id, entity_id, alias, user_id, now)
        await storage.track(guild_id, entity_id, user_id, now)
        await self.reload_roster()
        log.info("guild %s added %s", guild_id, entity_id)
        lines = [f"Added the new {kind} {render.escape(clean)} and this server tracks it."]
        if shared or shared_shorts:
            names = ", ".join(render.escape(a) for a in (*shared, *shared_shorts))
            lines.append(f"Also known as: {names}.")
        if own:
            names = ", ".join(render.escape(a) for a in own)
            lines.append(
                f"{names}: already another rider's or team's name, so kept for this "
                "server's /track commands only."
            )
        lines.append("Stories from now on are tagged with it.")
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
        """Track a rider or team the roster knows; other names given are added as with
        `/track alias add` (for everyone when free, else for this server only)."""
        storage = self.bot.storage.guild_config
        entity_id = await self._resolve(guild_id, kind, name)
        try:
            extra = split_names(aliases, "alias")
            if kind == "team":
                extra += split_names(short_names, "short name")
        except InvalidName as exc:
            raise _invalid(exc) from None
        if extra:
            await interaction.response.defer(ephemeral=True, thinking=True)
        user_id, now = interaction.user.id, time.time()
        added = await storage.track(guild_id, entity_id, user_id, now)
        roster = self.bot.roster_state.roster
        label = render.escape(display_name(roster, entity_id))
        lines = [f"This server {'now' if added else 'already'} tracks {label}."]
        if not extra:
            await reply(interaction, lines[0], ephemeral=True)
            return
        known = {fold(n) for n in entity_names(roster, entity_id)}
        owners = name_owners(roster)
        shared: list[str] = []
        own: list[str] = []
        for alias in dict.fromkeys(extra):
            if fold(alias) in known or not await storage.add_alias(
                guild_id, entity_id, alias, user_id, now
            ):
                continue
            (own if clash(owners, entity_id, alias) else shared).append(alias)
        if shared:
            await self.reload_roster()
            lines.append("Also known as: " + ", ".join(render.escape(a) for a in shared) + ".")
        if own:
            lines.append(
                ", ".join(render.escape(a) for a in own) + ": already another rider's or "
                "team's name, so kept for this server's /track commands only."
            )
        await interaction.edit_original_response(content="\n".join(lines))

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
        label = render.escape(display_name(self.bot.roster_state.roster, entity_id))
        if await self.bot.storage.guild_config.untrack(guild_id, entity_id):
            await reply(interaction, f"This server no longer tracks {label}.", ephemeral=True)
        else:
            await reply(interaction, f"This server does not track {label}.", ephemeral=True)

    @track.command(name="list", description="The riders and teams this server tracks")
    async def list_(self, interaction: discord.Interaction) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        storage = self.bot.storage.guild_config
        roster = self.bot.roster_state.roster
        tracked = await storage.tracked(guild_id)
        own: dict[str, list[str]] = {}
        for entity_id, alias in await storage.aliases(guild_id):
            own.setdefault(entity_id, []).append(alias)
        lines = []
        for entity_id in dict.fromkeys([*tracked, *own]):
            kind = "rider" if bare(entity_id)[0] == "person" else "team"
            line = f"• **{render.escape(display_name(roster, entity_id))}** ({kind})"
            if entity_id not in tracked:
                line += " · not tracked"
            if own.get(entity_id):
                known = {fold(n) for n in entity_names(roster, entity_id)}
                shown = [
                    render.escape(a) + ("" if fold(a) in known else " (this server only)")
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

    @alias.command(name="add", description="Give a rider or team another name")
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
        roster = self.bot.roster_state.roster
        label = render.escape(display_name(roster, entity_id))
        if fold(clean) in {fold(n) for n in entity_names(roster, entity_id)}:
            text = f"{label} is already known as {render.escape(clean)}."
            await reply(interaction, text, ephemeral=True)
            return
        others = clash(name_owners(roster), entity_id, clean)
        await interaction.response.defer(ephemeral=True, thinking=True)
        storage = self.bot.storage.guild_config
        if not await storage.add_alias(
            guild_id, entity_id, clean, interaction.user.id, time.time()
        ):
            await interaction.edit_original_response(content="This server already has that alias.")
            return
        if others:
            other = render.escape(display_name(roster, sorted(others)[0]))
            text = (
                f"{render.escape(clean)} already names {other}, so it stays with this server: "
                f"it works in this server's /track commands for {label}, and stories are "
                "not tagged by it."
            )
        else:
            await self.reload_roster()
            text = f"{label} is now also known as {render.escape(clean)}, from the next story on."
        await interaction.edit_original_response(content=text)

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
        roster = self.bot.roster_state.roster
        if fold(match) not in {fold(n) for n in entity_names(roster, entity_id)}:
            # It never reached the tagger (it names another entity): nothing to rebuild.
            await reply(interaction, f"Removed {render.escape(match)}.", ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.reload_roster()
        await interaction.edit_original_response(content=f"Removed {render.escape(match)}.")

    @add.autocomplete("name")
    @remove.autocomplete("name")
    @alias_add.autocomplete("name")
    @alias_remove.autocomplete("name")
    async def name_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        kind = getattr(interaction.namespace, "kind", None) or "rider"
        return choices(names_for(self.bot.names, kind), current)


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
