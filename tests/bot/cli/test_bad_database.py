"""Every command on a database it cannot use, as an operator runs it (a separate process):
a non-zero exit within seconds, one line naming the file and the cause, no traceback,
and the file exactly as it was. `health` says `unhealthy: <file>: <cause>` and exits 1."""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.cli.main import EXIT_DATABASE_IN_USE, EXIT_DATABASE_UNUSABLE
from storage import Storage
from storage.db import migrations
from storage.lock import WriterLock

ROOT = Path(__file__).resolve().parents[3]
GENEROUS_S = 60.0
"""Only catches a hang; each command's time is printed."""

FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Saved</title><link>https://news.example/</link>
<item><guid>one</guid><title>A story</title><link>https://news.example/one</link></item>
</channel></rss>
"""
ROSTER = '[[rider]]\nname = "Zoë Testrider"\n'

COMMANDS: dict[str, tuple[str, ...]] = {
    "run": ("run",),
    "poll": ("poll", "--once", "--feed", "saved.xml"),
    "feeds list": ("feeds", "list"),
    "feeds add": ("feeds", "add", "https://feeds.example/a.xml"),
    "feeds remove": ("feeds", "remove", "https://feeds.example/a.xml"),
    "db migrate": ("db", "migrate"),
    "roster import": ("roster", "import", "extra.toml"),
    "roster export": ("roster", "export"),
    "health": ("health",),
}
WRITERS = tuple(c for c in COMMANDS if c != "health")


def no_dac_override() -> tuple[str, ...] | None:
    """A prefix under which file permissions apply (root ignores them), or None if there is
    no way to get that here."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        return None
    return ("setpriv", "--bounding-set", "-dac_override,-dac_read_search")


def domestique(
    tmp_path: Path, database: Path, command: str, prefix: tuple[str, ...] = ()
) -> tuple[subprocess.CompletedProcess[str], float]:
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DOMESTIQUE_") and k != "DISCORD_TOKEN"
    }
    environ.update(
        PYTHONPATH=str(ROOT),
        DOMESTIQUE_DATABASE=str(database),
        DOMESTIQUE_FEEDS="http://127.0.0.1:9/feed.xml",
    )
    began = time.monotonic()
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "bot", *COMMANDS[command]],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=GENEROUS_S,
    )
    return result, time.monotonic() - began


def real_database(path: Path) -> Path:
    """A migrated database with a feed in it, closed cleanly (no -wal beside it)."""

    async def make() -> None:
        storage = await Storage.open(path)
        try:
            await storage.feeds.add("https://feeds.example/a.xml", 1.0)
        finally:
            await storage.close()

    asyncio.run(make())
    return path


def random_bytes(tmp_path: Path) -> Path:
    path = tmp_path / "random.sqlite3"
    path.write_bytes(os.urandom(16384))
    return path


def truncated(tmp_path: Path) -> Path:
    path = real_database(tmp_path / "truncated.sqlite3")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def header_cut(tmp_path: Path) -> Path:
    path = real_database(tmp_path / "cut.sqlite3")
    path.write_bytes(path.read_bytes()[:50])
    return path


def folder(tmp_path: Path) -> Path:
    path = tmp_path / "folder.sqlite3"
    path.mkdir()
    return path


def newer(tmp_path: Path) -> Path:
    path = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.execute(f"PRAGMA user_version = {len(migrations()) + 1}")
    conn.commit()
    conn.close()
    return path


def rollback_journal(tmp_path: Path) -> Path:
    """Not in WAL: a writer's EXCLUSIVE lock then keeps readers out too, the way a
    database not yet in WAL, or another tool's exclusive locking mode, would."""
    path = real_database(tmp_path / "locked.sqlite3")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def with_mode(mode: int) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        path = real_database(tmp_path / f"mode{mode:o}.sqlite3")
        path.chmod(mode)
        return path

    return make


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]
    cause: str
    commands: tuple[str, ...] = tuple(COMMANDS)
    health_cause: str | None = None
    needs_permissions: bool = False
    code: int = EXIT_DATABASE_UNUSABLE
    holds: str | None = None
    extra: dict = field(default_factory=dict)


