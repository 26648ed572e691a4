"""One poll cycle: fetch due feeds, parse off the event loop, tag, store.

The flow is one way: fetch (feeds/ingest/fetch) -> parse (feeds/ingest/parse, in a worker
process) -> tag (feeds/nlp/tag, in a worker thread) -> storage, each feed's poll in one
transaction, which the feeds ready at the same time share (bot/pipeline/poll_writer.py).
Whatever goes wrong with one feed is recorded on that feed and the others carry on.

A feed is due again one poll interval after its previous poll *started*, so a feed
polled on one scheduler tick is polled again on the tick one interval later (counted
from when the poll ended, it was due a moment after that tick and waited for the next).
Stories are tagged as from a cycling feed only when the feed is one by measure
(bot/pipeline/cycling_share.py).

The tag cache: a changed feed usually carries one new story among dozens already stored,
and tagging is the costly step. A stored story is tagged again only when something that
decides its tags differs from when it was stored: its text (`content_hash`), or its tag
key (`tag_key`: the roster's fingerprint, the tagger's version, the feed's cycling
decision, the story's language and publication date). A roster change, or a new version
of the tagger's code or data (bot/pipeline/tagger_version.py: a lexicon, a cue list, a
rule), therefore re-tags stories lazily, when their feed next changes; nothing walks the
whole database again in the background (a feed that never changes keeps the tags it had,
as before the cache).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import aiosqlite

from bot.pipeline import cycling_share
from bot.pipeline.cycling_share import CyclingShare
from bot.pipeline.expansion import MAX_DUE_AHEAD, MAX_ROWS_PER_CALL, ExpansionReport, expand
from bot.pipeline.fanout import FanOut
from bot.pipeline.item_diff import (
    FeedMemo,
    memo_after_full,
    memo_after_items,
    new_items,
    split_items,
    trusted_keys,
)
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.poll_writer import MAX_FEEDS, PollWriter
from bot.pipeline.roster_state import RosterState
from bot.pipeline.tagger_version import bundled_tagger_version
from feeds.ingest.fetch import Fetcher, FetchResult
from feeds.models import ParsedFeed, Story, StoryTags
from storage import Storage
from storage.articles import (
    AfterSave,
    FeedState,
    PollToSave,
    SavedStory,
    StoredStory,
    content_hash,
)
from storage.feed_store import Feed, record_cycling_share

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 24 * 3600
DISABLE_AFTER_S = 7 * 24 * 3600
MAX_LOCAL_FEED_BYTES = 5 * 2**20
LOCAL_PREFIX = "file://"
# Fetched feeds that may be between parsing and tagging at once. Tagging (one thread)
# is the slow step; with no bound, a first poll of 500 feeds held every parsed story
# of the cycle in memory while it waited, and each full garbage collection walked
# them all (27-50 ms pauses). Three keep the parse worker, the tagging thread and
# the database busy at the same time; a tagged feed then waits for the writer among
# at most FEEDS_TO_WRITE others.
FEEDS_IN_PROCESS = 3
FEEDS_TO_WRITE = MAX_FEEDS
"""Parsed and tagged feeds that may wait for the database writer (bot/pipeline/poll_writer:
those that arrive while it writes go together in its next batch)."""
DUE_EARLY_S = 5.0
"""A tick polls the feeds due up to this much later (at most a tenth of the interval).
The scheduler's ticks are exactly one minute apart, but each reads the clock a little
after its tick, later on one than on another: a feed due one interval after the previous
tick's reading would be missed by a tick whose reading was a few milliseconds earlier."""

NewStories = Callable[[Feed, list[SavedStory]], Awaitable[None]]


@dataclass(slots=True)
class FeedReport:
    url: str
    outcome: str
    """"new", "unchanged", "not_modified" or "failed"."""
    new: list[SavedStory] = field(default_factory=list)
    """The new stories; emptied after `on_feed_done` unless the cycle keeps stories."""
    updated: int = 0
    error: str | None = None
    new_count: int = 0


