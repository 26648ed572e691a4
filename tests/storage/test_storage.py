from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime

import pytest

from feeds.models import Move, Story, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.db import connect, migrate, migrations, schema_version
from storage.lookups import Lookups

NOW = 1_700_000_000.0


def story(key: str, title: str = "Title", body: str = "Body", **kw) -> Story:
    return Story(
        key=key,
        url=f"https://example.com/{key}",
        title=title,
        summary="Summary",
        body=body,
        published=datetime(2023, 9, 26, 12, tzinfo=UTC),
        **kw,
    )


def state(**kw) -> FeedState:
    values = dict(
        title="Feed", etag='"e1"', last_modified=None, body_hash="h1", next_attempt_at=NOW
    )
    values.update(kw)
    return FeedState(**values)


TAGS = StoryTags(
    riders=["mark-cavendish"],
    teams=["astana"],
    staff=["vasilis-anastopoulos"],
    is_transfer=True,
    moves=[
        Move(
            "michael-morkov",
            "Michael Mørkøv",
            "quick-step",
            "astana",
            "Soudal Quick-Step",
            "Astana Qazaqstan",
            "rumour",
            2024,
        )
    ],
)


async def test_migrations_are_numbered_and_idempotent(tmp_path):
    assert [v for v, _, _ in migrations()] == list(range(1, len(migrations()) + 1))
    conn = await connect(tmp_path / "db.sqlite3")
    try:
        assert await migrate(conn) != []
        assert await migrate(conn) == []
        assert await schema_version(conn) == len(migrations())
        for pragma, expected in (("journal_mode", "wal"), ("foreign_keys", 1)):
            async with conn.execute(f"PRAGMA {pragma}") as cur:
                assert (await cur.fetchone())[0] == expected
    finally:
        await conn.close()


async def test_newer_database_is_refused(tmp_path):
    conn = await connect(tmp_path / "db.sqlite3")
    try:
        await conn.execute("PRAGMA user_version = 999")
        with pytest.raises(RuntimeError, match="newer"):
            await migrate(conn)
    finally:
        await conn.close()


async def test_first_poll_is_backlog_then_news(storage: Storage):
    feed, created = await storage.feeds.add("https://example.com/feed", NOW)
    assert created and not feed.primed
    first = await storage.articles.save_poll(feed.id, [(story("a"), TAGS)], state(), NOW)
    assert [s.is_backlog for s in first.new] == [True]
    second = await storage.articles.save_poll(
        feed.id, [(story("a"), TAGS), (story("b"), StoryTags())], state(body_hash="h2"), NOW
    )
    assert [(s.story.key, s.is_backlog) for s in second.new] == [("b", False)]
    assert second.unchanged == 1
    refreshed = await storage.feeds.get(feed.url)
    assert refreshed.primed and refreshed.etag == '"e1"' and refreshed.body_hash == "h2"


async def test_edited_story_is_updated_not_new(storage: Storage):
    feed, _ = await storage.feeds.add("https://example.com/feed", NOW)
    await storage.articles.save_poll(feed.id, [(story("a"), TAGS)], state(), NOW)
    edited = await storage.articles.save_poll(
        feed.id, [(story("a", title="Title (updated)"), StoryTags())], state(), NOW + 60
    )
    assert edited.new == [] and edited.updated == 1
    async with storage.reader.execute("SELECT title FROM articles") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["Title (updated)"]
    async with storage.reader.execute("SELECT COUNT(*) FROM tags") as cur:
        assert (await cur.fetchone())[0] == 0  # re-tagged from the new text
    found = await Lookups(storage).search_stories("updated")
    assert [s.title for s in found.stories] == ["Title (updated)"]  # the index follows


async def test_tags_and_moves_are_stored(storage: Storage):
    feed, _ = await storage.feeds.add("https://example.com/feed", NOW)
    await storage.articles.save_poll(feed.id, [(story("a"), TAGS)], state(), NOW)
    async with storage.reader.execute("SELECT entity_id, kind FROM tags ORDER BY entity_id") as c:
        assert [tuple(r) for r in await c.fetchall()] == [
            ("person:mark-cavendish", "rider"),
            ("person:vasilis-anastopoulos", "staff"),
            ("team:astana", "team"),
        ]
    async with storage.reader.execute("SELECT person, to_team, status, season FROM moves") as c:
        assert [tuple(r) for r in await c.fetchall()] == [
            ("Michael Mørkøv", "Astana Qazaqstan", "rumour", 2024)
        ]


