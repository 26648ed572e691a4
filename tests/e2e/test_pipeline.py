"""The whole chain: a saved feed ingested by the real Ingestor with the bundled roster and
the real tagger, then looked up through Discord."""

from __future__ import annotations

import aiohttp
import pytest

from bot.ingest import Ingestor
from feeds.fetch import Fetcher
from feeds.roster import bundled_roster
from storage import Storage
from tests.e2e.world import SEED_FEED, SEED_URL

roster_state = pytest.importorskip("bot.roster_state")


@pytest.fixture
async def ingested(tmp_path):
    storage = await Storage.open(tmp_path / "pipeline.sqlite3")
    state = roster_state.RosterState(bundled_roster())
    async with aiohttp.ClientSession() as session:
        ingestor = Ingestor(storage, Fetcher(session), state, poll_interval_s=600)
        report = await ingestor.poll_urls([str(SEED_FEED)])
    assert not report.failed, report.failed
    yield storage, state
    await storage.close()


async def test_ingested_seed_story_is_found_by_rider_and_transfers(make_bot, standin, ingested):
    storage, state = ingested
    await make_bot(storage=storage, roster_state=state)

    rider = await standin.final(await standin.slash("rider", {"name": "cavendish"}))
    (embed,) = rider["embeds"]
    assert embed["title"] == "Mark Cavendish"
    assert SEED_URL in embed["description"]

    board = await standin.final(await standin.slash("transfers", {"team": "astana"}))
    text = board["embeds"][0]["description"]
    expected = {
        "michael-morkov": ("Michael Mørkøv", "rumour"),
        "davide-ballerini": ("Davide Ballerini", "confirmed"),
        "ide-schelling": ("Ide Schelling", "confirmed"),
        "vasilis-anastopoulos": ("Vasilis Anastopoulos", "rumour"),
    }
    for person_id, (name, status) in expected.items():
        if person_id not in state.roster.people:
            continue  # the bundled roster does not list everyone (yet)
        line = next(line for line in text.splitlines() if f"**{name}**" in line)
        assert status in line, line

    choices = await standin.answer(await standin.autocomplete("rider", "name", "pogi"))
    assert choices.json["data"]["choices"][0]["value"] == "tadej-pogacar"