@dataclass(slots=True)
class StageTimes:
    """Where ingestion's time went, summed over feeds since the Ingestor started (a
    cycle's share is the difference of two snapshots: bench/polling.py). Feeds overlap,
    so the wall-clock sums exceed a cycle; the serial stages' busy time (one parse
    worker, one tagging thread, one database writer) against the cycle's length is each
    one's utilisation."""

    fetch_s: float = 0.0
    """Waiting for answers (wall, summed over feeds fetched at once)."""
    queued_s: float = 0.0
    """Fetched bodies waiting for room in the bounded pipeline."""
    parse_s: float = 0.0
    """Awaiting the parse worker, the wait for it included."""
    tag_s: float = 0.0
    """The tagging thread's wall time inside `_tag_all` (its busy time)."""
    tag_cpu_s: float = 0.0
    tag_queue_s: float = 0.0
    """Tagging jobs waiting for the tagging thread."""
    store_s: float = 0.0
    """`save_poll` and the look-up of stored stories before tagging (wall)."""
    feeds_changed: int = 0
    feeds_diffed: int = 0
    """Changed feeds of which only the new items were parsed (item_diff.py)."""
    stories_tagged: int = 0
    stories_cached: int = 0

    def snapshot(self) -> StageTimes:
        return replace(self)


