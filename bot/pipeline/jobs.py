"""Stopping the scheduler without cutting a running job short, and running its jobs
only in the process that holds the leader lease.

`AsyncIOScheduler.shutdown()` cancels coroutine jobs that are running. A delivery run
cancelled between Discord's answer and marking the row sent would post that story again
after a restart (once Discord's few-minute nonce window has passed), and a forum post,
which takes no nonce, would need the slower search for the thread it made. So a stop
first pauses the scheduler (no new runs), then waits a while for the running ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MISSED,
    EVENT_JOB_SUBMITTED,
    JobEvent,
)
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from storage.lease import LeaderLease

log = logging.getLogger(__name__)

STOP_GRACE_S = 20.0

SCHEDULER_LOGGER = "apscheduler.scheduler"
_SKIPPED_RUN = 'Execution of job "%s" skipped: maximum number of running instances'


def not_a_skipped_run(record: logging.LogRecord) -> bool:
    """A logging filter: False for APScheduler's "skipped: maximum number of running
    instances" warning.

    Every job here runs one instance at a time on purpose: a delivery run that lasts over
    its 5 s tick, or a first poll of many feeds, makes the next ticks skip, and the run
    under way does their work. APScheduler warned at every skipped tick, which buried
    what a moderator needs to read."""
    return not (isinstance(record.msg, str) and record.msg.startswith(_SKIPPED_RUN))


class Jobs:
    """The scheduler and how many of its jobs are running now."""

    def __init__(self, scheduler: AsyncIOScheduler) -> None:
        self.scheduler = scheduler
        self._running = 0
        self._idle = asyncio.Event()
        self._idle.set()
        # Adding the same filter again is a no-op (logging.Filterer checks).
        logging.getLogger(SCHEDULER_LOGGER).addFilter(not_a_skipped_run)
        scheduler.add_listener(
            self._on_event,
            # A run that starts too late ends with MISSED alone, never EXECUTED or ERROR.
            EVENT_JOB_SUBMITTED | EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED,
        )

    def _on_event(self, event: JobEvent) -> None:
        if event.code == EVENT_JOB_SUBMITTED:
            self._running += 1
            self._idle.clear()
        else:
            self._running = max(0, self._running - 1)
            if self._running == 0:
                self._idle.set()

    async def pause(self, grace_s: float = STOP_GRACE_S) -> bool:
        """No new runs; wait up to `grace_s` for the running ones. False if some still run."""
        self.scheduler.pause()
        try:
            await asyncio.wait_for(self._idle.wait(), grace_s)
        except TimeoutError:
            log.warning("%d job(s) still running after %.0f s", self._running, grace_s)
            return False
        return True

    def resume(self) -> None:
        """Run every job now, then on its own schedule (a new leader polls at once rather
        than a poll interval after taking over)."""
        now = datetime.now(UTC)
        for job in self.scheduler.get_jobs():
            job.modify(next_run_time=now)
        self.scheduler.resume()

    async def stop(self, grace_s: float = STOP_GRACE_S) -> None:
        """No new runs; wait up to `grace_s` for the running ones; then shut down."""
        if not self.scheduler.running:
            return
        if not await self.pause(grace_s):
            log.warning("stopping the running job(s)")
        self.scheduler.shutdown(wait=False)
        await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn


LEASE_RETRY_S = 5.0
"""How often a process that does not lead tries the leader lease, and the leader checks
it still holds it: a killed leader is replaced within about this (well inside the 30 s
the README promises)."""


class Leadership:
    """Runs the scheduler's jobs (polling with fan-out, delivery, archiving) only while
    this process holds the leader lease (storage/lease.py); on SQLite it always does.

    Several processes on one PostgreSQL database each serve their gateway shards, while
    one of them polls and delivers: every story fetched once, every post sent once, and
    Discord's global rate limit (per bot token, across processes) spent by one sender."""

    def __init__(self, jobs: Jobs, lease: LeaderLease, *, retry_s: float = LEASE_RETRY_S):
        self.jobs = jobs
        self.lease = lease
        self.retry_s = retry_s
        self.leading = False
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start the scheduler paused, and lead as soon as the lease is ours."""
        self.jobs.scheduler.start(paused=True)
        self._task = asyncio.create_task(self._run(), name="leader-lease")

    async def stop(self) -> None:
        """Stop trying, stop the jobs (letting running ones finish), then free the lease:
        in that order, so a successor never starts while this process still sends."""
        self._stop.set()
        if self._task is not None:
            await self._task
        await self.jobs.stop()
        await self.lease.release()
        self.leading = False

    async def _run(self) -> None:
        while not self._stop.is_set():
            try:
                await self._step()
            except Exception:
                log.exception("leader lease check failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.retry_s)

    async def _step(self) -> None:
        if not self.jobs.scheduler.running:
            return  # stopping: the jobs were stopped already
        if not self.leading:
            if await self.lease.try_take() and not self._stop.is_set():
                self.leading = True
                log.info("leading: this process polls the feeds and delivers posts")
                self.jobs.resume()
        elif not await self.lease.still_held():
            self.leading = False
            log.warning("leader lease lost: polling and delivery paused here")
            await self.jobs.pause()