CASES: dict[str, Case] = {
    "random bytes": Case(random_bytes, "not a SQLite database"),
    "truncated": Case(truncated, "truncated"),
    "header cut short": Case(header_cut, "not a SQLite database"),
    "a folder": Case(folder, "is a folder"),
    "under /dev/null": Case(
        lambda _: Path("/dev/null/domestique.sqlite3"),
        "/dev/null is a file",
        health_cause="no database here",
    ),
    "/dev/null": Case(lambda _: Path("/dev/null"), "not a regular file"),
    "newer schema": Case(newer, "newer than this Domestique"),
    "unreadable": Case(with_mode(0o000), "Permission denied", needs_permissions=True),
    # Health only reads, and a read-only file reads fine.
    "read-only file": Case(
        with_mode(0o444), "Permission denied", commands=WRITERS, needs_permissions=True
    ),
    "locked by a writer mid-transaction": Case(
        rollback_journal,
        "database is locked",
        commands=("health", "feeds list", "run"),
        holds="transaction",
    ),
    "another Domestique writing to it": Case(
        lambda tmp_path: real_database(tmp_path / "in-use.sqlite3"),
        f"another Domestique is using it (pid {os.getpid()} on ",
        commands=("run", "poll", "db migrate"),
        code=EXIT_DATABASE_IN_USE,
        holds="writer lock",
    ),
}


@contextmanager
def held(how: str | None, path: Path) -> Iterator[None]:
    if how == "transaction":
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("INSERT INTO meta (key, value) VALUES ('uncommitted', 'x')")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
    elif how == "writer lock":
        lock = WriterLock.acquire(path)
        try:
            yield
        finally:
            lock.release()
    else:
        yield


def snapshot(path: Path) -> str:
    if path.is_dir():
        return "folder: " + ",".join(sorted(p.name for p in path.iterdir()))
    if not path.exists():
        return "absent"
    if not path.is_file():
        return "not a file"
    mode = path.stat().st_mode
    path.chmod(0o600)
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    finally:
        path.chmod(mode)


@pytest.mark.parametrize("name", list(CASES))
def test_every_command_refuses_a_database_it_cannot_use(tmp_path, name):
    case = CASES[name]
    prefix: tuple[str, ...] = ()
    if case.needs_permissions:
        found = no_dac_override()
        if found is None:
            pytest.skip("running as root without setpriv: file permissions do not apply")
        prefix = found
    (tmp_path / "saved.xml").write_text(FEED, encoding="utf-8")
    (tmp_path / "extra.toml").write_text(ROSTER, encoding="utf-8")
    database = case.make(tmp_path)
    before = snapshot(database)
    with held(case.holds, database):
        for command in case.commands:
            result, seconds = domestique(tmp_path, database, command, prefix)
            print(f"{name}: {command}: exit {result.returncode} in {seconds:.2f} s")
            what = f"{command}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
            assert "Traceback" not in result.stderr + result.stdout, what
            if command == "health":
                cause = case.health_cause or case.cause
                assert result.returncode == 1, what
                assert result.stderr == "", what
                [line] = result.stdout.splitlines()
                assert line.startswith(f"unhealthy: {database}") and cause in line, what
            else:
                assert result.returncode == case.code, what
                assert result.stdout == "", what
                [line] = result.stderr.splitlines()
                assert line.startswith(f"domestique: {database}: ") and case.cause in line, what
            # Reading the file here would drop the test's own SQLite lock (POSIX locks go
            # with any descriptor of the file the process closes): checked at the end.
            if case.holds != "transaction":
                assert snapshot(database) == before, f"{command} changed {database}"
    assert snapshot(database) == before


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
@pytest.mark.parametrize("command", ["run", "feeds list", "db migrate", "health"])
def test_a_read_only_filesystem(tmp_path, command):
    """A real read-only mount, in a private mount namespace that ends with the command."""
    source = real_database(tmp_path / "source.sqlite3")
    mount = tmp_path / "ro"
    mount.mkdir()
    database = mount / "domestique.sqlite3"
    script = (
        'mount -t tmpfs -o size=4m tmpfs "$1" && cp "$2" "$3" '
        '&& mount -o remount,ro "$1" && shift 3 && exec "$@"'
    )
    prefix = ("unshare", "-m", "sh", "-c", script, "sh", str(mount), str(source), str(database))
    result, seconds = domestique(tmp_path, database, command, prefix)
    print(f"read-only filesystem: {command}: exit {result.returncode} in {seconds:.2f} s")
    what = f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr + result.stdout, what
    if command == "health":
        # Reading a WAL database needs its -shm beside it, which cannot be made here.
        assert result.returncode == 1 and result.stderr == "", what
        [line] = result.stdout.splitlines()
        assert line.startswith(f"unhealthy: {database}: "), what
    else:
        assert result.returncode == EXIT_DATABASE_UNUSABLE, what
        [line] = result.stderr.splitlines()
        assert line == f"domestique: {database}: cannot open it for writing: Read-only file system"
