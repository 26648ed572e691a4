"""PostgreSQL through asyncpg, behind the connection interface the repositories use.

The repositories write their SQL once, for SQLite, with `?` placeholders; `translate`
turns a statement into PostgreSQL's form once (cached): `?` becomes `$1, $2, ...`, and
the few SQLite idioms they use are rewritten (below). Anything else that differs is
written per engine where it is used (full-text search: storage/search.py; schema:
storage/migrations/*.postgres.sql and `schema_sql`).

`PgConnection` answers the calls the repositories make on an aiosqlite connection
(`execute` awaited or used as `async with`, `executemany` (pipelined; no count),
`execute_fetchall`, `rowcount`, `total_changes`); rows are asyncpg records (by index,
by name, `dict()`).
PostgreSQL's failures are raised as the DB-API (PEP 249) classes of the `sqlite3`
module, so the code above `storage/` catches one family whichever engine runs.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import asyncpg

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10.0
STATEMENT_CACHE = 512
"""Prepared statements kept per connection (the repositories hold about 200)."""


# --- SQL translation ----------------------------------------------------------------------

_IGNORE = re.compile(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)
_RETURNING = re.compile(r"\sRETURNING\s", re.IGNORECASE)
_IS_NOT_MARK = re.compile(r"\bIS\s+NOT\s+\?", re.IGNORECASE)
_IS_MARK = re.compile(r"\bIS\s+\?", re.IGNORECASE)
_KEYWORDS = "WHERE|JOIN|LEFT|INNER|CROSS|ON|ORDER|GROUP|LIMIT|UNION|AND|OR"
_JSON_EACH = re.compile(
    rf"\bjson_each\(\?\)(?:\s+(?:AS\s+)?(?!(?:{_KEYWORDS})\b)([A-Za-z_]\w*))?", re.IGNORECASE
)
_ROLLBACK = re.compile(r"^\s*ROLLBACK\b", re.IGNORECASE)
_ROWS = re.compile(r"^\s*(SELECT|WITH|VALUES)\b|\bRETURNING\b", re.IGNORECASE)
_READ = re.compile(r"^\s*(?:SELECT|WITH|VALUES|EXPLAIN)\b", re.IGNORECASE)
_SESSION_CHANGE = re.compile(
    r"\b(?:set_config|pg_advisory_\w+|(?:UN)?LISTEN|NOTIFY|PREPARE|DECLARE|DISCARD|RESET|SET)\b"
    r"|;\s*\S",
    re.IGNORECASE,
)
"""What would leave a pooled reader's session changed for its next borrower (the pool
does not reset it: `_keep_session`), or a second statement after the first."""


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    returns_rows: bool


@lru_cache(maxsize=2048)
def translate(sql: str) -> Statement:
    """A repository's SQLite statement in PostgreSQL's form.

    - `INSERT OR IGNORE INTO ...` -> `INSERT INTO ... ON CONFLICT DO NOTHING`
    - `x IS NOT ?` / `x IS ?` -> `x IS DISTINCT FROM $n` / `x IS NOT DISTINCT FROM $n`
    - `json_each(?) [alias]` (a JSON list bound as text) -> a set of text `value`s
      (compare numbers with `CAST(value AS BIGINT)`, which SQLite reads the same)
    - `?` -> `$1, $2, ...` outside string literals and quoted names
    """
    text = sql
    if _IGNORE.search(text):
        text = _IGNORE.sub("INSERT INTO", text)
        found = _RETURNING.search(text)
        if found:
            text = f"{text[: found.start()]} ON CONFLICT DO NOTHING{text[found.start() :]}"
        else:
            text = f"{text.rstrip().rstrip(';')} ON CONFLICT DO NOTHING"
    text = _IS_NOT_MARK.sub("IS DISTINCT FROM ?", text)
    text = _IS_MARK.sub("IS NOT DISTINCT FROM ?", text)
    text = _JSON_EACH.sub(
        lambda m: (
            f"json_array_elements_text(CAST(? AS json)) AS {m.group(1) or 'json_each'}(value)"
        ),
        text,
    )
    return Statement(_number_marks(text), bool(_ROWS.search(text)))


def _number_marks(sql: str) -> str:
    out: list[str] = []
    quote: str | None = None
    count = 0
    for char in sql:
        if quote is not None:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "?":
            count += 1
            out.append(f"${count}")
            continue
        out.append(char)
    return "".join(out)


# --- errors -------------------------------------------------------------------------------


class PgIntegrityError(sqlite3.IntegrityError):
    """A constraint PostgreSQL enforced (unique, foreign key, check)."""


class PgProgrammingError(sqlite3.ProgrammingError):
    """Our SQL is wrong for PostgreSQL (a bug, not the server)."""


class PgOperationalError(sqlite3.OperationalError):
    """The server or the connection failed (gone, full, refused, shutting down)."""


def as_dbapi(exc: BaseException) -> sqlite3.Error:
    """PostgreSQL's error as the DB-API class the callers catch, its message kept."""
    message = str(exc) or type(exc).__name__
    if isinstance(exc, asyncpg.IntegrityConstraintViolationError):
        return PgIntegrityError(message)
    if isinstance(exc, asyncpg.PostgresError) and str(getattr(exc, "sqlstate", "")).startswith(
        ("42", "22")
    ):
        return PgProgrammingError(message)  # SQL or a value PostgreSQL cannot take
    if isinstance(exc, ValueError):
        return PgProgrammingError(message)  # asyncpg refused an argument's Python type
    return PgOperationalError(message)


