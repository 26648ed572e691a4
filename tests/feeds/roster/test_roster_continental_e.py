"""Continental teams, fifth pass (feeds/roster/data/men-teams-continental-e.toml,
women-teams-continental-e.toml and their riders' files; sources in the files' headers):
Tirol KTM, WSA KTM Graz, LKT Team Brandenburg, Van Rysel-Roubaix, CIC U Nantes Atlantique,
St Michel-Mavic-Auber93's men, MG K Vis, Stölting and Cult Energy, Team CSC's line to Tinkoff
and the Norwegian Joker team; riders of Team Vorarlberg and Kelly-Simoldes-UDO. Careers pinned,
names resolved on their dates, stories that name them read them, and the everyday words and
places inside those names left to their everyday reading."""

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
        ("trym-brennsaeter", date(2024, 6, 1), "tirol-ktm"),
        ("manolo-wrolich", date(2025, 6, 1), "tirol-ktm"),
        ("alexander-hajek", date(2023, 6, 1), "tirol-ktm"),
        ("alexander-hajek", date(2024, 6, 1), "bora"),
        ("martin-messner", date(2025, 6, 1), "wsa-ktm-graz"),
        ("lena-charlotte-reissner", date(2024, 6, 1), "lkt-brandenburg-women"),
        ("remi-capron", date(2024, 6, 1), "van-rysel-roubaix"),
        ("axel-mariault", date(2022, 6, 1), "cic-u-nantes"),
        ("axel-mariault", date(2023, 6, 1), "cofidis"),
        ("clement-braz-afonso", date(2025, 6, 1), "groupama-fdj"),
        ("romain-cardis", date(2024, 6, 1), "st-michel-auber93"),
        ("alexandre-delettre", date(2024, 6, 1), "st-michel-auber93"),
        ("thomas-gachignard", date(2023, 6, 1), "st-michel-auber93"),
        ("thomas-gachignard", date(2024, 6, 1), "totalenergies"),
        ("giuseppe-carmeni", date(2026, 3, 1), "mgk-vis"),
        ("colin-stussi", date(2023, 6, 1), "vorarlberg"),
        ("luis-gomes", date(2024, 6, 1), "kelly-simoldes"),
        ("helder-goncalves", date(2024, 6, 1), "boavista"),
        ("gerald-ciolek", date(2016, 6, 1), "stolting"),
        ("hugo-nunes", date(2024, 6, 1), "boavista"),
        ("hugo-nunes", date(2025, 6, 1), "credibom-la-aluminios"),
        ("diogo-barbosa", date(2022, 6, 1), "hagens-berman"),
        ("diogo-barbosa", date(2024, 6, 1), "ap-hotels-tavira"),
        ("afonso-silva", date(2025, 6, 1), "ap-hotels-tavira"),
        ("george-jackson", date(2023, 6, 1), "black-spoke"),
        ("george-jackson", date(2024, 6, 1), "burgos"),
        ("aaron-gate", date(2023, 6, 1), "black-spoke"),
        ("leonardo-vesco", date(2026, 3, 1), "biesse-carrera"),
        ("filip-gruszczynski", date(2026, 3, 1), "mbh-bank"),
        ("holly-ramsey", date(2024, 6, 1), "hess-women"),
        ("lorenzo-nespoli", date(2024, 6, 1), "mbh-bank"),
        ("florian-kajamini", date(2024, 6, 1), "mbh-bank"),
        ("florian-kajamini", date(2025, 6, 1), "astana"),
        ("sergio-meris", date(2024, 6, 1), "mbh-bank"),
        ("storm-ingebrigtsen", date(2025, 6, 1), "coop"),
        ("andreas-stokbro", date(2022, 6, 1), "coop"),
    ],
)
def test_stints(roster, person_id: str, when: date, team_id: str) -> None:
    assert roster.people[person_id].team_on(when) == team_id


def test_a_season_no_source_covers_is_left_open(roster) -> None:
    assert roster.people["morne-van-niekerk"].team_on(date(2021, 6, 1)) is None


