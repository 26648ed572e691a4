"""Expansion: stories queued for fan-out become outbox rows, in the leader.

The poll only queues (bot/pipeline/fanout.py); this turns the queue into outbox rows,
one story per transaction (its rows and the deletion of its record commit together),
oldest first. It runs right after each poll cycle, so a story's first posts wait for no
further tick, and from the delivery worker's tick while stories wait.

It stays at most `MAX_DUE_AHEAD` posts ahead of delivery: while that many one-by-one
posts are due it stops, and the next tick goes on. Discord lets a bot post ~45 a second,
so rows written further ahead could not be sent sooner; they would only make the poll
and each delivery query slower. A leader killed mid-expansion loses nothing: a story's
record stays until its rows commit, and the next leader expands it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.pipeline.fanout import FanOut
from storage import Storage
from storage import outbox_pending as queue

log = logging.getLogger(__name__)

MAX_DUE_AHEAD = 5_000
"""Due one-by-one posts at which expansion pauses: about two minutes of sending at
Discord's ~45 posts a second, so delivery never runs dry between two ticks."""


@dataclass(slots=True)
class ExpansionReport:
    stories: int = 0
    rows: int = 0
    paused: bool = False
    """Stopped with stories still queued, delivery being far enough behind."""


async def expand(
    storage: Storage,
    fanout: FanOut,
    *,
    ahead: int | None = MAX_DUE_AHEAD,
    stories: int | None = None,
    clock: Callable[[], float] = time.time,
) -> ExpansionReport:
    """Expand queued stories, oldest first, until none is left, `stories` are done, or
    (with `ahead`) that many posts are due. `ahead=None`: everything now (tests, and
    `domestique poll` with no bot to send)."""
    report = ExpansionReport()
    while stories is None or report.stories < stories:
        async with storage.transaction() as conn:
            if ahead is not None and await queue.due_backlog(conn, clock(), ahead) >= ahead:
                report.paused = await queue.oldest(conn) is not None
                break
            pending = await queue.oldest(conn)
            if pending is None:
                break
            report.rows += await fanout.expand_one(conn, pending)
            await queue.done(conn, pending.article_id)
        report.stories += 1
    if report.stories:
        log.info(
            "fan-out: %d posts queued from %d stories%s",
            report.rows,
            report.stories,
            " (paused: delivery is behind)" if report.paused else "",
        )
    return report
