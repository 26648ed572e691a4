from __future__ import annotations

import pytest

from feeds.models import Story, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.outbox import NewRow, insert_rows

NOW = 1_800_000_000.0


@pytest.fixture
async def article(tmp_path):
    store = await Storage.open(tmp_path / "o.sqlite3")
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
