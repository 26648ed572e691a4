"""The season an undated story reads as: the one its season-fixing names agree on.

A story without a date is read as from the recent past (`careers.UNDATED_GRACE_SEASONS`),
which drops the riders who retired since ("seven B&B Hotels riders without a team for
2023: Jens Debusschere, ..."). Some names fix a season: a retired rider (racing only
until then), a team name used only in some seasons, a year the story writes. A current
rider fixes none: his career fits today as well as any season since it began, so he
never votes; but he fits no season before it began (Paul Seixas, since 2025), so it vetoes
them. An old season needs MIN_DATED_NAMES such names agreeing on it (the latest
on a tie); one retired rider among today's riders ("Philippe Gilbert praised Pogacar")
moves nothing. A team name in force only since some season ("Red Bull-Bora-Hansgrohe",
since 2024) fits no season before it, so it vetoes them. A year the story writes also
bounds it from below: a story naming 2026 is from 2025 at the earliest ("directeurs
sportifs en 2026"), whatever the old names of its retired riders say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from feeds.roster import Person, Team
from feeds.text.fold import fold_word

# Seasons back from today an undated story may be placed in.
OLDEST_SEASON_BACK = 12
# A season is inferred only from this many dated names or more: one rider alone
# (a retired rider named in today's story) must not move the story back.
MIN_DATED_NAMES = 2
# Mid-season: the day an inferred season stands for (before the season-end rule applies).
INFERRED_DAY = (6, 30)
_YEAR = re.compile(r"(?<![\d.,:/-])(?:19|20)\d\d(?![\d.,:/-]\d)")


def earliest_season(text: str, this_season: int) -> int | None:
    """The season before the latest year the story writes (a story about "2023" may be
    from the winter before it); None when it writes none in the seasons inferred."""
    years = [int(y) for y in _YEAR.findall(text)]
    years = [y for y in years if this_season - OLDEST_SEASON_BACK <= y <= this_season + 1]
    return max(years) - 1 if years else None


def career_span(person: Person) -> tuple[int | None, int | None]:
    """First and last season of a rider's recorded career (None: open)."""
    starts = [s.start for s in person.stints if s.start is not None]
    first = min(starts) if starts else None
    return first, person.retired


def team_name_span(team: Team, written: str) -> tuple[int | None, int | None] | None:
    """Seasons in which `written` (as the story spells it) was the team's dated name;
    None when it is no dated name (an alias fits every season)."""
    key = fold_word(written)
    for name in team.names:
        if (name.start or name.end) and fold_word(name.name) == key:
            return (
                name.start.year if name.start else None,
                name.end.year if name.end else None,
            )
    return None


def best_season(
    spans: Iterable[tuple[int | None, int | None]],
    this_season: int,
    floor: int | None = None,
    vetoes: Iterable[int] = (),
) -> int | None:
    """The latest season that MIN_DATED_NAMES closed spans or more agree on, from `floor`
    (else OLDEST_SEASON_BACK seasons ago) to this one and from the latest of `vetoes` (the
    first seasons of names that fit only since then); None when there is none. An open
    span (a current career) fixes no season and is not counted."""
    closed = [(first, last) for first, last in spans if last is not None]
    if len(closed) < MIN_DATED_NAMES:
        return None
    oldest = this_season - OLDEST_SEASON_BACK if floor is None else min(floor, this_season)
    oldest = max([oldest, *vetoes])
    best, best_count = None, MIN_DATED_NAMES - 1
    for season in range(oldest, this_season + 1):
        count = sum(
            1 for first, last in closed if (first is None or first <= season) and season <= last
        )
        if count >= best_count:  # later seasons win ties
            best, best_count = season, count
    return best


def written_years(text: str, this_season: int) -> list[tuple[int, int]]:
    """Each year the story writes as a closed span: the season it names and the one
    before (a story about "2023" may be from the winter before it)."""
    years = {int(y) for y in _YEAR.findall(text)}
    return [
        (y - 1, y) for y in sorted(years) if this_season - OLDEST_SEASON_BACK <= y <= this_season
    ]


def inferred_date(
    riders: Iterable[str],
    teams: Iterable[tuple[str, str]],
    people: Mapping[str, Person],
    team_table: Mapping[str, Team],
    this_season: int,
    text: str = "",
) -> date | None:
    """The date an undated story stands for, from the riders (person ids, retired ones
    included) and teams (team id, text as written) it names and the years its `text`
    writes; None to keep today."""
    spans: list[tuple[int | None, int | None]] = []
    vetoes: list[int] = []
    for pid in dict.fromkeys(riders):
        person = people.get(pid)
        if person is not None and person.kind == "rider":
            span = career_span(person)
            spans.append(span)
            if span[1] is None and span[0] is not None:
                vetoes.append(span[0])  # not yet racing before then: no older season fits
    for team_id, written in dict.fromkeys(teams):
        team = team_table.get(team_id)
        span = team_name_span(team, written) if team is not None else None
        if span is None:
            continue
        spans.append(span)
        if span[1] is None and span[0] is not None:
            vetoes.append(span[0])  # in force only since then: no older season fits it
    spans.extend(written_years(text, this_season))
    season = best_season(spans, this_season, earliest_season(text, this_season), vetoes)
    if season is None:
        return None
    return date(season, *INFERRED_DAY)
