"""Transfer moves as the lookups read them: newest first, one row per move.

Several stories report the same move, so a read looks at four times the moves it shows
and keeps one per (person, from, to, season) (`dedupe_moves`). On PostgreSQL the stories
are joined in the same statement (one round trip: a second read for the kept stories
cost as much as the first); on SQLite, where a statement costs no round trip, the stories
of the kept moves only are read after (a quarter of the article pages).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace

_MOVE_FIELDS = (
    "m.id, m.person_id, m.person, m.from_team_id, m.from_team, m.to_team_id, m.to_team, "
    "m.status, m.season, m.sort_at, m.article_id"
)
_WITH_STORY = f"{_MOVE_FIELDS}, a.title, a.url, COALESCE(f.title, f.url), m.stage"
_BLANK_STORY = f"{_MOVE_FIELDS}, '', NULL, NULL, m.stage"
"""A move with blank story fields: the story is read for the moves kept only."""

Rows = Callable[[str, tuple], Awaitable[list]]
READ_PER_MOVE = 4
"""Moves read per move shown: several stories report the same move."""


@dataclass(frozen=True, slots=True)
class MoveRow:
    id: int
    person_id: str
    person: str
    from_team_id: str | None
    from_team: str | None
    to_team_id: str | None
    to_team: str | None
    status: str
    season: int | None
    sort_at: float
    article_id: int
    title: str
    url: str | None
    feed_title: str | None
    stage: str | None = None
    """The rumour ladder's rung (feeds.models.MoveStage); None for moves stored before it."""


def _move(row: Sequence) -> MoveRow:
    return MoveRow(
        int(row[0]),
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        float(row[9]),
        int(row[10]),
        str(row[11]),
        row[12],
        row[13],
        row[14] if len(row) > 14 else None,
    )


async def read_moves(
    rows: Rows,
    where: str,
    args: tuple,
    unhidden: Callable[[str], tuple[str, tuple]],
    limit: int,
    one_trip: bool,
) -> list[MoveRow]:
    """The newest `limit` moves matching `where` (on `moves m`), one per move.
    `unhidden(column)` is the reader's condition keeping the feeds it may see."""
    if one_trip:
        seen, seen_args = unhidden("a.feed_id")
        found = await rows(
            f"SELECT {_WITH_STORY} FROM moves m "
            "JOIN articles a ON a.id = m.article_id JOIN feeds f ON f.id = a.feed_id "
            f"WHERE {where}{seen} ORDER BY m.sort_at DESC, m.id DESC LIMIT ?",
            (*args, *seen_args, limit * READ_PER_MOVE),
        )
        return dedupe_moves([_move(r) for r in found])[:limit]
    seen, seen_args = unhidden("(SELECT feed_id FROM articles a WHERE a.id = m.article_id)")
    found = await rows(
        f"SELECT {_BLANK_STORY} FROM moves m "
        f"WHERE {where}{seen} ORDER BY m.sort_at DESC, m.id DESC LIMIT ?",
        (*args, *seen_args, limit * READ_PER_MOVE),
    )
    kept = dedupe_moves([_move(r) for r in found])[:limit]
    if not kept:
        return []
    stories = {
        int(row[0]): row
        for row in await rows(
            "SELECT a.id, a.title, a.url, COALESCE(f.title, f.url) FROM articles a "
            "JOIN feeds f ON f.id = a.feed_id "
            "WHERE a.id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))",
            (json.dumps([m.article_id for m in kept]),),
        )
    }
    # A story pruned between the two reads takes its moves with it (ON DELETE CASCADE).
    return [
        replace(m, title=str(row[1]), url=row[2], feed_title=row[3])
        for m in kept
        if (row := stories.get(m.article_id)) is not None
    ]


def moves_array(where: str, seen: str) -> str:
    """PostgreSQL: an expression for the newest moves matching `where` (on `moves m`) and
    `seen` (on `a.feed_id`), with their stories, as one array of rows, newest first; its
    arguments are `where`'s, `seen`'s, then how many. A page that needs moves beside other
    rows (a /rider page, a team's board) reads them in the same statement: one round trip."""
    return (
        f"ARRAY(SELECT ROW({_WITH_STORY}) FROM moves m "
        "JOIN articles a ON a.id = m.article_id JOIN feeds f ON f.id = a.feed_id "
        f"WHERE {where}{seen} ORDER BY m.sort_at DESC, m.id DESC LIMIT ?)"
    )


def moves_of_array(found: Sequence[Sequence] | None, limit: int) -> list[MoveRow]:
    """`moves_array`'s value as `read_moves` answers (one row a move, `limit` at most;
    `found` read `limit * READ_PER_MOVE` moves)."""
    return dedupe_moves([_move(r) for r in found or ()])[:limit]


def dedupe_moves(moves: Sequence[MoveRow]) -> list[MoveRow]:
    """One row per (person, from, to, season), newest story first; "confirmed" wins.

    A rumour later confirmed shows as confirmed, with the newest story about it.
    """
    kept: dict[tuple, MoveRow] = {}
    confirmed: dict[tuple, MoveRow] = {}
    order: list[tuple] = []
    for move in moves:  # newest first
        key = (move.person_id, move.from_team_id, move.to_team_id, move.season)
        if move.status == "confirmed":
            confirmed.setdefault(key, move)
        if key not in kept:
            kept[key] = move
            order.append(key)
    out = []
    for key in order:
        move = kept[key]
        if key in confirmed and move.status != "confirmed":
            # the newest confirmation's rung goes with it ("announced", not "talks")
            move = replace(move, status="confirmed", stage=confirmed[key].stage)
        out.append(move)
    return out
