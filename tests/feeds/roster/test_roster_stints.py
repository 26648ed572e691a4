"""Team stints the roster had a season off, pinned to the published facts that corrected them.

The transfer extractor trusts a rider's team at publication, so each case here is one where
the old stint would have blocked a real move or invented one.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import Person, Roster, bundled_roster


@pytest.fixture(scope="module")
def roster() -> Roster:
    return bundled_roster()


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
        # Joined Cofidis at the start of 2022 from Intermarché-Circus-Wanty.
        ("Wesley Kreder", 2021, "intermarche"),
        ("Wesley Kreder", 2022, "cofidis"),
        # Eight years at Intermarché-Wanty, Q36.5 from 2023 on a two-year deal.
        ("Tom Devriendt", 2022, "intermarche"),
        ("Tom Devriendt", 2023, "q36-5"),
        # Fundación Euskadi for 2020 after five Movistar seasons; Cofidis from 2021.
        ("Rubén Fernández", 2020, "euskaltel"),
        ("Rubén Fernández", 2021, "cofidis"),
        # Eolo-Kometa from 2021 after five seasons at Androni.
        ("Francesco Gavazzi", 2021, "polti"),
        # Left Cofidis after eleven seasons for a two-year deal at Arkéa-Samsic.
        ("Nicolas Edet", 2022, "arkea"),
        # Sunweb/DSM to the end of 2021, then two seasons at Jumbo-Visma.
        ("Coryn Labecki", 2021, "picnic-postnl-women"),
        ("Coryn Labecki", 2022, "visma-women"),
        # Jumbo-Visma 2021-2022, AG Insurance-Soudal Quick-Step 2023, Human Powered Health 2024-.
        ("Romy Kasper", 2023, "ag-insurance-soudal-women"),
        ("Romy Kasper", 2024, "human-powered-health-women"),
        # One season at Cofidis, EF-Oatly-Cannondale from 2025.
        ("Sarah Roy", 2024, "cofidis-women"),
        ("Sarah Roy", 2025, "ef-cannondale-women"),
        # Three years at BikeExchange/Jayco from 2021, Laboral Kutxa from 2024.
        ("Ane Santesteban", 2021, "liv-alula-jayco-women"),
        ("Ane Santesteban", 2024, "laboral-kutxa-women"),
        # Bingoal 2021-2022; the later continental team is not a roster team.
        ("Timothy Dupont", 2021, "bingoal"),
        ("Timothy Dupont", 2023, None),
    ],
)
def test_team_in_season(roster: Roster, name: str, season: int, team_id: str | None) -> None:
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
        # Last race Coppa Bernocchi 2025 after two seasons at Q36.5.
        ("Giacomo Nizzolo", 2025, "q36-5"),
        # Last race Veneto Classic 2025; a Q36.5 sports director from 2026.
        ("Gianluca Brambilla", 2025, "q36-5"),
        # Last race the 2023 Japan Cup, at Cofidis since 2019.
        ("Pierre-Luc Périchon", 2023, "cofidis"),
        # Back to mountain biking after one season at Eolo-Kometa.
        ("Diego Rosa", 2022, "polti"),
        # Not renewed by Bardiani after 2022, his thirteenth season.
        ("Sacha Modolo", 2022, "bardiani"),
        # Announced in June 2021 that the season would be his last, at B&B Hotels since 2018.
        ("Kévin Réza", 2021, "b-b-hotels"),
        # Retired at the end of 2021 after four seasons with the GreenEdge team.
        ("Lucy Kennedy", 2021, "liv-alula-jayco-women"),
        # Final season 2024 with EF-Oatly-Cannondale.
        ("Coryn Labecki", 2024, "ef-cannondale-women"),
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
