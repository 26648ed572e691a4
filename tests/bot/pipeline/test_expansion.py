"""Deferred fan-out on both engines: the poll queues, expansion writes the outbox rows,
oldest story first, one story per transaction, never far ahead of delivery."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest

from bot.pipeline.expansion import expand
from bot.pipeline.fanout import FanOut
from bot.pipeline.ingest import Ingestor
from bot.pipeline.story_facts import StoryFacts
from feeds.models import StoryTags
from storage import Storage
from storage import outbox_fanout as sql
from storage import outbox_pending as queue
from storage.articles import FeedState
from storage.outbox import GIVE_UP_AFTER_S
from tests.bot.pipeline.test_fanout import DEFAULTS, NOW, POGI, story, subscribe

FANOUT = FanOut(48 * 3600, DEFAULTS)
G1, G2 = 11, 22


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    yield store
    await store.close()


async def primed(storage: Storage) -> int:
    feed, _ = await storage.feeds.add(DEFAULTS[0], NOW)
    await storage.articles.save_poll(
        feed.id, [(story("old"), POGI)], FeedState("Feed", None, None, "h0", NOW), NOW, FANOUT
    )
    return feed.id


async def poll(storage: Storage, feed_id: int, *keys: str, tags: StoryTags = POGI) -> None:
    """One poll of the feed carrying `keys`: stored and queued, not expanded."""
    await storage.articles.save_poll(
        feed_id,
        [(story(key), tags) for key in keys],
        FeedState("Feed", None, None, "-".join(keys), NOW),
        NOW,
        after=FANOUT,
    )


async def outbox(storage: Storage) -> list[tuple[str, str]]:
    rows = await storage.reader.execute_fetchall(
        "SELECT a.key, o.target FROM outbox o JOIN articles a ON a.id = o.article_id ORDER BY o.id"
    )
    return [(str(r[0]), str(r[1])) for r in rows]


async def waiting(storage: Storage) -> int:
    async with storage.transaction() as conn:
        return await queue.waiting(conn)


async def test_the_poll_queues_the_story_and_expansion_writes_its_rows(storage):
    feed = await primed(storage)
    await subscribe(storage, G1, 100, "all")
    await storage.follows.add(7, "rider", "person:tadej-pogacar", "each", NOW, 50)
    await poll(storage, feed, "a")
    assert await outbox(storage) == []  # the poll wrote no row...
    assert await waiting(storage) == 1  # ...but recorded the story's fan-out
    report = await expand(storage, FANOUT, ahead=None, clock=lambda: NOW)
    assert (report.stories, report.rows, report.paused) == (1, 2, False)
    assert sorted(await outbox(storage)) == [("a", "channel:100"), ("a", "user:7")]
    assert await waiting(storage) == 0
    (item,) = [i for i in await storage.outbox.due(NOW + 1) if i.target == "channel:100"]
    assert item.created_at == NOW  # stamped with the time the story was queued


async def test_subscriptions_and_follows_made_after_the_story_was_queued_do_not_get_it(storage):
    feed = await primed(storage)
    kept = await subscribe(storage, G1, 100, "all")
    removed = await subscribe(storage, G1, 101, "all")
    await poll(storage, feed, "a")
    assert await storage.subscriptions.remove(G1, removed.id)
    await subscribe(storage, G2, 200, "all")  # after the poll
    await storage.follows.add(8, "rider", "person:tadej-pogacar", "each", NOW, 50)
    await expand(storage, FANOUT, ahead=None, clock=lambda: NOW)
    assert await outbox(storage) == [("a", "channel:100")]
    assert kept.id < removed.id
    await poll(storage, feed, "b")  # the next story reaches them
    await expand(storage, FANOUT, ahead=None, clock=lambda: NOW)
    assert sorted(t for k, t in await outbox(storage) if k == "b") == [
        "channel:100",
        "channel:200",
        "user:8",
    ]


class Crashing(FanOut):
    """Stops after writing a story's rows, before its transaction commits: cancelled as
    the leader shuts down, or the database failing."""

    def __init__(self, failure: BaseException) -> None:
        super().__init__(48 * 3600, DEFAULTS)
        self.failure = failure

    async def expand_one(self, conn, pending) -> int:  # type: ignore[no-untyped-def]
        await super().expand_one(conn, pending)
        raise self.failure


@pytest.mark.parametrize(
    "failure", [asyncio.CancelledError(), sqlite3.OperationalError("disk I/O error")]
)
async def test_a_leader_stopped_mid_expansion_loses_and_doubles_nothing(storage, failure):
    feed = await primed(storage)
    await subscribe(storage, G1, 100, "all")
    await poll(storage, feed, "a")
    with pytest.raises(type(failure)):
        await expand(storage, Crashing(failure), ahead=None, clock=lambda: NOW)
    assert await outbox(storage) == []
    assert await waiting(storage) == 1  # not the story's fault: it stays queued
    await expand(storage, FANOUT, ahead=None, clock=lambda: NOW)
    assert await outbox(storage) == [("a", "channel:100")]
    assert (await expand(storage, FANOUT, ahead=None, clock=lambda: NOW)).stories == 0


class Buggy(FanOut):
    """Fails on one story the way a bug in matching would."""

    def __init__(self, title: str) -> None:
        super().__init__(48 * 3600, DEFAULTS)
        self.title = title

    async def expand_one(self, conn, pending) -> int:  # type: ignore[no-untyped-def]
        if StoryFacts.decode(pending.story).title == self.title:
            raise KeyError("focus")
        return await super().expand_one(conn, pending)


async def article_id(storage: Storage, key: str) -> int:
    rows = await storage.reader.execute_fetchall("SELECT id FROM articles WHERE key = ?", (key,))
    return int(rows[0][0])


async def rewrite_record(storage: Storage, key: str, story: str) -> None:
    async with storage.transaction() as conn:
        await conn.execute(
            "UPDATE fanout_pending SET story = ? WHERE article_id = ?",
            (story, await article_id(storage, key)),
        )


async def test_a_story_that_cannot_be_expanded_is_set_aside_and_the_rest_go_on(storage, caplog):
    feed = await primed(storage)
    await subscribe(storage, G1, 100, "all")
    await poll(storage, feed, "a", "b", "c", "d")
    await rewrite_record(storage, "a", "not JSON {")
    await rewrite_record(storage, "b", "[1, 2]")
    report = await expand(storage, Buggy(story("c").title), ahead=None, clock=lambda: NOW)
    assert (report.stories, report.set_aside) == (1, 3)
    assert await outbox(storage) == [("d", "channel:100")]
    assert await waiting(storage) == 0  # set aside: nothing left to stop later stories
    ids = {key: await article_id(storage, key) for key in "abc"}
    logged = [r.getMessage() for r in caplog.records if "set aside" in r.getMessage()]
    assert [f"story {ids[k]} " in m for k, m in zip("abc", logged, strict=True)] == [True] * 3
    assert "KeyError" in caplog.text and "JSONDecodeError" in caplog.text


async def test_a_record_of_another_release_is_read_with_defaults(storage):
    feed = await primed(storage)
    await subscribe(storage, G1, 100, "all")
    await subscribe(storage, G1, 101, "rider", "person:tadej-pogacar")
    await poll(storage, feed, "a", "b")
    # "a" from an older release (fewer fields), "b" from a newer one (an extra field).
    facts = json.loads((await pending(storage))[0].story)
    older = {k: v for k, v in facts.items() if k not in ("focus", "own", "kind", "sort_at")}
    await rewrite_record(storage, "a", json.dumps(older))
    newer = json.loads((await pending(storage))[1].story) | {"mood": "sunny"}
    await rewrite_record(storage, "b", json.dumps(newer))
    report = await expand(storage, FANOUT, ahead=None, clock=lambda: NOW)
    assert (report.stories, report.set_aside) == (2, 0)
    assert sorted(await outbox(storage)) == [
        ("a", "channel:100"),
        ("a", "channel:101"),
        ("b", "channel:100"),
        ("b", "channel:101"),
    ]


def test_story_facts_decode_fills_what_is_missing_and_ignores_what_is_unknown():
    facts = StoryFacts.decode('{"entities": ["person:x"], "title": "T", "extra": 1}', queued_at=5)
    assert facts.entities == ["person:x"] and facts.title == "T"
    assert (facts.focus, facts.kind, facts.own, facts.sort_at, facts.source) == (
        None,
        "other",
        [],
        5,
        None,
    )
    with pytest.raises(ValueError):
        StoryFacts.decode("null")


async def pending(storage: Storage) -> list[queue.PendingFanOut]:
    rows = await storage.reader.execute_fetchall(
        "SELECT article_id, feed_id, public, queued_at, story FROM fanout_pending "
        "ORDER BY article_id"
    )
    return [queue.PendingFanOut(int(r[0]), int(r[1]), bool(r[2]), float(r[3]), r[4]) for r in rows]


async def test_stories_too_old_to_post_are_dropped_without_rows(storage):
    feed = await primed(storage)
    await subscribe(storage, G1, 100, "all")
    await poll(storage, feed, "a")  # published ten minutes before NOW, queued at NOW
    # Past delivery's give-up, counted from the queue time: dead on arrival.
    report = await expand(storage, FANOUT, ahead=None, clock=lambda: NOW + GIVE_UP_AFTER_S)
    assert (report.stories, report.too_old, report.rows) == (0, 1, 0)
    assert await outbox(storage) == [] and await waiting(storage) == 0
    # Past the story age limit (counted from publication, as the poll counts it).
    await poll(storage, feed, "b")
    hour = FanOut(3600, DEFAULTS)
    report = await expand(storage, hour, ahead=None, clock=lambda: NOW + 3600 - 60)
    assert (report.stories, report.too_old) == (0, 1)
    await poll(storage, feed, "c")
    report = await expand(storage, hour, ahead=None, clock=lambda: NOW + 60)
    assert (report.stories, report.too_old) == (1, 0)
    assert await outbox(storage) == [("c", "channel:100")]


async def test_each_call_writes_a_bounded_number_of_rows_of_any_kind(storage):
    feed = await primed(storage)
    for channel in (100, 101, 102):
        await subscribe(storage, G1, channel, "all", mode="digest")  # never due one by one
    await poll(storage, feed, "a", "b", "c")
    report = await expand(storage, FANOUT, max_rows=4, clock=lambda: NOW + 1)
    assert (report.stories, report.rows, report.paused) == (2, 6, True)
    report = await expand(storage, FANOUT, max_rows=4, clock=lambda: NOW + 1)
    assert (report.stories, report.rows, report.paused) == (1, 3, False)


async def test_a_call_while_expansion_is_under_way_returns_at_once(storage):
    feed = await primed(storage)
    await subscribe(storage, G1, 100, "all")
    await poll(storage, feed, "a")
    slow = Slow(48 * 3600, DEFAULTS)
    ingestor = Ingestor(
        storage,
        None,  # type: ignore[arg-type]  # neither fetches nor tags here
        None,  # type: ignore[arg-type]
        poll_interval_s=600,
        parse_pool=None,  # type: ignore[arg-type]
        fanout=slow,
        clock=lambda: NOW + 1,
    )
    try:
        running = asyncio.create_task(ingestor.expand_pending())
        await slow.inside.wait()
        # The delivery tick's call: it must not wait for the running one.
        skipped = await asyncio.wait_for(ingestor.expand_pending(), timeout=30)
        assert skipped.stories == 0 and not running.done()
        slow.go_on.set()
        assert (await running).stories == 1
    finally:
        slow.go_on.set()
        ingestor.close()
    assert await outbox(storage) == [("a", "channel:100")]


class Slow(FanOut):
    """Waits inside a story's expansion until told to go on."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.inside = asyncio.Event()
        self.go_on = asyncio.Event()

    async def expand_one(self, conn, pending) -> int:  # type: ignore[no-untyped-def]
        self.inside.set()
        await self.go_on.wait()
        return await super().expand_one(conn, pending)


