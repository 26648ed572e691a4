"""A national championship named without its nation is the one of the rider it is about
(feeds/races/nationals.py), through `Tagger.tag` with the bundled roster and calendar."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races import bundled_calendar
from feeds.races.model import CalendarError
from feeds.races.nationals import bundled_nationals, parse_nationals
from feeds.tagger import Tagger


def races(tagger: Tagger, text: str, language: str) -> list[str]:
    tags = tagger.tag("Season plans", text, date(2025, 1, 20), True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Remco Evenepoel will target the Ardennes and his national championships.",
            ["Belgian National Road Championships"],
        ),
        (
            "es",
            "Jefferson Cepeda fue segundo en el campeonato nacional de su país.",
            ["Ecuadorian National Road Championships"],
        ),
        (
            "nl",
            "Mathieu van der Poel rijdt eind juni de nationale kampioenschappen.",
            ["Dutch National Road Championships"],
        ),
        (
            "da",
            "Mads Pedersen kører de nationale mesterskaber i juni.",
            ["Danish National Road Championships"],
        ),
    ],
)
def test_the_nation_is_the_rider_s(
    tagger: Tagger, language: str, text: str, expected: list[str]
) -> None:
    assert races(tagger, text, language) == expected


def test_without_a_rider_before_them_the_words_name_no_race(tagger: Tagger) -> None:
    assert races(tagger, "The national championships are in June.", "en") == []
    # A rider named only in an earlier paragraph is not the one the words are about.
    text = "Remco Evenepoel trains in Spain.\n\nThe national championships are in June."
    assert races(tagger, text, "en") == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("names = [1]", "names: must be a list of non-empty strings"),
        ('names = ["..."]', "folds to nothing"),
        ('nations = ["x"]', "unknown key 'nations'"),
        ("names = [", "not valid TOML"),
    ],
)
def test_a_bad_nationals_file_is_refused_naming_the_reason(text: str, reason: str) -> None:
    with pytest.raises(CalendarError, match=reason):
        parse_nationals(text, "nationals.toml", bundled_calendar())


def test_every_nations_championships_has_its_names_with_the_nation() -> None:
    # Each national championships race of the calendar is named with its nation in every
    # language of [forms] ("championnats de Colombie", "Campeonato de México").
    calendar = bundled_calendar()
    nationals = bundled_nationals(calendar)
    for race_id in nationals.by_country.values():
        made = nationals.names[race_id]
        assert len(made) >= 20, race_id  # four languages, several forms each
    assert "championnats de Colombie" in nationals.names["colombian-national-road-championships"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('[forms]\nfr = ["championnats"]', "each form holds {} once"),
        ('[countries]\nColombia = { fr = "Colombie" }', "is not an IOC code"),
        ('[countries]\nCOL = { fr = "" }', "language = name"),
    ],
)
def test_a_bad_form_or_country_is_refused(text: str, reason: str) -> None:
    with pytest.raises(CalendarError, match=reason):
        parse_nationals(text, "nationals.toml", bundled_calendar())


def test_a_nation_the_calendar_lacks_is_skipped() -> None:
    text = '[forms]\nfr = ["championnats de {}"]\n[countries]\nIRL = { fr = "Irlande" }'
    nationals = parse_nationals(text, "nationals.toml", bundled_calendar())
    assert not any("Irlande" in n for names in nationals.names.values() for n in names)
