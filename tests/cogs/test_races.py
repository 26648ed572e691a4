"""/race, /race-threads and /news's kind and race filters, through the real cogs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from unittest import mock

import aiohttp
import discord
import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.discord.client import DomestiqueBot
from bot.discord.tree import AmbiguousName, UnknownName, UserFacingError
from bot.settings import Settings
from feeds.models import RaceFocus, StoryTags
from feeds.races import bundled_calendar
from storage import Storage
from storage.articles import FeedState
from tests.cogs.helpers import make_interaction, sent, text_of
from tests.e2e.world import StaticRosterState, small_roster, story

GIRO_DAY = date(2026, 5, 13)  # stage 5 of the 2026 Giro
RESULT_TITLE = "Pogačar wins stage 5 | takes the pink jersey"


@pytest.fixture(scope="module")
def calendar():
    return bundled_calendar()


@pytest.fixture
async def race_bot(storage: Storage, calendar) -> AsyncIterator[DomestiqueBot]:
    client = DomestiqueBot(
        settings=Settings(),
        storage=storage,
        http_session=mock.MagicMock(spec_set=aiohttp.ClientSession),
        scheduler=AsyncIOScheduler(timezone="UTC"),
        roster_state=StaticRosterState(small_roster()),
        today=lambda: GIRO_DAY,
        calendar=calendar,
    )
    await client.setup_hook()
    yield client
    await client.close()


def _tags(kind: str, *races: str, focus: RaceFocus | None = None) -> StoryTags:
    return StoryTags(races=list(races), race_focus=focus, kind=kind)  # type: ignore[arg-type]


@pytest.fixture
async def race_stories(storage: Storage) -> None:
    giro = RaceFocus("giro-d-italia", 2026, 5)
    items = [
        (story("preview", "Giro stage 5 preview: a day for the sprinters", 1.7786e9),
         _tags("preview", "giro-d-italia", focus=giro)),
        (story("result", RESULT_TITLE, 1.7787e9), _tags("result", "giro-d-italia", focus=giro)),
        (story("crash", "Crash in the Giro's final kilometre", 1.7788e9),
         _tags("crash", "giro-d-italia", focus=giro)),
        (story("tdf", "Tour de France route presented", 1.7789e9),
         _tags("preview", "tour-de-france")),
        (story("gear", "New aero helmet reviewed", 1.7790e9), _tags("other")),
    ]  # fmt: skip
    feed, _ = await storage.feeds.add("https://races.example/feed", 1.78e9)
    state = FeedState("Race News", None, None, "h", 0)
    await storage.articles.save_poll(feed.id, items, state, 1.78e9)


async def call_race(bot, name: str, year: int | None = None, **kw):
    cog = bot.get_cog("Races")
    interaction = make_interaction(**kw)
    await cog.race.callback(cog, interaction, name, year)
    return interaction


async def test_race_shows_dates_stages_with_today_and_latest_stories(race_bot, race_stories):
    text = text_of(sent(await call_race(race_bot, "giro-d-italia")))
    assert "Giro d'Italia 2026" in text
    assert "8 May – 31 May 2026" in text and "21 stages" in text and "racing today" in text
    assert "▶ **Stage 5 · 13 May · Potenza** (today)" in text
    assert "Stage 4 · 12 May · Cosenza" in text  # other stages plain
    assert "Giro stage 5 preview" in text and "Crash in the Giro" in text
    assert "Tour de France route" not in text and "aero helmet" not in text


async def test_a_result_in_race_is_behind_a_spoiler_that_cannot_be_broken(race_bot, race_stories):
    text = text_of(sent(await call_race(race_bot, "Giro d'Italia")))
    line = next(line for line in text.splitlines() if "Pogačar" in line)
    # The whole headline sits between one pair of bars; its own "|" is escaped.
    assert "||Pogačar wins stage 5 \\| takes the pink jersey||" in line
    assert line.count("||") == 2
    assert "extra.example/result" not in text  # its link would tell the result too


async def test_race_by_another_language_and_another_year(race_bot):
    text = text_of(sent(await call_race(race_bot, "Il Lombardia", 2025)))
    assert "Tour of Lombardy 2025" in text
    assert "No stories about this race yet." in text
    assert "Other editions:" in text and "2026" in text


async def test_race_shows_estimated_dates_as_provisional(race_bot):
    text = text_of(sent(await call_race(race_bot, "Tour de France", 2027)))
    assert "Tour de France 2027" in text
    assert "2 July – 25 July 2027 (provisional dates) · 21 stages" in text
    assert "Provisional dates: estimated from the race's place in the season" in text
    # Announced finish towns show; estimated stage days show without one.
    assert "Stage 1 · 2 July · Carlisle" in text and "Stage 4 · 6 July\n" in text


async def test_race_unknown_name_suggests_close_ones(race_bot):
    with pytest.raises(UnknownName) as caught:
        await call_race(race_bot, "Tirreno Atlantico")
    assert "No race called Tirreno Atlantico" in caught.value.message
    assert "Tirreno-Adriatico" in caught.value.message


async def test_race_shared_name_asks_to_pick(race_bot):
    with pytest.raises(AmbiguousName) as caught:
        await call_race(race_bot, "De Ronde")
    assert "Tour of Flanders" in caught.value.message
    assert "Tour of Flanders Women" in caught.value.message


async def test_race_year_without_edition_names_the_known_ones(race_bot):
    with pytest.raises(UserFacingError) as caught:
        await call_race(race_bot, "giro-d-italia", 2031)
    message = caught.value.message
    assert "no 2031 edition of Giro d'Italia" in message
    assert "2024, 2025, 2026" in message


async def test_race_year_out_of_range_is_refused(race_bot):
    with pytest.raises(UserFacingError, match="year must be a whole number"):
        await call_race(race_bot, "giro-d-italia", 99999)


async def test_race_autocomplete_any_language(race_bot):
    cog = race_bot.get_cog("Races")
    found = await cog.race_name_autocomplete(make_interaction(), "primavera")
    assert [c.value for c in found][:2] == ["milan-san-remo", "milan-san-remo-women"]
    assert len(await cog.race_name_autocomplete(make_interaction(), "tour")) <= 25


async def call_news(bot, query=None, kind=None, race=None):
    cog = bot.get_cog("News")
    interaction = make_interaction()
    choice = discord.app_commands.Choice(name=kind, value=kind) if kind else None
    await cog.news.callback(cog, interaction, query, choice, race)
    return interaction


async def test_news_by_kind(race_bot, race_stories):
    text = text_of(sent(await call_news(race_bot, kind="preview")))
    assert "Latest stories · Previews" in text
    assert "Giro stage 5 preview" in text and "Tour de France route" in text
    assert "Crash" not in text and "aero helmet" not in text


async def test_news_by_race_and_kind_and_words(race_bot, race_stories):
    by_race = text_of(sent(await call_news(race_bot, race="Giro d'Italia")))
    assert "Giro stage 5 preview" in by_race and "Crash in the Giro" in by_race
    assert "||Pogačar wins stage 5" in by_race  # a result: in spoiler form
    assert "Tour de France" not in by_race
    both = text_of(sent(await call_news(race_bot, kind="crash", race="giro-d-italia")))
    assert "Crashes, injuries and abandons · Giro d'Italia" in both
    assert "Crash in the Giro" in both and "preview" not in both
    words = text_of(sent(await call_news(race_bot, query="stage", race="giro-d-italia")))
    assert "Giro stage 5 preview" in words and "Crash in the Giro" not in words
    none = text_of(sent(await call_news(race_bot, kind="transfer", race="giro-d-italia")))
    assert "No stories match that yet." in none


async def test_news_unknown_race_or_kind_is_refused(race_bot, race_stories):
    with pytest.raises(UnknownName, match="No race called"):
        await call_news(race_bot, race="Tour of Atlantis")
    with pytest.raises(UserFacingError, match="not a kind of story"):
        await call_news(race_bot, kind="gossip")


async def test_news_race_autocomplete(race_bot):
    cog = race_bot.get_cog("News")
    found = await cog.race_autocomplete(make_interaction(), "dauph")
    assert found[0].value == "criterium-du-dauphine"
