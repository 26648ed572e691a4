"""`domestique races import FILE` and `races export [-o FILE] [--imported-only]`.

The race calendar is bundled (feeds/races/data/*.toml); an operator adds a race or next
year's dates with a file in the same format, kept whole in the database and applied on
top of the bundled calendar in the order imported. A file is checked whole, and on top of
the calendar in force, before it is kept: a bad one is refused with its line and reason
and nothing is stored.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.settings import Settings

if TYPE_CHECKING:
    from feeds.races import Edition, Race
    from storage.meta import RaceImport

EXIT_REFUSED = 2
EXIT_STORED_IMPORT_BROKEN = 1


def add_arguments(sub: Any, wrap: Any) -> None:
    """Register `races import` and `races export` on the main CLI's subparsers; `wrap`
    runs an async command with the settings (bot/cli/main.py's `_sync`)."""
    races = sub.add_parser("races", help="the race calendar, with races and dates you add")
    actions = races.add_subparsers(metavar="ACTION")
    imp = actions.add_parser("import", help="check a calendar file and keep it in the database")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=wrap(cmd_import))
    exp = actions.add_parser("export", help="write the calendar in force as TOML")
    exp.add_argument("--output", "-o", type=Path, help="file to write (default: stdout)")
    exp.add_argument(
        "--imported-only", action="store_true", help="only the races and dates you imported"
    )
    exp.set_defaults(func=wrap(cmd_export))


async def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from feeds.races import CalendarError, apply, load_calendar, outranked, parse_calendar
    from storage import Storage

    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"domestique: cannot read {args.file}: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        part = parse_calendar(text, str(args.file))
    except CalendarError as exc:
        print(f"domestique: calendar refused: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    storage = await Storage.open(settings.database)
    try:
        stored = _labelled(await storage.race_imports.all())
        try:
            current = await asyncio.to_thread(load_calendar, stored)
        except CalendarError as exc:
            print(f"domestique: {_broken(exc)}", file=sys.stderr)
            return EXIT_STORED_IMPORT_BROKEN
        try:
            # On top of the calendar in force: its races exist, its names do not collide.
            apply(current, part)
        except CalendarError as exc:
            print(f"domestique: calendar refused: {exc}", file=sys.stderr)
            return EXIT_REFUSED
        await storage.race_imports.add(str(args.file), text, time.time())
    finally:
        await storage.close()
    print(f"imported {_counts(len(part.races), len(part.editions))} from {args.file}")
    kept = sorted(k for k, e in part.editions.items() if outranked(e, current.editions.get(k)))
    if kept:
        # Stored all the same, like any import: whatever the order, announced dates win.
        names = ", ".join(f"{race} {year}" for race, year in kept)
        print(f"kept the announced dates of {names} over this file's provisional ones")
    return 0


async def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from feeds.races import CalendarError, dump_entries, load_calendar, parse_calendar
    from storage import Storage

    storage = await Storage.open(settings.database)
    try:
        stored = await storage.race_imports.all()
    finally:
        await storage.close()
    try:
        if args.imported_only:
            races: dict[str, Race] = {}
            editions: dict[tuple[str, int], Edition] = {}
            for item in stored:
                part = parse_calendar(item.content, item.source)
                races.update(part.races)
                editions.update(part.editions)
        else:
            calendar = await asyncio.to_thread(load_calendar, _labelled(stored))
            races, editions = calendar.races, calendar.editions
    except CalendarError as exc:
        print(f"domestique: {_broken(exc)}", file=sys.stderr)
        return EXIT_STORED_IMPORT_BROKEN
    text = dump_entries(races.values(), editions.values())
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        _write_whole(args.output, text)
    except OSError as exc:
        print(f"domestique: cannot write {args.output}: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"wrote {_counts(len(races), len(editions))} to {args.output}")
    return 0


def _labelled(stored: list[RaceImport]) -> list[tuple[str, str]]:
    return [(f"stored import #{item.id} of {item.source}", item.content) for item in stored]


def _broken(exc: Exception) -> str:
    return (
        f"the race imports kept in the database no longer fit the calendar: {exc} "
        "(export them with --imported-only, fix the file and import it again)"
    )


def _counts(races: int, editions: int) -> str:
    return f"{races} race{'s' * (races != 1)} and {editions} edition{'s' * (editions != 1)}"


def _write_whole(path: Path, text: str) -> None:
    """Written beside the target and renamed over it: a failure leaves no half file."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
