"""Load: one poll cycle of many feeds into many servers' subscriptions and fans' follows.

The bot's own objects (bot/app.py's `build_app`: bundled roster and real tagger, parse
pool, guarded fetcher, ingestor with fan-out) poll feeds served on 127.0.0.1 by
tests/feedserver.py. A first cycle primes every feed (backlog: nothing posted); then new
stories appear and a second cycle tags them and fans them out. The test checks that the
outbox holds exactly the rows the subscriptions and follows imply (worked out here from
what each server uses, as /feeds shows it, and from the stored tags), and that lookups
made while the cycle runs answer correctly. It prints how long the cycle took, the
outbox size and the peak RSS; it asserts no timing.

The default size runs in seconds; the issue-sized one (500 feeds x 50 items, 200
servers, 5,000 subscriptions, 2,000 follows, 1,000 new stories) is `-m soak`.
"""

from __future__ import annotations

import asyncio
import random
import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from bot.app import App, build_app
from bot.pipeline.story_facts import story_entities, transfer_teams
from bot.settings import Settings
from feeds.roster import Person, Roster, load_roster
from storage.articles import SavedStory, person_key, team_key
from storage.lookups import Lookups
from tests.feedserver import FeedServer

NOW = datetime.now(UTC).replace(microsecond=0)
TODAY = NOW.date()
FOLLOW_LIMIT = 50


@dataclass(frozen=True)
class LoadSize:
    feeds: int
    items: int
    servers: int
    subscriptions: int
    follows: int
    new_stories: int


SMALL = LoadSize(feeds=50, items=20, servers=20, subscriptions=500, follows=200, new_stories=100)
ISSUE = LoadSize(
    feeds=500, items=50, servers=200, subscriptions=5000, follows=2000, new_stories=1000
)


@dataclass(frozen=True)
class Sub:
    guild_id: int
    channel_id: int
    kind: str
    entity_id: str | None


@dataclass(frozen=True)
class Fan:
    user_id: int
    kind: str
    entity_id: str | None


@dataclass
class Item:
    guid: str
    title: str
    text: str
    published: datetime


@dataclass
class Newsroom:
    """What the feed server publishes, feed by feed (newest first, `items` kept)."""

    server: FeedServer
    size: LoadSize
    roster: Roster
    rng: random.Random
    riders: list[Person]
    urls: list[str] = field(default_factory=list)
    items: list[list[Item]] = field(default_factory=list)
    count: int = 0

    def story(self, feed: int, published: datetime) -> Item:
        self.count += 1
        person = self.rng.choice(self.riders)
        team = self.roster.teams[person.team_on(TODAY) or ""]
        other = self.roster.teams[self.rng.choice([t for t in self.roster.teams if t != team.id])]
        n = self.count
        if n % 7 == 0:  # some transfer news, for the transfers subscriptions
            title = f"{person.name} signs for {other.name_on(TODAY)} on a two-year contract ({n})"
            text = f"{person.name} leaves {team.name_on(TODAY)} at the end of the season."
        else:
            title = f"{person.name} wins stage {n % 21 + 1} for {team.name_on(TODAY)} ({n})"
            text = "A strong ride in the final climb decided the day."
        return Item(f"f{feed}-{n}", title, text, published)

    def publish(self, feed: int) -> None:
        body = rss(feed, self.items[feed][: self.size.items])
        url = self.server.publish(f"/feed{feed}.xml", body)
        if feed == len(self.urls):
            self.urls.append(url)

    def prime(self) -> None:
        for feed in range(self.size.feeds):
            old = NOW - timedelta(days=3)
            self.items.append(
                [self.story(feed, old - timedelta(minutes=m)) for m in range(self.size.items)]
            )
            self.publish(feed)

    def add_new(self) -> None:
        """`new_stories` fresh items, spread over the feeds round-robin."""
        for n in range(self.size.new_stories):
            feed = n % self.size.feeds
            self.items[feed].insert(0, self.story(feed, NOW - timedelta(minutes=5)))
        for feed in range(self.size.feeds):
            self.publish(feed)


