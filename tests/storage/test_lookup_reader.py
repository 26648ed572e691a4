"""The lookups' own connection: read-only, on the event loop's thread, never waiting for
the writer, and absent for an in-memory database."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from feeds.models import StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.db import fetch_within
from storage.lookups import Lookups
from tests.e2e.world import story

NOW = 1.8e9
POGI = StoryTags(riders=["tadej-pogacar"])


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """SQLite only (what this file tests is SQLite's own)."""
    return tmp_path / "domestique.sqlite3"


async def save(storage: Storage, key: str, title: str) -> None:
    feed, _ = await storage.feeds.add("https://news.example/feed", NOW)
    state = FeedState("News", None, None, key, 0)
    await storage.articles.save_poll(feed.id, [(story(key, title, NOW - 60), POGI)], state, NOW)


async def test_a_lookup_sees_each_commit_at_once(storage):
    lookups = Lookups(storage)
    assert storage.lookup_reader is not None
    await save(storage, "k1", "Pogačar wins")
    assert [s.title for s in (await lookups.stories_for_person("tadej-pogacar")).stories] == [
        "Pogačar wins"
    ]
    await save(storage, "k2", "Pogačar wins again")
    found = await lookups.search_stories("pogacar again")
    assert [s.title for s in found.stories] == ["Pogačar wins again"]


async def test_lookups_read_the_last_commit_while_a_write_is_open(storage):
    lookups = Lookups(storage)
    await save(storage, "k1", "Pogačar wins")
    async with storage.transaction() as conn:
        await conn.execute("UPDATE articles SET title = 'Rewritten' WHERE key = 'k1'")
        page = await lookups.stories_for_person("tadej-pogacar")
        assert [s.title for s in page.stories] == ["Pogačar wins"]
    page = await lookups.stories_for_person("tadej-pogacar")
    assert [s.title for s in page.stories] == ["Rewritten"]


async def test_the_lookup_connection_cannot_write_nor_be_used_from_another_thread(storage):
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        storage.lookup_reader.execute("DELETE FROM articles")
    errors: list[BaseException] = []

    def elsewhere() -> None:
        try:
            storage.lookup_reader.execute("SELECT 1")
        except sqlite3.ProgrammingError as exc:
            errors.append(exc)

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert len(errors) == 1


async def test_an_in_memory_database_has_no_lookup_connection():
    storage = await Storage.open(":memory:")
    try:
        assert storage.lookup_reader is None
        await save(storage, "k1", "Pogačar wins")
        page = await Lookups(storage).stories_for_person("tadej-pogacar")
        assert [s.title for s in page.stories] == ["Pogačar wins"]
    finally:
        await storage.close()


async def test_a_lookup_past_the_loop_budget_finishes_off_the_loop(storage):
    lookups = Lookups(storage)
    # About a second of work: far past the budget the event loop grants a lookup.
    slow = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) "
        "SELECT COUNT(*) FROM n"
    )
    assert fetch_within(storage.lookup_reader, slow, ()) is None
    assert fetch_within(storage.lookup_reader, "SELECT 41 + 1", ()) == [(42,)]
    assert [tuple(row) for row in await lookups._rows(slow)] == [(3000000,)]
