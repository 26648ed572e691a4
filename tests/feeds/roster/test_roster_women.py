"""The bundled women's roster: team names by date, corpus women, squad sizes, file rules."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from datetime import date

import pytest

from feeds.roster import Roster, bundled_files, bundled_roster, parse_roster
from tests.corpus import DEV_CORPUS as CORPUS

# The 14 UCI Women's WorldTeams of 2026 and the fewest riders each must have on 1 Jan 2026.
# Real squads are 14-21 riders; the bundled data lists every rider of the published 2026
# squads we could confirm, so 14 leaves room only for a rider or two we could not place.
WORLDTEAMS_2026 = (
    "sd-worx-women",
    "fdj-suez-women",
    "canyon-sram-women",
    "uae-adq-women",
    "lidl-trek-women",
    "movistar-women",
    "visma-women",
    "picnic-postnl-women",
    "liv-alula-jayco-women",
    "human-powered-health-women",
    "ag-insurance-soudal-women",
    "fenix-deceuninck-women",
    "ef-cannondale-women",
    "uno-x-women",
)
MIN_SQUAD_2026 = 14


def fold(text: str) -> str:
    text = text.replace("ø", "o").replace("Ø", "O")
    ascii_only = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_only.casefold()).split())


def women_files() -> dict[str, Roster]:
    return {
        item.name: parse_roster(item.read_text(encoding="utf-8"), item.name)
        for item in bundled_files()
        if item.name.startswith("women-")
    }


def story_date(published: str | None) -> date | None:
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 15)


def women_stories() -> list[dict]:
    stories = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [s for s in stories if "women" in (s.get("category") or "")]


@pytest.fixture(scope="module")
def roster() -> Roster:
    return bundled_roster()


def person_by_name(roster: Roster, name: str):
    wanted = fold(name)
    found = [
        p
        for p in roster.people.values()
        if wanted == fold(p.name) or wanted in {fold(a) for a in p.aliases}
    ]
    assert found, f"{name} is not in the roster"
    assert len(found) == 1, f"{name} matches {[p.id for p in found]}"
    return found[0]


# --- the files themselves --------------------------------------------------------------------


def test_women_files_follow_the_ownership_rules() -> None:
    files = women_files()
    assert "women-teams.toml" in files
    own_teams: set[str] = set()
    for part in files.values():
        for team in part.teams.values():
            assert team.id.endswith("-women"), team.id
            assert team.category == "women", team.id
            own_teams.add(team.id)
    for name, part in files.items():
        for person in part.people.values():
            for stint in person.stints:
                assert stint.team_id in own_teams, f"{name}: {person.name} -> {stint.team_id}"


def test_every_women_team_in_the_bundle_is_ours(roster: Roster) -> None:
    for team in roster.teams.values():
        assert (team.category == "women") == team.id.endswith("-women"), team.id


def test_at_least_350_women_riders() -> None:
    riders = [
        p for part in women_files().values() for p in part.people.values() if p.kind == "rider"
    ]
    assert len(riders) >= 350, len(riders)


def test_riders_who_raced_since_2019_are_riders_not_retired() -> None:
    for part in women_files().values():
        for person in part.people.values():
            if person.kind == "retired":
                assert not person.stints or max(s.end or 9999 for s in person.stints) < 2019
            if person.retired is not None:
                assert person.kind == "rider" and person.retired >= 2019, person.name


# --- team names on the right dates -----------------------------------------------------------


@pytest.mark.parametrize(
    ("team_id", "when", "name"),
    [
        ("sd-worx-women", date(2020, 5, 1), "Boels-Dolmans"),
        ("sd-worx-women", date(2023, 6, 1), "Team SD Worx"),
        ("sd-worx-women", date(2024, 5, 9), "SD Worx-Protime"),
        ("sd-worx-women", date(2026, 3, 1), "SD Worx-Protime"),
        ("fdj-suez-women", date(2021, 4, 1), "FDJ Nouvelle-Aquitaine Futuroscope"),
        ("fdj-suez-women", date(2024, 5, 9), "FDJ-Suez"),
        ("canyon-sram-women", date(2023, 7, 1), "Canyon//SRAM"),
        ("canyon-sram-women", date(2024, 8, 1), "Canyon//SRAM"),
        ("uae-adq-women", date(2021, 4, 1), "Alé BTC Ljubljana"),
        ("uae-adq-women", date(2024, 5, 23), "UAE Team ADQ"),
        ("uae-adq-women", date(2025, 8, 1), "UAE Team ADQ"),
        ("fenix-deceuninck-women", date(2024, 4, 1), "Fenix-Deceuninck"),
        ("ef-cannondale-women", date(2024, 3, 1), "EF Education-Cannondale"),
        ("lidl-trek-women", date(2022, 4, 1), "Trek-Segafredo"),
        ("lidl-trek-women", date(2024, 5, 23), "Lidl-Trek"),
        ("lidl-trek-women", date(2025, 8, 1), "Lidl-Trek"),
        ("movistar-women", date(2023, 5, 1), "Movistar Team"),
        ("visma-women", date(2023, 5, 1), "Jumbo-Visma"),
        ("visma-women", date(2024, 5, 1), "Visma | Lease a Bike"),
        ("picnic-postnl-women", date(2023, 5, 1), "Team dsm-firmenich"),
        ("liv-alula-jayco-women", date(2024, 5, 1), "Liv AlUla Jayco"),
    ],
)
def test_team_name_on_date(roster: Roster, team_id: str, when: date, name: str) -> None:
    assert roster.teams[team_id].name_on(when) == name


def test_readme_women_canonical_names_are_team_names(roster: Roster) -> None:
    women = [t for t in roster.teams.values() if t.category == "women"]
    for canonical in (
        "Team SD Worx",
        "SD Worx-Protime",
        "FDJ-Suez",
        "Canyon//SRAM",
        "UAE Team ADQ",
        "Fenix-Deceuninck",
        "EF Education-Cannondale",
        "Lidl-Trek",
        "Movistar Team",
        "Visma | Lease a Bike",
    ):
        assert [t.id for t in women if canonical in t.all_names], canonical


# --- the women of the annotated corpus -------------------------------------------------------


def test_corpus_women_teams_resolve_on_story_date(roster: Roster) -> None:
    women = [t for t in roster.teams.values() if t.category == "women"]
    stories = women_stories()
    assert stories
    for story in stories:
        when = story_date(story.get("published"))
        for canonical in story["teams"]:
            teams = [t for t in women if fold(canonical) in {fold(n) for n in t.all_names}]
            assert teams, f"{story['id']}: no women's team named {canonical}"
            if when is not None:
                assert any(fold(t.name_on(when)) == fold(canonical) for t in teams), (
                    f"{story['id']}: {canonical} not in force on {when}"
                )


def test_corpus_women_riders_are_active_on_story_date(roster: Roster) -> None:
    for story in women_stories():
        when = story_date(story.get("published"))
        for name in story["riders"]:
            person = person_by_name(roster, name)
            assert person.name == name, f"canonical form {person.name!r} != {name!r}"
            assert person.is_active_rider(when), f"{story['id']}: {name} not active on {when}"


def test_corpus_women_moves_land_on_the_named_team(roster: Roster) -> None:
    """A confirmed move's rider rides for the destination team the next season."""
    for story in women_stories():
        for move in story["moves"]:
            if move["status"] != "confirmed" or move["to"] is None:
                continue
            person = person_by_name(roster, move["person"])
            team_id = person.team_on(date(2025, 6, 1))
            assert team_id is not None, move["person"]
            assert move["to"] in roster.teams[team_id].all_names, (move["person"], team_id)


