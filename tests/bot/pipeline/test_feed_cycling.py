"""Feeds are measured, not assumed to be cycling feeds (issue #18, 19).

A general sports feed whose footballers, golfers and skiers share riders' names gets no
rider tags once measured; a cycling feed keeps its tags, short stories included."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

import pytest

from bot.pipeline import cycling_share
from bot.pipeline.cycling_share import MIN_MEASURED, THRESHOLD, WINDOW, CyclingShare
from bot.pipeline.ingest import Ingestor
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState
from feeds.ingest.fetch import Fetcher
from feeds.ingest.netguard import AddressPolicy, new_session
from feeds.roster import load_roster
from storage import Storage
from storage.feed_store import record_cycling_share
from tests.feedserver import FeedServer

PUBLISHED = datetime(2025, 5, 1, 12, tzinfo=UTC)

# Other sports' people who share riders' names: each is tagged as the rider when the
# feed is taken for a cycling feed.
NAMESAKES = [
    ("Rui Costa re-elected as Benfica president", "The former midfielder won the vote."),
    ("Sam Bennett takes low-amateur honours at the Masters", "The Texan finished at Augusta."),
    ("Ben Turner scores late winner for Coventry", "The defender headed in a corner."),
    ("Adam Yates misses the cut at the Open", "The golfer shot 76 in the second round."),
    ("Michael Woods wins his Ryder Cup singles", "The golfer beat his opponent 3&2."),
    ("Egan Bernal joins Millonarios on loan", "The midfielder moves to Bogotá."),
    ("Carlos Rodríguez scores twice in El Clasico", "The Real Madrid forward was decisive."),
    ("Simon Yates reaches the summit of K2", "The British mountaineer climbed without oxygen."),
    ("Alex Aranburu signs for Real Sociedad", "The midfielder joins on a free transfer."),
    ("Ethan Hayter wins the Wimbledon junior title", "The 17-year-old won in straight sets."),
    ("Jonas Vingegaard named Denmark goalkeeper", "The keeper replaces the injured captain."),
    ("Primoz Roglic wins the ski jumping World Cup", "The Slovenian jumped 240 m in Planica."),
]
# What a general sports feed carries besides: its cycling stories read as cycling.
SPORTS_CYCLING = [
    (
        "Pogačar wins stage 4 of the Tour de France",
        "The yellow jersey attacked the peloton on the final climb.",
    ),
]
CYCLING = [
    (f"Stage {n}: {winner} wins from the breakaway", f"The peloton let the breakaway go; {text}")
    for n, (winner, text) in enumerate(
        [
            ("Tadej Pogačar", "the yellow jersey kept his lead."),
            ("Jonas Vingegaard", "the GC favourites finished together."),
            ("Mads Pedersen", "the sprinters' teams missed the catch."),
            ("Wout van Aert", "the green jersey changed hands."),
            ("Jasper Philipsen", "the bunch sprint was for second place."),
            ("Remco Evenepoel", "the time trial specialists were at the front."),
            ("Primoz Roglic", "the climbers waited for the last ascent."),
            ("Mathieu van der Poel", "the classics riders enjoyed the cobbles."),
            ("Biniam Girmay", "the race was neutralised for a crash."),
            ("Jonathan Milan", "the maglia ciclamino holder was dropped."),
            ("Juan Ayuso", "the young Spaniard took the white jersey."),
        ],
        start=1,
    )
]
# Short enough to have no cycling context of its own: tagged only as a cycling feed's.
SHORT = ("Remco Evenepoel crashes in training", "The Belgian was taken to hospital.")


def rss(stories: list[tuple[str, str]], start: datetime = PUBLISHED) -> bytes:
    items = "".join(
        f"<item><guid>{escape(title)}</guid><title>{escape(title)}</title>"
        f"<link>https://news.example/{n}</link><description>{escape(text)}</description>"
        f"<pubDate>{format_datetime(start - timedelta(hours=n))}</pubDate></item>"
        for n, (title, text) in enumerate(stories)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        f"<link>https://news.example/</link>{items}</channel></rss>"
    ).encode()


@pytest.fixture(scope="module")
def roster_state() -> RosterState:
    return RosterState(load_roster())  # the bundled roster: every namesake is a rider in it


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer(host="127.0.0.2") as srv:
        yield srv


@pytest.fixture
async def ingestor(storage: Storage, roster_state: RosterState) -> AsyncIterator[Ingestor]:
    session = new_session(AddressPolicy(["127.0.0.2"]), user_agent="Domestique tests")
    pool = ParsePool()
    made = Ingestor(
        storage, Fetcher(session, timeout=5), roster_state, poll_interval_s=600, parse_pool=pool
    )
    yield made
    made.close()
    pool.close()
    await session.close()


def riders_by_title(report) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {saved.story.title: saved.tags.riders for saved in report.new}


# --- the per-story answer and the running share -----------------------------------------


def test_namesakes_have_no_cycling_context_and_cycling_stories_do(roster_state):
    tagger = roster_state.tagger
    assert not any(tagger.cycling_context(title, text) for title, text in NAMESAKES)
    assert all(tagger.cycling_context(title, text) for title, text in CYCLING + SPORTS_CYCLING)
    assert not tagger.cycling_context(*SHORT)
    # Two riders named in full beside each other are context, as in the tagger's rules.
    assert tagger.cycling_context("Tadej Pogačar and Jonas Vingegaard", "")


def test_a_new_feed_counts_as_cycling_until_measured():
    assert CyclingShare().is_cycling
    few = CyclingShare().add([False] * (MIN_MEASURED - 1))
    assert few.measured == MIN_MEASURED - 1 and few.is_cycling
    assert not few.add([False]).is_cycling


def test_the_threshold_and_the_window():
    half = CyclingShare().add([True, False] * 10)
    assert half.share == THRESHOLD and half.is_cycling
    below = CyclingShare().add([True] * 9 + [False] * 11)
    assert not below.is_cycling
    # Stories older than the last WINDOW no longer count.
    turned = CyclingShare().add([True] * WINDOW).add([False] * WINDOW)
    assert turned.share == 0.0 and turned.measured == 2 * WINDOW
    # Fewer new stories replace the oldest part of the window.
    mixed = CyclingShare().add([True] * 40).add([False] * 10)
    assert mixed.share == pytest.approx(0.8)
    assert CyclingShare().add([]) == CyclingShare()


def test_only_the_newest_window_of_a_first_poll_counts(roster_state):
    old = [("Old", "", date(2020, 1, 1))] * WINDOW
    new = [(title, text, date(2025, 5, 1)) for title, text in CYCLING * 5][:WINDOW]
    share = cycling_share.measure_texts(roster_state.tagger, old + new)
    assert share.share == 1.0 and share.measured == 2 * WINDOW


# --- ingestion --------------------------------------------------------------------------


async def test_a_general_sports_feed_gets_no_rider_tags_once_measured(server, storage, ingestor):
    url = server.publish("/sports", rss(SPORTS_CYCLING + NAMESAKES))
    await storage.feeds.add(url, 0)
    report = await ingestor.poll_due()
    tags = riders_by_title(report)
    assert len(tags) == len(SPORTS_CYCLING + NAMESAKES)
    assert {title: tags[title] for title, _ in NAMESAKES} == {t: [] for t, _ in NAMESAKES}
    assert tags[SPORTS_CYCLING[0][0]] == ["tadej-pogacar"]  # its own context is enough
    feed = await storage.feeds.get(url)
    assert feed.stories_measured == len(SPORTS_CYCLING + NAMESAKES)
    assert feed.cycling_share == pytest.approx(1 / 13) and feed.cycling_share < THRESHOLD
    # A later namesake story is measured alone, and still not tagged.
    more = ("Tom Pidcock signs a new contract with Leeds", "The striker agreed a 3-year deal.")
    server.publish("/sports", rss([more, *SPORTS_CYCLING, *NAMESAKES], PUBLISHED + timedelta(1)))
    report = await ingestor.poll_due(force=True)
    assert riders_by_title(report) == {more[0]: []}
    assert (await storage.feeds.get(url)).stories_measured == 14


async def test_a_cycling_feed_keeps_its_tags_short_stories_included(server, storage, ingestor):
    url = server.publish("/cycling", rss([SHORT, *CYCLING]))
    await storage.feeds.add(url, 0)
    report = await ingestor.poll_due()
    tags = riders_by_title(report)
    assert tags[SHORT[0]] == ["remco-evenepoel"]
    assert all(tags[title] for title, _ in CYCLING)
    feed = await storage.feeds.get(url)
    assert feed.stories_measured == 12 and feed.cycling_share == pytest.approx(11 / 12)


async def test_a_small_new_feed_counts_as_cycling(server, storage, ingestor):
    url = server.publish("/small", rss([SHORT, NAMESAKES[0]]))
    await storage.feeds.add(url, 0)
    tags = riders_by_title(await ingestor.poll_due())
    assert tags == {SHORT[0]: ["remco-evenepoel"], NAMESAKES[0][0]: ["rui-costa"]}


async def test_a_feed_polled_before_it_was_measured_is_measured_on_all_its_stories(
    server, storage: Storage, ingestor
):
    url = server.publish("/sports", rss(NAMESAKES))
    feed, _ = await storage.feeds.add(url, 0)
    await ingestor.poll_due()
    async with storage.transaction() as conn:  # as a poll before migration 007 left it
        await record_cycling_share(conn, feed.id, 0.0, 0)
    server.publish("/sports", rss([*SPORTS_CYCLING, *NAMESAKES], PUBLISHED + timedelta(1)))
    report = await ingestor.poll_due(force=True)
    assert riders_by_title(report) == {SPORTS_CYCLING[0][0]: ["tadej-pogacar"]}
    measured = await storage.feeds.get(url)
    assert measured.stories_measured == 13 and measured.cycling_share < THRESHOLD


async def test_the_share_is_stored_only_with_the_stories(server, storage, ingestor):
    url = server.publish("/sports", rss(NAMESAKES))
    await storage.feeds.add(url, 0)

    async def broken(conn, feed_id, new, now):  # type: ignore[no-untyped-def]
        raise RuntimeError("fan-out broke")

    ingestor.fanout = broken
    report = await ingestor.poll_due()
    assert report.feeds[0].outcome == "failed"
    feed = await storage.feeds.get(url)
    assert (feed.stories_measured, feed.cycling_share) == (0, 0.0)
    assert await storage.articles.count() == 0
