"""Migration 019: PostgreSQL reads the words of a search asked "as typed first" once
(`search_blocks_enough`), and a 017 database migrates to it with its answers unchanged."""

from __future__ import annotations

import random
from importlib import resources

import asyncpg
import pytest

from storage import Storage
from storage import lookups as lookups_module
from storage.db import migrations
from storage.lookups import Lookups
from tests.storage.test_search_terms import expected, fill, search_all, vocabulary

QUERIES = ("stage", "team", "stage team", "sprinter stage", "stage klass", "cycl", "stage t")


def search_posted_017() -> str:
    """`search_posted` as migration 017 wrote it."""
    text = (
        resources.files("storage")
        .joinpath("migrations", "017_search_blocks.postgres.sql")
        .read_text(encoding="utf-8")
    )
    return text[text.index("CREATE OR REPLACE FUNCTION search_posted") :]


@pytest.mark.parametrize("window", [400, 6])
async def test_migration_019_answers_a_017_database_the_same(pg_url, monkeypatch, window):
    assert migrations()[18][1] == "019_search_once.sql"
    monkeypatch.setattr(lookups_module, "SEARCH_WINDOW", window)
    store = await Storage.open(pg_url)
    rng = random.Random(19)
    titles = await fill(store, rng, vocabulary(rng), 150)
    await store.close()
    conn = await asyncpg.connect(pg_url)
    try:
        # The database as version 17 left it: 017's search_posted, no search_blocks_enough.
        await conn.execute(search_posted_017())
        await conn.execute(
            "DROP FUNCTION search_blocks_enough; DELETE FROM schema_version WHERE version >= 18"
        )
    finally:
        await conn.close()
    store = await Storage.open(pg_url)
    try:
        conn = await asyncpg.connect(pg_url)
        try:
            source = await conn.fetchval(
                "SELECT prosrc FROM pg_proc WHERE proname = 'search_posted'"
            )
        finally:
            await conn.close()
        assert "search_blocks_enough" in source and "search_blocks_count" not in source
        lookups = Lookups(store)
        for query in QUERIES:
            assert await search_all(lookups, query) == expected(titles, query, window), query
    finally:
        await store.close()
