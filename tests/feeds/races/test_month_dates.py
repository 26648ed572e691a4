"""Publication dates against race dates for the kind: a month-only date ("YYYY-MM", read
as the month's first day) may fall before the race it reports; a full date may not, so a
story the day before a race is not its result (feeds/races/timing.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.evaluation import parse_published
from feeds.races.kind import KindEvidence, decide_kind
from feeds.races.model import MonthDate
from feeds.races.timing import ran_about, starts_soon
from feeds.tagger import Tagger

# The 2025 Tour of Flanders (men's and women's) is on the calendar for 6 April 2025.
RACE_DAY = date(2025, 4, 6)
EVE = date(2025, 4, 5)

ANTICIPATION = [
    (
        "en",
        "Can Mathieu van der Poel win a fourth Tour of Flanders?",
        "Mathieu van der Poel has won the Tour of Flanders three times. Tadej Pogačar "
        "won it last year and is the man to beat on the Oude Kwaremont.",
    ),
    (
        "fr",
        "Tadej Pogačar peut-il gagner le Tour des Flandres ?",
        "Vainqueur l'an dernier, Tadej Pogačar retrouve Mathieu van der Poel, déjà "
        "victorieux trois fois, sur les pavés du Tour des Flandres.",
    ),
    (
        "nl",
        "Wint Mathieu van der Poel voor de vierde keer de Ronde van Vlaanderen?",
        "Mathieu van der Poel won de Ronde van Vlaanderen al drie keer; Tadej Pogačar "
        "is de grote uitdager op de Oude Kwaremont.",
    ),
]


def test_month_only_dates_are_month_dates_and_full_dates_are_not() -> None:
    month = parse_published("2025-04")
    assert isinstance(month, MonthDate) and month == date(2025, 4, 1)
    assert isinstance(parse_published("2025"), MonthDate)
    full = parse_published("2025-04-05")
    assert full == EVE and not isinstance(full, MonthDate)
    assert not isinstance(parse_published("2025-04-05T21:30:00Z"), MonthDate)


@pytest.mark.parametrize(("language", "title", "text"), ANTICIPATION)
def test_a_full_dated_story_the_day_before_a_race_is_a_preview(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    tags = tagger.tag(title, text, EVE, True, language=language)
    assert tags.kind == "preview"
    focus = tags.race_focus
    assert focus is not None and (focus.race_id, focus.year) == ("tour-of-flanders", 2025)


@pytest.mark.parametrize(("language", "title", "text"), ANTICIPATION)
def test_a_month_dated_story_keeps_the_month_s_allowance(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    # "2025-04" reads as 1 April, five days before the race: it may be the report.
    tags = tagger.tag(title, text, parse_published("2025-04"), True, language=language)
    assert tags.kind == "result"


def test_a_report_on_race_day_is_a_result(tagger: Tagger) -> None:
    tags = tagger.tag(
        "Van der Poel wins a fourth Tour of Flanders",
        "Mathieu van der Poel won the Tour of Flanders for a fourth time, ahead of Tadej Pogačar.",
        RACE_DAY,
        True,
        language="en",
    )
    assert tags.kind == "result"


def test_a_projected_edition_allows_for_its_weekday_drift(tagger: Tagger) -> None:
    # The calendar holds Flanders from 2024: 2023's is 2025's date moved (6 April), while
    # the race was run on 2 April 2023.
    tags = tagger.tag(
        "Van der Poel wins the Tour of Flanders",
        "Mathieu van der Poel won the Tour of Flanders ahead of Tadej Pogačar.",
        date(2023, 4, 2),
        True,
        language="en",
    )
    assert tags.kind == "result"


def test_the_allowance_before_a_race_depends_on_the_date_s_precision(tagger: Tagger) -> None:
    seasons = tagger.races.seasons
    assert ran_about(seasons, "tour-of-flanders", RACE_DAY)
    assert not ran_about(seasons, "tour-of-flanders", EVE)
    assert ran_about(seasons, "tour-of-flanders", MonthDate(2025, 4, 1))
    # 2021 has no edition: 2022's (3 April) moved to 2021, give or take a day; 2023's is
    # in the calendar (2 April), and its eve is not race day.
    assert ran_about(seasons, "tour-of-flanders", date(2021, 4, 4))  # projected edition
    assert not ran_about(seasons, "tour-of-flanders", date(2023, 4, 1))
    assert starts_soon(seasons, "tour-of-flanders", EVE)
    assert not starts_soon(seasons, "tour-of-flanders", RACE_DAY)
    assert not starts_soon(seasons, "tour-of-flanders", date(2025, 2, 1))

    # 2027's edition is provisional (4 April, estimated): a full date a few days before
    # the estimate may be the race day, as for a projected edition; a week off is not.
    assert seasons.edition("tour-of-flanders", 2027).provisional
    assert ran_about(seasons, "tour-of-flanders", date(2027, 3, 30))
    assert not ran_about(seasons, "tour-of-flanders", date(2027, 3, 27))


def _evidence(title: dict[str, int], *, near: bool, ahead: bool) -> KindEvidence:
    return KindEvidence(
        Counter(title),
        Counter(),
        has_race=True,
        cycling=True,
        is_transfer=False,
        race_near=near,
        title_team=False,
        title_race=True,
        race_ahead=ahead,
        race_far=not near,
    )


def test_result_words_before_a_race_about_to_start_are_a_preview_s() -> None:
    assert decide_kind(_evidence({"result": 2}, near=False, ahead=True)) == "preview"
    assert decide_kind(_evidence({"result": 2}, near=True, ahead=True)) == "result"
    assert decide_kind(_evidence({"result": 2}, near=False, ahead=False)) == "other"
