"""Race-day threads: in a channel whose moderators turned them on (`/race-threads`), the
first story of a race day about a race opens a thread named for that day ("Giro d'Italia
2026 · Stage 5 · 14 May"); the day's later stories about that race go into it, every
other story to the channel as before. A forum gets a post per race day instead, the
day's first story as its first message. Each is archived once its day is over.

A story belongs to a race day when its race focus (race and edition) is an edition the
calendar has running on the day it is delivered (UTC): a preview the evening before goes
to the channel, a report the day after too.

Opening is safe against lost answers and two senders: before opening, the server's active
threads are searched for one of ours with the day's name in that channel (a try whose
answer never came made it), and the thread kept in storage is the first one stored.
Posts inside carry the outbox row's nonce, like any post.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import discord
from discord.http import handle_message_parameters

from bot.discord import render
from feeds.races.lookup import RaceDay, race_day
from storage.race_threads import RaceThread, RaceThreadStore

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot
    from storage.outbox import OutboxItem

log = logging.getLogger(__name__)

PUBLIC_THREAD = 11
AUTO_ARCHIVE_MIN = 1440
"""Discord archives a quiet thread after this anyway; the job archives it at the day's end."""
THREAD_NAME_LIMIT = 100
ARCHIVE_EVERY_S = 600
HISTORY_LOOKBACK = 50
NONCE_WINDOW_S = 120.0