_FAILURES = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError)


# --- connections --------------------------------------------------------------------------


class PgCursor:
    """What one statement gave: its rows and how many rows it changed."""

    def __init__(self, rows: list, rowcount: int) -> None:
        self._rows = rows
        self.rowcount = rowcount

    @property
    def lastrowid(self) -> int:
        raise PgProgrammingError("PostgreSQL has no lastrowid: write INSERT ... RETURNING id")

    async def fetchone(self) -> Any:
        return self._rows[0] if self._rows else None

    async def fetchall(self) -> list:
        return list(self._rows)

    async def __aenter__(self) -> PgCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class _Pending:
    """`conn.execute(...)` awaited, or used as `async with`, as aiosqlite allows."""

    def __init__(self, run: Any) -> None:
        self._run = run

    def __await__(self):
        return self._run.__await__()

    async def __aenter__(self) -> PgCursor:
        return await self._run

    async def __aexit__(self, *exc: object) -> None:
        return None


def _count(status: str) -> int:
    tail = status.rsplit(" ", 1)[-1] if status else ""
    return int(tail) if tail.isdigit() else 0


class PgConnection:
    """One asyncpg connection (the writer's), or a pool lent per statement (readers).

    A pooled reader runs each statement on whichever connection is free, so concurrent
    lookups never wait on one another's socket, and reads see committed data only."""

    engine = "postgres"

    def __init__(
        self,
        source: asyncpg.Connection | asyncpg.Pool,
        reopen: Callable[[], Awaitable[asyncpg.Connection]] | None = None,
    ) -> None:
        self._source = source
        self._reopen = reopen
        """Opens the writer's connection again after the server dropped it (a restart, a
        failover, an idle timeout); the pool replaces its own connections."""
        self._transaction_open = False
        """Whether the writer was inside a transaction when last seen alive: a transaction
        that died with its connection must end in ROLLBACK, never in a fresh connection
        running its remaining statements one by one."""
        self.total_changes = 0
        """Rows changed by this connection's statements so far (as sqlite3 counts)."""

    @property
    def in_transaction(self) -> bool:
        source = self._source
        if isinstance(source, asyncpg.Pool):
            return False
        return self._transaction_open if source.is_closed() else source.is_in_transaction()

    def execute(self, sql: str, params: Sequence = ()) -> _Pending:
        return _Pending(self._run(sql, tuple(params)))

    async def execute_fetchall(self, sql: str, params: Sequence = ()) -> list:
        return await (await self._run(sql, tuple(params))).fetchall()

    async def executemany(self, sql: str, rows: Iterable[Sequence]) -> PgCursor:
        """One statement over many parameter rows, pipelined by asyncpg (one round trip
        for the lot, not one a row). PostgreSQL then reports no count: `rowcount` is -1
        (as DB-API allows) and `total_changes` is not moved; a statement returning rows
        runs a row at a time, its rows counted."""
        statement = translate(sql)
        args = [tuple(params) for params in rows]
        if not args:
            return PgCursor([], 0)
        if statement.returns_rows:
            total = 0
            for params in args:
                total += (await self._run(sql, params)).rowcount
            return PgCursor([], total)
        await self._call(lambda conn: conn.executemany(statement.text, args), sql)
        return PgCursor([], -1)

    async def script(self, sql: str) -> None:
        """Several statements as written (a migration), no parameters, no translation."""
        await self._call(lambda conn: conn.execute(sql), sql)

    async def _run(self, sql: str, params: tuple) -> PgCursor:
        statement = translate(sql)
        if statement.returns_rows:
            rows = await self._call(lambda conn: conn.fetch(statement.text, *params), sql)
            count = len(rows)
        else:
            status = await self._call(lambda c: c.execute(statement.text, *params), sql)
            rows, count = [], _count(status)
        self.total_changes += count
        return PgCursor(rows, count)

    async def _call(self, action: Any, sql: str) -> Any:
        try:
            if isinstance(self._source, asyncpg.Pool):
                _refuse_session_change(sql)
                async with self._source.acquire() as conn:
                    return await action(conn)
            conn = await self._live_writer(sql)
            if conn is None:
                return "ROLLBACK"
            try:
                return await action(conn)
            finally:
                if not conn.is_closed():
                    self._transaction_open = conn.is_in_transaction()
        except _FAILURES as exc:
            raise as_dbapi(exc) from exc

    async def _live_writer(self, sql: str) -> asyncpg.Connection | None:
        """The writer's connection, opened again if the server dropped it between
        statements; None for the ROLLBACK that ends a transaction lost with it."""
        conn = self._source
        assert isinstance(conn, asyncpg.Connection)
        if not conn.is_closed() or self._reopen is None:
            return conn
        if self._transaction_open:
            if _ROLLBACK.match(sql):
                self._transaction_open = False
                return None
            raise PgOperationalError(
                "the connection to PostgreSQL was lost inside a transaction; "
                "the server rolled it back"
            )
        self._source = await self._reopen()
        log.warning("the connection to PostgreSQL was lost; connected again")
        return self._source

    async def close(self) -> None:
        self._reopen = None  # closed for good: a late statement fails, it never reconnects
        try:
            await asyncio.wait_for(self._source.close(), CONNECT_TIMEOUT_S)
        except (TimeoutError, *_FAILURES):
            self._source.terminate()  # a server gone or hung: drop the sockets