async def test_future_dates_never_sort_above_now(storage: Storage):
    feed, _ = await storage.feeds.add("https://example.com/feed", NOW)
    future = Story(
        key="f", url=None, title="From the future", published=datetime(2999, 1, 1, tzinfo=UTC)
    )
    await storage.articles.save_poll(feed.id, [(future, StoryTags())], state(), NOW)
    async with storage.reader.execute("SELECT sort_at FROM articles") as cur:
        assert (await cur.fetchone())[0] == NOW


async def test_failed_write_leaves_nothing_behind(storage: Storage):
    feed, _ = await storage.feeds.add("https://example.com/feed", NOW)
    bad = StoryTags(moves=[Move("p", "P", None, None, None, None, "maybe", None)])  # type: ignore[arg-type]
    with pytest.raises(Exception, match=r"(?i)check"):
        await storage.articles.save_poll(
            feed.id, [(story("a"), StoryTags()), (story("b"), bad)], state(), NOW
        )
    assert await storage.articles.count() == 0
    assert not (await storage.feeds.get(feed.url)).primed


async def test_concurrent_writers_do_not_interleave(storage: Storage):
    feeds = [(await storage.feeds.add(f"https://example.com/{i}", NOW))[0] for i in range(5)]
    items = [[(story(f"{f.id}-{n}"), TAGS) for n in range(20)] for f in feeds]
    await asyncio.gather(
        *(
            storage.articles.save_poll(f.id, it, state(), NOW)
            for f, it in zip(feeds, items, strict=True)
        )
    )
    assert await storage.articles.count() == 100
    assert await storage.integrity_check() == "ok"


async def test_feed_failures_and_removal(storage: Storage):
    feed, _ = await storage.feeds.add("https://example.com/feed", NOW)
    await storage.feeds.record_failure(feed.id, NOW, "HTTP 500", NOW + 600)
    await storage.feeds.record_failure(feed.id, NOW + 600, "HTTP 502", NOW + 1800)
    failing = await storage.feeds.get(feed.url)
    assert failing.consecutive_failures == 2 and failing.failing_since == NOW
    assert failing.last_error == "HTTP 502"
    assert await storage.feeds.due(NOW + 700) == []
    assert [f.id for f in await storage.feeds.due(NOW + 1800)] == [feed.id]
    await storage.feeds.record_unchanged(feed.id, NOW + 1800, NOW + 2400)
    healthy = await storage.feeds.get(feed.url)
    assert healthy.consecutive_failures == 0 and healthy.failing_since is None
    await storage.articles.save_poll(feed.id, [(story("a"), TAGS)], state(), NOW)
    assert await storage.feeds.remove(feed.url)
    assert not await storage.feeds.remove(feed.url)
    assert await storage.articles.count() == 0


async def test_unlisted_feeds_are_never_due(storage: Storage):
    await storage.feeds.add("file:///tmp/saved.xml", NOW, listed=False)
    assert await storage.feeds.due(NOW) == []
    assert await storage.feeds.all() == []
    assert len(await storage.feeds.all(include_unlisted=True)) == 1
    feed, created = await storage.feeds.add("file:///tmp/saved.xml", NOW)
    assert not created and feed.listed


async def test_disabled_feed_is_enabled_again_when_added(storage: Storage):
    feed, _ = await storage.feeds.add("https://example.com/feed", NOW)
    await storage.feeds.record_failure(feed.id, NOW, "gone", NOW + 60, "failing for 7 days")
    assert await storage.feeds.due(NOW + 3600) == []
    again, created = await storage.feeds.add(feed.url, NOW)
    assert not created and again.disabled_reason is None and again.consecutive_failures == 0


async def test_meta_and_roster_imports(storage: Storage):
    assert await storage.meta.get("x") is None
    await storage.meta.set("x", "1")
    await storage.meta.set("x", "2")
    assert await storage.meta.get("x") == "2"
    await storage.roster_imports.add("extra.toml", "[[team]]", NOW)
    assert [i.source for i in await storage.roster_imports.all()] == ["extra.toml"]


async def test_failures_are_the_same_dbapi_errors_on_both_engines(storage: Storage):
    # Callers above storage/ catch sqlite3's DB-API classes whichever engine runs.
    await storage.meta.set("k", "v")
    with pytest.raises(sqlite3.IntegrityError):
        async with storage.transaction() as conn:
            await conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("k2", "w"))
            await conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("k", "w"))
    with pytest.raises(sqlite3.DatabaseError):
        async with storage.transaction() as conn:
            await conn.execute("SELECT no_such_column FROM meta")
    assert await storage.meta.get("k") == "v" and await storage.meta.get("k2") is None
    async with storage.transaction() as conn:  # the connection is usable again
        await conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("k3", "x"))
    assert await storage.meta.get("k3") == "x"
