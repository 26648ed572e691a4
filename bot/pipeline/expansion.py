"""Expansion: stories queued for fan-out become outbox rows, in the leader.

The poll only queues (bot/pipeline/fanout.py); this turns the queue into outbox rows,
one story per transaction (its rows and the deletion of its record commit together),
oldest first. It runs right after each poll cycle, so a story's first posts wait for no
further tick, and from the delivery worker's tick while stories wait.

Each call stops once `MAX_DUE_AHEAD` one-by-one posts are due, or after `MAX_ROWS_PER_CALL`
rows of any kind, and the next tick goes on. Discord lets a bot post ~45 a second, so rows
written further ahead could not be sent sooner; they would only make the poll and each
delivery query slower, and the row bound keeps a queue of digest or held rows (which are
not due) from making one call expand everything. A leader killed mid-expansion loses
nothing: a story's record stays until its rows commit, and the next leader expands it.

A story that cannot be expanded (its record unreadable, or a bug in matching it) is set
aside and logged, never retried: left at the head of the queue it would stop every story
after it. A database error stops the call instead and leaves the story queued: the next
call tries it again. Stories already too old to post are dropped without writing rows.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.pipeline.fanout import FanOut
from bot.pipeline.story_facts import StoryFacts
from storage import Storage
from storage import outbox_pending as queue
from storage.outbox import GIVE_UP_AFTER_S

log = logging.getLogger(__name__)

MAX_DUE_AHEAD = 5_000
"""Due one-by-one posts at which expansion pauses: about two minutes of sending at
Discord's ~45 posts a second, so delivery never runs dry between two ticks."""

MAX_ROWS_PER_CALL = 20_000
"""Rows one call writes at most (checked between stories): a few seconds of writing, so
neither the poll job nor the delivery tick is held long, whatever kind the rows are."""


@dataclass(slots=True)
class ExpansionReport:
    stories: int = 0
    rows: int = 0
    paused: bool = False
    """Stopped with stories still queued (delivery far enough behind, or the row bound)."""
    too_old: int = 0
    """Stories dropped unexpanded: older than the story age limit, or than delivery's
    give-up, by the time expansion reached them."""
    set_aside: int = 0
    """Stories that could not be expanded (logged with the cause) and were dropped."""


async def expand(
    storage: Storage,
    fanout: FanOut,
    *,
    ahead: int | None = MAX_DUE_AHEAD,
    max_rows: int | None = None,
    stories: int | None = None,
    clock: Callable[[], float] = time.time,
) -> ExpansionReport:
    """Expand queued stories, oldest first, until none is left, `stories` are handled, or
    (with `ahead`) that many posts are due, or (with `max_rows`) that many rows were
    written. `ahead=None` (and no `max_rows`): everything now (tests and benchmarks); the
    leader's calls (`Ingestor.expand_pending`) give both bounds."""
    report = ExpansionReport()
    handled = 0
    while stories is None or handled < stories:
        if max_rows is not None and report.rows >= max_rows:
            async with storage.transaction() as conn:
                report.paused = await queue.oldest(conn) is not None
            break
        pending: queue.PendingFanOut | None = None
        try:
            async with storage.transaction() as conn:
                if ahead is not None and await queue.due_backlog(conn, clock(), ahead) >= ahead:
                    report.paused = await queue.oldest(conn) is not None
                    break
                pending = await queue.oldest(conn)
                if pending is None:
                    break
                if _too_old(pending, fanout, clock()):
                    report.too_old += 1
                else:
                    report.rows += await fanout.expand_one(conn, pending)
                    report.stories += 1
                await queue.done(conn, pending.article_id)
        except sqlite3.Error:
            raise  # the database's trouble, not the story's: it stays queued
        except Exception:
            if pending is None:
                raise  # not about a story: nothing to set aside
            # Rolled back; the record is set aside in a transaction of its own.
            log.exception("fan-out: story %d cannot be expanded, set aside", pending.article_id)
            async with storage.transaction() as conn:
                await queue.done(conn, pending.article_id)
            report.set_aside += 1
        handled += 1
    if report.stories or report.too_old or report.set_aside:
        log.info(
            "fan-out: %d posts queued from %d stories%s%s%s",
            report.rows,
            report.stories,
            f", {report.too_old} too old to post" if report.too_old else "",
            f", {report.set_aside} set aside" if report.set_aside else "",
            " (paused: the rest on a later tick)" if report.paused else "",
        )
    return report


def _too_old(pending: queue.PendingFanOut, fanout: FanOut, now: float) -> bool:
    """Rows written now would be dead on arrival: the story is past the age the poll
    posts (counted from its time, as the poll counts it), or delivery would give its posts
    up at once (counted from the queue time, which the rows carry as their due time)."""
    if now - pending.queued_at >= GIVE_UP_AFTER_S:
        return True
    sort_at = StoryFacts.decode(pending.story, queued_at=pending.queued_at).sort_at
    return now - sort_at > fanout.max_age_s
