"""Closing the database while a transaction is still running (a command's handler that
outlived the bot's close, a job) lets that transaction commit first, on both engines:
closing under it would roll it back and send its COMMIT to a closed connection."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import aiosqlite.core

from storage import Storage
from storage import database as database_module


def sqlite_workers() -> set[threading.Thread]:
    return {
        thread
        for thread in threading.enumerate()
        if getattr(thread, "_target", None) is aiosqlite.core._connection_worker_thread
    }


async def test_close_lets_a_running_transaction_commit(database: Path | str):
    before = sqlite_workers()
    store = await Storage.open(database)
    inside, finish = asyncio.Event(), asyncio.Event()

    async def handler_still_running() -> None:
        async with store.transaction() as conn:
            await conn.execute("INSERT INTO meta (key, value) VALUES ('late', 'kept')")
            inside.set()
            await finish.wait()

    writing = asyncio.create_task(handler_still_running())
    await inside.wait()
    closing = asyncio.create_task(store.close())
    await asyncio.sleep(0.05)
    assert not closing.done(), "close did not wait for the transaction in progress"
    finish.set()
    await asyncio.wait_for(closing, 10)
    await writing  # its COMMIT went through: no "Connection closed"

    for thread in sqlite_workers() - before:
        # aiosqlite's worker answers close() just before it stops; it must not run on.
        thread.join(2)
        assert not thread.is_alive(), "an aiosqlite worker outlived Storage.close()"
    reopened = await Storage.open(database)
    try:
        assert await reopened.meta.get("late") == "kept"
    finally:
        await reopened.close()


async def test_close_gives_up_waiting_on_a_stuck_transaction(database, monkeypatch, caplog):
    monkeypatch.setattr(database_module, "CLOSE_WAIT_S", 0.1)
    store = await Storage.open(database)
    inside, never = asyncio.Event(), asyncio.Event()

    async def stuck() -> None:
        async with store.transaction() as conn:
            await conn.execute("INSERT INTO meta (key, value) VALUES ('stuck', 'x')")
            inside.set()
            await never.wait()

    writing = asyncio.create_task(stuck())
    await inside.wait()
    await asyncio.wait_for(store.close(), 5)
    assert "transaction still running" in caplog.text
    writing.cancel()
    await asyncio.gather(writing, return_exceptions=True)
    reopened = await Storage.open(database)
    try:
        assert await reopened.meta.get("stuck") is None  # cut, so rolled back whole
    finally:
        await reopened.close()
