"""`storage.copy`: a SQLite installation copied into the throwaway PostgreSQL cluster,
checked by counts and checksums, idempotent, refused whole on bad input."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import asyncpg
import pytest

import storage.copy as copy_module
from storage import Storage
from storage.copy import CopyRefused, copy_to_postgres
from storage.copy_check import TableSum
from storage.database import DatabaseError, DatabaseInUse
from storage.lock import WriterLock
from storage.lookups import Lookups
from tests.storage.copy_world import GUILD, NOW, OTHER_GUILD, SHARED_FEED, seed


@pytest.fixture
async def source(tmp_path: Path) -> Path:
    path = tmp_path / "domestique.sqlite3"
    await seed(path)
    return path


async def pg_rows(url: str, sql: str) -> list:
    conn = await asyncpg.connect(url)
    try:
        return list(await conn.fetch(sql))
    finally:
        await conn.close()


async def pg_total(url: str) -> int:
    """Rows in every table but the schema version: 0 in a database nothing was copied to."""
    names = await pg_rows(
        url,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
        "AND tablename <> 'schema_version'",
    )
    counts = [(await pg_rows(url, f"SELECT COUNT(*) FROM {name}"))[0][0] for (name,) in names]
    return sum(counts)


def sqlite_tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows if not name.startswith(("articles_fts", "sqlite_"))}


INDEXES = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"


async def test_every_table_is_copied_with_equal_counts_and_checksums(source, pg_url):
    indexes = sorted(await pg_rows(pg_url, INDEXES))
    report = await copy_to_postgres(source, pg_url)
    # Indexes dropped for the load are built again as they were (the search index's GIN).
    assert sorted(await pg_rows(pg_url, INDEXES)) == indexes
    assert any("gin" in definition for _, definition in indexes)
    assert report.outcome == "copied" and report.matches
    copied = {check.name for check in report.tables}
    assert copied == sqlite_tables(source)
    assert {"articles", "tags", "moves", "outbox", "guild_tags", "article_races"} <= copied
    empty = [check.name for check in report.tables if not check.source.rows]
    assert not empty, f"copy_world.seed writes no row in {empty}: seed every table"
    for check in report.tables:
        ((count,),) = await pg_rows(pg_url, f"SELECT COUNT(*) FROM {check.name}")
        assert count == check.source.rows == check.target.rows, check.name
    # Ids kept: the outbox still points at its story and subscription.
    ((linked,),) = await pg_rows(
        pg_url,
        "SELECT COUNT(*) FROM outbox o JOIN articles a ON a.id = o.article_id "
        "LEFT JOIN subscriptions s ON s.id = o.subscription_id",
    )
    assert linked == 2


async def test_postgres_goes_on_from_the_copy(source, pg_url):
    await copy_to_postgres(source, pg_url)
    storage = await Storage.open(pg_url)
    try:
        assert await storage.integrity_check() == "ok"  # every story in the search index
        # The id sequences start past the copied ids: new rows do not collide.
        feed, created = await storage.feeds.add("https://new.example/feed", NOW)
        assert created and feed.id == 3
        assert await storage.roster_imports.add("more.toml", "", NOW) == 2
    finally:
        await storage.close()


async def test_copying_again_writes_nothing_and_reports_the_same(source, pg_url):
    first = await copy_to_postgres(source, pg_url)
    again = await copy_to_postgres(source, pg_url)
    assert again.outcome == "already copied" and again.matches
    assert [(c.name, c.target.rows, c.target.checksum) for c in again.tables] == [
        (c.name, c.target.rows, c.target.checksum) for c in first.tables
    ]


async def test_lookups_answer_the_same_on_both_engines(source, pg_url):
    await copy_to_postgres(source, pg_url)
    answers = []
    for database in (source, pg_url):
        storage = await Storage.open(database)
        try:
            plain = Lookups(storage)
            own = await plain.seen_from(GUILD, [SHARED_FEED])
            other = await plain.seen_from(OTHER_GUILD, [SHARED_FEED])
            answers.append(
                [
                    await plain.stories_for_person("tadej-pogacar", limit=5),
                    await plain.stories_for_team("uae", limit=5, offset=1),
                    await plain.latest_stories(limit=4),
                    await plain.search_stories("cafe pogac"),
                    await plain.search_stories("evenepoel"),
                    await plain.moves_for_person("tadej-pogacar"),
                    await plain.transfer_board("astana"),
                    await plain.race_stories("giro-d-italia"),
                    await own.stories_for_entity("person:zoe-test"),
                    await other.latest_stories(limit=3),
                    await storage.subscriptions.for_guild(GUILD),
                    await storage.guild_config.own_names(GUILD),
                ]
            )
        finally:
            await storage.close()
    sqlite_answers, postgres_answers = answers
    assert sqlite_answers[0].stories and sqlite_answers[3].stories and sqlite_answers[8].stories
    assert postgres_answers == sqlite_answers


async def test_a_target_holding_other_data_is_refused_unless_replaced(source, pg_url, tmp_path):
    other = tmp_path / "other.sqlite3"
    await seed(other, story_count=3)
    await copy_to_postgres(other, pg_url)
    with pytest.raises(CopyRefused, match=r"already holds other data .*--replace"):
        await copy_to_postgres(source, pg_url)
    ((stories,),) = await pg_rows(pg_url, "SELECT COUNT(*) FROM articles")
    assert stories == 3  # left as it was
    report = await copy_to_postgres(source, pg_url, replace=True)
    assert report.outcome == "copied" and report.matches
    assert (await pg_rows(pg_url, "SELECT COUNT(*) FROM articles_search"))[0][0] == 12


async def test_a_source_held_by_a_running_bot_is_refused(source, pg_url):
    lock = WriterLock.acquire(source)
    try:
        with pytest.raises(DatabaseInUse, match="another Domestique is using it"):
            await copy_to_postgres(source, pg_url)
    finally:
        lock.release()
    assert await pg_total(pg_url) == 0


async def test_unreachable_and_malformed_targets_are_one_line(source, pg_cluster):
    closed = f"postgresql://u:secret@127.0.0.1:{pg_cluster.port + 1}/x"
    with pytest.raises(DatabaseError, match="cannot connect") as refused:
        await copy_to_postgres(source, closed)
    with pytest.raises(CopyRefused, match="not a usable PostgreSQL URL") as malformed:
        await copy_to_postgres(source, "postgresql://u:secret@127.0.0.1:port/x")
    with pytest.raises(CopyRefused, match="not a PostgreSQL URL"):
        await copy_to_postgres(source, "mysql://u@127.0.0.1/x")
    for error in (refused.value, malformed.value):
        assert "secret" not in str(error) and "\n" not in str(error)


async def test_a_target_with_a_newer_schema_is_refused_untouched(source, pg_url):
    conn = await asyncpg.connect(pg_url)
    try:
        await conn.execute("INSERT INTO schema_version VALUES (999, '999_future.sql', now())")
    finally:
        await conn.close()
    try:
        with pytest.raises(DatabaseError, match="newer than this Domestique"):
            await copy_to_postgres(source, pg_url)
        assert await pg_total(pg_url) == 0
    finally:  # the database goes back to the cluster's spares
        await pg_rows(pg_url, "DELETE FROM schema_version WHERE version = 999")


async def test_an_older_source_or_another_schema_is_refused(source, pg_url):
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE scratch (id INTEGER PRIMARY KEY)")
    with pytest.raises(CopyRefused, match="only in the SQLite file: scratch"):
        await copy_to_postgres(source, pg_url)
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA user_version = 3")
    with pytest.raises(CopyRefused, match=r"schema version 3.*domestique db migrate"):
        await copy_to_postgres(source, pg_url)
    assert await pg_total(pg_url) == 0


async def test_a_row_postgresql_refuses_leaves_nothing_written(source, pg_url):
    storage = await Storage.open(source)
    await storage.meta.set("broken", "a\x00b")  # PostgreSQL's text holds no NUL
    await storage.close()
    with pytest.raises(DatabaseError, match="nothing copied: table meta"):
        await copy_to_postgres(source, pg_url)
    assert await pg_total(pg_url) == 0


async def test_a_copy_that_differs_is_rolled_back(source, pg_url, monkeypatch):
    async def miscounted(conn, table):
        total = await real(conn, table)
        if table.name == "tags":
            total.rows += 1
        return total

    real = copy_module.postgres_sum
    monkeypatch.setattr(copy_module, "postgres_sum", miscounted)
    report = await copy_to_postgres(source, pg_url)
    assert report.outcome == "differs" and not report.matches
    assert [c.name for c in report.tables if not c.matches] == ["tags"]
    assert await pg_total(pg_url) == 0


def test_checksums_ignore_order_and_how_each_engine_types_a_number():
    one, two = TableSum(), TableSum()
    one.add([(1, 2.0, "é", None), (2, 0.5, "", None)])
    two.add([(2, 0.5, "", None), (1, 2, "é", None)])
    assert (one.rows, one.checksum) == (two.rows, two.checksum)
    for changed in [(1, 2.5, "é", None), (1, 2.0, "e", None), (1, 2.0, "é", "")]:
        other = TableSum()
        other.add([changed, (2, 0.5, "", None)])
        assert other.checksum != one.checksum
