"""The test world shared by the Discord tests: a small roster, a saved feed, stored stories.

The stories are the saved feed parsed by feeds/ingest/parse and stored with the tags the
corpus labels them with (tests/e2e/data/seed.xml holds the seed story from
tests/corpus/dev.jsonl), so the Discord tests do not depend on how well the
tagger or the transfer extractor do on a given day.
"""

from __future__ import annotations

import time
from pathlib import Path

from bot.pipeline.guild_names import GuildRosters
from feeds.ingest.parse import parse_feed
from feeds.models import Move, StoryTags
from feeds.roster import Roster, load_roster_file
from storage import Storage
from storage.articles import FeedState

DATA = Path(__file__).parent / "data"
ROSTER_FILE = DATA / "roster.toml"
SEED_FEED = DATA / "seed.xml"
SEED_FEED_URL = "https://www.cyclingweekly.com/feeds.xml"
SEED_URL = (
    "https://www.cyclingweekly.com/racing/"
    "mark-cavendish-set-to-reunite-with-renaissance-coach-for-final-pro-season-in-2024"
)
HOSTILE_URL = "https://news.example/pogacar-wins"


def small_roster() -> Roster:
    return load_roster_file(ROSTER_FILE)


class StaticRosterState:
    """What the bot reads of RosterState (roster, version, servers' own names), without
    building a tagger."""

    def __init__(self, roster: Roster) -> None:
        self.roster = roster
        self.version = 1
        self.guilds = GuildRosters(lambda: (self.version, self.roster))

    def replace(self, roster: Roster) -> None:
        self.roster = roster
        self.version += 1


def _move(person_id: str, person: str, from_id: str, from_name: str, status: str) -> Move:
    return Move(
        person_id=person_id,
        person=person,
        from_team_id=from_id,
        to_team_id="astana",
        from_team=from_name,
        to_team="Astana Qazaqstan",
        status=status,  # type: ignore[arg-type]
        season=2024,
    )


SEED_TAGS = StoryTags(
    riders=[
        "mark-cavendish",
        "jasper-philipsen",
        "michael-woods",
        "michael-morkov",
        "davide-ballerini",
        "ide-schelling",
    ],
    teams=["astana", "quick-step", "bora", "alpecin"],
    staff=["vasilis-anastopoulos", "alexander-vinokourov"],
    is_transfer=True,
    moves=[
        _move(
            "vasilis-anastopoulos",
            "Vasilis Anastopoulos",
            "quick-step",
            "Soudal Quick-Step",
            "rumour",
        ),
        _move("michael-morkov", "Michael Mørkøv", "quick-step", "Soudal Quick-Step", "rumour"),
        _move(
            "davide-ballerini",
            "Davide Ballerini",
            "quick-step",
            "Soudal Quick-Step",
            "confirmed",
        ),
        _move(
            "ide-schelling",
            "Ide Schelling",
            "bora",
            "Bora-Hansgrohe",
            "confirmed",
        ),
    ],
)
HOSTILE_TAGS = StoryTags(riders=["tadej-pogacar"], teams=["uae"])
TAGS_BY_KEY = {"guid:seed-cavendish-anastopoulos": SEED_TAGS, "guid:hostile-title": HOSTILE_TAGS}


async def ingest_seed(storage: Storage, now: float | None = None) -> int:
    """Store the saved feed's stories with their labelled tags; returns the feed id."""
    now = time.time() if now is None else now
    body = SEED_FEED.read_bytes()
    parsed = parse_feed(body, base_url=SEED_FEED_URL)
    assert parsed.error is None, parsed.error
    feed, _ = await storage.feeds.add(SEED_FEED_URL, now)
    items = [(story, TAGS_BY_KEY.get(story.key, StoryTags())) for story in parsed.stories]
    state = FeedState(parsed.title, None, None, "seed", now + 600)
    await storage.articles.save_poll(feed.id, items, state, now)
    return feed.id


def story(key: str, title: str, published: float, url: str | None = None):
    """A plain story for tests that need more of them."""
    from datetime import UTC, datetime

    from feeds.models import Story

    return Story(
        key=key,
        url=url or f"https://extra.example/{key}",
        title=title,
        summary="",
        published=datetime.fromtimestamp(published, UTC),
    )
