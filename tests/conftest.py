"""Fixtures shared by every test package."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import Storage


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[Storage]:
    store = await Storage.open(tmp_path / "domestique.sqlite3")
    try:
        yield store
    finally:
        await store.close()


# --- both storage engines ------------------------------------------------------------------
# `database` is what Storage.open takes: a SQLite file, or a fresh database on a throwaway
# PostgreSQL cluster (tests/pgcluster.py) started once per session. Without PostgreSQL's
# binaries the PostgreSQL half is skipped, and the summary says so in one line.

ENGINES = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def pg_cluster():
    from tests.pgcluster import MISSING, missing_binaries, running_cluster

    if missing_binaries():
        pytest.skip(MISSING)
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture(params=ENGINES)
async def database(request, tmp_path: Path) -> AsyncIterator[Path | str]:
    if request.param == "sqlite":
        yield tmp_path / "domestique.sqlite3"
        return
    cluster = request.getfixturevalue("pg_cluster")
    name = await cluster.lend()
    try:
        yield cluster.url(name)
    finally:
        await cluster.give_back(name)


@pytest.fixture
async def pg_url(pg_cluster) -> AsyncIterator[str]:
    """A database of its own on the session's throwaway cluster, migrated."""
    name = await pg_cluster.lend()
    try:
        yield pg_cluster.url(name)
    finally:
        await pg_cluster.give_back(name)


def pytest_terminal_summary(terminalreporter) -> None:
    from tests.pgcluster import MISSING

    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if MISSING in str(getattr(report, "longrepr", ""))
    ]
    if skipped:
        terminalreporter.write_line(
            f"PostgreSQL half skipped ({len(skipped)} tests): {MISSING}", yellow=True
        )


# --- the process's logging, as each test found it -----------------------------------------
@pytest.fixture(autouse=True)
def root_logging_restored():
    """`main()` run in-process sets up logging for a whole process (bot/cli/logs.py): a root
    handler on the sys.stderr of that moment, which is the test's capture stream, closed when
    the test ends, and the root level. Put back what the test found: otherwise every later
    record that reaches the root (an aiosqlite worker's DEBUG line while a test has the root
    at DEBUG) fails with "I/O operation on closed file"."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        # basicConfig's plain StreamHandler; pytest's own handlers are subclasses.
        if type(handler) is logging.StreamHandler and handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
