"""A discipline's medal at a championship or the Olympics is that discipline's event, not
the road race: a medal word links a name to the discipline after it, and carries one named
before it (feeds/races/other_events.py, other_events.toml `medals`); a discipline's title
is no road title, won or not (titles.toml `rule_out`)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races import bundled_calendar
from feeds.races.model import CalendarError
from feeds.races.other_events import OtherEvents, bundled_other_events, parse_other_events
from feeds.races.titles import bundled_titles
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText
from tests.growth import assert_linear


def races(tagger: Tagger, text: str, language: str) -> list[str]:
    tags = tagger.tag("Career", text, date(2024, 11, 9), True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Elia Viviani took an omnium silver medal at the 2016 Olympics.", []),
        ("en", "Elia Viviani won the cyclocross world championships in 2020.", []),
        ("no", "Tobias Foss tok nytt VM-gull på bane i Glasgow.", []),
        ("de", "Lennard Kämna holte WM-Gold im Cyclocross.", []),
        ("nl", "Elia Viviani pakte olympisch goud in de ploegachtervolging op de Spelen.", []),
        # The road's medals: no discipline named.
        ("en", "Elia Viviani took a silver medal at the 2016 Olympics.", ["Olympic Games"]),
        ("no", "Tobias Foss tok VM-gull i Glasgow.", ["UCI Road World Championships"]),
        ("en", "Elia Viviani won gold at the Olympics.", ["Olympic Games"]),
    ],
)
def test_a_discipline_s_medal_is_not_the_road_race(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    assert races(tagger, text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She became cyclocross world champion.",
        "Hij werd wereldkampioen in de ploegachtervolging.",
        "Elle a remporté le titre européen de l'omnium.",
        "Ha vinto il titolo mondiale nell'inseguimento.",
    ],
)
def test_a_discipline_s_title_won_is_no_road_title(text: str) -> None:
    assert bundled_titles(bundled_calendar()).find(FoldedText(text).folded) == []


def test_medal_words_must_be_single_words() -> None:
    with pytest.raises(CalendarError, match="medals: one word each"):
        parse_other_events('medals = ["gold medal"]', "other_events.toml")


def test_the_look_back_for_a_medal_stays_linear() -> None:
    events: OtherEvents = bundled_other_events()

    def make(n: int) -> str:
        return " ".join(["omnium silver medal at the 2016 Olympics"] * n)

    def read(text: str) -> int:
        folded = FoldedText(text).folded
        starts = [i for i in range(len(folded)) if folded.startswith(" olympics ", i)]
        return sum(
            events.follows(folded, s, s + 10, look_before=True, look_after=True) for s in starts
        )

    assert_linear(read, make, 2000)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Juliette Labous a manqué une médaille olympique dans le contre-la-montre.",
            ["Olympic Games"],
        ),
        (
            "de",
            "Pauline Ferrand-Prévot holte eine olympische Medaille im Zeitfahren.",
            ["Olympic Games"],
        ),
        ("it", "Elisa Longo Borghini sogna una medaglia olimpica su strada.", ["Olympic Games"]),
        ("no", "Tobias Foss drømmer om en olympisk medalje på temporitt.", ["Olympic Games"]),
        # Another discipline's medal.
        ("de", "Pauline Ferrand-Prévot jagte eine olympische Medaille im Mountainbiken.", []),
        ("en", "Juliette Labous won an Olympic medal on the track.", []),
    ],
)
def test_an_olympic_medal_names_the_games(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    assert races(tagger, text, language) == expected
