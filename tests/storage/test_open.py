"""Opening a database that cannot be used: one DatabaseError naming the file and the cause,
nothing left open (an aiosqlite thread left running kept the process alive), the file as
it was; read-only opens create and migrate nothing; one writing process per database."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from storage import Storage
from storage.database import DatabaseError, DatabaseInUse
from storage.db import connect, migrations
from storage.lock import LockHeld, WriterLock, lock_path

ROOT = Path(__file__).resolve().parents[2]
GENEROUS_S = 60.0


def worker_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if "_connection_worker_thread" in t.name]


def no_worker_left() -> bool:
    for thread in worker_threads():
        thread.join(GENEROUS_S)  # only catches a hang: a closed connection's thread ends
    return not worker_threads()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def random_bytes(path: Path) -> Path:
    path.write_bytes(os.urandom(8192))
    return path


def healthy_copy(path: Path) -> Path:
    """A real, migrated, cleanly closed database (no -wal beside it)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE filler (x BLOB)")
    conn.executemany("INSERT INTO filler VALUES (randomblob(3000))", [()] * 40)
    conn.commit()
    conn.close()
    return path


def truncated(path: Path) -> Path:
    healthy_copy(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def newer(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE something (x)")
    conn.execute(f"PRAGMA user_version = {len(migrations()) + 5}")
    conn.commit()
    conn.close()
    return path


BAD_FILES = {
    "random bytes": (random_bytes, "not a SQLite database"),
    "truncated": (truncated, "truncated"),
    "newer schema": (newer, "newer than this Domestique"),
}


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("kind", list(BAD_FILES))
async def test_a_bad_file_is_refused_whole(tmp_path, kind, read_only):
    make, cause = BAD_FILES[kind]
    path = make(tmp_path / "db.sqlite3")
    before = digest(path)
    with pytest.raises(DatabaseError) as caught:
        await Storage.open(path, read_only=read_only)
    assert caught.value.path == str(path)
    assert cause in caught.value.cause
    assert "\n" not in str(caught.value)
    assert no_worker_left()
    assert digest(path) == before


async def test_a_folder_and_a_path_under_a_file_are_refused(tmp_path):
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="is a folder"):
        await Storage.open(folder)
    a_file = tmp_path / "plain"
    a_file.write_text("")
    with pytest.raises(DatabaseError, match=f"{a_file} is a file"):
        await Storage.open(a_file / "db.sqlite3")
    assert no_worker_left()


async def test_a_connection_whose_pragma_fails_is_closed(tmp_path):
    # The check before opening is bypassed here: `connect` itself must not leak.
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        await connect(random_bytes(tmp_path / "db.sqlite3"))
    assert no_worker_left()


def test_a_process_that_failed_to_open_exits(tmp_path):
    """The hang itself: before, the leaked aiosqlite thread kept the process alive."""
    path = random_bytes(tmp_path / "db.sqlite3")
    script = (
        "import asyncio, sqlite3, sys\n"
        "from storage.db import connect\n"
        "try:\n"
        "    asyncio.run(connect(sys.argv[1]))\n"
        "except sqlite3.DatabaseError:\n"
        "    print('refused')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=GENEROUS_S,
    )
    assert result.stdout.strip() == "refused", result.stderr


async def test_read_only_creates_and_migrates_nothing(tmp_path):
    missing = tmp_path / "nowhere" / "db.sqlite3"
    with pytest.raises(DatabaseError, match="no database here"):
        await Storage.open(missing, read_only=True)
    assert not missing.parent.exists()

    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(DatabaseError, match="not set up yet"):
        await Storage.open(empty, read_only=True)
    assert empty.read_bytes() == b""
    assert no_worker_left()


async def test_read_only_reads_an_older_schema_as_it_is(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = await Storage.open(path)
    await store.feeds.add("https://example.com/feed", 1.0)
    await store.close()
    store = await Storage.open(path, read_only=True)
    try:
        assert [f.url for f in await store.feeds.all()] == ["https://example.com/feed"]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            await store.meta.set("x", "y")
    finally:
        await store.close()


# --- one writer per database ------------------------------------------------------------


async def test_a_second_writer_is_refused_naming_the_first(tmp_path):
    path = tmp_path / "db.sqlite3"
    first = await Storage.open(path, exclusive=True)
    try:
        with pytest.raises(DatabaseInUse) as caught:
            await Storage.open(path, exclusive=True)
        assert f"pid {os.getpid()}" in caught.value.cause
        assert "started" in caught.value.cause
        # Commands that do not need the lock still open it.
        reader = await Storage.open(path, read_only=True)
        await reader.close()
        other = await Storage.open(path)
        await other.close()
    finally:
        await first.close()
    again = await Storage.open(path, exclusive=True)
    await again.close()
    assert no_worker_left()


def test_the_lock_goes_with_a_killed_holder(tmp_path):
    path = tmp_path / "db.sqlite3"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from storage.lock import WriterLock\n"
            "WriterLock.acquire(sys.argv[1])\n"
            "print('held', flush=True)\n"
            "time.sleep(600)\n",
            str(path),
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld) as caught:
            WriterLock.acquire(path)
        assert f"pid {holder.pid}" in caught.value.holder
        holder.send_signal(signal.SIGKILL)
        holder.wait(GENEROUS_S)
        WriterLock.acquire(path).release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert lock_path(path).exists()  # kept: unlinking a lock file races its next holder
