"""Leadership (bot/pipeline/jobs.py): the scheduler's jobs run only while this process
holds the leader lease; a new leader runs them at once."""

from __future__ import annotations

import asyncio

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.pipeline.jobs import Jobs, Leadership
from storage.lease import SoleLease

RETRY_S = 0.05


class SwitchedLease:
    """A lease the test gives and takes away."""

    def __init__(self) -> None:
        self.free = False
        self.held = False
        self.released = 0

    async def try_take(self) -> bool:
        self.held = self.held or self.free
        return self.held

    async def still_held(self) -> bool:
        self.held = self.held and self.free
        return self.held

    async def release(self) -> None:
        self.held = False
        self.released += 1


def counting_jobs(every_s: float = 3600) -> tuple[Jobs, list[float]]:
    runs: list[float] = []

    async def poll() -> None:
        runs.append(asyncio.get_running_loop().time())

    scheduler = AsyncIOScheduler(timezone="UTC")
    # A long interval: a run at once shows the new leader started it, not the schedule.
    scheduler.add_job(poll, "interval", seconds=every_s, id="poll", max_instances=1)
    return Jobs(scheduler), runs


async def wait_until(predicate, within: float = 5.0) -> None:
    for _ in range(int(within / 0.01)):
        if predicate():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("not so within the time")


async def test_on_sqlite_the_jobs_run_at_once():
    jobs, runs = counting_jobs()
    leadership = Leadership(jobs, SoleLease(), retry_s=RETRY_S)
    leadership.start()
    try:
        await wait_until(lambda: runs)
        assert leadership.leading
    finally:
        await leadership.stop()
    assert not jobs.scheduler.running


async def test_jobs_wait_for_the_lease_run_when_it_comes_and_pause_when_it_goes():
    jobs, runs = counting_jobs(every_s=0.05)
    lease = SwitchedLease()
    leadership = Leadership(jobs, lease, retry_s=RETRY_S)
    leadership.start()
    try:
        await asyncio.sleep(10 * RETRY_S)
        assert runs == [] and not leadership.leading
        lease.free = True
        await wait_until(lambda: len(runs) >= 2)
        assert leadership.leading
        lease.free = False  # its connection dropped: another process may lead now
        await wait_until(lambda: not leadership.leading)
        count = len(runs)
        await asyncio.sleep(10 * RETRY_S)
        assert len(runs) == count  # paused
        lease.free = True
        await wait_until(lambda: len(runs) > count)
    finally:
        await leadership.stop()
    assert lease.released == 1 and not lease.held


async def test_two_processes_on_postgresql_lead_one_at_a_time(pg_cluster):
    from storage.pg_lease import AdvisoryLease

    name = await pg_cluster.lend()
    url = pg_cluster.url(name)
    (jobs_a, runs_a), (jobs_b, runs_b) = counting_jobs(), counting_jobs()
    a = Leadership(jobs_a, AdvisoryLease(url), retry_s=RETRY_S)
    b = Leadership(jobs_b, AdvisoryLease(url), retry_s=RETRY_S)
    try:
        a.start()
        await wait_until(lambda: runs_a)
        b.start()
        await asyncio.sleep(10 * RETRY_S)
        assert a.leading and not b.leading and runs_b == []
        await a.stop()  # the leader stops: the other polls at its next try
        await wait_until(lambda: runs_b)
        assert b.leading and len(runs_a) == 1
    finally:
        await a.stop()
        await b.stop()
        await pg_cluster.give_back(name)
