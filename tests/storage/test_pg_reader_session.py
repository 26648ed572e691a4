"""PostgreSQL's pooled readers go back to the pool without a reset (one round trip a
lookup), so a statement that would change a reader's session, or that is no read, is
refused before it runs: the next borrower finds the session every reader found."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator

import pytest

from storage import Storage
from storage.postgres import _refuse_session_change


@pytest.fixture
async def pg_storage(pg_cluster) -> AsyncIterator[Storage]:
    name = await pg_cluster.lend()
    storage = await Storage.open(pg_cluster.url(name))
    try:
        yield storage
    finally:
        await storage.close()
        await pg_cluster.give_back(name)


SESSION_CHANGES = [
    "SET statement_timeout = 1",
    "SELECT set_config('search_path', 'nowhere', false)",
    "SELECT pg_advisory_lock(1)",
    "LISTEN anything",
    "PREPARE p AS SELECT 1",
    "DECLARE c CURSOR WITH HOLD FOR SELECT 1",
    "RESET ALL",
    "SELECT 1; SET default_transaction_read_only = off",
    "UPDATE feeds SET url = url",
]


@pytest.mark.parametrize("sql", SESSION_CHANGES)
async def test_a_reader_refuses_what_would_change_its_session(pg_storage: Storage, sql: str):
    with pytest.raises(sqlite3.ProgrammingError, match="single reads only"):
        await pg_storage.reader.execute_fetchall(sql)
    # and the pool still reads, with the settings every reader starts with
    rows = await pg_storage.reader.execute_fetchall(
        "SELECT current_setting('default_transaction_read_only'), "
        "current_setting('statement_timeout')"
    )
    assert rows[0][0] == "on" and rows[0][1] == "0"


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT url FROM feeds ORDER BY url LIMIT 5 OFFSET 10",
        "  with newest AS (SELECT id FROM articles) SELECT COUNT(*) FROM newest;",
        "VALUES (1)",
        "SELECT a.id FROM articles a WHERE a.title LIKE ? ESCAPE '\\'",
    ],
)
def test_reads_pass(sql: str) -> None:
    _refuse_session_change(sql)
