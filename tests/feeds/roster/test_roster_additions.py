"""Riders and staff added beyond the WorldTour's leaders because transfer round-ups and race
reports name them (feeds/roster/data/men-riders-g.toml, men-riders-h.toml, men-staff.toml
and the staff stints added to older entries): their stints, that a story names them, and
that a surname shared with an established rider, or one that is a given name, still means
whom it should."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import bundled_roster, slugify


@pytest.fixture(scope="module")
def roster():
    return bundled_roster()


@pytest.mark.parametrize(
    ("name", "when", "team_id"),
    [
        ("Henok Mulubrhan", date(2023, 6, 1), "bardiani"),
        ("Henok Mulubrhan", date(2024, 6, 1), "astana"),
        ("Alessandro Verre", date(2025, 6, 1), "arkea"),
        ("Oliver Knight", date(2025, 7, 1), "cofidis"),
        ("Gijs Van Hoecke", date(2023, 6, 1), "rally"),
        ("Gijs Van Hoecke", date(2025, 6, 1), "intermarche"),
        ("Kamiel Bonneu", date(2024, 8, 1), "flanders-baloise"),
        ("Kamiel Bonneu", date(2025, 9, 1), "intermarche"),
        ("Jarne Van de Paar", date(2024, 3, 1), "lotto"),
        ("Abram Stockman", date(2025, 4, 1), "unibet"),
        ("Niklas Eg", date(2021, 6, 1), "lidl-trek"),
        ("Niklas Eg", date(2023, 8, 1), "uno-x"),
        ("Lasse Norman Leth", date(2023, 8, 1), "uno-x"),
        ("Matyáš Kopecký", date(2025, 8, 1), "novo-nordisk"),
        ("Josh Burnett", date(2025, 8, 1), "burgos"),
        ("Tyler Stites", date(2025, 6, 1), "caja-rural"),
        ("Tyler Stites", date(2026, 6, 1), "modern-adventure"),
        ("Leo Hayter", date(2024, 6, 1), "ineos"),
        ("Leo Hayter", date(2026, 6, 1), "modern-adventure"),
        ("Stefan de Bod", date(2024, 6, 1), "ef"),
        ("Stefan de Bod", date(2025, 6, 1), None),
        ("Oscar Chamberlain", date(2025, 6, 1), "decathlon-ag2r"),
        ("Tom Bohli", date(2022, 6, 1), "cofidis"),
        ("Tom Bohli", date(2023, 6, 1), "tudor"),
        ("Santiago Umba", date(2022, 6, 1), "androni"),
        ("Santiago Umba", date(2025, 6, 1), "astana"),
        ("Embret Svestad-Bårdseng", date(2025, 6, 1), "arkea"),
        ("Embret Svestad-Bårdseng", date(2026, 6, 1), "ineos"),
        ("Casper Pedersen", date(2022, 6, 1), "dsm"),
        ("Casper Pedersen", date(2024, 6, 1), "quick-step"),
        ("Ceriel Desal", date(2025, 6, 1), "bingoal"),
        ("Ceriel Desal", date(2027, 6, 1), "quick-step"),
        ("Stan Van Tricht", date(2025, 6, 1), "alpecin"),
        ("Marc Madiot", date(2010, 6, 1), "groupama-fdj"),
        # Surnames that are given names (feeds/nlp/tag/given_surnames.py).
        ("Sean Christian", date(2026, 6, 1), "modern-adventure"),
        ("Ben Oliver", date(2026, 6, 1), "modern-adventure"),
        ("Cameron Scott", date(2023, 6, 1), "bahrain"),
        ("Cameron Scott", date(2024, 6, 1), "bahrain"),
        ("Cameron Scott", date(2025, 6, 1), None),
        ("Lorenzo Finn", date(2026, 6, 1), "red-bull-rookies"),
    ],
)
def test_stints(roster, name, when, team_id):
    person = roster.people[slugify(name)]
    assert person.name == name
    assert person.team_on(when) == team_id


def test_van_hoecke_retired_after_2025(roster):
    person = roster.people["gijs-van-hoecke"]
    assert person.is_active_rider(date(2025, 6, 1))
    assert not person.is_active_rider(date(2026, 6, 1))


@pytest.mark.parametrize(
    ("name", "when", "team_id"),
    [
        ("Nikolas Maes", date(2024, 6, 1), "lotto"),
        ("Nikolas Maes", date(2026, 6, 1), "bahrain"),
        ("Xabier Artetxe", date(2020, 6, 1), "ineos"),
        ("Xabier Artetxe", date(2026, 6, 1), "bora"),
        ("Marcel Sieberg", date(2023, 6, 1), "tudor"),
        ("Rik Van Slycke", date(2022, 6, 1), "quick-step"),
        ("Rik Van Slycke", date(2023, 6, 1), "alpecin"),
        ("Gaëtan Pons", date(2025, 6, 1), "unibet"),
        ("Gaëtan Pons", date(2026, 6, 1), "visma"),
        ("Servais Knaven", date(2023, 6, 1), "ag-insurance-soudal-women"),
        ("Thor Hushovd", date(2025, 6, 1), "uno-x"),
        ("Gian Paolo Mondini", date(2025, 6, 1), "sd-worx-women"),
        ("Lieselot Decroix", date(2024, 6, 1), "fdj-suez-women"),
    ],
)
def test_staff_stints(roster, name, when, team_id):
    person = roster.people[slugify(name)]
    assert person.team_on(when) == team_id
    assert not person.is_active_rider(when)


def test_a_rider_turned_sports_director_races_no_more(roster):
    rosskopf = roster.people["joey-rosskopf"]
    assert rosskopf.is_active_rider(date(2023, 6, 1))
    assert rosskopf.staff_in(2026)
    assert not rosskopf.is_active_rider(date(2026, 6, 1))


@pytest.mark.parametrize(
    ("language", "text", "published", "person"),
    [
        (
            "it",
            "All'Astana andrà anche l'eritreo Henok Mulubrhan.",
            date(2023, 6, 8),
            "Henok Mulubrhan",
        ),
        (
            "nl",
            "De Belgen Kamiel Bonneu en Jarne Van de Paar zitten zonder contract.",
            date(2025, 10, 19),
            "Jarne Van de Paar",
        ),
        ("da", "Lasse Norman Leth og Niklas Eg forlader holdet.", date(2023, 8, 20), "Niklas Eg"),
        ("de", "Nur Matyas Kopecky (Novo Nordisk) hielt mit.", date(2025, 8, 16), "Matyáš Kopecký"),
        (
            "pt",
            "Nos últimos 10 km Abram Stockman ainda resistiu.",
            date(2025, 8, 5),
            "Abram Stockman",
        ),
        (
            "fr",
            "Emmanuel Houcou va passer professionnel l'an prochain chez Q36.5.",
            date(2025, 9, 22),
            "Emmanuel Houcou",
        ),
        (
            "it",
            "La Ineos Grenadiers finalizza l'arrivo del norvegese Embret Svestad-Bårdseng.",
            date(2025, 10, 1),
            "Embret Svestad-Bårdseng",
        ),
        (
            "nl",
            "Gaëtan Pons zal vanaf 1 januari toetreden tot de technische staf van Visma.",
            date(2025, 11, 6),
            "Gaëtan Pons",
        ),
        (
            "de",
            "Marcel Sieberg wird künftig Sportlicher Leiter bei Tudor Pro Cycling.",
            date(2023, 1, 4),
            "Marcel Sieberg",
        ),
        (
            "it",
            "Gianpaolo Mondini sarà il nuovo direttore sportivo della SD Worx-Protime.",
            date(2024, 10, 21),
            "Gian Paolo Mondini",
        ),
        (
            "fr",
            "Le directeur sportif Yvon Ledannois quittera son poste à la fin de l'année.",
            date(2022, 10, 4),
            "Yvon Ledanois",
        ),
    ],
)
def test_a_story_names_them(tagger, language, text, published, person):
    tags = tagger.tag("Ciclismo", text, published, True, language=language)
    assert slugify(person) in (*tags.riders, *tags.staff)


def test_total_energies_written_in_two_words(tagger):
    # Italian and Spanish press often split the sponsor's name.
    text = "Geoffrey Bouchard ha ufficializzato il passaggio alla Total Energies."
    tags = tagger.tag("Ciclomercato", text, date(2025, 11, 25), True, language="it")
    assert "totalenergies" in tags.teams


@pytest.mark.parametrize(
    ("text", "published", "established"),
    [
        # New namesakes (Casper, Henrik, Rasmus Søjberg Pedersen; Albert Withen Philipsen)
        # must not take the surname from the established rider.
        ("Pedersen won the sprint ahead of the bunch.", date(2025, 4, 6), "Mads Pedersen"),
        ("Philipsen won the sprint ahead of the bunch.", date(2025, 7, 6), "Jasper Philipsen"),
    ],
)
def test_a_surname_alone_still_means_the_established_rider(tagger, text, published, established):
    tags = tagger.tag("Cycling", text, published, True, language="en")
    assert slugify(established) in tags.riders


@pytest.mark.parametrize(
    ("text", "published", "rider", "named"),
    [
        # The surname alone, before a bracket or a verb: the rider.
        ("Christian (Modern Adventure) won the sprint.", date(2026, 3, 1), "Sean Christian", True),
        ("Oliver won the sprint for Modern Adventure.", date(2026, 3, 1), "Ben Oliver", True),
        # Before another name: someone else's first name.
        ("Christian Prudhomme presented the route.", date(2026, 3, 1), "Sean Christian", False),
        ("Oliver Mintzlaff spoke for Red Bull.", date(2026, 3, 1), "Ben Oliver", False),
        ("Finn Fisher-Black and Finn Vermeulen attacked.", date(2026, 3, 1), "Lorenzo Finn", False),
        # A bike brand named like a sponsor of old ("Mitchelton-Scott").
        (
            "The team leaves its Scott bikes for Pinarello.",
            date(2024, 10, 1),
            "Cameron Scott",
            False,
        ),
        ("Scott (Bahrain Victorious) was second.", date(2024, 6, 1), "Cameron Scott", True),
    ],
)
def test_a_surname_that_is_a_first_name(tagger, text, published, rider, named):
    tags = tagger.tag("Cycling", text, published, True, language="en")
    assert (slugify(rider) in tags.riders) is named
