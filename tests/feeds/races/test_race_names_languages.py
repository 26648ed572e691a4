"""Race names in the languages stories are written in (feeds/races/data, short_names.toml):
the translated and inflected names the development sets showed missing, each read as its
race in a sentence of that language."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger


@pytest.mark.parametrize(
    ("language", "text", "published", "race"),
    [
        (
            "fr",
            "Mads Pedersen a remporté la 1re étape du Tour du Danemark.",
            date(2025, 8, 12),
            "Tour of Denmark",
        ),
        (
            "it",
            "Mads Pedersen ha vinto la prima tappa del Giro di Danimarca.",
            date(2025, 8, 12),
            "Tour of Denmark",
        ),
        (
            "it",
            "Oliver Knight ha vinto la seconda tappa del Giro di Vallonia.",
            date(2025, 7, 24),
            "Tour de Wallonie",
        ),
        ("it", "Jonas Geens, due top-10 al Giro di Norvegia.", date(2025, 7, 24), "Tour of Norway"),
        (
            "de",
            "Matteo Jorgenson, der Paris-Nizza-Gewinner, fährt die Tour.",
            date(2025, 6, 24),
            "Paris-Nice",
        ),
        (
            "de",
            "Tadej Pogačar fuhr über den Ort der Olympischen Spiele 2024.",
            date(2025, 7, 28),
            "Olympic Games",
        ),
        (
            "sl",
            "Primož Roglič je na olimpijskih igrah osvojil zlato.",
            date(2024, 8, 1),
            "Olympic Games",
        ),
        (
            "sl",
            "Tadej Pogačar je na dirki po Združenih arabskih emiratih dobil zadnjo etapo.",
            date(2025, 2, 23),
            "UAE Tour",
        ),
        (
            "sl",
            "Na dirki po Algarveju bo lovil Primož Roglič.",
            date(2025, 2, 23),
            "Volta ao Algarve",
        ),
        (
            "sl",
            "Sepp Kuss je osvojil Vuelto, Primož Roglič pa Giro.",
            date(2023, 9, 20),
            "Vuelta a España",
        ),
        (
            "nl",
            "Het contract van Tourwinnares Demi Vollering loopt af.",
            date(2024, 4, 15),
            "Tour de France Femmes",
        ),
        ("da", "Mattias Skjelmose vandt Schweiz Rundt.", date(2024, 2, 26), "Tour de Suisse"),
        (
            "es",
            "Juan Ayuso termina la temporada en el Tour de Guangxi.",
            date(2025, 10, 1),
            "Tour of Guangxi",
        ),
    ],
)
def test_a_name_in_its_language(
    tagger: Tagger, language: str, text: str, published: date, race: str
) -> None:
    tags = tagger.tag("Ciclismo", text, published, True, language=language)
    assert race in [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        # A title is a rider's, not a mention of the Games (nationals.toml does the same).
        (
            "de",
            "Remco Evenepoel, der zweifache Olympiasieger, fährt nach Spanien.",
            "Olympic Games",
        ),
        # "vuelto" is also Spanish for "returned": only the capitalised name counts.
        ("es", "Remco Evenepoel ha vuelto a entrenar en Calpe.", "Vuelta a España"),
    ],
)
def test_not_a_race(tagger: Tagger, language: str, text: str, race: str) -> None:
    tags = tagger.tag("Ciclismo", text, date(2024, 9, 1), True, language=language)
    assert race not in [tagger.races.calendar.races[r].name for r in tags.races]
