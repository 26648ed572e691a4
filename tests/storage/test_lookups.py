"""The reads behind the slash commands, on a real temp database."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.models import Move, StoryTags
from storage import Storage
from storage.articles import FeedState
from storage.lookups import Lookups, fts_query
from tests.e2e.world import SEED_URL, ingest_seed, story

NOW = 1.8e9


@pytest.fixture
async def storage(database):
    store = await Storage.open(database)
    await ingest_seed(store, now=NOW)
    yield store
    await store.close()


@pytest.fixture
def lookups(storage) -> Lookups:
    return Lookups(storage)


async def add_stories(storage, items, url="https://extra.example/feed", title="Extra"):
    feed, _ = await storage.feeds.add(url, NOW)
    await storage.articles.save_poll(feed.id, items, FeedState(title, None, None, "h", 0), NOW)
    return feed


async def test_stories_for_a_person_newest_first_with_paging(storage, lookups):
    tags = StoryTags(riders=["tadej-pogacar"])
    await add_stories(storage, [(story(f"k{i}", f"Story {i}", 1.77e9 + i), tags) for i in range(7)])
    first = await lookups.stories_for_person("tadej-pogacar", limit=5)
    assert [s.title for s in first.stories][:2] == ["Story 6", "Story 5"]
    assert first.has_more
    second = await lookups.stories_for_person("tadej-pogacar", limit=5, offset=5)
    assert len(second.stories) == 3 and not second.has_more
    assert [s.title for s in second.stories][:2] == ["Story 1", "Story 0"]
    assert second.stories[0].feed_title == "Extra"
    # The seed feed's story about him (2025) is the oldest.
    assert second.stories[-1].url == "https://news.example/pogacar-wins"


async def test_stories_for_a_team_and_an_unknown_entity(lookups):
    page = await lookups.stories_for_team("astana")
    assert [s.url for s in page.stories] == [SEED_URL]
    assert page.stories[0].feed_title == "Cycling Weekly"
    assert (await lookups.stories_for_person("nobody")).stories == []


async def test_latest_stories(lookups):
    page = await lookups.latest_stories(limit=1)
    assert page.has_more and page.stories[0].url == "https://news.example/pogacar-wins"


async def test_search_newest_first_with_diacritics_and_prefixes(storage, lookups):
    found = await lookups.search_stories("anastopoulos coach")
    assert [s.url for s in found.stories] == [SEED_URL]
    assert (await lookups.search_stories("pogacar")).stories  # "Pogačar" in the title
    assert (await lookups.search_stories("Anastopoul")).stories  # last word as a prefix
    assert not (await lookups.search_stories("anastopoulos giraffe")).stories


@pytest.mark.parametrize(
    "query", ['"', "AND", "a OR", "NEAR(a b", "title:x", "*", "-x", "^x", "(", "'); DROP", ""]
)
async def test_search_syntax_is_never_an_error(lookups, query):
    await lookups.search_stories(query)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=100))
async def test_any_search_text_is_safe(lookups, text):
    await lookups.search_stories(text)


def test_fts_query_quotes_every_word():
    assert fts_query('Pogačar "AND" wins*') == '"Pogačar" "AND" "wins" *'
    assert fts_query("  ()*:^ ") is None


def move(person_id, status, from_id="quick-step", to_id="astana", season=2024):
    return Move(person_id, person_id.title(), from_id, to_id, from_id, to_id, status, season)


async def test_moves_deduplicated_and_confirmed_wins(storage, lookups):
    rumour = StoryTags(is_transfer=True, moves=[move("davide-ballerini", "rumour")])
    await add_stories(storage, [(story("r", "Ballerini rumour", 1.9e9), rumour)])
    moves = await lookups.moves_for_person("davide-ballerini")
    assert len(moves) == 1
    assert moves[0].status == "confirmed"  # the seed story confirmed it
    assert moves[0].title == "Ballerini rumour"  # newest story about the move


async def test_transfer_board_and_latest_moves(lookups):
    board = await lookups.transfer_board("astana")
    assert {m.person for m in board.arrivals} == {
        "Vasilis Anastopoulos",
        "Michael Mørkøv",
        "Davide Ballerini",
        "Ide Schelling",
    }
    assert board.departures == []
    quick_step = await lookups.transfer_board("quick-step")
    assert len(quick_step.departures) == 3 and quick_step.arrivals == []
    assert len(await lookups.latest_moves(limit=2)) == 2
    latest = await lookups.latest_move("ide-schelling")
    assert latest is not None and latest.url == SEED_URL and latest.feed_title == "Cycling Weekly"
    assert await lookups.latest_move("tadej-pogacar") is None


async def test_freshness(storage, lookups):
    fresh = await lookups.freshness()
    assert fresh.last_poll_at == NOW
    assert fresh.stories == 2
    assert [f.title for f in fresh.feeds] == ["Cycling Weekly"]
    later = NOW + 10
    await storage.meta.set("last_poll_at", repr(later))
    assert (await lookups.freshness()).last_poll_at == later


async def test_freshness_of_an_empty_database(database):
    store = await Storage.open(database)
    try:
        fresh = await Lookups(store).freshness()
        assert fresh.last_poll_at is None and fresh.stories == 0 and fresh.feeds == []
    finally:
        await store.close()


async def test_a_servers_own_feed_is_seen_only_from_that_server(database):
    storage = await Storage.open(database)
    try:
        public = "https://public.example/feed"
        private = "https://private.example/feed?key=s3cret"
        for url, key in ((public, "pub"), (private, "priv")):
            feed, _ = await storage.feeds.add(url, 1.8e9)
            state = FeedState("Feed", None, None, key, 0)
            pogi_move = move("tadej-pogacar", "rumour", "uae", f"team-{key}")
            tags = StoryTags(riders=["tadej-pogacar"], is_transfer=True, moves=[pogi_move])
            await storage.articles.save_poll(
                feed.id, [(story(key, f"Pogačar {key}", 1.8e9 - 60), tags)], state, 1.8e9
            )
        await storage.guild_config.add_feed(11, private, 1, 1.8e9, defaults=[public], limit=50)
        lookups = Lookups(storage)

        async def titles(guild_id):
            seen = await lookups.seen_from(guild_id, [public])
            pages = [
                await seen.stories_for_person("tadej-pogacar"),
                await seen.latest_stories(),
                await seen.search_stories("pogacar"),
            ]
            moves = [m.title for m in await seen.moves_for_person("tadej-pogacar")]
            # a page read at once (one statement on PostgreSQL) hides what its parts hide
            rider, latest = await seen.rider_page("tadej-pogacar")
            assert rider == pages[0]
            assert latest == await seen.latest_move("tadej-pogacar") and latest is not None
            uae = await seen.transfer_board("uae")
            assert uae.arrivals == []
            for key in ("pub", "priv"):
                board = await seen.transfer_board(f"team-{key}")
                assert board.departures == []
                assert [m.title for m in board.arrivals] == [
                    m.title for m in uae.departures if m.to_team_id == f"team-{key}"
                ]
            departures = [m.title for m in uae.departures]
            return [sorted(s.title for s in page.stories) for page in pages] + [
                sorted(moves),
                sorted(departures),
            ]

        both = ["Pogačar priv", "Pogačar pub"]
        assert await titles(11) == [both] * 5
        assert await titles(22) == [["Pogačar pub"]] * 5
        assert await titles(None) == [["Pogačar pub"]] * 5
        for guild_id, urls, count in ((11, [private, public], 2), (22, [public], 1)):
            fresh = await (await lookups.seen_from(guild_id, [public])).freshness()
            assert sorted(f.url for f in fresh.feeds) == sorted(urls)
            assert fresh.stories == count
    finally:
        await storage.close()


async def test_a_move_keeps_its_stage_and_a_confirmation_brings_its_own(storage, lookups):
    def staged(status, stage):
        return replace(move("tadej-pogacar", status, "uae", "lidl-trek", 2027), stage=stage)

    agreed = StoryTags(is_transfer=True, moves=[staged("confirmed", "agreed")])
    talks = StoryTags(is_transfer=True, moves=[staged("rumour", "talks")])
    await add_stories(storage, [(story("t", "Pogačar in talks", 1.75e9), talks)])
    (only,) = await lookups.moves_for_person("tadej-pogacar")
    assert (only.status, only.stage) == ("rumour", "talks")
    await add_stories(
        storage, [(story("a", "Pogačar agreed", 1.7e9), agreed)], url="https://b.example/f"
    )
    (newest,) = await lookups.moves_for_person("tadej-pogacar")
    assert newest.title == "Pogačar in talks"  # the newest story about the move
    assert (newest.status, newest.stage) == ("confirmed", "agreed")


async def test_a_rider_page_is_the_riders_stories_and_latest_move(storage, lookups):
    tags = StoryTags(riders=["ide-schelling"])
    await add_stories(storage, [(story(f"i{i}", f"Ide {i}", 1.77e9 + i), tags) for i in range(7)])
    for page in (0, 1, 2):
        stories, move_row = await lookups.rider_page("ide-schelling", 5, page * 5)
        assert stories == await lookups.stories_for_person("ide-schelling", 5, page * 5)
        assert move_row == await lookups.latest_move("ide-schelling")
        assert move_row is not None and move_row.url == SEED_URL
    stories, move_row = await lookups.rider_page("nobody-at-all")
    assert stories.stories == [] and move_row is None