def rss(feed: int, items: Sequence[Item]) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
        f"<title>Load feed {feed}</title><link>https://feed{feed}.example/</link>",
    ]
    for item in items:
        parts.append(
            f"<item><title>{escape(item.title)}</title>"
            f"<link>https://feed{feed}.example/{item.guid}</link><guid>{item.guid}</guid>"
            f"<pubDate>{format_datetime(item.published)}</pubDate>"
            f"<description>{escape(item.text)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def active_riders(roster: Roster, today: date) -> list[Person]:
    # A rider whose stint that day is a staff role (now a sports director) is tagged as staff.
    return [p for p in roster.people.values() if p.is_active_rider(today) and p.team_on(today)]


async def add_subscriptions(app: App, size: LoadSize, rng: random.Random, riders) -> list[Sub]:
    teams = list(app.roster_state.roster.teams)
    subs: list[Sub] = []
    for n in range(size.subscriptions):
        guild_id = 1000 + n % size.servers
        channel_id = guild_id * 1000 + rng.randrange(25)  # several subscriptions a channel
        roll = rng.random()
        if roll < 0.45:
            kind, entity = "rider", person_key(rng.choice(riders).id)
        elif roll < 0.8:
            kind, entity = "team", team_key(rng.choice(teams))
        elif roll < 0.9:
            kind, entity = "transfers", rng.choice([None, team_key(rng.choice(teams))])
        elif roll < 0.92:
            kind, entity = "all", None
        else:
            kind, entity = "rider", person_key(rng.choice(riders[:20]).id)  # popular riders
        _, created = await app.storage.subscriptions.add(
            guild_id=guild_id,
            channel_id=channel_id,
            channel_type="text",
            kind=kind,
            entity_id=entity,
            role_id=None,
            mode="each",
            created_by=1,
            now=NOW.timestamp(),
        )
        if created:
            subs.append(Sub(guild_id, channel_id, kind, entity))
    return subs


async def add_follows(app: App, size: LoadSize, rng: random.Random, riders) -> list[Fan]:
    teams = list(app.roster_state.roster.teams)
    fans: list[Fan] = []
    for n in range(size.follows):
        user_id = 500_000 + n // 2  # two follows a fan
        roll = rng.random()
        if roll < 0.6:
            kind, entity = "rider", person_key(rng.choice(riders).id)
        elif roll < 0.9:
            kind, entity = "team", team_key(rng.choice(teams))
        else:
            kind, entity = "transfers", None
        _, created = await app.storage.follows.add(
            user_id, kind, entity, "each", NOW.timestamp(), FOLLOW_LIMIT
        )
        if created:
            fans.append(Fan(user_id, kind, entity))
    return fans


async def choose_feeds(app: App, size: LoadSize, urls: list[str], rng: random.Random) -> set[str]:
    """A quarter of the servers add five feeds of their own (on top of the defaults).
    Returns those no operator listed: servers' own feeds, which fans never get."""
    added: set[str] = set()
    for guild in range(0, size.servers, 4):
        for url in rng.sample(urls, 5):
            added.add(url)
            await app.storage.guild_config.add_feed(
                1000 + guild,
                url,
                1,
                NOW.timestamp(),
                defaults=app.settings.feeds,
                limit=app.settings.max_guild_feeds,
            )
    return added - set(app.settings.feeds)


def matches(kind: str, entity: str | None, saved: SavedStory) -> bool:
    if kind == "all":
        return True
    if kind in ("rider", "team"):
        return entity in story_entities(saved)
    if kind == "transfers":
        return saved.tags.is_transfer and (entity is None or entity in transfer_teams(saved))
    raise AssertionError(f"unexpected subscription kind {kind}")


async def expected_rows(
    app: App,
    subs: list[Sub],
    fans: list[Fan],
    new: list[tuple[str, SavedStory]],
    own_feeds: set[str],
) -> set[tuple[int, str]]:
    """(article id, target) for every new story and every target that should get it."""
    uses: dict[int, set[str]] = {}
    for guild_id in {s.guild_id for s in subs}:
        feeds, _ = await app.storage.guild_config.feeds(guild_id, defaults=app.settings.feeds)
        uses[guild_id] = {f.url for f in feeds}
    rows = set()
    for url, saved in new:
        for sub in subs:
            if url in uses[sub.guild_id] and matches(sub.kind, sub.entity_id, saved):
                rows.add((saved.article_id, f"channel:{sub.channel_id}"))
        for fan in fans:
            if url not in own_feeds and matches(fan.kind, fan.entity_id, saved):
                rows.add((saved.article_id, f"user:{fan.user_id}"))
    return rows


@dataclass
class LookupProbe:
    """Asks /rider-style and /news-style questions while the cycle runs, checking answers."""

    lookups: Lookups
    person: Person
    titles: set[str]
    """Titles of stories about `person` stored before the cycle (the newest must show)."""
    done: int = 0
    failures: list[str] = field(default_factory=list)

    async def run(self, stop: asyncio.Event) -> None:
        surname = self.person.name.split()[-1]
        while not stop.is_set():
            page = await self.lookups.stories_for_person(self.person.id, 5)
            times = [s.sort_at for s in page.stories]
            if times != sorted(times, reverse=True):
                self.failures.append(f"stories for {self.person.id} not newest first")
            if len(page.stories) < min(5, len(self.titles)):
                self.failures.append(f"only {len(page.stories)} stories for {self.person.id}")
            if any(self.person.name not in s.title for s in page.stories):
                self.failures.append(f"a story not about {self.person.name} in its lookup")
            found = await self.lookups.search_stories(surname, 8)
            wanted = surname.casefold()
            if not found.stories or any(
                wanted not in f"{s.title} {s.summary}".casefold() for s in found.stories
            ):
                self.failures.append(f"search for {surname!r} gave {found.stories[:1]}")
            self.done += 1
            await asyncio.sleep(0.005)


def probe_rider(roster: Roster, stored: list[SavedStory]) -> Person:
    """The rider with the most primed stories among those with a plain one-word surname
    (so a search for it is unambiguous)."""
    counts: dict[str, int] = {}
    for saved in stored:
        for rider in saved.tags.riders:
            counts[rider] = counts.get(rider, 0) + 1
    plain = [pid for pid in counts if roster.people[pid].name.split()[-1].isalpha()]
    return roster.people[max(plain, key=lambda pid: (counts[pid], pid))]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def run_load(tmp_path: Path, size: LoadSize) -> None:
    rng = random.Random(42)
    async with FeedServer(host="127.0.0.1") as server:
        roster = load_roster()  # what build_app loads when nothing was imported
        riders = active_riders(roster, TODAY)
        newsroom = Newsroom(server, size, roster, rng, riders)
        newsroom.prime()
        defaults = tuple(newsroom.urls[: size.feeds // 2])  # servers that chose none use these
        settings = Settings(
            database=tmp_path / "load.sqlite3",
            feeds=defaults,
            allow_private_hosts=("127.0.0.1",),
            max_guild_feeds=size.feeds,
        )
        async with build_app(settings) as app:
            for url in newsroom.urls:
                await app.storage.feeds.add(url, NOW.timestamp())
            own_feeds = await choose_feeds(app, size, newsroom.urls, rng)
            subs = await add_subscriptions(app, size, rng, riders)
            fans = await add_follows(app, size, rng, riders)

            primed = await app.ingestor.poll_due(force=True)
            assert not primed.failed, primed.failed[:3]
            assert len(primed.new) == size.feeds * size.items
            assert await app.storage.outbox.counts() == {}  # backlog is never posted

            person = probe_rider(roster, primed.new)
            titles = {s.story.title for s in primed.new if person.id in s.tags.riders}
            probe = LookupProbe(Lookups(app.storage), person, titles)

            newsroom.add_new()
            stop = asyncio.Event()
            probing = asyncio.create_task(probe.run(stop))
            await asyncio.sleep(0)
            started = time.perf_counter()
            cycle = await app.ingestor.poll_due(force=True)
            seconds = time.perf_counter() - started
            during = probe.done
            stop.set()
            await probing

            assert not cycle.failed, cycle.failed[:3]
            new = [(report.url, saved) for report in cycle.feeds for saved in report.new]
            assert len(new) == size.new_stories
            untagged = [s.story.title for _, s in new if not s.tags.riders]
            assert not untagged, untagged[:3]
            transfers = sum(s.tags.is_transfer for _, s in new)

            actual = set()
            for _, saved in new:
                for item in await app.storage.outbox.for_article(saved.article_id):
                    actual.add((item.article_id, item.target))
            counts = await app.storage.outbox.counts()
            expected = await expected_rows(app, subs, fans, new, own_feeds)
            assert actual == expected, (
                f"{len(actual - expected)} unexpected rows, e.g. {sorted(actual - expected)[:3]}; "
                f"{len(expected - actual)} missing, e.g. {sorted(expected - actual)[:3]}"
            )
            assert counts == {"pending": len(expected)}
            assert during > 0, "no lookup answered while the cycle ran"
            assert not probe.failures, probe.failures[:3]

    print(
        f"\nload {size}: cycle of {len(new)} new stories ({transfers} transfer news) tagged, "
        f"stored and fanned out in {seconds:.2f} s; outbox {len(expected)} rows for "
        f"{len(subs)} subscriptions and {len(fans)} follows; {during} lookups answered "
        f"during the cycle; peak RSS {peak_rss_mb():.0f} MB"
    )


async def test_one_cycle_fans_out_exactly_what_subscriptions_imply(tmp_path: Path) -> None:
    await run_load(tmp_path, SMALL)


@pytest.mark.soak
@pytest.mark.timeout(1800)
async def test_issue_sized_cycle_fans_out_exactly_what_subscriptions_imply(tmp_path: Path) -> None:
    await run_load(tmp_path, ISSUE)
