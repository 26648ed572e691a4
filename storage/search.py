"""Full-text search on each engine, with one behaviour: every word of a search must appear
in the story (title, summary or body), accents and case folded, the last word also as a
prefix; a phrase for `recent_matches`.

SQLite: FTS5 (`articles_fts`, `unicode61 remove_diacritics 2`, kept by triggers;
migrations 001 and 009), and its terms of four letters or more (`articles_fts_terms`,
migration 016) so that a longer prefix is searched as the terms it starts. PostgreSQL:
`articles_search`, a tsvector of the story's words folded here the way FTS5 folds them,
written by the repository beside the story (`index_story`), with a posting per story and
word (`articles_search_postings`, migration 016, kept by triggers) for one word or a scarce
prefix alone, and a bitmap per 4096 story ids of each word and each 1-3 letter word start
(`articles_search_blocks`, migration 017, kept by triggers) for several words and short or
common prefixes; a GIN index searched in windows of recency (migration 015) for a word
the database's parser would split. No extension needed. The SQL that differs lives in
the two `TextSearch` values below; storage/lookups.py picks one by the connection's
engine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from feeds.models import Story

_WORD = re.compile(r"\w+", re.UNICODE)
LONG_PREFIX = 4
"""The shortest prefix without an FTS5 prefix index of its own (migration 009 indexes 1-3
letters): SQLite looks such a prefix up in its term list (migration 016) instead."""
MOST_TERMS = 64
"""A longer prefix starting more terms than this is searched as a prefix (FTS5 merges
their doclists), not as those terms ORed."""
_PREFIX = " *"
_EXACT_FIRST = " +"
INDEXED_CHARS = 200_000
"""A story's folded text indexed on PostgreSQL stops here: a tsvector holds at most 1 MB
(a story body is a few kilobytes; a hostile feed's megabyte is not searched whole)."""


def engine_of(conn: Any) -> str:
    """The engine a connection talks to: postgres (storage/postgres.py) or sqlite."""
    return str(getattr(conn, "engine", "sqlite"))


def fold_words(text: str) -> list[str]:
    """The words FTS5's `unicode61 remove_diacritics 2` indexes, as it indexes them:
    letters and digits, lower case, combining accents removed (ø and ß stay)."""
    if text.isascii():  # NFKD leaves ASCII as it is and finds no accent to drop
        plain = text
    else:
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return _WORD.findall(plain.replace("_", " ").lower())


def document(story: Story) -> str:
    """The story's searchable words, folded, one space apart (PostgreSQL's index input)."""
    words = " ".join(fold_words(f"{story.title}\n{story.summary}\n{story.body}"))
    return words[:INDEXED_CHARS]


async def index_story(conn: Any, article_id: int, story: Story) -> None:
    """Index a story just inserted or changed (`index_stories` for one)."""
    await index_stories(conn, [(article_id, story)])


async def index_stories(conn: Any, stories: Sequence[tuple[int, Story]]) -> None:
    """Index stories just inserted or changed, in the caller's transaction, in a few
    statements whatever their number (a first poll stores thousands).

    SQLite: the FTS5 triggers did the index already; the stories' terms of LONG_PREFIX
    letters or more join the term list (migration 016) as FTS5 itself folds them: the
    text goes through a scratch FTS5 table with the index's tokenizer, whose vocabulary is
    read back (Python's Unicode folding differs from FTS5's for Cyrillic, Greek, ligatures
    and compatibility characters, and a term folded otherwise would never match). It runs
    in SQLite's thread, not on the event loop. PostgreSQL gets the stories' folded words
    here (and its triggers their postings)."""
    if not stories:
        return
    if engine_of(conn) != "postgres":
        await conn.execute(_SCRATCH_INDEX)
        await conn.execute(_SCRATCH_TERMS)
        await conn.executemany(
            "INSERT INTO temp.articles_fts_scratch (text) VALUES (?)",
            [(f"{story.title}\n{story.summary}\n{story.body}",) for _, story in stories],
        )
        await conn.execute(
            "INSERT OR IGNORE INTO articles_fts_terms (term) "
            "SELECT term FROM temp.articles_fts_scratch_terms WHERE length(term) >= ?",
            (LONG_PREFIX,),
        )
        await conn.execute("DELETE FROM temp.articles_fts_scratch")
        return
    await conn.executemany(
        "INSERT INTO articles_search (article_id, words) VALUES (?, to_tsvector('simple', ?)) "
        "ON CONFLICT (article_id) DO UPDATE SET words = excluded.words",
        [(article_id, document(story)) for article_id, story in stories],
    )


# The scratch index: the tokenizer of articles_fts (001, 009), in this connection's temp
# schema, emptied after each use.
_SCRATCH_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_scratch USING fts5 "
    "(text, tokenize = 'unicode61 remove_diacritics 2')"
)
_SCRATCH_TERMS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_scratch_terms "
    "USING fts5vocab(temp, 'articles_fts_scratch', 'row')"
)
_TERM_FOLDS_ALIKE = re.compile(
    r"[0-9a-zà-öø-ÿ\u0100-\u0131\u0134-\u013e\u0141-\u0148\u014a-\u017f]+"
)