@pytest.mark.parametrize(
    ("team_id", "when", "name"),
    [
        ("tinkoff", date(2005, 6, 1), "Team CSC"),
        ("tinkoff", date(2012, 3, 1), "Team Saxo Bank"),
        ("tinkoff", date(2012, 9, 1), "Saxo Bank-Tinkoff Bank"),
        ("tinkoff", date(2015, 6, 1), "Tinkoff-Saxo"),
        ("van-rysel-roubaix", date(2021, 6, 1), "Xelliss-Roubaix Lille Métropole"),
        ("van-rysel-roubaix", date(2023, 3, 1), "Go Sport-Roubaix Lille Métropole"),
        ("van-rysel-roubaix", date(2023, 6, 1), "Van Rysel-Roubaix Lille Métropole"),
        ("van-rysel-roubaix", date(2025, 6, 1), "Van Rysel-Roubaix"),
        ("cic-u-nantes", date(2022, 6, 1), "Team U Nantes Atlantique"),
        ("cic-u-nantes", date(2024, 6, 1), "CIC U Nantes Atlantique"),
        ("cic-u-nantes", date(2026, 6, 1), "CIC Pro Cycling Academy"),
        ("st-michel-auber93", date(2024, 6, 1), "St Michel-Mavic-Auber93"),
        ("wsa-ktm-graz", date(2023, 6, 1), "WSA KTM Graz p/b Leomo"),
        ("wsa-ktm-graz", date(2024, 6, 1), "WSA KTM Graz"),
        ("stolting", date(2016, 6, 1), "Stölting Service Group"),
        ("joker", date(2019, 6, 1), "Joker Fuel of Norway"),
        ("mgk-vis", date(2017, 6, 1), "Sangemini-MG.KVis-Olmo"),
        ("lkt-brandenburg", date(2015, 6, 1), "LKT Team Brandenburg"),
        ("ap-hotels-tavira", date(2018, 6, 1), "Sporting Clube de Portugal-Tavira"),
        ("ap-hotels-tavira", date(2022, 6, 1), "Atum General-Tavira-AP Maria Nova Hotel"),
        ("ap-hotels-tavira", date(2024, 6, 1), "AP Hotels & Resorts-Tavira-Farense"),
        ("credibom-la-aluminios", date(2022, 6, 1), "LA Alumínios-Credibom-Marcos Car"),
        ("credibom-la-aluminios", date(2024, 6, 1), "Credibom-LA Alumínios-Marcos Car"),
        ("black-spoke", date(2023, 6, 1), "Bolton Equities Black Spoke"),
        ("biesse-carrera", date(2018, 6, 1), "Biesse Carrera Gavardo"),
        ("biesse-carrera", date(2025, 6, 1), "Biesse Carrera Premac"),
        ("hess-women", date(2024, 6, 1), "Hess Cycling"),
        # Past names of WorldTeams that stories still print.
        ("visma", date(2014, 3, 1), "Belkin Pro Cycling"),
        ("visma", date(2016, 3, 1), "Team LottoNL-Jumbo"),
        ("uae", date(2015, 6, 1), "Lampre-Merida"),
        ("ef", date(2013, 6, 1), "Garmin-Sharp"),
        ("ef", date(2015, 6, 1), "Cannondale-Garmin"),
        ("movistar", date(2008, 6, 1), "Caisse d'Epargne"),
        ("movistar", date(2011, 6, 1), "Movistar Team"),
    ],
)
def test_names_on_dates(roster, team_id: str, when: date, name: str) -> None:
    assert roster.teams[team_id].name_on(when) == name


def test_men_and_women_of_one_club_are_two_teams(roster) -> None:
    assert roster.teams["st-michel-auber93"].category == "men"
    assert roster.teams["st-michel-auber93-women"].category == "women"
    assert roster.teams["lkt-brandenburg-women"].category == "women"


