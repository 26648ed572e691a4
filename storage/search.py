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

    def hits_args(self, query: str, limit: int) -> tuple:
        return (query, limit, limit, query, limit, limit) if self.postgres else (query, limit)

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
)
RECENT_STORIES = 2000
"""PostgreSQL looks for a search's matches among this many newest stories first."""

# GIN finds every match and sorts them, which costs with their number: a word or a short
# prefix in most stories took 70 ms at 20,000 stories. FTS5 walks its matches newest
# first and stops; here the newest RECENT_STORIES stories are read through the primary
# key first (~1 ms), and GIN is asked only when they hold fewer matches than wanted (the
# initplan's count gates the second branch, which then never runs).
_PG_HITS = (
    "WITH recent AS (SELECT article_id AS id FROM (SELECT article_id, words "
    f"  FROM articles_search ORDER BY article_id DESC LIMIT {RECENT_STORIES}) newest "
    "  WHERE words @@ to_tsquery('simple', ?) ORDER BY article_id DESC LIMIT ?) "
    "SELECT id FROM recent WHERE (SELECT COUNT(*) FROM recent) >= ? "
    "UNION ALL SELECT id FROM (SELECT article_id AS id FROM articles_search "
    "  WHERE words @@ to_tsquery('simple', ?) ORDER BY article_id DESC LIMIT ?) every "
    "WHERE (SELECT COUNT(*) FROM recent) < ?"
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
