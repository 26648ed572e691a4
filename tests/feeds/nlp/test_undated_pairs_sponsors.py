"""Review findings on undated stories, sibling pairs and "as a sponsor" (issues #13, #17):
a retired pundit among today's riders keeps the story on today, "the X twins" names two
riders only when they can be one family in a cycling passage, and a partner team is the
team. Fresh sentences, two languages or more a shape."""

from __future__ import annotations

from datetime import date

import pytest

import feeds.nlp.tag.careers as careers
import feeds.nlp.tag.mentions as tagger_module
from feeds.nlp.tag.undated import best_season
from feeds.roster import parse_roster
from feeds.tagger import Tagger
from tests.growth import ATTEMPTS, assert_linear, fastest_seconds

TODAY = date(2026, 3, 1)
WHEN = date(2025, 5, 20)

ROSTER = """
[[team]]
id = "hotels"
country = "FRA"
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

[[team]]
id = "lilies"
category = "women"
country = "NED"
names = [{ name = "Team Lilies", from = 2015-01-01 }]

[[rider]]
name = "Jens Oudeman"
nationality = "BEL"
retired = 2022
teams = [{ team = "hotels", from = 2016, until = 2022 }]

[[rider]]
name = "Pierre Ancien"
nationality = "FRA"
retired = 2022
teams = [{ team = "hotels", from = 2017, until = 2022 }]

[[rider]]
name = "Luc Jeunet"
nationality = "FRA"
teams = [{ team = "grocers", from = 2018 }]

[[rider]]
name = "Dylan Lang"
nationality = "NED"
teams = [{ team = "tulips", from = 2016 }]

[[rider]]
name = "Ivo Moreau"
nationality = "BEL"
teams = [{ team = "tulips", from = 2019 }]

[[rider]]
name = "Paul Neuf"
nationality = "FRA"
teams = [{ team = "grocers", from = 2025 }]

[[rider]]
name = "Cole Kessel"
nationality = "USA"
teams = [{ team = "tulips", from = 2020 }]

[[rider]]
name = "Nina Kessel"
nationality = "NED"
teams = [{ team = "lilies", from = 2020 }]

[[rider]]
name = "Jorge Gutierro"
nationality = "ESP"
teams = [{ team = "tulips", from = 2020 }]

[[rider]]
name = "Sheyla Gutierro"
nationality = "ESP"
teams = [{ team = "lilies", from = 2020 }]

[[rider]]
name = "Owen Smyth"
nationality = "GBR"
teams = [{ team = "tulips", from = 2020 }]

[[rider]]
name = "Rhys Smyth"
nationality = "GBR"
teams = [{ team = "grocers", from = 2020 }]

[[rider]]
name = "Mia Sorensen"
nationality = "DEN"
teams = [{ team = "lilies", from = 2020 }]

[[rider]]
name = "Lea Sorensen"
nationality = "DEN"
teams = [{ team = "lilies", from = 2021 }]
"""


@pytest.fixture(scope="module")
def small() -> Tagger:
    return Tagger(parse_roster(ROSTER))


