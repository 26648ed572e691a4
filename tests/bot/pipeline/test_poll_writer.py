"""The poll writer (bot/pipeline/poll_writer.py): polls that arrive while a batch is written
go together in the next one, each poll gets its own result, and trouble stays with the poll
that has it."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from bot.pipeline.poll_writer import PollWriter
from feeds.models import Story, StoryTags
from storage import Storage
from storage.articles import FeedState, PollToSave

NOW = 1.8e9


def poll(feed_id: int, *keys: str) -> PollToSave:
    items = [(Story(f"guid:{k}", None, f"story {k}"), StoryTags(riders=[k])) for k in keys]
    return PollToSave(feed_id, items, FeedState(None, None, None, f"h{keys}", NOW + 60), NOW)


async def feeds(storage: Storage, n: int) -> list[int]:
    return [(await storage.feeds.add(f"https://w{i}.example/", NOW))[0].id for i in range(n)]


async def test_polls_arriving_during_a_write_go_together_next(storage: Storage) -> None:
    ids = await feeds(storage, 6)
    writer = PollWriter(storage)
    first = asyncio.ensure_future(writer.save(poll(ids[0], "a")))
    await asyncio.sleep(0)  # the first batch starts with the first poll alone
    rest = [asyncio.ensure_future(writer.save(poll(i, f"s{i}", f"t{i}"))) for i in ids[1:]]
    results = await asyncio.gather(first, *rest)
    assert (writer.batches, writer.polls) == (2, 6)
    assert [[s.story.key for s in r.new] for r in results] == [["guid:a"]] + [
        [f"guid:s{i}", f"guid:t{i}"] for i in ids[1:]
    ]
    article_ids = [s.article_id for r in results for s in r.new]
    assert article_ids == sorted(article_ids) and len(set(article_ids)) == 11
    rows = await storage.reader.execute_fetchall(
        "SELECT feed_id, COUNT(*) FROM articles GROUP BY feed_id ORDER BY feed_id"
    )
    assert [tuple(r) for r in rows] == [(ids[0], 1)] + [(i, 2) for i in ids[1:]]


async def test_a_poll_the_batch_cannot_take_is_written_alone(storage: Storage) -> None:
    [feed] = await feeds(storage, 1)
    writer = PollWriter(storage)
    await writer.save(poll(feed, "a"))
    # One known story among new ones, the same feed twice, a feed that is gone.
    again, twice, gone = await asyncio.gather(
        writer.save(poll(feed, "a", "b")),
        writer.save(poll(feed, "c")),
        writer.save(poll(-1, "d")),
        return_exceptions=True,
    )
    assert [s.story.key for s in again.new] == ["guid:b"] and again.unchanged == 1
    assert [s.story.key for s in twice.new] == ["guid:c"]
    assert isinstance(gone, LookupError)


async def test_a_failed_batch_writes_each_poll_alone(storage, monkeypatch) -> None:
    ids = await feeds(storage, 2)
    writer = PollWriter(storage)

    async def broken(polls):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(storage.articles, "save_polls", broken)
    results = await asyncio.gather(*(writer.save(poll(i, f"x{i}")) for i in ids))
    assert [[s.story.key for s in r.new] for r in results] == [[f"guid:x{i}"] for i in ids]


async def test_a_cancelled_poll_still_waiting_is_not_written(storage: Storage) -> None:
    ids = await feeds(storage, 3)
    writer = PollWriter(storage)
    first = asyncio.ensure_future(writer.save(poll(ids[0], "a")))
    await asyncio.sleep(0)
    cancelled = asyncio.ensure_future(writer.save(poll(ids[1], "b")))
    kept = asyncio.ensure_future(writer.save(poll(ids[2], "c")))
    await asyncio.sleep(0)
    cancelled.cancel()
    await asyncio.gather(first, kept)
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    await writer.idle()
    keys = await storage.reader.execute_fetchall("SELECT key FROM articles ORDER BY id")
    assert [r[0] for r in keys] == ["guid:a", "guid:c"]
