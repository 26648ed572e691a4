"""The writer's PostgreSQL connection dropped by the server (a restart, a failover, an
admin ending sessions): the next write connects again; a transaction cut in the middle is
rolled back whole and never finished on the new connection."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator

import asyncpg
import pytest

from storage import Storage


@pytest.fixture
async def pg_storage(pg_cluster) -> AsyncIterator[tuple[Storage, str]]:
    name = await pg_cluster.lend()
    url = pg_cluster.url(name)
    storage = await Storage.open(url)
    try:
        yield storage, url
    finally:
        await storage.close()
        await pg_cluster.give_back(name)


async def end_writer_session(storage: Storage, url: str) -> None:
    rows = await storage.writer.execute_fetchall("SELECT pg_backend_pid()")
    admin = await asyncpg.connect(url)
    try:
        assert await admin.fetchval("SELECT pg_terminate_backend($1)", rows[0][0])
    finally:
        await admin.close()
    # The server's goodbye reaches the client's socket on a later turn of the event loop.
    for _ in range(200):
        if storage.writer._source.is_closed():  # type: ignore[attr-defined]
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the writer's connection never saw its session end")


async def feed_urls(storage: Storage) -> list[str]:
    rows = await storage.reader.execute_fetchall("SELECT url FROM feeds ORDER BY url")
    return [row[0] for row in rows]


async def test_a_write_after_the_session_ended_connects_again(pg_storage):
    storage, url = pg_storage
    await storage.feeds.add("https://a.example/feed", 1.0)
    await end_writer_session(storage, url)
    await storage.feeds.add("https://b.example/feed", 2.0)
    assert await feed_urls(storage) == ["https://a.example/feed", "https://b.example/feed"]


async def test_a_transaction_cut_in_the_middle_is_rolled_back_whole(pg_storage):
    storage, url = pg_storage
    with pytest.raises(sqlite3.OperationalError, match="lost inside a transaction"):
        async with storage.transaction() as conn:
            await conn.execute(
                "INSERT INTO feeds (url, added_at) VALUES (?, ?)", ("https://a.example/1", 1.0)
            )
            await end_writer_session(storage, url)
            await conn.execute(
                "INSERT INTO feeds (url, added_at) VALUES (?, ?)", ("https://a.example/2", 1.0)
            )
    assert await feed_urls(storage) == []  # neither half: the first died with its session
    async with storage.transaction() as conn:  # and the next transaction runs as usual
        await conn.execute(
            "INSERT INTO feeds (url, added_at) VALUES (?, ?)", ("https://a.example/3", 3.0)
        )
    assert await feed_urls(storage) == ["https://a.example/3"]


async def test_a_closed_database_never_connects_again(pg_cluster):
    name = await pg_cluster.lend()
    try:
        storage = await Storage.open(pg_cluster.url(name))
        await storage.close()
        with pytest.raises(sqlite3.Error):
            await storage.writer.execute(
                "INSERT INTO feeds (url, added_at) VALUES (?, ?)", ("https://late.example/", 1.0)
            )
        admin = await asyncpg.connect(pg_cluster.url(name))
        try:
            assert await admin.fetchval("SELECT COUNT(*) FROM feeds") == 0
        finally:
            await admin.close()
    finally:
        await pg_cluster.give_back(name)
