"""Logging in to Discord at start (`domestique run` and `domestique sync`).

A refused token ends the start at once: no retry can help. A Discord that cannot be
reached (the network still coming up after a reboot, an outage, a proxy not started
yet) is tried again after 2 s, doubling to at most 60 s, one warning line a try, so a
bot started before the network recovers connects by itself. A stop (SIGTERM, Ctrl-C)
ends the waiting at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import aiohttp
import discord
from discord.ext import commands
from discord.utils import MISSING

log = logging.getLogger(__name__)

FIRST_WAIT_S = 2.0
LONGEST_WAIT_S = 60.0
EXIT_TOKEN_REFUSED = 5
"""Exit status of `domestique run` and `sync` when Discord refuses DISCORD_TOKEN (README;
3 and 4 are the database's, bot/cli/main.py)."""

# How "cannot be reached" shows through discord.py: no connection (refused, no route, no
# DNS answer: OSError), a connection dropped or timed out, or Discord failing with 5xx
# after discord.py's own retries.
_UNREACHABLE = (OSError, aiohttp.ClientError, TimeoutError, discord.DiscordServerError)


class TokenRefused(Exception):
    """Discord answered 401 to DISCORD_TOKEN."""

    def __init__(self) -> None:
        super().__init__(
            "Discord refused the token (DISCORD_TOKEN); copy it again from the Developer "
            "Portal (Bot, Reset Token)"
        )


def describe(exc: BaseException) -> str:
    """Why Discord could not be reached, in one line."""
    if isinstance(exc, aiohttp.ClientConnectorError):
        why = exc.os_error.strerror or str(exc.os_error) or type(exc.os_error).__name__
        reason = f"cannot connect to {exc.host}:{exc.port}: {why}"
    elif isinstance(exc, discord.DiscordServerError):
        reason = f"HTTP {exc.status} from Discord"
    elif isinstance(exc, TimeoutError):
        reason = "no answer in time"
    else:
        reason = str(exc) or type(exc).__name__
    return " ".join(reason.split())


async def login(
    bot: commands.Bot,
    token: str,
    stop: asyncio.Event,
    *,
    first_wait: float = FIRST_WAIT_S,
    longest_wait: float = LONGEST_WAIT_S,
) -> bool:
    """Log `bot` in, waiting and trying again while Discord cannot be reached.

    True once logged in; False when `stop` is set first. Raises TokenRefused.
    """
    wait = first_wait
    while True:
        attempt = asyncio.ensure_future(bot.login(token))
        if not await _done_before(attempt, stop):
            return False
        try:
            attempt.result()
            return True
        except discord.LoginFailure:
            raise TokenRefused() from None
        except _UNREACHABLE as exc:
            reason = describe(exc)
        await _forget_failed_login(bot)
        if stop.is_set():
            return False  # the failure was the stop closing the session
        log.warning("Discord unreachable (%s); retrying in %g s", reason, wait)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), wait)
            return False
        wait = min(wait * 2, longest_wait)


async def run(bot: commands.Bot, token: str, stop: asyncio.Event, **waits: float) -> None:
    """Log in (see `login`), then stay connected until the bot is closed.

    Returns without connecting when `stop` is set while logging in.
    """
    if not await login(bot, token, stop, **waits):
        return
    try:
        await bot.connect(reconnect=True)
    except discord.LoginFailure:
        raise TokenRefused() from None


async def _done_before(attempt: asyncio.Future[Any], stop: asyncio.Event) -> bool:
    """Wait for `attempt`; when `stop` comes first, cancel it and say False."""
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({attempt, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
        if not attempt.done():
            attempt.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await attempt
    return not attempt.cancelled()


async def _forget_failed_login(bot: commands.Bot) -> None:
    # discord.py opens a new HTTP session on every login and never closes the one a
    # failed login leaves; closing it closes its connector, which the next login must
    # then create afresh.
    await bot.http.close()
    connector = bot.http.connector
    if connector is not MISSING and connector.closed:
        bot.http.connector = MISSING
    # A failure inside setup_hook (a command sync at start) leaves the cogs loaded, and
    # the next login's setup_hook loads them again.
    for name in list(bot.extensions):
        await bot.unload_extension(name)
