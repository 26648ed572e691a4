"""Race-day threads' storage (migration 012): which channels want them, which thread a
channel opened for a race's day, and which are due for archiving; on both engines."""

from __future__ import annotations

import pytest

from storage import Storage
from storage.race_threads import RaceThread

GUILD = 1200000000000000001
OTHER_GUILD = 1200000000000000002
CHANNEL = 1300000000000000001
NOW = 1.8e9


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    yield store
    await store.close()


def thread(day: str, thread_id: int, race: str = "giro-d-italia", channel: int = CHANNEL):
    return RaceThread(channel, race, day, thread_id, GUILD, f"Giro d'Italia · {day}", NOW)


async def test_a_channel_is_switched_on_and_off_by_its_own_server_only(storage):
    store = storage.race_threads
    assert not await store.enabled(CHANNEL)
    assert await store.enable(GUILD, CHANNEL, 7, NOW)
    assert not await store.enable(GUILD, CHANNEL, 7, NOW)  # already on: nothing changes
    assert await store.enabled(CHANNEL)
    assert await store.channels(GUILD) == [CHANNEL]
    assert await store.channels(OTHER_GUILD) == []
    # Another server guessing the channel's id switches nothing off.
    assert not await store.disable(OTHER_GUILD, CHANNEL)
    assert await store.enabled(CHANNEL)
    assert await store.disable(GUILD, CHANNEL)
    assert not await store.enabled(CHANNEL)
    assert not await store.disable(GUILD, CHANNEL)


async def test_the_first_thread_stored_for_a_race_day_is_the_one_kept(storage):
    store = storage.race_threads
    assert await store.thread_for(CHANNEL, "giro-d-italia", "2026-05-12") is None
    kept = await store.opened(thread("2026-05-12", 11))
    assert kept.thread_id == 11
    # A second sender that opened its own thread for the same day is told about the first.
    again = await store.opened(thread("2026-05-12", 22))
    assert again.thread_id == 11
    found = await store.thread_for(CHANNEL, "giro-d-italia", "2026-05-12")
    assert found == kept
    # Another day, another race, another channel: threads of their own.
    assert (await store.opened(thread("2026-05-13", 33))).thread_id == 33
    assert (await store.opened(thread("2026-05-12", 44, race="tour-de-france"))).thread_id == 44
    assert (await store.opened(thread("2026-05-12", 55, channel=CHANNEL + 1))).thread_id == 55


async def test_past_days_are_due_for_archiving_once(storage):
    store = storage.race_threads
    for day, thread_id in (("2026-05-11", 1), ("2026-05-12", 2), ("2026-05-13", 3)):
        await store.opened(thread(day, thread_id))
    due = await store.to_archive("2026-05-13")
    assert [t.thread_id for t in due] == [1, 2]  # oldest first; today's stays open
    await store.archived(due[0], NOW + 1)
    assert [t.thread_id for t in await store.to_archive("2026-05-13")] == [2]
    assert (await store.thread_for(CHANNEL, "giro-d-italia", "2026-05-11")).archived_at == NOW + 1


async def test_a_forgotten_thread_makes_room_for_a_new_one(storage):
    store = storage.race_threads
    await store.opened(thread("2026-05-12", 11))
    await store.forget(CHANNEL, "giro-d-italia", "2026-05-12")
    assert await store.thread_for(CHANNEL, "giro-d-italia", "2026-05-12") is None
    assert (await store.opened(thread("2026-05-12", 12))).thread_id == 12
