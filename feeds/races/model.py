"""What the race calendar holds: races, their editions and stages, and the lookups."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Literal

from feeds.datafile import DataFileError
from feeds.text.fold import fold_word

Sex = Literal["men", "women", "both"]
RaceClass = Literal["worldtour", "proseries", "championship", "olympics"]
RaceKind = Literal["one-day", "stage", "events"]

SEXES: tuple[Sex, ...] = ("men", "women", "both")
RACE_CLASSES: tuple[RaceClass, ...] = ("worldtour", "proseries", "championship", "olympics")
RACE_KINDS: tuple[RaceKind, ...] = ("one-day", "stage", "events")
ONE_RACE_FOR_BOTH: tuple[RaceClass, ...] = ("championship", "olympics")
"""Classes whose races are one race for both sexes and every road event (corpus rule)."""


class MonthDate(date):
    """A publication date known only to the month (or the year), read as its first day.

    Race tagging allows such a date to fall before the race it reports (a July story dated
    "2024-07" may be of the Tour that began on the 6th); a full date gets no such
    allowance. Everything else reads it as the plain date it equals."""

    __slots__ = ()


class CalendarError(DataFileError):
    """A calendar file that cannot be used."""


@dataclass(frozen=True, slots=True)
class Stage:
    number: int
    """0 is a prologue."""
    date: date
    finish: str | None
    """The finish town (a summit finish: the climb's name, as the organiser writes it);
    None only in a provisional edition, before the route is announced."""
    finish_utc: time | None = None
    """Expected finish, UTC, on `date`; None where the organiser has not said."""


@dataclass(frozen=True, slots=True)
class Edition:
    race_id: str
    year: int
    start: date
    end: date
    stage_count: int | None = None
    """Stages numbered 1..N (a prologue is extra); None for a one-day race or when unknown."""
    stages: tuple[Stage, ...] = ()
    """Every stage in order, or none when the route is not known."""
    host: str | None = None
    """Where a race that moves is held (championships, the Olympics)."""
    provisional: bool = False
    """Dates estimated from the race's place in the season, not announced: shown as such,
    never as fact. An official edition with the same key replaces it, whatever the order."""

    @property
    def key(self) -> tuple[str, int]:
        return (self.race_id, self.year)

    def runs_on(self, day: date) -> bool:
        return self.start <= day <= self.end

    def stage(self, number: int) -> Stage | None:
        return next((s for s in self.stages if s.number == number), None)

    def stages_on(self, day: date) -> tuple[Stage, ...]:
        """A day can hold two half stages (the Tour de France Femmes 2024 did)."""
        return tuple(s for s in self.stages if s.date == day)


@dataclass(frozen=True, slots=True)
class Race:
    id: str
    name: str
    """The usual English name (canonical, as the annotated corpus writes it)."""
    sex: Sex
    race_class: RaceClass
    kind: RaceKind
    country: str | None = None
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Language code -> the race's names and nicknames in that language."""
    counterpart: str | None = None
    """The same race for the other sex; the two may share names."""
    ambiguous: tuple[str, ...] = ()
    """Names this race shares with other races that also mark them ambiguous."""

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every name, canonical first, each once."""
        every = [self.name, *(n for names in self.names.values() for n in names)]
        return tuple(dict.fromkeys(every))


def name_key(name: str) -> str:
    """Names compare folded: case, accents, hyphens and apostrophes do not count."""
    return fold_word(name)


@dataclass(slots=True)
class Calendar:
    races: dict[str, Race] = field(default_factory=dict)
    editions: dict[tuple[str, int], Edition] = field(default_factory=dict)
    _by_name: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[str]] = {}
        for race in self.races.values():
            for alias in race.aliases:
                ids = index.setdefault(name_key(alias), [])
                if race.id not in ids:
                    ids.append(race.id)
        self._by_name = {key: tuple(ids) for key, ids in index.items()}

    def race(self, race_id: str) -> Race | None:
        return self.races.get(race_id)

    def named(self, name: str) -> tuple[Race, ...]:
        """The races going by `name` in any language: one, or several for a shared name
        (a women's race and its men's counterpart), or none."""
        return tuple(self.races[i] for i in self._by_name.get(name_key(name), ()))

    def edition(self, race: Race | str, year: int) -> Edition | None:
        race_id = race if isinstance(race, str) else race.id
        return self.editions.get((race_id, year))

    def editions_of(self, race: Race | str) -> list[Edition]:
        race_id = race if isinstance(race, str) else race.id
        return sorted((e for e in self.editions.values() if e.race_id == race_id), key=_year)

    def editions_on(self, day: date) -> list[Edition]:
        """The editions running on `day`, earliest start first."""
        running = (e for e in self.editions.values() if e.runs_on(day))
        return sorted(running, key=lambda e: (e.start, e.race_id))

    def merged(self, races: Iterable[Race], editions: Iterable[Edition]) -> Calendar:
        """This calendar with these on top: a race or edition with the same id replaces
        the earlier one, except that a provisional edition never replaces an official one
        (callers check the result holds together)."""
        on_top = dict(self.editions)
        for edition in editions:
            if not outranked(edition, on_top.get(edition.key)):
                on_top[edition.key] = edition
        return Calendar({**self.races, **{r.id: r for r in races}}, on_top)


def outranked(edition: Edition, current: Edition | None) -> bool:
    """Whether `current` stays in place of `edition`: announced dates outrank estimated
    ones, so a file of estimates loaded on top cannot hide the official dates."""
    return current is not None and edition.provisional and not current.provisional


def _year(edition: Edition) -> int:
    return edition.year
