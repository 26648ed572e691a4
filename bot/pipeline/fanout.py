"""Fan-out: a new tagged story × subscriptions and follows → outbox rows, in two steps.

1. Queue, inside the transaction that stores the story (`ArticleStore.save_poll(after=
   ...)`): each new postable story is recorded as awaiting fan-out (`fanout_pending`,
   storage/outbox_pending.py) with what fan-out reads of it (`StoryFacts`), so a story
   is never stored without its fan-out recorded. Backlog (a feed's first poll) and
   stories older than `max_age_s` are never queued; expansion drops those that grew too
   old while queued.
2. Expand (`FanOut.expand_one`, driven by bot/pipeline/expansion.py in the leader): one
   story per transaction, oldest first, its outbox rows written and its record deleted
   together. A subscription or follow gets only stories stored after it was made or
   last turned back on (its `fanout_from`, an article id), however long their fan-out
   waited; removed ones get nothing. Rows are stamped with the time the story was queued
   (the give-up clock counts from it).

A public instance's 100-story cycle reaches hundreds of thousands of targets, which
Discord lets a bot post at ~45 a second: writing every row inside the poll was work
done hours before it could be sent, and it held the poll for minutes.

The same story from a second feed (same canonical URL, or the same title within a day)
is not posted again to a target that already has it: the pending post gains
"also on <source>" instead; targets only the second feed reaches get it with the note.
Nor is a story a feed publishes again under a new GUID and link (the same title, folded,
from the same feed within a day): it goes only to targets the earlier one did not reach.
(Both compare with stories stored before this one, which expansion's order has expanded.)
Every new story (backlog too) of a feed a server with names of its own reads is also
tagged with those names (bot/pipeline/guild_names.py) into `guild_tags`, in the poll's
transaction; that server's rider, team and tracked subscriptions match them.
A subscription or follow may be aimed at a race ("race:<id>", any race the story names)
and narrowed to some story kinds; a subscription's role is named only for its ping kinds.
Each row then meets its target's spoiler shield (bot/pipeline/spoilers.py): a shielded
story is written held (`not_before`) or in spoiler form, decided once, at expansion: the
target's shield as it is set then, its verdict as of the time the story was queued (when
the story came relative to the race, not how far behind delivery is).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Sequence
from datetime import UTC, datetime

import aiosqlite

from bot.pipeline.guild_names import GuildRosters, tag_for_guilds
from bot.pipeline.spoilers import decide
from bot.pipeline.story_facts import StoryFacts, sort_at_of
from feeds.models import StoryTags
from feeds.races.model import Calendar
from feeds.text.fold import fold_word
from storage import outbox_fanout as sql
from storage import outbox_pending as queue
from storage.articles import SavedStory
from storage.guild_config import save_guild_tags
from storage.shields import shields_for

log = logging.getLogger(__name__)


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


async def shielded(
    conn: aiosqlite.Connection,
    rows: list[sql.NewRow],
    tags: StoryTags,
    calendar: Calendar,
    now: float,
) -> list[sql.NewRow]:
    """The rows as their targets' spoiler shields have them: held until a time, or in
    spoiler form; a target without a shield, or a story no shield covers, unchanged."""
    shields = await shields_for(conn, [r.target for r in rows])
    if not shields:
        return rows
    moment = datetime.fromtimestamp(now, UTC)
    out = []
    for row in rows:
        shield = shields.get(row.target)
        verdict = decide(tags, calendar, shield, moment) if shield else None
        if verdict is not None and verdict.action == "hold" and verdict.until is not None:
            row = dataclasses.replace(row, not_before=verdict.until.timestamp())
        elif verdict is not None and verdict.action == "spoiler":
            row = dataclasses.replace(row, spoiler=True)
        out.append(row)
    return out


class FanOut:
    """`default_feeds`: the feed URLs a server that chose none uses (the operator's list,
    DOMESTIQUE_FEEDS or the built-in defaults, as /feeds shows it). Fans' follows take
    stories from every feed but a server's own (one its moderators added that is not the
    operator's): those stay with the servers that use them. `guilds`: servers' own
    names (None: no server tagging). `calendar`: the race calendar the spoiler shield
    reads race days from (none: every shielded story counts as today's)."""

    def __init__(
        self,
        max_age_s: float,
        default_feeds: Sequence[str] = (),
        guilds: GuildRosters | None = None,
        calendar: Calendar | None = None,
    ) -> None:
        self.max_age_s = max_age_s
        self.default_feeds = tuple(default_feeds)
        self.guilds = guilds
        self.calendar = calendar if calendar is not None else Calendar()

    def postable(self, saved: SavedStory, now: float) -> bool:
        if saved.is_backlog:
            return False
        published = saved.story.published
        return published is None or now - published.timestamp() <= self.max_age_s

    async def __call__(
        self, conn: aiosqlite.Connection, feed_id: int, new: list[SavedStory], now: float
    ) -> None:
        """Inside the poll's transaction: tag for servers' own names, and queue the
        postable stories for expansion (cheap: no subscription is read here)."""
        own = await self.tag_for_guilds(conn, feed_id, new, now)
        postable = [saved for saved in new if self.postable(saved, now)]
        if not postable:
            return
        # A server's own feed: its stories go to no fan, and it is named to no one else.
        public = not await sql.is_private_feed(conn, feed_id, self.default_feeds)
        source = await sql.feed_title(conn, feed_id) if public else None
        await queue.queue(
            conn,
            [
                queue.PendingFanOut(
                    saved.article_id,
                    feed_id,
                    public,
                    now,
                    StoryFacts.of(saved, own.get(saved.article_id, ()), now, source).encode(),
                )
                for saved in postable
            ],
        )
        log.info("fan-out: %d stories queued from feed %d", len(postable), feed_id)

    async def expand_one(self, conn: aiosqlite.Connection, pending: queue.PendingFanOut) -> int:
        """One queued story's outbox rows, written; the number written. The caller deletes
        the queue record in the same transaction."""
        facts = StoryFacts.decode(pending.story, queued_at=pending.queued_at)
        feed_id, now = pending.feed_id, pending.queued_at
        races = facts.race_keys
        rows = first_per_target(
            await sql.matching_subscriptions(
                conn,
                feed_id,
                facts.entities,
                facts.is_transfer,
                facts.teams,
                self.default_feeds,
                facts.own,
                races=races,
                kind=facts.kind,
                story_id=pending.article_id,
            ),
            follow=False,
        )
        if pending.public:
            rows += first_per_target(
                await sql.matching_follows(
                    conn,
                    facts.entities,
                    facts.is_transfer,
                    facts.teams,
                    races=races,
                    kind=facts.kind,
                    story_id=pending.article_id,
                ),
                follow=True,
            )
        if not rows:
            return 0
        article_id = pending.article_id
        reposted = await self.reposts(conn, feed_id, article_id, facts.title, facts.sort_at)
        if reposted:
            had = await sql.targets_with_rows(conn, reposted)
            rows = [r for r in rows if r.target not in had]
            if not rows:
                return 0
        duplicates = await sql.duplicates_of(
            conn, article_id, facts.url, facts.title, facts.sort_at, self.default_feeds
        )
        also_on: list[str] = []
        if duplicates:
            here = facts.source
            already = await sql.targets_with_rows(conn, [d[0] for d in duplicates])
            for row in rows:
                if row.target in already:
                    outbox_id, state = already[row.target]
                    if state == "pending" and here is not None:
                        await sql.add_also_on(conn, outbox_id, here)
            rows = [r for r in rows if r.target not in already]
            also_on = list(dict.fromkeys(name for _, name in duplicates if name is not None))
        rows = await shielded(conn, rows, facts.shield_tags(), self.calendar, now)
        return await sql.insert_rows(conn, article_id, rows, now, also_on)

    @staticmethod
    async def reposts(
        conn: aiosqlite.Connection, feed_id: int, article_id: int, title: str, sort_at: float
    ) -> list[int]:
        """The feed's earlier stories of the same title (folded) within a day: the same
        story under a new GUID and link, which some feeds hand out on every poll."""
        folded = fold_word(title)
        if not folded:
            return []  # no words to compare (an emoji-only title): not evidence of a repost
        earlier = await sql.same_feed_stories(conn, feed_id, article_id, sort_at)
        return [other_id for other_id, other in earlier if fold_word(other) == folded]

    async def tag_for_guilds(
        self, conn: aiosqlite.Connection, feed_id: int, new: list[SavedStory], now: float
    ) -> dict[int, list[tuple[int, str]]]:
        """Tag new stories with the own names of the servers that read this feed, store
        those tags, and return them per article: (server id, entity id)."""
        if self.guilds is None:
            return {}
        guild_ids = self.guilds.guild_ids()
        if not guild_ids:
            return {}
        readers = await sql.guilds_reading(conn, feed_id, guild_ids, self.default_feeds)
        if not readers:
            return {}
        guilds = self.guilds
        stories = [(s.article_id, s.story.title, _text(s)) for s in new]

        def tag() -> list[tuple[int, int, str]]:
            taggings = [t for g in readers if (t := guilds.tagging(g)) is not None]
            return tag_for_guilds(stories, taggings)

        # Plain CPU work (building a server's matcher, folding every story): off the loop.
        found = await asyncio.to_thread(tag)
        sort_at = {s.article_id: sort_at_of(s, now) for s in new}
        await save_guild_tags(conn, [(g, e, sort_at[a], a) for g, a, e in found])
        own: dict[int, list[tuple[int, str]]] = {}
        for guild_id, article_id, entity_id in found:
            own.setdefault(article_id, []).append((guild_id, entity_id))
        return own


def _text(saved: SavedStory) -> str:
    """The story's text as the tagger reads it (bot/pipeline/ingest.py)."""
    story = saved.story
    return "\n\n".join(part for part in (story.summary, story.body) if part)
