"""The race calendar: races, their names in the feed languages, and dated editions.

Bundled data lives in `feeds/races/data/*.toml`; files in the same format can be loaded
on top (`domestique races import FILE` keeps them in the database), so an operator can
add a race or next year's dates without a release. A file is checked whole before
anything from it is used: a malformed one is refused with its line and the reason.

File format (TOML; both table arrays are optional)::

    [[race]]
    id = "tour-of-flanders"             # stable slug, never reused
    name = "Tour of Flanders"           # the usual English name (the corpus's canonical)
    sex = "men"                         # men | women | both (championships, Olympics)
    class = "worldtour"                 # worldtour | proseries | championship | olympics
    kind = "one-day"                    # one-day | stage | events (several one-day events:
                                        #   road races and time trials of a championship)
    country = "BEL"                     # IOC code; left out for a race that moves
    counterpart = "tour-of-flanders-women"  # the same race for the other sex: they may
                                        #   share names ("De Ronde" is both)
    ambiguous = []                      # names shared with another race that marks them too
    [race.names]                        # last: every key after it is a language
    nl = ["Ronde van Vlaanderen", "De Ronde"]
    fr = ["Tour des Flandres"]

    [[edition]]
    race = "tour-of-flanders"
    year = 2025
    date = 2025-04-06                   # one day; otherwise start = … and end = …

    [[edition]]
    race = "tour-de-france"
    year = 2025
    start = 2025-07-05
    end = 2025-07-27
    stage_count = 21                    # stages 1..N; a prologue (stage 0) is extra
    stages = [                          # all of them in order, or none
      { number = 1, date = 2025-07-05, finish = "Lille" },
      { number = 2, date = 2025-07-06, finish = "Boulogne-sur-Mer", finish_utc = 15:20:00 },
    ]                                   # finish_utc: expected finish, UTC, where known

    [[edition]]
    race = "world-championships"
    year = 2025
    start = 2025-09-21
    end = 2025-09-28
    host = "Kigali"                     # where a race that moves is held

    [[edition]]
    race = "giro-d-italia"
    year = 2027
    start = 2027-05-07
    end = 2027-05-30
    provisional = true                  # dates estimated, not announced (default false)
    stage_count = 21
    stages = [                          # all of them, as above; a provisional stage
      { number = 1, date = 2027-05-07 },  #   may leave out its finish, and none has a
      # … up to stage 21                #   finish_utc
    ]

A provisional edition holds dates estimated from the race's place in the season before
the organiser announces them: `/race` shows them as provisional, never as fact. An official
edition (no `provisional`) with the same race and year replaces it, in whatever order the
two are loaded; a provisional one never replaces an official one.

Men's and women's races are separate races (Paris-Roubaix and Paris-Roubaix Femmes);
a championship or the Olympics is one race for both sexes and every road event. Names
compare folded (case, accents and punctuation aside); a name may belong to two races only
when they are counterparts or both list it in `ambiguous`. Files loaded on top replace a
race or an edition with the same id; the bundled files may not repeat one.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from feeds.races.dump import dump_calendar, dump_entries
from feeds.races.model import (
    RACE_CLASSES,
    RACE_KINDS,
    SEXES,
    Calendar,
    CalendarError,
    Edition,
    Race,
    Stage,
    name_key,
    outranked,
)
from feeds.races.parse import CalendarPart, apply, parse_calendar

__all__ = [
    "RACE_CLASSES",
    "RACE_KINDS",
    "SEXES",
    "Calendar",
    "CalendarError",
    "CalendarPart",
    "Edition",
    "Race",
    "Stage",
    "apply",
    "bundled_calendar",
    "bundled_files",
    "dump_calendar",
    "dump_entries",
    "load_calendar",
    "name_key",
    "outranked",
    "parse_calendar",
    "read_calendar_file",
]


def bundled_files() -> list[Traversable]:
    """The calendar's data files shipped with the package (feeds/races/data/*.toml)."""
    folder = resources.files("feeds.races") / "data"
    return sorted(
        (item for item in folder.iterdir() if item.name.endswith(".toml")),
        key=lambda item: item.name,
    )


def bundled_calendar() -> Calendar:
    """Every bundled file on top of the ones before; an id may not repeat across files."""
    parts = [
        parse_calendar(item.read_text(encoding="utf-8"), f"feeds/races/data/{item.name}")
        for item in bundled_files()
    ]
    # Checked together: a women's race may name its men's counterpart in another file.
    return apply(Calendar(), *parts, replace=False)


def read_calendar_file(path: str | Path) -> tuple[str, CalendarPart]:
    """A file's text and what it holds, checked on its own (not yet on a calendar)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CalendarError(str(path), None, f"cannot read: {exc}") from None
    return text, parse_calendar(text, str(path))


def load_calendar(imports: Iterable[tuple[str, str]] = ()) -> Calendar:
    """The bundled calendar with stored imports (database) on top, oldest first; each
    import is (where it came from, for messages; its text)."""
    parts = [parse_calendar(text, source) for source, text in imports]
    return apply(bundled_calendar(), *parts)
