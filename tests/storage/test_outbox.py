from __future__ import annotations

import asyncio

import pytest

from feeds.models import Story, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.outbox_fanout import NewRow, insert_rows

NOW = 1_800_000_000.0


@pytest.fixture
async def article(database):
    store = await Storage.open(database)
    feed, _ = await store.feeds.add("https://a.example/feed", NOW)
    saved = await store.articles.save_poll(
        feed.id,
        [(Story("k", "https://a.example/k", "Title", "Summary"), StoryTags(teams=["astana"]))],
        FeedState("Feed A", None, None, "h", NOW),
        NOW,
    )
    yield store, saved.new[0].article_id
    await store.close()


def row(target: str, digest: bool = False) -> NewRow:
    return NewRow(target, 1, None, None, None, digest)


async def test_one_row_per_story_and_target(article):
    storage, article_id = article
    async with storage.transaction() as conn:
        assert await insert_rows(conn, article_id, [row("channel:1"), row("user:2")], NOW) == 2
        assert await insert_rows(conn, article_id, [row("channel:1")], NOW) == 0
    items = await storage.outbox.due(NOW)
    assert [i.target for i in items] == ["channel:1", "user:2"]
    assert len({i.nonce for i in items}) == 2 and all(len(i.nonce) <= 25 for i in items)
    assert items[0].title == "Title" and items[0].feed_title == "Feed A"
    assert items[0].entities == [("team:astana", "team")]


async def test_sent_retry_and_failed_states(article):
    storage, article_id = article
    async with storage.transaction() as conn:
        await insert_rows(conn, article_id, [row("channel:1"), row("channel:2")], NOW)
    first, second = await storage.outbox.due(NOW)
    await storage.outbox.mark_sent([first.id], 555, NOW)
    await storage.outbox.retry_later([second.id], "503 Service Unavailable", NOW + 60)
    assert await storage.outbox.due(NOW + 1) == []
    (again,) = await storage.outbox.due(NOW + 60)
    assert again.attempts == 1
    await storage.outbox.mark([again.id], "failed", "gave up")
    assert await storage.outbox.counts() == {"sent": 1, "failed": 1}


async def test_a_targets_later_posts_wait_behind_its_retrying_one(article):
    storage, article_id = article
    async with storage.transaction() as conn:
        await insert_rows(conn, article_id, [row("channel:1"), row("channel:2")], NOW)
    first, _ = await storage.outbox.due(NOW)
    await storage.outbox.retry_later([first.id], "503", NOW + 60)
    later = await storage.articles.save_poll(
        1,
        [(Story("k2", "https://a.example/k2", "Later", "Summary"), StoryTags())],
        FeedState("Feed A", None, None, "h2", NOW),
        NOW + 5,
    )
    async with storage.transaction() as conn:  # queued while channel:1 waits
        await insert_rows(conn, later.new[0].article_id, [row("channel:1")], NOW + 5)
    assert [i.target for i in await storage.outbox.due(NOW + 6)] == ["channel:2"]
    assert [(i.target, i.title) for i in await storage.outbox.due(NOW + 60)] == [
        ("channel:1", "Title"),
        ("channel:2", "Title"),
        ("channel:1", "Later"),
    ]


async def test_digest_rows_wait_for_their_digest(article):
    storage, article_id = article
    async with storage.transaction() as conn:
        await insert_rows(conn, article_id, [row("user:2", digest=True)], NOW)
    assert await storage.outbox.due(NOW) == []
    assert [i.target for i in await storage.outbox.digest_items("user:2", NOW)] == ["user:2"]
    assert [f.user_id for f in await storage.follows.daily_due()] == [2]


async def stories(storage, titles_by_age: list[tuple[str, float]]) -> list[int]:
    """New stories of feed 1 in the order a feed lists them: (title, age in seconds)."""
    from datetime import UTC, datetime

    saved = await storage.articles.save_poll(
        1,
        [
            (
                Story(
                    f"k-{title}",
                    f"https://a.example/{title}",
                    title,
                    "",
                    published=datetime.fromtimestamp(NOW - age, UTC),
                ),
                StoryTags(),
            )
            for title, age in titles_by_age
        ],
        FeedState("Feed A", None, None, "h-more", NOW),
        NOW,
    )
    return [s.article_id for s in saved.new]


