"""A run still going at its next tick skips that tick without a warning in the log."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from apscheduler.events import EVENT_JOB_MAX_INSTANCES
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.pipeline.jobs import SCHEDULER_LOGGER, Jobs

GENEROUS_S = 30.0


async def test_a_skipped_tick_is_not_logged_other_scheduler_warnings_are(caplog):
    caplog.set_level(logging.WARNING)
    scheduler = AsyncIOScheduler(timezone="UTC")
    jobs = Jobs(scheduler)
    release = asyncio.Event()
    skipped = asyncio.Event()
    scheduler.add_listener(lambda _event: skipped.set(), EVENT_JOB_MAX_INSTANCES)

    async def long_delivery_run() -> None:
        await release.wait()

    scheduler.add_job(
        long_delivery_run,
        "interval",
        seconds=0.05,
        id="delivery",
        max_instances=1,
        next_run_time=datetime.now(UTC),
    )
    scheduler.start()
    try:
        # The scheduler really did skip a tick (its event says so)...
        await asyncio.wait_for(skipped.wait(), GENEROUS_S)
    finally:
        release.set()
        await jobs.stop()
    # ...and said nothing about it.
    assert not [r for r in caplog.records if "maximum number of running" in r.getMessage()]
    # Only that message is filtered: the scheduler's other warnings still reach the log.
    logging.getLogger(SCHEDULER_LOGGER).warning('Run time of job "%s" was missed by %s', "x", 1)
    assert any("was missed by" in r.getMessage() for r in caplog.records)
