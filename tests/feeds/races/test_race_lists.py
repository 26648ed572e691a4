"""Race names listed under one race word (feeds/races/lists.py, lists.toml): "the Tours of
Flanders and Wallonia", "as Voltas à Suíça, à Romandia e ao País Basco". Each listed place
counts only where, in the named race's place, it makes another calendar name; a region,
a town or a country after a race name stays a place."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races.lists import MAX_ITEMS, bundled_lists, parse_lists, words_for
from feeds.tagger import Tagger
from tests.growth import assert_linear

PUBLISHED = date(2025, 10, 20)


def _races(tagger: Tagger, language: str, text: str) -> set[str]:
    tags = tagger.tag("Season review", text, PUBLISHED, True, language=language)
    return {tagger.races.calendar.races[r].name for r in tags.races}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Wout van Aert won the Tours of Flanders and Wallonia in his best spring.",
            {"Tour of Flanders", "Tour de Wallonie"},
        ),
        (
            "pt",
            "Em 2025, João Almeida venceu as Voltas à Suíça, à Romandia e ao País Basco.",
            {"Tour de Suisse", "Tour de Romandie", "Tour of the Basque Country"},
        ),
        (
            "pt",
            "João Almeida venceu a Volta à Romandia e ao País Basco nesta temporada.",
            {"Tour de Romandie", "Tour of the Basque Country"},
        ),
        (
            "es",
            "Juan Ayuso ganó las Vueltas al País Vasco y a Romandía esta primavera.",
            {"Tour of the Basque Country", "Tour de Romandie"},
        ),
        (
            "it",
            "Juan Ayuso ha vinto il Giro di Romandia e di Vallonia quest'anno.",
            {"Tour de Romandie", "Tour de Wallonie"},
        ),
        (
            "fr",
            "Juan Ayuso a remporté les Tours de Romandie et de Wallonie cette saison.",
            {"Tour de Romandie", "Tour de Wallonie"},
        ),
        (
            "nl",
            "Arnaud De Lie won de Ronde van Wallonië en van Denemarken dit seizoen.",
            {"Tour de Wallonie", "Tour of Denmark"},
        ),
        (
            "sl",
            "Matej Mohorič je zmagal na dirkah po Poljski in Belgiji.",
            {"Tour of Poland", "Tour of Belgium"},
        ),
        (
            "sl",
            "Tadej Pogačar je zmagal na dirki po Italiji in Franciji.",
            {"Giro d'Italia", "Tour de France"},
        ),
    ],
)
def test_a_listed_place_is_its_race(
    tagger: Tagger, language: str, text: str, expected: set[str]
) -> None:
    assert expected <= _races(tagger, language, text)


def test_an_unknown_language_lists_in_english(tagger: Tagger) -> None:
    tags = tagger.tag(
        "Cycling", "Wout van Aert won the Tour of Flanders in Belgium.", PUBLISHED, True
    )
    names = {tagger.races.calendar.races[r].name for r in tags.races}
    assert "Tour of Belgium" not in names


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A country after a race name: no race of that word with the race's head.
        ("en", "Tadej Pogačar won the Tour de France and Italy cheered.", {"Tour de France"}),
        # A town, in lower case items, and a list broken by a full stop.
        (
            "pt",
            "João Almeida venceu a Volta à Suíça e a cidade de Lisboa festejou.",
            {"Tour de Suisse"},
        ),
        (
            "sl",
            "Matej Mohorič je zmagal na dirki po Poljski. Belgiji bo pomagal.",
            {"Tour of Poland"},
        ),
        # A plural race word before a region in another sport's sense.
        ("en", "The Tours of the old town and the castle are free.", set()),
        ("pt", "As voltas ao parque e à praia são gratuitas.", set()),
        # A region with no race of its own after a race name.
        (
            "it",
            "Juan Ayuso ha vinto il Giro di Romandia e di Toscana quest'anno.",
            {"Tour de Romandie"},
        ),
    ],
)
def test_not_a_listed_race(tagger: Tagger, language: str, text: str, expected: set[str]) -> None:
    assert _races(tagger, language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A place that is the possessor of a person or the head of a longer name is no
        # listed item: a list boundary must follow it.
        (
            "en",
            "Mathieu van der Poel won the Tour of Flanders and Denmark's Mads Pedersen was third.",
            {"Tour of Flanders"},
        ),
        (
            "en",
            "The Tour of Poland, and Norway's selectors are watching Tobias Foss.",
            {"Tour of Poland"},
        ),
        (
            "en",
            "Juan Ayuso rode the Tour of the Alps and Spain's coach was pleased.",
            {"Tour of the Alps"},
        ),
        (
            "en",
            "Filippo Ganna skipped Milan-San Remo, and Turin's fans were sad.",
            {"Milan-San Remo"},
        ),
        (
            "fr",
            "Le Tour de Romandie et France Télévisions prolongent leur accord.",
            {"Tour de Romandie"},
        ),
        (
            "es",
            "Juan Ayuso ganó la Vuelta a Burgos y España Directo lo contó.",
            {"Vuelta a Burgos"},
        ),
    ],
)
def test_a_listed_item_ends_at_a_list_boundary(
    tagger: Tagger, language: str, text: str, expected: set[str]
) -> None:
    assert _races(tagger, language, text) == expected


def test_list_words_per_language() -> None:
    lists = bundled_lists()
    assert {"en", "fr", "es", "pt", "it", "nl", "de", "da", "no", "sl"} <= set(lists)
    assert lists["pt"].plurals["voltas"] == "volta"
    assert ("and",) in lists["en"].joins
    # An unknown language reads English's words: another language's join word may be a
    # preposition ("in" joins Slovenian lists).
    assert words_for(None) == lists["en"]
    parsed = parse_lists('[en]\njoins = ["as well as"]\n')
    assert parsed["en"].joins == (("as", "well", "as"),)


def _long_list(n: int) -> str:
    return "Wout van Aert won the Tours of Flanders" + ", of Wallonia" * n + " and Denmark."


def _many_lists(n: int) -> str:
    return "Wout van Aert won the Tours of Flanders and Wallonia. " * n


def _possessives(n: int) -> str:
    return "the Tour of Flanders and Belgium's Wout, " * n


def _plurals_alone(n: int) -> str:
    return "Tours, tours and Voltas à " * n + "Suíça."


@pytest.mark.parametrize("make", [_long_list, _many_lists, _plurals_alone, _possessives])
def test_time_grows_linearly(tagger: Tagger, make) -> None:  # type: ignore[no-untyped-def]
    assert MAX_ITEMS < 50
    assert_linear(lambda body: tagger.tag("Season review", body, PUBLISHED, True, "en"), make, 1000)
