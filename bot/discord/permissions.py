"""Who may configure the bot in a server: members with Manage Server.

`default_permissions(manage_guild=True)` on a command only hides it by default; server
admins can change that in Integrations settings. So every moderator command also
carries `moderator_only()`, which checks the member's permissions in the channel the
command came from (Discord sends them with the interaction) and refuses everyone else
with a clear ephemeral message (through bot/discord/tree's error handler).

    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @moderator_only()
    class Track(commands.GroupCog, name="track"): ...
"""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discord.tree import UserFacingError

REFUSAL = (
    "Only the server's moderators (members with the Manage Server permission) can change "
    "this server's Domestique settings."
)
NOT_IN_SERVER = "That command only works in a server."


class NotModerator(UserFacingError, app_commands.CheckFailure):
    """A member without Manage Server used a moderator command."""

    def __init__(self, message: str = REFUSAL) -> None:
        UserFacingError.__init__(self, message)


def is_moderator(interaction: discord.Interaction) -> bool:
    """In a server, and holding Manage Server there (administrators hold every permission)."""
    return interaction.guild_id is not None and interaction.permissions.manage_guild


def check_moderator(interaction: discord.Interaction) -> bool:
    """True for a moderator; raises NotModerator (shown to the member) otherwise."""
    if interaction.guild_id is None:
        raise NotModerator(NOT_IN_SERVER)
    if not interaction.permissions.manage_guild:
        raise NotModerator()
    return True


def moderator_only():
    """An app-command check (commands, groups, GroupCogs) for `check_moderator`."""
    return app_commands.check(check_moderator)
