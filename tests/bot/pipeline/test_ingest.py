"""The poll cycle end to end over real sockets: feed server -> fetch -> parse -> tag -> storage."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.pipeline.ingest import DISABLE_AFTER_S, FEEDS_IN_PROCESS, Ingestor
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from feeds.roster import parse_roster
from storage import Storage
from tests.feedserver import FeedServer

ROSTER = """
[[team]]
id = "astana"
country = "KAZ"
aliases = ["Astana"]
names = [{ name = "Astana Qazaqstan", from = 2022-01-01, until = 2024-12-31 },
         { name = "XDS Astana", from = 2025-01-01 }]

[[rider]]
name = "Mark Cavendish"
nationality = "GBR"
aliases = ["the Manxman"]
retired = 2024
teams = [{ team = "astana", from = 2023, until = 2024 }]
"""

INTERVAL = 600.0


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><link>https://news.example/{guid}</link>"
        f"<description>{text}</description><pubDate>Tue, 26 Sep 2023 10:00:00 GMT</pubDate></item>"
        for guid, title, text in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title>'
        f"<link>https://news.example/</link>{body}</channel></rss>"
    ).encode()


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


class CountingExecutor(ThreadPoolExecutor):
    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.jobs = 0

    def submit(self, fn, /, *args, **kwargs):
        self.jobs += 1
        return super().submit(fn, *args, **kwargs)


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer(host="127.0.0.2") as srv:
        yield srv


@pytest.fixture
def roster_state() -> RosterState:
    return RosterState(parse_roster(ROSTER))


@pytest.fixture
async def make_ingestor(storage: Storage, roster_state: RosterState):
    sessions = []
    executors = []

    def make(store: Storage | None = None, clock: Clock | None = None) -> Ingestor:
        session = new_session(AddressPolicy(["127.0.0.2"]), user_agent="Domestique tests")
        sessions.append(session)
        executor = CountingExecutor()
        executors.append(executor)
        return Ingestor(
            store or storage,
            Fetcher(session, timeout=5),
            roster_state,
            poll_interval_s=INTERVAL,
            parse_pool=ParsePool(lambda: executor),
            clock=clock or Clock(),
        )

    yield make
    for session in sessions:
        await session.close()
    for executor in executors:
        executor.shutdown()


async def test_first_poll_is_backlog_and_tagged(server, storage, make_ingestor):
    server.publish("/feed", rss(("a", "Mark Cavendish signs for Astana", "The Manxman races on.")))
    feed, _ = await storage.feeds.add(server.url("/feed"), 0)
    report = await make_ingestor().poll_due()
    assert [r.outcome for r in report.feeds] == ["new"]
    [saved] = report.new
    assert saved.is_backlog and saved.story.title == "Mark Cavendish signs for Astana"
    assert saved.tags.riders == ["mark-cavendish"] and saved.tags.teams == ["astana"]
    stored = await storage.feeds.get(feed.url)
    assert stored.primed and stored.title == "Test news" and stored.last_success_at


async def test_a_cycle_that_keeps_no_stories_reports_counts_and_bounds_work_in_process(
    server, storage, make_ingestor
):
    for n in range(8):
        server.publish(f"/feed{n}", rss((f"{n}a", f"Story {n}", "text"), (f"{n}b", "More", "t")))
        await storage.feeds.add(server.url(f"/feed{n}"), 0)
    ingestor = make_ingestor()
    parse_new = ingestor._parse_new
    busy = peak = 0

    async def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal busy, peak
        busy += 1
        peak = max(peak, busy)
        try:
            await asyncio.sleep(0.05)  # long enough for every other feed to arrive
            return await parse_new(*args, **kwargs)
        finally:
            busy -= 1

    ingestor._parse_new = counted  # type: ignore[method-assign]
    seen: list[int] = []
    report = await ingestor.poll_due(
        keep_stories=False, on_feed_done=lambda feed, *_: seen.append(len(feed.new))
    )
    assert seen == [2] * 8  # each feed's stories reach the callback ...
    assert report.new == [] and report.new_count == 16  # ... and only counts stay
    assert peak == FEEDS_IN_PROCESS
    assert await storage.articles.count() == 16


async def test_not_modified_skips_parsing_and_new_items_are_news(server, storage, make_ingestor):
    server.publish("/feed", rss(("a", "First", "text")))
    await storage.feeds.add(server.url("/feed"), 0)
    clock = Clock()
    ingestor = make_ingestor(clock=clock)
    await ingestor.poll_due()
    jobs = ingestor.parse_pool.executor.jobs
    clock.now += INTERVAL
    report = await ingestor.poll_due()
    assert [r.outcome for r in report.feeds] == ["not_modified"]
    assert ingestor.parse_pool.executor.jobs == jobs  # 304: nothing parsed
    server.publish("/feed", rss(("a", "First", "text"), ("b", "Second", "text")))
    clock.now += INTERVAL
    report = await ingestor.poll_due()
    assert [(s.story.title, s.is_backlog) for s in report.new] == [("Second", False)]


async def test_a_cycle_of_unchanged_feeds_records_each_success(server, storage, make_ingestor):
    for n in range(3):
        server.publish(f"/feed{n}", rss(("a", "First", "text")))
        await storage.feeds.add(server.url(f"/feed{n}"), 0)
    clock = Clock()
    ingestor = make_ingestor(clock=clock)
    await ingestor.poll_due()
    clock.now += INTERVAL
    report = await ingestor.poll_due()
    assert [r.outcome for r in report.feeds] == ["not_modified"] * 3
    for n in range(3):
        feed = await storage.feeds.get(server.url(f"/feed{n}"))
        assert feed.last_success_at == clock.now
        assert feed.next_attempt_at == clock.now + INTERVAL
    assert await storage.feeds.due(clock.now) == []


async def test_not_due_feeds_wait(server, storage, make_ingestor):
    server.publish("/feed", rss(("a", "First", "text")))
    await storage.feeds.add(server.url("/feed"), 0)
    clock = Clock()
    ingestor = make_ingestor(clock=clock)
    await ingestor.poll_due()
    clock.now += INTERVAL / 2
    assert (await ingestor.poll_due()).feeds == []


async def test_edited_item_is_updated_not_reported(server, storage, make_ingestor):
    server.publish("/feed", rss(("a", "Title", "text")))
    await storage.feeds.add(server.url("/feed"), 0)
    clock = Clock()
    ingestor = make_ingestor(clock=clock)
    await ingestor.poll_due()
    server.publish("/feed", rss(("a", "Title (corrected)", "text")))
    clock.now += INTERVAL
    report = await ingestor.poll_due()
    assert report.new == [] and report.feeds[0].updated == 1


async def test_new_process_on_same_database_reports_nothing_old(
    server, make_ingestor, tmp_path: Path
):
    server.publish("/feed", rss(("a", "One", "text"), ("b", "Two", "text")))
    path = tmp_path / "restart.sqlite3"
    first = await Storage.open(path)
    try:
        await first.feeds.add(server.url("/feed"), 0)
        assert len((await make_ingestor(first).poll_due()).new) == 2
    finally:
        await first.close()
    # Reordered items, no validators: the body differs, yet nothing is news again.
    server.publish("/feed", rss(("b", "Two", "text"), ("a", "One", "text")), etag=False)
    second = await Storage.open(path)
    try:
        report = await make_ingestor(second).poll_due(force=True)
        assert report.feeds[0].outcome == "unchanged" and report.new == []
    finally:
        await second.close()


async def test_backoff_then_disable(server, storage, make_ingestor):
    server.publish("/feed", b"gone", status=404)
    feed, _ = await storage.feeds.add(server.url("/feed"), 0)
    clock = Clock()
    ingestor = make_ingestor(clock=clock)
    start = clock.now
    await ingestor.poll_due()
    first = await storage.feeds.get(feed.url)
    assert first.consecutive_failures == 1 and "404" in first.last_error
    assert first.next_attempt_at == start + INTERVAL * 2
    clock.now = first.next_attempt_at
    await ingestor.poll_due()
    second = await storage.feeds.get(feed.url)
    assert second.next_attempt_at == clock.now + INTERVAL * 4
    assert second.failing_since == start and second.disabled_reason is None
    clock.now = start + DISABLE_AFTER_S
    await ingestor.poll_due(force=True)
    disabled = await storage.feeds.get(feed.url)
    assert disabled.disabled_reason and "7 days" in disabled.disabled_reason
    assert await storage.feeds.due(clock.now + 10 * DISABLE_AFTER_S) == []


async def test_success_resets_failures(server, storage, make_ingestor):
    server.publish("/feed", b"oops", status=500)
    feed, _ = await storage.feeds.add(server.url("/feed"), 0)
    clock = Clock()
    ingestor = make_ingestor(clock=clock)
    await ingestor.poll_due()
    server.publish("/feed", rss(("a", "Back", "text")))
    clock.now += 10 * INTERVAL
    await ingestor.poll_due()
    healthy = await storage.feeds.get(feed.url)
    assert healthy.consecutive_failures == 0 and healthy.failing_since is None


async def test_broken_feed_does_not_affect_others(server, storage, make_ingestor):
    server.publish("/good", rss(("a", "Good story", "text")))
    server.publish("/bad", b"<html><body>Not a feed</body></html>", content_type="text/html")
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + b"x" * 10_000 + b'">]>'
        b"<rss><channel><title>&a;&a;&a;&a;&a;&a;&a;&a;</title></channel></rss>"
    )
    server.publish("/bomb", bomb)
    for path in ("/good", "/bad", "/bomb"):
        await storage.feeds.add(server.url(path), 0)
    report = await make_ingestor().poll_due()
    outcomes = {r.url.rsplit("/", 1)[1]: r.outcome for r in report.feeds}
    assert outcomes["good"] == "new" and outcomes["bad"] == "failed"
    assert [s.story.title for s in report.new] == ["Good story"]
    bad = await storage.feeds.get(server.url("/bad"))
    assert bad.last_error


async def test_refused_address_is_recorded(storage, make_ingestor):
    async with FeedServer(host="127.0.0.1") as private:
        private.publish("/feed", rss(("a", "Secret", "text")))
        feed, _ = await storage.feeds.add(private.url("/feed"), 0)
        report = await make_ingestor().poll_due()
        assert report.feeds[0].outcome == "failed"
        assert private.requests == []
    failed = await storage.feeds.get(feed.url)
    assert "127.0.0.1" in failed.last_error


async def test_local_file_poll(tmp_path, storage, make_ingestor):
    saved = tmp_path / "saved.xml"
    saved.write_bytes(rss(("a", "From a file", "text")))
    ingestor = make_ingestor()
    first = await ingestor.poll_urls([str(saved)])
    assert [s.story.title for s in first.new] == ["From a file"]
    assert (await ingestor.poll_urls([str(saved)])).new == []
    assert await storage.feeds.all() == []  # not put on the list
    missing = await ingestor.poll_urls([str(tmp_path / "missing.xml")])
    assert missing.feeds[0].outcome == "failed" and "cannot read" in missing.feeds[0].error
