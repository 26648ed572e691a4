"""The whole chain: a saved feed ingested by the real Ingestor with the bundled roster and
the real tagger, then looked up through Discord."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from bot.pipeline.ingest import Ingestor
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState
from feeds.ingest.fetch import Fetcher
from feeds.roster import bundled_roster
from storage import Storage
from storage.lookups import Lookups
from tests.e2e.world import SEED_FEED, SEED_URL

ROOT = Path(__file__).resolve().parents[2]
# Ours, and the fetch engineer's saved copy of the real feed (CDATA padding, tracking
# parameters, content:encoded) when it is there.
FEEDS = [SEED_FEED, ROOT / "tests" / "feeds" / "data" / "seed.xml"]


@pytest.fixture
async def storage(database):
    """No seed stories: this module polls the saved feed itself."""
    store = await Storage.open(database)
    yield store
    await store.close()


@pytest.fixture(params=[f for f in FEEDS if f.exists()], ids=lambda f: f.parent.parent.name)
async def ingested(storage, request):
    state = RosterState(bundled_roster())
    async with aiohttp.ClientSession() as session:
        parse_pool = ParsePool()
        ingestor = Ingestor(
            storage, Fetcher(session), state, poll_interval_s=600, parse_pool=parse_pool
        )
        try:
            report = await ingestor.poll_urls([str(request.param)])
        finally:
            parse_pool.close()
    assert not report.failed, report.failed
    return storage, state


async def test_ingested_seed_story_is_found_by_rider_and_transfers(make_bot, standin, ingested):
    storage, state = ingested
    await make_bot(storage=storage, roster_state=state)

    rider = await standin.final(await standin.slash("rider", {"name": "cavendish"}))
    (embed,) = rider["embeds"]
    assert embed["title"] == "Mark Cavendish"
    assert SEED_URL in embed["description"]

    # The board shows what the extractor stored, each move with its status. (Which moves
    # and statuses the extractor finds is tests/feeds' business; the labelled seed moves
    # are checked through Discord in test_lookups.)
    board = await standin.final(await standin.slash("transfers", {"team": "astana"}))
    text = board["embeds"][0]["description"]
    stored = await Lookups(storage).transfer_board("astana")
    assert stored.arrivals, "the extractor found no move to Astana in the seed story"
    for move in stored.arrivals + stored.departures:
        line = next(line for line in text.splitlines() if f"**{move.person}**" in line)
        assert move.status in line and SEED_URL in line, line

    choices = await standin.answer(await standin.autocomplete("rider", "name", "pogi"))
    assert choices.json["data"]["choices"][0]["value"] == "tadej-pogacar"
