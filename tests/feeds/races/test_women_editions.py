"""Men's and women's editions: a word before a name, or an edition's sex, says which race
it is (feeds/races/sex.py, sex.toml); a name several women's races share is none of them;
a women's race the calendar holds wins over the men's of its name."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races.model import CalendarError
from feeds.races.sex import bundled_sex_marks, parse_sex_marks
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText
from tests.growth import assert_linear


def races(tagger: Tagger, title: str, text: str, language: str) -> list[str]:
    tags = tagger.tag(title, text, date(2024, 3, 20), True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Mads Pedersen rode the women's edition of the Tour de France as a guest.",
            ["Tour de France Femmes"],
        ),
        (
            "no",
            "Uno-X fikk sykle kvinnenes utgave av Tour de France i år.",
            ["Tour de France Femmes"],
        ),
        (
            "fr",
            "Mads Pedersen a suivi l'édition féminine du Tour de France.",
            ["Tour de France Femmes"],
        ),
        (
            "it",
            "Mads Pedersen ha seguito l'edizione femminile del Giro d'Italia.",
            ["Giro d'Italia Women"],
        ),
        (
            "da",
            "Demi Vollering kørte, efter at herrernes Tour de France var startet.",
            ["Tour de France"],
        ),
        (
            "de",
            "Demi Vollering, Enkelin eines Tour-de-France-Fahrers, gewinnt.",
            ["Tour de France"],
        ),
        # The everyday reading: no edition, no sex word; the story's sex decides.
        ("en", "Mads Pedersen rode the last edition of the Tour de France.", ["Tour de France"]),
        ("no", "Mads Pedersen syklet forrige utgave av Tour de France.", ["Tour de France"]),
    ],
)
def test_an_edition_s_sex_names_the_race(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    assert races(tagger, "Race news", text, language) == expected


def test_a_name_several_women_s_races_share_is_none_of_them(tagger: Tagger) -> None:
    """ "Ladies Tour" ends the names of several women's stage races."""
    text = "Demi Vollering was fifth in the Baloise Ladies Tour and won a stage."
    assert races(tagger, "Women's news", text, "en") == []
    simac = "Demi Vollering won the Simac Ladies Tour."
    assert races(tagger, "Women's news", simac, "en") == ["Simac Ladies Tour"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("it", "Elisa Longo Borghini vince il Giro dell'Emilia Donne.", ["Giro dell'Emilia Women"]),
        (
            "fr",
            "Cecilie Uttrup Ludwig a remporté deux fois le Tour d'Émilie.",
            ["Giro dell'Emilia Women"],
        ),
        ("fr", "Tadej Pogačar a remporté deux fois le Tour d'Émilie.", ["Giro dell'Emilia"]),
    ],
)
def test_the_women_s_tour_of_emilia(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    assert races(tagger, "Palmarès", text, language) == expected


def test_the_edition_words_are_read_from_the_text_s_end_back() -> None:
    marks = bundled_sex_marks()
    words = FoldedText("the women's edition of the").folded.split()
    assert marks.edition_sex(words) is True
    assert marks.edition_sex(FoldedText("l'édition masculine du").folded.split()) is False
    assert marks.edition_sex(FoldedText("the first edition of the").folded.split()) is None
    assert marks.edition_sex(FoldedText("the women's race and the").folded.split()) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('[after]\nmen = ["two words"]', "after.men: each entry folds to one word"),
        ('[before]\nkids = ["x"]', r"\[before\]: keys men, women only"),
        ('[sexes]\nmen = ["x"]', "unknown key 'sexes'"),
    ],
)
def test_bad_sex_words_are_refused(text: str, reason: str) -> None:
    with pytest.raises(CalendarError, match=reason):
        parse_sex_marks(text, "sex.toml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A men's story; a paragraph about a woman named twice means the women's race.
        (
            "Tadej Pogačar and Jonas Vingegaard rode. Tadej Pogačar won. Demi Vollering "
            "joins a new team. Last year Demi Vollering won the Tour de France.",
            ["Tour de France Femmes"],
        ),
        # The woman named once: the story's sex decides.
        (
            "Tadej Pogačar and Jonas Vingegaard rode. Tadej Pogačar won. "
            "Last year Demi Vollering won the Tour de France.",
            ["Tour de France"],
        ),
        # The woman named in her paragraph, the name in the next: the story's sex decides.
        (
            "Tadej Pogačar rode. Tadej Pogačar won. Demi Vollering joins. Demi Vollering "
            "signs.\n\nThe Tour de France starts in July.",
            ["Tour de France"],
        ),
        # In her paragraph, sentences later: her race.
        (
            "Tadej Pogačar rode. Tadej Pogačar won.\n\nDemi Vollering joins. Demi Vollering "
            "signs for two years. She wants to win the Tour de France.",
            ["Tour de France Femmes"],
        ),
        # A women's story; a sentence about a man named twice means the men's race.
        (
            "Demi Vollering and Lotte Kopecky signed. Demi Vollering won. Tadej Pogačar "
            "watched. Tadej Pogačar won the Tour de France again.",
            ["Tour de France"],
        ),
    ],
)
def test_a_paragraph_s_rider_tells_the_race_s_sex(
    tagger: Tagger, text: str, expected: list[str]
) -> None:
    assert races(tagger, "Cycling news", text, "en") == expected


def test_the_paragraph_s_rider_stays_linear(tagger: Tagger) -> None:
    """One rider named twice, then thousands of race names in one long sentence."""

    def make(n: int) -> str:
        return "Demi Vollering, Demi Vollering rode " + ", ".join(["the Tour de France"] * n)

    assert_linear(lambda text: races(tagger, "News", text, "en"), make, 1000)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("La Vuelta 2024", "Enric Mas correrá La Vuelta en agosto.", ["Vuelta a España"]),
        ("La Vuelta 2024", "Demi Vollering correrá La Vuelta en mayo.", ["La Vuelta Femenina"]),
        # "Vuelta Ciclista a ..." is another race's name.
        ("Equipos", "Demi Vollering ganó la Vuelta Ciclista a Extremadura femenina.", []),
        ("Resultados", "Enric Mas ganó la Vuelta Ciclista a Costa Rica.", []),
    ],
)
def test_la_vuelta_is_the_story_s_sex(
    tagger: Tagger, title: str, text: str, expected: list[str]
) -> None:
    assert races(tagger, title, text, "es") == expected
