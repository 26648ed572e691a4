"""Copying a SQLite installation into PostgreSQL (`domestique db copy --to URL`).

Every table the migrations created is copied, ids kept (so references hold), in one
transaction on PostgreSQL: either the whole copy, checked, is committed, or nothing is.
The table list is read from the two schemas (storage/copy_check.py), never written
here, and both must be the same version: the source as this Domestique left it (run
`domestique db migrate` on an older file first), the target migrated to it when opened.

Idempotent by refusal rather than by upsert: the copy goes into an empty database. A
target that already holds exactly the source's rows (same counts and checksums) is left
as it is and reported as a copy; one holding anything else is refused, unless `replace`
empties it first (in the same transaction). So running the copy twice gives the same
target, and rows in the target that the source never had cannot survive unnoticed.

After the rows, each identity sequence is moved past the largest id copied, PostgreSQL's
search index (`articles_search`, storage/search.py) is filled for every copied story the
way the repositories fill it, and both sides' row counts and checksums are compared
before the commit: a difference rolls the copy back.

The source is opened read-only under its writer lock (storage/lock.py), so a running
bot is refused, not copied mid-write, and the SQLite file is never changed.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg

from feeds.models import Story
from storage.copy_check import (
    POSTGRES_OWN,
    Table,
    TableSum,
    parents_first,
    postgres_columns,
    postgres_has_rows,
    postgres_sum,
    quoted,
    schema_differences,
    sqlite_batches,
    sqlite_sum,
    sqlite_tables,
)
from storage.database import Database
from storage.db import DatabaseError, describe, is_memory, migrations
from storage.postgres import connect
from storage.search import document
from storage.target import is_postgres

LOCK_TIMEOUT = "10s"
"""How long the copy waits for a table a running bot holds on the target, then gives up."""
URL_FORM = "postgresql://user:password@host:port/dbname"

_FAILURES = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)


class CopyRefused(DatabaseError):
    """The copy cannot start (or go on) for a reason one line gives; nothing was written."""


@dataclass(frozen=True, slots=True)
class TableCheck:
    name: str
    source: TableSum
    target: TableSum

    @property
    def matches(self) -> bool:
        return (self.source.rows, self.source.total) == (self.target.rows, self.target.total)


@dataclass(frozen=True, slots=True)
class CopyReport:
    tables: tuple[TableCheck, ...]
    outcome: str
    """copied; already copied (nothing written); differs (rolled back, nothing written)."""
    seconds: float

    @property
    def rows(self) -> int:
        return sum(check.source.rows for check in self.tables)

    @property
    def matches(self) -> bool:
        return all(check.matches for check in self.tables)


class _Differs(Exception):
    def __init__(self, report: CopyReport) -> None:
        super().__init__("the copy differs from its source")
        self.report = report


async def copy_to_postgres(source: str | Path, url: str, *, replace: bool = False) -> CopyReport:
    """Copy the SQLite database at `source` into the PostgreSQL database at `url`.

    Raises DatabaseError (CopyRefused, DatabaseInUse) with one line; nothing is written
    then. A copy whose checks differ is rolled back and reported (`outcome` differs)."""
    if is_postgres(source) or is_memory(source):
        raise CopyRefused(source, "the database to copy must be a SQLite file")
    if not is_postgres(url):
        raise CopyRefused(url, f"not a PostgreSQL URL (expected {URL_FORM})")
    sqlite_db = await Database.open(source, read_only=True, exclusive=True)
    try:
        version, known = await sqlite_db.schema_version(), len(migrations())
        if version != known:
            raise CopyRefused(
                source,
                f"schema version {version}, this Domestique's is {known}: "
                "run `domestique db migrate` on it first",
            )
        await _check_target(url, version)
        target = await _connect(url)
        try:
            return await _copy(sqlite_db.writer, target, url, replace)
        except _FAILURES as exc:
            raise DatabaseError(url, f"nothing copied: {describe(exc)}") from exc
        finally:
            await target.close()
    finally:
        await sqlite_db.close()


async def _check_target(url: str, version: int) -> None:
    """Open (and so migrate) the target once: its refusals are the usual ones (cannot
    connect, a newer schema), in the usual words."""
    try:
        target = await Database.open(url)
    except ValueError:
        # asyncpg's own words may quote the URL, password included: not shown.
        raise CopyRefused(url, f"not a usable PostgreSQL URL (expected {URL_FORM})") from None
    try:
        target_version = await target.schema_version()
    finally:
        await target.close()
    if target_version != version:
        raise CopyRefused(
            url, f"schema version {target_version}, the SQLite file's is {version}: migrate both"
        )


async def _connect(url: str) -> asyncpg.Connection:
    try:
        return await connect(url)
    except _FAILURES as exc:
        raise DatabaseError(url, f"cannot connect: {describe(exc)}") from exc


async def _copy(src: Any, dst: asyncpg.Connection, url: str, replace: bool) -> CopyReport:
    started = time.perf_counter()
    tables = await sqlite_tables(src)
    types = await postgres_columns(dst)
    problems = schema_differences(tables, types)
    if problems:
        raise CopyRefused(url, f"its tables differ from the SQLite file's: {'; '.join(problems)}")
    order = await parents_first(dst, tables)
    await src.execute("BEGIN")  # one snapshot of the source for every table
    try:
        async with dst.transaction():
            await dst.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
            return await _fill(src, dst, url, [tables[n] for n in order], types, replace, started)
    except _Differs as differs:
        return differs.report
    finally:
        await src.execute("COMMIT")


async def _fill(
    src: Any,
    dst: asyncpg.Connection,
    url: str,
    tables: Sequence[Table],
    types: dict[str, dict[str, str]],
    replace: bool,
    started: float,
) -> CopyReport:
    names = [t.name for t in tables]
    full = await postgres_has_rows(dst, [*names, *sorted(POSTGRES_OWN - {"schema_version"})])
    if full:
        checks = [
            TableCheck(t.name, await sqlite_sum(src, t), await postgres_sum(dst, t)) for t in tables
        ]
        report = CopyReport(tuple(checks), "already copied", time.perf_counter() - started)
        if report.matches:
            return report
        if not replace:
            raise CopyRefused(
                url,
                f"already holds other data (in {', '.join(full)}): copy into an empty "
                "database, or give --replace to empty this one first",
            )
        everything = [*names, *sorted(POSTGRES_OWN - {"schema_version"})]
        await dst.execute(f"TRUNCATE {', '.join(quoted(n) for n in everything)}")
    indexes = await _drop_indexes(dst)
    sums = {t.name: await _copy_table(src, dst, url, t, types[t.name]) for t in tables}
    for definition in indexes:
        await dst.execute(definition)
    await _reset_identities(dst)
    checks = [TableCheck(t.name, sums[t.name], await postgres_sum(dst, t)) for t in tables]
    report = CopyReport(tuple(checks), "copied", time.perf_counter() - started)
    if not report.matches:
        raise _Differs(dataclasses.replace(report, outcome="differs"))
    return report


async def _copy_table(
    src: Any, dst: asyncpg.Connection, url: str, table: Table, types: dict[str, str]
) -> TableSum:
    total = TableSum()
    convert = [_converter(types[c]) for c in table.columns]
    try:
        async for batch in sqlite_batches(src, table):
            total.add(batch)
            records = [tuple(f(v) for f, v in zip(convert, row, strict=True)) for row in batch]
            await dst.copy_records_to_table(
                table.name, records=records, columns=list(table.columns)
            )
            if table.name == "articles":
                await _index_stories(dst, table, batch)
    except (asyncpg.PostgresError, asyncpg.DataError, ValueError, TypeError) as exc:
        raise DatabaseError(url, f"nothing copied: table {table.name}: {describe(exc)}") from exc
    return total


async def _index_stories(dst: asyncpg.Connection, table: Table, batch: Sequence[tuple]) -> None:
    """The search index's words for each story, as `storage.search.index_story` writes
    them when a story is stored."""
    at = {name: table.columns.index(name) for name in ("id", "title", "summary", "body")}
    ids = [row[at["id"]] for row in batch]
    words = [
        document(Story("", None, row[at["title"]], row[at["summary"]], row[at["body"]]))
        for row in batch
    ]
    await dst.execute(
        "INSERT INTO articles_search (article_id, words) "
        "SELECT u.id, to_tsvector('simple', u.doc) FROM unnest($1::bigint[], $2::text[]) "
        "AS u(id, doc)",
        ids,
        words,
    )


async def _drop_indexes(dst: asyncpg.Connection) -> list[str]:
    """Drop the indexes no constraint needs and return their definitions, to build each
    once after the load (in the same transaction): GIN (the search index, kept without
    fastupdate) took 20 of 25 seconds for 20,000 stories when filled row by row. Primary
    keys and unique indexes stay, so every row is still checked as it comes."""
    rows = await dst.fetch(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
        "JOIN pg_namespace n ON n.oid = t.relnamespace "
        "WHERE n.nspname = current_schema() AND NOT x.indisunique AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)"
    )
    for name, _ in rows:
        await dst.execute(f"DROP INDEX {quoted(name)}")
    return [definition for _, definition in rows]


async def _reset_identities(dst: asyncpg.Connection) -> None:
    """Each id sequence past the largest id copied, so the next row gets a new id."""
    rows = await dst.fetch(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() "
        "AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')"
    )
    for table, column in rows:
        await dst.execute(
            "SELECT setval(pg_get_serial_sequence($1, $2), "
            f"COALESCE((SELECT MAX({quoted(column)}) FROM {quoted(table)}), 0) + 1, false)",
            quoted(table),
            column,
        )


def _converter(kind: str) -> Callable[[Any], Any]:
    """SQLite keeps a value as given whatever the column says; COPY wants the column's
    own Python type (an integer in a REAL column, a whole float in an INTEGER one)."""
    if kind in ("bigint", "integer", "smallint"):
        return _as_int
    if kind in ("double precision", "real"):
        return _as_float
    return _as_is


def _as_int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _as_float(value: Any) -> Any:
    return float(value) if isinstance(value, int) else value


def _as_is(value: Any) -> Any:
    return value
