"""Riders the tagger missed once the roster covered them (issues #13, #17): an undated
story read on the season its names fit, siblings named by one surname ("the Van Dijke
twins", "o irmão Ivo"), a declined surname that drops a fleeting e ("Groenewegna"), and
race names' words as weak surnames. Fresh sentences, two languages or more a shape."""

from __future__ import annotations

from datetime import date

import pytest

import feeds.nlp.tag.careers as careers
import feeds.nlp.tag.mentions as tagger_module
from feeds.nlp.tag.lexicon import race_words
from feeds.nlp.tag.names import bare_forms
from feeds.nlp.tag.undated import best_season, earliest_season
from feeds.roster import Roster, parse_roster
from feeds.tagger import Tagger

TODAY = date(2026, 3, 1)
WHEN = date(2024, 5, 20)

ROSTER = """
[[team]]
id = "hotels"
country = "FRA"
aliases = ["Hotels"]
names = [{ name = "Hotels p/b Motors", from = 2019-01-01, until = 2022-12-31 }]

[[team]]
id = "grocers"
country = "BEL"
names = [
  { name = "Grocers-Quick", from = 2018-01-01, until = 2023-12-31 },
  { name = "Grocers Racing", from = 2024-01-01 },
]

[[team]]
id = "tulips"
country = "NED"
names = [{ name = "Team Tulips", from = 2015-01-01 }]

[[rider]]
name = "Jens Oudeman"
nationality = "BEL"
retired = 2022
teams = [{ team = "hotels", from = 2019, until = 2022 }]

[[rider]]
name = "Pierre Ancien"
nationality = "FRA"
retired = 2022
teams = [{ team = "hotels", from = 2020, until = 2022 }]

[[rider]]
name = "Luc Jeunet"
nationality = "FRA"
teams = [{ team = "grocers", from = 2021 }]

[[rider]]
name = "Mark Veteran"
nationality = "AUS"
retired = 2019
teams = [{ team = "grocers", from = 2012, until = 2019 }]

[[rider]]
name = "Tim van Dijke"
nationality = "NED"
teams = [{ team = "tulips", from = 2022 }]

[[rider]]
name = "Mick van Dijke"
nationality = "NED"
teams = [{ team = "tulips", from = 2022 }]

[[rider]]
name = "Adam Hansen"
nationality = "DEN"
teams = [{ team = "tulips", from = 2020 }]

[[rider]]
name = "Bo Hansen"
nationality = "DEN"
teams = [{ team = "grocers", from = 2020 }]

[[rider]]
name = "Kim Hansen"
nationality = "DEN"
retired = 2021
teams = [{ team = "grocers", from = 2015, until = 2021 }]

[[rider]]
name = "Rui Oliveira"
nationality = "POR"
teams = [{ team = "grocers", from = 2020 }]

[[rider]]
name = "Ivo Oliveira"
nationality = "POR"
teams = [{ team = "grocers", from = 2020 }]

[[rider]]
name = "Dylan Groenewegen"
nationality = "NED"
teams = [{ team = "tulips", from = 2016 }]

[[rider]]
name = "Diego Rosa"
nationality = "ITA"
teams = [{ team = "tulips", from = 2016 }]
"""


@pytest.fixture(scope="module")
def roster() -> Roster:
    return parse_roster(ROSTER)


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


