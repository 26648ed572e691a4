"""A feed's measured share of cycling stories (migration 007, issue #18, 19): stored with
the stories it was measured on, in their transaction, and read back with the feed."""

from __future__ import annotations

import pytest

from feeds.models import StoryTags
from storage import Storage
from storage.db import connect, migrate
from storage.feed_store import record_cycling_share
from tests.storage.test_storage import NOW, state, story


async def test_a_feed_polled_before_the_migration_reads_as_never_measured(tmp_path):
    conn = await connect(tmp_path / "db.sqlite3")
    try:
        await migrate(conn)
        await conn.execute("INSERT INTO feeds (url, added_at) VALUES ('https://old.example/', 1)")
        async with conn.execute(
            "SELECT cycling_share, stories_measured FROM feeds WHERE url = 'https://old.example/'"
        ) as cur:
            assert tuple(await cur.fetchone()) == (0.0, 0)
    finally:
        await conn.close()
    store = await Storage.open(tmp_path / "db.sqlite3")
    try:
        feed = await store.feeds.get("https://old.example/")
        assert (feed.cycling_share, feed.stories_measured) == (0.0, 0)
    finally:
        await store.close()


async def test_the_share_commits_with_the_stories(storage: Storage):
    feed, _ = await storage.feeds.add("https://news.example/feed", NOW)

    async def after(conn, feed_id, new, now):  # type: ignore[no-untyped-def]
        await record_cycling_share(conn, feed_id, 0.25, 12)

    await storage.articles.save_poll(feed.id, [(story("a"), StoryTags())], state(), NOW, after)
    stored = await storage.feeds.get(feed.url)
    assert (stored.cycling_share, stored.stories_measured) == (0.25, 12)
    assert [f.stories_measured for f in await storage.feeds.all()] == [12]
    assert [f.stories_measured for f in await storage.feeds.due(float("inf"))] == [12]


async def test_a_failed_poll_leaves_the_share_as_it_was(storage: Storage):
    feed, _ = await storage.feeds.add("https://news.example/feed", NOW)

    async def after(conn, feed_id, new, now):  # type: ignore[no-untyped-def]
        await record_cycling_share(conn, feed_id, 0.9, 40)
        raise RuntimeError("fan-out broke")

    with pytest.raises(RuntimeError):
        await storage.articles.save_poll(feed.id, [(story("a"), StoryTags())], state(), NOW, after)
    stored = await storage.feeds.get(feed.url)
    assert (stored.cycling_share, stored.stories_measured) == (0.0, 0)
    assert await storage.articles.count() == 0


async def test_stored_stories_are_the_feeds_own(storage: Storage):
    one, _ = await storage.feeds.add("https://one.example/feed", NOW)
    two, _ = await storage.feeds.add("https://two.example/feed", NOW)
    stories = [(story(f"k{n}"), StoryTags()) for n in range(600)]
    await storage.articles.save_poll(one.id, stories, state(), NOW)
    await storage.articles.save_poll(two.id, [(story("other"), StoryTags())], state(), NOW)
    # More keys than one query takes, some stored, some new, one another feed's.
    asked = [f"k{n}" for n in range(0, 1200, 2)] + ["other", "new"]
    known = await storage.articles.stored(one.id, asked)
    assert set(known) == {f"k{n}" for n in range(0, 600, 2)}
    assert await storage.articles.stored(one.id, []) == {}
