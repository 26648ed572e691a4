"""Installation-wide facts (last poll) and stored roster and race calendar imports."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database


class MetaStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def get(self, key: str) -> str | None:
        async with self._storage.reader.execute(
            "SELECT value FROM meta WHERE key = ?", (key,)
        ) as c:
            row = await c.fetchone()
        return None if row is None else str(row[0])

    async def set(self, key: str, value: str) -> None:
        async with self._storage.transaction() as conn:
            await conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


@dataclass(frozen=True, slots=True)
class RosterImport:
    id: int
    source: str
    content: str
    imported_at: float


class RosterImportStore:
    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def add(self, source: str, content: str, now: float) -> int:
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO roster_imports (source, content, imported_at) VALUES (?, ?, ?) "
                "RETURNING id",
                (source, content, now),
            )
            return int((await cur.fetchone())[0])

    async def all(self) -> list[RosterImport]:
        async with self._storage.reader.execute(
            "SELECT id, source, content, imported_at FROM roster_imports ORDER BY id"
        ) as cur:
            return [RosterImport(*row) for row in await cur.fetchall()]


@dataclass(frozen=True, slots=True)
class RaceImport:
    id: int
    source: str
    content: str
    imported_at: float


class RaceImportStore:
    """Calendar files from `domestique races import`, applied in the order imported."""

    def __init__(self, storage: Database) -> None:
        self._storage = storage

    async def add(self, source: str, content: str, now: float) -> int:
        async with self._storage.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO race_imports (source, content, imported_at) VALUES (?, ?, ?) "
                "RETURNING id",
                (source, content, now),
            )
            return int((await cur.fetchone())[0])

    async def all(self) -> list[RaceImport]:
        async with self._storage.reader.execute(
            "SELECT id, source, content, imported_at FROM race_imports ORDER BY id"
        ) as cur:
            return [RaceImport(*row) for row in await cur.fetchall()]
