"""Stopping the scheduler lets a running job finish (within a grace period)."""

from __future__ import annotations

import asyncio

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.pipeline.jobs import Jobs


async def start_job(seconds: float) -> tuple[Jobs, asyncio.Event, list[str]]:
    scheduler = AsyncIOScheduler(timezone="UTC")
    jobs = Jobs(scheduler)
    started = asyncio.Event()
    outcome: list[str] = []

    async def job() -> None:
        started.set()
        try:
            await asyncio.sleep(seconds)
            outcome.append("finished")
        except asyncio.CancelledError:
            outcome.append("cancelled")
            raise

    scheduler.add_job(job, "interval", seconds=3600, id="job", next_run_time=_now())
    scheduler.start()
    await asyncio.wait_for(started.wait(), 10)
    return jobs, started, outcome


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


async def test_a_running_job_finishes_before_the_scheduler_stops():
    jobs, _, outcome = await start_job(0.3)
    await jobs.stop(grace_s=30)
    assert outcome == ["finished"]
    assert not jobs.scheduler.running


async def test_a_job_past_the_grace_period_is_stopped():
    jobs, _, outcome = await start_job(60)
    await jobs.stop(grace_s=0.2)
    await asyncio.sleep(0)  # let the cancellation reach the job
    assert outcome == ["cancelled"]
    assert not jobs.scheduler.running


async def test_stopping_a_scheduler_that_never_started_is_harmless():
    jobs = Jobs(AsyncIOScheduler(timezone="UTC"))
    await jobs.stop()
    await jobs.stop()


async def test_a_run_that_started_too_late_is_not_counted_as_running():
    from apscheduler.events import EVENT_JOB_MISSED, EVENT_JOB_SUBMITTED, JobEvent

    scheduler = AsyncIOScheduler(timezone="UTC")
    jobs = Jobs(scheduler)
    # APScheduler reports a run past its misfire grace time with MISSED alone.
    scheduler._dispatch_event(JobEvent(EVENT_JOB_SUBMITTED, "deliver", None))
    scheduler._dispatch_event(JobEvent(EVENT_JOB_MISSED, "deliver", None))
    scheduler.start()
    await asyncio.wait_for(jobs.stop(grace_s=30), 5)  # nothing to wait for
