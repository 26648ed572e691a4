"""Continental teams, third pass (feeds/roster/data/men-teams-continental-c.toml,
women-teams-continental-c.toml and their riders' files; sources in the files' headers):
W52-FC Porto, the Sauerland team, Scorpions Racing, Metec-Solarwatt, Bizkaia-Durango, Sopela,
Soltec and Massi-Tactic, and riders of Adria Mobil and Efapel. Careers pinned, names resolved
on their dates, stories that name them read them, and the riders whose surnames are
everyday words, places or first names left out."""

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
        ("jose-mendes", date(2021, 6, 1), "w52-fc-porto"),
        ("jose-mendes", date(2022, 6, 1), "aviludo-louletano"),
        ("francisco-campos", date(2022, 6, 1), "efapel"),
        ("johannes-adamietz", date(2022, 6, 1), "sauerland"),
        ("johannes-adamietz", date(2023, 6, 1), "lotto"),
        ("jon-knolle", date(2023, 6, 1), "vorarlberg"),
        ("jon-knolle", date(2025, 6, 1), "sauerland"),
        ("wessel-mouris", date(2023, 6, 1), "scorpions-racing"),
        ("wessel-mouris", date(2024, 6, 1), "metec-solarwatt"),
        ("hidde-van-veenendaal", date(2022, 6, 1), "metec-solarwatt"),
        ("kristjan-hocevar", date(2023, 6, 1), "adria-mobil"),
        ("sofia-rodriguez", date(2021, 6, 1), "sopela-women"),
        ("sofia-rodriguez", date(2022, 6, 1), "bizkaia-durango-women"),
        ("nadine-gill", date(2022, 6, 1), "sopela-women"),
        ("iris-gomez", date(2023, 6, 1), "massi-tactic-women"),
        ("lucas-lopes", date(2026, 3, 1), "efapel"),
    ],
)
def test_stints(roster, person_id: str, when: date, team_id: str) -> None:
    assert roster.people[person_id].team_on(when) == team_id


def test_a_retired_rider_is_read_as_retired(roster) -> None:
    bauer = roster.people["dominik-bauer"]
    assert person_kind(bauer, date(2023, 6, 1)) == "rider"
    assert person_kind(bauer, date(2024, 6, 1)) == "retired"


@pytest.mark.parametrize(
    ("team_id", "when", "name"),
    [
        ("sauerland", date(2023, 6, 1), "Saris Rouvy Sauerland Team"),
        ("sauerland", date(2024, 6, 1), "Rembe Pro Cycling Team Sauerland"),
        ("sauerland", date(2025, 6, 1), "Rembe - rad-net"),
        ("bizkaia-durango-women", date(2018, 6, 1), "Bizkaia Durango-Euskadi Murias"),
        ("bizkaia-durango-women", date(2023, 6, 1), "Bizkaia-Durango"),
        ("massi-tactic-women", date(2022, 6, 1), "Massi-Tactic UCI Women's Team"),
        ("massi-tactic-women", date(2024, 6, 1), "Massi Baix Ter Women's Team"),
    ],
)
def test_names_on_dates(roster, team_id: str, when: date, name: str) -> None:
    assert roster.teams[team_id].name_on(when) == name


@pytest.mark.parametrize(
    ("text", "when", "language", "riders", "teams"),
    [
        (
            "A W52-FC Porto perde José Mendes para a Aviludo-Louletano-Loulé Concelho e "
            "Francisco Campos para a Efapel.",
            date(2021, 11, 20),
            "pt",
            {"jose-mendes", "francisco-campos"},
            {"w52-fc-porto", "aviludo-louletano", "efapel"},
        ),
        (
            "Unter neuem Namen, Rembe Pro Cycling Team Sauerland, geht das bisherige Team "
            "Saris Rouvy Sauerland mit Julian Borresch und Lennart Voege in die Saison.",
            date(2024, 1, 23),
            "de",
            {"julian-borresch", "lennart-voege"},
            {"sauerland"},
        ),
        (
            "Wessel Mouris en Niek Voogt rijden volgend jaar voor Scorpions Racing Team.",
            date(2022, 8, 10),
            "nl",
            {"wessel-mouris", "niek-voogt"},
            {"scorpions-racing"},
        ),
        (
            "El Bizkaia-Durango, el Sopela Women's Team y el Soltec Team buscan presupuesto "
            "para seguir en la categoría Continental; Daniela Campos corre en el Bizkaia.",
            date(2023, 10, 30),
            "es",
            {"daniela-campos"},
            {"bizkaia-durango-women", "sopela-women", "soltec-women"},
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
    "person_id",
    ["june-herrera", "emanuel-duarte", "rafael-silva", "vincent-john", "carolina-leonardo"],
)
def test_everyday_surnames_left_out(roster, person_id: str) -> None:
    assert person_id not in roster.people


@pytest.mark.parametrize(
    ("text", "language", "riders"),
    [
        (
            "La primera etapa será una contrarreloj urbana en Herrera del Duque (Badajoz).",
            "es",
            [],
        ),
        (
            "Duarte Domingues tem contrato em vigor na próxima época com a equipa.",
            "pt",
            ["duarte-domingues"],
        ),
        ("O terceiro português a ganhar uma etapa no Giro, depois de Acácio da Silva.", "pt", []),
    ],
)
def test_places_and_namesakes_read_no_new_rider(
    tagger: Tagger, text: str, language: str, riders: list[str]
) -> None:
    tags = tagger.tag("", text, date(2023, 5, 10), feed_is_cycling=True, language=language)
    assert tags.riders == riders


def test_the_region_is_not_the_team(tagger: Tagger) -> None:
    text = "Ich erwarte im Saarland, im Sauerland und auf dem Weg nach Essen eine echte Jagd."
    tags = tagger.tag("", text, date(2023, 4, 20), feed_is_cycling=True, language="de")
    assert "sauerland" not in tags.teams
