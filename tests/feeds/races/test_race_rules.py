"""Race, focus and kind rules from the error analysis of the development sets (each a
general pattern, checked in more than one language), through `Tagger.tag`."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.models import StoryTags
from feeds.races.kind import KindEvidence, decide_kind
from feeds.tagger import Tagger


def names(tagger: Tagger, tags: StoryTags) -> list[str]:
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "under", "elite"),
    [
        ("it", "Tadej Pogačar ha vinto il Giro Under 23 nel 2018", "poi il Giro d'Italia."),
        ("es", "Tadej Pogačar ganó el Giro de Italia sub-23", "y después el Giro de Italia."),
        ("pt", "Tadej Pogačar, terceiro no Giro sub-23", "venceu depois o Giro d'Italia."),
        ("en", "Tadej Pogačar won the Giro Next Gen", "and later the Giro d'Italia."),
    ],
)
def test_an_under_23_edition_is_not_the_race(
    tagger: Tagger, language: str, under: str, elite: str
) -> None:
    day = date(2025, 1, 10)
    alone = tagger.tag("Pogačar", under, day, True, language=language)
    assert names(tagger, alone) == []
    both = tagger.tag("Pogačar", f"{under}, {elite}", day, True, language=language)
    assert names(tagger, both) == ["Giro d'Italia"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sl", "Tadej Pogačar bo sezono začel na puščavski dirki AlUla Tour."),
        ("en", "Tadej Pogačar starts his season at the Saudi Tour in February."),
        ("nl", "Tadej Pogačar begint zijn seizoen in de Oman Tour."),
    ],
)
def test_tour_ending_another_race_s_name_is_not_the_tour_de_france(
    tagger: Tagger, language: str, text: str
) -> None:
    tags = tagger.tag("Season start", text, date(2026, 1, 15), True, language=language)
    assert "Tour de France" not in names(tagger, tags)


def test_a_title_case_headline_or_a_team_before_the_tour_still_names_it(tagger: Tagger) -> None:
    day = date(2025, 7, 10)
    headline = tagger.tag("Tadej Pogačar Wins Tour Stage", "", day, True, language="en")
    assert names(tagger, headline) == ["Tour de France"]
    team = tagger.tag("Selection", "The Movistar Team Tour squad is out.", day, True, language="en")
    assert names(tagger, team) == ["Tour de France"]


@pytest.mark.parametrize(
    "text",
    [
        "Tour organisers confirmed it. Tadej Pogačar will ride.",
        "Tadej Pogačar wins. Tour organisers were pleased.",
        "Tadej Pogačar: Tour is the goal.",
        "Tadej Pogačar rides the Tour again.",
    ],
)
def test_the_tour_at_a_sentence_start_or_after_a_small_word_still_counts(
    tagger: Tagger, text: str
) -> None:
    tags = tagger.tag("Pogačar", text, date(2025, 7, 10), True, language="en")
    assert names(tagger, tags) == ["Tour de France"]


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("es", "Enric Mas descarta el Tour y apuesta por el Giro", "Enric Mas correrá el Giro."),
        ("en", "Pogačar skips the Giro and targets the Tour", "Tadej Pogačar will ride the Tour."),
    ],
)
def test_a_programme_naming_two_races_in_its_headline_has_no_focus(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    tags = tagger.tag(title, text, date(2025, 12, 11), True, language=language)
    assert tags.kind == "lineup"
    assert tags.race_focus is None


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "no",
            "Uno-X presentert i Lille",
            "Lagene i Tour de France ble presentert. Uno-X stiller i Tour de France med "
            "Alexander Kristoff som kaptein.",
        ),
        (
            "en",
            "Lidl-Trek names its eight",
            "Lidl-Trek's selection for the Tour de France is out: Mads Pedersen leads the "
            "team at the Tour de France.",
        ),
    ],
)
def test_a_team_s_selection_is_about_the_race_its_text_keeps_naming(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    tags = tagger.tag(title, text, date(2025, 7, 3), True, language=language)
    assert tags.kind == "lineup"
    focus = tags.race_focus
    assert focus is not None and (focus.race_id, focus.year) == ("tour-de-france", 2025)


def evidence(title: dict[str, int], text: dict[str, int]) -> KindEvidence:
    return KindEvidence(
        Counter(title),
        Counter(text),
        has_race=True,
        cycling=True,
        is_transfer=False,
        race_near=True,
        title_team=False,
        title_race=False,
    )


def test_a_preview_headline_borrowing_a_result_word_stays_a_preview() -> None:
    assert decide_kind(evidence({"preview": 1, "result": 1}, {})) == "preview"
    assert decide_kind(evidence({"preview": 1, "result": 2}, {})) == "result"


def test_one_kind_word_in_the_text_decides_only_when_no_other_kind_has_one() -> None:
    assert decide_kind(evidence({}, {"crash": 1})) == "crash"
    assert decide_kind(evidence({}, {"crash": 1, "transfer": 1})) == "other"
    assert decide_kind(evidence({}, {"crash": 1, "transfer": 2})) == "transfer"


@pytest.mark.parametrize(
    ("language", "title", "text", "expected"),
    [
        (
            "pt",
            "Pauline Ferrand-Prévot vence o Tour de France Femmes",
            "A francesa vence 40 anos depois de Bernard Hinault no Tour de France masculino.",
            ["Tour de France Femmes", "Tour de France"],
        ),
        (
            "es",
            "Tadej Pogačar y el Tour de Francia",
            "Tadej Pogačar visitó el Tour de Francia femenino en Vannes.",
            ["Tour de France", "Tour de France Femmes"],
        ),
    ],
)
def test_a_word_after_a_race_name_says_which_sex_s_race_it_is(
    tagger: Tagger, language: str, title: str, text: str, expected: list[str]
) -> None:
    tags = tagger.tag(title, text, date(2025, 7, 27), True, language=language)
    assert names(tagger, tags) == expected
