"""Where a publication date falls against a race's editions, for the story's kind.

A `result` needs a race that had begun by publication and ended no more than
`RESULT_DAYS` before it. Two dates are less exact than they look, and get an allowance
before the start:

- a month-only publication date (`MonthDate`) reads as the month's first day, so a
  report from later that month may fall up to `RESULT_LEAD_DAYS` early;
- an edition the calendar does not hold is a known year's dates moved to that year, and
  a race run on a fixed weekday drifts by up to six days from year to year; a provisional
  edition's dates are such an estimate too, and get the same allowance.

A full date against a known edition gets none: a story the day before a race is not its
result. Result words in a story published shortly before a race (`PREVIEW_DAYS`) are
anticipation ("will he win a fourth Ronde?"): the story is read as a preview.
"""

from __future__ import annotations

from datetime import date

from feeds.races.focus import Seasons, dates_of
from feeds.races.model import MonthDate

RESULT_DAYS = 45
RESULT_LEAD_DAYS = 30
"""How far before a race's start a month-only publication date may fall for a result."""
PROJECTED_LEAD_DAYS = 7
"""How far before a projected edition's start (a known year's dates moved) a full date
may fall for a result: a race on a fixed weekday moves by up to six days a year."""
PREVIEW_DAYS = 14
"""A race starting this soon after publication is the one a result-worded story looks
ahead to."""


def _lead_days(seasons: Seasons, race_id: str, year: int, published: date) -> int:
    if isinstance(published, MonthDate):
        return RESULT_LEAD_DAYS
    edition = seasons.edition(race_id, year)
    if edition is None or edition.provisional:
        return PROJECTED_LEAD_DAYS
    return 0


def ran_about(seasons: Seasons, race_id: str, published: date) -> bool:
    """Whether this year's or last year's edition ran about the publication date (true
    when the calendar knows no edition of the race)."""
    found = False
    for year in (published.year, published.year - 1):
        edition = dates_of(seasons, race_id, year)
        if edition is None:
            continue
        found = True
        lead = _lead_days(seasons, race_id, year, published)
        if (edition.start - published).days <= lead and (published - edition.end).days <= (
            RESULT_DAYS
        ):
            return True
    return not found


def starts_soon(seasons: Seasons, race_id: str, published: date) -> bool:
    """Whether an edition starts within `PREVIEW_DAYS` after the publication date."""
    for year in (published.year, published.year + 1):
        edition = dates_of(seasons, race_id, year)
        if edition is not None and 0 < (edition.start - published).days <= PREVIEW_DAYS:
            return True
    return False


def under_way(seasons: Seasons, race_id: str, published: date) -> bool:
    """Whether this year's edition began before the publication day and ended no more than
    `RESULT_DAYS` before it: a story of it is told while or after it is raced. False for a
    month-only date (its day is unknown) and a race the calendar knows no edition of."""
    if isinstance(published, MonthDate):
        return False
    edition = dates_of(seasons, race_id, published.year)
    return (
        edition is not None
        and edition.start < published
        and (published - edition.end).days <= RESULT_DAYS
    )
