"""Reading a calendar file, checked whole: fields, dates, stages; then on top of a calendar:
references, one-day editions, names that would collide."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import combinations, pairwise
from typing import Any

from feeds.races.model import (
    ONE_RACE_FOR_BOTH,
    RACE_CLASSES,
    RACE_KINDS,
    SEXES,
    Calendar,
    CalendarError,
    Edition,
    Race,
    Stage,
    name_key,
)
from feeds.roster import name_problem

RACE_FIELDS = frozenset(
    {"id", "name", "sex", "class", "kind", "country", "names", "counterpart", "ambiguous"}
)
EDITION_FIELDS = frozenset(
    {"race", "year", "date", "start", "end", "stage_count", "stages", "host", "provisional"}
)
STAGE_FIELDS = frozenset({"number", "date", "finish", "finish_utc"})
MAX_STAGES = 30
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_COUNTRY = re.compile(r"[A-Z]{3}")
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(race|edition)[ \t]*\]\]", re.MULTILINE)
_STAGE_START = re.compile(r"(?:\{|^)[ \t]*number[ \t]*=", re.MULTILINE)
_TOML_LINE = re.compile(r"at line (\d+)")

EntryKey = tuple[str, Any]
"""("race", id) or ("edition", (race id, year)): what a line number is kept for."""


@dataclass(slots=True)
class CalendarPart:
    """One file's races and editions, each checked on its own, with where each begins."""

    source: str
    races: dict[str, Race] = field(default_factory=dict)
    editions: dict[tuple[str, int], Edition] = field(default_factory=dict)
    lines: dict[EntryKey, int] = field(default_factory=dict)

    def line(self, key: EntryKey) -> int | None:
        return self.lines.get(key)


class _Text:
    """Where each `[[race]]` and `[[edition]]` starts, to point errors at the entry.

    Headers are found in one pass; a stage's line is looked for only when it is wrong."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.text = text
        self.headers: dict[str, list[tuple[int, int, int]]] = {}
        """Kind -> (offset, line, offset where the next entry begins), in file order."""
        line, position, previous = 1, 0, None
        for match in _HEADER.finditer(text):
            line += text.count("\n", position, match.start())
            position = match.start()
            if previous:
                self._close(previous, match.start())
            previous = match.group(1)
            self.headers.setdefault(previous, []).append((match.start(), line, len(text)))

    def _close(self, kind: str, end: int) -> None:
        offset, line, _ = self.headers[kind][-1]
        self.headers[kind][-1] = (offset, line, end)

    def line(self, kind: str, index: int) -> int | None:
        entries = self.headers.get(kind, [])
        return entries[index][1] if index < len(entries) else None

    def stage_line(self, index: int, stage: int) -> int | None:
        entries = self.headers.get("edition", [])
        if index >= len(entries):
            return None
        offset, line, end = entries[index]
        for i, match in enumerate(_STAGE_START.finditer(self.text, offset, end)):
            if i == stage:
                return line + self.text.count("\n", offset, match.start())
        return line

    def fail(self, kind: str, index: int, reason: str, line: int | None = None) -> CalendarError:
        where = line if line is not None else self.line(kind, index)
        return CalendarError(self.source, where, f"[[{kind}]] #{index + 1}: {reason}")


class _Entry:
    """One table of the file and the checks on its values."""

    def __init__(
        self, text: _Text, kind: str, index: int, data: Mapping[str, Any], line: int | None = None
    ) -> None:
        self.text, self.kind, self.index, self.data = text, kind, index, data
        self.label = ""
        self.line = line
        """Set for a part of the entry (a stage) that has a line of its own."""

    def fail(self, reason: str, line: int | None = None) -> CalendarError:
        where = line if line is not None else self.line
        return self.text.fail(self.kind, self.index, f"{self.label}{reason}", where)

    def only(self, known: frozenset[str]) -> None:
        unknown = sorted(set(self.data) - known)
        if unknown:
            raise self.fail(f"unknown field {unknown[0]!r} (known: {', '.join(sorted(known))})")

    def name(self, key: str, value: Any, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                raise self.fail(f"missing {key!r}")
            return None
        problem = name_problem(value)
        if problem:
            raise self.fail(f"{key!r} {problem}")
        return value.strip()

    def slug(self, key: str, *, required: bool = False) -> str | None:
        value = self.name(key, self.data.get(key), required=required)
        if value is not None and not _ID.fullmatch(value):
            raise self.fail(f"{key} {value!r} must be a lowercase slug (a-z, 0-9, -)")
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.data.get(key)
        if value is None:
            raise self.fail(f"missing {key!r} (one of {', '.join(choices)})")
        if value not in choices:
            raise self.fail(f"{key!r} must be one of {', '.join(choices)}, got {value!r}")
        return value

    def day(self, key: str, value: Any) -> date:
        # A TOML date-time is a `datetime`, which is also a `date`: refused by name.
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self.fail(f"{key!r} must be a date (YYYY-MM-DD), got {value!r}")
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{key!r} must be true or false, got {value!r}")
        return value

    def whole(self, key: str, value: Any, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(f"{key!r} must be a whole number from {low} to {high}, got {value!r}")
        return value


def parse_calendar(text: str, source: str = "<calendar>") -> CalendarPart:
    """Read one calendar file; raises CalendarError naming the line and reason."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else text.count("\n") + 1
        raise CalendarError(source, line, str(exc)) from None
    unknown = sorted(set(data) - {"race", "edition"})
    if unknown:
        raise CalendarError(source, None, f"unknown top-level key {unknown[0]!r}")
    where = _Text(source, text)
    part = CalendarPart(source)
    for i, entry in enumerate(_tables(data, "race", source)):
        race = _race(_Entry(where, "race", i, entry))
        if race.id in part.races:
            raise where.fail("race", i, f"duplicate race id {race.id!r}")
        part.races[race.id] = race
        part.lines[("race", race.id)] = where.line("race", i) or 0
    for i, entry in enumerate(_tables(data, "edition", source)):
        edition = _edition(_Entry(where, "edition", i, entry))
        if edition.key in part.editions:
            raise where.fail("edition", i, f"{_label(edition)} is defined twice")
        part.editions[edition.key] = edition
        part.lines[("edition", edition.key)] = where.line("edition", i) or 0
    return part


