"""Facts the bundled men's roster data must get right (teams, renames, riders, staff)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import bundled_roster, slugify


@pytest.fixture(scope="module")
def roster():
    return bundled_roster()


@pytest.mark.parametrize(
    ("team_id", "when", "name"),
    [
        ("visma", date(2019, 7, 1), "Jumbo-Visma"),
        ("visma", date(2023, 6, 1), "Jumbo-Visma"),
        ("visma", date(2023, 12, 9), "Jumbo-Visma"),
        ("visma", date(2024, 3, 1), "Visma | Lease a Bike"),
        ("astana", date(2023, 9, 1), "Astana Qazaqstan"),
        ("astana", date(2024, 12, 1), "Astana Qazaqstan"),
        ("astana", date(2025, 6, 1), "XDS Astana"),
        ("bora", date(2023, 12, 9), "Bora-Hansgrohe"),
        ("bora", date(2024, 3, 1), "Bora-Hansgrohe"),
        ("bora", date(2024, 8, 1), "Red Bull-Bora-Hansgrohe"),
        ("bora", date(2025, 8, 1), "Red Bull-Bora-Hansgrohe"),
        ("alpecin", date(2022, 4, 3), "Alpecin-Fenix"),
        ("alpecin", date(2023, 9, 1), "Alpecin-Deceuninck"),
        ("alpecin", date(2024, 6, 20), "Alpecin-Deceuninck"),
        ("quick-step", date(2022, 4, 3), "Quick-Step Alpha Vinyl"),
        ("quick-step", date(2023, 9, 1), "Soudal Quick-Step"),
        ("quick-step", date(2025, 8, 1), "Soudal Quick-Step"),
        ("lidl-trek", date(2022, 4, 3), "Trek-Segafredo"),
        ("lidl-trek", date(2023, 3, 1), "Trek-Segafredo"),
        ("lidl-trek", date(2023, 8, 1), "Lidl-Trek"),
        ("lidl-trek", date(2024, 5, 23), "Lidl-Trek"),
        ("uae", date(2022, 4, 3), "UAE Team Emirates"),
        ("uae", date(2024, 5, 15), "UAE Team Emirates"),
        ("uae", date(2025, 3, 1), "UAE Team Emirates-XRG"),
        ("lotto", date(2022, 4, 3), "Lotto Soudal"),
        ("lotto", date(2023, 3, 1), "Lotto Dstny"),
        ("lotto", date(2025, 3, 1), "Lotto"),
        ("lotto", date(2026, 3, 1), "Lotto Intermarché"),
        ("alpecin", date(2026, 3, 1), "Alpecin-Premier Tech"),
        ("groupama-fdj", date(2026, 3, 1), "Groupama-FDJ United"),
        ("ineos", date(2020, 8, 29), "Ineos Grenadiers"),
        ("ineos", date(2020, 8, 1), "Team Ineos"),
        ("ineos", date(2022, 8, 19), "Ineos Grenadiers"),
        ("ineos", date(2024, 5, 15), "Ineos Grenadiers"),
        ("ineos", date(2019, 6, 1), "Team Ineos"),
        ("groupama-fdj", date(2022, 4, 3), "Groupama-FDJ"),
        ("bahrain", date(2022, 4, 3), "Bahrain Victorious"),
        ("ef", date(2022, 4, 3), "EF Education-EasyPost"),
        ("ef", date(2021, 6, 1), "EF Education-Nippo"),
        ("movistar", date(2023, 10, 4), "Movistar Team"),
        ("dsm", date(2023, 10, 4), "Team dsm-firmenich"),
        ("dsm", date(2025, 3, 1), "Team Picnic PostNL"),
        ("decathlon-ag2r", date(2022, 4, 3), "AG2R Citroën Team"),
        ("decathlon-ag2r", date(2024, 5, 15), "Decathlon AG2R La Mondiale"),
        ("decathlon-ag2r", date(2026, 3, 1), "Decathlon CMA CGM"),
        ("jayco", date(2024, 5, 15), "Team Jayco AlUla"),
        ("intermarche", date(2024, 3, 27), "Intermarché-Wanty"),
        ("intermarche", date(2024, 5, 15), "Intermarché-Wanty"),
        ("flanders-baloise", date(2022, 4, 3), "Sport Vlaanderen-Baloise"),
        ("flanders-baloise", date(2024, 4, 1), "Team Flanders-Baloise"),
        ("israel-premier-tech", date(2023, 7, 9), "Israel-Premier Tech"),
        ("israel-premier-tech", date(2021, 7, 1), "Israel Start-Up Nation"),
        ("israel-premier-tech", date(2026, 3, 1), "NSN Cycling Team"),
        ("tudor", date(2024, 8, 1), "Tudor Pro Cycling Team"),
        ("q36-5", date(2024, 8, 1), "Q36.5 Pro Cycling Team"),
        ("totalenergies", date(2024, 8, 1), "TotalEnergies"),
        ("cofidis", date(2024, 8, 1), "Cofidis"),
        ("uno-x", date(2024, 8, 1), "Uno-X Mobility"),
        ("arkea", date(2024, 8, 1), "Arkéa-B&B Hotels"),
        ("arkea", date(2023, 7, 1), "Arkéa-Samsic"),  # B&B Hotels' name from 2024
    ],
)
def test_team_name_in_force(roster, team_id, when, name):
    team = roster.teams[team_id]
    assert team.category == "men"
    assert team.name_on(when) == name


def test_men_team_ids_are_not_women(roster):
    for team in roster.teams.values():
        if team.category == "men":
            assert not team.id.endswith("-women")


def test_every_men_team_has_dated_names_and_clean_aliases(roster):
    for team in roster.teams.values():
        if team.category != "men":
            continue
        assert team.names, team.id
        for alias in (*team.aliases, *team.nicknames):
            assert alias.strip(), team.id
        starts = [n.start for n in team.names if n.start]
        assert starts == sorted(starts), team.id


def test_nicknames(roster):
    assert "Wolfpack" in roster.teams["quick-step"].nicknames
    assert "the Dutch Bees" in roster.teams["visma"].nicknames


# (story date, canonical rider) from the men's corpus annotations
CORPUS_RIDERS = {
    date(2023, 9, 1): [
        "Mark Cavendish",
        "Jasper Philipsen",
        "Michael Woods",
        "Michael Mørkøv",
        "Davide Ballerini",
        "Ide Schelling",
    ],
    date(2022, 4, 3): [
        "Mathieu van der Poel",
        "Dylan van Baarle",
        "Valentin Madouas",
        "Tadej Pogačar",
        "Dylan Teuns",
        "Kasper Asgreen",
        "Sébastien Grignard",
        "Stan Dewulf",
        "Lindsay De Vylder",
        "Mads Pedersen",
        "Alberto Bettiol",
        "Zdeněk Štybar",
        "Tim Wellens",
        "Fred Wright",
    ],
    date(2024, 3, 27): [
        "Wout van Aert",
        "Mads Pedersen",
        "Jasper Stuyven",
        "Biniam Girmay",
        "Tiesj Benoot",
        "Matteo Jorgenson",
        "Alex Kirsch",
    ],
    date(2023, 12, 9): ["Cian Uijtdebroeks", "Primož Roglič", "Sepp Kuss", "Aleksandr Vlasov"],
    date(2025, 8, 1): ["Remco Evenepoel"],
    date(2024, 12, 15): [
        "Diego Ulissi",
        "Wout Poels",
        "Sergio Higuita",
        "Alberto Bettiol",
        "Alexey Lutsenko",
    ],
    date(2023, 7, 9): [
        "Michael Woods",
        "Hugo Houle",
        "Guillaume Boivin",
        "Tadej Pogačar",
        "Jonas Vingegaard",
        "Neilson Powless",
    ],
    date(2024, 5, 15): [
        "Tadej Pogačar",
        "Filippo Ganna",
        "Magnus Sheffield",
        "Daniel Felipe Martínez",
        "Geraint Thomas",
        "Antonio Tiberi",
        "Luke Plapp",
        "Ben O'Connor",
        "Cian Uijtdebroeks",
        "Einer Rubio",
        "Jonathan Milan",
        "Lilian Calmejane",
    ],
    date(2024, 12, 3): ["Remco Evenepoel"],
    date(2022, 8, 19): [
        "Richard Carapaz",
        "Primož Roglič",
        "Jai Hindley",
        "Remco Evenepoel",
        "Simon Yates",
        "Jonathan Caicedo",
        "Alexander Cepeda",
        "Dylan van Baarle",
        "Wilco Kelderman",
    ],
    date(2019, 7, 1): ["Wout van Aert", "Mike Teunissen", "Dylan Groenewegen"],
    date(2023, 3, 1): ["Arnaud De Lie"],
    date(2024, 6, 25): ["Kaden Groves"],
    date(2024, 8, 1): ["Julian Alaphilippe", "Marc Hirschi", "Arvid de Kleijn", "Michael Storer"],
    date(2023, 4, 2): [
        "Tadej Pogačar",
        "Mathieu van der Poel",
        "Mads Pedersen",
        "Wout van Aert",
        "Matteo Trentin",
    ],
    date(2023, 10, 4): [
        "Mark Cavendish",
        "Michael Mørkøv",
        "Fabio Jakobsen",
        "Davide Ballerini",
        "Max Kanter",
    ],
}


@pytest.mark.parametrize(
    ("when", "name"), [(w, n) for w, names in CORPUS_RIDERS.items() for n in names]
)
def test_corpus_rider_exists_and_is_active(roster, when, name):
    person = roster.people.get(slugify(name))
    assert person is not None, name
    assert person.name == name
    assert person.kind == "rider"
    assert person.is_active_rider(when), (name, when)
    assert person.team_on(when) is not None, (name, when)


@pytest.mark.parametrize(
    ("name", "when", "team_id"),
    [
        ("Michael Mørkøv", date(2023, 6, 1), "quick-step"),
        ("Michael Mørkøv", date(2024, 6, 1), "astana"),
        ("Ide Schelling", date(2023, 6, 1), "bora"),
        ("Ide Schelling", date(2024, 6, 1), "astana"),
        ("Davide Ballerini", date(2023, 6, 1), "quick-step"),
        ("Davide Ballerini", date(2024, 6, 1), "astana"),
        ("Max Kanter", date(2023, 6, 1), "movistar"),
        ("Max Kanter", date(2024, 6, 1), "astana"),
        ("Fabio Jakobsen", date(2023, 6, 1), "quick-step"),
        ("Fabio Jakobsen", date(2024, 6, 1), "dsm"),
        ("Cian Uijtdebroeks", date(2023, 6, 1), "bora"),
        ("Cian Uijtdebroeks", date(2024, 6, 1), "visma"),
        ("Mark Cavendish", date(2022, 6, 1), "quick-step"),
        ("Mark Cavendish", date(2023, 6, 1), "astana"),
        ("Julian Alaphilippe", date(2024, 6, 1), "quick-step"),
        ("Julian Alaphilippe", date(2025, 6, 1), "tudor"),
        ("Marc Hirschi", date(2024, 6, 1), "uae"),
        ("Remco Evenepoel", date(2025, 6, 1), "quick-step"),
        ("Remco Evenepoel", date(2026, 6, 1), "bora"),
        ("Richard Carapaz", date(2022, 6, 1), "ineos"),
        ("Richard Carapaz", date(2023, 6, 1), "ef"),
        ("Primož Roglič", date(2023, 6, 1), "visma"),
        ("Primož Roglič", date(2024, 6, 1), "bora"),
        ("Alexey Lutsenko", date(2024, 6, 1), "astana"),
        ("Michael Woods", date(2023, 7, 9), "israel-premier-tech"),
    ],
)
def test_rider_stints(roster, name, when, team_id):
    assert roster.people[slugify(name)].team_on(when) == team_id


def test_cavendish_is_a_retired_rider(roster):
    cav = roster.people["mark-cavendish"]
    assert cav.kind == "rider" and cav.retired == 2024
    assert cav.is_active_rider(date(2024, 6, 1))
    # season granularity: the format cannot say he stopped on 10 Nov 2024
    assert not cav.is_active_rider(date(2025, 1, 15))
    assert {"Cav", "the Manxman"} <= set(cav.aliases)


@pytest.mark.parametrize(
    "name",
    [
        "Eddy Merckx",
        "Johan Museeuw",
        "Tom Boonen",
        "Paolo Bettini",
        "Bernard Hinault",
        "Miguel Induráin",
        "Marco Pantani",
        "Mario Cipollini",
        "Lance Armstrong",
    ],
)
def test_legends_are_retired(roster, name):
    person = roster.people[slugify(name)]
    assert person.kind == "retired"
    assert not person.is_active_rider(date(2024, 1, 1))


@pytest.mark.parametrize(
    ("name", "team_id"),
    [
        ("Alexander Vinokourov", "astana"),
        ("Patrick Lefevere", "quick-step"),
        ("Jurgen Foré", "quick-step"),
        ("Zdeněk Bakala", "quick-step"),
        ("Auret Van Zyl", "quick-step"),
        ("Vasilis Anastopoulos", "astana"),
        ("Jonathan Vaughters", "ef"),
        ("Luca Guercilena", "lidl-trek"),
        ("Stéphane Heulot", "lotto"),
        ("John Lelangue", "lotto"),
        ("Kurt Van de Wouwer", "lotto"),
        ("Fabian Cancellara", "tudor"),
        ("Richard Plugge", "visma"),
        ("Ralph Denk", "bora"),
        ("Mauro Gianetti", "uae"),
        ("Eusebio Unzué", "movistar"),
        ("Marc Madiot", "groupama-fdj"),
        ("Brent Copeland", "jayco"),
        ("Dave Brailsford", "ineos"),
    ],
)
def test_staff(roster, name, team_id):
    person = roster.people[slugify(name)]
    assert person.kind == "staff" and person.role
    assert team_id in {s.team_id for s in person.stints}


def test_vinokourov_spellings(roster):
    assert "Vinokurov" in roster.people["alexander-vinokourov"].aliases


def test_no_empty_aliases(roster):
    for person in roster.people.values():
        for alias in person.aliases:
            assert alias.strip(), person.id


MIN_2026 = 20  # riders written per 2026 WorldTeam (most have 24-30)


@pytest.mark.parametrize(
    "team_id",
    [
        "uae",
        "visma",
        "bora",
        "quick-step",
        "ineos",
        "alpecin",
        "lidl-trek",
        "ef",
        "groupama-fdj",
        "movistar",
        "bahrain",
        "jayco",
        "dsm",
        "astana",
        "decathlon-ag2r",
        "israel-premier-tech",
        "lotto",
        "uno-x",
    ],
)
def test_worldteam_depth_2026(roster, team_id):
    when = date(2026, 6, 1)
    riders = [p for p in roster.riders() if p.is_active_rider(when) and p.team_on(when) == team_id]
    assert len(riders) >= MIN_2026, (team_id, len(riders))


def test_folded_teams_have_no_2026_riders(roster):
    when = date(2026, 6, 1)
    for team_id in ("intermarche", "arkea", "qhubeka", "ccc", "katusha"):
        active = [p for p in roster.riders() if p.is_active_rider(when)]
        assert not [p.name for p in active if p.team_on(when) == team_id]


def test_volume(roster):
    men = {t.id for t in roster.teams.values() if t.category == "men"}
    riders = [p for p in roster.riders() if any(s.team_id in men for s in p.stints)]
    assert len(riders) >= 900
