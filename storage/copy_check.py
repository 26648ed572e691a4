"""What `domestique db copy` copies and how it checks the copy: the tables both engines'
schemas hold, read from the schemas themselves, and one checksum a table computed the same
way on SQLite and on PostgreSQL.

A table's checksum is the sum, modulo 2**128, of a SHA-256 of each row's normalised
values: independent of row order, so neither side has to sort (PostgreSQL's collation
may order text differently from SQLite's) or hold a table in memory. Values are
normalised so that what SQLite and PostgreSQL return for the same row is the same bytes:
integers (and floats holding an integer) as digits, other floats as `repr`, text with
its length.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import aiosqlite
import asyncpg

BATCH_ROWS = 2000

POSTGRES_OWN = frozenset(
    {"schema_version", "articles_search", "articles_search_postings", "articles_search_blocks"}
)
"""PostgreSQL's bookkeeping (the schema version) and its search index, rebuilt from the
copied stories: not rows the SQLite file holds under those names."""

_MODULUS = 2**128


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[str, ...]
    """In the source's order; both sides are read in it."""


@dataclass(slots=True)
class TableSum:
    """A running row count and checksum."""

    rows: int = 0
    total: int = field(default=0)

    def add(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            digest = hashlib.sha256(b"|".join(_normal(v) for v in row)).digest()
            self.total = (self.total + int.from_bytes(digest[:16], "big")) % _MODULUS
            self.rows += 1

    @property
    def checksum(self) -> str:
        return f"{self.total:032x}"


def _normal(value: Any) -> bytes:
    kind = type(value)  # the common types first: this runs for every value of every row
    if kind is str:
        text = value.encode("utf-8", "surrogatepass")
        return b"s%d:" % len(text) + text
    if kind is int:
        return b"i%d" % value
    if value is None:
        return b"n"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        value = int(value)
    if isinstance(value, int):  # bool included
        return b"i%d" % int(value)
    if isinstance(value, float):
        return b"f" + repr(value).encode()
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        return b"b%d:" % len(raw) + raw
    text = str(value).encode("utf-8", "surrogatepass")
    return b"s%d:" % len(text) + text


# --- the schemas ---------------------------------------------------------------------------


async def sqlite_tables(conn: aiosqlite.Connection) -> dict[str, Table]:
    """The SQLite file's own tables: not SQLite's, not a virtual table (the FTS5 index,
    rebuilt by PostgreSQL's own means) nor the shadow tables it keeps."""
    rows = await conn.execute_fetchall(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    tables = {}
    for name, _ in rows:
        if name in virtual or any(name.startswith(f"{v}_") for v in virtual):
            continue
        info = await conn.execute_fetchall(f'PRAGMA table_info("{name}")')
        tables[name] = Table(name, tuple(str(r[1]) for r in info))
    return tables


async def postgres_columns(conn: asyncpg.Connection) -> dict[str, dict[str, str]]:
    """Every table of the current schema: its columns and their types."""
    rows = await conn.fetch(
        "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
        "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
        "AND t.table_name = c.table_name "
        "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
    )
    found: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        found.setdefault(table, {})[column] = kind
    return found


def schema_differences(source: dict[str, Table], target: dict[str, dict[str, str]]) -> list[str]:
    """What differs between the two schemas' tables and columns (empty: the same)."""
    wanted = {name: cols for name, cols in target.items() if name not in POSTGRES_OWN}
    problems = []
    if only := sorted(set(source) - set(wanted)):
        problems.append(f"only in the SQLite file: {', '.join(only)}")
    if only := sorted(set(wanted) - set(source)):
        problems.append(f"only in PostgreSQL: {', '.join(only)}")
    for name in sorted(set(source) & set(wanted)):
        if set(source[name].columns) != set(wanted[name]):
            problems.append(f"{name} has other columns")
    return problems


async def parents_first(conn: asyncpg.Connection, names: Iterable[str]) -> list[str]:
    """The tables, each after the tables its foreign keys point at (PostgreSQL checks every
    row as it is copied)."""
    from graphlib import TopologicalSorter

    links = await conn.fetch(
        "SELECT c.relname, p.relname FROM pg_constraint k "
        "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid "
        "JOIN pg_namespace n ON n.oid = k.connamespace "
        "WHERE k.contype = 'f' AND n.nspname = current_schema()"
    )
    chosen = sorted(names)
    graph: dict[str, set[str]] = {name: set() for name in chosen}
    for child, parent in links:
        if child in graph and parent in graph and child != parent:
            graph[child].add(parent)
    return list(TopologicalSorter(graph).static_order())


# --- reading each side -----------------------------------------------------------------------


def select(table: Table) -> str:
    return f"SELECT {', '.join(quoted(c) for c in table.columns)} FROM {quoted(table.name)}"


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


async def sqlite_batches(conn: aiosqlite.Connection, table: Table):
    """The table's rows, BATCH_ROWS at a time, as tuples."""
    async with conn.execute(select(table)) as cur:
        while batch := await cur.fetchmany(BATCH_ROWS):
            yield [tuple(row) for row in batch]


async def sqlite_sum(conn: aiosqlite.Connection, table: Table) -> TableSum:
    total = TableSum()
    async for batch in sqlite_batches(conn, table):
        total.add(batch)
    return total


async def postgres_sum(conn: asyncpg.Connection, table: Table) -> TableSum:
    """Within the caller's transaction (asyncpg's cursors need one)."""
    total = TableSum()
    batch: list = []
    async for record in conn.cursor(select(table), prefetch=BATCH_ROWS):
        batch.append(record)
        if len(batch) >= BATCH_ROWS:
            total.add(batch)
            batch.clear()
    total.add(batch)
    return total


async def postgres_has_rows(conn: asyncpg.Connection, names: Iterable[str]) -> list[str]:
    """Those of the tables that hold at least one row."""
    full = []
    for name in names:
        if await conn.fetchval(f"SELECT EXISTS (SELECT 1 FROM {quoted(name)})"):
            full.append(name)
    return full