def test_corpus_women_story_facts(roster: Roster) -> None:
    """The same facts, checked without the corpus file (it may not sit beside the repo)."""
    on = date(2024, 5, 23)
    elb = person_by_name(roster, "Elisa Longo Borghini")
    assert elb.team_on(on) == "lidl-trek-women"
    assert elb.team_on(date(2025, 8, 1)) == "uae-adq-women"
    assert person_by_name(roster, "ELB") is elb
    assert person_by_name(roster, "Demi Vollering").team_on(on) == "sd-worx-women"
    assert person_by_name(roster, "Demi Vollering").team_on(date(2025, 3, 1)) == "fdj-suez-women"
    assert person_by_name(roster, "Évita Muzic").team_on(on) == "fdj-suez-women"
    for name in ("Gaia Realini", "Shirin van Anrooij", "Elisa Balsamo"):
        assert person_by_name(roster, name).team_on(on) == "lidl-trek-women"
    for name in ("Brodie Chapman", "Elynor Bäckstedt"):
        person = person_by_name(roster, name)
        assert person.team_on(date(2024, 10, 1)) == "lidl-trek-women"
        assert person.team_on(date(2025, 3, 1)) == "uae-adq-women"
    assert person_by_name(roster, "Lorena Wiebes").team_on(date(2025, 5, 1)) == "sd-worx-women"
    assert person_by_name(roster, "Lotte Kopecky").team_on(date(2025, 5, 1)) == "sd-worx-women"
    slongo = roster.people["paolo-slongo"]
    assert slongo.kind == "staff" and slongo.team_on(date(2025, 3, 1)) == "uae-adq-women"