def _tables(data: Mapping[str, Any], key: str, source: str) -> list[Mapping[str, Any]]:
    tables = data.get(key, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise CalendarError(source, None, f"{key!r} must be written as [[{key}]] tables")
    return tables


def _race(entry: _Entry) -> Race:
    entry.only(RACE_FIELDS)
    race_id = entry.slug("id", required=True)
    assert race_id is not None
    entry.label = f"{race_id}: "
    sex = entry.choice("sex", SEXES)
    race_class = entry.choice("class", RACE_CLASSES)
    if (sex == "both") != (race_class in ONE_RACE_FOR_BOTH):
        raise entry.fail(
            "championships and the Olympics are one race for both sexes (sex = 'both'); "
            "every other race is the men's or the women's"
        )
    country = entry.name("country", entry.data.get("country"))
    if country is not None and not _COUNTRY.fullmatch(country):
        raise entry.fail(f"country must be a three-letter IOC code, got {country!r}")
    names = _names(entry)
    race = Race(
        id=race_id,
        name=entry.name("name", entry.data.get("name"), required=True) or "",
        sex=sex,  # type: ignore[arg-type]
        race_class=race_class,  # type: ignore[arg-type]
        kind=entry.choice("kind", RACE_KINDS),  # type: ignore[arg-type]
        country=country,
        names=names,
        counterpart=entry.slug("counterpart"),
        ambiguous=_texts(entry, "ambiguous"),
    )
    own = {name_key(n) for n in race.aliases}
    for name in race.ambiguous:
        if name_key(name) not in own:
            raise entry.fail(f"ambiguous name {name!r} is not one of the race's names")
    if race.counterpart == race.id:
        raise entry.fail("a race cannot be its own counterpart")
    return race


def _names(entry: _Entry) -> dict[str, tuple[str, ...]]:
    raw = entry.data.get("names", {})
    if not isinstance(raw, dict):
        raise entry.fail("'names' must be a table of language = [names], e.g. { nl = [...] }")
    names: dict[str, tuple[str, ...]] = {}
    for language, values in raw.items():
        if not _LANGUAGE.fullmatch(language):
            raise entry.fail(f"names: {language!r} is not a language code such as 'nl'")
        names[language] = _texts(entry, f"names.{language}", values)
    return names


def _texts(entry: _Entry, key: str, values: Any = None) -> tuple[str, ...]:
    values = entry.data.get(key, []) if values is None else values
    if not isinstance(values, list):
        raise entry.fail(f"{key!r} must be a list of strings")
    out = []
    for value in values:
        problem = name_problem(value)
        if problem:
            raise entry.fail(f"{key!r} holds {value!r}, which {problem}")
        out.append(value.strip())
    return tuple(dict.fromkeys(out))


def _edition(entry: _Entry) -> Edition:
    entry.only(EDITION_FIELDS)
    race_id = entry.slug("race", required=True)
    year = entry.whole("year", entry.data.get("year"), 1900, 2100)
    entry.label = f"{race_id} {year}: "
    start, end = _dates(entry)
    if start.year != year:
        raise entry.fail(f"starts on {start}, which is not in its year {year}")
    count = entry.data.get("stage_count")
    if count is not None:
        count = entry.whole("stage_count", count, 1, MAX_STAGES)
    edition = Edition(
        race_id=race_id or "",
        year=year,
        start=start,
        end=end,
        stage_count=count,
        host=entry.name("host", entry.data.get("host")),
        provisional=entry.flag("provisional"),
    )
    return dataclasses.replace(edition, stages=_stages(entry, edition))


def _dates(entry: _Entry) -> tuple[date, date]:
    one_day = entry.data.get("date")
    if one_day is not None:
        if "start" in entry.data or "end" in entry.data:
            raise entry.fail("give either 'date' (one day) or 'start' and 'end', not both")
        day = entry.day("date", one_day)
        return day, day
    if "start" not in entry.data or "end" not in entry.data:
        raise entry.fail("missing dates: 'date' for one day, or 'start' and 'end'")
    start = entry.day("start", entry.data["start"])
    end = entry.day("end", entry.data["end"])
    if end < start:
        raise entry.fail(f"ends on {end}, before it starts on {start}")
    return start, end


def _stages(entry: _Entry, edition: Edition) -> tuple[Stage, ...]:
    raw = entry.data.get("stages", [])
    if not isinstance(raw, list) or not all(isinstance(s, dict) for s in raw):
        raise entry.fail("'stages' must be a list of { number, date, finish } tables")
    if len(raw) > MAX_STAGES + 1:
        raise entry.fail(f"lists {len(raw)} stages; a race has at most {MAX_STAGES} and a prologue")
    stages = [_stage(entry, edition, i, data) for i, data in enumerate(raw)]
    if not stages:
        return ()
    numbers = [s.number for s in stages]
    first = numbers[0]
    expected = list(range(first, first + len(stages)))
    if first not in (0, 1) or numbers != expected:
        seen = {n for n in numbers if numbers.count(n) > 1}
        why = f"stage {min(seen)} is listed twice" if seen else f"stages are numbered {numbers}"
        raise entry.fail(f"{why}; list every stage in order, 1, 2, 3… (a prologue is 0, first)")
    last = numbers[-1]
    if edition.stage_count is not None and last != edition.stage_count:
        raise entry.fail(f"stage_count is {edition.stage_count} but stages run to {last}")
    for i, (before, after) in enumerate(pairwise(stages), start=1):
        if after.date < before.date:
            line = entry.text.stage_line(entry.index, i)
            raise entry.fail(f"stage {after.number} is dated before stage {before.number}", line)
    return tuple(stages)


def _stage(entry: _Entry, edition: Edition, i: int, data: Mapping[str, Any]) -> Stage:
    stage = _Entry(entry.text, "edition", entry.index, data, entry.text.stage_line(entry.index, i))
    stage.label = f"{entry.label}stage #{i + 1}: "
    stage.only(STAGE_FIELDS)
    number = stage.whole("number", data.get("number"), 0, MAX_STAGES)
    day = stage.day("date", data.get("date"))
    # Estimated dates come before the route: a provisional stage may lack its finish town,
    # and an expected finish time would claim more than an estimate knows.
    finish = stage.name("finish", data.get("finish"), required=not edition.provisional)
    finish_utc = data.get("finish_utc")
    if finish_utc is not None and edition.provisional:
        raise stage.fail("a provisional edition has no expected finish times ('finish_utc')")
    if finish_utc is not None and (not isinstance(finish_utc, time) or finish_utc.tzinfo):
        raise stage.fail(f"'finish_utc' must be a time such as 15:30:00, got {finish_utc!r}")
    if not edition.start <= day <= edition.end:
        raise stage.fail(
            f"stage {number} on {day} is outside the edition ({edition.start} to {edition.end})"
        )
    return Stage(number, day, finish, finish_utc)


def _label(edition: Edition) -> str:
    return f"{edition.race_id} {edition.year}"


# --- on top of a calendar -----------------------------------------------------------------


class _Origins:
    """Which file (and line) each race and edition came from, to point errors at it."""

    def __init__(self, parts: tuple[CalendarPart, ...]) -> None:
        self.last = parts[-1]
        self.part: dict[EntryKey, CalendarPart] = {}
        for part in parts:
            self.part.update(dict.fromkeys(part.lines, part))

    def has(self, key: EntryKey) -> bool:
        return key in self.part

    def fail(self, key: EntryKey, reason: str) -> CalendarError:
        part = self.part.get(key)
        if part is None:  # an earlier entry this one no longer fits: name the new file
            return CalendarError(self.last.source, None, reason)
        return CalendarError(part.source, part.line(key), reason)


def apply(base: Calendar, *parts: CalendarPart, replace: bool = True) -> Calendar:
    """`base` with `parts` on top, in order, checked whole: an edition's race exists and has
    its kind (a one-day race's edition is one day, without stages), counterparts are of the
    other sex, and no name belongs to two races unless they are counterparts or both mark it
    ambiguous. `replace=False` (the bundled files) refuses an id that is already there."""
    if not parts:
        return base
    calendar = base
    for part in parts:
        if not replace:
            _no_repeats(calendar, part)
        calendar = calendar.merged(part.races.values(), part.editions.values())
    origins = _Origins(parts)
    for race in calendar.races.values():
        _check_counterpart(calendar, origins, race)
    for edition in calendar.editions.values():
        if origins.has(("edition", edition.key)) or origins.has(("race", edition.race_id)):
            _check_edition(calendar, origins, edition)
    for key, races in _shared_names(calendar, origins):
        _check_shared(origins, key, races)
    return calendar


def _no_repeats(calendar: Calendar, part: CalendarPart) -> None:
    for race_id in sorted(part.races.keys() & calendar.races.keys()):
        reason = f"race id {race_id!r} is defined twice"
        raise CalendarError(part.source, part.line(("race", race_id)), reason)
    for key in sorted(part.editions.keys() & calendar.editions.keys()):
        reason = f"{key[0]} {key[1]} is defined twice"
        raise CalendarError(part.source, part.line(("edition", key)), reason)


def _check_counterpart(calendar: Calendar, origins: _Origins, race: Race) -> None:
    if race.counterpart is None:
        return
    other = calendar.races.get(race.counterpart)
    where = ("race", race.id)
    if other is None:
        raise origins.fail(where, f"{race.id}: counterpart {race.counterpart!r} is not a race")
    if {race.sex, other.sex} != {"men", "women"}:
        raise origins.fail(
            where,
            f"{race.id}: counterpart {other.id!r} must be the same race for the other sex "
            f"(both are {race.sex})",
        )


def _check_edition(calendar: Calendar, origins: _Origins, edition: Edition) -> None:
    where = ("edition", edition.key)
    race = calendar.races.get(edition.race_id)
    if race is None:
        raise origins.fail(where, f"{_label(edition)}: no race with id {edition.race_id!r}")
    if race.kind == "stage":
        return
    if edition.stages or edition.stage_count is not None:
        raise origins.fail(where, f"{_label(edition)}: {race.name} is {race.kind}, without stages")
    if race.kind == "one-day" and edition.start != edition.end:
        raise origins.fail(
            where, f"{_label(edition)}: {race.name} is a one-day race; give one 'date'"
        )


def _shared_names(calendar: Calendar, origins: _Origins) -> Iterator[tuple[str, list[Race]]]:
    owners: dict[str, list[Race]] = {}
    for race in calendar.races.values():
        for key in dict.fromkeys(name_key(n) for n in race.aliases):
            owners.setdefault(key, []).append(race)
    for key, races in owners.items():
        if len(races) > 1 and any(origins.has(("race", r.id)) for r in races):
            yield key, races


def _check_shared(origins: _Origins, key: str, races: list[Race]) -> None:
    for one, other in combinations(races, 2):
        if one.counterpart == other.id or other.counterpart == one.id:
            continue
        if key in {name_key(n) for n in one.ambiguous} & {name_key(n) for n in other.ambiguous}:
            continue
        mine = one if origins.has(("race", one.id)) else other
        theirs = other if mine is one else one
        name = next(n for n in mine.aliases if name_key(n) == key)
        raise origins.fail(
            ("race", mine.id),
            f"{mine.id}: name {name!r} is also a name of {theirs.id!r}; list it in "
            "'ambiguous' in both races, or link them with 'counterpart'",
        )