@pytest.mark.parametrize(
    ("text", "when", "language", "riders", "teams"),
    [
        (
            "Trym Brennsaeter und Marco Schrettl fahren auch 2025 für Tirol KTM, Martin Messner "
            "bleibt bei WSA KTM Graz.",
            date(2024, 12, 10),
            "de",
            {"trym-brennsaeter", "marco-schrettl", "martin-messner"},
            {"tirol-ktm", "wsa-ktm-graz"},
        ),
        (
            "Lena Charlotte Reißner und Pia Grünewald starten für das LKT Team Brandenburg in "
            "die Saison.",
            date(2024, 2, 1),
            "de",
            {"lena-charlotte-reissner", "pia-grunewald"},
            {"lkt-brandenburg-women"},
        ),
        (
            "Rémi Capron (Van Rysel-Roubaix) devance Pierre-Henry Basset (CIC U Nantes "
            "Atlantique) et Romain Cardis (St Michel-Mavic-Auber93).",
            date(2024, 4, 20),
            "fr",
            {"remi-capron", "pierre-henry-basset", "romain-cardis"},
            {"van-rysel-roubaix", "cic-u-nantes", "st-michel-auber93"},
        ),
        (
            "Giuseppe Carmeni e Luca Attolini correranno con la MG K Vis Costruzione Ambiente, "
            "nuova continental siciliana.",
            date(2026, 2, 1),
            "it",
            {"giuseppe-carmeni", "luca-attolini"},
            {"mgk-vis"},
        ),
        (
            "Luís Gomes (Kelly-Simoldes-UDO) venceu a etapa à frente de Hélder Gonçalves.",
            date(2023, 5, 1),
            "pt",
            {"luis-gomes", "helder-goncalves"},
            {"kelly-simoldes"},
        ),
        (
            "Gonçalo Leaça (Credibom-LA Alumínios-Marcos Car) e Delio Fernández (Atum "
            "General-Tavira-AP Maria Nova Hotel) chegaram juntos.",
            date(2022, 8, 10),
            "pt",
            {"goncalo-leaca", "delio-fernandez"},
            {"credibom-la-aluminios", "ap-hotels-tavira"},
        ),
        (
            "Den unge dansker skifter til Airtox-Carl Ras og skal køre på kontinentalniveau.",
            date(2024, 11, 1),
            "da",
            set(),
            {"restaurant-suri-carl-ras"},
        ),
        (
            "Burgos-BH ficha a George Jackson, que llega del Bolton Equities Black Spoke.",
            date(2023, 11, 10),
            "es",
            {"george-jackson"},
            {"black-spoke", "burgos"},
        ),
        (
            "Leonardo Vesco lascia la MBH Bank-Ballan-CSB e correrà con la Biesse Carrera "
            "Premac nel 2026.",
            date(2025, 11, 18),
            "it",
            {"leonardo-vesco"},
            {"biesse-carrera", "mbh-bank"},
        ),
        (
            "Holly Ramsey is the first rider signed by Hess Cycling for the 2024 season.",
            date(2023, 10, 1),
            "en",
            {"holly-ramsey"},
            {"hess-women"},
        ),
        (
            "Colin Stüssi vom Team Vorarlberg gewann die Portugal-Rundfahrt.",
            date(2023, 8, 15),
            "de",
            {"colin-stussi"},
            {"vorarlberg"},
        ),
        (
            "Den tidligere rytter kørte i fem sæsoner for Team CSC, før han skiftede til en "
            "anden World Tour-holdet.",
            date(2024, 3, 1),
            "da",
            set(),
            {"tinkoff"},
        ),
        (
            "Før overgangen til World Tour syklet han for Joker Fuel of Norway i to sesonger.",
            date(2023, 1, 10),
            "no",
            set(),
            {"joker"},
        ),
        (
            "Alejandro Valverde ganó la Vuelta de 2009 con el Caisse d'Epargne.",
            date(2024, 3, 1),
            "es",
            set(),
            {"movistar"},
        ),
        (
            "Dan Martin won Liège-Bastogne-Liège in 2013 for Garmin-Sharp, then rode for "
            "Cannondale-Garmin.",
            date(2024, 3, 1),
            "en",
            set(),
            {"ef"},
        ),
        (
            "Diego Ulissi ha vinto due tappe al Giro con la Lampre-Merida.",
            date(2024, 3, 1),
            "it",
            {"diego-ulissi"},
            {"uae"},
        ),
        (
            "Gerald Ciolek and Linus Gerdemann both rode for Stölting Service Group in 2016.",
            date(2016, 12, 1),
            "en",
            {"gerald-ciolek", "linus-gerdemann"},
            {"stolting"},
        ),
    ],
)
def test_stories_read_them(
    tagger: Tagger, text: str, when: date, language: str, riders: set, teams: set
) -> None:
    tags = tagger.tag("", text, when, feed_is_cycling=True, language=language)
    assert riders <= set(tags.riders)
    assert teams <= set(tags.teams)