@dataclass(slots=True)
class CycleReport:
    feeds: list[FeedReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def new(self) -> list[SavedStory]:
        return [story for report in self.feeds for story in report.new]

    @property
    def new_count(self) -> int:
        return sum(report.new_count for report in self.feeds)

    @property
    def failed(self) -> list[FeedReport]:
        return [r for r in self.feeds if r.outcome == "failed"]


class Ingestor:
    def __init__(
        self,
        storage: Storage,
        fetcher: Fetcher,
        roster_state: RosterState,
        *,
        poll_interval_s: float,
        parse_pool: ParsePool,
        clock: Callable[[], float] = time.time,
        max_items: int = 200,
        fanout: FanOut | None = None,
        tag_cache: bool = True,
        tagger_version: Callable[[], str] | None = None,
        item_diff: bool = True,
    ) -> None:
        self.storage = storage
        self.fetcher = fetcher
        self.roster_state = roster_state
        self.poll_interval_s = poll_interval_s
        self.parse_pool = parse_pool
        self.clock = clock
        self.max_items = max_items
        self.fanout = fanout
        """Queues new stories for fan-out inside the poll's transaction (pipeline/fanout);
        a FanOut's queue is expanded into outbox rows after each cycle (`expand_pending`)."""
        self.tag_cache = tag_cache
        """False (tests only): tag every story of a changed feed and rewrite every known
        story's tags, the reference the cache must agree with."""
        self.item_diff = item_diff and tag_cache
        """Parse only a changed feed's new items when the rest is known (item_diff.py);
        False: every changed feed whole, the reference it must agree with (tests)."""
        self._memos: dict[int, FeedMemo] = {}
        """Each feed's items as last parsed, by feed id (item_diff.FeedMemo)."""
        self.tagger_version = tagger_version or bundled_tagger_version
        """The version of the tagger's code and data, part of every tag key (called in
        the tagging thread: the first call reads the package files)."""
        self.due_early_s = min(DUE_EARLY_S, poll_interval_s / 10)
        self._cycle_lock = asyncio.Lock()
        self._expanding = asyncio.Lock()
        # Every feed is tagged in this one thread. Tagging is pure Python under the GIL,
        # so a second thread adds no speed, only contention: with the default executor's
        # six threads all tagging, the event loop waited up to ~200 ms for the GIL
        # (bench/polling.py).
        self._tagging = ThreadPoolExecutor(max_workers=1, thread_name_prefix="domestique-tag")
        self._in_process = asyncio.Semaphore(FEEDS_IN_PROCESS)
        self._to_write = asyncio.Semaphore(FEEDS_TO_WRITE)
        self.writer = PollWriter(storage, FEEDS_TO_WRITE)
        self.stages = StageTimes()

    def close(self) -> None:
        self._tagging.shutdown(wait=True, cancel_futures=True)

    async def poll_due(
        self,
        *,
        force: bool = False,
        on_feed_done: Callable[[FeedReport, int, int], None] | None = None,
        keep_stories: bool = True,
    ) -> CycleReport:
        """Poll every listed feed that is due (all enabled ones with `force`).

        Without `keep_stories` the report keeps counts only: the bot delivers through
        the outbox, and a first poll of hundreds of feeds would otherwise hold every
        story until the cycle ends (each full garbage collection walking them all).
        """
        async with self._cycle_lock:
            now = self.clock()
            feeds = await self.storage.feeds.due(float("inf") if force else now + self.due_early_s)
            report = await self._poll_many(feeds, on_feed_done, keep_stories)
            if report.feeds:
                await self.storage.meta.set("last_cycle_at", repr(self.clock()))
            await self._expand_after_cycle()
            return report

    async def poll_urls(
        self,
        sources: Sequence[str],
        on_feed_done: Callable[[FeedReport, int, int], None] | None = None,
    ) -> CycleReport:
        """Poll the given URLs or local files now, without listing them for the scheduler."""
        async with self._cycle_lock:
            feeds = []
            for source in sources:
                key = _source_key(source)
                feed, _ = await self.storage.feeds.add(key, self.clock(), listed=False)
                feeds.append(feed)
            report = await self._poll_many(feeds, on_feed_done, keep_stories=True)
            await self._expand_after_cycle()
            return report

    async def expand_pending(self, *, ahead: int | None = MAX_DUE_AHEAD) -> ExpansionReport:
        """Turn stories queued for fan-out into outbox rows, at most `ahead` due posts
        ahead of delivery (bot/pipeline/expansion.py; None: no such bound). Runs after
        each cycle and from the delivery worker's tick, one at a time: a call while one is
        under way returns at once (the running one reads the queue afresh for each story,
        and the next tick goes on), so a delivery tick never waits for it."""
        fanout = self.fanout
        if fanout is None or self._expanding.locked():
            return ExpansionReport()
        async with self._expanding:
            return await expand(
                self.storage, fanout, ahead=ahead, max_rows=MAX_ROWS_PER_CALL, clock=self.clock
            )

    async def _expand_after_cycle(self) -> None:
        # The cycle's stories are stored and queued whatever happens here: a failure
        # leaves them queued for the next try, and must not fail the cycle.
        try:
            await self.expand_pending()
        except sqlite3.Error as exc:
            log.warning("fan-out expansion stopped, queued stories wait: %s", exc)
        except Exception:
            log.exception("fan-out expansion failed, queued stories wait")

    async def _poll_many(
        self,
        feeds: Sequence[Feed],
        on_feed_done: Callable[[FeedReport, int, int], None] | None,
        keep_stories: bool,
    ) -> CycleReport:
        started = time.perf_counter()
        cycle = CycleReport()
        # Most polls find nothing new: their rows are written together at the end (one
        # transaction, not one each). Lost in a crash, they only make those feeds due again.
        unchanged: list[tuple[int, float, float]] = []

        async def one(feed: Feed) -> None:
            report = await self.poll_feed(feed, unchanged)
            cycle.feeds.append(report)
            if on_feed_done:
                on_feed_done(report, len(cycle.feeds), len(feeds))
            if not keep_stories:
                report.new = []

        # The fetcher bounds concurrency itself (globally and per host).
        try:
            await asyncio.gather(*(one(feed) for feed in feeds))
        finally:
            await self.writer.idle()  # a cancelled cycle's batch under way ends first
            await self.storage.feeds.record_unchanged_many(unchanged)
        cycle.seconds = time.perf_counter() - started
        return cycle

    async def poll_feed(
        self, feed: Feed, unchanged: list[tuple[int, float, float]] | None = None
    ) -> FeedReport:
        """One feed. A poll that finds nothing new is written at once, or added to
        `unchanged` for the caller to write."""
        try:
            return await self._poll_feed(feed, unchanged)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one broken feed never stops the cycle
            log.exception("polling %s failed unexpectedly", feed.url)
            return await self._fail(feed, f"internal error: {type(exc).__name__}: {exc}")

    async def _poll_feed(
        self, feed: Feed, unchanged: list[tuple[int, float, float]] | None
    ) -> FeedReport:
        started = self.clock()
        fetching = time.perf_counter()
        result = await self._fetch(feed)
        self.stages.fetch_s += time.perf_counter() - fetching
        now = self.clock()
        if result.outcome == "failed":
            error = result.error or "fetch failed"
            return await self._fail(feed, error, result.retry_after, started=started)
        if result.outcome == "not_modified" or result.body is None:
            return await self._nothing_new(feed, now, started, "not_modified", unchanged)
        body_hash = hashlib.sha256(result.body).hexdigest()
        if body_hash == feed.body_hash and feed.primed:
            return await self._nothing_new(feed, now, started, "unchanged", unchanged)
        waiting = time.perf_counter()
        async with self._in_process:
            self.stages.queued_s += time.perf_counter() - waiting
            ready = await self._parse_new(feed, result.body, result, body_hash, now, started)
            # Room among the feeds waiting for the writer before the next feed comes in.
            await self._to_write.acquire()
        try:
            if isinstance(ready, FeedReport):
                return ready
            return await self._store(feed, *ready)
        finally:
            self._to_write.release()

    async def _parse_new(
        self,
        feed: Feed,
        body: bytes,
        result: FetchResult,
        body_hash: str,
        now: float,
        started: float,
    ) -> tuple[PollToSave, FeedMemo | None] | FeedReport:
        """Parse and tag a feed whose body changed: only its new items when the rest is known
        (bot/pipeline/item_diff.py), else all of it. The poll to store, with the feed's memo
        once it is stored; or the report of a failure."""
        self.stages.feeds_changed += 1
        url = result.final_url or feed.url
        measured = CyclingShare(feed.cycling_share, feed.stories_measured)
        memo = self._memos.pop(feed.id, None)  # kept again only once this poll is stored
        split = split_items(body) if self.item_diff else None
        done: tuple[ParsedFeed, CyclingShare, Tagged] | str | None = None
        next_memo = None
        # Under another roster or tagger every stored story is tagged again: all of it.
        fingerprint = self._fingerprint(self.roster_state.tagging()[1])
        if (
            split is not None
            and memo is not None
            and feed.primed  # a feed added again under the same id has nothing stored
            and measured.measured
            and memo.context[0] == fingerprint
        ):
            fresh = new_items(split, memo, self.max_items)
            if fresh is not None:
                done = await self._parse_and_tag(feed, url, split.only(fresh), measured, memo)
                if isinstance(done, tuple) and len(done[0].stories) == len(fresh):
                    self.stages.feeds_diffed += 1
                    keys = [s.key for s in done[0].stories]
                    next_memo = memo_after_items(memo, split, keys, done[2].context)
                else:
                    done = None  # not one story an item, or not vouched for: parse it all
        if done is None:
            done = await self._parse_and_tag(feed, url, body, measured, None)
            if isinstance(done, str):
                return await self._fail(feed, done, started=started)
            if split is not None:
                keys = [s.key for s in done[0].stories]
                next_memo = memo_after_full(split, keys, self.max_items, done[2].context)
        assert not isinstance(done, str)
        parsed, share, tagged = done
        state = FeedState(
            title=parsed.title,
            etag=result.etag,
            last_modified=result.last_modified,
            body_hash=body_hash,
            next_attempt_at=self._next_poll(started),
        )
        poll = PollToSave(feed.id, tagged.items, state, now, self._after_save(share), tagged.keys)
        return poll, next_memo

    async def _store(self, feed: Feed, poll: PollToSave, next_memo: FeedMemo | None) -> FeedReport:
        clock = time.perf_counter()
        if self.tag_cache:
            saved = await self.writer.save(poll)
        else:  # the cache's reference (tests): every known story's tags written again
            saved = await self.storage.articles.save_poll(
                poll.feed_id,
                poll.items,
                poll.state,
                poll.now,
                after=poll.after,
                tagged_with=poll.tagged_with,
                rewrite_tags=True,
            )
        self.stages.store_s += time.perf_counter() - clock
        if next_memo is not None:
            self._memos[feed.id] = next_memo
        outcome = "new" if saved.new else "unchanged"
        return FeedReport(feed.url, outcome, saved.new, saved.updated, new_count=len(saved.new))

    async def _parse_and_tag(
        self,
        feed: Feed,
        url: str,
        body: bytes,
        measured: CyclingShare,
        memo: FeedMemo | None,
    ) -> tuple[ParsedFeed, CyclingShare, Tagged] | str | None:
        """Parse and tag `body`: the whole feed (`memo` None), or only its new items, which
        the feed's `memo` vouches the rest of. Then None when it turns out it cannot (a
        repeated guid, another tag context): the caller parses the whole body. A whole
        body's parse error is returned as its message."""
        stages = self.stages
        clock = time.perf_counter()
        parsed = await self.parse_pool.parse(body, url, self.max_items)
        stages.parse_s += time.perf_counter() - clock
        if parsed.error:
            return None if memo is not None else parsed.error
        keys = [s.key for s in parsed.stories]
        if memo is not None and not trusted_keys(keys, memo.keys):
            return None
        clock = time.perf_counter()
        stored = await self.storage.articles.stored(feed.id, keys)
        stages.store_s += time.perf_counter() - clock
        # Measured on stories not seen before; a feed never measured (new, or polled
        # before feeds were measured) on every story it carries now.
        known = set(stored) if measured.measured else set()
        clock = time.perf_counter()
        share, tagged = await asyncio.get_running_loop().run_in_executor(
            self._tagging, self._tag_all, parsed.stories, measured, known, stored
        )
        stages.tag_queue_s += time.perf_counter() - clock - tagged.seconds
        if memo is not None and tagged.context != memo.context:
            return None  # the stored stories would be tagged again: parse them all
        return parsed, share, tagged

    def _after_save(self, share: CyclingShare) -> AfterSave:
        """Runs in save_poll's transaction when there are new stories: the feed's share
        is stored with the stories it was measured on, then the fan-out."""

        async def after(
            conn: aiosqlite.Connection, feed_id: int, new: list[SavedStory], now: float
        ) -> None:
            await record_cycling_share(conn, feed_id, share.share, share.measured)
            if self.fanout is not None:
                await self.fanout(conn, feed_id, new, now)

        return after

    async def _nothing_new(
        self,
        feed: Feed,
        now: float,
        started: float,
        outcome: str,
        unchanged: list[tuple[int, float, float]] | None,
    ) -> FeedReport:
        poll = (feed.id, now, self._next_poll(started))
        if unchanged is None:
            await self.storage.feeds.record_unchanged(*poll)
        else:
            unchanged.append(poll)
        return FeedReport(feed.url, outcome)

    async def _fetch(self, feed: Feed) -> FetchResult:
        if feed.url.startswith(LOCAL_PREFIX):
            return await asyncio.to_thread(_read_local, feed.url)
        return await self.fetcher.fetch(feed.url, feed.etag, feed.last_modified)

    def _tag_all(
        self,
        stories: Sequence[Story],
        measured: CyclingShare,
        known: set[str],
        stored: Mapping[str, StoredStory],
    ) -> tuple[CyclingShare, Tagged]:
        """The feed's share with the stories not `known` before, and the stories that need
        tagging tagged as that share says (cycling feed or not): every story but those
        `stored` with the same text and tag key."""
        clock, cpu = time.perf_counter(), time.thread_time()
        tagger, roster_print = self.roster_state.tagging()  # one snapshot for the whole feed
        fingerprint = self._fingerprint(roster_print)
        fresh = [s for s in stories if s.key not in known]
        share = measured.add(cycling_share.contexts(tagger, fresh))
        out = Tagged()
        for story in stories:
            published = story.published.date() if story.published else None
            key = tag_key(fingerprint, share.is_cycling, story.language, published)
            before = stored.get(story.key)
            if (
                self.tag_cache
                and before is not None
                and before.tagged_with == key
                and before.content_hash == content_hash(story)
            ):
                out.cached += 1
                continue
            text = cycling_share.story_text(story)
            tags = tagger.tag(
                story.title,
                text,
                published,
                feed_is_cycling=share.is_cycling,
                language=story.language,
            )
            out.items.append((story, tags))
            out.keys[story.key] = key
        out.context = (fingerprint, share.is_cycling)
        out.seconds = time.perf_counter() - clock
        stages = self.stages  # only this thread writes the tagging figures
        stages.tag_s += out.seconds
        stages.tag_cpu_s += time.thread_time() - cpu
        stages.stories_tagged += len(out.items)
        stages.stories_cached += out.cached
        return share, out

    def _fingerprint(self, roster_print: str) -> str:
        """The roster's and the tagger's fingerprints together: what a tag key holds of them."""
        return f"{roster_print}/{self.tagger_version()}"

    def _next_poll(self, started: float) -> float:
        return started + self.poll_interval_s

    async def _fail(
        self,
        feed: Feed,
        error: str,
        retry_after: float | None = None,
        *,
        started: float | None = None,
    ) -> FeedReport:
        """Back off: due again interval × 2^failures after this poll started (at most
        24 h), and never before the feed's Retry-After has passed (from its answer)."""
        now = self.clock()
        failures = feed.consecutive_failures + 1
        next_at = (now if started is None else started) + min(
            self.poll_interval_s * 2**failures, MAX_BACKOFF_S
        )
        if retry_after:
            # The tick tolerance must not bring a Retry-After forward.
            wait = min(retry_after, MAX_BACKOFF_S) + self.due_early_s
            next_at = max(next_at, now + wait)
        failing_since = feed.failing_since or now
        disabled = None
        if now - failing_since >= DISABLE_AFTER_S:
            disabled = f"disabled after failing for 7 days; last error: {error}"
            log.warning("feed %s disabled: %s", feed.url, error)
        else:
            log.info("feed %s failed (%d in a row): %s", feed.url, failures, error)
        await self.storage.feeds.record_failure(feed.id, now, error, next_at, disabled)
        return FeedReport(feed.url, "failed", error=error)


@dataclass(slots=True)
class Tagged:
    """A changed feed's stories that needed tagging, with their tag keys by story key."""

    items: list[tuple[Story, StoryTags]] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    cached: int = 0
    """Stories skipped: stored with the same text and tag key."""
    seconds: float = 0.0
    context: tuple[str, bool] = ("", False)
    """What every story was tagged under: roster and tagger fingerprint, cycling feed."""


def tag_key(
    fingerprint: str, feed_is_cycling: bool, language: str | None, published: date | None
) -> str:
    """What a story's tags are computed from besides its text (see the module's docstring).
    The tagger reads the publication date as a day (which team a rider rode for)."""
    parts = (fingerprint, "1" if feed_is_cycling else "0", language or "", published or "")
    return hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()


def _source_key(source: str) -> str:
    if "://" in source:
        return source
    return LOCAL_PREFIX + str(Path(source).expanduser().resolve())


def _read_local(key: str) -> FetchResult:
    path = Path(key.removeprefix(LOCAL_PREFIX))
    try:
        with path.open("rb") as handle:
            body = handle.read(MAX_LOCAL_FEED_BYTES + 1)
    except OSError as exc:
        return _local_result(key, None, f"cannot read {path}: {exc.strerror or exc}")
    if len(body) > MAX_LOCAL_FEED_BYTES:
        return _local_result(key, None, f"{path} is larger than 5 MiB")
    return _local_result(key, body, None)


def _local_result(key: str, body: bytes | None, error: str | None) -> FetchResult:
    return FetchResult(
        url=key,
        final_url=None,
        outcome="failed" if error else "fetched",
        http_status=None,
        body=body,
        etag=None,
        last_modified=None,
        error=error,
        retry_after=None,
    )
