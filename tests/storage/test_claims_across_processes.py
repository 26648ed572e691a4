"""Outbox claims taken by two Storage instances on one PostgreSQL database (two
processes): no row is claimed by both, and a dead sender's claim is taken over."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from feeds.models import Story, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.outbox_fanout import NewRow, insert_rows

NOW = 1_800_000_000.0


@pytest.fixture
async def two(pg_cluster) -> AsyncIterator[tuple[Storage, Storage, str]]:
    name = await pg_cluster.lend()
    url = pg_cluster.url(name)
    first, second = await Storage.open(url), await Storage.open(url)
    try:
        yield first, second, url
    finally:
        await first.close()
        await second.close()
        await pg_cluster.give_back(name)


async def queue(storage: Storage, targets: list[str]) -> list[int]:
    feed, _ = await storage.feeds.add("https://a.example/feed", NOW)
    saved = await storage.articles.save_poll(
        feed.id,
        [(Story("k", "https://a.example/k", "Title", "Summary"), StoryTags(teams=["astana"]))],
        FeedState("Feed A", None, None, "h", NOW),
        NOW,
    )
    rows = [NewRow(t, 1, None, None, None, False) for t in targets]
    async with storage.transaction() as conn:
        await insert_rows(conn, saved.new[0].article_id, rows, NOW)
    return [i.id for i in await storage.outbox.due(NOW)]


async def test_racing_claims_never_give_a_row_to_both(two):
    first, second, _ = two
    ids = await queue(first, [f"channel:{n}" for n in range(60)])
    claimed: dict[str, set[int]] = {"a": set(), "b": set()}

    async def sender(storage: Storage, worker: str) -> None:
        for row_id in ids:
            claimed[worker] |= await storage.outbox.claim([row_id], worker, NOW, 20)

    await asyncio.gather(sender(first, "a"), sender(second, "b"))
    assert not claimed["a"] & claimed["b"]
    assert claimed["a"] | claimed["b"] == set(ids)


async def test_a_claim_waiting_on_anothers_uncommitted_claim_gets_nothing(two):
    """The narrow case: one sender's UPDATE waits for another's row lock, then re-checks
    the row as the other left it (PostgreSQL, READ COMMITTED)."""
    _, second, url = two
    (row_id,) = await queue(second, ["channel:1"])
    other = await asyncpg.connect(url)
    try:
        claim = other.transaction()
        await claim.start()
        await other.execute(
            "UPDATE outbox SET claimed_by = 'a', claimed_until = $1 WHERE id = $2", NOW + 20, row_id
        )
        racing = asyncio.create_task(second.outbox.claim([row_id], "b", NOW, 20))
        for _ in range(100):  # until "b" waits on the row lock
            waiting = await other.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            )
            if waiting:
                break
            await asyncio.sleep(0.02)
        assert waiting, "the second claim did not wait for the first"
        await claim.commit()
        assert await racing == set()
    finally:
        await other.close()
    assert await second.outbox.hold([row_id], "b", NOW + 1, 20, attempting=True) is False
    assert await second.outbox.hold([row_id], "a", NOW + 1, 20, attempting=True) is True


async def test_a_dead_senders_claim_lapses_and_is_taken_over(two):
    first, second, _ = two
    (row_id,) = await queue(first, ["channel:1"])
    assert await first.outbox.claim([row_id], "a", NOW, 20) == {row_id}
    assert await second.outbox.due(NOW + 5, worker="b") == []
    assert await second.outbox.claim([row_id], "b", NOW + 5, 20) == set()
    # "a" stops renewing (killed mid-delivery): once its lease lapses, "b" takes the row.
    assert [i.id for i in await second.outbox.due(NOW + 21, worker="b")] == [row_id]
    assert await second.outbox.claim([row_id], "b", NOW + 21, 20) == {row_id}
    assert not await first.outbox.hold([row_id], "a", NOW + 22, 20, attempting=True)
    assert await second.outbox.hold([row_id], "b", NOW + 22, 20, attempting=True)
    await second.outbox.mark_sent([row_id], 777, NOW + 23)
    assert await first.outbox.counts() == {"sent": 1}
