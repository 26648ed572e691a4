"""The calendar written back as a calendar file (`domestique races export`).

Written by hand rather than with tomli_w so that the file reads like the bundled ones:
one stage a line, one language a line, and it imports back unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, time

from feeds.races.model import Calendar, Edition, Race


def dump_calendar(calendar: Calendar) -> str:
    """Races first (by id), then editions (by race, year)."""
    return dump_entries(calendar.races.values(), calendar.editions.values())


def dump_entries(races: Iterable[Race], editions: Iterable[Edition]) -> str:
    blocks = [_race(r) for r in sorted(races, key=lambda r: r.id)]
    blocks += [_edition(e) for e in sorted(editions, key=lambda e: e.key)]
    return "\n".join(blocks)


def _string(value: str) -> str:
    # A JSON string is a valid TOML basic string (the same escapes).
    return json.dumps(value, ensure_ascii=False)


def _strings(values: Iterable[str]) -> str:
    return "[" + ", ".join(_string(v) for v in values) + "]"


def _value(value: str | int | date | time) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    return value.isoformat()


def _race(race: Race) -> str:
    lines = [
        "[[race]]",
        f"id = {_string(race.id)}",
        f"name = {_string(race.name)}",
        f"sex = {_string(race.sex)}",
        f"class = {_string(race.race_class)}",
        f"kind = {_string(race.kind)}",
    ]
    if race.country:
        lines.append(f"country = {_string(race.country)}")
    if race.counterpart:
        lines.append(f"counterpart = {_string(race.counterpart)}")
    if race.ambiguous:
        lines.append(f"ambiguous = {_strings(race.ambiguous)}")
    if race.names:
        # A table of its own (last: every key after it belongs to it), one language a line.
        lines.append("[race.names]")
        lines += [f"{language} = {_strings(names)}" for language, names in race.names.items()]
    return "\n".join(lines) + "\n"


def _edition(edition: Edition) -> str:
    lines = [
        "[[edition]]",
        f"race = {_string(edition.race_id)}",
        f"year = {edition.year}",
    ]
    if edition.start == edition.end and not edition.stages and edition.stage_count is None:
        lines.append(f"date = {_value(edition.start)}")
    else:
        lines += [f"start = {_value(edition.start)}", f"end = {_value(edition.end)}"]
    if edition.stage_count is not None:
        lines.append(f"stage_count = {edition.stage_count}")
    if edition.host:
        lines.append(f"host = {_string(edition.host)}")
    if edition.provisional:
        lines.append("provisional = true")
    if edition.stages:
        lines.append("stages = [")
        for stage in edition.stages:
            fields: dict[str, str | int | date | time] = {
                "number": stage.number,
                "date": stage.date,
            }
            if stage.finish is not None:
                fields["finish"] = stage.finish
            if stage.finish_utc is not None:
                fields["finish_utc"] = stage.finish_utc
            inner = ", ".join(f"{key} = {_value(value)}" for key, value in fields.items())
            lines.append(f"  {{ {inner} }},")
        lines.append("]")
    return "\n".join(lines) + "\n"