@pytest.fixture
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undated stories are read against today: pin it."""
    monkeypatch.setattr(careers, "today", lambda: TODAY)
    monkeypatch.setattr(tagger_module, "today", lambda: TODAY)


def riders(small: Tagger, title: str, text: str, when: date | None = WHEN) -> list[str]:
    return sorted(small.tag(title, text, when, feed_is_cycling=True).riders)


def teams(small: Tagger, text: str) -> list[str]:
    return sorted(small.tag("Partners", text, WHEN, feed_is_cycling=True).teams)


# --- undated: only season-fixing names vote ------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Oudeman on the favourites",
            "Jens Oudeman praised Luc Jeunet, Dylan Lang and Ivo Moreau before the Tour of "
            "Flanders.",
        ),
        (
            "Oudeman over de favorieten",
            "Jens Oudeman loofde Luc Jeunet, Dylan Lang en Ivo Moreau voor de Ronde van "
            "Vlaanderen.",
        ),
        (
            "Oudeman sur les favoris",
            "Jens Oudeman a salué Luc Jeunet, Dylan Lang et Ivo Moreau avant le Tour des Flandres.",
        ),
    ],
)
def test_one_retired_rider_among_todays_keeps_the_story_on_today(
    small: Tagger, fixed_today: None, title: str, text: str
) -> None:
    # The three current careers began before 2022, yet they fix no season: only
    # Oudeman does, and one name moves nothing.
    assert riders(small, title, text, None) == ["dylan-lang", "ivo-moreau", "luc-jeunet"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Oudeman and Ancien on television",
            "Jens Oudeman and Pierre Ancien will commentate the Tour. They rate Luc Jeunet of "
            "Grocers Racing.",
        ),
        (
            "Oudeman et Ancien consultants",
            "Jens Oudeman et Pierre Ancien commenteront le Tour. Ils voient Luc Jeunet de "
            "Grocers Racing devant.",
        ),
        (
            "Oudeman and Ancien on the new generation",
            "Jens Oudeman and Pierre Ancien will commentate the Tour. They rate Paul Neuf.",
        ),
        (
            "Oudeman und Ancien als Experten",
            "Jens Oudeman und Pierre Ancien kommentieren die Tour. Sie loben Paul Neuf.",
        ),
    ],
)
def test_a_name_of_recent_seasons_only_vetoes_an_older_one(
    small: Tagger, fixed_today: None, title: str, text: str
) -> None:
    # Grocers Racing is the team's name since 2024, Paul Neuf races since 2025: two
    # retired riders agreeing on 2022 cannot put the story before them.
    found = riders(small, title, text, None)
    assert "jens-oudeman" not in found and "pierre-ancien" not in found
    assert found in (["luc-jeunet"], ["paul-neuf"])


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Hotels p/b Motors stops",
            "Hotels p/b Motors stops. Jens Oudeman and Pierre Ancien are looking for a team.",
        ),
        (
            "Hotels p/b Motors arrête",
            "Hotels p/b Motors s'arrête. Jens Oudeman et Pierre Ancien cherchent une équipe.",
        ),
    ],
)
def test_old_names_that_agree_still_move_the_story(
    small: Tagger, fixed_today: None, title: str, text: str
) -> None:
    assert riders(small, title, text, None) == ["jens-oudeman", "pierre-ancien"]


def test_only_closed_spans_vote_and_recent_names_veto() -> None:
    assert best_season([(2016, 2022), (2018, None), (2016, None)], 2026) is None
    assert best_season([(2016, 2022), (2017, 2022)], 2026) == 2022
    assert best_season([(2016, 2022), (2017, 2022)], 2026, vetoes=[2024]) is None
    assert best_season([(2016, 2022), (2017, 2021)], 2026, vetoes=[2020]) == 2021


# --- sibling pairs: one family, in a cycling passage ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Smyth brothers both signed new deals with Team Tulips.",
        "Die Smyth-Brüder fahren beide weiter für Team Tulips.",
        "Les frères Smyth restent chez Team Tulips.",
    ],
)
def test_brothers_of_one_nation_in_a_cycling_passage_are_both_named(
    small: Tagger, text: str
) -> None:
    assert riders(small, "Team Tulips", text) == ["owen-smyth", "rhys-smyth"]


@pytest.mark.parametrize(
    "text",
    [
        "The Sorensen sisters both renewed with Team Lilies.",
        "Las hermanas Sorensen renuevan con el Team Lilies.",
    ],
)
def test_sisters_are_two_women(small: Tagger, text: str) -> None:
    assert riders(small, "Team Lilies", text) == ["lea-sorensen", "mia-sorensen"]


@pytest.mark.parametrize(
    "text",
    [
        "The caravan of Team Tulips paid tribute to the Kessel twins, the entertainers.",
        "Die Karawane von Team Tulips erinnerte an die Kessel-Zwillinge, die Showstars.",
    ],
)
def test_a_pair_of_two_nations_is_no_family(small: Tagger, text: str) -> None:
    assert "nina-kessel" not in riders(small, "Team Tulips", text)


@pytest.mark.parametrize(
    "text",
    [
        "Los hermanos Gutierro tocaron en la salida del Team Tulips.",
        "The Gutierro brothers played at the start of Team Tulips.",
        "The Sorensen brothers played at the start of Team Lilies.",
    ],
)
def test_a_word_of_one_sex_names_no_pair_of_the_other(small: Tagger, text: str) -> None:
    found = riders(small, "Music at the start", text)
    assert "sheyla-gutierro" not in found and "lea-sorensen" not in found
    assert not {"jorge-gutierro", "sheyla-gutierro"} <= set(found)


def test_a_sex_neutral_word_names_a_mixed_pair(small: Tagger) -> None:
    text = "The Gutierro siblings both ride for Team Tulips and Team Lilies."
    assert riders(small, "Siblings", text) == ["jorge-gutierro", "sheyla-gutierro"]


@pytest.mark.parametrize(
    "text",
    [
        "Team Tulips won the team time trial with a margin of eleven seconds over the rest "
        "of the peloton, as expected by everyone.\n\nThe town held its summer market on the "
        "square all afternoon, with music and food. Much later, at the hotel, the guests "
        "thanked the Smyth brothers, who run the bus company of the town.",
        "Team Tulips won de ploegentijdrit met elf seconden voorsprong op de rest van het "
        "peloton, zoals iedereen verwachtte.\n\nDe stad hield de hele middag haar zomermarkt op "
        "het plein, met muziek en eten. Veel later, in het hotel, bedankten de gasten "
        "de gebroeders Smyth, die het busbedrijf van de stad runnen.",
    ],
)
def test_a_pair_far_from_any_cycling_name_is_nobody(small: Tagger, text: str) -> None:
    # The surname alone may still be read as one of them (the team's); never both.
    assert "rhys-smyth" not in riders(small, "Team time trial", text)
    # The same pair beside the team's name is the two riders.
    near = text.replace("Team Tulips won", "Team Tulips and Smyth brothers won", 1)
    assert riders(small, "Team time trial", near) == ["owen-smyth", "rhys-smyth"]


def test_sibling_pairs_time_grows_linearly(tagger: Tagger) -> None:
    """Hostile text on the whole roster: four times the plural words may not take eight
    times as long, and a plural word costs about what another word does (the roster's
    surnames are looked up, never walked, per plural word: walked, it cost 12 times)."""

    def body(word: str, n: int) -> str:
        return "Tadej Pogačar won. " + f"The Van Der Smith {word}. " * n

    def read(text: str) -> object:
        return tagger.tag("Brothers", text, WHEN, True, "en")

    assert_linear(read, lambda n: body("Brothers", n), 750)
    plural, other = body("Brothers", 3000), body("Builders", 3000)
    ratios = []
    for _ in range(ATTEMPTS):
        ratios.append(fastest_seconds(lambda: read(plural)) / fastest_seconds(lambda: read(other)))
        if ratios[-1] < 4.0:
            break
    assert ratios[-1] < 4.0, f"brothers / builders: {ratios}"


# --- "as a sponsor": sponsor nouns, whole words -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The continental squad of Luc Jeunet races next season with Team Tulips as its "
        "partner team.",
        "Das Continental-Team von Luc Jeunet fährt kommende Saison mit Team Tulips als "
        "Partnerteam.",
        "De continentale ploeg van Luc Jeunet rijdt volgend jaar met Team Tulips als partnerploeg.",
        "La squadra di Luc Jeunet correrà con il Team Tulips come partner tecnico.",
        "L'équipe de Luc Jeunet courra avec Team Tulips comme partenaire de formation.",
    ],
)
def test_a_partner_team_is_the_team(small: Tagger, text: str) -> None:
    assert teams(small, text) == ["tulips"]


@pytest.mark.parametrize(
    "text",
    [
        "Grocers Racing keeps its licence with Team Tulips as title sponsor.",
        "Grocers Racing behält die Lizenz mit Team Tulips als Hauptsponsor.",
        "Grocers Racing houdt de licentie met Team Tulips als hoofdsponsor.",
        "Grocers Racing garde sa licence avec Team Tulips comme sponsor principal.",
        "Grocers Racing mantiene la licencia con Team Tulips como patrocinador principal.",
        "Grocers Racing garde sa licence avec Team Tulips comme partenaire.",
    ],
)
def test_a_sponsor_noun_makes_the_name_the_company(small: Tagger, text: str) -> None:
    assert teams(small, text) == ["grocers"]
