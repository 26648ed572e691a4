"""The teams' home regions (feeds/roster/data/team-regions.toml): every team known, no
adjective that is also a nationality or in two regions, and a malformed file refused."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.cues import NATIONALITIES
from feeds.nlp.transfers.described_teams import team_of_teams
from feeds.roster import NOT_ROSTER_FILES, load_roster
from feeds.roster.regions import DATA_FILE, RegionError, parse_regions, team_regions


def test_the_region_file_is_no_roster_file() -> None:
    assert DATA_FILE in NOT_ROSTER_FILES


def test_every_regions_team_is_in_the_roster() -> None:
    roster = load_roster(())
    teams = {tid for ids in team_regions().values() for tid in ids}
    assert teams and teams <= set(roster.teams)


def test_no_region_adjective_is_a_nationality() -> None:
    nationality_words = {
        form.lower() for forms in NATIONALITIES.values() for f in forms.values() for form in f
    }
    assert not set(team_regions()) & nationality_words


def test_a_region_means_its_one_team_at_the_date_and_of_the_sex() -> None:
    roster = load_roster(())
    brittany = team_regions()["bretonne"]
    assert team_of_teams(roster, brittany, date(2024, 6, 1), "men") == "arkea"
    assert team_of_teams(roster, brittany, date(2024, 6, 1), "women") == "arkea-women"
    # B&B Hotels-Vital Concept was Breton too: "bretonne" names neither in 2020
    assert team_of_teams(roster, brittany, date(2020, 6, 1), "men") is None
    assert team_of_teams(roster, team_regions()["bayerische"], date(2023, 6, 1), "men") == "bora"


@pytest.mark.parametrize(
    "text",
    [
        '[[region]]\nname = "X"\nteams = []\nadjectives = ["x"]\n',
        '[[region]]\nname = "X"\nteams = ["a"]\nadjectives = ["Breton"]\n',
        '[[region]]\nname = "X"\nteams = ["a"]\nadjectives = ["x"]\n'
        '[[region]]\nname = "Y"\nteams = ["b"]\nadjectives = ["x"]\n',
    ],
)
def test_a_malformed_region_file_is_refused(text: str) -> None:
    with pytest.raises(RegionError):
        parse_regions(text)
