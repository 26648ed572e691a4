"""Where the bot talks to Discord, and pushing its slash commands (`domestique sync`).

Both endpoints are settings so the bot can run behind REST and gateway proxies, and
against a local stand-in in tests. discord.py reads them from two class attributes.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import TYPE_CHECKING

import discord
import yarl
from discord.ext import commands

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)


def configure_discord_endpoints(settings: Settings) -> None:
    """Point discord.py's REST base and gateway at the configured URLs."""
    discord.http.Route.BASE = settings.discord_api_url.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)
    log.debug("Discord REST %s, gateway %s", settings.discord_api_url, settings.discord_gateway_url)


async def sync_commands(bot: commands.Bot, guild_id: int | None) -> list[str]:
    """Push the bot's slash commands to Discord, globally or to one server; their names.

    A server sync shows up at once (handy while testing); a global one is what users
    see everywhere. The commands must be loaded first (`setup_hook` does it).
    """
    if guild_id is None:
        synced = await bot.tree.sync()
        where = "globally"
    else:
        guild = discord.Object(id=guild_id)
        bot.tree.copy_global_to(guild=guild)
        synced = await bot.tree.sync(guild=guild)
        where = f"to server {guild_id}"
    names = [command.name for command in synced]
    log.info("synced %d commands %s: %s", len(names), where, ", ".join(names))
    return names


# --- `domestique sync` -------------------------------------------------------------------


def add_sync_arguments(subparsers: argparse._SubParsersAction) -> None:
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
    from bot.cli import configure_logging
    from bot.settings import load_settings

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
    from bot.app import build_app
    from bot.client import DomestiqueBot

    # Syncing is the explicit action here, whatever DOMESTIQUE_SYNC_COMMANDS says.
    settings = _without_sync_on_start(settings)
    configure_discord_endpoints(settings)
    async with build_app(settings) as app:
        bot = DomestiqueBot.from_app(app)
        async with bot:
            await bot.login(settings.discord_token or "")
            return await sync_commands(bot, guild_id)


def _without_sync_on_start(settings: Settings) -> Settings:
    from dataclasses import replace

    return replace(settings, sync_commands=False)
