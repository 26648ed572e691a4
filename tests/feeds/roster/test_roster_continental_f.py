"""Women's teams below the WorldTour, sixth pass (feeds/roster/data/women-teams-continental-f.toml,
women-riders-continental-f.toml, and seasons added to riders already in the roster; sources in
the files' headers): Team Mendelspeck, and the squads of Aromitalia, Isolmant, Top Girls
Fassa Bortolo, Eneicat, Bizkaia-Durango, Lotto Ladies, Arkéa and Coop-Hitec Products.
Careers pinned, names resolved on their dates, stories that name them read them, and the
everyday words, brands and places that would read as the riders left out are left to
their everyday reading."""

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
        ("eva-maria-gatscher", date(2022, 6, 1), "mendelspeck-women"),
        ("irene-affolati", date(2022, 6, 1), "mendelspeck-women"),
        ("irene-affolati", date(2025, 7, 1), "aromitalia-women"),
        ("rasa-leleivyte", date(2020, 6, 1), "aromitalia-women"),
        ("rasa-leleivyte", date(2025, 6, 1), "aromitalia-women"),
        ("sofia-arici", date(2024, 10, 1), "isolmant-women"),
        ("gaia-tormena", date(2025, 3, 1), "isolmant-women"),
        ("federica-piergiovanni", date(2023, 6, 1), "uae-development-women"),
        ("federica-piergiovanni", date(2025, 5, 1), "isolmant-women"),
        ("elisa-de-vallier", date(2024, 6, 1), "top-girls-women"),
        ("cristina-tonetti", date(2023, 6, 1), "top-girls-women"),
        ("cristina-tonetti", date(2024, 6, 1), "laboral-kutxa-women"),
        ("alessia-vigilia", date(2023, 6, 1), "top-girls-women"),
        ("alessia-vigilia", date(2024, 6, 1), "fdj-suez-women"),
        ("natalia-vasquez", date(2026, 3, 1), "eneicat-women"),
        ("eukene-larrarte", date(2023, 3, 1), "bizkaia-durango-women"),
        ("catalina-soto", date(2023, 3, 1), "bizkaia-durango-women"),
        ("catalina-soto", date(2026, 3, 1), "laboral-kutxa-women"),
        ("ana-vitoria-magalhaes", date(2023, 3, 1), "bizkaia-durango-women"),
        ("anna-van-wersch", date(2024, 8, 1), "lotto-women"),
        ("audrey-de-keersmaeker", date(2024, 8, 1), "lotto-women"),
        ("titia-ryo", date(2025, 7, 1), "arkea-women"),
        ("titia-ryo", date(2026, 3, 1), "human-powered-health-women"),
        ("lotte-claes", date(2024, 7, 1), "arkea-women"),
        ("maurene-tregouet", date(2025, 7, 1), "arkea-women"),
        ("marjolein-van-t-geloof", date(2024, 6, 1), "human-powered-health-women"),
        ("marjolein-van-t-geloof", date(2025, 7, 1), "arkea-women"),
        ("ingvild-gaskjenn", date(2022, 6, 1), "coop-women"),
        ("ingvild-gaskjenn", date(2023, 6, 1), "uno-x-women"),
    ],
)
def test_stints(roster, person_id: str, when: date, team_id: str) -> None:
    assert roster.people[person_id].team_on(when) == team_id


def test_a_season_no_source_covers_is_left_open(roster) -> None:
    assert roster.people["eva-maria-gatscher"].team_on(date(2024, 6, 1)) is None


@pytest.mark.parametrize(
    ("team_id", "when", "name"),
    [
        ("mendelspeck-women", date(2022, 6, 1), "Team Mendelspeck"),
        ("isolmant-women", date(2025, 3, 1), "Isolmant-Premac-Vittoria"),
    ],
)
def test_names_on_dates(roster, team_id: str, when: date, name: str) -> None:
    assert roster.teams[team_id].name_on(when) == name


def test_mendelspeck_is_a_womens_team(roster) -> None:
    assert roster.teams["mendelspeck-women"].category == "women"


