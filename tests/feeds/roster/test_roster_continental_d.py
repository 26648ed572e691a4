"""Continental teams, fourth pass (feeds/roster/data/men-teams-continental-d.toml,
women-teams-continental-d.toml and their riders' files; sources in the files' headers):
Hagens Berman Jayco's riders, Sava Kranj, BTC City Ljubljana and UAE Team ADQ's development
team. Careers pinned, names resolved on their dates, stories that name them read them, a
son who shares his father's surname kept apart from him, and the riders whose surnames are
everyday words or other people's names left out."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import bundled_roster
from feeds.tagger import Tagger


@pytest.fixture(scope="module")
def roster():
    return bundled_roster()


@pytest.mark.parametrize(
    ("person_id", "when", "team_id"),
    [
        ("adam-rafferty", date(2024, 6, 1), "hagens-berman"),
        ("ben-wiggins", date(2025, 6, 1), "hagens-berman"),
        ("wil-holmes", date(2025, 6, 1), "hagens-berman"),
        ("adam-holm-jorgensen", date(2024, 6, 1), "hagens-berman"),
        ("matic-zumer", date(2024, 6, 1), "sava-kranj"),
        ("ursa-pintar", date(2014, 6, 1), "btc-city-ljubljana-women"),
        ("ursa-pintar", date(2020, 6, 1), "uae-adq-women"),
        ("urska-bravec", date(2018, 6, 1), "btc-city-ljubljana-women"),
        ("huda-hussain", date(2023, 6, 1), "uae-development-women"),
        ("sophia-zwaan", date(2023, 6, 1), "uae-development-women"),
    ],
)
def test_stints(roster, person_id: str, when: date, team_id: str) -> None:
    assert roster.people[person_id].team_on(when) == team_id


def test_a_season_no_source_covers_is_left_open(roster) -> None:
    assert roster.people["darren-parham"].team_on(date(2025, 6, 1)) is None


@pytest.mark.parametrize(
    ("team_id", "when", "name"),
    [
        ("btc-city-ljubljana-women", date(2014, 6, 1), "BTC City Ljubljana"),
        ("btc-city-ljubljana-women", date(2023, 6, 1), "BTC City Ljubljana"),
        ("sava-kranj", date(2024, 6, 1), "Sava Kranj"),
    ],
)
def test_names_on_dates(roster, team_id: str, when: date, name: str) -> None:
    assert roster.teams[team_id].name_on(when) == name


@pytest.mark.parametrize(
    ("text", "when", "language", "riders", "teams"),
    [
        (
            "Adam Rafferty and Evan Boyle join Hagens Berman Jayco, the US development team of "
            "Axel Merckx, for the 2024 season.",
            date(2023, 11, 1),
            "en",
            {"adam-rafferty", "evan-boyle"},
            {"hagens-berman"},
        ),
        (
            "Državno prvenstvo je dobila Urša Pintar (BTC City Ljubljana Scott), v pobegu pa je "
            "bil Matic Žumer (Sava Kranj).",
            date(2024, 6, 20),
            "sl",
            {"ursa-pintar", "matic-zumer"},
            {"btc-city-ljubljana-women", "sava-kranj"},
        ),
        (
            "Martin Jurik und Kristjan Hočevar fahren für Adria Mobil.",
            date(2023, 3, 1),
            "de",
            {"martin-yurik", "kristjan-hocevar"},
            {"adria-mobil"},
        ),
    ],
)
def test_stories_read_them(
    tagger: Tagger, text: str, when: date, language: str, riders: set, teams: set
) -> None:
    tags = tagger.tag("", text, when, feed_is_cycling=True, language=language)
    assert riders <= set(tags.riders)
    assert teams <= set(tags.teams)


def test_the_father_is_not_read_as_the_son(tagger: Tagger) -> None:
    text = "Bradley Wiggins won the Tour de France in 2012. Wiggins later won Olympic gold."
    tags = tagger.tag("", text, date(2024, 7, 1), feed_is_cycling=True, language="en")
    assert "ben-wiggins" not in set(tags.riders)


def test_the_son_is_read_by_his_full_name(tagger: Tagger) -> None:
    text = "Ben Wiggins rides for Hagens Berman Jayco; his father Bradley Wiggins won the Tour."
    tags = tagger.tag("", text, date(2024, 7, 1), feed_is_cycling=True, language="en")
    assert "ben-wiggins" in set(tags.riders)


@pytest.mark.parametrize(
    "person_id",
    [
        "lauren-perry",
        "martina-ritter",
        "alenka-novak",
        "karin-penko",
        "eirik-vang-aas",
        "matthew-cole",
    ],
)
def test_everyday_surnames_left_out(roster, person_id: str) -> None:
    assert person_id not in roster.people
