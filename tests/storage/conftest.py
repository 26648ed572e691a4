"""The storage suite runs on both engines: `database` (tests/conftest.py) is a SQLite file
or a fresh PostgreSQL database. Tests of what only SQLite has (its file checks, the writer
lock file, FTS5's prefix indexes, the lookup reader on the event loop) open a file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import Storage


@pytest.fixture
async def storage(database: Path | str) -> AsyncIterator[Storage]:
    store = await Storage.open(database)
    try:
        yield store
    finally:
        await store.close()
