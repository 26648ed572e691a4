"""DOMESTIQUE_POLL_MINUTES=N polls each feed every N minutes, not N + 1 (issue #18, 15).

The scheduler ticks once a minute, each tick reading the clock a little after its mark and
by a different amount; a fetch takes time. Counted from when a poll ended, a feed became
due a moment after the tick N minutes later and waited for the next one."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable

import pytest

from bot.app import build_app
from bot.pipeline.ingest import Ingestor
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState
from bot.settings import Settings
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from feeds.roster import parse_roster
from storage import Storage
from tests.bot.pipeline.test_ingest import rss
from tests.feedserver import FeedServer

TICK_S = 60.0
START = 1_700_000_000.0
# How late each tick reads the clock after its mark: earlier on some ticks than on the
# tick before, as a busy event loop makes it.
LATENESS = [0.30, 0.02, 0.55, 0.00, 0.41, 0.07, 0.20, 0.01, 0.33, 0.12, 0.50, 0.04, 0.25]
FETCH_S = 0.8
"""What each fetch takes on the fake clock."""


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer(host="127.0.0.2") as srv:
        yield srv


@pytest.fixture
async def make_ingestor(storage: Storage) -> AsyncIterator[Callable[..., Ingestor]]:
    """An Ingestor on a fake clock whose fetches take FETCH_S of it."""
    made: list[tuple[Ingestor, object, ParsePool]] = []

    def make(poll_minutes: float, clock: Clock) -> Ingestor:
        session = new_session(AddressPolicy(["127.0.0.2"]), user_agent="Domestique tests")
        fetcher = Fetcher(session, timeout=5)
        fetch = fetcher.fetch

        async def slow_fetch(*args, **kwargs):  # type: ignore[no-untyped-def]
            result = await fetch(*args, **kwargs)
            clock.now += FETCH_S
            return result

        fetcher.fetch = slow_fetch  # type: ignore[method-assign]
        pool = ParsePool()
        ingestor = Ingestor(
            storage,
            fetcher,
            RosterState(parse_roster("")),
            poll_interval_s=poll_minutes * 60,
            parse_pool=pool,
            clock=clock,
        )
        made.append((ingestor, session, pool))
        return ingestor

    yield make
    for ingestor, session, pool in made:
        ingestor.close()
        await session.close()  # type: ignore[attr-defined]
        pool.close()


async def polled_ticks(ingestor: Ingestor, clock: Clock, ticks: int) -> list[int]:
    """Run `ticks` scheduler ticks; the ticks on which the feed was polled."""
    polled = []
    for tick in range(ticks):
        clock.now = START + tick * TICK_S + LATENESS[tick % len(LATENESS)]
        report = await ingestor.poll_due()
        if report.feeds:
            polled.append(tick)
    return polled


@pytest.mark.parametrize("minutes", [1, 2, 3, 10])
async def test_each_feed_is_polled_every_n_minutes_exactly(server, storage, make_ingestor, minutes):
    server.publish("/feed", rss(("a", "Stage 1", "The peloton")))
    await storage.feeds.add(server.url("/feed"), 0)
    clock = Clock()
    ingestor = make_ingestor(minutes, clock)
    ticks = 3 * minutes + 1
    polled = await polled_ticks(ingestor, clock, ticks)
    assert polled == list(range(0, ticks, minutes))


async def test_a_changed_feed_keeps_its_interval(server, storage, make_ingestor):
    # Parsing, tagging and storing happen after the fetch: still due from the start.
    await storage.feeds.add(server.url("/feed"), 0)
    clock = Clock()
    ingestor = make_ingestor(2, clock)
    polled = []
    for tick in range(9):
        server.publish("/feed", rss(*((f"s{n}", f"Story {n}", "text") for n in range(tick + 1))))
        clock.now = START + tick * TICK_S + LATENESS[tick]
        report = await ingestor.poll_due()
        if report.feeds:
            assert report.feeds[0].outcome == "new"
            polled.append(tick)
    assert polled == [0, 2, 4, 6, 8]


async def test_backoff_doubles_from_the_start_and_retry_after_is_honoured(
    server, storage, make_ingestor
):
    server.publish("/feed", b"down", status=503)
    feed, _ = await storage.feeds.add(server.url("/feed"), 0)
    clock = Clock()
    ingestor = make_ingestor(1, clock)
    # Failures back off 2, 4, 8 minutes: the ticks 0, 2, 6, 14.
    assert await polled_ticks(ingestor, clock, 15) == [0, 2, 6, 14]
    # A Retry-After longer than the backoff is never cut short by the tick tolerance.
    server.publish("/feed", b"busy", status=503, headers={"Retry-After": "300"})
    await storage.feeds.record_unchanged(feed.id, START, 0)  # healthy again, due now
    clock.now = START
    await ingestor.poll_due()
    stored = await storage.feeds.get(feed.url)
    assert stored.next_attempt_at >= START + FETCH_S + 300
    assert await polled_ticks(ingestor, clock, 7) == [6]


async def test_the_built_app_polls_on_every_tick_at_one_minute(tmp_path):
    """The whole ingestion as `domestique run` builds it (DOMESTIQUE_POLL_MINUTES at its
    smallest, a real fetch, the parse process, tagging, SQLite), ticked on a clock that
    moves with real time within a tick: no tick is skipped."""
    async with FeedServer(host="127.0.0.2") as server:
        settings = Settings(
            database=tmp_path / "app.sqlite3",
            poll_minutes=1,
            feeds=(server.url("/feed"),),
            allow_private_hosts=("127.0.0.2",),
        )
        async with build_app(settings) as app:
            await app.storage.feeds.add(server.url("/feed"), 0)
            tick_started = 0.0
            tick_mark = START

            def clock() -> float:
                # Real time passes within a tick (fetch, parse, store); ticks are on the mark.
                return tick_mark + (time.perf_counter() - tick_started)

            app.ingestor.clock = clock
            polled = []
            for tick in range(6):
                stories = ((f"s{n}", f"Stage {n}", "The peloton") for n in range(tick // 2 + 1))
                server.publish("/feed", rss(*stories))
                tick_mark, tick_started = START + tick * TICK_S, time.perf_counter()
                report = await app.ingestor.poll_due()
                polled.append(len(report.feeds))
    assert polled == [1] * 6
