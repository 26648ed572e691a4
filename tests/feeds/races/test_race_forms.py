"""Race names in the forms news writes them, and the race a crash story is about:
a short name ending a sentence, a race's own short form, a plural, and a crash told
days after the race it happened in."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races.terms import slovene_cases
from feeds.tagger import Tagger


def names(tagger: Tagger, title: str, text: str, published: date, language: str) -> list[str]:
    tags = tagger.tag(title, text, published, True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # "Tour. De Brit": the next sentence's first word is not "Tour de ...".
        ("nl", "Simon Yates werd vorig jaar nog vierde in de Tour. De Brit wordt kopman."),
        ("es", "Simon Yates fue cuarto en el Tour. De hecho, será el líder del equipo."),
        ("fr", "Simon Yates a terminé quatrième du Tour, de quoi rassurer l'équipe."),
    ],
)
def test_a_short_name_ending_a_sentence_is_the_race(
    tagger: Tagger, language: str, text: str
) -> None:
    assert names(tagger, "Simon Yates", text, date(2024, 6, 22), language) == ["Tour de France"]


def test_a_word_after_a_short_name_still_rules_it_out_within_a_sentence(
    tagger: Tagger,
) -> None:
    text = "Simon Yates won de Tour de Langkawi."
    assert "Tour de France" not in names(tagger, "Simon Yates", text, date(2024, 6, 22), "nl")


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "pt",
            "Alexander Kristoff vence a 2.ª etapa da Arctic Race",
            "O norueguês da Uno-X Mobility venceu ao sprint.",
        ),
        (
            "no",
            "Ny nordmann tilbake til Uno-X",
            "Markus Hoelgaard vant en etappe i Arctic Race i 2021.",
        ),
    ],
)
def test_the_arctic_race_by_its_short_form(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert names(tagger, title, text, date(2025, 8, 15), language) == ["Arctic Race of Norway"]


def test_a_plural_tour_de_france(tagger: Tagger) -> None:
    text = "Jonas Vingegaard, the winner of the last two Tours de France, crashed."
    assert names(tagger, "Vingegaard", text, date(2024, 4, 9), "en") == ["Tour de France"]


@pytest.mark.parametrize(
    ("language", "title", "text", "published", "focus"),
    [
        (
            "en",
            "Jonas Vingegaard undergoes successful surgery on collarbone",
            "Jonas Vingegaard has had an operation after his crash in the Tour of the Basque"
            " Country. He hopes to be ready for the Tour de France.",
            date(2024, 4, 9),
            ("tour-of-the-basque-country", 2024),
        ),
        (
            "da",
            "Jonas Vingegaard udskrevet fra hospitalet",
            "Jonas Vingegaard styrtede i Baskerlandet Rundt og har brækket kravebenet.",
            date(2024, 4, 16),
            ("tour-of-the-basque-country", 2024),
        ),
        # Weeks after the race, the crash is no longer that race's.
        (
            "en",
            "Jonas Vingegaard undergoes surgery on collarbone",
            "Jonas Vingegaard crashed in training; he won the Tour of the Basque Country.",
            date(2024, 5, 20),
            None,
        ),
    ],
)
def test_a_crash_told_days_after_a_race_is_that_race_s(
    tagger: Tagger,
    language: str,
    title: str,
    text: str,
    published: date,
    focus: tuple[str, int] | None,
) -> None:
    tags = tagger.tag(title, text, published, True, language=language)
    assert tags.kind == "crash"
    got = tags.race_focus
    assert (None if got is None else (got.race_id, got.year)) == focus


@pytest.mark.parametrize(
    ("text", "race"),
    [
        (
            "Bolezen mu je vzela preveč moči, da bi bil koristen na svetovnem prvenstvu.",
            "UCI Road World Championships",
        ),
        ("Pred dvema letoma je zmagal na evropskem prvenstvu.", "European Road Championships"),
        ("Tadej Pogačar je v Bruslju začel svojo peto dirko po Franciji.", "Tour de France"),
    ],
)
def test_a_slovenian_name_in_another_case(tagger: Tagger, text: str, race: str) -> None:
    assert race in names(tagger, "Matej Mohorič", text, date(2022, 9, 1), "sl")


def test_slovenian_cases_follow_from_the_name_s_first_words() -> None:
    assert slovene_cases("svetovno prvenstvo") == [
        "svetovnega prvenstva",
        "svetovnem prvenstvu",
        "svetovnemu prvenstvu",
        "svetovnim prvenstvom",
    ]
    assert slovene_cases("Dirka po Sloveniji") == [
        "dirke po Sloveniji",
        "dirki po Sloveniji",
        "dirko po Sloveniji",
    ]
    # A plural or feminine name is given in its forms by the calendar.
    assert slovene_cases("olimpijske igre") == []


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "fr",
            "Mercato Women's World Tour : Lidl-Trek frappe fort",
            "Femke Gerritse s'est imposée en 2023 (Volta a Catalunya). Lotte Kopecky et "
            "Elisa Balsamo ont signé avec SD Worx et Lidl-Trek, troisième du Tour of Norway.",
        ),
        (
            "da",
            "Felt i verdensklasse til kvindernes etapeløb",
            "Lucinda Brand og Marianne Vos har vundet Tour of Norway før, og Elisa Balsamo "
            "kører for Lidl-Trek.",
        ),
    ],
)
def test_a_mens_stage_race_in_a_womens_story_is_the_unlisted_womens_race(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    got = names(tagger, title, text, date(2025, 8, 20), language)
    assert "Tour of Norway" not in got and "Volta a Catalunya" not in got


def test_a_mens_one_day_race_in_a_womens_story_is_still_listed(tagger: Tagger) -> None:
    text = "Lotte Kopecky won Nokere Koerse and Elisa Balsamo was second for Lidl-Trek."
    assert names(tagger, "Kopecky", text, date(2024, 3, 20), "en") == ["Nokere Koerse"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Marianne Vos vandt Tour of Scandinavia i 2022."),
        ("en", "Marianne Vos won the Ladies Tour of Norway before it became a bigger race."),
    ],
)
def test_the_tour_of_scandinavia_and_its_predecessor(
    tagger: Tagger, language: str, text: str
) -> None:
    assert names(tagger, "Vos", text, date(2022, 8, 20), language) == ["Tour of Scandinavia"]


def test_le_dauphine_with_its_year_is_the_race(tagger: Tagger) -> None:
    text = "Ben Healy, vainqueur d'étape sur le Dauphiné 2022, rejoint Cofidis."
    assert names(tagger, "Cofidis", text, date(2025, 10, 1), "fr") == ["Critérium du Dauphiné"]


def test_le_dauphine_without_a_year_is_the_region(tagger: Tagger) -> None:
    text = (
        "Une nouvelle course cycliste traversera le Dauphiné en septembre, a annoncé la "
        "région. Romain Bardet en sera le parrain."
    )
    assert (
        names(tagger, "Une nouvelle course dans le Dauphiné", text, date(2025, 4, 10), "fr") == []
    )
