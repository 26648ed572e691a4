"""Fan-out: a new tagged story × subscriptions and follows → outbox rows.

Runs inside the transaction that stores the story (`ArticleStore.save_poll(after=...)`),
so a story is never stored without its outbox rows, nor the rows without the story.
Backlog (a feed's first poll) and stories older than `max_age_s` are never posted.
The same story from a second feed (same canonical URL, or the same title within a day)
is not posted again to a target that already has it: the pending post gains
"also on <source>" instead; targets only the second feed reaches get it with the note.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import aiosqlite

from storage import outbox as sql
from storage.articles import SavedStory, person_key, team_key

log = logging.getLogger(__name__)


def story_entities(saved: SavedStory) -> list[str]:
    """Entity ids a rider/team/tracked filter can match: tagged riders and teams, and
    every person a transfer move names."""
    tags = saved.tags
    out = [person_key(i) for i in tags.riders] + [team_key(i) for i in tags.teams]
    out += [person_key(m.person_id) for m in tags.moves]
    return list(dict.fromkeys(out))


def transfer_teams(saved: SavedStory) -> list[str]:
    """Teams a "transfers [team]" filter matches: teams in a move, and tagged teams."""
    tags = saved.tags
    if not tags.is_transfer:
        return []
    out = [team_key(t) for m in tags.moves for t in (m.from_team_id, m.to_team_id) if t]
    out += [team_key(t) for t in tags.teams]
    return list(dict.fromkeys(out))


def first_per_target(matches: Sequence[sql.Match], *, follow: bool) -> list[sql.NewRow]:
    seen: dict[str, sql.NewRow] = {}
    for m in matches:
        if m.target in seen:
            continue
        seen[m.target] = sql.NewRow(
            target=m.target,
            guild_id=m.guild_id,
            subscription_id=None if follow else m.id,
            follow_id=m.id if follow else None,
            role_id=m.role_id,
            digest=m.digest,
        )
    return list(seen.values())


class FanOut:
    """`default_feeds`: the feed URLs a server that chose none uses (the operator's list,
    DOMESTIQUE_FEEDS or the built-in defaults, as /feeds shows it). Fans' follows take
    stories from every feed but a server's own (one its moderators added that is not the
    operator's): those stay with the servers that use them."""

    def __init__(self, max_age_s: float, default_feeds: Sequence[str] = ()) -> None:
        self.max_age_s = max_age_s
        self.default_feeds = tuple(default_feeds)

    def postable(self, saved: SavedStory, now: float) -> bool:
        if saved.is_backlog:
            return False
        published = saved.story.published
        return published is None or now - published.timestamp() <= self.max_age_s

    async def __call__(
        self, conn: aiosqlite.Connection, feed_id: int, new: list[SavedStory], now: float
    ) -> None:
        postable = [saved for saved in new if self.postable(saved, now)]
        if not postable:
            return
        # A server's own feed: its stories go to no fan, and it is named to no one else.
        public = not await sql.is_private_feed(conn, feed_id, self.default_feeds)
        written = 0
        for saved in postable:
            written += await self.one(conn, feed_id, saved, now, public=public)
        if written:
            log.info("fan-out: %d posts queued from feed %d", written, feed_id)

    async def one(
        self,
        conn: aiosqlite.Connection,
        feed_id: int,
        saved: SavedStory,
        now: float,
        *,
        public: bool = True,
    ) -> int:
        entities = story_entities(saved)
        teams = transfer_teams(saved)
        is_transfer = saved.tags.is_transfer
        rows = first_per_target(
            await sql.matching_subscriptions(
                conn, feed_id, entities, is_transfer, teams, self.default_feeds
            ),
            follow=False,
        )
        if public:
            rows += first_per_target(
                await sql.matching_follows(conn, entities, is_transfer, teams), follow=True
            )
        if not rows:
            return 0
        story = saved.story
        sort_at = min(story.published.timestamp(), now) if story.published else now
        duplicates = await sql.duplicates_of(
            conn, saved.article_id, story.url, story.title, sort_at, self.default_feeds
        )
        also_on: list[str] = []
        if duplicates:
            here = await sql.feed_title(conn, feed_id) if public else None
            already = await sql.targets_with_rows(conn, [d[0] for d in duplicates])
            for row in rows:
                if row.target in already:
                    outbox_id, state = already[row.target]
                    if state == "pending" and here is not None:
                        await sql.add_also_on(conn, outbox_id, here)
            rows = [r for r in rows if r.target not in already]
            also_on = list(dict.fromkeys(name for _, name in duplicates if name is not None))
        return await sql.insert_rows(conn, saved.article_id, rows, now, also_on)
