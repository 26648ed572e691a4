"""Forms of calendar race names that palmarès and season reviews print (issue #17):
plural and plural-case forms ("two Giri d'Italia", "trois Flèches Wallonnes", Slovenian
"na dirkah po Poljski", "zmagovalec dirk po Kataloniji"), the Slovenian grand prix
abbreviation ("VN Quebeca"), the Spanish "Tour de UAE", and races the calendar lacked
(Tour de la Provence, Tour of California). All are data in feeds/races/data; each
negative is the everyday reading of the same words (a country, a region, a city)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger


def _races(tagger: Tagger, language: str, text: str, published: date) -> list[str]:
    tags = tagger.tag("Kolesarstvo", text, published, True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text", "published", "race"),
    [
        (
            "sl",
            "Med njegove največje zmage spadata skupni zmagi na dirkah po Poljski in Belgiji.",
            date(2025, 11, 19),
            "Tour of Poland",
        ),
        (
            "sl",
            "Kolesar je slavil tudi na dirkah po Nemčiji in Hrvaški.",
            date(2025, 11, 19),
            "Deutschland Tour",
        ),
        (
            "sl",
            "Lani je bil zmagovalec dirk po Kataloniji in Romandiji.",
            date(2024, 10, 1),
            "Volta a Catalunya",
        ),
        (
            "sl",
            "Matej Mohorič je bil peti na VN Quebeca.",
            date(2025, 9, 20),
            "Grand Prix Cycliste de Québec",
        ),
        (
            "sl",
            "Tadej Pogačar je osvojil Veliko nagrado Montreala.",
            date(2025, 9, 20),
            "Grand Prix Cycliste de Montréal",
        ),
        (
            "sl",
            "Na začetku leta je bil drugi na dirki po Provansi.",
            date(2025, 11, 19),
            "Tour de la Provence",
        ),
        (
            "it",
            "Il corridore, vincitore di due Giri d'Italia, chiude la carriera.",
            date(2024, 10, 1),
            "Giro d'Italia",
        ),
        (
            "fr",
            "Son palmarès compte trois Flèches Wallonnes et un Milan-San Remo.",
            date(2023, 10, 1),
            "La Flèche Wallonne",
        ),
        (
            "it",
            "Ha vinto due Frecce Vallone e una Liegi-Bastogne-Liegi.",
            date(2023, 10, 1),
            "La Flèche Wallonne",
        ),
        (
            "es",
            "Carlos Rodríguez se cayó en el Tour de UAE y no sabe si podrá correr.",
            date(2025, 2, 27),
            "UAE Tour",
        ),
        (
            "en",
            "The Dane opened his season with victory at the Tour de la Provence.",
            date(2025, 10, 3),
            "Tour de la Provence",
        ),
        (
            "fr",
            "Mads Pedersen a conservé son titre au Tour de Provence.",
            date(2025, 2, 16),
            "Tour de la Provence",
        ),
        (
            "en",
            "He won stages at the Tour of California and the Tour de Romandie.",
            date(2024, 10, 1),
            "Tour of California",
        ),
        (
            "en",
            "He oversaw seven Tour de France wins, two Vueltas and three Giri.",
            date(2024, 1, 10),
            "Giro d'Italia",
        ),
        (
            "en",
            "He oversaw seven Tour de France wins, two Vueltas and three Giri.",
            date(2024, 1, 10),
            "Vuelta a España",
        ),
        (
            "nl",
            "Hij won drie Vuelta's en twee keer de Ronde van Lombardije.",
            date(2024, 1, 10),
            "Vuelta a España",
        ),
        (
            "sl",
            "Zaradi padca bo izpustil Pariz-Roubaix in Amstel Gold.",
            date(2024, 3, 28),
            "Amstel Gold Race",
        ),
        (
            "nl",
            "Hij won eendagskoersen als de E3 Prijs en Gent-Wevelgem.",
            date(2024, 9, 1),
            "E3 Saxo Classic",
        ),
    ],
)
def test_a_palmares_form_is_its_race(
    tagger: Tagger, language: str, text: str, published: date, race: str
) -> None:
    assert race in _races(tagger, language, text, published)


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        # The country, the region and the city, not their races.
        ("sl", "Poljska je na evropskem prvenstvu v nogometu izpadla.", "Tour of Poland"),
        ("sl", "Kolesar živi v Provansi, kjer pozimi trenira.", "Tour de la Provence"),
        ("sl", "Ekipa je pred odhodom v Quebec trenirala doma.", "Grand Prix Cycliste de Québec"),
        ("fr", "Il a passé l'hiver en Provence pour s'entraîner.", "Tour de la Provence"),
        ("en", "He spent the winter training in Provence.", "Tour de la Provence"),
        ("en", "The team's sponsor is based in California.", "Tour of California"),
        ("es", "Los Emiratos Árabes Unidos financian el equipo.", "UAE Tour"),
        ("it", "Il corridore vive in Italia da dieci anni.", "Giro d'Italia"),
        # The plural short names are everyday words in the Grand Tours' own languages.
        ("it", "Giri di pista veloci per il quartetto azzurro.", "Giro d'Italia"),
        ("es", "Vueltas al circuito final en Calpe para el equipo.", "Vuelta a España"),
        ("pt", "Vueltas e giros no circuito de Lisboa.", "Vuelta a España"),
    ],
)
def test_the_everyday_reading_is_not_a_race(
    tagger: Tagger, language: str, text: str, race: str
) -> None:
    assert race not in _races(tagger, language, text, date(2025, 1, 15))
