"""The one place that builds everything: settings, storage, HTTP, roster, ingestion, bot."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.pipeline.fanout import FanOut
from bot.pipeline.ingest import Ingestor
from bot.pipeline.jobs import Jobs, Leadership
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState, load_roster_state
from bot.settings import DEFAULT_FEEDS, Settings
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from feeds.races import Calendar, CalendarError, bundled_calendar, load_calendar
from storage import Storage
from storage.lease import LeaderLease, SoleLease, leader_lease

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

log = logging.getLogger(__name__)

GIL_SWITCH_INTERVAL_S = 0.001
USER_AGENT = "Domestique/0.1 (cycling news bot; +https://github.com/domestique-bot/domestique)"


@dataclass
class App:
    settings: Settings
    storage: Storage
    http_session: aiohttp.ClientSession
    fetcher: Fetcher
    roster_state: RosterState
    ingestor: Ingestor
    scheduler: AsyncIOScheduler
    parse_pool: ParsePool
    roster_files: tuple[str | Path, ...] = ()
    calendar: Calendar = field(default_factory=Calendar)
    """The race calendar in force: the bundled one with the operator's imports on top."""
    lease: LeaderLease = field(default_factory=SoleLease)
    """Whether this process polls and delivers (storage/lease.py): always on SQLite; on
    PostgreSQL, the one process of several that holds the advisory lock."""


async def load_race_calendar(storage: Storage) -> Calendar:
    """The bundled calendar with the stored imports on top, built once per start; when
    the imports no longer fit (a later bundled file clashes), the bundled one alone."""
    stored = [
        (f"stored import #{item.id} of {item.source}", item.content)
        for item in await storage.race_imports.all()
    ]
    try:
        return await asyncio.to_thread(load_calendar, stored)
    except CalendarError as exc:
        log.error("race imports left out: %s (see `domestique races export`)", exc)
        return await asyncio.to_thread(bundled_calendar)


@asynccontextmanager
async def build_app(
    settings: Settings, *, roster_files: Sequence[str | Path] = (), exclusive: bool = False
) -> AsyncIterator[App]:
    """Everything a command needs; `exclusive` (run, poll) takes the database's writer lock
    for as long as the app is open, so a second bot on the same file is refused."""
    # Tagging runs in a thread; at Python's default 5 ms switch interval the event loop
    # waited up to ~100 ms for the GIL during a busy poll (bench/polling.py), at 1 ms
    # about 15 ms.
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    storage = await Storage.open(settings.database, exclusive=exclusive)
    lease = leader_lease(settings.database)
    parse_pool = ParsePool()
    session = None
    ingestor = None
    try:
        calendar = await load_race_calendar(storage)
        roster_state = await load_roster_state(
            storage, roster_files, calendar=calendar, freeze_heap=True
        )
        policy = AddressPolicy(settings.allow_private_hosts)
        session = new_session(policy, user_agent=USER_AGENT, concurrency=settings.fetch_concurrency)
        fetcher = Fetcher(
            session, timeout=settings.fetch_timeout, concurrency=settings.fetch_concurrency
        )
        ingestor = Ingestor(
            storage,
            fetcher,
            roster_state,
            poll_interval_s=settings.poll_minutes * 60,
            parse_pool=parse_pool,
            fanout=FanOut(
                settings.max_story_age_hours * 3600,
                settings.feeds,
                roster_state.guilds,
                calendar=calendar,
            ),
        )
        scheduler = AsyncIOScheduler(timezone="UTC")
        yield App(
            settings,
            storage,
            session,
            fetcher,
            roster_state,
            ingestor,
            scheduler,
            parse_pool,
            tuple(roster_files),
            calendar,
            lease,
        )
    finally:
        await lease.release()
        if session is not None:
            await session.close()
        if ingestor is not None:
            ingestor.close()
        parse_pool.close()
        await storage.close()


def lead(app: App, jobs: Jobs) -> Leadership:
    """Start the scheduler with its jobs paused; they run while this process holds the
    leader lease (one process of several on a PostgreSQL database; always on SQLite).
    `Leadership.stop` stops the jobs and frees the lease."""
    leadership = Leadership(jobs, app.lease)
    leadership.start()
    return leadership


async def seed_feeds(storage: Storage, settings: Settings, now: float) -> int:
    """Put the configured feeds on the list.

    The default feeds are added once, so a feed a moderator removed stays removed;
    an explicit DOMESTIQUE_FEEDS list is the operator's intent and is ensured at
    every start.
    """
    explicit = settings.feeds != DEFAULT_FEEDS
    if not explicit and await storage.meta.get("default_feeds_seeded"):
        return 0
    added = 0
    for url in settings.feeds:
        _, created = await storage.feeds.add(url, now)
        added += created
    if not explicit:
        await storage.meta.set("default_feeds_seeded", "1")
    return added


def build_bot(app: App, **options: Any) -> DomestiqueBot:
    """The Discord client over what `build_app` built; discord.py is loaded only here, so
    commands that never talk to Discord start without it."""
    from discord import VoiceClient

    from bot.discord.client import new_bot
    from bot.discord.global_limit import GlobalLimit

    # This bot never joins a voice channel; without the flags, discord.py warns at every
    # start that the voice libraries (PyNaCl, davey) are missing.
    VoiceClient.warn_nacl = False
    VoiceClient.warn_dave = False
    # Sharded (DOMESTIQUE_SHARD_COUNT, DOMESTIQUE_SHARD_IDS) or one plain connection.
    return new_bot(
        app.settings,
        storage=app.storage,
        http_session=app.http_session,
        scheduler=app.scheduler,
        roster_state=app.roster_state,
        fetcher=app.fetcher,
        parse_pool=app.parse_pool,
        roster_files=app.roster_files,
        calendar=app.calendar,
        # Every REST request of this process within Discord's global limit, however the
        # event loop delays them (bot/discord/global_limit.py).
        http_trace=GlobalLimit().trace_config(),
        **options,
    )
