"""Deferred fan-out on both engines: the poll queues, expansion writes the outbox rows,
oldest story first, one story per transaction, never far ahead of delivery."""

from __future__ import annotations

import pytest

from bot.pipeline.expansion import expand
from bot.pipeline.fanout import FanOut
from feeds.models import StoryTags
from storage import Storage
from storage import outbox_fanout as sql
from storage import outbox_pending as queue
from storage.articles import FeedState
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
    report = await expand(storage, FANOUT, ahead=None)
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
    await expand(storage, FANOUT, ahead=None)
    assert await outbox(storage) == [("a", "channel:100")]
    assert kept.id < removed.id
    await poll(storage, feed, "b")  # the next story reaches them
    await expand(storage, FANOUT, ahead=None)
    assert sorted(t for k, t in await outbox(storage) if k == "b") == [
        "channel:100",
        "channel:200",
        "user:8",
    ]


class Crashing(FanOut):
    """Dies after writing a story's rows, before its transaction commits."""

    async def expand_one(self, conn, pending) -> int:  # type: ignore[no-untyped-def]
        await super().expand_one(conn, pending)
        raise RuntimeError("killed mid-expansion")


async def test_a_leader_killed_mid_expansion_loses_and_doubles_nothing(storage):
    feed = await primed(storage)
    await subscribe(storage, G1, 100, "all")
    await poll(storage, feed, "a")
    with pytest.raises(RuntimeError):
        await expand(storage, Crashing(48 * 3600, DEFAULTS), ahead=None)
    assert await outbox(storage) == []
    assert await waiting(storage) == 1
    await expand(storage, FANOUT, ahead=None)
    assert await outbox(storage) == [("a", "channel:100")]
    assert (await expand(storage, FANOUT, ahead=None)).stories == 0


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
