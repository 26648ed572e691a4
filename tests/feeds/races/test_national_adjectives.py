"""A title naming its nation gives that nation's championships, whoever the riders around
it, and a nation named as a place counts only right before the generic words, link words
between (issue #17, review R16 defects 6 and 7; feeds/races/nationals.py)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear


def nationals(tagger: Tagger, text: str, language: str) -> list[str]:
    tags = tagger.tag("Race report", text, date(2025, 8, 20), True, language=language)
    names = (tagger.races.calendar.races[r].name for r in tags.races)
    return [name.split()[0] for name in names if "National" in name]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Another nation's rider, the title's nation in its words: his championships.
        (
            "en",
            "Mads Pedersen won again. Mads Pedersen beat Arnaud De Lie, who became Belgian "
            "champion in June, and Tim Merlier.",
            ["Belgian"],
        ),
        (
            "it",
            "Tadej Pogačar ha vinto. Tadej Pogačar ha preceduto Filippo Ganna, campione "
            "italiano nel 2023, e Jonathan Milan.",
            ["Italian"],
        ),
        (
            "nl",
            "Mads Pedersen won opnieuw. Mads Pedersen klopte Arnaud De Lie, die in juni "
            "Belgisch kampioen werd. Later werd De Lie Belgisch kampioen in 2024.",
            ["Belgian"],
        ),
        (
            "da",
            "Tadej Pogačar vandt igen. Tadej Pogačar slog Mads Pedersen, som blev dansk "
            "mester i 2024.",
            ["Danish"],
        ),
        # The title alone still describes its rider.
        ("en", "Mads Pedersen beat the Belgian champion Arnaud De Lie.", []),
    ],
)
def test_a_title_s_nation_is_its_own(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    assert nationals(tagger, text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A country in another clause: the rider's championships.
        (
            "en",
            "Richard Carapaz trained for six weeks in Colombia before the national "
            "championships, which he hopes to win in Quito.",
            ["Ecuadorian"],
        ),
        (
            "fr",
            "Après trois semaines en France, Jonas Vingegaard visera les championnats "
            "nationaux en juin.",
            ["Danish"],
        ),
        # Only link words between: the place's championships.
        (
            "es",
            "Wout van Aert empezó el año en Colombia, con los campeonatos nacionales.",
            ["Colombian"],
        ),
    ],
)
def test_a_place_in_another_clause_does_not_decide(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    assert nationals(tagger, text, language) == expected


def test_nation_titles_stay_linear(tagger: Tagger) -> None:
    """Thousands of nation titles and places, riders of other nations between."""

    def make(n: int) -> str:
        return "Mads Pedersen. " + " ".join(
            ["Arnaud De Lie became Belgian champion in 2024 in France for the nationals."] * n
        )

    assert_linear(lambda text: nationals(tagger, text, "en"), make, 300)
