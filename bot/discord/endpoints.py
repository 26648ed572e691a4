"""Where the bot talks to Discord, and pushing its slash commands (`domestique sync`).

Both endpoints are settings so the bot can run behind REST and gateway proxies, and
against a local stand-in in tests. discord.py reads them from two class attributes.
"""

from __future__ import annotations

import logging
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
