"""/subscribe, /unsubscribe, /subscriptions: what a server posts where (moderators only).

Guild-only, `default_permissions(manage_guild=True)` and the same permission checked
again in code (server admins can change the default). Every query filters by the
interaction's guild id, so a guessed id from another server finds nothing. A subscription
can be aimed at a race, narrowed to some kinds of story (`kinds`), and mention its role
for only some of them (`ping_kinds`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.permissions import is_moderator, moderator_only
from bot.discord.tree import UserFacingError, reply
from cogs._common import (
    ENTITY_KINDS,
    choices,
    entity_label,
    in_range,
    kind_choices,
    kinds_label,
    names_for,
    names_in,
    parse_kinds,
    per_user_cooldown,
    target_entity,
    typed_id,
)
from storage.subscriptions import Subscription

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

WHAT = [
    *ENTITY_KINDS,
    app_commands.Choice(name="the riders and teams this server tracks", value="tracked"),
    app_commands.Choice(name="every story", value="all"),
]
MODES = [
    app_commands.Choice(name="each story as it comes", value="each"),
    app_commands.Choice(name="one digest a day", value="digest"),
]
Target = discord.TextChannel | discord.Thread | discord.ForumChannel


def missing_permissions(channel: Target, me: discord.Member) -> list[str]:
    """The permissions the bot lacks to post in `channel`, as Discord names them."""
    perms = channel.permissions_for(me)
    missing = []
    if not perms.view_channel:
        missing.append("View Channel")
    if isinstance(channel, discord.Thread):
        if not perms.send_messages_in_threads:
            missing.append("Send Messages in Threads")
    elif isinstance(channel, discord.ForumChannel):
        if not perms.send_messages:
            missing.append("Create Posts")
        if not perms.read_message_history:
            # Forum posts take no nonce: after a lost answer the bot reads the forum's
            # threads to find the post it may have made. Unable to read, it would post twice.
            missing.append("Read Message History")
    elif not perms.send_messages:
        missing.append("Send Messages")
    if not perms.embed_links:
        missing.append("Embed Links")
    return missing


def channel_type(channel: Target) -> str:
    if isinstance(channel, discord.Thread):
        return "thread"
    if isinstance(channel, discord.ForumChannel):
        return "forum"
    return "text"


class Subscriptions(commands.Cog):
    def __init__(self, bot: DomestiqueBot) -> None:
        self.bot = bot

    def describe(self, sub: Subscription) -> str:
        what = {"tracked": "tracked riders and teams", "all": "every story"}.get(sub.kind)
        if what is None:
            names = names_in(self.bot, sub.guild_id)
            label = (
                entity_label(names, sub.entity_id, self.bot.race_names)
                if sub.entity_id
                else "all teams"
            )
            what = f"{sub.kind} {label}" if sub.kind != "transfers" else f"transfers ({label})"
        if sub.kinds:
            what += f" ({kinds_label(sub.kinds)})"
        mode = (
            "each story"
            if sub.mode == "each"
            else (f"daily digest at {sub.digest_hour:02d}:{sub.digest_minute:02d} UTC")
        )
        role = f" · pings <@&{sub.role_id}>" if sub.role_id else ""
        if sub.role_id and sub.ping_kinds:
            role += f" for {kinds_label(sub.ping_kinds)}"
        state = (
            f" · ⛔ disabled: {render.escape(sub.disabled_reason)}" if sub.disabled_reason else ""
        )
        return f"`#{sub.id}` <#{sub.channel_id}> · {render.escape(what)} · {mode}{role}{state}"

    @per_user_cooldown()
    @app_commands.command(name="subscribe", description="Post stories in a channel")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @moderator_only()
    @app_commands.describe(
        channel="Where to post (a text channel, thread or forum)",
        what="Which stories",
        name="The rider, team or race (for transfers: a team, or leave empty for all)",
        role="A role to mention on each post",
        mode="Each story as it comes, or a daily digest",
        digest_hour="Digest time, hour in UTC (default 18)",
        kinds="Only these kinds of story, e.g. crash, lineup (default: every kind)",
        ping_kinds="Mention the role only for these kinds, e.g. result (default: all)",
    )
    @app_commands.choices(what=WHAT, mode=MODES)
    async def subscribe(
        self,
        interaction: discord.Interaction,
        channel: Target,
        what: app_commands.Choice[str],
        name: app_commands.Range[str, 1, 100] | None = None,
        role: discord.Role | None = None,
        mode: app_commands.Choice[str] | None = None,
        digest_hour: app_commands.Range[int, 0, 23] | None = None,
        kinds: app_commands.Range[str, 1, 100] | None = None,
        ping_kinds: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        guild = interaction.guild
        if guild is None or channel.guild.id != guild.id:
            raise UserFacingError("Pick a channel of this server.")
        kind = what.value
        in_range(digest_hour, 0, 23, "digest_hour")
        story_kinds = parse_kinds(kinds, "kinds")
        pinged = self.pinged_kinds(story_kinds, parse_kinds(ping_kinds, "ping_kinds"), role)
        entity_id = target_entity(
            names_in(self.bot, guild.id), kind, name, "subscribe to", self.bot.race_names
        )
        me = guild.me or await guild.fetch_member(self.bot.user.id)  # type: ignore[union-attr]
        missing = missing_permissions(channel, me)
        if missing:
            raise UserFacingError(
                f"I can't post in {channel.mention}: I need the "
                f"{', '.join(missing)} permission{'s' if len(missing) > 1 else ''} there."
            )
        if role is not None and role.is_default():
            raise UserFacingError("Pick a role to mention, not @everyone.")
        sub, created = await self.bot.storage.subscriptions.add(
            guild_id=guild.id,
            channel_id=channel.id,
            channel_type=channel_type(channel),
            kind=kind,
            entity_id=entity_id,
            role_id=role.id if role else None,
            mode=mode.value if mode else "each",
            digest_hour=18 if digest_hour is None else digest_hour,
            created_by=interaction.user.id,
            now=time.time(),
            kinds=story_kinds,
            ping_kinds=pinged,
        )
        verb = "Subscribed" if created else "Updated"
        await reply(
            interaction,
            f"{verb}: {self.describe(sub)}\nNew stories are posted from now on (never older ones).",
            ephemeral=True,
        )

    @staticmethod
    def pinged_kinds(
        kinds: frozenset[str], ping_kinds: frozenset[str], role: discord.Role | None
    ) -> frozenset[str]:
        """The kinds the role is mentioned for; refused when there is no role to mention
        or it names a kind the subscription does not post."""
        if not ping_kinds:
            return ping_kinds
        if role is None:
            raise UserFacingError("ping_kinds needs a role to mention (`role`).")
        if kinds and not ping_kinds <= kinds:
            raise UserFacingError(
                f"ping_kinds can only name kinds the subscription posts ({kinds_label(kinds)})."
            )
        return ping_kinds

    @subscribe.autocomplete("name")
    async def subscribe_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        names = names_in(self.bot, interaction.guild_id)
        what = getattr(interaction.namespace, "what", None)
        return choices(names_for(names, what, self.bot.race_names), current)

    @subscribe.autocomplete("kinds")
    @subscribe.autocomplete("ping_kinds")
    async def subscribe_kinds(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return kind_choices(current)

    @per_user_cooldown()
    @app_commands.command(name="unsubscribe", description="Stop one of this server's subscriptions")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @moderator_only()
    @app_commands.describe(subscription="The subscription (pick from the list)")
    async def unsubscribe(
        self, interaction: discord.Interaction, subscription: app_commands.Range[str, 1, 30]
    ) -> None:
        guild_id = interaction.guild_id or 0
        sub_id = typed_id(subscription, "subscription")
        sub = await self.bot.storage.subscriptions.get(guild_id, sub_id)
        if sub is None or not await self.bot.storage.subscriptions.remove(guild_id, sub_id):
            raise UserFacingError(f"This server has no subscription #{sub_id}.")
        await reply(interaction, f"Removed: {self.describe(sub)}", ephemeral=True)

    @unsubscribe.autocomplete("subscription")
    async def unsubscribe_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if not is_moderator(interaction):
            return []
        subs = await self.bot.storage.subscriptions.for_guild(interaction.guild_id)
        names = names_in(self.bot, interaction.guild_id)
        out = []
        for sub in subs:
            channel = self.bot.get_channel(sub.channel_id)
            where = f"#{channel.name}" if channel is not None else str(sub.channel_id)
            label = entity_label(names, sub.entity_id, self.bot.race_names) if sub.entity_id else ""
            text = render.clean_text(f"#{sub.id} {where}: {sub.kind} {label}")
            if current.lower() in text.lower():
                out.append(app_commands.Choice(name=text[:100], value=str(sub.id)))
        return out[:25]

    @per_user_cooldown()
    @app_commands.command(name="subscriptions", description="What this server posts where")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @moderator_only()
    async def subscriptions(self, interaction: discord.Interaction) -> None:
        subs = await self.bot.storage.subscriptions.for_guild(interaction.guild_id or 0)
        embed = discord.Embed(title="Subscriptions", colour=render.BRAND_COLOUR)
        embed.description = (
            render.join_lines((self.describe(s) for s in subs), render.DESCRIPTION_LIMIT, "…")
            if subs
            else "None yet. Add one with /subscribe."
        )
        await reply(interaction, embeds=[embed], ephemeral=True)


async def setup(bot: DomestiqueBot) -> None:
    await bot.add_cog(Subscriptions(bot))
