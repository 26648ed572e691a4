"""`domestique roster promote GUILD_ID [NAME]`: make a server's own name everyone's.

Riders, teams and aliases a server's moderators add tag only that server's stories
(bot/pipeline/custom_roster.py). The operator may decide one is right for every
server: it then joins the shared roster, from the bot's next start. Without NAME, the
server's own names are listed.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from bot.settings import Settings

SQLITE_MAX_INT = 2**63 - 1


def add_arguments(roster_sub: Any, wrap: Any) -> None:
    """Register `roster promote` on the `roster` subparsers; `wrap` runs an async command
    with the settings (bot/cli/main.py's `_sync`)."""
    cmd = roster_sub.add_parser(
        "promote", help="make one server's own rider, team or alias part of the shared roster"
    )
    cmd.add_argument("guild_id", metavar="GUILD_ID", help="the server (Discord id)")
    cmd.add_argument(
        "name",
        metavar="ENTITY_OR_ALIAS",
        nargs="?",
        help="its rider or team (id such as person:zoe-test, or name), or its alias; "
        "leave out to list the server's own names",
    )
    cmd.add_argument("--entity", metavar="ENTITY_ID", help="whose alias, when several share it")
    cmd.set_defaults(func=wrap(command))


def guild_id_of(text: str) -> int | None:
    """A Discord id as typed: digits, positive, within SQLite's integer range."""
    text = text.strip()
    if not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if 1 <= value <= SQLITE_MAX_INT else None


async def command(args: argparse.Namespace, settings: Settings) -> int:
    from bot.pipeline.custom_roster import CannotPromote, promote
    from storage import Storage

    guild_id = guild_id_of(args.guild_id)
    if guild_id is None:
        print(f"domestique: {args.guild_id!r} is not a server id (digits)", file=sys.stderr)
        return 2
    storage = await Storage.open(settings.database)
    try:
        if args.name is None:
            return await _list(storage, guild_id)
        try:
            done = await promote(storage, guild_id, args.name, time.time(), entity=args.entity)
        except CannotPromote as exc:
            print(f"domestique: not promoted: {exc}", file=sys.stderr)
            return 1
    finally:
        await storage.close()
    print(f"{done}: every server's stories are tagged with it from the bot's next start")
    return 0


async def _list(storage: Any, guild_id: int) -> int:
    from bot.pipeline.custom_roster import entity_names
    from feeds.roster import RosterError, parse_roster

    own = (await storage.guild_config.own_names(guild_id)).get(guild_id)
    if own is None:
        print(f"server {guild_id} has no riders, teams or aliases of its own")
        return 0
    for custom in own.entities:
        try:
            names = entity_names(parse_roster(custom.content, custom.entity_id), custom.entity_id)
        except RosterError:
            names = ()
        print(f"{custom.entity_id}\t{' / '.join(names)}")
    for entity_id, alias in own.aliases:
        print(f"{entity_id}\talias {alias}")
    return 0
