"""Full-text search on each engine, with one behaviour: every word of a search must appear
in the story (title, summary or body), accents and case folded, the last word also as a
prefix; a phrase for `recent_matches`.

SQLite: FTS5 (`articles_fts`, `unicode61 remove_diacritics 2`, kept by triggers;
migrations 001 and 009). PostgreSQL: `articles_search`, a tsvector of the story's words
folded here the way FTS5 folds them, written by the repository beside the story
(`index_story`), and `to_tsquery('simple', ...)` over its GIN index (no extension
needed). The SQL that differs lives in the two `TextSearch` values below; storage/lookups.py
picks one by the connection's engine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from feeds.models import Story

_WORD = re.compile(r"\w+", re.UNICODE)
INDEXED_CHARS = 200_000
"""A story's folded text indexed on PostgreSQL stops here: a tsvector holds at most 1 MB
(a story body is a few kilobytes; a hostile feed's megabyte is not searched whole)."""


def engine_of(conn: Any) -> str:
    """The engine a connection talks to: postgres (storage/postgres.py) or sqlite."""
    return str(getattr(conn, "engine", "sqlite"))


def fold_words(text: str) -> list[str]:
    """The words FTS5's `unicode61 remove_diacritics 2` indexes, as it indexes them:
    letters and digits, lower case, combining accents removed (ø and ß stay)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _WORD.findall(plain.replace("_", " ").lower())


def document(story: Story) -> str:
    """The story's searchable words, folded, one space apart (PostgreSQL's index input)."""
    words = " ".join(fold_words(f"{story.title}\n{story.summary}\n{story.body}"))
    return words[:INDEXED_CHARS]


async def index_story(conn: Any, article_id: int, story: Story) -> None:
    """Index a story just inserted or changed, in the caller's transaction. On SQLite the
    FTS5 triggers did it already; PostgreSQL gets its folded words here."""
    if engine_of(conn) != "postgres":
        return
    await conn.execute(
        "INSERT INTO articles_search (article_id, words) VALUES (?, to_tsvector('simple', ?)) "
        "ON CONFLICT (article_id) DO UPDATE SET words = excluded.words",
        (article_id, document(story)),
    )


@dataclass(frozen=True, slots=True)
class TextSearch:
    """One engine's search SQL. `hits` yields the `id`s of the newest matching stories
    (insertion order), bound with `hits_args(query, limit)`; the others' first argument
    is what `query`/`phrase` made."""

    hits: str
    count_hits: str
    recent: str
    """How many stories among the newest N (2nd argument) match (1st) and are not tagged
    with an entity (3rd), counted up to a limit (4th)."""
    postgres: bool
    dated: str = "articles s"
    """The stories as `s`, read for their dates and feeds through `articles_by_id_time`
    (SQLite's planner would read the table by rowid unless told)."""

    def hits_args(self, query: str, limit: int) -> tuple:
        return (query, limit)

    def exact_first(self, exact: str, prefixed: str, limit: int) -> tuple[str, tuple] | None:
        """One statement for the newest `limit` matches of `exact` when it has that many,
        else of `prefixed` (what `Lookups.search_stories` asks in two steps on SQLite,
        where a step costs no round trip); None on SQLite."""
        if not self.postgres:
            return None
        return _PG_EXACT_FIRST, (exact, limit, limit, prefixed, limit, limit)

    def query(self, words: Sequence[str], *, prefix: bool = True) -> str | None:
        """Every word must appear; the last also as a prefix when `prefix`. None when no
        word is left. Operators, quotes and colons a user typed are data, never syntax."""
        if self.postgres:
            folded = fold_words(" ".join(words))
            if not folded:
                return None
            terms = [f"'{w}'" for w in folded]
            if prefix:
                terms[-1] += ":*"
            return " & ".join(terms)
        if not words:
            return None
        quoted = [f'"{w}"' for w in words]
        if prefix:
            quoted[-1] += " *"
        return " ".join(quoted)

    def phrase(self, words: Sequence[str]) -> str | None:
        if self.postgres:
            folded = fold_words(" ".join(words))
            return " <-> ".join(f"'{w}'" for w in folded) if folded else None
        return '"' + " ".join(words) + '"' if words else None


FTS5 = TextSearch(
    hits="SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? "
    "ORDER BY rowid DESC LIMIT ?",
    count_hits="SELECT COUNT(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts "
    "MATCH ? ORDER BY rowid DESC LIMIT ?)",
    recent="SELECT COUNT(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
    "AND rowid >= (SELECT COALESCE(MIN(id), 0) FROM "
    "  (SELECT id FROM articles ORDER BY id DESC LIMIT ?)) "
    "AND rowid NOT IN (SELECT article_id FROM tags WHERE entity_id = ?) LIMIT ?)",
    postgres=False,
    dated="articles s INDEXED BY articles_by_id_time",
)
# GIN finds every match of a query, and a bitmap scan then reads every matching row to
# keep the newest few: at 200,000 stories a word in 28,000 of them read 20,000 heap pages
# (140 ms). `search_window` (migration 015) reads the newest stories through the primary
# key first, where a common query stops, then windows of older ids sized from the matches
# seen so far: the GIN index also holds marks of each story's id range
# (`recency_marks`), so "these words in that id range" is one index lookup that reads the
# matching rows of the window only. One round trip either way.
_PG_HITS = "SELECT id FROM search_window(to_tsquery('simple', ?), ?) AS w(id)"
# The exact query first: measured at 200,000 stories, running the prefixed one first (and
# the exact one only when it fills the window) took twice as long for a typed word.
_PG_EXACT_FIRST = (
    f"WITH exact AS MATERIALIZED ({_PG_HITS}) "
    "SELECT id FROM exact WHERE (SELECT COUNT(*) FROM exact) >= ? "
    f"UNION ALL SELECT id FROM ({_PG_HITS}) prefixed WHERE (SELECT COUNT(*) FROM exact) < ?"
)

POSTGRES = TextSearch(
    hits=_PG_HITS,
    count_hits=f"SELECT COUNT(*) FROM ({_PG_HITS}) hit",
    recent="SELECT COUNT(*) FROM (SELECT s.article_id FROM articles_search s "
    "WHERE s.words @@ to_tsquery('simple', ?) "
    "AND s.article_id >= (SELECT COALESCE(MIN(id), 0) FROM "
    "  (SELECT id FROM articles ORDER BY id DESC LIMIT ?) newest) "
    "AND s.article_id NOT IN (SELECT article_id FROM tags WHERE entity_id = ?) LIMIT ?) hit",
    postgres=True,
)


def text_search(conn: Any) -> TextSearch:
    return POSTGRES if engine_of(conn) == "postgres" else FTS5