@pytest.mark.parametrize(
    ("text", "when", "language", "riders", "teams"),
    [
        (
            "Eva Maria Gatscher e Alessia Missiaggia del Team Mendelspeck sono andate in fuga "
            "nella tappa del Giro Donne.",
            date(2022, 7, 5),
            "it",
            {"eva-maria-gatscher", "alessia-missiaggia"},
            {"mendelspeck-women"},
        ),
        (
            "Irene Affolati e Rasa Leleivyte correranno il Giro d'Italia Women con il Team "
            "Aromitalia 3T Vaiano.",
            date(2025, 7, 5),
            "it",
            {"irene-affolati", "rasa-leleivyte"},
            {"aromitalia-women"},
        ),
        (
            "Sofia Arici e Asia Zontone dell'Isolmant-Premac-Vittoria hanno concluso la corsa "
            "senza cadute.",
            date(2025, 3, 9),
            "it",
            {"sofia-arici", "asia-zontone"},
            {"isolmant-women"},
        ),
        (
            "Maurène Tregouët et Titia Ryo (Arkéa-B&B Hotels Women) prennent le départ du "
            "Tour de France Femmes.",
            date(2025, 7, 26),
            "fr",
            {"maurene-tregouet", "titia-ryo"},
            {"arkea-women"},
        ),
        (
            "Anna van Wersch en Wilma Aintila rijden de Tour de France Femmes voor Lotto Dstny "
            "Ladies.",
            date(2024, 8, 10),
            "nl",
            {"anna-van-wersch", "wilma-aintila"},
            {"lotto-women"},
        ),
        (
            "Eukene Larrarte y Cata Soto correrán con el Bizkaia-Durango en Almería.",
            date(2023, 1, 28),
            "es",
            {"eukene-larrarte", "catalina-soto"},
            {"bizkaia-durango-women"},
        ),
        (
            "Natalia Vásquez renueva con el Eneicat CM Team RBH Global para la próxima temporada.",
            date(2025, 12, 8),
            "es",
            {"natalia-vasquez"},
            {"eneicat-women"},
        ),
        (
            "Elisa De Vallier and Alice Toniolli join Top Girls Fassa Bortolo for the 2024 season.",
            date(2023, 11, 22),
            "en",
            {"elisa-de-vallier", "alice-toniolli"},
            {"top-girls-women"},
        ),
        (
            "Ingvild Gåskjenn forlater Team Coop-Hitec Products og går til et World Tour-lag.",
            date(2022, 11, 1),
            "no",
            {"ingvild-gaskjenn"},
            {"coop-women"},
        ),
    ],
)
def test_stories_read_them(
    tagger: Tagger, text: str, when: date, language: str, riders: set, teams: set
) -> None:
    tags = tagger.tag("", text, when, feed_is_cycling=True, language=language)
    assert riders <= set(tags.riders)
    assert teams <= set(tags.teams)


# Every rider this pass adds; none may be read from the everyday sentences below.
SIXTH_PASS_RIDERS = {
    "eva-maria-gatscher",
    "alessia-missiaggia",
    "francesca-pisciali",
    "irene-affolati",
    "elisa-lugli",
    "beatrice-pozzobon",
    "vania-canvelli",
    "giorgia-bariani",
    "giorgia-vettorello",
    "elisa-de-vallier",
    "alice-toniolli",
    "rasa-leleivyte",
    "inga-cesuliene",
    "gemma-sernissi",
    "lara-scarselli",
    "fanni-bonini",
    "argyro-milaki",
    "hanna-tserakh",
    "valentina-venerucci",
    "sofia-arici",
    "asia-zontone",
    "valeria-curnis",
    "sara-pepoli",
    "gaia-tormena",
    "natalia-vasquez",
    "anna-van-wersch",
    "maurene-tregouet",
    "eukene-larrarte",
}


def test_the_sixth_pass_riders_are_all_there(roster) -> None:
    assert set(roster.people) >= SIXTH_PASS_RIDERS


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Brands, places and everyday words that the left-out riders' surnames are.
        (
            "I biscotti Pavesi e i dolci della pasticceria Marchesini al villaggio di partenza "
            "del Giro d'Italia.",
            "it",
        ),
        (
            "La tappa del Giro passa dai laghi di Monticolo, da Scandolara Ravara e da Alzate "
            "Brianza.",
            "it",
        ),
        ("Una castagna e un po' di basilico: il menu della vigilia per il gruppo del Giro.", "it"),
        (
            "Le coureur normand a gagné l'étape du Tour de Normandie devant le peloton.",
            "fr",
        ),
        ("The Tour of Britain passes Drummond Castle before the stage finish.", "en"),
    ],
)
def test_everyday_readings_stay_untagged(tagger: Tagger, text: str, language: str) -> None:
    tags = tagger.tag("", text, date(2025, 6, 1), feed_is_cycling=True, language=language)
    assert not SIXTH_PASS_RIDERS & set(tags.riders)
    assert tags.riders == []


@pytest.mark.parametrize(
    "person_id",
    [
        "monica-castagna",
        "valentina-basilico",
        "angela-oro",
        "caris-cosentino",
        "francesca-baroni",
        "sonia-rossetti",
        "milena-del-sarto",
        "elisa-dalla-valle",
        "adele-normand",
        "carol-esteban",
        "beatrice-rossato",
        "martina-silvestri",
        "maureen-arens",
        "irene-mendez",
        "sandra-gutierrez",
        "claudia-koster",
        "carlotta-fondriest",
        "sofia-collinelli",
        "marta-pavesi",
        "giulia-marchesini",
        "michaela-drummond",
        "valentina-scandolara",
        "iris-monticolo",
        "andrea-alzate",
    ],
)
def test_ambiguous_surnames_left_out(roster, person_id: str) -> None:
    assert person_id not in roster.people


def test_teams_named_alike_stay_apart(roster) -> None:
    """The sixth pass adds no team name or alias another team already has in its category."""
    seen: dict[tuple[str, str], str] = {}
    clashes = []
    for team in roster.teams.values():
        for name in (*team.all_names, *team.aliases):
            key = (team.category, name.casefold())
            other = seen.setdefault(key, team.id)
            if other != team.id and {"mendelspeck-women", "aromitalia-women", "eneicat-women"} & {
                other,
                team.id,
            }:
                clashes.append((name, other, team.id))
    assert clashes == []
