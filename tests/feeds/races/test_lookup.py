"""What `/race` and race-day threads ask of the calendar: names in any language, the
edition to show, and a race day's name."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date

import pytest

from feeds.races import Calendar, Edition, Race, Stage, bundled_calendar
from feeds.races.focus import FocusEvidence, Seasons, choose_focus
from feeds.races.lookup import day_label, edition_to_show, race_day, race_names


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    return bundled_calendar()


@pytest.mark.parametrize(
    ("typed", "race_id"),
    [
        ("Il Lombardia", "tour-of-lombardy"),
        ("Ronde van Vlaanderen voor vrouwen", "tour-of-flanders-women"),
        ("Criterium du Dauphine", "criterium-du-dauphine"),  # accents aside
        ("giro-d-italia", "giro-d-italia"),  # an autocomplete choice's value
        ("Liege Bastogne Liege", "liege-bastogne-liege"),  # the canonical name, unaccented
        ("Tirreno Adriatic", "tirreno-adriatico"),  # a typo
    ],
)
def test_a_race_is_found_by_any_of_its_names(calendar, typed, race_id):
    assert race_names(calendar).resolve(typed) == race_id


def test_a_name_two_races_share_is_not_guessed(calendar):
    index = race_names(calendar)
    for shared, races in [
        ("De Ronde", {"tour-of-flanders", "tour-of-flanders-women"}),
        ("la Doyenne", {"liege-bastogne-liege", "liege-bastogne-liege-femmes"}),
    ]:
        assert index.resolve(shared) is None
        assert set(index.candidates(shared)) == races


def test_autocomplete_lists_races_by_a_prefix_of_any_name(calendar):
    labels = [m.label for m in race_names(calendar).search("giro", limit=25)]
    assert "Giro d'Italia" in labels and "Giro d'Italia Women" in labels
    assert all(len(label) <= 100 for label in labels)


def _calendar() -> Calendar:
    race = Race("giro", "Giro d'Italia", "men", "worldtour", "stage")
    stages = (
        Stage(1, date(2026, 5, 8), "Burgas"),
        Stage(2, date(2026, 5, 9), "Veliko Tarnovo"),
        Stage(3, date(2026, 5, 11), "Cosenza"),
    )
    one_day = Race("flanders", "Tour of Flanders", "men", "worldtour", "one-day")
    return Calendar(
        {"giro": race, "flanders": one_day},
        {
            ("giro", 2025): Edition("giro", 2025, date(2025, 5, 9), date(2025, 6, 1), 21),
            ("giro", 2026): Edition("giro", 2026, date(2026, 5, 8), date(2026, 5, 11), 3, stages),
            ("flanders", 2026): Edition("flanders", 2026, date(2026, 4, 5), date(2026, 4, 5)),
        },
    )


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (date(2025, 1, 1), 2025),  # before a season: its edition
        (date(2025, 6, 1), 2025),  # its last day: still this one
        (date(2025, 6, 2), 2026),  # over: the next one
        (date(2026, 5, 10), 2026),  # running
        (date(2027, 3, 1), 2026),  # no later edition known: the latest
    ],
)
def test_the_edition_shown_is_the_running_or_next_one(today, year):
    assert edition_to_show(_calendar(), "giro", today).year == year


def test_a_race_without_editions_has_none_to_show():
    calendar = Calendar({"x": Race("x", "X", "men", "proseries", "one-day")}, {})
    assert edition_to_show(calendar, "x", date(2026, 1, 1)) is None


def test_race_day_labels():
    calendar = _calendar()
    assert race_day(calendar, "giro", 2026, date(2026, 5, 9)).label == (
        "Giro d'Italia 2026 · Stage 2 · 9 May"
    )
    assert race_day(calendar, "giro", 2026, date(2026, 5, 10)).label == (
        "Giro d'Italia 2026 · Rest day · 10 May"
    )
    assert race_day(calendar, "flanders", 2026, date(2026, 4, 5)).label == (
        "Tour of Flanders 2026 · 5 April"
    )


def test_no_race_day_outside_the_edition_or_for_an_unknown_race():
    calendar = _calendar()
    assert race_day(calendar, "giro", 2026, date(2026, 5, 12)) is None  # the day after
    assert race_day(calendar, "giro", 2025, date(2026, 5, 9)) is None  # another edition
    assert race_day(calendar, "nope", 2026, date(2026, 5, 9)) is None


def test_day_labels_are_english_whatever_the_locale():
    assert day_label(date(2026, 12, 1)) == "1 December"


def test_a_provisional_edition_names_no_stage_or_rest_day_it_only_estimates():
    calendar = _calendar()
    giro = dataclasses.replace(calendar.editions[("giro", 2026)], provisional=True)
    estimated = Calendar(calendar.races, {**calendar.editions, ("giro", 2026): giro})
    for day in (date(2026, 5, 9), date(2026, 5, 10)):  # a stage day, then a rest day
        assert race_day(estimated, "giro", 2026, day).label == (
            f"Giro d'Italia 2026 · {day.day} May"
        )


def test_a_result_on_an_estimated_stage_day_names_no_stage():
    seasons = Seasons(bundled_calendar())
    evidence = FocusEvidence(
        ["giro-d-italia"], Counter({"giro-d-italia": 2}), [], [], [], [], False
    )
    # 13 May 2026 is stage 5 of the announced Giro; 12 May 2027 only an estimate of one.
    announced = choose_focus(seasons, "result", evidence, date(2026, 5, 13))
    assert (announced.year, announced.stage) == (2026, 5)
    estimated = choose_focus(seasons, "result", evidence, date(2027, 5, 12))
    assert (estimated.year, estimated.stage) == (2027, None)
