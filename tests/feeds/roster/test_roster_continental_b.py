"""Continental teams, second pass (feeds/roster/data/men-teams-continental-b.toml,
women-teams-continental-b.toml and their riders' files; sources in the files' headers):
German, Austrian, British, Danish, Portuguese, Spanish and Colombian continental teams and
riders of other teams the news named. Careers pinned, names resolved on their dates, stories
that name them read them, and the riders whose surnames are everyday words left out."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.tag.careers import person_kind
from feeds.roster import bundled_roster
from feeds.tagger import Tagger


@pytest.fixture(scope="module")
def roster():
    return bundled_roster()


@pytest.mark.parametrize(
    ("person_id", "when", "team_id"),
    [
        ("leslie-luhrs", date(2023, 6, 1), "lotto-kern-haus"),
        ("leslie-luhrs", date(2024, 6, 1), "bike-aid"),
        ("ole-theiler", date(2024, 6, 1), "storck-metropol"),
        ("daniel-schrag", date(2024, 6, 1), "maloja-pushbikers"),
        ("jaka-primozic", date(2023, 6, 1), "hrinkow-advarics"),
        ("jack-rootkin-gray", date(2023, 6, 1), "saint-piran"),
        ("jack-rootkin-gray", date(2024, 6, 1), "ef"),
        ("rasmus-bogh-wallin", date(2023, 6, 1), "restaurant-suri-carl-ras"),
        ("rasmus-bogh-wallin", date(2024, 6, 1), "uno-x"),
        ("pirmin-benz", date(2022, 6, 1), "rad-net"),
        ("pirmin-benz", date(2023, 6, 1), "vorarlberg"),
        ("tilen-finkst", date(2023, 6, 1), "adria-mobil"),
        ("juraj-sagan", date(2022, 6, 1), "totalenergies"),
        # Extended by TotalEnergies for 2022, his last season.
        ("niki-terpstra", date(2022, 6, 1), "totalenergies"),
        # A Team Coop rider when the team stopped in 2022.
        ("embret-svestad-bardseng", date(2022, 6, 1), "coop"),
        ("sammie-stuart", date(2023, 6, 1), "das-handsling-women"),
    ],
)
def test_stints(roster, person_id: str, when: date, team_id: str) -> None:
    assert roster.people[person_id].team_on(when) == team_id


@pytest.mark.parametrize(
    ("person_id", "when", "kind"),
    [
        ("juraj-sagan", date(2022, 6, 1), "rider"),
        ("juraj-sagan", date(2023, 6, 1), "retired"),
        ("niki-terpstra", date(2022, 9, 1), "rider"),
        ("niki-terpstra", date(2026, 5, 1), "staff"),
    ],
)
def test_kinds(roster, person_id: str, when: date, kind: str) -> None:
    assert person_kind(roster.people[person_id], when) == kind


@pytest.mark.parametrize(
    ("team_id", "when", "name"),
    [
        ("dsm-dev", date(2022, 6, 1), "Team DSM Development"),
        ("dsm-dev", date(2024, 6, 1), "Team dsm-firmenich Development"),
        ("dsm-dev", date(2025, 6, 1), "Team Picnic PostNL Development"),
        ("rad-net", date(2022, 6, 1), "Rad-Net Rose Team"),
        ("rad-net", date(2024, 6, 1), "rad-net Oßwald"),
        ("le-col-wahoo-women", date(2022, 6, 1), "Le Col-Wahoo"),
        ("le-col-wahoo-women", date(2023, 6, 1), "Lifeplus-Wahoo"),
        ("zaaf-women", date(2023, 6, 1), "Zaaf Cycling Team"),
        ("iam", date(2015, 6, 1), "IAM Cycling"),
    ],
)
def test_names_on_dates(roster, team_id: str, when: date, name: str) -> None:
    assert roster.teams[team_id].name_on(when) == name


@pytest.mark.parametrize(
    ("text", "when", "language", "riders", "teams"),
    [
        (
            "Zu anderen Kontinental-Teams wechselten Leslie Lührs (Bike Aid) und Daniel "
            "Schrag (Maloja Pushbikers); neu ist Mauro Brenner (dsm-firmenich Development).",
            date(2024, 1, 15),
            "de",
            {"leslie-luhrs", "daniel-schrag"},
            {"bike-aid", "maloja-pushbikers", "dsm-dev"},
        ),
        (
            "Para 2024 mantêm-se a Kelly-Simoldes-UDO, a AP Hotels & Resorts-Tavira-Farense e a "
            "Aviludo-Louletano-Loulé Concelho no pelotão nacional de ciclismo.",
            date(2023, 10, 23),
            "pt",
            set(),
            {"kelly-simoldes", "ap-hotels-tavira", "aviludo-louletano"},
        ),
        (
            "Jack Rootkin-Gray rode for Saint Piran for two seasons before joining the "
            "WorldTour with EF Education-EasyPost.",
            date(2024, 11, 27),
            "en",
            {"jack-rootkin-gray"},
            {"saint-piran", "ef"},
        ),
        (
            "Desaparece el Eneicat leonés; Cantabria Deporte Rio Miera corre como equipo "
            "amateur en la Vuelta.",
            date(2025, 11, 9),
            "es",
            set(),
            {"eneicat-women", "cantabria-deporte-women"},
        ),
    ],
)
def test_stories_read_them(
    tagger: Tagger, text: str, when: date, language: str, riders: set, teams: set
) -> None:
    tags = tagger.tag("", text, when, feed_is_cycling=True, language=language)
    assert riders <= set(tags.riders)
    assert teams <= set(tags.teams)


def test_former_team_of_another_lineage_is_not_the_continental_team(tagger: Tagger) -> None:
    text = "He worked at Leopard-Trek, where he met Cancellara, before the Tour de France."
    tags = tagger.tag("", text, date(2022, 10, 1), feed_is_cycling=True, language="en")
    assert "leopard" not in tags.teams


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Turk attacked on the final climb of the stage.", "en"),
        ("La verza e la Verza: la tappa del Giro è stata vinta in volata.", "it"),
        ("Mit dem Dorn im Reifen verlor er die Etappe des Rennens.", "de"),
    ],
)
def test_everyday_surnames_left_out(tagger: Tagger, text: str, language: str) -> None:
    tags = tagger.tag("", text, date(2024, 5, 10), feed_is_cycling=True, language=language)
    assert tags.riders == []
