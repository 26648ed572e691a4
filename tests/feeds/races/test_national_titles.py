"""National titles: titles in the plural count wins, a title with a nation's adjective
or the word "title" counts when won (a year, a verb of winning), a nation's
championships are named with the nation's article in French, and an age category
before them, a link between, makes them that category's (feeds/races/nationals.py,
nationals.toml; feeds/races/other_events.py)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear


def races(tagger: Tagger, text: str, language: str) -> list[str]:
    tags = tagger.tag("Palmarès", text, date(2025, 1, 20), True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


DANISH = ["Danish National Road Championships"]
ITALIAN = ["Italian National Road Championships"]
PORTUGUESE = ["Portuguese National Road Championships"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Titles in the plural: wins counted.
        ("en", "Mads Pedersen counts three national titles.", DANISH),
        ("it", "Filippo Ganna ha vinto sei titoli nazionali a cronometro.", ITALIAN),
        ("pt", "João Almeida tem dois títulos nacionais de contrarrelógio.", PORTUGUESE),
        # A title won: a year, or a verb of winning.
        ("en", "Mads Pedersen won the national time trial title in 2022.", DANISH),
        ("en", "Mads Pedersen took the national title after a long solo.", DANISH),
        ("it", "Filippo Ganna, campione italiano 2023, rinnova.", ITALIAN),
        # A title that describes the rider.
        ("en", "Mads Pedersen, the national champion, signs on.", []),
        ("it", "Il campione italiano Filippo Ganna rinnova.", []),
        ("en", "Mads Pedersen wore the national title holder's jersey.", []),
        # The nation with its article in French.
        ("fr", "Mads Pedersen a remporté le championnat du Danemark.", DANISH),
        ("fr", "Filippo Ganna a remporté le championnat d'Italie du contre-la-montre.", ITALIAN),
        # German compounds of the road's and the time trial's championships.
        ("de", "Mads Pedersen gewinnt die dänischen Zeitfahr-Meisterschaften.", DANISH),
        ("de", "Mads Pedersen war 2019 und 2022 Straßenmeister.", DANISH),
        ("de", "Straßenmeister Mads Pedersen wechselt das Team.", []),
        ("de", "Mads Pedersen holte Silber bei den U23-Straßenmeisterschaften.", []),
        ("en", "Mads Pedersen rode the U23 national championships.", []),
        # A nation named as a place right before the generic words is theirs.
        (
            "es",
            "Wout van Aert empezó el año en Colombia, con los campeonatos nacionales.",
            ["Colombian National Road Championships"],
        ),
        (
            "es",
            "Wout van Aert correrá la Vuelta a Colombia y el campeonato nacional.",
            ["Belgian National Road Championships"],
        ),
        # An age category, a link between.
        ("fr", "Mads Pedersen a gagné la course juniors des championnats du Danemark.", []),
    ],
)
def test_national_titles(tagger: Tagger, language: str, text: str, expected: list[str]) -> None:
    assert races(tagger, text, language) == expected


def test_national_words_stay_linear(tagger: Tagger) -> None:
    """Thousands of generic words and dated titles, riders between, a nation as a place."""

    def make(n: int) -> str:
        return " ".join(
            ["Mads Pedersen became national champion in Colombia, the national championships."] * n
        )

    assert_linear(lambda text: races(tagger, text, "en"), make, 300)
