"""The 2022 and 2023 WorldTour editions (feeds/races/data/worldtour-2022-2023.toml): news of
those years still names them, and a stage report needs its edition's stage days."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races import bundled_calendar
from feeds.tagger import Tagger
from tests.feeds.races.test_calendar_data import MEN_2025

CANCELLED_2022 = {
    "tour-down-under",
    "cadel-evans-great-ocean-road-race",
    "benelux-tour",
    "tour-of-guangxi",
}
"""Men's WorldTour races not run in 2022 (Covid rules in Australia and China; the Benelux
Tour for want of police escorts)."""

NOT_YET_WORLDTOUR = {"copenhagen-sprint"}
"""First run in 2025."""


@pytest.fixture(scope="module")
def calendar():
    return bundled_calendar()


@pytest.mark.parametrize(
    ("year", "left_out"),
    [(2022, CANCELLED_2022 | NOT_YET_WORLDTOUR), (2023, NOT_YET_WORLDTOUR)],
)
def test_every_mens_worldtour_race_that_ran_has_its_edition(calendar, year, left_out):
    missing = [r for r in MEN_2025 if r not in left_out and calendar.edition(r, year) is None]
    assert missing == []
    extra = [r for r in CANCELLED_2022 if calendar.edition(r, 2022) is not None]
    assert extra == [], "a cancelled race has no edition"


@pytest.mark.parametrize(
    ("race_id", "year", "start", "end", "finishes"),
    [
        ("giro-d-italia", 2022, date(2022, 5, 6), date(2022, 5, 29), {4: "Etna", 21: "Verona"}),
        ("tour-de-france", 2022, date(2022, 7, 1), date(2022, 7, 24), {4: "Calais"}),
        (
            "vuelta-a-espana",
            2022,
            date(2022, 8, 19),
            date(2022, 9, 11),
            {20: "Puerto de Navacerrada"},
        ),
        ("giro-d-italia", 2023, date(2023, 5, 6), date(2023, 5, 28), {20: "Monte Lussari"}),
        ("tour-de-france", 2023, date(2023, 7, 1), date(2023, 7, 23), {9: "Puy de Dôme"}),
        ("vuelta-a-espana", 2023, date(2023, 8, 26), date(2023, 9, 17), {17: "Altu de l'Angliru"}),
        ("tour-de-france-femmes", 2022, date(2022, 7, 24), date(2022, 7, 31), {7: "Le Markstein"}),
        (
            "giro-d-italia-women",
            2023,
            date(2023, 6, 30),
            date(2023, 7, 9),
            {9: "Olbia"},
        ),
        (
            "la-vuelta-femenina",
            2023,
            date(2023, 5, 1),
            date(2023, 5, 7),
            {7: "Lagos de Covadonga"},
        ),
        (
            "tour-de-france-femmes",
            2023,
            date(2023, 7, 23),
            date(2023, 7, 30),
            {7: "Col du Tourmalet"},
        ),
    ],
)
def test_grand_tours_of_2022_and_2023_have_every_stage(
    calendar, race_id, year, start, end, finishes
):
    edition = calendar.edition(race_id, year)
    assert (edition.start, edition.end) == (start, end)
    assert [s.number for s in edition.stages] == list(range(1, edition.stage_count + 1))
    assert all(s.finish for s in edition.stages)
    # Rest days fall between stages: the days only ever move forward, one or two at a time.
    gaps = {
        (b.date - a.date).days for a, b in zip(edition.stages, edition.stages[1:], strict=False)
    }
    assert gaps <= {1, 2}
    assert {n: edition.stage(n).finish for n in finishes} == finishes


@pytest.mark.parametrize(
    ("language", "title", "text", "published", "expected"),
    [
        (
            "en",
            "Woods soars to Tour de France victory on the Puy de Dôme",
            "Michael Woods won the stage from the breakaway as Tadej Pogačar gained time.",
            date(2023, 7, 9),
            "Tour de France 2023 stage 9",
        ),
        (
            "no",
            "Jakobsen spurtet inn til seier i Tour de France",
            "Fabio Jakobsen vant etappen etter en massespurt.",
            date(2022, 7, 2),
            "Tour de France 2022 stage 2",
        ),
        (
            "fr",
            "Tour d'Italie : victoire de Demare au sprint à Messine",
            "Arnaud Démare a remporté l'étape devant Caleb Ewan.",
            date(2022, 5, 11),
            "Giro d'Italia 2022 stage 5",
        ),
    ],
)
def test_a_result_on_a_2022_or_2023_race_day_has_that_days_stage(
    tagger: Tagger, language: str, title: str, text: str, published: date, expected: str
) -> None:
    tags = tagger.tag(title, text, published, True, language=language)
    focus = tags.race_focus
    assert focus is not None
    name = tagger.races.calendar.races[focus.race_id].name
    assert f"{name} {focus.year} stage {focus.stage}" == expected