def _refuse_session_change(sql: str) -> None:
    """A pooled reader's connection goes back to the pool as it is, so a statement that
    would change its session (a setting, a lock, a listener, a prepared statement or
    cursor) or that is no read at all is refused before it runs: the next borrower
    must find the session every reader found."""
    if not _READ.match(sql) or _SESSION_CHANGE.search(sql):
        raise PgProgrammingError(
            f"a reader connection runs single reads only, never this: {sql.strip()[:80]!r}"
        )


async def connect(url: str, *, read_only: bool = False) -> asyncpg.Connection:
    settings = {"application_name": "domestique"}
    if read_only:
        settings["default_transaction_read_only"] = "on"
    return await asyncpg.connect(
        url,
        timeout=CONNECT_TIMEOUT_S,
        statement_cache_size=STATEMENT_CACHE,
        server_settings=settings,
    )


async def _keep_session(conn: asyncpg.Connection) -> None:
    """A reader's connection back in the pool as it is.

    asyncpg's own reset sends `SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *;
    RESET ALL` on every release: a second round trip after each lookup's statement, as
    long as the statement itself on a loopback socket (`SELECT 1` cost two). A reader's
    connection never takes a lock, opens a cursor, listens or sets anything: it runs one
    statement at a time through `PgConnection._call`, in no transaction of its own (a
    transaction left open is still rolled back by asyncpg before this is called)."""
    del conn


async def pool(url: str, *, size: int = 4) -> asyncpg.Pool:
    """The readers' pool. Its prepared statements keep one generic plan each: the lookups'
    statements are index reads whose plan does not depend on the values bound (the same
    index in the same order, stopped by LIMIT), yet PostgreSQL's default kept planning
    them anew at every call, its generic cost estimate being the higher (a /news search's
    statement planned 192 times in 192 calls): 0.1-0.45 ms of a lookup's 0.2-2 ms at
    200,000 stories, its rows unchanged (docs/BENCHMARKS.md, "lookups p99")."""
    return await asyncpg.create_pool(
        url,
        min_size=1,
        max_size=size,
        timeout=CONNECT_TIMEOUT_S,
        statement_cache_size=STATEMENT_CACHE,
        reset=_keep_session,
        server_settings={
            "application_name": "domestique",
            "default_transaction_read_only": "on",
            "plan_cache_mode": "force_generic_plan",
        },
    )
