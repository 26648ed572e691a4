"""Discord's global rate limit (50 requests a second per bot token) is shared by every
process on the token. Only the leader polls and delivers (bot/pipeline/jobs.py), pacing
its sends below the limit; the other processes answer their shards' interactions, and
interaction answers (callbacks, followups, edits of the original) are exempt from the
global limit. So a process that does not lead must send nothing else once logged in:
every command, as a moderator, a member and in a DM, and every autocomplete, leaves no
request outside the exempt routes."""

from __future__ import annotations

from discord import app_commands

from tests.e2e.ratelimits import EXEMPT_FROM_GLOBAL
from tests.e2e.standin import GUILD_ID, MEMBER, MOD_USER_ID, MODERATOR, USER_ID
from tests.e2e.test_security_matrix import autocomplete, invoke, leaf_commands, required_options


async def test_answering_every_command_spends_nothing_of_the_global_limit(bot, standin):
    logged_in = len(standin.requests)  # login: GET /users/@me, the application, nothing else
    commands = leaf_commands(bot.tree)
    for command in commands:
        options = required_options(command)
        await invoke(standin, command, options, user_id=MOD_USER_ID, permissions=MODERATOR)
        await invoke(standin, command, options, user_id=USER_ID, permissions=MEMBER)
        if command.guild_only is False and not command.default_permissions:
            await invoke(standin, command, options, user_id=USER_ID, permissions=0, dm=True)
        for param in _autocompleted(command):
            await autocomplete(
                standin,
                command,
                param.name,
                guild_id=GUILD_ID,
                user_id=MOD_USER_ID,
                permissions=MODERATOR,
            )
    answered = standin.requests[logged_in:]
    counted = [(r.method, r.path) for r in answered if not EXEMPT_FROM_GLOBAL.match(r.path)]
    assert not counted, counted
    # The control: the commands were answered, through the exempt routes.
    assert len(answered) >= 2 * len(commands)


def _autocompleted(command: app_commands.Command) -> list[app_commands.Parameter]:
    return [p for p in command.parameters if p.autocomplete]
