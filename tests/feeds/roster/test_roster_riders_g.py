"""Riders that transfer round-ups and race reports name beyond the WorldTour's leaders
(feeds/roster/data/men-riders-g.toml): their stints, and that a story names them."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.tag import Tagger
from feeds.roster import bundled_roster, load_roster, slugify


@pytest.fixture(scope="module")
def roster():
    return bundled_roster()


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(load_roster())


@pytest.mark.parametrize(
    ("name", "when", "team_id"),
    [
        ("Henok Mulubrhan", date(2023, 6, 1), "bardiani"),
        ("Henok Mulubrhan", date(2024, 6, 1), "astana"),
        ("Alessandro Verre", date(2025, 6, 1), "arkea"),
        ("Oliver Knight", date(2025, 7, 1), "cofidis"),
        ("Gijs Van Hoecke", date(2023, 6, 1), "rally"),
        ("Gijs Van Hoecke", date(2025, 6, 1), "intermarche"),
        ("Kamiel Bonneu", date(2024, 8, 1), "flanders-baloise"),
        ("Kamiel Bonneu", date(2025, 9, 1), "intermarche"),
        ("Jarne Van de Paar", date(2024, 3, 1), "lotto"),
        ("Abram Stockman", date(2025, 4, 1), "unibet"),
        ("Niklas Eg", date(2021, 6, 1), "lidl-trek"),
        ("Niklas Eg", date(2023, 8, 1), "uno-x"),
        ("Lasse Norman Leth", date(2023, 8, 1), "uno-x"),
        ("Matyáš Kopecký", date(2025, 8, 1), "novo-nordisk"),
        ("Josh Burnett", date(2025, 8, 1), "burgos"),
    ],
)
def test_stints(roster, name, when, team_id):
    person = roster.people[slugify(name)]
    assert person.name == name
    assert person.team_on(when) == team_id


def test_van_hoecke_retired_after_2025(roster):
    person = roster.people["gijs-van-hoecke"]
    assert person.is_active_rider(date(2025, 6, 1))
    assert not person.is_active_rider(date(2026, 6, 1))


@pytest.mark.parametrize(
    ("language", "text", "published", "rider"),
    [
        (
            "it",
            "All'Astana andrà anche l'eritreo Henok Mulubrhan.",
            date(2023, 6, 8),
            "Henok Mulubrhan",
        ),
        (
            "nl",
            "De Belgen Kamiel Bonneu en Jarne Van de Paar zitten zonder contract.",
            date(2025, 10, 19),
            "Jarne Van de Paar",
        ),
        ("da", "Lasse Norman Leth og Niklas Eg forlader holdet.", date(2023, 8, 20), "Niklas Eg"),
        ("de", "Nur Matyas Kopecky (Novo Nordisk) hielt mit.", date(2025, 8, 16), "Matyáš Kopecký"),
        (
            "pt",
            "Nos últimos 10 km Abram Stockman ainda resistiu.",
            date(2025, 8, 5),
            "Abram Stockman",
        ),
    ],
)
def test_a_story_names_them(tagger, language, text, published, rider):
    tags = tagger.tag("Ciclismo", text, published, True, language=language)
    assert slugify(rider) in tags.riders


def test_total_energies_written_in_two_words(tagger):
    # Italian and Spanish press often split the sponsor's name.
    text = "Geoffrey Bouchard ha ufficializzato il passaggio alla Total Energies."
    tags = tagger.tag("Ciclomercato", text, date(2025, 11, 25), True, language="it")
    assert "totalenergies" in tags.teams
