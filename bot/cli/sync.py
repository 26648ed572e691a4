"""`domestique sync`: push the slash commands to Discord and exit."""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import replace

import discord

from bot.cli.logs import configure_logging
from bot.discord.endpoints import configure_discord_endpoints, sync_commands
from bot.settings import Settings, load_settings


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
    settings = load_settings()
    configure_logging(settings.log_level)
    if not settings.discord_token:
        print("domestique sync: DISCORD_TOKEN is not set.", file=sys.stderr)
        return 2
    try:
        names = asyncio.run(run_sync(settings, args.guild))
    except discord.LoginFailure:
        print("domestique sync: Discord refused the token (DISCORD_TOKEN).", file=sys.stderr)
        return 1
    except discord.HTTPException as exc:
        print(f"domestique sync: Discord refused the commands: {exc}", file=sys.stderr)
        return 1
    where = f"server {args.guild}" if args.guild else "all servers (global)"
    print(f"Synced {len(names)} commands to {where}: " + ", ".join(f"/{n}" for n in names))
    return 0


async def run_sync(settings: Settings, guild_id: int | None) -> list[str]:
    """Log in over REST only (no gateway), load the commands, sync them, close."""
    from bot.app import build_app, build_bot

    # Syncing is the explicit action here, whatever DOMESTIQUE_SYNC_COMMANDS says.
    settings = _without_sync_on_start(settings)
    configure_discord_endpoints(settings)
    async with build_app(settings) as app:
        bot = build_bot(app)
        async with bot:
            await bot.login(settings.discord_token or "")
            return await sync_commands(bot, guild_id)


def _without_sync_on_start(settings: Settings) -> Settings:
    return replace(settings, sync_commands=False)