async def test_stories_are_expanded_oldest_first_and_pause_while_delivery_is_behind(storage):
    feed = await primed(storage)
    for channel in (100, 101, 102):
        await subscribe(storage, G1, channel, "all")
    await poll(storage, feed, "a", "b")
    await poll(storage, feed, "c")
    # Three posts due after the first story: at most two ahead, so it stops there.
    report = await expand(storage, FANOUT, ahead=2, clock=lambda: NOW + 1)
    assert (report.stories, report.rows, report.paused) == (1, 3, True)
    assert {k for k, _ in await outbox(storage)} == {"a"}
    # Posts due later (held, or waiting out a retry) do not count.
    report = await expand(storage, FANOUT, ahead=4, clock=lambda: NOW - 1)
    assert (report.stories, report.paused) == (2, False)
    assert [k for k, _ in await outbox(storage)] == ["a"] * 3 + ["b"] * 3 + ["c"] * 3
    assert (await expand(storage, FANOUT, ahead=4, clock=lambda: NOW + 1)).paused is False


async def test_many_targets_are_written_whole_in_chunks_and_never_twice(storage):
    feed = await primed(storage)
    await poll(storage, feed, "a", tags=StoryTags())
    (article_id,) = [
        int(r[0])
        for r in await storage.reader.execute_fetchall("SELECT id FROM articles WHERE key = 'a'")
    ]
    count = 500 + 50 + 5 + 1 + 1  # every chunk size, and the last one twice
    rows = [sql.NewRow(f"user:{n}", None, None, None, None, False) for n in range(count)]
    async with storage.transaction() as conn:
        assert await sql.insert_rows(conn, article_id, rows, NOW, ["Elsewhere"]) == count
    async with storage.transaction() as conn:
        assert await sql.insert_rows(conn, article_id, rows[-600:], NOW) == 0
    found = await storage.reader.execute_fetchall(
        "SELECT COUNT(*), COUNT(DISTINCT nonce), MIN(also_on) FROM outbox WHERE article_id = ?",
        (article_id,),
    )
    assert tuple(found[0]) == (count, count, '["Elsewhere"]')


async def test_a_subscription_or_follow_turned_back_on_gets_nothing_stored_while_it_was_off(
    storage,
):
    feed = await primed(storage)
    await subscribe(storage, G1, 100, "all")
    await storage.follows.add(7, "rider", "person:tadej-pogacar", "each", NOW, 50)
    await storage.follows.add(7, "team", "team:uae", "each", NOW, 50)
    await subscribe(storage, G2, 200, "all")  # stays on throughout
    await storage.subscriptions.disable_channel(G1, 100, "403 Missing Access", NOW)
    await storage.follows.pause_user(7, "DMs closed", NOW)
    await poll(storage, feed, "a")  # queued while they are off
    await subscribe(storage, G1, 100, "all")  # the moderators fixed the channel
    await storage.follows.add(7, "rider", "person:tadej-pogacar", "each", NOW, 50)  # resumes both
    await expand(storage, FANOUT, ahead=None, clock=lambda: NOW)
    assert await outbox(storage) == [("a", "channel:200")]
    await poll(storage, feed, "b")
    await expand(storage, FANOUT, ahead=None, clock=lambda: NOW)
    assert sorted(t for k, t in await outbox(storage) if k == "b") == [
        "channel:100",
        "channel:200",
        "user:7",
    ]
