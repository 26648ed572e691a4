"""The bundled calendar: it loads, holds every WorldTour race with its dates, and its
names find the races stories call by a nickname.

The WorldTour lists below are data: a race or an edition of 2025-2027 missing from the
calendar fails. Dates no source gives are marked provisional, and only where the data
files' headers say so: 2027, before the UCI publishes it, and the one 2026 race listed."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races import bundled_calendar, dump_calendar, load_calendar

MEN_2025 = [
    "tour-down-under",
    "cadel-evans-great-ocean-road-race",
    "uae-tour",
    "omloop-het-nieuwsblad",
    "strade-bianche",
    "paris-nice",
    "tirreno-adriatico",
    "milan-san-remo",
    "volta-a-catalunya",
    "classic-brugge-de-panne",
    "e3-saxo-classic",
    "gent-wevelgem",
    "dwars-door-vlaanderen",
    "tour-of-flanders",
    "tour-of-the-basque-country",
    "paris-roubaix",
    "amstel-gold-race",
    "la-fleche-wallonne",
    "liege-bastogne-liege",
    "tour-de-romandie",
    "eschborn-frankfurt",
    "giro-d-italia",
    "criterium-du-dauphine",
    "tour-de-suisse",
    "copenhagen-sprint",
    "tour-de-france",
    "clasica-san-sebastian",
    "tour-of-poland",
    "benelux-tour",
    "hamburg-cyclassics",
    "vuelta-a-espana",
    "bretagne-classic",
    "grand-prix-de-quebec",
    "grand-prix-de-montreal",
    "tour-of-lombardy",
    "tour-of-guangxi",
]
"""The 36 races of the 2025 UCI WorldTour; the same 36 in 2026 and 2027 (the UCI kept
every race for the 2026-2028 cycle)."""

WORLDTOUR = {2025: MEN_2025, 2026: MEN_2025, 2027: MEN_2025}

WOMEN_2025 = [
    "tour-down-under-women",
    "cadel-evans-great-ocean-road-race-women",
    "uae-tour-women",
    "omloop-het-nieuwsblad-women",
    "strade-bianche-women",
    "trofeo-alfredo-binda",
    "milan-san-remo-women",
    "classic-brugge-de-panne-women",
    "gent-wevelgem-women",
    "tour-of-flanders-women",
    "paris-roubaix-femmes",
    "amstel-gold-race-women",
    "la-fleche-wallonne-femmes",
    "liege-bastogne-liege-femmes",
    "la-vuelta-femenina",
    "itzulia-women",
    "vuelta-a-burgos-feminas",
    "tour-of-britain-women",
    "tour-de-suisse-women",
    "copenhagen-sprint-women",
    "giro-d-italia-women",
    "tour-de-france-femmes",
    "tour-de-romandie-feminin",
    "classic-lorient-agglomeration",
    "simac-ladies-tour",
    "tour-of-chongming-island",
    "tour-of-guangxi-women",
]
"""27 of the 28 races the UCI counted for 2025 (the 28th was not identified)."""

# 2026: Dwars door Vlaanderen joined, the Simac Ladies Tour left (27 events, UCI).
WOMEN_2026 = [r for r in WOMEN_2025 if r != "simac-ladies-tour"] + ["dwars-door-vlaanderen-women"]
WOMENS_WORLDTOUR = {2025: WOMEN_2025, 2026: WOMEN_2026, 2027: WOMEN_2026}

PROVISIONAL_BEFORE_2027 = {("classic-lorient-agglomeration", 2026)}
"""Editions before 2027 whose dates no source gives (see women-worldtour.toml)."""


@pytest.fixture(scope="module")
def calendar():
    return bundled_calendar()


def test_the_bundled_calendar_loads(calendar):
    assert len(calendar.races) >= 100
    assert len(calendar.editions) >= 200
    assert load_calendar().races == calendar.races


@pytest.mark.parametrize(
    ("series", "sex"), [(WORLDTOUR, "men"), (WOMENS_WORLDTOUR, "women")], ids=["men", "women"]
)
def test_every_worldtour_race_has_its_dated_editions(calendar, series, sex):
    unknown = sorted({r for races in series.values() for r in races} - calendar.races.keys())
    assert unknown == [], "WorldTour races missing from the calendar"
    for races in series.values():
        for race_id in races:
            race = calendar.races[race_id]
            assert (race.sex, race.race_class) == (sex, "worldtour"), race_id
    missing = [
        (race_id, year)
        for year, races in series.items()
        for race_id in races
        if calendar.edition(race_id, year) is None
    ]
    assert missing == [], "WorldTour editions missing"


def test_estimated_dates_are_marked_provisional_and_only_where_no_source_gives_them(calendar):
    provisional = {key for key, edition in calendar.editions.items() if edition.provisional}
    assert {key for key in provisional if key[1] < 2027} == PROVISIONAL_BEFORE_2027
    worldtour = {(race_id, 2027) for race_id in MEN_2025 + WOMEN_2026}
    # The UCI has not published 2027: every WorldTour edition of it is an estimate.
    assert worldtour <= provisional
    for key in provisional:
        edition = calendar.editions[key]
        assert all(s.finish_utc is None for s in edition.stages), key


@pytest.mark.parametrize(
    ("race_id", "first", "last", "finishes"),
    [
        # Sourced 2027 dates: the British Grands Départs (see the data files' headers).
        ("tour-de-france", date(2027, 7, 2), date(2027, 7, 25), ["Carlisle", "Liverpool"]),
        ("tour-de-france-femmes", date(2027, 7, 30), None, ["Manchester", "Sheffield"]),
        # A fixed-date race keeps its day; others keep their weekday (2026 + 364 days).
        ("eschborn-frankfurt", date(2027, 5, 1), date(2027, 5, 1), []),
        ("tour-of-flanders", date(2027, 4, 4), date(2027, 4, 4), []),
        ("giro-d-italia", date(2027, 5, 7), date(2027, 5, 30), [None, None]),
    ],
)
def test_2027_editions_follow_their_sources_then_the_rule(calendar, race_id, first, last, finishes):
    edition = calendar.edition(race_id, 2027)
    assert edition.start == first
    assert last is None or edition.end == last
    assert [s.finish for s in edition.stages[: len(finishes)]] == finishes
    if edition.stages and race_id != "tour-de-france-femmes":
        assert len(edition.stages) == calendar.edition(race_id, 2026).stage_count


def test_editions_hold_together(calendar):
    for edition in calendar.editions.values():
        assert 2022 <= edition.year <= 2027, edition.key
        if edition.stages:
            # Stages cover the whole edition: a first or last day without one is a typo.
            assert edition.stages[0].date == edition.start, edition.key
            assert edition.stages[-1].date == edition.end, edition.key
            assert len({s.number for s in edition.stages}) == len(edition.stages)


@pytest.mark.parametrize(
    ("race_id", "year", "days"),
    [
        ("tour-de-france", 2024, 21),
        ("tour-de-france", 2025, 21),
        ("tour-de-france", 2026, 21),
        ("giro-d-italia", 2024, 21),
        ("giro-d-italia", 2025, 21),
        ("giro-d-italia", 2026, 21),
        ("vuelta-a-espana", 2024, 21),
        ("vuelta-a-espana", 2025, 21),
        ("vuelta-a-espana", 2026, 21),
        ("giro-d-italia-women", 2025, 8),
        ("giro-d-italia-women", 2026, 9),
        ("tour-de-france-femmes", 2024, 8),
        ("tour-de-france-femmes", 2025, 9),
        ("tour-de-france-femmes", 2026, 9),
        ("la-vuelta-femenina", 2025, 7),
        ("la-vuelta-femenina", 2026, 7),
    ],
)
def test_grand_tours_have_every_stage(calendar, race_id, year, days):
    edition = calendar.edition(race_id, year)
    assert [s.number for s in edition.stages] == list(range(1, days + 1))
    assert all(s.finish for s in edition.stages)


@pytest.mark.parametrize(
    ("name", "race_ids"),
    [
        ("Ronde van Vlaanderen", {"tour-of-flanders", "tour-of-flanders-women"}),
        ("De Ronde", {"tour-of-flanders", "tour-of-flanders-women"}),
        ("Tour des Flandres", {"tour-of-flanders", "tour-of-flanders-women"}),
        ("la Grande Boucle", {"tour-de-france", "tour-de-france-femmes"}),
        ("la Doyenne", {"liege-bastogne-liege", "liege-bastogne-liege-femmes"}),
        ("la Primavera", {"milan-san-remo", "milan-san-remo-women"}),
        ("Milano-Sanremo", {"milan-san-remo", "milan-san-remo-women"}),
        ("the Hell of the North", {"paris-roubaix", "paris-roubaix-femmes"}),
        ("l'Enfer du Nord", {"paris-roubaix", "paris-roubaix-femmes"}),
        ("Itzulia", {"tour-of-the-basque-country", "itzulia-women"}),
        ("Ronde van Lombardije", {"tour-of-lombardy"}),
        ("Mondiali", {"world-championships"}),
        ("Jeux olympiques", {"olympic-games"}),
        ("BK wielrennen", {"belgian-national-road-championships"}),
    ],
)
def test_names_in_the_feed_languages(calendar, name, race_ids):
    assert {race.id for race in calendar.named(name)} == race_ids


def test_men_and_women_are_separate_races_and_championships_are_one(calendar):
    assert calendar.races["paris-roubaix-femmes"].counterpart == "paris-roubaix"
    assert calendar.races["paris-roubaix"].sex == "men"
    worlds = calendar.races["world-championships"]
    assert (worlds.sex, worlds.race_class) == ("both", "championship")
    assert calendar.edition("olympic-games", 2024).host == "Paris"


def test_editions_on_a_day(calendar):
    running = {e.race_id for e in calendar.editions_on(date(2025, 7, 27))}
    # The Tour de Wallonie (26-30 July 2025) overlaps the Tour's last day.
    assert running == {"tour-de-france", "tour-de-france-femmes", "tour-de-wallonie"}
    stage = calendar.edition("tour-de-france-femmes", 2024).stages_on(date(2024, 8, 13))
    assert [s.number for s in stage] == [2, 3]  # two half stages on one day


def test_the_export_of_the_bundled_calendar_reads_back(calendar):
    from feeds.races import Calendar, apply, parse_calendar

    again = apply(Calendar(), parse_calendar(dump_calendar(calendar), "export.toml"))
    assert again.races == calendar.races
    assert again.editions == calendar.editions
