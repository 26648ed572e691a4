"""The ProSeries part of the bundled calendar: every edition of its races from 2024 to 2026
that we have sourced is there with its dates, a stage count fits the days and the listed
stages, and the races' names in the feed languages find them.

The lists below are data (sources in feeds/races/data/proseries.toml): an edition removed
or moved by mistake fails here."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races import bundled_calendar

D = date
PROSERIES: dict[int, dict[str, tuple[date, ...]]] = {
    2024: {
        "volta-a-la-comunitat-valenciana": (D(2024, 1, 31), D(2024, 2, 4)),
        "figueira-champions-classic": (D(2024, 2, 10),),
        "tour-of-oman": (D(2024, 2, 10), D(2024, 2, 14)),
        "clasica-de-almeria": (D(2024, 2, 11),),
        "volta-ao-algarve": (D(2024, 2, 14), D(2024, 2, 18)),
        "vuelta-a-andalucia": (D(2024, 2, 14), D(2024, 2, 18)),
        "setmana-ciclista-valenciana": (D(2024, 2, 15), D(2024, 2, 18)),
        "faun-ardeche-classic": (D(2024, 2, 24),),
        "faun-drome-classic": (D(2024, 2, 25),),
        "kuurne-brussels-kuurne": (D(2024, 2, 25),),
        "trofeo-laigueglia": (D(2024, 2, 28),),
        "milano-torino": (D(2024, 3, 13),),
        "nokere-koerse": (D(2024, 3, 13),),
        "grand-prix-de-denain": (D(2024, 3, 14),),
        "scheldeprijs": (D(2024, 4, 3),),
        "brabantse-pijl": (D(2024, 4, 10),),
        "tour-of-the-alps": (D(2024, 4, 15), D(2024, 4, 19)),
        "tour-of-turkey": (D(2024, 4, 21), D(2024, 4, 28)),
        "tro-bro-leon": (D(2024, 5, 5),),
        "tour-de-hongrie": (D(2024, 5, 8), D(2024, 5, 12)),
        "four-days-of-dunkirk": (D(2024, 5, 14), D(2024, 5, 19)),
        "brussels-cycling-classic": (D(2024, 6, 2),),
        "tour-of-belgium": (D(2024, 6, 12), D(2024, 6, 16)),
        "tour-of-slovenia": (D(2024, 6, 12), D(2024, 6, 16)),
        "tour-de-wallonie": (D(2024, 7, 22), D(2024, 7, 26)),
        "arctic-race-of-norway": (D(2024, 8, 4), D(2024, 8, 7)),
        "vuelta-a-burgos": (D(2024, 8, 5), D(2024, 8, 9)),
        "tour-of-denmark": (D(2024, 8, 14), D(2024, 8, 18)),
        "deutschland-tour": (D(2024, 8, 21), D(2024, 8, 25)),
        "tour-of-britain": (D(2024, 9, 3), D(2024, 9, 8)),
        "gp-industria-artigianato-larciano": (D(2024, 9, 8),),
        "grand-prix-de-fourmies": (D(2024, 9, 8),),
        "coppa-sabatini": (D(2024, 9, 12),),
        "grand-prix-de-wallonie": (D(2024, 9, 18),),
        "tour-de-luxembourg": (D(2024, 9, 18), D(2024, 9, 22)),
        "munsterland-giro": (D(2024, 10, 3),),
        "giro-dell-emilia": (D(2024, 10, 5),),
        "paris-tours": (D(2024, 10, 6),),
        "coppa-bernocchi": (D(2024, 10, 7),),
        "tre-valli-varesine": (D(2024, 10, 8),),
        "gran-piemonte": (D(2024, 10, 10),),
        "giro-del-veneto": (D(2024, 10, 16),),
        "japan-cup": (D(2024, 10, 20),),
        "veneto-classic": (D(2024, 10, 20),),
    },
    2025: {
        "volta-a-la-comunitat-valenciana": (D(2025, 2, 5), D(2025, 2, 9)),
        "muscat-classic": (D(2025, 2, 7),),
        "tour-of-oman": (D(2025, 2, 8), D(2025, 2, 12)),
        "clasica-de-almeria": (D(2025, 2, 16),),
        "figueira-champions-classic": (D(2025, 2, 16),),
        "volta-ao-algarve": (D(2025, 2, 19), D(2025, 2, 23)),
        "vuelta-a-andalucia": (D(2025, 2, 19), D(2025, 2, 23)),
        "faun-ardeche-classic": (D(2025, 3, 1),),
        "faun-drome-classic": (D(2025, 3, 2),),
        "kuurne-brussels-kuurne": (D(2025, 3, 2),),
        "trofeo-laigueglia": (D(2025, 3, 5),),
        "grand-prix-oetingen": (D(2025, 3, 12),),
        "milano-torino": (D(2025, 3, 19),),
        "grand-prix-de-denain": (D(2025, 3, 20),),
        "scheldeprijs": (D(2025, 4, 9),),
        "brabantse-pijl": (D(2025, 4, 18),),
        "tour-of-the-alps": (D(2025, 4, 21), D(2025, 4, 25)),
        "tour-of-turkey": (D(2025, 4, 27), D(2025, 5, 4)),
        "tro-bro-leon": (D(2025, 5, 11),),
        "classique-dunkerque": (D(2025, 5, 13),),
        "four-days-of-dunkirk": (D(2025, 5, 14), D(2025, 5, 18)),
        "tour-de-hongrie": (D(2025, 5, 14), D(2025, 5, 18)),
        "boucles-de-la-mayenne": (D(2025, 5, 29), D(2025, 6, 1)),
        "tour-of-slovenia": (D(2025, 6, 4), D(2025, 6, 8)),
        "brussels-cycling-classic": (D(2025, 6, 8),),
        "tour-of-belgium": (D(2025, 6, 18), D(2025, 6, 22)),
        "tour-de-wallonie": (D(2025, 7, 26), D(2025, 7, 30)),
        "vuelta-a-burgos": (D(2025, 8, 5), D(2025, 8, 9)),
        "arctic-race-of-norway": (D(2025, 8, 7), D(2025, 8, 10)),
        "tour-of-denmark": (D(2025, 8, 12), D(2025, 8, 16)),
        "deutschland-tour": (D(2025, 8, 20), D(2025, 8, 24)),
        "tour-of-britain": (D(2025, 9, 2), D(2025, 9, 7)),
        "maryland-cycling-classic": (D(2025, 9, 6),),
        "gp-industria-artigianato-larciano": (D(2025, 9, 7),),
        "coppa-sabatini": (D(2025, 9, 11),),
        "choralis-fourmies-feminine-classic": (D(2025, 9, 14),),
        "grand-prix-de-fourmies": (D(2025, 9, 14),),
        "tour-de-luxembourg": (D(2025, 9, 17), D(2025, 9, 21)),
        "tour-de-langkawi": (D(2025, 9, 28), D(2025, 10, 5)),
        "munsterland-giro": (D(2025, 10, 3),),
        "giro-dell-emilia": (D(2025, 10, 4),),
        "coppa-bernocchi": (D(2025, 10, 6),),
        "tre-valli-varesine": (D(2025, 10, 7),),
        "gran-piemonte": (D(2025, 10, 9),),
        "paris-tours": (D(2025, 10, 12),),
        "giro-del-veneto": (D(2025, 10, 15),),
        "japan-cup": (D(2025, 10, 19),),
        "veneto-classic": (D(2025, 10, 19),),
    },
    2026: {
        "volta-a-la-comunitat-valenciana": (D(2026, 2, 4), D(2026, 2, 8)),
        "muscat-classic": (D(2026, 2, 6),),
        "tour-of-oman": (D(2026, 2, 7), D(2026, 2, 11)),
        "figueira-champions-classic": (D(2026, 2, 14),),
        "clasica-de-almeria": (D(2026, 2, 15),),
        "volta-ao-algarve": (D(2026, 2, 18), D(2026, 2, 22)),
        "vuelta-a-andalucia": (D(2026, 2, 18), D(2026, 2, 22)),
        "clasica-de-almeria-women": (D(2026, 2, 22),),
        "faun-drome-classic": (D(2026, 3, 1),),
        "kuurne-brussels-kuurne": (D(2026, 3, 1),),
        "trofeo-laigueglia": (D(2026, 3, 4),),
        "milano-torino": (D(2026, 3, 18),),
        "nokere-koerse": (D(2026, 3, 18),),
        "grand-prix-de-denain": (D(2026, 3, 19),),
        "scheldeprijs": (D(2026, 4, 8),),
        "brabantse-pijl": (D(2026, 4, 17),),
        "tour-of-the-alps": (D(2026, 4, 20), D(2026, 4, 24)),
        "tour-of-turkey": (D(2026, 4, 26), D(2026, 5, 3)),
        "tour-de-hongrie": (D(2026, 5, 13), D(2026, 5, 17)),
        "classique-dunkerque": (D(2026, 5, 19),),
        "four-days-of-dunkirk": (D(2026, 5, 20), D(2026, 5, 24)),
        "tour-de-wallonie": (D(2026, 6, 1), D(2026, 6, 5)),
        "tour-of-belgium": (D(2026, 6, 17), D(2026, 6, 21)),
        "tour-of-slovenia": (D(2026, 6, 17), D(2026, 6, 21)),
        "tour-of-denmark": (D(2026, 7, 29), D(2026, 8, 2)),
        "vuelta-a-burgos": (D(2026, 8, 4), D(2026, 8, 8)),
        "arctic-race-of-norway": (D(2026, 8, 13), D(2026, 8, 16)),
        "deutschland-tour": (D(2026, 8, 19), D(2026, 8, 23)),
        "tour-of-britain": (D(2026, 9, 2), D(2026, 9, 6)),
        "giro-dell-emilia": (D(2026, 10, 3),),
        "coppa-bernocchi": (D(2026, 10, 5),),
        "tre-valli-varesine": (D(2026, 10, 6),),
        "gran-piemonte": (D(2026, 10, 8),),
        "paris-tours": (D(2026, 10, 11),),
        "giro-del-veneto": (D(2026, 10, 14),),
        "japan-cup": (D(2026, 10, 18),),
        "veneto-classic": (D(2026, 10, 18),),
    },
}
"""Editions of the ProSeries races by year: race id -> (the day,) or (start, end)."""

LISTED = [
    (year, race_id, days) for year, races in PROSERIES.items() for race_id, days in races.items()
]


@pytest.fixture(scope="module")
def calendar():
    return bundled_calendar()


@pytest.mark.parametrize(("year", "race_id", "days"), LISTED)
def test_every_listed_proseries_edition_is_there_with_its_dates(calendar, year, race_id, days):
    race = calendar.race(race_id)
    assert race is not None, f"{race_id} is missing from the calendar"
    assert race.race_class == "proseries"
    edition = calendar.edition(race_id, year)
    assert edition is not None, f"{race_id} {year} is missing"
    assert (edition.start, edition.end) == (days[0], days[-1])
    assert (race.kind == "one-day") == (len(days) == 1)


def test_proseries_stage_races_have_a_stage_count_that_fits_their_days(calendar):
    wrong = []
    for year, race_id, days in LISTED:
        edition = calendar.edition(race_id, year)
        if len(days) == 1 or edition is None:
            continue
        span = (edition.end - edition.start).days + 1
        count = edition.stage_count
        if count is not None and not 1 <= count <= span:
            wrong.append((race_id, year, count, span))
        # A prologue (stage 0) comes on top of the counted stages.
        numbered = [s.number for s in edition.stages if s.number]
        if edition.stages and numbered != list(range(1, (count or len(numbered)) + 1)):
            wrong.append((race_id, year, "stages", count))
    assert wrong == []


@pytest.mark.parametrize(
    ("race_id", "year", "stage", "day", "finish"),
    [
        ("four-days-of-dunkirk", 2024, 5, D(2024, 5, 18), "Cassel"),
        ("four-days-of-dunkirk", 2025, 1, D(2025, 5, 14), "Amiens"),
        ("four-days-of-dunkirk", 2026, 3, D(2026, 5, 22), "Wallers-Arenberg"),
        ("volta-a-la-comunitat-valenciana", 2024, 4, D(2024, 2, 3), "Vall d'Ebo"),
        ("volta-a-la-comunitat-valenciana", 2026, 2, D(2026, 2, 5), "Alginet"),
        ("tour-de-hongrie", 2024, 3, D(2024, 5, 10), "Kékestető"),
        ("deutschland-tour", 2025, 0, D(2025, 8, 20), "Essen"),
        ("deutschland-tour", 2025, 4, D(2025, 8, 24), "Magdeburg"),
        ("tour-of-britain", 2024, 6, D(2024, 9, 8), "Felixstowe"),
        ("arctic-race-of-norway", 2024, 4, D(2024, 8, 7), "Bodø"),
        ("tour-of-the-alps", 2025, 5, D(2025, 4, 25), "Lienz"),
        ("boucles-de-la-mayenne", 2025, 0, D(2025, 5, 29), "Laval"),
    ],
)
def test_proseries_stages_carry_their_day_and_finish(calendar, race_id, year, stage, day, finish):
    found = calendar.edition(race_id, year).stage(stage)
    assert (found.date, found.finish) == (day, finish)


@pytest.mark.parametrize(
    ("name", "race_ids"),
    [
        ("Quatre Jours de Dunkerque", {"four-days-of-dunkirk"}),
        ("4 Jours de Dunkerque", {"four-days-of-dunkirk"}),
        ("Vierdaagse van Duinkerke", {"four-days-of-dunkirk"}),
        ("Vuelta a la Comunidad Valenciana", {"volta-a-la-comunitat-valenciana"}),
        ("Volta à Comunidade Valenciana", {"volta-a-la-comunitat-valenciana"}),
        ("Tour of Valencia", {"volta-a-la-comunitat-valenciana"}),
        ("Clasica de Almeria", {"clasica-de-almeria", "clasica-de-almeria-women"}),
        ("Clásica de Almería Femenina", {"clasica-de-almeria-women"}),
        ("Tour of Hungary", {"tour-de-hongrie"}),
        ("Ronde van Luxemburg", {"tour-de-luxembourg"}),
        ("Tro Bro Leon", {"tro-bro-leon"}),
        ("Paris-Bruxelles", {"brussels-cycling-classic"}),
        ("Vuelta a San Juan", {"vuelta-a-san-juan"}),
        ("Ardèche Classic", {"faun-ardeche-classic"}),
        ("Drome Classic", {"faun-drome-classic"}),
        ("GP Larciano", {"gp-industria-artigianato-larciano"}),
        ("Gran Premio Citta di Peccioli", {"coppa-sabatini"}),
        ("Vuelta a la Comunidad Valenciana Feminas", {"setmana-ciclista-valenciana"}),
        ("Ixina GP Oetingen", {"grand-prix-oetingen"}),
        ("Sparkassen Münsterland Giro", {"munsterland-giro"}),
        ("Grote Prijs van Wallonië", {"grand-prix-de-wallonie"}),
        ("Le Tour de Langkawi", {"tour-de-langkawi"}),
    ],
)
def test_proseries_names_in_the_feed_languages(calendar, name, race_ids):
    assert {race.id for race in calendar.named(name)} == race_ids


@pytest.mark.parametrize(
    "race_id",
    [
        "clasica-de-almeria-women",
        "setmana-ciclista-valenciana",
        "grand-prix-oetingen",
        "choralis-fourmies-feminine-classic",
    ],
)
def test_womens_proseries_races_are_womens_races(calendar, race_id):
    race = calendar.race(race_id)
    assert (race.sex, race.race_class) == ("women", "proseries")


def test_a_womens_proseries_race_is_its_own_race_linked_to_the_mens(calendar):
    women = calendar.race("clasica-de-almeria-women")
    assert (women.sex, women.counterpart) == ("women", "clasica-de-almeria")
    assert calendar.race("clasica-de-almeria").sex == "men"
    assert calendar.edition("clasica-de-almeria-women", 2025) is None
