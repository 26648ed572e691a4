"""The delivery worker: drains the outbox to Discord.

- A row is marked sent only after Discord answered with the message; every send
  carries the row's nonce (discord.py adds `enforce_nonce`), so a send retried after
  a lost answer returns the message already created instead of posting it twice.
- At most one post per target per second, and at most `global_rate` a second overall
  (Discord's global limit is 50/s; discord.py also honours every 429 it gets).
- 5xx and network errors: retry with exponential backoff; after 24 h the row is
  marked failed with the reason. Nothing is lost while Discord is down, and a
  target's later posts wait behind its oldest, so they still arrive in order.
- 403/404 on a channel: its subscriptions are disabled with the reason and the server's
  moderators are told (log channel, else system channel, else a notice on their next
  command). 403 on a DM (DMs closed): the fan's follows pause and they get a notice.
- Digest rows wait for their target's digest time, then go out as one message.
- Before sending, the worker claims a target's rows (a lease it renews while it runs,
  checked again right before each send), so two workers on one database never post a row
  twice nor a target's rows out of order; a dead worker's rows are free once it lapses.
- Each tick first expands stories the poll queued for fan-out (`expand`: bot/pipeline/
  expansion.py), staying a few thousand due posts ahead of what it can send.
- Posts to a target go out oldest story first (storage/outbox.py `due`). A post a spoiler
  shield holds waits in the outbox until its time; one it spoils goes out as plain content
  with the headline hidden (bot/discord/spoiler_render.py).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sqlite3
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiohttp
import discord
from discord.http import handle_message_parameters

from bot.discord import posts, render, spoiler_render
from bot.discord.race_threads import RaceThreads
from feeds.roster.names import fold
from storage.outbox import GIVE_UP_AFTER_S, OutboxItem

if TYPE_CHECKING:
    from bot.discord.client import DomestiqueBot

log = logging.getLogger(__name__)

TICK_S = 5.0
MAX_RETRY_DELAY_S = 3600
FORUM_TAGS_PER_POST = 5
# Discord checks a message's nonce against those of "the past few minutes": a resend
# within this of the first try is deduplicated by it; after it, the worker looks for the
# post first (forum posts take no nonce: it always looks).
NONCE_WINDOW_S = 120.0
# How many of a channel's latest messages are read to find an earlier try's post.
HISTORY_LOOKBACK = 50
# A claim on outbox rows lapses after this unless renewed; a running worker renews its
# claims every quarter of it, so only a worker that died (or hung) loses them, and its
# rows wait at most this long for another. Short, as a restart after a crash waits it out.
CLAIM_LEASE_S = 20.0


class ClaimLost(Exception):
    """Another worker holds the rows now (this one's lease lapsed): it sends them."""


class PermanentFailure(Exception):
    """Discord refused the target for good (403/404)."""

    def __init__(self, status: int, text: str) -> None:
        super().__init__(f"{status} {text}")
        self.status = status
        self.text = text


class _Limiter:
    """At most `rate` acquisitions a second, spaced evenly."""

    def __init__(self, rate: float) -> None:
        self.spacing = 1.0 / rate
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            now = time.monotonic()
            wait = self._next - now
            self._next = max(now, self._next) + self.spacing
        if wait > 0:
            await asyncio.sleep(wait)


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    disabled: int = 0


def latest_scheduled(now: float, hour: int, minute: int, zone: str = "UTC") -> float:
    """The most recent moment at hour:minute in `zone`, at or before `now`."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    local = datetime.fromtimestamp(now, tz)
    at = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if at > local:
        at = (at - timedelta(days=1)).replace(hour=hour, minute=minute)
    return at.timestamp()


def digest_time_passed(scheduled: float, oldest_due: float, last_sent: float | None) -> bool:
    """A digest goes out once per digest time, holding the posts due before it. Checking
    the last digest sent, not only the rows' times, is what keeps a post that reached the
    outbox after its digest went out (expansion runs behind the poll, and a row carries
    the time its story was queued) from sending a second digest that day: it waits for
    the next one."""
    return scheduled > oldest_due and scheduled > (last_sent or 0.0)


class Delivery:
    def __init__(
        self,
        bot: DomestiqueBot,
        *,
        clock: Callable[[], float] = time.time,
        per_target_interval: float = 1.0,
        global_rate: float = 45.0,
        retry_base_s: float = 30.0,
        batch: int = 500,
        worker_id: str | None = None,
        lease_s: float = CLAIM_LEASE_S,
        expand: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self.bot = bot
        self.expand = expand
        """Expands queued fan-out before each tick's sends (the ingestor's `expand_pending`)."""
        self.storage = bot.storage
        self.clock = clock
        self.per_target_interval = per_target_interval
        self.retry_base_s = retry_base_s
        self.batch = batch
        # Tells this worker's claims from another's on the same database (one per process).
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.lease_s = lease_s
        self._limiter = _Limiter(global_rate)
        self.race_threads = RaceThreads(bot, clock=clock, acquire=self._limiter.acquire)
        self._last_post: dict[str, float] = {}
        self._lock = asyncio.Lock()

    # --- the job --------------------------------------------------------------------------

    async def run_once(self) -> DeliveryReport:
        """Send everything due now (one-by-one posts, then digests whose time has come)."""
        report = DeliveryReport()
        if not self.bot.is_ready():
            return report
        if self.expand is not None:
            try:
                await self.expand()
            except sqlite3.Error as exc:  # the stories stay queued; sending goes on
                log.warning("fan-out expansion failed: %s", exc)
            except Exception:  # a bug in expansion must not stop what is already written
                log.exception("fan-out expansion failed")
        async with self._lock:
            renewing = asyncio.create_task(self._renew_claims())
            try:
                items = await self.storage.outbox.due(
                    self.clock(), self.batch, worker=self.worker_id
                )
                by_target: dict[str, list[OutboxItem]] = {}
                for item in items:
                    by_target.setdefault(item.target, []).append(item)
                await asyncio.gather(
                    *(self._drain(t, rows, report) for t, rows in by_target.items())
                )
                await self._digests(report)
            finally:
                renewing.cancel()
                await asyncio.gather(renewing, return_exceptions=True)
                await self._release_claims()
        if report.sent or report.retrying or report.failed or report.disabled:
            log.info("delivery: %s", report)
        return report

    async def _drain(self, target: str, items: list[OutboxItem], report: DeliveryReport) -> None:
        for item in await self._claim(items):
            if self.clock() - item.due_since >= GIVE_UP_AFTER_S:
                # Failing, or never attempted (the bot was offline), for a day: old news now.
                reason = item.last_error or "not sent within 24 h (the bot was offline?)"
                await self.storage.outbox.mark([item.id], "failed", reason)
                report.failed += 1
                continue
            if not await self._deliver([item], self._single(item), item.role_id, report):
                # Retrying or refused: the rest of this target waits for the next run.
                return

    async def _deliver(
        self,
        items: Sequence[OutboxItem],
        embed: discord.Embed | str,
        role_id: int | None,
        report: DeliveryReport,
        *,
        digest: bool = False,
    ) -> bool | None:
        """True when sent; False when it will be retried; None when refused for good."""
        first = items[0]
        ids = [i.id for i in items]
        try:
            message_id = await self._send(items, embed, role_id, digest=digest)
        except ClaimLost:
            log.info("posts %s to %s are another worker's now", ids, first.target)
            return False
        except PermanentFailure as exc:
            await self._refused(first, exc)
            report.disabled += 1
            return None
        except (TimeoutError, discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            status = getattr(exc, "status", None)
            permanent = isinstance(exc, discord.HTTPException) and status not in (None, 429)
            if permanent and status < 500:
                reason = f"Discord refused the post: {status} {exc.text}"[:500]
                log.warning("post %s to %s refused: %s", ids, first.target, reason)
                await self.storage.outbox.mark(ids, "failed", reason)
                report.failed += len(ids)
                return None
            return await self._retry(items, exc, report)
        await self.storage.outbox.mark_sent(ids, message_id, self.clock())
        report.sent += len(ids)
        return True

    async def _retry(self, items: Sequence[OutboxItem], exc: BaseException, report) -> bool:
        now = self.clock()
        first = items[0]
        reason = f"{type(exc).__name__}: {exc}"[:500]
        if now - first.due_since >= GIVE_UP_AFTER_S:
            log.warning("post to %s failed for 24 h, giving up: %s", first.target, reason)
            await self.storage.outbox.mark([i.id for i in items], "failed", reason)
            report.failed += len(items)
            return False
        delay = min(self.retry_base_s * 2**first.attempts, MAX_RETRY_DELAY_S)
        log.info("post to %s will be retried in %.0f s: %s", first.target, delay, reason)
        await self.storage.outbox.retry_later([i.id for i in items], reason, now + delay)
        report.retrying += len(items)
        return False

    # --- claims -----------------------------------------------------------------------------

    async def _claim(self, items: Sequence[OutboxItem]) -> list[OutboxItem]:
        """The rows of one target this worker now holds, in order; none when another
        worker holds that target (rows settled meanwhile are left out)."""
        if not items:
            return []
        got = await self.storage.outbox.claim(
            [i.id for i in items], self.worker_id, self.clock(), self.lease_s
        )
        return [i for i in items if i.id in got]

    async def _renew_claims(self) -> None:
        while True:
            await asyncio.sleep(self.lease_s / 4)
            try:
                await self.storage.outbox.renew(self.worker_id, self.clock(), self.lease_s)
            except sqlite3.Error as exc:
                # The next renewal may succeed; a send checks its claim first regardless.
                log.warning("could not renew outbox claims: %s", exc)

    async def _release_claims(self) -> None:
        try:
            await self.storage.outbox.release(self.worker_id)
        except sqlite3.Error as exc:
            log.warning("could not release outbox claims (they lapse by themselves): %s", exc)

    # --- sending ----------------------------------------------------------------------------

    async def _pace(self, target: str) -> None:
        last = self._last_post.get(target)
        if last is not None:
            wait = last + self.per_target_interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        await self._limiter.acquire()
        self._last_post[target] = time.monotonic()

    async def _send(
        self,
        items: Sequence[OutboxItem],
        embed: discord.Embed | str,
        role_id: int | None,
        *,
        digest: bool,
    ) -> int | None:
        """`embed`: the post, or a spoiler-shielded story's text (sent without previews)."""
        item = items[0]
        await self._pace(item.target)
        kind, _, raw_id = item.target.partition(":")
        mentions: discord.AllowedMentions = discord.AllowedMentions.none()
        content = text = embed if isinstance(embed, str) else None
        embed = discord.utils.MISSING if isinstance(embed, str) else embed
        flags = spoiler_render.spoiler_flags() if text is not None else discord.utils.MISSING
        if role_id:
            content = f"<@&{role_id}>" + (f"\n{text}" if text else "")
            mentions = discord.AllowedMentions(roles=[discord.Object(role_id)])
        http = self.bot.http
        try:
            if kind == "user":
                channel_id = await self._dm_channel(int(raw_id))
            else:
                channel_id = int(raw_id)
            forum = item.channel_type == "forum"
            title = (embed.title or "Digest") if digest and embed else item.title
            name = render.truncate(render.clean_text(title) or "News", 100)
            if text is not None:  # a thread's name cannot hide the headline
                about = posts.about(self.bot.calendar, item)
                name = spoiler_render.spoiler_thread_name(item.story_kind, about)
            if not digest:
                made = await self._made_earlier(item, channel_id, name, forum=forum)
                if made is not None:
                    return made
            await self._hold(items, attempting=not digest)
            if not digest:  # a race running today: into its day's thread (race_threads.py)
                threaded = await self.race_threads.post(
                    item,
                    channel_id,
                    forum=forum,
                    mentions=mentions,
                    content=content,
                    embed=embed,
                    flags=flags,
                )
                if threaded is not None:
                    return threaded
            if forum:
                # A forum takes posts (threads), not messages: one per story, or per digest.
                params = handle_message_parameters(
                    content=content,
                    embed=embed,
                    allowed_mentions=mentions,
                    previous_allowed_mentions=self.bot.allowed_mentions,
                    flags=flags,
                    channel_payload={
                        "name": name,
                        "auto_archive_duration": 1440,
                        "applied_tags": [] if digest else self._forum_tags(channel_id, item),
                    },
                )
                data: Any = await http.start_thread_in_forum(channel_id, params=params)
                message = data.get("message") or {}
                return int(message.get("id") or data.get("id") or 0) or None
            params = handle_message_parameters(
                content=content,
                embed=embed,
                allowed_mentions=mentions,
                previous_allowed_mentions=self.bot.allowed_mentions,
                nonce=item.nonce,
                flags=flags,
            )
            data = await http.send_message(channel_id, params=params)
            return int(data["id"])
        except (discord.Forbidden, discord.NotFound) as exc:
            raise PermanentFailure(exc.status, exc.text or type(exc).__name__) from exc

    async def _hold(self, items: Sequence[OutboxItem], *, attempting: bool) -> None:
        """Right before the send: the rows are still this worker's (else ClaimLost)."""
        ids = [i.id for i in items]
        held = await self.storage.outbox.hold(
            ids, self.worker_id, self.clock(), self.lease_s, attempting=attempting
        )
        if not held:
            raise ClaimLost(ids)

    async def _made_earlier(
        self, item: OutboxItem, channel_id: int, name: str, *, forum: bool
    ) -> int | None:
        """The post an earlier try of `item` made whose answer never came (lost, or the
        bot stopped first), when Discord's nonce can no longer tell: always for a forum,
        for a channel or DM once the first try is older than Discord's nonce window."""
        if item.attempted_at is None or render.safe_url(item.url) is None:
            return None  # never tried, or a post without a link: nothing to look for
        try:
            if forum:
                return await self._forum_post_made(item, channel_id, name)
            if self.clock() - item.attempted_at < NONCE_WINDOW_S:
                return None  # the resend carries the same nonce: Discord answers with the post
            return await self._message_made(item, channel_id)
        except discord.Forbidden:
            return None  # cannot look (no Read Message History): post it

    def _ours_linking(self, message: dict[str, Any], url: str) -> bool:
        me = str(self.bot.user.id) if self.bot.user else None
        author = (message.get("author") or {}).get("id")
        if me is not None and str(author) != me:
            return False
        # The embed carries the link as render made it (percent-encoded); the row, as the
        # feed gave it: both go through the same function before they are compared.
        wanted = render.safe_url(url)
        found = any(render.safe_url(e.get("url")) == wanted for e in message.get("embeds") or [])
        return found or f"<{wanted}>" in (message.get("content") or "")  # a spoiler post

    async def _message_made(self, item: OutboxItem, channel_id: int) -> int | None:
        """A message of ours among the channel's latest that links the story."""
        assert item.url is not None
        await self._limiter.acquire()  # a request of its own under Discord's global limit
        messages: Any = await self.bot.http.logs_from(channel_id, HISTORY_LOOKBACK)
        for message in messages or []:
            if self._ours_linking(message, item.url):
                log.info("message %s of outbox row %s was sent already", message["id"], item.id)
                return int(message["id"])
        return None

    async def _forum_post_made(self, item: OutboxItem, forum_id: int, name: str) -> int | None:
        """A thread of ours in the forum with this name whose first message links the story."""
        assert item.url is not None
        if item.guild_id is None:
            return None
        http = self.bot.http
        me = str(self.bot.user.id) if self.bot.user else None
        # Each look is a request of its own under Discord's global limit.
        await self._limiter.acquire()
        data: Any = await http.get_active_threads(item.guild_id)
        for thread in data.get("threads") or []:
            if str(thread.get("parent_id")) != str(forum_id) or thread.get("name") != name:
                continue
            if me is not None and str(thread.get("owner_id")) != me:
                continue
            try:
                # A forum post's first message has the thread's id.
                await self._limiter.acquire()
                first = await http.get_message(thread["id"], thread["id"])
            except discord.NotFound:
                continue
            if self._ours_linking(first, item.url):
                log.info("forum post %s of outbox row %s was made already", first["id"], item.id)
                return int(first["id"])
        return None

    async def _dm_channel(self, user_id: int) -> int:
        settings = await self.storage.follows.settings(user_id)
        if settings.dm_channel_id:
            return settings.dm_channel_id
        # A request of its own under Discord's global limit, beside the post's.
        await self._limiter.acquire()
        data = await self.bot.http.start_private_message(user_id)
        channel_id = int(data["id"])
        await self.storage.follows.set_settings(user_id, self.clock(), dm_channel_id=channel_id)
        return channel_id

    def _forum_tags(self, channel_id: int, item: OutboxItem) -> list[str]:
        """The forum's tags named after a rider or team of the story (any of their names)."""
        forum = self.bot.get_channel(channel_id)
        tags = getattr(forum, "available_tags", None) or []
        if not tags:
            return []
        roster = self.bot.roster_state.guilds.roster(item.guild_id)  # with its own names
        names: set[str] = set()
        for entity_id, kind in item.entities:
            key = entity_id.partition(":")[2]
            if kind == "team" and key in roster.teams:
                team = roster.teams[key]
                names.update(fold(n) for n in (*team.all_names, *team.aliases))
            elif kind == "rider" and key in roster.people:
                person = roster.people[key]
                names.update(fold(n) for n in (person.name, render.surname(person.name)))
        return [str(t.id) for t in tags if fold(t.name) in names][:FORUM_TAGS_PER_POST]

    # --- rendering (bot/discord/posts.py) ---------------------------------------------------

    def _single(self, item: OutboxItem) -> discord.Embed | str:
        return posts.single_post(self.bot.roster_state.guilds, self.bot.calendar, item)

    # --- refusals ---------------------------------------------------------------------------

    async def _refused(self, item: OutboxItem, exc: PermanentFailure) -> None:
        now = self.clock()
        kind, _, raw_id = item.target.partition(":")
        if kind == "user":
            reason = (
                "your DMs with me are closed (or you share no server with me any more), so "
                "your follows are paused. Open your DMs and use /follow again to resume."
            )
            paused = await self.storage.follows.pause_user(int(raw_id), reason, now)
            log.info("DMs to %s refused (%s): %d follows paused", raw_id, exc, paused)
            if paused:  # else another worker (or an earlier run) paused them and told the fan
                await self.storage.notices.add(
                    f"I could not DM you: {reason}", now, user_id=int(raw_id)
                )
            return
        channel_id = int(raw_id)
        if exc.status == 404:
            why = "the channel no longer exists, or I am no longer in this server"
        else:
            why = "I lost permission to post there"
        reason = f"{why} (Discord said: {exc.status} {exc.text})"[:300]
        disabled = await self.storage.subscriptions.disable_channel(
            item.guild_id, channel_id, reason, now
        )
        log.warning(
            "posting to channel %s refused (%s): %d subscriptions disabled",
            channel_id,
            exc,
            len(disabled),
        )
        if item.guild_id is None or not disabled:
            return  # nothing disabled: another worker (or an earlier run) told them
        ids = ", ".join(f"#{s.id}" for s in disabled)
        text = (
            f"Domestique stopped posting to <#{channel_id}>: {reason}. "
            f"Subscription {ids} is disabled; fix the channel and use /subscribe again."
        )
        await self.tell_moderators(item.guild_id, text, broken_channel_id=channel_id)

    async def tell_moderators(
        self, guild_id: int, text: str, *, broken_channel_id: int | None = None
    ) -> None:
        """Post in the server's log channel, else its system channel, else keep a notice
        shown with the answer to a moderator's next command."""
        candidates = [await self.storage.guild_config.log_channel(guild_id)]
        guild = self.bot.get_guild(guild_id)
        if guild is not None and guild.system_channel is not None:
            candidates.append(guild.system_channel.id)
        for channel_id in dict.fromkeys(c for c in candidates if c and c != broken_channel_id):
            try:
                await self._limiter.acquire()
                await self.bot.http.send_message(
                    channel_id,
                    params=handle_message_parameters(
                        content=render.truncate(text, render.CONTENT_LIMIT),
                        allowed_mentions=discord.AllowedMentions.none(),
                    ),
                )
                return
            except discord.HTTPException as exc:
                log.info("could not tell moderators in %s: %s", channel_id, exc)
        await self.storage.notices.add(text, self.clock(), guild_id=guild_id)

    # --- digests ----------------------------------------------------------------------------

    async def _digests(self, report: DeliveryReport) -> None:
        now = self.clock()
        channel_subs: dict[str, list] = {}
        for sub in await self.storage.subscriptions.digest_due():
            channel_subs.setdefault(f"channel:{sub.channel_id}", []).append(sub)
        for target, subs in channel_subs.items():
            items = await self.storage.outbox.digest_items(target, now, worker=self.worker_id)
            oldest = min((i.due_since for i in items), default=now)
            if not items or not any(
                digest_time_passed(
                    latest_scheduled(now, s.digest_hour, s.digest_minute), oldest, s.last_digest_at
                )
                for s in subs
            ):
                continue
            if len(await self._claim(items)) < len(items):
                continue  # another worker is at it, or sent some: the next run looks again
            role = next((s.role_id for s in subs if s.role_id), None)
            embed = self._digest_embed("Digest", items)
            if await self._deliver(items, embed, role, report, digest=True):
                await self.storage.subscriptions.mark_digest_sent(subs[0].channel_id, now)
        for fan in await self.storage.follows.daily_due():
            target = f"user:{fan.user_id}"
            items = await self.storage.outbox.digest_items(target, now, worker=self.worker_id)
            oldest = min((i.due_since for i in items), default=now)
            scheduled = latest_scheduled(now, fan.digest_hour, fan.digest_minute, fan.timezone)
            if not items or not digest_time_passed(scheduled, oldest, fan.last_digest_at):
                continue
            if len(await self._claim(items)) < len(items):
                continue
            embed = self._digest_embed("Your daily cycling digest", items)
            if await self._deliver(items, embed, None, report, digest=True):
                await self.storage.follows.set_settings(fan.user_id, now, last_digest_at=now)

    def _digest_embed(self, title: str, items: Sequence[OutboxItem]) -> discord.Embed:
        return posts.digest_post(title, items)


def schedule(scheduler, delivery: Delivery, tick_s: float = TICK_S) -> None:
    """The delivery job: one at a time, missed runs coalesced."""
    scheduler.add_job(
        delivery.run_once,
        "interval",
        seconds=tick_s,
        id="deliver",
        max_instances=1,
        coalesce=True,
        replace_existing=True,
    )