@pytest.mark.parametrize(
    ("text", "language", "team_id"),
    [
        # The place alone: the region, the city, the race.
        (
            "Die Tour of the Alps führt durch Tirol; das Peloton fährt am Dienstag über den "
            "Brenner nach Innsbruck.",
            "de",
            "tirol-ktm",
        ),
        (
            "Nach dem Zeitfahren in Graz übernahm der Sieger das Trikot des Gesamtführenden.",
            "de",
            "wsa-ktm-graz",
        ),
        (
            "Mathieu van der Poel won Paris-Roubaix again; the peloton raced into the velodrome "
            "of Roubaix after 55 kilometres of cobbles.",
            "en",
            "van-rysel-roubaix",
        ),
        (
            "Die Deutschland Tour führt in diesem Jahr durch Brandenburg; die Etappe endet im "
            "Sprint.",
            "de",
            "lkt-brandenburg",
        ),
        # The everyday noun: a wild card, the team's substitute.
        (
            "Großer Transfer abgesagt: Joker beim Transferpoker im Radsport, das Team hofft auf "
            "den Sieg bei der Tour.",
            "de",
            "joker",
        ),
        (
            "The team joker kept the riders laughing on the bus before the stage of the Tour.",
            "en",
            "joker",
        ),
        # The bank, still a sponsor of Dutch cycling, is no name of the team it once named.
        (
            "Rabobank blijft sponsor van het vrouwenwielrennen en van de Tour de France Femmes.",
            "nl",
            "visma",
        ),
        # A part of a wheel, not the New Zealand team.
        (
            "The wheel has a black spoke pattern; the race bike won the Tour stage on it.",
            "en",
            "black-spoke",
        ),
        # A sponsor inside a race's name is the race's.
        (
            "He was eighth in the E3 Saxo Bank Classic and won a stage of the Tour de France.",
            "en",
            "tinkoff",
        ),
    ],
)
def test_everyday_readings_stay_untagged(
    tagger: Tagger, text: str, language: str, team_id: str
) -> None:
    tags = tagger.tag("", text, date(2024, 6, 1), feed_is_cycling=True, language=language)
    assert team_id not in set(tags.teams)


def test_the_father_is_not_read_as_the_son(tagger: Tagger) -> None:
    text = "Mario Cipollini won Milan-San Remo in 2002. Cipollini also won 42 stages of the Giro."
    tags = tagger.tag("", text, date(2024, 7, 1), feed_is_cycling=True, language="en")
    assert "edoardo-cipollini" not in set(tags.riders)


def test_the_son_is_read_by_his_full_name(tagger: Tagger) -> None:
    text = (
        "Edoardo Cipollini rides for MBH Bank-Colpack Ballan CSB; his father Mario won the Worlds."
    )
    tags = tagger.tag("", text, date(2024, 7, 1), feed_is_cycling=True, language="en")
    assert "edoardo-cipollini" in set(tags.riders)


def test_a_danish_word_is_no_rider(tagger: Tagger) -> None:
    text = "Kæmpe dansk triumf: Mads Pedersen vinder Giro-etape i spurten."
    tags = tagger.tag("", text, date(2023, 5, 12), feed_is_cycling=True, language="da")
    assert tags.riders == ["mads-pedersen"] or set(tags.riders) == {"mads-pedersen"}


@pytest.mark.parametrize(
    "person_id",
    [
        "simon-gall",
        "samuel-novak",
        "stinus-kaempe",
        "linus-stari",
        "victoria-stelling",
        "lucy-mayrhofer",
        "tommaso-alunni",
        "noah-campos",
        "christian-mager",
        "jose-bicho",
        "francois-vie",
        "stefano-leali",
        "laura-lizette-sander",
        "samuel-quaranta",
    ],
)
def test_everyday_surnames_left_out(roster, person_id: str) -> None:
    assert person_id not in roster.people


def test_teams_named_alike_stay_apart(roster) -> None:
    """The fifth pass adds no name another team already has in the same category."""
    seen: dict[tuple[str, str], str] = {}
    clashes = []
    for team in roster.teams.values():
        for name in (*team.all_names, *team.aliases):
            key = (team.category, name.casefold())
            other = seen.setdefault(key, team.id)
            if other != team.id and {"tinkoff", "joker", "stolting", "cult-energy"} & {
                other,
                team.id,
            }:
                clashes.append((name, other, team.id))
    assert clashes == []
