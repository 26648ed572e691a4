"""Team stints the roster had a season off, pinned to the published facts that corrected them.

The transfer extractor trusts a rider's team at publication, so each case here is one where
the old stint would have blocked a real move or invented one.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import Person, Roster


def person(roster: Roster, name: str) -> Person:
    found = [p for p in roster.people.values() if p.name == name]
    assert len(found) == 1, f"{name}: {len(found)} entries"
    return found[0]


def mid(season: int) -> date:
    return date(season, 6, 1)


@pytest.mark.parametrize(
    ("name", "season", "team_id"),
    [
        # Signed in August 2022 for 2023 (UAE announcement, two-year deal).
        ("Domen Novak", 2022, "bahrain"),
        ("Domen Novak", 2023, "uae"),
        # Two seasons at Sport Vlaanderen-Baloise, Intermarché-Wanty from 2023, UAE from 2025.
        ("Rune Herregodts", 2022, "flanders-baloise"),
        ("Rune Herregodts", 2023, "intermarche"),
        # Left Alpecin-Deceuninck after one season for UAE (2023-2024), Q36.5 from 2025.
        ("Sjoerd Bax", 2024, "uae"),
        ("Sjoerd Bax", 2025, "q36-5"),
        # Groupama-FDJ until 2024; Tudor announced him in August 2024 for 2025.
        ("Fabian Lienhard", 2024, "groupama-fdj"),
        ("Fabian Lienhard", 2025, "tudor"),
        # Ineos from 2022 after four seasons at Astana.
        ("Omar Fraile", 2021, "astana"),
        ("Omar Fraile", 2022, "ineos"),
        # Bahrain Victorious 2022-2024, Jayco AlUla from 2025.
        ("Jasha Sütterlin", 2024, "bahrain"),
        ("Jasha Sütterlin", 2025, "jayco"),
    ],
)
def test_team_in_season(roster: Roster, name: str, season: int, team_id: str) -> None:
    assert person(roster, name).team_on(mid(season)) == team_id


def test_a_contract_extended_for_a_last_season_keeps_the_rider_active(roster: Roster) -> None:
    # Steven Kruijswijk extended with Visma for 2026, announced as his last season.
    kruijswijk = person(roster, "Steven Kruijswijk")
    assert kruijswijk.team_on(mid(2026)) == "visma"
    assert kruijswijk.is_active_rider(mid(2026))


@pytest.mark.parametrize(
    ("name", "last_season", "last_team"),
    [
        # Career ended after Paris-Tours 2025, with Arkéa-B&B Hotels since August 2023.
        ("Arnaud Démare", 2025, "arkea"),
        # Last season 2024, with Decathlon-AG2R after three years at TotalEnergies.
        ("Edvald Boasson Hagen", 2024, "decathlon-ag2r"),
        # Retired after the 2023 Tour of Guangxi; Quick-Step 2020-2021, BORA again 2022-2023.
        ("Shane Archbold", 2023, "bora"),
    ],
)
def test_retired_riders_end_on_their_last_team(
    roster: Roster, name: str, last_season: int, last_team: str
) -> None:
    rider = person(roster, name)
    assert rider.retired == last_season
    assert rider.team_on(mid(last_season)) == last_team
    assert rider.team_on(mid(last_season + 1)) is None
    assert not rider.is_active_rider(mid(last_season + 1))
