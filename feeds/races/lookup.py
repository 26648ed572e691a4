"""Questions asked of the calendar by `/race` and race-day threads: which race a typed
name means, which edition to show, and what a race day is called."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from feeds.races.model import Calendar, Edition, Race, Stage
from feeds.roster.names import CHOICE_NAME_LIMIT, NameIndex


def race_names(calendar: Calendar) -> NameIndex:
    """Every race's names in every language, for autocomplete and "did you mean": an
    alias resolves to its race ("la Doyenne", "De Ronde"), a choice's value is the id."""
    return NameIndex(
        ((race.id, alias) for race in calendar.races.values() for alias in race.aliases),
        {race.id: race.name[:CHOICE_NAME_LIMIT] for race in calendar.races.values()},
    )


def edition_to_show(calendar: Calendar, race: Race | str, today: date) -> Edition | None:
    """The edition running or next to run on `today`; once the last known one is over,
    that one (a race's latest result is still what people ask about)."""
    editions = calendar.editions_of(race)
    upcoming = [e for e in editions if e.end >= today]
    if upcoming:
        return upcoming[0]
    return editions[-1] if editions else None


@dataclass(frozen=True, slots=True)
class RaceDay:
    """One day of one edition: what a race-day thread is about."""

    race: Race
    edition: Edition
    day: date
    stages: tuple[Stage, ...]
    """The stages run that day (none on a rest day, or when the route is not known)."""

    @property
    def label(self) -> str:
        """ "Giro d'Italia 2026 · Stage 5 · 14 May" (a one-day race: name, year and day)."""
        parts = [f"{self.race.name} {self.edition.year}"]
        if self.stages:
            parts.append(stage_label(self.stages))
        elif self.edition.stages and not self.edition.provisional:
            parts.append("Rest day")
        parts.append(day_label(self.day))
        return " · ".join(parts)


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def day_label(day: date) -> str:
    """ "14 May": in English whatever the machine's locale (strftime's %B follows it)."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def stage_label(stages: tuple[Stage, ...]) -> str:
    """ "Stage 5", "Prologue", or "Stages 3–4" for a day of two half stages."""
    if len(stages) == 1:
        return "Prologue" if stages[0].number == 0 else f"Stage {stages[0].number}"
    numbers = sorted(s.number for s in stages)
    return f"Stages {numbers[0]}–{numbers[-1]}"


def race_day(calendar: Calendar, race_id: str, year: int, day: date) -> RaceDay | None:
    """The race day a story focused on (race, edition year) belongs to on `day`, when the
    calendar has that edition running then; else None."""
    race = calendar.race(race_id)
    edition = calendar.edition(race_id, year)
    if race is None or edition is None or not edition.runs_on(day):
        return None
    # A provisional edition's stage days are estimates: a thread never names one as fact.
    stages = () if edition.provisional else edition.stages_on(day)
    return RaceDay(race, edition, day, stages)