def folds_alike(word: str) -> bool:
    """Whether `fold_words` folds this typed word as FTS5 does (digits and the Latin
    letters of Latin-1 and Latin Extended-A, checked one by one against FTS5), so its
    fold can be looked up in the term list; a word with any other character is searched
    as an FTS5 prefix instead."""
    return _TERM_FOLDS_ALIKE.fullmatch(word.lower()) is not None


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
        return _PG_HITS, (prefixed[: -len(_PREFIX)] + _EXACT_FIRST, limit)

    def query(self, words: Sequence[str], *, prefix: bool = True) -> str | None:
        """Every word must appear; the last also as a prefix when `prefix`. None when no
        word is left. Operators, quotes and colons a user typed are data, never syntax."""
        if self.postgres:
            folded = fold_words(" ".join(words))
            if not folded:
                return None
            return " ".join(folded) + (_PREFIX if prefix else "")
        if not words:
            return None
        quoted = [f'"{w}"' for w in words]
        if prefix:
            quoted[-1] += " *"
        return " ".join(quoted)

    def any_term(self, words: Sequence[str], terms: Sequence[str]) -> str:
        """Every word but the last, and one of `terms` (what the last started) on FTS5."""
        whole = [f'"{w}"' for w in words[:-1]]
        return " AND ".join([*whole, "(" + " OR ".join(f'"{t}"' for t in terms) + ")"])

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
# GIN finds every match of a word, and each is then read from the table to keep the
# newest (a word in 28,000 of 200,000 stories: 400-650 rows read, each on its own page).
# `search_posted` (migrations 016 and 017) reads no story row: one word, or a prefix alone
# of 4+ letters starting few terms, from posting lists (the (term, article_id) index read
# backwards, as many entries as stories kept); several words, and short or common
# prefixes, from bitmaps of 4096-id blocks, ANDed block by block and listed only for the
# newest blocks holding the window (a row per word and block: 49 at 200,000 stories). Its
# query is the folded words, then `*` for a prefix or `+` for "as typed first" (see
# `exact_first`); one statement, one round trip.
_PG_HITS = "SELECT id FROM search_posted(?, ?) AS w(id)"

POSTGRES = TextSearch(
    hits=_PG_HITS,
    count_hits=f"SELECT COUNT(*) FROM ({_PG_HITS}) hit",
    recent="SELECT COUNT(*) FROM (SELECT s.article_id FROM articles_search s "
    # the query worked out once, not per row: a generic plan (the readers' pool keeps
    # those) would call to_tsquery for every row of the window
    "WHERE s.words @@ (SELECT to_tsquery('simple', ?)) "
    "AND s.article_id >= (SELECT COALESCE(MIN(id), 0) FROM "
    "  (SELECT id FROM articles ORDER BY id DESC LIMIT ?) newest) "
    "AND s.article_id NOT IN (SELECT article_id FROM tags WHERE entity_id = ?) LIMIT ?) hit",
    postgres=True,
)


def text_search(conn: Any) -> TextSearch:
    return POSTGRES if engine_of(conn) == "postgres" else FTS5
