"""Test cases kept as data: the TOML files in this folder, read and checked here.

A newcomer adds a case (or a language's cases) by editing a file, not Python; each file's
header says what its cases hold and which test reads them. A file that cannot be read, or a
case with a missing, unknown or mistyped key, raises `CaseError` naming the file, the case
and what is wrong, so the test module fails to load instead of skipping the case.

In a case's `text`, lines are joined with a single space and a blank line starts a new
paragraph ("\\n\\n"), so an article can be wrapped as it reads.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from feeds.models import MOVE_STAGES

CASES_DIR = Path(__file__).resolve().parent

STATUSES = ("confirmed", "rumour")

MoveKey = tuple[str, str | None, str]
"""(person, the team moved to or None for no team, status), as the tests compare moves."""


class CaseError(ValueError):
    """A case file that cannot be used: names the file (and line), the case and the fault."""


class Story(NamedTuple):
    """A story for the extractor, its mentions made by the test (written.toml, shapes.toml)."""

    title: str
    text: str
    published: str | None  # "YYYY-MM-DD", None when undated
    entities: list[str]
    descriptions: dict[str, str]
    is_transfer: bool
    moves: set[MoveKey]


class RaceReport(NamedTuple):
    """An undated race report that is no transfer news (race_reports.toml)."""

    title: str
    text: str
    entities: list[str]


class TaggedShape(NamedTuple):
    """A story through the whole tagger and the bundled roster (tagged_shapes.toml)."""

    name: str
    published: date | None
    title: str
    text: str
    is_transfer: bool
    moves: set[MoveKey]
    stages: dict[str, str]
    """Person -> the rung of the rumour ladder the story puts their move on (optional)."""


class CorpusNotes(NamedTuple):
    """What the tests add to the development corpus (dev_corpus.toml)."""

    negatives: list[str]
    descriptions: dict[str, dict[str, str]]


# --- checking one value ---------------------------------------------------------------


class _Bad(Exception):
    """A value of the wrong shape; the loader adds the file, case and key."""


def fold_text(text: str) -> str:
    """Lines joined with one space; a blank line between paragraphs becomes "\\n\\n"."""
    paragraphs = re.split(r"\n[ \t]*\n\s*", text.strip())
    return "\n\n".join(
        " ".join(line.strip() for line in paragraph.splitlines() if line.strip())
        for paragraph in paragraphs
    )


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"must be a non-empty string, not {value!r}")
    return value


def _article(value: Any) -> str:
    return fold_text(_string(value))


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"must be true or false, not {value!r}")
    return value


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Bad(f"must be a list of non-empty strings, not {value!r}")
    return list(value)


def _phrases(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(v, str) and v.strip() and k.strip() for k, v in value.items()
    ):
        raise _Bad(f'must be a table of "phrase" = "entity", not {value!r}')
    return dict(value)


def _stages(value: Any) -> dict[str, str]:
    stages = _phrases(value)
    wrong = {k: v for k, v in stages.items() if v not in MOVE_STAGES}
    if wrong:
        raise _Bad(f"stages must be one of {MOVE_STAGES}, not {wrong}")
    return stages


def _day(value: Any) -> date | None:
    if value == "undated":
        return None
    # A TOML date-time is a `datetime`, itself a `date`: only a plain date is meant here.
    if type(value) is not date:
        raise _Bad(f'must be a date (2024-08-20) or "undated", not {value!r}')
    return value


def _day_text(value: Any) -> str | None:
    day = _day(value)
    return None if day is None else day.isoformat()


def _moves(value: Any) -> set[MoveKey]:
    if not isinstance(value, list):
        raise _Bad(f"must be a list of {{ person, to, status }} tables, not {value!r}")
    moves: set[MoveKey] = set()
    for i, move in enumerate(value, 1):
        if not isinstance(move, dict):
            raise _Bad(f"move {i} must be a table {{ person, to, status }}, not {move!r}")
        unknown = sorted(set(move) - {"person", "to", "status"})
        if unknown:
            raise _Bad(f"move {i} has unknown keys {unknown} (keys: person, to, status)")
        for key in ("person", "status"):
            if key not in move:
                raise _Bad(f"move {i} is missing {key!r}")
        person = _string(move["person"])
        to = _string(move["to"]) if "to" in move else None
        if move["status"] not in STATUSES:
            raise _Bad(f"move {i}: status must be one of {STATUSES}, not {move['status']!r}")
        key = (person, to, move["status"])
        if key in moves:
            raise _Bad(f"move {i} repeats {key}")
        moves.add(key)
    return moves


# --- reading a file ---------------------------------------------------------------------

_Field = tuple[Callable[[Any], Any], Any]  # (check and convert, default; _REQUIRED if none)
_REQUIRED = object()

_STORY: dict[str, _Field] = {
    "title": (_string, _REQUIRED),
    "text": (_article, _REQUIRED),
    "published": (_day_text, _REQUIRED),
    "entities": (_strings, _REQUIRED),
    "descriptions": (_phrases, {}),
    "is_transfer": (_flag, _REQUIRED),
    "moves": (_moves, _REQUIRED),
}
_RACE_REPORT: dict[str, _Field] = {
    "title": (_string, _REQUIRED),
    "text": (_article, _REQUIRED),
    "entities": (_strings, _REQUIRED),
}
_TAGGED_SHAPE: dict[str, _Field] = {
    "name": (_string, _REQUIRED),
    "published": (_day, _REQUIRED),
    "title": (_string, _REQUIRED),
    "text": (_article, _REQUIRED),
    "is_transfer": (_flag, _REQUIRED),
    "moves": (_moves, _REQUIRED),
    "stages": (_stages, {}),
}


def _path(name: str | Path) -> Path:
    """A file of this folder by name; a path elsewhere (a test's tmp_path) as it is."""
    return CASES_DIR / name


def _read(path: Path, keys: Mapping[str, bool]) -> tuple[str, dict[str, Any]]:
    """The file's text and data; `keys`: the top-level keys it may hold, True if required."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CaseError(f"{path}: cannot read the case file: {exc}") from None
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise CaseError(f"{path}: unknown top-level keys {unknown} (expected {sorted(keys)})")
    missing = sorted(key for key, required in keys.items() if required and key not in data)
    if missing:
        raise CaseError(f"{path}: missing top-level keys {missing}")
    return text, data


def _cases(path: Path, fields: Mapping[str, _Field], label: str) -> list[dict[str, Any]]:
    """Each [[case]] of the file, checked and converted, in order."""
    text, data = _read(path, {"case": True})
    entries = data["case"]
    if not isinstance(entries, list) or not entries:
        raise CaseError(f"{path}: 'case' must be one or more [[case]] tables")
    headers = [
        text.count("\n", 0, m.start()) + 1
        for m in re.finditer(r"^[ \t]*\[\[[ \t]*case[ \t]*\]\]", text, re.MULTILINE)
    ]
    out = []
    for i, entry in enumerate(entries):
        line = f":{headers[i]}" if i < len(headers) else ""
        title = entry.get(label) if isinstance(entry, dict) else None
        where = f"{path}{line}: case {i + 1}" + (f" ({title!r})" if isinstance(title, str) else "")
        if not isinstance(entry, dict):
            raise CaseError(f"{where}: must be a [[case]] table")
        unknown = sorted(set(entry) - set(fields))
        if unknown:
            raise CaseError(f"{where}: unknown keys {unknown} (keys: {', '.join(fields)})")
        values = {}
        for key, (convert, default) in fields.items():
            if key not in entry:
                if default is _REQUIRED:
                    raise CaseError(f"{where}: missing key {key!r}")
                values[key] = convert(default)  # a fresh copy for each case
                continue
            try:
                values[key] = convert(entry[key])
            except _Bad as exc:
                raise CaseError(f"{where}: {key!r} {exc}") from None
        out.append(values)
    return out


def load_stories(name: str | Path) -> list[Story]:
    """Stories with their entities and the moves expected (written.toml, shapes.toml)."""
    return [Story(**case) for case in _cases(_path(name), _STORY, "title")]


def load_race_reports(name: str | Path) -> list[RaceReport]:
    return [RaceReport(**case) for case in _cases(_path(name), _RACE_REPORT, "title")]


def load_tagged_shapes(name: str | Path) -> list[TaggedShape]:
    return [TaggedShape(**case) for case in _cases(_path(name), _TAGGED_SHAPE, "name")]


def load_sentences(name: str | Path, keys: tuple[str, ...]) -> dict[str, list[str]]:
    """Lists of one-sentence texts under the given top-level keys (all required)."""
    path = _path(name)
    _, data = _read(path, dict.fromkeys(keys, True))
    out = {}
    for key in keys:
        try:
            out[key] = _strings(data[key])
        except _Bad as exc:
            raise CaseError(f"{path}: {key!r} {exc}") from None
        if not out[key]:
            raise CaseError(f"{path}: {key!r} lists no sentence")
    return out


def load_corpus_notes(name: str | Path) -> CorpusNotes:
    """Corpus story ids that are no transfer news, and descriptions by story id."""
    path = _path(name)
    _, data = _read(path, {"negatives": True, "descriptions": False})
    try:
        negatives = _strings(data["negatives"])
    except _Bad as exc:
        raise CaseError(f"{path}: 'negatives' {exc}") from None
    descriptions = {}
    tables = data.get("descriptions", {})
    if not isinstance(tables, dict):
        raise CaseError(f"{path}: 'descriptions' must hold a [descriptions.<story id>] table")
    for story_id, phrases in tables.items():
        try:
            descriptions[story_id] = _phrases(phrases)
        except _Bad as exc:
            raise CaseError(f"{path}: [descriptions.{story_id}] {exc}") from None
    return CorpusNotes(negatives, descriptions)