async def test_a_target_gets_its_oldest_story_first(article):
    storage, _ = article
    # Newest first, as feeds list them: the outbox rows follow that order.
    ids = await stories(storage, [("third", 60), ("second", 120), ("first", 180)])
    async with storage.transaction() as conn:
        for article_id in ids:
            await insert_rows(conn, article_id, [row("channel:1")], NOW)
    assert [i.title for i in await storage.outbox.due(NOW)] == ["first", "second", "third"]


async def queued(storage, article_id: int, targets: list[str]) -> list[int]:
    async with storage.transaction() as conn:
        await insert_rows(conn, article_id, [row(t) for t in targets], NOW)
    return [i.id for i in await storage.outbox.due(NOW)]


async def attempted_at(storage, outbox_id: int) -> float | None:
    async with storage.reader.execute(
        "SELECT attempted_at FROM outbox WHERE id = ?", (outbox_id,)
    ) as cur:
        return (await cur.fetchone())[0]


async def test_a_claimed_target_is_left_to_its_sender_until_the_lease_lapses(article):
    storage, article_id = article
    one, two = await queued(storage, article_id, ["channel:1", "channel:2"])
    outbox = storage.outbox
    assert await outbox.claim([one], "a", NOW, 20) == {one}
    # Another sender sees only the other target, and cannot take the claimed one.
    assert [i.id for i in await outbox.due(NOW, worker="b")] == [two]
    assert [i.id for i in await outbox.due(NOW, worker="a")] == [one, two]
    assert await outbox.claim([one], "b", NOW + 1, 20) == set()
    assert not await outbox.hold([one], "b", NOW + 1, 20, attempting=True)
    assert await outbox.hold([one], "a", NOW + 1, 20, attempting=True)  # lease to NOW + 21
    assert await outbox.renew("a", NOW + 10, 20) == 1  # lease to NOW + 30
    assert await outbox.claim([one], "b", NOW + 25, 20) == set()
    # "a" died: once its lease lapses the row is another's, and "a" may not send it.
    assert await outbox.claim([one], "b", NOW + 31, 20) == {one}
    assert not await outbox.hold([one], "a", NOW + 32, 20, attempting=True)
    assert await outbox.hold([one], "b", NOW + 33, 20, attempting=True)
    assert await attempted_at(storage, one) == NOW + 1  # the earliest try, for "posted?"


async def test_a_claim_covers_the_whole_target_and_is_freed_when_settled(article):
    storage, article_id = article
    (one,) = await queued(storage, article_id, ["channel:1"])
    later = await stories(storage, [("later", 0)])
    async with storage.transaction() as conn:
        await insert_rows(conn, later[0], [row("channel:1")], NOW)
    _, two = [i.id for i in await storage.outbox.due(NOW)]
    outbox = storage.outbox
    assert await outbox.claim([one], "a", NOW, 20) == {one}
    # A row of a target another sender holds is not claimed, even one it did not take.
    assert await outbox.claim([two], "b", NOW, 20) == set()
    await outbox.mark_sent([one], 555, NOW)
    assert await outbox.claim([one, two], "b", NOW, 20) == {two}  # the sent row is left out
    await outbox.retry_later([two], "503", NOW + 60)
    assert await outbox.claim([two], "a", NOW, 20) == {two}  # a retry gives its claim up
    await outbox.release("a")
    assert [i.id for i in await outbox.due(NOW + 60, worker="b")] == [two]


async def test_digest_rows_are_claimed_with_their_target(article):
    storage, article_id = article
    async with storage.transaction() as conn:
        await insert_rows(conn, article_id, [row("user:2", digest=True)], NOW)
    (item,) = await storage.outbox.digest_items("user:2", NOW)
    assert await storage.outbox.claim([item.id], "a", NOW, 20) == {item.id}
    assert await storage.outbox.digest_items("user:2", NOW, worker="b") == []
    assert [i.id for i in await storage.outbox.digest_items("user:2", NOW, worker="a")] == [item.id]


async def test_two_bots_on_one_database_take_each_notice_once(database):
    path = database
    first, second = await Storage.open(path), await Storage.open(path)
    try:
        for n in range(40):
            await first.notices.add(f"notice {n}", NOW, guild_id=9)
        taken: list[str] = []
        for _ in range(10):
            a, b = await asyncio.gather(
                first.notices.take(NOW, user_id=1, guild_id=9),
                second.notices.take(NOW, user_id=1, guild_id=9),
            )
            taken += [n.text for n in a + b]
        assert sorted(taken) == sorted(f"notice {n}" for n in range(40))
    finally:
        await first.close()
        await second.close()
