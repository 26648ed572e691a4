"""Every read the Discord lookups make: stories by entity, search, transfer moves, freshness.

All queries run on the reader connection (WAL: they see committed data and never
wait for an ingestion transaction) and return plain dataclasses, so cogs never see
SQL or rows.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storage.articles import person_key, team_key
from storage.database import Database
from storage.db import fetch_within
from storage.feed_store import private_feed
from storage.moves_read import (
    READ_PER_MOVE,
    MoveRow,
    moves_array,
    moves_of_array,
    read_moves,
)
from storage.search import (
    FTS5,
    LONG_PREFIX,
    MOST_TERMS,
    engine_of,
    fold_words,
    folds_alike,
    text_search,
)

MAX_PAGE = 25
MAX_OFFSET = 500
"""Paging stops here: nobody pages through 500 stories in Discord, and deep OFFSETs cost."""
SEARCH_WINDOW = 400
"""A search looks at most at this many of the newest matching stories."""
INDEXED_PREFIX = 3
"""The longest prefix with an index of its own (migration 009: prefix = '1 2 3')."""
SAMPLE_STORIES = 2000
"""How many of the newest stories a longer prefix's cost is estimated from."""
COSTLY_PREFIX_STORIES = 50_000
"""A prefix starting more words than in about this many stories is searched off the event
loop: FTS5 merges their doclists in one step SQLite cannot interrupt (~5 ms at 50,000
stories, ~20 ms for "cycli" at 200k), and that would hold every other command."""

SPARSE_WORDS = 300
"""Words matching fewer stories than this are searched with a short prefix oldest first."""
_OLDEST_FIRST_HITS = (
    "WITH every AS MATERIALIZED (SELECT rowid AS id FROM articles_fts WHERE articles_fts "
    "MATCH ? ORDER BY rowid) SELECT id FROM every ORDER BY id DESC LIMIT ?"
)
_STORY_COLUMNS = (
    "a.id, a.title, a.url, a.summary, COALESCE(f.title, f.url), a.sort_at, a.published_at, "
    "a.feed_id"
)
_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class StoryRow:
    article_id: int
    title: str
    url: str | None
    summary: str
    feed_title: str | None
    sort_at: float
    published_at: float | None
    feed_id: int


@dataclass(frozen=True, slots=True)
class StoryPage:
    stories: list[StoryRow]
    has_more: bool
    """Another page exists after this one."""


@dataclass(frozen=True, slots=True)
class KindedStoryRow(StoryRow):
    """A story with its kind (migration 011; None for one stored before it): `/race` and
    `/news` filters show a result's headline in spoiler form."""

    kind: str | None = None


@dataclass(frozen=True, slots=True)
class TransferBoard:
    arrivals: list[MoveRow]
    departures: list[MoveRow]


@dataclass(frozen=True, slots=True)
class FeedFreshness:
    url: str
    title: str | None
    last_success_at: float | None
    last_error: str | None
    disabled_reason: str | None


@dataclass(frozen=True, slots=True)
class Freshness:
    feeds: list[FeedFreshness]
    last_poll_at: float | None
    """The latest successful poll of any feed (or the last completed cycle)."""
    stories: int
    latest_story_at: float | None


def search_words(text: str) -> list[str]:
    """The words of a search, as FTS5 will see them (at most 16)."""
    return _FTS_TOKEN.findall(text.replace("_", " "))[:16]


def fts_query(text: str, *, prefix: bool = True) -> str | None:
    """A user's search as an FTS5 query that cannot be a syntax error.

    Each word becomes a quoted string (every word must appear, in any order); the
    last word also matches as a prefix (unless `prefix` is false), so "pogac" finds
    "Pogačar". Operators, quotes, colons and parentheses are data, not syntax. None
    when no word is left.
    """
    return FTS5.query(search_words(text), prefix=prefix)


def _story(row: Sequence) -> StoryRow:
    return StoryRow(
        int(row[0]),
        str(row[1]),
        row[2],
        row[3] or "",
        row[4],
        float(row[5]),
        row[6],
        int(row[7]),
    )


def _page_args(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, MAX_PAGE)), max(0, min(offset, MAX_OFFSET))