@pytest.fixture
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undated stories are read against today: pin it."""
    monkeypatch.setattr(careers, "today", lambda: TODAY)
    monkeypatch.setattr(tagger_module, "today", lambda: TODAY)


def riders(
    tagger: Tagger, title: str, text: str, when: date | None, language: str | None = None
) -> list[str]:
    tags = tagger.tag(title, text, when, feed_is_cycling=True, language=language)
    return sorted(tags.riders)


# --- an undated story on the season its names fit ---------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Seven riders without a team for 2023",
            "Hotels p/b Motors stop at the end of the season. Jens Oudeman and Pierre Ancien "
            "are still looking for a team, while Luc Jeunet stays with Grocers-Quick.",
        ),
        (
            "Sete ciclistas sem equipa para 2023",
            "A Hotels p/b Motors termina no fim da época. Jens Oudeman e Pierre Ancien ainda "
            "procuram equipa, enquanto Luc Jeunet fica na Grocers-Quick.",
        ),
    ],
)
def test_an_undated_story_of_old_names_keeps_the_riders_of_that_season(
    tagger: Tagger, fixed_today: None, title: str, text: str
) -> None:
    assert riders(tagger, title, text, None) == ["jens-oudeman", "luc-jeunet", "pierre-ancien"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Grocers Racing: Mark Veteran and Jens Oudeman sports directors in 2026",
            "Grocers Racing names two directors for 2026: Mark Veteran and Jens Oudeman join "
            "the staff beside Luc Jeunet's coach.",
        ),
        (
            "Grocers Racing : Mark Veteran et Jens Oudeman directeurs sportifs en 2026",
            "Deux directeurs sportifs rejoindront Grocers Racing en 2026 : Mark Veteran et "
            "Jens Oudeman, aux côtés de l'entraîneur de Luc Jeunet.",
        ),
    ],
)
def test_an_undated_story_of_todays_names_keeps_retired_riders_retired(
    tagger: Tagger, fixed_today: None, title: str, text: str
) -> None:
    # Retired since 2022 and 2019: read on a recent season, they are no riders.
    assert riders(tagger, title, text, None) == ["luc-jeunet"]


def test_a_dated_story_is_read_on_its_date(tagger: Tagger, fixed_today: None) -> None:
    text = "Jens Oudeman and Pierre Ancien rode for Hotels p/b Motors, Luc Jeunet for Grocers."
    assert riders(tagger, "Riders of the past", text, date(2025, 6, 1)) == ["luc-jeunet"]
    assert riders(tagger, "Riders of the past", text, date(2022, 6, 1)) == [
        "jens-oudeman",
        "luc-jeunet",
        "pierre-ancien",
    ]


def test_the_season_inside_most_spans_the_latest_on_a_tie() -> None:
    assert best_season([(2019, 2022), (2020, 2022), (2021, None)], 2026) == 2022
    assert best_season([(2019, 2022), (2024, None)], 2026) is None  # an open span: no vote
    assert best_season([(2019, 2022)], 2026) is None  # one dated name moves nothing
    assert best_season([(None, None), (None, None)], 2026) is None
    # A year the story writes bounds it from below.
    assert best_season([(None, 2019), (None, 2020), (2024, None)], 2026, 2025) is None


def test_the_earliest_season_is_the_one_before_the_latest_year_written() -> None:
    assert earliest_season("Without a team for 2023, after 2022.", 2026) == 2022
    assert earliest_season("No year here, only 14:30 and 1,2025 km.", 2026) is None
    assert earliest_season("Founded in 1960.", 2026) is None  # out of range


# --- siblings named by one surname --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Van Dijke twins renewed with Team Tulips until 2027.",
        "Die Van-Dijke-Zwillinge fahren bis 2027 für Team Tulips.",
        "Les jumeaux Van Dijke prolongent chez Team Tulips.",
        "I gemelli Van Dijke rinnovano con il Team Tulips.",
    ],
)
def test_a_plural_sibling_word_names_both_riders_of_the_surname(tagger: Tagger, text: str) -> None:
    assert riders(tagger, "Team Tulips", text, WHEN) == ["mick-van-dijke", "tim-van-dijke"]


@pytest.mark.parametrize(
    "text",
    [
        "The Hansen brothers from the village are not related to any rider of Team Tulips.",
        "Os irmãos Hansen da aldeia não correm pela Team Tulips.",
    ],
)
def test_a_surname_of_more_than_two_riders_names_no_pair(tagger: Tagger, text: str) -> None:
    found = riders(tagger, "Team Tulips", text, WHEN)
    assert not {"adam-hansen", "bo-hansen"} <= set(found)


def test_without_a_sibling_word_a_surname_stays_one_rider(tagger: Tagger) -> None:
    text = "Tim van Dijke won for Team Tulips; Van Dijke attacked twice."
    assert riders(tagger, "Team Tulips", text, WHEN) == ["tim-van-dijke"]


@pytest.mark.parametrize(
    "text",
    [
        "Rui Oliveira corre na Algarvia, com Rui acompanhado pelo irmão Ivo na Grocers Racing.",
        "Rui Oliveira kører for Grocers Racing, og hans bror Ivo er også med.",
        "Rui Oliveira rides for Grocers Racing, and his brother Ivo is there too.",
    ],
)
def test_a_word_for_a_brother_then_a_first_name_is_that_sibling(tagger: Tagger, text: str) -> None:
    assert riders(tagger, "Grocers Racing", text, WHEN) == ["ivo-oliveira", "rui-oliveira"]


# --- a declined surname without its fleeting e ----------------------------------------------


def test_a_fleeting_e_drops_before_the_last_consonant() -> None:
    assert "groenewegn" in bare_forms("groenewegen")
    assert "mezgc" in bare_forms("mezgec")
    assert bare_forms("pogacar") == ("pogacar",)  # no e before the last letter
    assert bare_forms("bren") == ("bren",)  # too short to lose its e


def test_a_declined_surname_without_its_fleeting_e_is_its_rider(tagger: Tagger) -> None:
    title = "Dirka po Sloveniji"
    text = (
        "Team Tulips bo na startu z dvema kolesarjema. Luc Jeunet bo v šprintih skrbel za "
        "Nizozemca Dylana Groenewegna."
    )
    assert "dylan-groenewegen" in riders(tagger, title, text, WHEN, language="sl")
    # Another language declines no names: the same letters are nobody.
    text_en = "Team Tulips starts with Luc Jeunet and Dylana Groenewegna, a guest."
    assert "dylan-groenewegen" not in riders(tagger, "Tour of Slovenia", text_en, WHEN, "en")


# --- race names' words are weak surnames -----------------------------------------------------


def test_race_words_are_the_long_words_of_race_names() -> None:
    words = race_words(["Giro d'Italia", "Corsa Rosa", "Cadel Evans Great Ocean Road Race"])
    assert {"rosa", "evans", "italia", "corsa"} <= words
    assert "d" not in words and "road" in words


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("La Corsa Rosa", "Il gruppo ha attraversato le Alpi. Rosa, la corsa, resta aperta."),
        ("The Corsa Rosa", "The peloton crossed the Alps. Rosa and the race stay open."),
    ],
)
def test_a_race_word_alone_is_no_rider_but_the_full_name_is(
    tagger: Tagger, title: str, text: str
) -> None:
    assert "diego-rosa" not in riders(tagger, title, text, WHEN)
    assert "diego-rosa" in riders(tagger, title, text + " Diego Rosa attacked.", WHEN)


# --- a team's name "as a sponsor" is the company ---------------------------------------------


def teams(tagger: Tagger, text: str) -> list[str]:
    return sorted(tagger.tag("Sponsors", text, WHEN, feed_is_cycling=True).teams)


@pytest.mark.parametrize(
    "text",
    [
        "Team Tulips keeps its licence, adding Hotels p/b Motors as a second sponsor.",
        "Team Tulips garde sa licence et accueille Hotels p/b Motors comme nouveau partenaire.",
        "Team Tulips behält die Lizenz, mit Hotels p/b Motors als zweitem Sponsor.",
        "Il Team Tulips conserva la licenza con Hotels come nuovo sponsor.",
    ],
)
def test_a_team_name_as_a_sponsor_is_the_company(tagger: Tagger, text: str) -> None:
    assert teams(tagger, text) == ["tulips"]


@pytest.mark.parametrize(
    "text",
    [
        "Luc Jeunet rode for Hotels p/b Motors as a guest of Team Tulips.",
        "Luc Jeunet a couru pour Hotels p/b Motors comme stagiaire, puis pour Team Tulips.",
    ],
)
def test_a_team_name_followed_by_another_as_is_the_team(tagger: Tagger, text: str) -> None:
    assert teams(tagger, text) == ["hotels", "tulips"]
