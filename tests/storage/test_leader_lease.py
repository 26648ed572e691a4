"""The leader lease (storage/lease.py): one process of several on a PostgreSQL database
polls and delivers; a leader whose session ends is replaced at the next try."""

from __future__ import annotations

import asyncio

import asyncpg

from storage.lease import SoleLease, leader_lease
from storage.pg_lease import AdvisoryLease


def test_sqlite_always_leads(tmp_path):
    assert isinstance(leader_lease(tmp_path / "d.sqlite3"), SoleLease)


async def test_sole_lease_is_always_held():
    lease = SoleLease()
    assert await lease.try_take() and await lease.still_held()
    await lease.release()
    assert await lease.try_take()


async def test_one_session_holds_it_and_a_release_hands_it_over(pg_url):
    first, second = leader_lease(pg_url), leader_lease(pg_url)
    assert isinstance(first, AdvisoryLease)
    try:
        assert await first.try_take()
        assert not await second.try_take()
        assert await first.try_take() and await first.still_held()  # taking again keeps it
        assert not await second.still_held()
        await first.release()
        assert await second.try_take()
        assert not await first.try_take()
    finally:
        await first.release()
        await second.release()


async def test_a_killed_leaders_lock_is_free_at_the_next_try(pg_url):
    """A leader killed with SIGKILL leaves a socket the kernel closes: the server ends its
    session and frees the lock; the next try (every few seconds) takes it."""
    first, second = AdvisoryLease(pg_url), AdvisoryLease(pg_url)
    try:
        assert await first.try_take()
        assert not await second.try_take()
        first._conn.terminate()  # the socket closed with no goodbye, as at a kill
        took = None
        for attempt in range(50):
            if await second.try_take():
                took = attempt
                break
            await asyncio.sleep(0.1)
        assert took is not None, "the lock was not freed when its session ended"
        assert not await first.still_held()
    finally:
        await first.release()
        await second.release()


async def test_a_leader_whose_session_is_ended_knows_it_lost_the_lease(pg_url):
    first, second = AdvisoryLease(pg_url), AdvisoryLease(pg_url)
    admin = await asyncpg.connect(pg_url)
    try:
        assert await first.try_take()
        pid = first._conn.get_server_pid()
        await admin.execute("SELECT pg_terminate_backend($1)", pid)
        assert not await first.still_held()
        assert await second.try_take()
        assert not await first.try_take()  # a new session, and the lock is another's
    finally:
        await admin.close()
        await first.release()
        await second.release()


async def test_an_unreachable_database_is_not_leading():
    lease = AdvisoryLease("postgresql://postgres@127.0.0.1:1/none")
    assert not await lease.try_take()
    assert not await lease.still_held()
    await lease.release()
