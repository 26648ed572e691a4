"""Every moderator command, found by walking the bot's real command tree, refuses a
member without Manage Server (and a DM) with a clear ephemeral answer and writes
nothing — through the Discord stand-in, so discord.py's own dispatch, the cogs'
checks and the single error handler all take part.

The tree is walked rather than listed, so a command added later is covered the day it
appears: it is either one of the public lookups named below, or it must be guild-only,
hidden by default behind Manage Server, and refuse everyone else in code.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.discord.permissions import NOT_IN_SERVER, REFUSAL
from storage import Storage
from tests.e2e.standin import (
    CHANNEL_ID,
    EPHEMERAL,
    GUILD2_ID,
    GUILD_ID,
    MEMBER,
    MOD_USER_ID,
    MODERATOR,
    ROLE_ID,
    USER_ID,
    ChannelRef,
    DiscordStandIn,
    RoleRef,
)

# Commands anyone may use anywhere. A new command is a moderator command unless it is
# added here on purpose.
PUBLIC = {
    "rider",
    "team",
    "transfers",
    "news",
    "about",
    "follow",
    "unfollow",
    "following",
    "follow-settings",
    "race",
}
MANAGE_SERVER = discord.Permissions(manage_guild=True)
OptionType = discord.AppCommandOptionType


def leaf_commands(tree: app_commands.CommandTree) -> list[app_commands.Command]:
    """Every invocable slash command (subcommands included), global and per guild."""
    found = [c for c in tree.walk_commands() if isinstance(c, app_commands.Command)]
    for guild in (discord.Object(GUILD_ID), discord.Object(GUILD2_ID)):
        found += [c for c in tree.walk_commands(guild=guild) if isinstance(c, app_commands.Command)]
    return sorted(found, key=lambda c: c.qualified_name)


def sample_value(param: app_commands.Parameter) -> Any:
    """A value Discord could send for `param`; enough to reach the command's checks."""
    if param.choices:
        return param.choices[0].value
    if param.type is OptionType.string:
        return "cavendish"
    if param.type in (OptionType.integer, OptionType.number):
        return int(param.min_value) if param.min_value is not None else 1
    if param.type is OptionType.boolean:
        return True
    if param.type is OptionType.channel:
        return ChannelRef(CHANNEL_ID)
    if param.type is OptionType.role:
        return RoleRef(ROLE_ID)
    raise AssertionError(f"teach the security matrix a value for {param.type} ({param.name})")


def required_options(command: app_commands.Command) -> dict[str, Any]:
    return {p.name: sample_value(p) for p in command.parameters if p.required}


async def invoke(
    standin: DiscordStandIn,
    command: app_commands.Command,
    options: dict[str, Any],
    *,
    user_id: int,
    permissions: int,
    dm: bool = False,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The command as Discord sends it (options nested under subcommand and group);
    returns the first answer's callback data and the message the user finally sees."""
    top, *rest = command.qualified_name.split()
    resolved: dict[str, dict[str, Any]] = {}
    opts = [standin._option(k, v, resolved) for k, v in options.items()]
    for depth, name in enumerate(reversed(rest)):
        opts = [{"name": name, "type": 1 if depth == 0 else 2, "options": opts}]
    data: dict[str, Any] = {"id": standin._command(top)["id"], "name": top, "type": 1}
    data["options"] = opts
    if resolved:
        data["resolved"] = resolved
    payload = standin._interaction_payload(
        2, data, user_id, dm=dm, guild_id=GUILD_ID, permissions=permissions
    )
    interaction = await standin.inject_interaction(payload)
    message = await standin.final(interaction)
    return interaction.answers[0].json.get("data") or {}, message


TABLES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    "postgres": "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
}


async def snapshot(storage: Storage) -> dict[str, list[str]]:
    """Every row of every table, as committed."""
    reader = storage.reader
    async with reader.execute(TABLES[storage.engine]) as cursor:
        tables = [row[0] for row in await cursor.fetchall()]
    rows: dict[str, list[str]] = {}
    for table in tables:
        async with reader.execute(f'SELECT * FROM "{table}"') as cursor:
            rows[table] = sorted(repr(tuple(r)) for r in await cursor.fetchall())
    return rows


def is_refusal(message: dict[str, Any]) -> bool:
    content = (message.get("content") or "").lower()
    return not message.get("embeds") and (
        "manage server" in content or NOT_IN_SERVER.lower() in content
    )


def moderator_commands(bot) -> list[app_commands.Command]:
    return [c for c in leaf_commands(bot.tree) if (c.root_parent or c).name not in PUBLIC]


async def test_every_command_is_public_or_guarded(bot):
    """Guild-only, Manage Server by default (what `domestique sync` sends), or public."""
    commands = leaf_commands(bot.tree)
    assert {c.name for c in bot.tree.get_commands()} >= PUBLIC
    assert not bot.tree.get_commands(type=discord.AppCommandType.user)
    assert not bot.tree.get_commands(type=discord.AppCommandType.message)
    guarded = moderator_commands(bot)
    assert len(guarded) >= 11, [c.qualified_name for c in guarded]
    problems = []
    for command in commands:
        root = command.root_parent or command
        payload = root.to_dict(bot.tree)
        if root.name in PUBLIC:
            if root.guild_only or root.default_permissions is not None:
                problems.append(f"/{command.qualified_name}: public but restricted")
            continue
        if not root.guild_only or payload.get("contexts") not in (None, [0]):
            problems.append(f"/{command.qualified_name}: not guild-only")
        if root.default_permissions != MANAGE_SERVER:
            problems.append(f"/{command.qualified_name}: not Manage Server by default")
        if int(payload.get("default_member_permissions") or 0) != MANAGE_SERVER.value:
            problems.append(f"/{command.qualified_name}: synced without Manage Server")
    assert not problems, problems


