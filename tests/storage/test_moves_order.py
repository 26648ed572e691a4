"""Migration 018: the moves' indexes end in the id, so a read newest first
(`ORDER BY sort_at DESC, id DESC`) is served by the index and stops at what it keeps."""

from __future__ import annotations

import sqlite3

import asyncpg

from feeds.models import Move, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.db import migrations
from storage.lookups import Lookups
from tests.e2e.world import story

NOW = 1.8e9
INDEXES_017 = (
    "DROP INDEX moves_by_time; DROP INDEX moves_by_person; DROP INDEX moves_by_from; "
    "DROP INDEX moves_by_to; "
    "CREATE INDEX moves_by_time ON moves (sort_at DESC); "
    "CREATE INDEX moves_by_person ON moves (person_id, sort_at DESC); "
    "CREATE INDEX moves_by_from ON moves (from_team_id, sort_at DESC); "
    "CREATE INDEX moves_by_to ON moves (to_team_id, sort_at DESC)"
)
"""The moves' indexes as migration 001 made them, what a 017 database has."""


async def fill(store: Storage) -> None:
    """Moves to and from a few teams, many at the same time (ties broken by id)."""
    feed, _ = await store.feeds.add("https://moves.example/feed", NOW)
    items = []
    for i in range(40):
        person = f"rider-{i % 7}"
        teams = (f"team-{i % 3}", f"team-{(i + 1) % 3}")
        move = Move(person, person.title(), *teams, *teams, "rumour", 2026 + i % 2)
        tags = StoryTags(riders=[person], is_transfer=True, moves=[move])
        items.append((story(f"m{i}", f"Move {i}", 1.7e9 + i // 4), tags))
    await store.articles.save_poll(feed.id, items, FeedState("Moves", None, None, "h", 0), NOW)


async def reads(store: Storage) -> list:
    lookups = Lookups(store)
    boards = [await lookups.transfer_board(f"team-{t}", 15) for t in range(3)]
    people = [await lookups.moves_for_person(f"rider-{p}", 15) for p in range(7)]
    pages = [await lookups.rider_page(f"rider-{p}", 5, 0) for p in range(7)]
    return [boards, people, pages, await lookups.latest_moves(15)]


async def test_migration_018_reorders_the_moves_of_a_017_sqlite_file(tmp_path):
    assert migrations()[17][1] == "018_moves_order.sql"
    path = tmp_path / "moves.sqlite3"
    store = await Storage.open(path)
    await fill(store)
    before = await reads(store)
    await store.close()
    conn = sqlite3.connect(path)
    conn.executescript(INDEXES_017 + "; PRAGMA user_version = 17;")
    conn.commit()
    conn.close()
    store = await Storage.open(path)
    try:
        assert await reads(store) == before
        for where in ("m.to_team_id = 'team-1'", "m.person_id = 'rider-1'", "1"):
            plan = await store.reader.execute_fetchall(
                f"EXPLAIN QUERY PLAN SELECT m.id FROM moves m WHERE {where} "
                "ORDER BY m.sort_at DESC, m.id DESC LIMIT 60"
            )
            assert not any("TEMP B-TREE" in str(row[-1]) for row in plan), plan
    finally:
        await store.close()


async def test_migration_018_reorders_the_moves_of_a_017_postgres_database(pg_url):
    store = await Storage.open(pg_url)
    await fill(store)
    before = await reads(store)
    await store.close()
    conn = await asyncpg.connect(pg_url)
    try:
        await conn.execute(INDEXES_017 + "; DELETE FROM schema_version WHERE version >= 18")
    finally:
        await conn.close()
    store = await Storage.open(pg_url)
    try:
        assert await reads(store) == before
        conn = await asyncpg.connect(pg_url)
        try:
            found = {
                r[0]: r[1]
                for r in await conn.fetch(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'moves'"
                )
            }
        finally:
            await conn.close()
        for name in ("moves_by_time", "moves_by_person", "moves_by_from", "moves_by_to"):
            assert found[name].endswith("sort_at DESC, id DESC)"), found[name]
    finally:
        await store.close()