class Lookups:
    """Read-only queries for the slash commands."""

    def __init__(
        self, storage: Database, hidden_feeds: Sequence[int] = (), guild_id: int | None = None
    ) -> None:
        self._storage = storage
        # Stories of these feeds are left out (see `seen_from`); empty for most readers.
        self._hidden = json.dumps(sorted(hidden_feeds)) if hidden_feeds else None
        # Stories this server's own names tagged (guild_tags) count beside the shared tags.
        self._guild = guild_id
        # Each statement is a round trip there: reads that can go together do.
        self._postgres = engine_of(storage.reader) == "postgres"

    async def seen_from(self, guild_id: int | None, defaults: Sequence[str]) -> Lookups:
        """These lookups as a reader in `guild_id` (None: a DM) may see them: without the
        stories of feeds that only other servers' moderators added (their URLs may carry
        a private key, and what a server reads privately stays its own), and with the
        stories that server's own riders, teams and aliases tagged (no other server's)."""
        rows = await self._rows(
            f"SELECT f.id FROM feeds f WHERE {private_feed(len(defaults))} AND NOT EXISTS "
            "(SELECT 1 FROM guild_feeds g WHERE g.feed_id = f.id AND g.guild_id = ?)",
            (*defaults, guild_id),
        )
        own = guild_id is not None and bool(
            await self._rows("SELECT 1 FROM guild_tags WHERE guild_id = ? LIMIT 1", (guild_id,))
        )
        guild = guild_id if own else None
        if not rows and self._hidden is None and guild == self._guild:
            return self
        return Lookups(self._storage, [int(row[0]) for row in rows], guild)

    def _unhidden(self, column: str) -> tuple[str, tuple]:
        """An SQL condition (with its argument) keeping rows whose feed `column` is seen."""
        if self._hidden is None:
            return "", ()
        return (
            f" AND {column} NOT IN (SELECT CAST(value AS BIGINT) FROM json_each(?))",
            (self._hidden,),
        )

    async def _rows(self, sql: str, args: tuple = ()) -> list:
        # Lookups are short indexed reads (CPU p99 under 2 ms at 200k stories, search under
        # 5 ms): run on the event loop they cost just that, where each hand-off to an
        # aiosqlite thread waits for a core on a busy machine (p99 0.3 ms against 11 ms).
        lookup_reader = self._storage.lookup_reader
        if lookup_reader is not None:
            rows = fetch_within(lookup_reader, sql, args)
            if rows is not None:
                return rows
        return list(await self._storage.reader.execute_fetchall(sql, args))

    async def _stories(
        self, sql: str, args: tuple, limit: int, *, off_loop: bool = False
    ) -> StoryPage:
        if off_loop:
            rows = list(await self._storage.reader.execute_fetchall(sql, args))
        else:
            rows = await self._rows(sql, args)
        return StoryPage([_story(r) for r in rows[:limit]], len(rows) > limit)

    async def stories_for_entity(
        self, entity_id: str, limit: int = 5, offset: int = 0
    ) -> StoryPage:
        """Newest stories tagged with `entity_id` ("person:<id>" or "team:<id>").

        Reads one contiguous range of the WITHOUT ROWID tag table, newest first.
        """
        limit, offset = _page_args(limit, offset)
        seen, seen_args = self._unhidden("a.feed_id")
        shared = (
            f"SELECT {_STORY_COLUMNS} FROM tags t "
            "JOIN articles a ON a.id = t.article_id JOIN feeds f ON f.id = a.feed_id "
            f"WHERE t.entity_id = ?{seen} "
            "ORDER BY t.sort_at DESC, t.article_id DESC LIMIT ? OFFSET ?"
        )
        if self._guild is None:
            return await self._stories(shared, (entity_id, *seen_args, limit + 1, offset), limit)
        # With the server's own tags: the first offset + limit + 1 of each range scan,
        # merged newest first (a story tagged both ways once).
        wanted = offset + limit + 1
        own = await self._rows(
            f"SELECT {_STORY_COLUMNS} FROM guild_tags t "
            "JOIN articles a ON a.id = t.article_id JOIN feeds f ON f.id = a.feed_id "
            f"WHERE t.guild_id = ? AND t.entity_id = ?{seen} "
            "ORDER BY t.sort_at DESC, t.article_id DESC LIMIT ?",
            (self._guild, entity_id, *seen_args, wanted),
        )
        if not own:
            return await self._stories(shared, (entity_id, *seen_args, limit + 1, offset), limit)
        rows = await self._rows(shared, (entity_id, *seen_args, wanted, 0))
        merged = {int(row[0]): row for row in [*rows, *own]}
        newest = sorted(merged.values(), key=lambda r: (r[5], r[0]), reverse=True)
        page = newest[offset : offset + limit + 1]
        return StoryPage([_story(r) for r in page[:limit]], len(page) > limit)

    async def stories_for_person(self, person_id: str, limit: int = 5, offset: int = 0):
        return await self.stories_for_entity(person_key(person_id), limit, offset)

    async def rider_page(
        self, person_id: str, limit: int = 5, offset: int = 0
    ) -> tuple[StoryPage, MoveRow | None]:
        """A /rider page: the rider's stories and latest move. On PostgreSQL one statement
        (`_rider_page_at_once`), or, with a server's own tags, both reads in flight at
        once on two pooled connections; SQLite's reads cost no round trip and run one
        after the other."""
        if self._postgres and self._guild is None:
            return await self._rider_page_at_once(person_id, limit, offset)
        if self._postgres:
            page, latest = await asyncio.gather(
                self.stories_for_person(person_id, limit, offset), self.latest_move(person_id)
            )
            return page, latest
        return await self.stories_for_person(person_id, limit, offset), await self.latest_move(
            person_id
        )

    async def _rider_page_at_once(
        self, person_id: str, limit: int, offset: int
    ) -> tuple[StoryPage, MoveRow | None]:
        """PostgreSQL: a /rider page in one statement, what `stories_for_person` and
        `latest_move` read, the moves as an array beside each story row (a row with no
        story when the rider has none). Two statements in flight at once each waited for
        a pooled connection and a core: the page paid the slower of two round trips."""
        limit, offset = _page_args(limit, offset)
        seen, seen_args = self._unhidden("a.feed_id")
        moves = moves_array("m.person_id = ?", seen)
        rows = await self._rows(
            f"SELECT latest.moves, page.* FROM (SELECT {moves} AS moves) latest "
            f"LEFT JOIN LATERAL (SELECT {_STORY_COLUMNS} FROM tags t "
            "JOIN articles a ON a.id = t.article_id JOIN feeds f ON f.id = a.feed_id "
            f"WHERE t.entity_id = ?{seen} "
            "ORDER BY t.sort_at DESC, t.article_id DESC LIMIT ? OFFSET ?) page ON TRUE",
            (
                person_id,
                *seen_args,
                READ_PER_MOVE,
                person_key(person_id),
                *seen_args,
                limit + 1,
                offset,
            ),
        )
        latest = moves_of_array(rows[0][0] if rows else None, 1)
        stories = [_story(r[1:]) for r in rows if r[1] is not None]
        page = StoryPage(stories[:limit], len(stories) > limit)
        return page, latest[0] if latest else None

    async def stories_for_team(self, team_id: str, limit: int = 5, offset: int = 0):
        return await self.stories_for_entity(team_key(team_id), limit, offset)

    async def recent_matches(self, name: str, entity_id: str, window: int, limit: int) -> int:
        """In how many of the latest `window` stored stories `name` occurs as a phrase
        (counted up to `limit`), leaving out stories already tagged with `entity_id`:
        a new alias that would tag a large share of them is too broad."""
        search = text_search(self._storage.reader)
        phrase = search.phrase(search_words(name))
        if phrase is None:
            return 0
        ((found,),) = await self._rows(search.recent, (phrase, window, entity_id, limit))
        return int(found)

    async def latest_stories(self, limit: int = 10, offset: int = 0) -> StoryPage:
        limit, offset = _page_args(limit, offset)
        seen, seen_args = self._unhidden("a.feed_id")
        return await self._stories(
            f"SELECT {_STORY_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
            f"WHERE TRUE{seen} ORDER BY a.sort_at DESC, a.id DESC LIMIT ? OFFSET ?",
            (*seen_args, limit + 1, offset),
            limit,
        )

    async def search_stories(self, text: str, limit: int = 10, offset: int = 0) -> StoryPage:
        """Full-text search, newest first.

        FTS5 walks its matches in rowid order and stops early, so the newest
        SEARCH_WINDOW matching articles (by insertion) are taken from the index and only
        those are sorted by date. Ranking by bm25 instead is ~600x slower at 200k stories.

        A last word of up to three letters has a prefix index of its own (migration 009)
        and is read as a prefix at once, like a word. A longer one cannot stop early:
        FTS5 merges the whole doclist of every word it starts (~20 ms for "cycli *" at
        200k stories). So the words are first looked up as typed; when they alone fill
        the window, that word was common and complete and its window is the answer. Only
        a scarcer last word also matches as a prefix: as the terms it starts, ORed
        (`_terms_query`, each read newest first and stopped at the window), or, when it
        starts more than MOST_TERMS of them, as a prefix, off the event loop when it looks
        costly (`_costly_prefix`). PostgreSQL does the same in one statement
        (`search_posted`, migrations 016 and 017).
        """
        search = text_search(self._storage.reader)
        words = search_words(text)
        exact = search.query(words, prefix=False)
        if exact is None:
            return StoryPage([], False)
        limit, offset = _page_args(limit, offset)
        prefixed = search.query(words)
        assert prefixed is not None  # words were found above
        hits, hits_args = search.hits, search.hits_args(prefixed, SEARCH_WINDOW)
        off_loop = False
        if len(words[-1]) <= INDEXED_PREFIX and len(words) > 1 and not search.postgres:
            hits = await self._short_last_hits(words)
        elif len(words[-1]) > INDEXED_PREFIX:
            both = search.exact_first(exact, prefixed, SEARCH_WINDOW)
            if both is not None:
                hits, hits_args = both
            else:
                counted = await self._rows(
                    search.count_hits, search.hits_args(exact, SEARCH_WINDOW)
                )
                if counted[0][0] >= SEARCH_WINDOW:
                    hits_args = search.hits_args(exact, SEARCH_WINDOW)
                else:
                    expanded = await self._terms_query(words)
                    if expanded is not None:
                        hits_args = search.hits_args(expanded, SEARCH_WINDOW)
                    else:
                        off_loop = await self._costly_prefix(text)
        # The matches are sorted by date through an index of (id, sort_at, feed_id)
        # (migration 015) and only the page's stories are read whole: a story's row holds
        # its body, and SEARCH_WINDOW of them cost more than the search itself.
        seen, seen_args = self._unhidden("s.feed_id")
        return await self._stories(
            f"SELECT {_STORY_COLUMNS} FROM (SELECT s.id, s.sort_at FROM ({hits}) hit "
            f"JOIN {search.dated} ON s.id = hit.id WHERE TRUE{seen} "
            "ORDER BY s.sort_at DESC, s.id DESC LIMIT ? OFFSET ?) page "
            "JOIN articles a ON a.id = page.id JOIN feeds f ON f.id = a.feed_id "
            "ORDER BY page.sort_at DESC, page.id DESC",
            (*hits_args, *seen_args, limit + 1, offset),
            limit,
            off_loop=off_loop,
        )

    async def _short_last_hits(self, words: Sequence[str]) -> str:
        """FTS5's hits for words ending in a short prefix. Its prefix index lists nearly
        every story for one or two letters, and FTS5 steps through such a list one entry
        at a time when walking newest first: words in a few hundred stories took 8 ms so
        (in 200,000), 2-3 ms walking oldest first, where it skips ahead. So when the other
        words are that scarce (counted up to SPARSE_WORDS, a cheap read), every match is
        collected oldest first and the newest kept; otherwise the newest-first walk stops
        early and is the cheaper."""
        ((found,),) = await self._rows(
            "SELECT COUNT(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
            "LIMIT ?)",
            (FTS5.query(words[:-1], prefix=False), SPARSE_WORDS),
        )
        return FTS5.hits if found >= SPARSE_WORDS else _OLDEST_FIRST_HITS

    async def _terms_query(self, words: Sequence[str]) -> str | None:
        """The FTS5 query of `words` with the last one's prefix as the terms it starts
        (migration 016's term list), each read newest first and stopped at the window
        where a prefix would merge their whole doclists; None when the term list cannot
        say (a prefix starting over MOST_TERMS terms, or one that folds oddly)."""
        if not folds_alike(words[-1]):
            return None
        last = fold_words(words[-1])
        if len(last) != 1 or len(last[0]) < LONG_PREFIX:
            return None
        terms = [
            str(row[0])
            for row in await self._rows(
                "SELECT term FROM articles_fts_terms WHERE term >= ? AND term < ? LIMIT ?",
                (last[0], last[0] + "\U0010ffff", MOST_TERMS + 1),
            )
        ]
        if len(terms) > MOST_TERMS:
            return None
        if not terms:
            terms = last  # no story holds such a word: the query then matches nothing
        return FTS5.any_term(words, terms)

    async def _costly_prefix(self, text: str) -> bool:
        """Whether the last word of `text`, as a prefix longer than the indexed ones,
        may start words in more than COSTLY_PREFIX_STORIES stories.

        Estimated from its first three letters (indexed, so a cheap read): the share of
        the newest SAMPLE_STORIES stories they start a word in, times the stories
        stored. An upper bound: every word the prefix starts starts with them too."""
        words = search_words(text)
        if not words or len(words[-1]) <= INDEXED_PREFIX:
            return False
        if self._storage.lookup_reader is None:
            return False  # every lookup already runs off the loop (PostgreSQL, in memory)
        ((found, newest, oldest),) = await self._rows(
            "SELECT (SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ? "
            "  AND rowid >= s.oldest), s.newest, s.oldest FROM (SELECT MAX(id) AS newest, "
            "  MIN(id) AS oldest FROM (SELECT id FROM articles ORDER BY id DESC LIMIT ?)) s",
            (f'"{words[-1][:INDEXED_PREFIX]}" *', SAMPLE_STORIES),
        )
        if not found:
            return False
        sampled = newest - oldest + 1
        return found / sampled * newest > COSTLY_PREFIX_STORIES

    async def _moves(self, where: str, args: tuple, limit: int) -> list[MoveRow]:
        return await read_moves(self._rows, where, args, self._unhidden, limit, self._postgres)

    async def moves_for_person(self, person_id: str, limit: int = 10) -> list[MoveRow]:
        return await self._moves("m.person_id = ?", (person_id,), max(1, min(limit, 50)))

    async def latest_move(self, person_id: str) -> MoveRow | None:
        moves = await self.moves_for_person(person_id, limit=1)
        return moves[0] if moves else None

    async def latest_moves(self, limit: int = 15) -> list[MoveRow]:
        return await self._moves("TRUE", (), max(1, min(limit, 50)))

    async def transfer_board(self, team_id: str, limit: int = 15) -> TransferBoard:
        """Moves to and from a team, newest first (each side read through its own index;
        on PostgreSQL both in one statement)."""
        limit = max(1, min(limit, 50))
        if self._postgres:
            # both sides in one statement: one round trip, not two in a row
            seen, seen_args = self._unhidden("a.feed_id")
            ahead = limit * READ_PER_MOVE
            ((arriving, leaving),) = await self._rows(
                f"SELECT {moves_array('m.to_team_id = ?', seen)}, "
                f"{moves_array('m.from_team_id = ?', seen)}",
                (team_id, *seen_args, ahead, team_id, *seen_args, ahead),
            )
            return TransferBoard(moves_of_array(arriving, limit), moves_of_array(leaving, limit))
        arrivals = await self._moves("m.to_team_id = ?", (team_id,), limit)
        departures = await self._moves("m.from_team_id = ?", (team_id,), limit)
        return TransferBoard(arrivals, departures)

    async def freshness(self) -> Freshness:
        """How fresh the data is, and the feeds, as this reader may see them (`seen_from`:
        never another server's own feed, whose URL may carry a private key)."""
        seen, seen_args = self._unhidden("f.id")
        feeds = [
            FeedFreshness(*row)
            for row in await self._rows(
                "SELECT url, title, last_success_at, last_error, disabled_reason FROM feeds f "
                f"WHERE listed = 1{seen} ORDER BY COALESCE(title, url)",
                seen_args,
            )
        ]
        times = [
            _as_time(row[0])
            for row in await self._rows(
                f"SELECT MAX(f.last_success_at) FROM feeds f WHERE TRUE{seen}", seen_args
            )
            + await self._rows(
                "SELECT value FROM meta WHERE key IN ('last_poll_at', 'last_cycle_at')"
            )
        ]
        seen, seen_args = self._unhidden("a.feed_id")
        ((count, latest),) = await self._rows(
            f"SELECT COUNT(*), MAX(a.sort_at) FROM articles a WHERE TRUE{seen}", seen_args
        )
        known = [t for t in times if t is not None]
        return Freshness(feeds, max(known) if known else None, int(count), latest)

    # --- races and kinds (migration 011: articles.kind, article_races) --------------------

    async def race_stories(self, race_id: str, limit: int = 8, offset: int = 0) -> StoryPage:
        """Newest stories naming the race, with their kinds: one range scan of
        article_races' primary key (race_id, sort_at, article_id)."""
        return await self.filtered_stories(limit, offset, race_id=race_id)

    async def filtered_stories(
        self,
        limit: int = 10,
        offset: int = 0,
        *,
        kind: str | None = None,
        race_id: str | None = None,
        text: str | None = None,
    ) -> StoryPage:
        """Newest stories of one kind, or naming one race, or both (`/news kind race`),
        rows with their kinds. Without text, each reads one index range newest first
        (`articles_by_kind`, or article_races' key, filtered by kind when both are asked).
        With text, the newest SEARCH_WINDOW matches are filtered, as `search_stories`
        sorts them; run off the event loop, since a filter may leave most of them out."""
        limit, offset = _page_args(limit, offset)
        seen, seen_args = self._unhidden("a.feed_id")
        if text is not None:
            return await self._filtered_search(text, limit, offset, kind, race_id)
        if race_id is not None:
            where, args = "r.race_id = ?", [race_id]
            if kind is not None:
                where, args = f"{where} AND a.kind = ?", [race_id, kind]
            sql = (
                f"SELECT {_KINDED_COLUMNS} FROM article_races r "
                "JOIN articles a ON a.id = r.article_id JOIN feeds f ON f.id = a.feed_id "
                f"WHERE {where}{seen} ORDER BY r.sort_at DESC, r.article_id DESC LIMIT ? OFFSET ?"
            )
        elif kind is not None:
            where, args = "a.kind = ?", [kind]
            sql = (
                f"SELECT {_KINDED_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
                f"WHERE {where}{seen} ORDER BY a.sort_at DESC, a.id DESC LIMIT ? OFFSET ?"
            )
        else:
            return await self.latest_stories(limit, offset)
        rows = await self._rows(sql, (*args, *seen_args, limit + 1, offset))
        return StoryPage([_kinded(r) for r in rows[:limit]], len(rows) > limit)

    async def _filtered_search(
        self, text: str, limit: int, offset: int, kind: str | None, race_id: str | None
    ) -> StoryPage:
        search = text_search(self._storage.reader)
        query = search.query(search_words(text))
        if query is None:
            return StoryPage([], False)
        seen, seen_args = self._unhidden("a.feed_id")
        where, args = "", []
        if kind is not None:
            where, args = " AND a.kind = ?", [kind]
        if race_id is not None:
            where += (
                " AND EXISTS (SELECT 1 FROM article_races r WHERE r.article_id = a.id "
                "AND r.race_id = ?)"
            )
            args.append(race_id)
        rows = await self._storage.reader.execute_fetchall(
            f"SELECT {_KINDED_COLUMNS} FROM ({search.hits}) hit "
            "JOIN articles a ON a.id = hit.id JOIN feeds f ON f.id = a.feed_id "
            f"WHERE TRUE{where}{seen} ORDER BY a.sort_at DESC, a.id DESC LIMIT ? OFFSET ?",
            (*search.hits_args(query, SEARCH_WINDOW), *args, *seen_args, limit + 1, offset),
        )
        rows = list(rows)
        return StoryPage([_kinded(r) for r in rows[:limit]], len(rows) > limit)


_KINDED_COLUMNS = f"{_STORY_COLUMNS}, a.kind"


def _kinded(row: Sequence) -> KindedStoryRow:
    story = _story(row)
    return KindedStoryRow(
        story.article_id,
        story.title,
        story.url,
        story.summary,
        story.feed_title,
        story.sort_at,
        story.published_at,
        story.feed_id,
        row[8],
    )


def _as_time(value: object) -> float | None:
    if value is None:
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
