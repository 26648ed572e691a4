"""The `domestique` command line."""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli import dbcopy, promote, races, sync, tagging
from bot.cli.logs import configure_logging
from bot.settings import Settings, SettingsError, check_feed_url, load_settings

# The rest is imported by the commands that use it: `health` (Docker's HEALTHCHECK) must
# answer within 2 s on a loaded machine, and the ingestion stack alone takes about 1 s;
# `--help` loads neither storage nor asyncio (tests/bot/cli/test_startup.py).
if TYPE_CHECKING:
    import asyncio
    import sqlite3

    from bot.app import App
    from bot.pipeline.ingest import CycleReport
    from bot.pipeline.jobs import Jobs

log = logging.getLogger(__name__)

POLL_TICK_S = 60.0

EXIT_DATABASE_UNUSABLE = 3
"""The database cannot be opened, read or written (one line says which file and why)."""
EXIT_DATABASE_IN_USE = 4
"""Another `domestique run` or `poll` holds the database's writer lock."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help(sys.stderr)
        return 2
    from storage.database import DatabaseError, DatabaseInUse

    configure_logging("WARNING")
    try:
        return int(args.func(args) or 0)
    except SettingsError as exc:
        print(f"domestique: configuration error: {exc}", file=sys.stderr)
        return 2
    except DatabaseError as exc:
        print(f"domestique: {exc}", file=sys.stderr)
        return EXIT_DATABASE_IN_USE if isinstance(exc, DatabaseInUse) else EXIT_DATABASE_UNUSABLE
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="domestique",
        description="Cycling news for Discord: feeds, rider and team tags, transfers.",
    )
    sub = parser.add_subparsers(metavar="COMMAND")

    run = sub.add_parser("run", help="run the bot (ingestion only when DISCORD_TOKEN is unset)")
    run.set_defaults(func=_sync(cmd_run))

    poll = sub.add_parser("poll", help="poll feeds now and print stories not seen before")
    poll.add_argument("--once", action="store_true", required=True, help="one cycle, then exit")
    poll.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL_OR_PATH",
        help="poll only this feed URL or saved feed file (repeatable); does not list it",
    )
    poll.set_defaults(func=_sync(cmd_poll))

    feeds = sub.add_parser("feeds", help="the feeds on the list").add_subparsers(metavar="ACTION")
    feeds.add_parser("list", help="every feed and its health").set_defaults(
        func=_sync(cmd_feeds_list)
    )
    add = feeds.add_parser("add", help="add a feed URL")
    add.add_argument("url")
    add.set_defaults(func=_sync(cmd_feeds_add))
    remove = feeds.add_parser("remove", help="remove a feed URL and its stories")
    remove.add_argument("url")
    remove.set_defaults(func=_sync(cmd_feeds_remove))

    db = sub.add_parser("db", help="database maintenance").add_subparsers(metavar="ACTION")
    db.add_parser("migrate", help="apply pending migrations").set_defaults(func=_sync(cmd_migrate))
    dbcopy.add_arguments(db, _sync)

    health = sub.add_parser("health", help="exit 0 when a feed was polled successfully lately")
    health.add_argument(
        "--max-age-minutes",
        type=float,
        default=None,
        help="how old the last successful poll may be (default: 3 poll intervals, at least 30)",
    )
    health.set_defaults(func=_sync(cmd_health))

    roster = sub.add_parser("roster", help="extra roster entities kept in the database")
    roster_sub = roster.add_subparsers(metavar="ACTION")
    imp = roster_sub.add_parser("import", help="check a roster file and keep it in the database")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=_sync(cmd_roster_import))
    exp = roster_sub.add_parser("export", help="write the roster in force as TOML")
    exp.add_argument("--output", "-o", type=Path, help="file to write (default: stdout)")
    exp.add_argument(
        "--imported-only", action="store_true", help="only the entities imported into the database"
    )
    exp.set_defaults(func=_sync(cmd_roster_export))
    promote.add_arguments(roster_sub, _sync)

    tagging.add_arguments(sub)
    sync.add_arguments(sub)
    races.add_arguments(sub, _sync)
    return parser


def _sync(command: Callable) -> Callable[[argparse.Namespace], int]:
    """Run an async command with the settings read from the environment."""

    def run(args: argparse.Namespace) -> int:
        import asyncio
        import sqlite3

        from storage.database import DatabaseError
        from storage.db import describe

        settings = load_settings()
        configure_logging(settings.log_level)
        try:
            return asyncio.run(command(args, settings))
        except sqlite3.DatabaseError as exc:
            if not _is_the_database(exc):
                raise
            # Opened fine, failed later (a damaged page, a full disk): the same one line.
            raise DatabaseError(settings.database, describe(exc)) from exc

    return run


def _is_the_database(exc: sqlite3.DatabaseError) -> bool:
    """The file or the disk failed, not our SQL (a bug keeps its traceback)."""
    import sqlite3

    return not isinstance(exc, (sqlite3.ProgrammingError, sqlite3.IntegrityError))


# --- commands ---------------------------------------------------------------------------


async def cmd_poll(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build_app, seed_feeds
    from bot.cli.console import Progress

    async with build_app(settings, exclusive=True) as app:
        await _take_the_lead(app)
        progress = Progress("polled")
        if args.feed:
            report = await app.ingestor.poll_urls(args.feed, on_feed_done=progress)
        else:
            await seed_feeds(app.storage, settings, time.time())
            report = await app.ingestor.poll_due(force=True, on_feed_done=progress)
        await _print_cycle(app, report, include_backlog=True)
        for failed in report.failed:
            print(f"domestique: {failed.url}: {failed.error}", file=sys.stderr)
        return 1 if report.feeds and len(report.failed) == len(report.feeds) else 0


async def _take_the_lead(app: App) -> None:
    """Hold the leader lease for the cycle, or refuse (DatabaseInUse, exit 4).

    On SQLite the writer lock `build_app` took already keeps a running bot out. On
    PostgreSQL several processes share the database and the lease picks the one that
    polls and fans out: a poll beside a running leader would fetch every feed twice and
    race its fan-out. The lease is freed when the app closes."""
    from storage.database import DatabaseInUse

    if not await app.lease.try_take():
        raise DatabaseInUse(
            app.settings.database,
            "another Domestique leads on it (it polls the feeds and delivers); "
            "it polls on its own, or stop it first to poll from here",
        )


async def _print_cycle(app: App, report: CycleReport, *, include_backlog: bool) -> None:
    from bot.cli.console import story_line

    titles = {feed.url: feed.title for feed in await app.storage.feeds.all(include_unlisted=True)}
    roster = app.roster_state.roster
    for feed_report in report.feeds:
        source = titles.get(feed_report.url) or feed_report.url
        backlog = [s for s in feed_report.new if s.is_backlog]
        for saved in feed_report.new:
            if include_backlog or not saved.is_backlog:
                print(story_line(saved, source, roster), flush=True)
        if backlog and not include_backlog:
            print(f"- stored {len(backlog)} earlier stories from {source} (not news)", flush=True)


async def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from bot.app import build_app, lead, seed_feeds
    from bot.pipeline.jobs import Jobs

    async with build_app(settings, exclusive=True) as app:
        await seed_feeds(app.storage, settings, time.time())
        stop = asyncio.Event()
        exit_code = 0
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)

        async def cycle() -> None:
            # Only the terminal mode prints stories; with Discord they go out through the outbox.
            report = await app.ingestor.poll_due(keep_stories=not settings.discord_enabled)
            if not settings.discord_enabled:
                await _print_cycle(app, report, include_backlog=False)

        jobs = Jobs(app.scheduler)
        app.scheduler.add_job(
            cycle,
            "interval",
            seconds=min(POLL_TICK_S, settings.poll_minutes * 60),
            id="poll",
            max_instances=1,
            coalesce=True,
            next_run_time=_now_utc(),
        )
        # Polls and delivers only while this process leads (bot/pipeline/jobs.py).
        leadership = lead(app, jobs)
        try:
            if settings.discord_enabled:
                exit_code = await _run_discord(app, stop, jobs)
            else:
                print(
                    "Discord is off: DISCORD_TOKEN is not set, so Domestique only reads the feeds "
                    "and prints new stories here.\nTo post to Discord, set DISCORD_TOKEN (see "
                    "README.md, 'Connect it to Discord') and start it again.",
                    file=sys.stderr,
                    flush=True,
                )
                await stop.wait()
        finally:
            await leadership.stop()  # the jobs, then the lease
    return exit_code


async def _run_discord(app: App, stop: asyncio.Event, jobs: Jobs) -> int:
    import asyncio

    from bot.app import build_bot
    from bot.discord import login
    from bot.discord.delivery import Delivery, schedule

    bot = build_bot(app)
    # Drains the outbox once the bot is connected (each run waits for readiness).
    delivery = Delivery(bot, expand=app.ingestor.expand_pending)
    schedule(app.scheduler, delivery)
    delivery.race_threads.schedule(app.scheduler)  # archives past days' race-day threads
    async with bot:
        # Waits and retries while Discord cannot be reached (bot/discord/login.py).
        runner = asyncio.create_task(login.run(bot, app.settings.discord_token or "", stop))
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if runner in done:
            try:
                runner.result()
            except login.TokenRefused as exc:
                print(f"domestique: {exc}", file=sys.stderr)
                return login.EXIT_TOKEN_REFUSED
        else:
            log.info("stopping: letting running jobs and answers under way finish")
            await jobs.stop()  # a delivery run under way finishes before the bot goes
            await bot.close()  # after the answers under way (bot/discord/answers.py)
            with contextlib.suppress(asyncio.CancelledError):
                await runner
    return 0


def _now_utc():
    from datetime import UTC, datetime

    return datetime.now(UTC)


async def cmd_feeds_list(args: argparse.Namespace, settings: Settings) -> int:
    from bot.cli.console import feed_line
    from storage import Storage

    # Storage only: the whole app (HTTP session, roster, tagger, scheduler) took most of
    # the command's time and is not used to list rows.
    storage = await Storage.open(settings.database)
    try:
        feeds = await storage.feeds.all()
    finally:
        await storage.close()
    if not feeds:
        print("No feeds on the list. Add one with: domestique feeds add URL")
    for feed in feeds:
        print(feed_line(feed))
    return 0


async def cmd_feeds_add(args: argparse.Namespace, settings: Settings) -> int:
    try:
        url = check_feed_url(args.url)
    except SettingsError as exc:
        print(f"domestique: {exc}", file=sys.stderr)
        return 2
    from bot.app import build_app, seed_feeds

    async with build_app(settings) as app:
        await seed_feeds(app.storage, settings, time.time())
        _, created = await app.storage.feeds.add(url, time.time())
    print(f"added {url}" if created else f"{url} is already on the list")
    return 0


async def cmd_feeds_remove(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build_app

    async with build_app(settings) as app:
        removed = await app.storage.feeds.remove(args.url)
    if not removed:
        print(f"domestique: no feed {args.url!r} on the list", file=sys.stderr)
        return 1
    print(f"removed {args.url}")
    return 0


async def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from storage import Storage

    # Exclusive: a schema changed under a running bot would fail its statements midway.
    storage = await Storage.open(settings.database, exclusive=True)
    try:
        applied = storage.applied_migrations
        version = await storage.schema_version()
    finally:
        await storage.close()
    print(f"applied: {', '.join(applied)}" if applied else "already up to date")
    print(f"schema version {version}")
    return 0


async def cmd_health(args: argparse.Namespace, settings: Settings) -> int:
    import sqlite3

    from storage import Storage
    from storage.database import DatabaseError
    from storage.db import describe

    max_age = args.max_age_minutes or max(30.0, 3 * settings.poll_minutes)
    # Read-only: health never creates, migrates or locks the database, and waits at most
    # half a second for another process's lock, so Docker hears "unhealthy", not a hang.
    try:
        storage = await Storage.open(settings.database, read_only=True)
        try:
            feeds = await storage.feeds.all()
        finally:
            await storage.close()
    except DatabaseError as exc:
        print(f"unhealthy: {exc}")
        return 1
    except sqlite3.DatabaseError as exc:
        if not _is_the_database(exc):
            raise
        print(f"unhealthy: {DatabaseError(settings.database, describe(exc))}")
        return 1
    last = max((f.last_success_at or 0 for f in feeds), default=0)
    if not last:
        print("unhealthy: no feed has been polled successfully yet")
        return 1
    age = (time.time() - last) / 60
    if age > max_age:
        print(f"unhealthy: last successful poll {age:.0f} minutes ago (limit {max_age:.0f})")
        return 1
    print(f"healthy: last successful poll {age:.1f} minutes ago")
    return 0


async def cmd_roster_import(args: argparse.Namespace, settings: Settings) -> int:
    from bot.pipeline.custom_roster import load_current_roster
    from feeds.roster import RosterError, parse_roster
    from storage import Storage

    try:
        text = args.file.read_text(encoding="utf-8")
        extra = parse_roster(text, str(args.file))
    except (OSError, UnicodeDecodeError) as exc:
        print(f"domestique: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    except RosterError as exc:
        print(f"domestique: roster refused: {exc}", file=sys.stderr)
        return 2
    storage = await Storage.open(settings.database)
    try:
        # The merged roster must still hold together (team ids referenced by people exist).
        try:
            (await load_current_roster(storage)).merged(extra).check_references(str(args.file))
        except RosterError as exc:
            print(f"domestique: roster refused: {exc}", file=sys.stderr)
            return 2
        await storage.roster_imports.add(str(args.file), text, time.time())
    finally:
        await storage.close()
    print(f"imported {len(extra.teams)} teams and {len(extra.people)} people from {args.file}")
    return 0


async def cmd_roster_export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.pipeline.custom_roster import load_current_roster
    from feeds.roster import Roster, dump_roster, parse_roster
    from storage import Storage

    storage = await Storage.open(settings.database)
    try:
        if args.imported_only:
            roster = Roster()
            for item in await storage.roster_imports.all():
                roster = roster.merged(parse_roster(item.content, item.source))
        else:
            roster = await load_current_roster(storage)
    finally:
        await storage.close()
    text = dump_roster(roster)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {len(roster.teams)} teams and {len(roster.people)} people to {args.output}")
    else:
        sys.stdout.write(text)
    return 0
