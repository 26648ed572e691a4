"""`domestique sync`: push the slash commands to Discord and exit."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.cli.logs import configure_logging
from bot.settings import Settings, load_settings

# discord.py is imported by the commands that talk to Discord: it takes half a second, and
# every `domestique` command loads this module (asyncio too, which `--help` does not need).
if TYPE_CHECKING:
    import asyncio


def add_arguments(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="push the slash commands to Discord and exit",
        description=(
            "Register /rider, /team, /transfers, /news and /about with Discord. Run it once "
            "after installing or upgrading. Global commands can take a while to show up; "
            "--guild pushes them to one server at once."
        ),
    )
    parser.add_argument("--guild", type=int, metavar="ID", help="sync to this server only")
    parser.set_defaults(func=sync_command)


def sync_command(args: argparse.Namespace) -> int:
    import asyncio

    import discord

    from bot.discord import login

    settings = load_settings()
    configure_logging(settings.log_level)
    if not settings.discord_token:
        print("domestique sync: DISCORD_TOKEN is not set.", file=sys.stderr)
        return 2
    try:
        names = asyncio.run(_until_stopped(settings, args.guild))
    except login.TokenRefused as exc:
        print(f"domestique sync: {exc}", file=sys.stderr)
        return login.EXIT_TOKEN_REFUSED
    except discord.HTTPException as exc:
        print(f"domestique sync: Discord refused the commands: {exc}", file=sys.stderr)
        return 1
    if names is None:
        print("domestique sync: stopped; no commands were synced.", file=sys.stderr)
        return 1
    where = f"server {args.guild}" if args.guild else "all servers (global)"
    print(f"Synced {len(names)} commands to {where}: " + ", ".join(f"/{n}" for n in names))
    return 0


async def _until_stopped(settings: Settings, guild_id: int | None) -> list[str] | None:
    """`run_sync`, ended early (None) by SIGTERM or Ctrl-C, also while Discord is waited for."""
    import asyncio

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    work = asyncio.create_task(run_sync(settings, guild_id, stop))
    stopper = asyncio.create_task(stop.wait())
    await asyncio.wait({work, stopper}, return_when=asyncio.FIRST_COMPLETED)
    stopper.cancel()
    if not work.done():
        work.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await work
        return None
    return work.result()


async def run_sync(
    settings: Settings, guild_id: int | None, stop: asyncio.Event | None = None
) -> list[str] | None:
    """Log in over REST only (no gateway), load the commands, sync them, close.

    While Discord cannot be reached, waits and tries again (bot/discord/login.py) until
    `stop` is set: then None.
    """
    import asyncio

    from bot.app import build_app, build_bot
    from bot.discord import login
    from bot.discord.endpoints import configure_discord_endpoints, sync_commands

    # Syncing is the explicit action here, whatever DOMESTIQUE_SYNC_COMMANDS says.
    settings = _without_sync_on_start(settings)
    configure_discord_endpoints(settings)
    async with build_app(settings) as app:
        bot = build_bot(app)
        async with bot:
            if not await login.login(bot, settings.discord_token or "", stop or asyncio.Event()):
                return None
            return await sync_commands(bot, guild_id)


def _without_sync_on_start(settings: Settings) -> Settings:
    return replace(settings, sync_commands=False)
