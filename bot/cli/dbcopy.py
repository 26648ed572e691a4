"""`domestique db copy --to postgresql://...`: move an installation from its SQLite file
to PostgreSQL (README, "Scaling up").

Copies every table into an empty PostgreSQL database (storage/copy.py), prints each
table's row count and checksum on both sides, and exits 1 when any differ (the copy is
then rolled back). Running it again against its own copy writes nothing and says so.
Stop the bot first: the SQLite file is refused while a `domestique run` holds it.
Exit codes as the other database commands: 2 a wrong argument, 3 a database that cannot
be used (one line says which and why), 4 the SQLite file in use.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.settings import Settings

EXIT_DIFFERS = 1


def add_arguments(db_sub: Any, wrap: Any) -> None:
    """Register `db copy` on the `db` subparsers; `wrap` runs an async command with the
    settings (bot/cli/main.py's `_sync`)."""
    cmd = db_sub.add_parser("copy", help="copy the SQLite database into PostgreSQL")
    cmd.add_argument(
        "--to", required=True, metavar="URL", help="postgresql://user:password@host:port/dbname"
    )
    cmd.add_argument(
        "--database",
        type=Path,
        metavar="PATH",
        help="the SQLite file to copy (default: DOMESTIQUE_DATABASE)",
    )
    cmd.add_argument(
        "--replace",
        action="store_true",
        help="empty a PostgreSQL database that holds other data first (default: refuse it)",
    )
    cmd.set_defaults(func=wrap(command))


async def command(args: argparse.Namespace, settings: Settings) -> int:
    from storage.copy import URL_FORM, copy_to_postgres
    from storage.target import is_postgres, shown

    source = args.database if args.database is not None else settings.database
    if not is_postgres(args.to):
        print(f"domestique: --to must be a PostgreSQL URL ({URL_FORM})", file=sys.stderr)
        return 2
    if is_postgres(source):
        print(
            f"domestique: {shown(source)} is already PostgreSQL; give the SQLite file "
            "to copy with --database PATH",
            file=sys.stderr,
        )
        return 2
    report = await copy_to_postgres(source, args.to, replace=args.replace)
    print(render(report, shown(args.to)))
    return 0 if report.matches else EXIT_DIFFERS


def render(report: Any, target: str) -> str:
    """One line a table (rows and checksum, and the target's where they differ), then
    what happened."""
    width = max([len("table"), *(len(c.name) for c in report.tables)])
    lines = [f"{'table':<{width}}  {'rows':>9}  checksum"]
    for check in report.tables:
        line = f"{check.name:<{width}}  {check.source.rows:>9}  {check.source.checksum}"
        if not check.matches:
            line += f"  DIFFERS: PostgreSQL {check.target.rows} {check.target.checksum}"
        lines.append(line)
    rate = report.rows / report.seconds if report.seconds > 0 else 0.0
    if report.outcome == "copied":
        lines.append(
            f"copied {report.rows} rows to {target} in {report.seconds:.1f} s "
            f"({rate:,.0f} rows/s); counts and checksums match"
        )
    elif report.outcome == "already copied":
        lines.append(f"{target} already holds this copy: nothing written")
    else:
        lines.append(f"the copy in {target} differs from the SQLite file: rolled back")
    return "\n".join(lines)