async def test_every_moderator_command_refuses_a_member_and_writes_nothing(bot, standin, storage):
    refused, wrote = [], []
    for command in moderator_commands(bot):
        before = await snapshot(storage)
        first, message = await invoke(
            standin, command, required_options(command), user_id=USER_ID, permissions=MEMBER
        )
        if not (first.get("flags", 0) & EPHEMERAL and is_refusal(message)):
            refused.append((command.qualified_name, message.get("content"), first.get("flags")))
        if await snapshot(storage) != before:
            wrote.append(command.qualified_name)
    assert not refused, refused
    assert not wrote, wrote


async def test_every_moderator_command_refuses_in_a_dm(bot, standin, storage):
    before = await snapshot(storage)
    answered = []
    for command in moderator_commands(bot):
        first, message = await invoke(
            standin,
            command,
            required_options(command),
            user_id=MOD_USER_ID,
            permissions=MODERATOR,
            dm=True,
        )
        if not (first.get("flags", 0) & EPHEMERAL and is_refusal(message)):
            answered.append((command.qualified_name, message.get("content")))
    assert not answered, answered
    assert await snapshot(storage) == before


async def test_the_same_commands_pass_the_check_for_a_moderator(bot, standin):
    """The control: the refusal above comes from the permission, not the sample options."""
    for command in moderator_commands(bot):
        _, message = await invoke(
            standin, command, required_options(command), user_id=MOD_USER_ID, permissions=MODERATOR
        )
        content = message.get("content") or ""
        assert REFUSAL not in content and "manage server" not in content.lower(), (
            command.qualified_name,
            content,
        )


def message_bodies(standin: DiscordStandIn) -> list[tuple[str, str, dict[str, Any]]]:
    """Every message the bot sent or edited: interaction answers, followups, edits."""
    found = []
    for record in standin.requests:
        body = record.body if isinstance(record.body, dict) else {}
        if record.path.endswith("/callback"):
            body = body.get("data") or {}
        if "content" in body or "embeds" in body:
            found.append((record.method, record.path, body))
    return found


async def test_no_answer_to_any_command_can_ping(bot, standin):
    """Whatever text ends up in them, the bot's answers allow no mention at all."""
    for command in leaf_commands(bot.tree):
        await invoke(
            standin, command, required_options(command), user_id=MOD_USER_ID, permissions=MODERATOR
        )
    sent = message_bodies(standin)
    assert len(sent) >= len(leaf_commands(bot.tree))
    loud = [(m, p, b.get("allowed_mentions")) for m, p, b in sent]
    loud = [(m, p, allowed) for m, p, allowed in loud if allowed != {"parse": []}]
    assert not loud, loud


async def autocomplete(
    standin: DiscordStandIn,
    command: app_commands.Command,
    focused: str,
    *,
    guild_id: int,
    user_id: int,
    permissions: int,
) -> list[str]:
    """The choices' values the bot offers while `focused` is typed (empty so far)."""
    top, *rest = command.qualified_name.split()
    opts: list[dict[str, Any]] = [{"name": focused, "type": 3, "value": "", "focused": True}]
    for depth, name in enumerate(reversed(rest)):
        opts = [{"name": name, "type": 1 if depth == 0 else 2, "options": opts}]
    data = {"id": standin._command(top)["id"], "name": top, "type": 1, "options": opts}
    payload = standin._interaction_payload(
        4, data, user_id, guild_id=guild_id, permissions=permissions
    )
    answer = await standin.answer(await standin.inject_interaction(payload))
    return [str(c["value"]) for c in answer.json["data"]["choices"]]


async def test_autocomplete_of_moderator_commands_shows_a_member_nothing_of_the_server(
    bot, standin, storage
):
    """Discord runs no cog check for autocomplete: what a moderator of this server is
    offered beyond what a moderator of another server is offered (its feeds, its
    subscriptions) is never offered to a member."""
    await storage.guild_config.add_feed(
        GUILD_ID, "https://only-here.example/feed.xml", MOD_USER_ID, 1.0, defaults=(), limit=10
    )
    await storage.subscriptions.add(
        guild_id=GUILD_ID,
        channel_id=CHANNEL_ID,
        channel_type="text",
        kind="all",
        entity_id=None,
        role_id=None,
        mode="each",
        created_by=MOD_USER_ID,
        now=1.0,
    )
    checked, leaked = [], []
    for command in moderator_commands(bot):
        for param in command.parameters:
            if not param.autocomplete:
                continue
            ask = {"guild_id": GUILD_ID, "user_id": MOD_USER_ID, "permissions": MODERATOR}
            mine = await autocomplete(standin, command, param.name, **ask)
            elsewhere = await autocomplete(
                standin, command, param.name, **{**ask, "guild_id": GUILD2_ID}
            )
            member = await autocomplete(
                standin, command, param.name, **{**ask, "user_id": USER_ID, "permissions": MEMBER}
            )
            specific = set(mine) - set(elsewhere)
            checked.append((command.qualified_name, param.name, len(specific)))
            if specific & set(member):
                leaked.append((command.qualified_name, param.name, specific & set(member)))
    assert not leaked, leaked
    # The control: some autocomplete does offer this server's own data to its moderators.
    assert any(n for _, _, n in checked), checked
