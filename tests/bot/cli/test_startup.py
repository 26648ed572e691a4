"""`--help`, `health` (Docker's healthcheck) and `feeds list` load only what they use: run
in a fresh process, none of them imports Discord, the HTTP stack, the feed parser, the
tagger or the scheduler, and `--help` not even storage or asyncio. Their wall time is
measured by bench/startup.py, never asserted here."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage import Storage

ROOT = Path(__file__).resolve().parents[3]
GENEROUS_S = 60.0
"""Only catches a hang."""

# Runs one command as `domestique` does, then reports every module it loaded.
RUNNER = """
import contextlib, io, json, sys
from bot.cli.main import main
out = io.StringIO()
try:
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "output": out.getvalue(), "modules": sorted(sys.modules)}))
"""

HEAVY = (
    "discord",
    "aiohttp",
    "feedparser",
    "apscheduler",
    "rapidfuzz",
    "ahocorasick",
    "feeds.nlp",
    "feeds.ingest.fetch",
    "feeds.ingest.parse",
    "bot.app",
    "bot.pipeline",
)
"""Top packages (and their submodules) none of the three commands may load."""
NOT_FOR_HELP = (*HEAVY, "asyncio", "aiosqlite", "storage", "sqlite3", "tomllib")


def loaded(tmp_path: Path, database: Path, *command: str) -> dict:
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DOMESTIQUE_") and k != "DISCORD_TOKEN"
    }
    environ.update(PYTHONPATH=str(ROOT), DOMESTIQUE_DATABASE=str(database))
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, *command],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=GENEROUS_S,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def offending(modules: list[str], banned: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == b or m.startswith(b + ".") for b in banned)]


@pytest.fixture
def polled_database(tmp_path: Path) -> Path:
    """A database with one feed polled a minute ago (so `health` says healthy)."""
    database = tmp_path / "bot.sqlite3"

    async def make() -> None:
        storage = await Storage.open(database)
        try:
            feed, _ = await storage.feeds.add("https://news.example/feed.xml", time.time())
            now = time.time() - 60
            await storage.feeds.record_unchanged(feed.id, now, now + 600)
        finally:
            await storage.close()

    asyncio.run(make())
    return database


def test_help_loads_neither_storage_nor_anything_heavy(tmp_path: Path) -> None:
    found = loaded(tmp_path, tmp_path / "none.sqlite3", "--help")
    assert found["code"] == 0 and "health" in found["output"]
    assert offending(found["modules"], NOT_FOR_HELP) == []


def test_health_loads_storage_only(tmp_path: Path, polled_database: Path) -> None:
    found = loaded(tmp_path, polled_database, "health")
    assert found["code"] == 0 and found["output"].startswith("healthy"), found["output"]
    assert "storage.store" in found["modules"]
    assert offending(found["modules"], HEAVY) == []


def test_feeds_list_loads_storage_only(tmp_path: Path, polled_database: Path) -> None:
    found = loaded(tmp_path, polled_database, "feeds", "list")
    assert found["code"] == 0 and "https://news.example/feed.xml" in found["output"]
    assert offending(found["modules"], HEAVY) == []
