"""The spoiler shield: what a channel's or fan's shield does to one story. Pure: the
story's tags, the race calendar, the setting and the time in; a verdict out.

Shielded stories: every `result`, and a `crash` about a race on a day that race runs (its
local day). Every other story is never shielded. A shielded story is either
- held until `hold_hours` after the expected finish of the race day it is about, then
  posted plainly (the outbox row waits with `not_before`, so a restart loses nothing), or
- posted at once in spoiler form: the headline inside ||…||, no link preview, no summary.

The race day a story is about: its focus's stage (when it names one); else the day of
the focus's edition nearest today without passing it (a stage race's current day, a
finished race's last day; a rest day counts as the stage before it); else, without a
focus, the same for every race it names, the latest finish winning. A race day never lies
after today: a result about a race still to come is held for today's finish at most.

The expected finish of a day: the calendar's `finish_utc` for that day's stage (the later
one on a day of two half stages). Where the calendar has none, 18:00 in the race's own
time zone (its country's, below), which is after nearly every road finish; for a race
with no country (a championship that moves) or a story without a known race, the end of
that day in UTC. A provisional edition's dates are estimates: its race day is taken to be
today, as for a race the calendar does not know. A fan's time zone changes none of this:
the hold ends at one instant, which their DMs and /follow-settings show in their time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo

from feeds.models import StoryTags
from feeds.races.model import Calendar, Edition, Race
from storage.shields import Shield

Action = Literal["plain", "spoiler", "hold"]

DEFAULT_FINISH_LOCAL = time(18, 0)
"""When a race day's finish is unknown: 18:00 where the race is run."""

RACE_ZONES: dict[str, str] = {
    "AUS": "Australia/Adelaide",  # Tour Down Under; Cadel Evans' race finishes earlier in UTC
    "BEL": "Europe/Brussels",
    "CAN": "America/Toronto",
    "CHN": "Asia/Shanghai",
    "COL": "America/Bogota",
    "DEN": "Europe/Copenhagen",
    "ECU": "America/Guayaquil",
    "ESP": "Europe/Madrid",
    "FRA": "Europe/Paris",
    "GBR": "Europe/London",
    "GER": "Europe/Berlin",
    "ITA": "Europe/Rome",
    "JPN": "Asia/Tokyo",
    "NED": "Europe/Amsterdam",
    "NOR": "Europe/Oslo",
    "OMA": "Asia/Muscat",
    "POL": "Europe/Warsaw",
    "POR": "Europe/Lisbon",
    "SLO": "Europe/Ljubljana",
    "SUI": "Europe/Zurich",
    "TUR": "Europe/Istanbul",
    "UAE": "Asia/Dubai",
    "USA": "America/Los_Angeles",  # the westernmost: a later finish is the safe side
}
"""The time zone a country's races are run in (IOC codes, as the calendar writes them)."""


@dataclass(frozen=True, slots=True)
class Verdict:
    action: Action
    until: datetime | None = None
    """With "hold": when the story may go out plainly (aware, UTC)."""


PLAIN = Verdict("plain")
SPOILER = Verdict("spoiler")


def race_zone(race: Race | None) -> tzinfo:
    if race is None or race.country not in RACE_ZONES:
        return UTC
    return ZoneInfo(RACE_ZONES[race.country])


def _finish(day: date, stages: Iterable, zone: tzinfo) -> datetime:
    """The expected finish of a race day (see the module's notes for the defaults)."""
    times = [s.finish_utc for s in stages]
    if times and all(t is not None for t in times):
        return datetime.combine(day, max(times), UTC)
    if zone is UTC:
        return datetime.combine(day + timedelta(days=1), time(0), UTC)
    return datetime.combine(day, DEFAULT_FINISH_LOCAL, zone).astimezone(UTC)


def _edition_near(calendar: Calendar, race_id: str, today: date) -> Edition | None:
    """The edition running today, else the latest one started before today."""
    started = [e for e in calendar.editions_of(race_id) if e.start <= today]
    return started[-1] if started else None


def race_day_finish(
    calendar: Calendar, race_id: str, year: int | None, stage: int | None, now: datetime
) -> datetime:
    """The expected finish of the race day a story about (race, year, stage) concerns."""
    race = calendar.race(race_id)
    zone = race_zone(race)
    today = now.astimezone(zone).date()
    if year is not None:
        edition = calendar.edition(race_id, year)
    else:
        current = calendar.edition(race_id, today.year)
        # This year's days unknown or estimated: the race may be running now, whatever
        # an earlier edition says, so the story is held as for today's race.
        edition = None if current is None or current.provisional else current
        if edition is not None and edition.start > today:
            edition = _edition_near(calendar, race_id, today)
    if edition is None or edition.provisional:
        # Estimated days could put the race day before today while it really runs now.
        return _finish(today, (), zone)
    named = edition.stage(stage) if stage is not None else None
    if named is not None:
        day, stages = named.date, (named,)
    else:
        day = min(max(today, edition.start), edition.end)
        stages = edition.stages_on(day)
        if not stages and edition.stages:
            # A rest day: the news is the stage before it.
            before = [s for s in edition.stages if s.date <= day]
            if before:
                day = before[-1].date
                stages = edition.stages_on(day)
    if day > today:
        # A race still to come: nothing of it can be spoiled after today's finish.
        day, stages = today, ()
    return _finish(day, stages, zone)


def runs_today(calendar: Calendar, race_id: str, now: datetime) -> bool:
    """Whether the race runs on its own local day of `now`."""
    today = now.astimezone(race_zone(calendar.race(race_id))).date()
    return any(e.runs_on(today) for e in calendar.editions_of(race_id))


def _about(tags: StoryTags) -> list[tuple[str, int | None, int | None]]:
    focus = tags.race_focus
    if focus is not None:
        return [(focus.race_id, focus.year, focus.stage)]
    return [(race_id, None, None) for race_id in dict.fromkeys(tags.races)]


def shielded_until(tags: StoryTags, calendar: Calendar, now: datetime) -> datetime | None:
    """None when the story is never shielded; else the expected finish of the race day
    it is about (before any hold hours)."""
    if tags.kind == "result":
        about = _about(tags)
        if not about:
            return _finish(now.astimezone(UTC).date(), (), UTC)
        return max(race_day_finish(calendar, r, y, s, now) for r, y, s in about)
    if tags.kind == "crash":
        running = [(r, y, s) for r, y, s in _about(tags) if runs_today(calendar, r, now)]
        if not running:
            return None
        return max(race_day_finish(calendar, r, None, s, now) for r, _, s in running)
    return None


def decide(tags: StoryTags, calendar: Calendar, shield: Shield, now: datetime) -> Verdict:
    """What a target with `shield` does with the story at `now` (aware)."""
    if shield.mode == "off":
        return PLAIN
    finish = shielded_until(tags, calendar, now)
    if finish is None:
        return PLAIN
    if shield.mode == "spoiler":
        return SPOILER
    until = finish + timedelta(hours=shield.hold_hours)
    return Verdict("hold", until) if until > now else PLAIN