def utc_day(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


class RaceThreads:
    def __init__(
        self,
        bot: DomestiqueBot,
        *,
        clock: Callable[[], float],
        acquire: Callable[[], Awaitable[None]],
    ) -> None:
        """`acquire` waits for a slot under Discord's global rate limit (the delivery
        worker's limiter): each request here is one of the bot's."""
        self.bot = bot
        self.clock = clock
        self._acquire = acquire
        self._opening: dict[tuple[int, str, str], asyncio.Lock] = {}

    @property
    def _store(self) -> RaceThreadStore:
        return self.bot.storage.race_threads

    def race_day_of(self, item: OutboxItem) -> RaceDay | None:
        """The race day `item` belongs to when delivered now, or None."""
        if item.focus_race is None or item.focus_year is None:
            return None
        today = utc_day(self.clock()).date()
        return race_day(self.bot.calendar, item.focus_race, item.focus_year, today)

    async def post(
        self,
        item: OutboxItem,
        channel_id: int,
        *,
        forum: bool,
        mentions: discord.AllowedMentions,
        **message: Any,
    ) -> int | None:
        """Post `item` in its race day's thread of `channel_id` (opening it when it is the
        day's first), and return the message id; None when the story is not for a thread
        (the caller posts it as before). `message` holds the rest of
        `handle_message_parameters`'s arguments for the post (content, embed, flags...):
        the same message the channel would get."""
        if not item.target.startswith("channel:"):
            return None
        day = self.race_day_of(item)
        if day is None or not await self._store.enabled(channel_id):
            return None
        message = {
            **message,
            "allowed_mentions": mentions,
            "previous_allowed_mentions": self.bot.allowed_mentions,
        }
        key = (channel_id, day.race.id, day.day.isoformat())
        lock = self._opening.setdefault(key, asyncio.Lock())
        async with lock:
            thread = await self._store.thread_for(*key)
            if thread is None:
                thread, first = await self._open(item, channel_id, day, forum, message)
                if first is not None:
                    return first
        try:
            return await self._post_in(thread.thread_id, item, message)
        except discord.NotFound:
            # The thread was deleted: another is opened for this story and the day's next
            # ones (a deleted channel fails again below, and delivery handles it as ever).
            log.info("race-day thread %s is gone; opening another", thread.thread_id)
            await self._store.forget(*key)
            async with lock:
                thread, first = await self._open(item, channel_id, day, forum, message)
            if first is not None:
                return first
            return await self._post_in(thread.thread_id, item, message)

    async def _open(
        self,
        item: OutboxItem,
        channel_id: int,
        day: RaceDay,
        forum: bool,
        message: dict[str, Any],
    ) -> tuple[RaceThread, int | None]:
        """The day's thread, opened now or found open; with a forum, the id of the post's
        first message when that is this story (made now, or by a try whose answer was lost)."""
        name = render.truncate(render.clean_text(day.label), THREAD_NAME_LIMIT)
        found = await self._find_open(item.guild_id, channel_id, name)
        first: int | None = None
        if found is not None:
            thread_id = int(found["id"])
            if forum and await self._starter_links(thread_id, item):
                first = thread_id  # a forum post's first message has the thread's id
        elif forum:
            await self._acquire()
            params = handle_message_parameters(
                **message,
                channel_payload={"name": name, "auto_archive_duration": AUTO_ARCHIVE_MIN},
            )
            data: Any = await self.bot.http.start_thread_in_forum(channel_id, params=params)
            thread_id = int(data["id"])
            first = int((data.get("message") or {}).get("id") or thread_id)
        else:
            await self._acquire()
            data = await self.bot.http.start_thread_without_message(
                channel_id,
                name=name,
                auto_archive_duration=AUTO_ARCHIVE_MIN,
                type=PUBLIC_THREAD,
            )
            thread_id = int(data["id"])
        kept = await self._store.opened(
            RaceThread(
                channel_id,
                day.race.id,
                day.day.isoformat(),
                thread_id,
                item.guild_id,
                name,
                self.clock(),
            )
        )
        if kept.thread_id != thread_id:
            # Another sender stored its thread first: later posts go there (a forum post
            # just made keeps this story; a thread just opened stays empty).
            log.info("race-day thread %s superseded by %s", thread_id, kept.thread_id)
            return kept, first
        log.info("opened race-day thread %r (%s) in %s", name, thread_id, channel_id)
        return kept, first

    async def _find_open(self, guild_id: int | None, channel_id: int, name: str) -> dict | None:
        if guild_id is None:
            return None
        me = str(self.bot.user.id) if self.bot.user else None
        await self._acquire()
        data: Any = await self.bot.http.get_active_threads(guild_id)
        for thread in data.get("threads") or []:
            if str(thread.get("parent_id")) != str(channel_id) or thread.get("name") != name:
                continue
            if me is None or str(thread.get("owner_id")) == me:
                return thread
        return None

    def _links(self, message: dict[str, Any], item: OutboxItem) -> bool:
        wanted = render.safe_url(item.url)
        if wanted is None:
            return False
        me = str(self.bot.user.id) if self.bot.user else None
        if me is not None and str((message.get("author") or {}).get("id")) != me:
            return False
        embeds = message.get("embeds") or []
        return any(render.safe_url(e.get("url")) == wanted for e in embeds) or (
            wanted in (message.get("content") or "")
        )

    async def _starter_links(self, thread_id: int, item: OutboxItem) -> bool:
        try:
            await self._acquire()
            first = await self.bot.http.get_message(thread_id, thread_id)
        except discord.NotFound:
            return False
        return self._links(first, item)

    async def _post_in(self, thread_id: int, item: OutboxItem, message: dict[str, Any]) -> int:
        attempted = item.attempted_at
        if attempted is not None and self.clock() - attempted >= NONCE_WINDOW_S:
            # Discord no longer remembers the nonce: look for the post a lost try made.
            await self._acquire()
            for earlier in await self.bot.http.logs_from(thread_id, HISTORY_LOOKBACK) or []:
                if self._links(earlier, item):
                    return int(earlier["id"])
        await self._acquire()
        params = handle_message_parameters(**message, nonce=item.nonce)
        data = await self.bot.http.send_message(thread_id, params=params)
        return int(data["id"])

    # --- the day's end ------------------------------------------------------------------

    def schedule(self, scheduler, every_s: float = ARCHIVE_EVERY_S) -> None:
        """The archiving job: one at a time, missed runs coalesced."""
        scheduler.add_job(
            self.archive_past,
            "interval",
            seconds=every_s,
            id="race-threads-archive",
            max_instances=1,
            coalesce=True,
            replace_existing=True,
        )

    async def archive_past(self) -> int:
        """Archive the threads of days before today (UTC); returns how many. A thread
        Discord no longer has (deleted, or no access) counts as archived."""
        if not self.bot.is_ready():
            return 0
        today = utc_day(self.clock()).date()
        done = 0
        for thread in await self._store.to_archive(today.isoformat()):
            try:
                await self._acquire()
                await self.bot.http.edit_channel(thread.thread_id, archived=True)
            except (discord.NotFound, discord.Forbidden) as exc:
                log.info("race-day thread %s not archived (%s): forgotten", thread.thread_id, exc)
            except discord.HTTPException as exc:
                log.info("race-day thread %s: archiving failed, next run retries: %s",
                         thread.thread_id, exc)  # fmt: skip
                continue
            await self._store.archived(thread, self.clock())
            done += 1
        # Locks of past days are no longer needed.
        cutoff = (today - timedelta(days=1)).isoformat()
        for key in [k for k in self._opening if k[2] < cutoff]:
            del self._opening[key]
        return done
