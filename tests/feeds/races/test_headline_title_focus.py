"""A championship the headline names only by the title won ("Urška Žigart prvič državna
prvakinja na cestni dirki", "Arnaud De Lie crowned Belgian champion in Binche") is the
story's focus (feeds/races/tagging.py `_headline_implied`); a title that only describes
its rider ("Belgian champion Arnaud De Lie signs ...") gives none."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger


def _focus(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    tags = tagger.tag(title, text, published, True, language=language)
    if tags.race_focus is None:
        return "none"
    return tagger.races.calendar.races[tags.race_focus.race_id].name


@pytest.mark.parametrize(
    ("language", "title", "text", "published", "race"),
    [
        (
            "sl",
            "Tadej Pogačar je postal državni prvak v vožnji na čas",
            "Tadej Pogačar je na Pokljuki zmagal v kronometru, drugi je bil Matej Mohorič.",
            date(2023, 6, 22),
            "Slovenian National Road Championships",
        ),
        (
            "en",
            "Arnaud De Lie crowned Belgian champion in Binche",
            "Arnaud De Lie sprinted to the win ahead of Jasper Philipsen and Tim Merlier.",
            date(2024, 6, 23),
            "Belgian National Road Championships",
        ),
    ],
)
def test_a_title_won_in_the_headline_is_the_focus(
    tagger: Tagger, language: str, title: str, text: str, published: date, race: str
) -> None:
    assert _focus(tagger, title, text, published, language) == race


def test_a_title_describing_its_rider_gives_no_focus(tagger: Tagger) -> None:
    title = "Belgian champion Arnaud De Lie signs a new contract with Lotto"
    text = "Arnaud De Lie has extended his contract with Lotto until the end of 2028."
    assert _focus(tagger, title, text, date(2024, 9, 1), "en") == "none"


@pytest.mark.parametrize(
    ("language", "title", "text", "published"),
    [
        # Crowned far from the road championships' dates: another discipline's title.
        (
            "en",
            "Wout van Aert crowned Belgian champion in the mud",
            "Wout van Aert won the title on Sunday, beating Eli Iserbyt by forty seconds.",
            date(2025, 1, 12),
        ),
        # In season, but the headline and lead name another discipline.
        (
            "en",
            "Arnaud De Lie crowned Belgian champion on the track",
            "Arnaud De Lie won the points race in Ghent ahead of Lindsay De Vylder.",
            date(2024, 6, 23),
        ),
        (
            "sl",
            "Tadej Pogačar je postal državni prvak v gorskem kolesarstvu",
            "Tadej Pogačar je zmagal na progi v Kranju pred Matejem Mohoričem.",
            date(2023, 6, 22),
        ),
    ],
)
def test_a_title_not_read_as_the_road_gives_no_focus(
    tagger: Tagger, language: str, title: str, text: str, published: date
) -> None:
    assert _focus(tagger, title, text, published, language) == "none"


@pytest.mark.parametrize(
    ("race_id", "published", "in_season"),
    [
        ("belgian-national-road-championships", date(2025, 6, 23), True),
        ("belgian-national-road-championships", date(2025, 8, 5), True),
        ("belgian-national-road-championships", date(2025, 1, 12), False),
        ("belgian-national-road-championships", date(2025, 9, 15), False),
        # Run in January (nationals.toml [road_season]).
        ("australian-national-road-championships", date(2025, 1, 12), True),
        ("australian-national-road-championships", date(2024, 12, 20), True),
        ("australian-national-road-championships", date(2025, 6, 23), False),
        # Not a national championship: no season of its own here.
        ("tour-de-france", date(2025, 1, 12), True),
    ],
)
def test_a_road_title_season(
    tagger: Tagger, race_id: str, published: date, in_season: bool
) -> None:
    nationals = tagger.races.nationals
    assert nationals is not None
    assert nationals.in_season(race_id, published) is in_season
