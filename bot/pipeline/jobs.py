"""Stopping the scheduler without cutting a running job short.

`AsyncIOScheduler.shutdown()` cancels coroutine jobs that are running. A delivery run
cancelled between Discord's answer and marking the row sent would post that story again
after a restart (once Discord's few-minute nonce window has passed), and a forum post,
which takes no nonce, would need the slower search for the thread it made. So a stop
first pauses the scheduler (no new runs), then waits a while for the running ones.
"""

from __future__ import annotations

import asyncio
import logging

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MISSED,
    EVENT_JOB_SUBMITTED,
    JobEvent,
)
from apscheduler.schedulers.asyncio import AsyncIOScheduler

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

    async def stop(self, grace_s: float = STOP_GRACE_S) -> None:
        """No new runs; wait up to `grace_s` for the running ones; then shut down."""
        if not self.scheduler.running:
            return
        self.scheduler.pause()
        try:
            await asyncio.wait_for(self._idle.wait(), grace_s)
        except TimeoutError:
            log.warning(
                "%d job(s) still running after %.0f s: stopping them", self._running, grace_s
            )
        self.scheduler.shutdown(wait=False)
        await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn
