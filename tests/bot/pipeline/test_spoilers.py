"""The spoiler shield (bot/pipeline/spoilers.py): examples on the bundled calendar, and
properties over random calendars, stories, race days and settings. A result that goes
out plainly before its race day's finish plus the hold is a defect."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.pipeline.spoilers import (
    PLAIN,
    SPOILER,
    decide,
    race_zone,
    shielded_until,
)
from feeds.models import STORY_KINDS, RaceFocus, StoryTags
from feeds.races import bundled_calendar
from feeds.races.model import Calendar, Edition, Race, Stage
from storage.shields import Shield

CALENDAR = bundled_calendar()
HOLD3 = Shield("hold", 3)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def result(race: str, year: int, stage: int | None = None) -> StoryTags:
    return StoryTags(races=[race], race_focus=RaceFocus(race, year, stage), kind="result")


# --- examples on the bundled calendar ---------------------------------------------------


def test_a_stage_result_is_held_until_the_known_finish_plus_the_hours():
    # La Vuelta 2024 stage 11: expected finish 15:30 UTC on 28 August.
    story = result("vuelta-a-espana", 2024, 11)
    verdict = decide(story, CALENDAR, HOLD3, at("2024-08-28T15:45"))
    assert verdict.action == "hold"
    assert verdict.until == at("2024-08-28T18:30")
    assert decide(story, CALENDAR, HOLD3, at("2024-08-28T18:30")) == PLAIN


def test_an_unknown_finish_defaults_to_six_in_the_evening_where_the_race_is():
    # Tour of Flanders 2025 (6 April, Belgium, summer time: 18:00 is 16:00 UTC).
    story = result("tour-of-flanders", 2025)
    verdict = decide(story, CALENDAR, Shield("hold", 2), at("2025-04-06T15:00"))
    assert verdict.until == at("2025-04-06T18:00")
    assert decide(story, CALENDAR, Shield("hold", 2), at("2025-04-06T18:00")) == PLAIN


def test_spoiler_mode_posts_at_once_in_spoiler_form_and_off_posts_plainly():
    story = result("tour-of-flanders", 2025)
    now = at("2025-04-06T15:00")
    assert decide(story, CALENDAR, Shield("spoiler", 3), now) == SPOILER
    assert decide(story, CALENDAR, Shield("off", 3), now) == PLAIN


def test_a_crash_is_shielded_only_on_a_day_its_race_runs():
    crash = StoryTags(races=["tour-of-flanders"], kind="crash")
    on_the_day = decide(crash, CALENDAR, HOLD3, at("2025-04-06T12:00"))
    assert on_the_day.action == "hold"
    assert decide(crash, CALENDAR, HOLD3, at("2025-04-08T12:00")) == PLAIN
    # A training crash names no race: never shielded.
    assert decide(StoryTags(kind="crash"), CALENDAR, HOLD3, at("2025-04-06T12:00")) == PLAIN


def test_previews_lineups_transfers_and_the_rest_are_never_shielded():
    now = at("2025-04-06T12:00")
    for kind in ("preview", "lineup", "transfer", "team", "other"):
        story = StoryTags(
            races=["tour-of-flanders"],
            race_focus=RaceFocus("tour-of-flanders", 2025, None),
            kind=kind,
        )
        assert decide(story, CALENDAR, Shield("spoiler", 3), now) == PLAIN
        assert decide(story, CALENDAR, HOLD3, now) == PLAIN


def test_a_result_about_no_known_race_waits_for_the_end_of_the_day_in_utc():
    story = StoryTags(kind="result")
    verdict = decide(story, CALENDAR, Shield("hold", 1), at("2025-06-01T10:00"))
    assert verdict.until == at("2025-06-02T01:00")


def test_a_result_of_a_race_still_to_come_waits_at_most_for_today():
    # The 2027 Tour has not started in May 2026: held for today's (default) finish only.
    story = result("tour-de-france", 2027, 21)
    verdict = decide(story, CALENDAR, HOLD3, at("2026-05-01T09:00"))
    assert verdict.action == "hold"
    assert verdict.until <= at("2026-05-02T03:00")


def test_a_result_of_a_race_with_provisional_dates_waits_for_todays_finish():
    # The 2027 Giro's dates are estimates (7-30 May): a result a day after the estimated
    # end may be of a stage run today, so it is held for today's finish, not let through.
    story = result("giro-d-italia", 2027, 21)
    assert CALENDAR.edition("giro-d-italia", 2027).provisional
    verdict = decide(story, CALENDAR, HOLD3, at("2027-05-31T14:00"))
    assert verdict.action == "hold"
    assert verdict.until == at("2027-05-31T19:00")  # 18:00 in Rome (16:00 UTC) + 3 h


def test_a_result_with_no_year_is_held_while_this_years_dates_are_estimates():
    # The 2027 Giro is estimated to start on 7 May; a result naming the race and no year
    # the day before may be of a stage the real race ran today. It is held, not judged by
    # the 2026 edition, which ended weeks ago.
    story = StoryTags(races=["giro-d-italia"], kind="result")
    start = CALENDAR.edition("giro-d-italia", 2027).start
    verdict = decide(story, CALENDAR, HOLD3, at(f"{start - timedelta(days=1)}T14:00"))
    assert verdict.action == "hold"


# --- properties over random calendars ---------------------------------------------------

COUNTRIES = [None, "FRA", "BEL", "AUS", "USA", "JPN", "XYZ"]  # XYZ: a country with no zone
BASE = date(2026, 3, 1)


@st.composite
def calendars(draw) -> Calendar:
    races, editions = {}, {}
    for n in range(draw(st.integers(1, 4))):
        race_id = f"race-{n}"
        stage_race = draw(st.booleans())
        country = draw(st.sampled_from(COUNTRIES))
        races[race_id] = Race(
            race_id,
            f"Race {n}",
            "men",
            "worldtour",
            "stage" if stage_race else "one-day",
            country,
        )
        start = BASE + timedelta(days=draw(st.integers(0, 40)))
        stages: list[Stage] = []
        day = start
        if stage_race:
            for number in range(1, draw(st.integers(2, 8)) + 1):
                finish = draw(st.none() | st.times(time(0), time(23, 59)))
                stages.append(Stage(number, day, f"Town {number}", finish))
                day += timedelta(days=draw(st.sampled_from([1, 1, 1, 2])))  # 2: a rest day
            end = stages[-1].date
        else:
            end = start
        editions[(race_id, 2026)] = Edition(
            race_id, 2026, start, end, len(stages) or None, tuple(stages)
        )
    return Calendar(races, editions)


@st.composite
def cases(draw):
    calendar = draw(calendars())
    race_ids = [*calendar.races, "unknown-race"]
    kind = draw(st.sampled_from(STORY_KINDS))
    races = draw(st.lists(st.sampled_from(race_ids), max_size=3))
    focus = None
    if draw(st.booleans()):
        race_id = draw(st.sampled_from(race_ids))
        stage = draw(st.none() | st.integers(0, 9))
        focus = RaceFocus(race_id, draw(st.sampled_from([2025, 2026, 2027])), stage)
    tags = StoryTags(races=races, race_focus=focus, kind=kind)
    shield = Shield(draw(st.sampled_from(["off", "hold", "spoiler"])), draw(st.integers(0, 72)))
    # Around a race day, where a shield matters: from the day before to three days after.
    edition = draw(st.sampled_from(sorted(calendar.editions.values(), key=lambda e: e.race_id)))
    day = edition.start + timedelta(days=draw(st.integers(-1, (edition.end - edition.start).days)))
    minutes = draw(st.integers(0, 4 * 1440))
    now = datetime.combine(day, time(0), UTC) + timedelta(minutes=minutes)
    return calendar, tags, shield, now


def truth_finish(calendar: Calendar, focus: RaceFocus, now: datetime) -> datetime | None:
    """The latest a focused stage, already run or running today, can really finish: the
    calendar's time, else any time up to 17:59 where it is raced (or the day's end UTC)."""
    edition = calendar.edition(focus.race_id, focus.year)
    if edition is None or focus.stage is None or edition.stage(focus.stage) is None:
        return None
    stage = edition.stage(focus.stage)
    zone = race_zone(calendar.race(focus.race_id))
    if stage.date > now.astimezone(zone).date():
        return None  # still to come: no result of it can exist yet
    if stage.finish_utc is not None:
        return datetime.combine(stage.date, stage.finish_utc, UTC)
    if zone is UTC:
        return datetime.combine(stage.date, time(23, 59), UTC)
    # Road races finish by 17:59 where they are raced (written out, not the module's constant).
    return datetime.combine(stage.date, time(17, 59), zone).astimezone(UTC)


@settings(max_examples=300, deadline=None)
@given(cases())
def test_a_shielded_story_never_goes_out_plainly_before_its_hold_ends(case):
    calendar, tags, shield, now = case
    verdict = decide(tags, calendar, shield, now)
    finish = shielded_until(tags, calendar, now)
    if shield.mode == "off" or tags.kind not in ("result", "crash"):
        assert verdict == PLAIN
        return
    if finish is None:
        assert tags.kind == "crash" and verdict == PLAIN
        return
    if shield.mode == "spoiler":
        assert verdict == SPOILER
        return
    release = finish + timedelta(hours=shield.hold_hours)
    if verdict == PLAIN:
        assert now >= release
    else:
        assert verdict.action == "hold" and verdict.until == release > now
        # Nothing waits for ever: at most today's finish (a race still to come) plus the hours.
        assert verdict.until <= now + timedelta(hours=shield.hold_hours + 48)


@settings(max_examples=300, deadline=None)
@given(cases())
def test_a_stage_result_never_escapes_before_that_stage_really_ends(case):
    calendar, tags, shield, now = case
    tags = StoryTags(races=tags.races, race_focus=tags.race_focus, kind="result")
    if tags.race_focus is None or shield.mode != "hold":
        return
    truth = truth_finish(calendar, tags.race_focus, now)
    if truth is None:
        return
    verdict = decide(tags, calendar, shield, now)
    if verdict == PLAIN:
        assert now >= truth + timedelta(hours=shield.hold_hours)
    else:
        assert verdict.until >= truth + timedelta(hours=shield.hold_hours)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_a_held_result_of_a_stage_is_plain_once_its_hold_ends(case):
    calendar, tags, shield, now = case
    tags = StoryTags(races=tags.races, race_focus=tags.race_focus, kind="result")
    verdict = decide(tags, calendar, Shield("hold", shield.hold_hours), now)
    focus = tags.race_focus
    if verdict.action != "hold" or focus is None or focus.stage is None:
        return
    edition = calendar.edition(focus.race_id, focus.year)
    if edition is None or edition.stage(focus.stage) is None:
        return
    zone = race_zone(calendar.race(focus.race_id))
    if edition.stage(focus.stage).date > now.astimezone(zone).date():
        return  # a stage still to come is held for today only, then judged again
    assert decide(tags, calendar, Shield("hold", shield.hold_hours), verdict.until) == PLAIN
