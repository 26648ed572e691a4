"""Continental teams and their riders (feeds/roster/data/men-teams-continental.toml,
women-teams-continental.toml and their riders' files; sources in those files' headers): the
WorldTeams' development squads, Portuguese, Slovenian, Scandinavian, Czech, American and
Chinese continental teams. A few careers pinned, the teams' names resolved on their dates,
stories that name them read them, and words that are also their riders' surnames left alone."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.tag.careers import person_kind
from feeds.roster import bundled_roster
from feeds.roster.names import RosterNames
from feeds.tagger import Tagger

CONTINENTAL_FILES = ("men-teams-continental.toml", "women-teams-continental.toml")


@pytest.fixture(scope="module")
def roster():
    return bundled_roster()


@pytest.mark.parametrize(
    ("person_id", "when", "team_id"),
    [
        # Sabgal-Anicolor to Efapel for 2025, after four seasons in Águeda.
        ("mauricio-moreira", date(2024, 6, 1), "anicolor"),
        ("mauricio-moreira", date(2025, 6, 1), "efapel"),
        ("artem-nych", date(2025, 8, 1), "anicolor"),
        # ABTF Betão-Feirense 2023-24, Bahrain Victorious from 2025.
        ("afonso-eulalio", date(2023, 6, 1), "feirense"),
        ("afonso-eulalio", date(2025, 6, 1), "bahrain"),
        # Lidl-Trek's development team in its first season, the WorldTeam from 2025.
        ("tim-torn-teutenberg", date(2024, 6, 1), "lidl-trek-future"),
        ("tim-torn-teutenberg", date(2025, 6, 1), "lidl-trek"),
        ("pablo-torres", date(2024, 6, 1), "uae-gen-z"),
        ("pablo-torres", date(2025, 6, 1), "uae"),
        ("tyler-stites", date(2024, 6, 1), "project-echelon"),
        ("ricarda-bauernfeind", date(2022, 6, 1), "canyon-sram-generation-women"),
        ("ricarda-bauernfeind", date(2023, 6, 1), "canyon-sram-women"),
    ],
)
def test_stints(roster, person_id: str, when: date, team_id: str) -> None:
    assert roster.people[person_id].team_on(when) == team_id


@pytest.mark.parametrize(
    ("person_id", "when", "kind"),
    [
        # A B&B Hotels p/b KTM rider until the team closed, a sports director from 2026.
        ("eliot-lietaer", date(2022, 5, 1), "rider"),
        ("eliot-lietaer", date(2026, 5, 1), "staff"),
        # Retired after 2023, the Boavista team's sports director from 2026.
        ("andre-cardoso", date(2022, 5, 1), "rider"),
        ("andre-cardoso", date(2026, 5, 1), "staff"),
    ],
)
def test_careers(roster, person_id: str, when: date, kind: str) -> None:
    assert person_kind(roster.people[person_id], when) == kind


@pytest.mark.parametrize(
    ("name", "when", "team_id"),
    [
        ("Glassdrive-Q8-Anicolor", date(2022, 6, 1), "anicolor"),
        ("Sabgal-Anicolor", date(2024, 6, 1), "anicolor"),
        ("Anicolor-Tien21", date(2025, 6, 1), "anicolor"),
        ("ABTF Betão-Feirense", date(2024, 6, 1), "feirense"),
        ("Tavfer-Ovos Matinados-Mortágua", date(2025, 6, 1), "tavfer"),
        ("UAE Team Emirates Gen Z", date(2025, 6, 1), "uae-gen-z"),
        ("Decathlon AG2R La Mondiale Development Team", date(2025, 6, 1), "decathlon-dev"),
        ("CTF Victorious", date(2024, 6, 1), "bahrain-dev"),
        ("Lidl-Trek Future Racing", date(2025, 6, 1), "lidl-trek-future"),
        ("Visma | Lease a Bike Development", date(2025, 6, 1), "visma-dev"),
        ("Ljubljana Gusto Santic", date(2024, 6, 1), "ljubljana-gusto"),
        ("Pogi Team Gusto Ljubljana", date(2025, 6, 1), "ljubljana-gusto"),
        ("Riwal Readynez Cycling Team", date(2019, 6, 1), "riwal"),
        ("ATT Investments", date(2025, 6, 1), "att-investments"),
        ("Project Echelon Racing", date(2025, 6, 1), "project-echelon"),
        ("Tashkent City Women Professional Cycling Team", date(2024, 6, 1), "tashkent-city-women"),
    ],
)
def test_team_names_resolve(roster, name: str, when: date, team_id: str) -> None:
    assert RosterNames.build(roster, when).teams.resolve(name) == team_id


def test_continental_teams_are_continental(roster) -> None:
    from feeds.roster import bundled_files, parse_roster

    files = {f.name: f for f in bundled_files()}
    for name in CONTINENTAL_FILES:
        part = parse_roster(files[name].read_text(encoding="utf-8"), name)
        assert part.teams, name
        for team in part.teams.values():
            assert team.level == "CT", team.id
            assert team.id.endswith("-women") == (team.category == "women"), team.id
            assert roster.teams[team.id] == team


@pytest.mark.parametrize(
    ("title", "text", "when", "rider", "team"),
    [
        (
            "Ciclomercato",
            "Davide Stella (UAE Team Emirates Gen Z) ha vinto la prima tappa del Tour of Sharjah.",
            date(2025, 2, 1),
            "davide-stella",
            "uae-gen-z",
        ),
        (
            "Volta a Portugal",
            "Artem Nych (Anicolor-Tien21) venceu a etapa da Torre na Volta a Portugal.",
            date(2025, 8, 10),
            "artem-nych",
            "anicolor",
        ),
        (
            "Tour of Norway",
            "Laurent Gervais of Project Echelon Racing finished fifth in the stage to Stavanger.",
            date(2024, 5, 30),
            "laurent-gervais",
            "project-echelon",
        ),
    ],
)
def test_stories_read_them(tagger: Tagger, title, text, when, rider, team) -> None:
    tags = tagger.tag(title, text, when, feed_is_cycling=True)
    assert rider in tags.riders
    assert team in tags.teams


def test_the_development_team_not_its_worldteam(tagger: Tagger) -> None:
    # The longer name wins: the development team, and not also the WorldTeam inside it.
    text = "Decathlon AG2R La Mondiale Development Team ha ingaggiato due corridori per il 2025."
    tags = tagger.tag("Ciclomercato", text, date(2024, 10, 1), feed_is_cycling=True)
    assert tags.teams == ["decathlon-dev"]


@pytest.mark.parametrize(
    ("text", "not_rider"),
    [
        # Words that are also the surnames of riders added here.
        ("Días antes se había quedado a las puertas del podio con Movistar.", "daniel-dias"),
        ("Seis corredoras están en Australia para el Santos Tour Down Under.", "tiago-santos"),
        ("Sleen fu settimo al Piccolo Lombardia con la nazionale.", "andrea-piccolo"),
        ("El Rey entregó el trofeo al ganador de la Vuelta a España.", "tim-rey"),
        ("Nach der Etappe der Tour de France gingen die Fahrer ins Kino.", "jan-kino"),
    ],
)
def test_everyday_words_are_no_riders(tagger: Tagger, text: str, not_rider: str) -> None:
    tags = tagger.tag("Ciclismo", text, date(2025, 1, 15), feed_is_cycling=True)
    assert not_rider not in tags.riders
