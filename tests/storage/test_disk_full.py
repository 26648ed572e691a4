"""A full disk: the error says so (not "cannot rollback"), nothing commits half, and the
next transaction works once there is room again.

SQLite's `PRAGMA max_page_count` makes the file "full" the way a full disk does
(SQLITE_FULL, and SQLite rolls the whole transaction back itself). A real full filesystem
(a small tmpfs in a private mount namespace) is used too where the machine allows it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeds.models import Story, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.db import connect, migrate, schema_version

ROOT = Path(__file__).resolve().parents[2]
NOW = 1_700_000_000.0
NO_LIMIT = 1_073_741_823


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """SQLite only (what this file tests is SQLite's own)."""
    return tmp_path / "domestique.sqlite3"


def big_story(n: int) -> Story:
    return Story(
        key=f"s{n}",
        url=f"https://example.com/{n}",
        title=f"Story {n}",
        summary="Summary",
        body=f"{n} " + "Tadej Pogačar attacks on the Galibier. " * 500,
        published=datetime(2023, 9, 26, 12, tzinfo=UTC),
    )


def feed_state(etag: str) -> FeedState:
    return FeedState(
        title="Feed", etag=etag, last_modified=None, body_hash=etag, next_attempt_at=NOW
    )


async def scalar(storage: Storage, sql: str) -> int:
    async with storage.reader.execute(sql) as cur:
        return (await cur.fetchone())[0]


async def fill_up(storage: Storage, spare_pages: int = 2) -> None:
    pages = await scalar(storage, "PRAGMA page_count")
    await storage.writer.execute(f"PRAGMA max_page_count = {pages + spare_pages}")


async def test_a_write_sqlite_rolls_back_itself_says_disk_full(storage: Storage):
    # A one-row INSERT keeps no statement journal: on SQLITE_FULL SQLite rolls the whole
    # transaction back itself, and a ROLLBACK after that fails ("no transaction is active").
    await fill_up(storage)
    with pytest.raises(Exception, match="database or disk is full") as caught:
        async with storage.transaction() as conn:
            await conn.execute("INSERT INTO meta (key, value) VALUES ('first', 'x')")
            await conn.execute("INSERT INTO meta (key, value) VALUES ('big', ?)", ("x" * 50_000,))
    assert "rollback" not in str(caught.value)
    assert not storage.writer.in_transaction
    assert await storage.meta.get("first") is None
    await storage.writer.execute(f"PRAGMA max_page_count = {NO_LIMIT}")
    await storage.meta.set("after", "room again")
    assert await storage.meta.get("after") == "room again"


async def test_a_poll_that_fills_the_disk_says_so_and_stores_none_of_it(storage: Storage):
    feed, _ = await storage.feeds.add("https://example.com/feed", NOW)
    await storage.articles.save_poll(feed.id, [(big_story(0), StoryTags())], feed_state("e1"), NOW)
    await fill_up(storage)
    items = [(big_story(n), StoryTags()) for n in range(1, 30)]
    with pytest.raises(Exception, match="database or disk is full") as caught:
        await storage.articles.save_poll(feed.id, items, feed_state("e2"), NOW + 60)
    assert "rollback" not in str(caught.value)
    assert not storage.writer.in_transaction
    # None of the poll: no story of it, and the feed's validators are the earlier poll's.
    assert await scalar(storage, "SELECT COUNT(*) FROM articles") == 1
    assert (await storage.feeds.get(feed.url)).etag == "e1"
    # Room again: the same poll goes through whole on the same connection.
    await storage.writer.execute(f"PRAGMA max_page_count = {NO_LIMIT}")
    saved = await storage.articles.save_poll(feed.id, items, feed_state("e2"), NOW + 60)
    assert len(saved.new) == len(items)
    assert await scalar(storage, "SELECT COUNT(*) FROM articles") == 1 + len(items)


async def test_an_error_in_the_body_still_rolls_back(storage: Storage):
    with pytest.raises(LookupError):
        async with storage.transaction() as conn:
            await conn.execute("INSERT INTO meta (key, value) VALUES ('half', 'x')")
            raise LookupError("the caller gave up")
    assert not storage.writer.in_transaction
    assert await storage.meta.get("half") is None


FILLING_MIGRATION = (
    1,
    "001_filling.sql",
    "CREATE TABLE filled (x BLOB);\nINSERT INTO filled VALUES (zeroblob(50000));\n",
)


@pytest.mark.parametrize("migration", ["bundled", "one that SQLite rolls back itself"])
async def test_a_migration_that_fills_the_disk_says_so_and_applies_nothing(
    tmp_path, monkeypatch, migration
):
    if migration != "bundled":
        monkeypatch.setattr("storage.db.migrations", lambda: [FILLING_MIGRATION])
    conn = await connect(tmp_path / "db.sqlite3")
    try:
        await conn.execute("PRAGMA max_page_count = 4")
        with pytest.raises(Exception, match="database or disk is full") as caught:
            await migrate(conn)
        assert "rollback" not in str(caught.value)
        assert not conn.in_transaction
        assert await schema_version(conn) == 0
        async with conn.execute("SELECT COUNT(*) FROM sqlite_master") as cur:
            assert (await cur.fetchone())[0] == 0
        await conn.execute(f"PRAGMA max_page_count = {NO_LIMIT}")
        assert await migrate(conn) != []
    finally:
        await conn.close()


# --- a real full filesystem -----------------------------------------------------------------

REAL_DISK_SCRIPT = textwrap.dedent(
    """
    import asyncio, json, os, sys
    from storage import Storage
    from tests.storage.test_disk_full import big_story, feed_state, scalar
    from feeds.models import StoryTags

    async def main(folder):
        database = os.path.join(folder, "db.sqlite3")
        storage = await Storage.open(database)
        try:
            await fill_and_write(storage, folder)
        finally:
            await storage.close()

    async def fill_and_write(storage, folder):
        feed, _ = await storage.feeds.add("https://example.com/feed", 1.0)
        await storage.articles.save_poll(feed.id, [(big_story(0), StoryTags())],
                                         feed_state("e1"), 1.0)
        # Fill the filesystem up, leaving a few pages.
        filler = os.path.join(folder, "filler")
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"x" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        os.truncate(filler, max(0, os.path.getsize(filler) - 16384))
        items = [(big_story(n), StoryTags()) for n in range(1, 60)]
        outcome = {}
        try:
            await storage.articles.save_poll(feed.id, items, feed_state("e2"), 2.0)
            outcome["error"] = None
        except Exception as exc:
            outcome["error"] = f"{type(exc).__name__}: {exc}"
        outcome["in_transaction"] = storage.writer.in_transaction
        outcome["articles"] = await scalar(storage, "SELECT COUNT(*) FROM articles")
        outcome["etag"] = (await storage.feeds.get(feed.url)).etag
        try:
            async with storage.transaction() as conn:
                await conn.execute("INSERT INTO meta (key, value) VALUES ('first', 'x')")
                await conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('big', ?)", ("x" * 500_000,)
                )
            outcome["meta_error"] = None
        except Exception as exc:
            outcome["meta_error"] = f"{type(exc).__name__}: {exc}"
        outcome["meta_first"] = await storage.meta.get("first")
        os.remove(filler)
        await storage.meta.set("after", "room again")
        saved = await storage.articles.save_poll(feed.id, items, feed_state("e2"), 2.0)
        outcome["after_room"] = len(saved.new)
        print(json.dumps(outcome))

    asyncio.run(main(sys.argv[1]))
    """
)


def can_mount_tmpfs() -> bool:
    if shutil.which("unshare") is None or sys.platform != "linux":
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not can_mount_tmpfs(), reason="needs unshare -m and tmpfs mounts")
def test_a_real_full_filesystem(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    script = tmp_path / "fill.py"
    script.write_text(REAL_DISK_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # 4 MB: once the filler is gone, 59 long stories and their search index (with its
    # prefix indexes, migration 009) must fit again, WAL included.
    result = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            'mount -t tmpfs -o size=4m tmpfs "$1" && exec "$2" "$3" "$1"',
            "sh",
            str(folder),
            sys.executable,
            str(script),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    print(outcome)
    assert "database or disk is full" in outcome["error"]
    assert "rollback" not in outcome["error"]
    assert outcome["in_transaction"] is False
    assert outcome["articles"] == 1 and outcome["etag"] == "e1"
    assert outcome["after_room"] == 59
    assert "database or disk is full" in outcome["meta_error"]
    assert "rollback" not in outcome["meta_error"]
    assert outcome["meta_first"] is None