def test_retired_greats_are_not_active(roster: Roster) -> None:
    vleuten = person_by_name(roster, "Annemiek van Vleuten")
    assert vleuten.kind == "rider" and vleuten.retired == 2023
    assert vleuten.is_active_rider(date(2023, 7, 1))
    assert not vleuten.is_active_rider(date(2024, 7, 1))
    assert person_by_name(roster, "Marianne Vos").is_active_rider(None)
    for name in ("Nicole Cooke", "Emma Pooley", "Jeannie Longo"):
        person = person_by_name(roster, name)
        assert person.kind == "retired" and not person.is_active_rider(None)


# --- 2026 squads -----------------------------------------------------------------------------


def test_2026_worldteam_squads(roster: Roster) -> None:
    season = date(2026, 1, 1)
    sizes = Counter(p.team_on(season) for p in roster.riders() if p.is_active_rider(season))
    for team_id in WORLDTEAMS_2026:
        assert roster.teams[team_id].level == "WT", team_id
        assert sizes[team_id] >= MIN_SQUAD_2026, (team_id, sizes[team_id])


@pytest.mark.parametrize(
    ("name", "team_id"),
    [
        ("Demi Vollering", "fdj-suez-women"),
        ("Lotte Kopecky", "sd-worx-women"),
        ("Lorena Wiebes", "sd-worx-women"),
        ("Pauline Ferrand-Prévot", "visma-women"),
        ("Marianne Vos", "visma-women"),
        ("Katarzyna Niewiadoma", "canyon-sram-women"),
        ("Cecilie Uttrup Ludwig", "canyon-sram-women"),
        ("Elisa Longo Borghini", "uae-adq-women"),
        ("Marlen Reusser", "movistar-women"),
        ("Puck Pieterse", "fenix-deceuninck-women"),
        ("Kimberley Le Court", "ag-insurance-soudal-women"),
        ("Cédrine Kerbaol", "ef-cannondale-women"),
        ("Ricarda Bauernfeind", "lidl-trek-women"),
        ("Sofia Bertizzolo", "fdj-suez-women"),
        ("Franziska Koch", "fdj-suez-women"),
    ],
)
def test_2026_teams_of_leading_riders(roster: Roster, name: str, team_id: str) -> None:
    assert person_by_name(roster, name).team_on(date(2026, 6, 1)) == team_id


def test_riders_who_stopped_after_2025_have_no_2026_team(roster: Roster) -> None:
    # Marta Cavalli retired at the end of the 2025 season (her last race was the Tour de l'Ardèche).
    cavalli = person_by_name(roster, "Marta Cavalli")
    assert cavalli.team_on(date(2025, 6, 1)) == "picnic-postnl-women"
    assert cavalli.team_on(date(2026, 6, 1)) is None
    assert not cavalli.is_active_rider(date(2026, 6, 1))


def test_aliases_add_something_folding_does_not() -> None:
    """The tagger folds accents, case and punctuation itself: such variants are not aliases."""
    for name, part in women_files().items():
        for team in part.teams.values():
            seen = {fold(n.name) for n in team.names}
            for alias in team.aliases:
                assert fold(alias) not in seen, f"{name}: {team.id} alias {alias!r}"
                seen.add(fold(alias))
        for person in part.people.values():
            seen = {fold(person.name)}
            for alias in person.aliases:
                assert fold(alias) not in seen, f"{name}: {person.name} alias {alias!r}"
                seen.add(fold(alias))
