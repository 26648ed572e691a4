"""Riders, staff, careers and teams added team by team beyond the WorldTeams' leaders
(feeds/roster/data/men-riders-i.toml, women-riders-g.toml, the continental teams in
men-teams.toml; sources in those files' headers): a few pinned, and that the stories that
name them now read them."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.tag.careers import person_kind
from feeds.roster import bundled_roster
from feeds.roster.names import RosterNames
from feeds.tagger import Tagger


@pytest.fixture(scope="module")
def roster():
    return bundled_roster()


@pytest.mark.parametrize(
    ("person_id", "when", "team_id"),
    [
        ("oscar-rodriguez", date(2023, 6, 1), "movistar"),
        ("oscar-rodriguez", date(2024, 6, 1), "ineos"),
        ("nolann-mahoudo", date(2024, 6, 1), "cofidis"),
        ("carl-frederik-bevort", date(2025, 6, 1), "uno-x"),
        ("jose-maria-martin", date(2026, 3, 1), "kern-pharma"),
        ("jose-felix-parra", date(2025, 6, 1), "kern-pharma"),
        ("jose-felix-parra", date(2026, 3, 1), "caja-rural"),
        ("guillermo-thomas", date(2026, 3, 1), "astana"),
        ("sergio-chumil", date(2025, 6, 1), "burgos"),
        ("jakob-egholm", date(2020, 6, 1), "hagens-berman"),
        ("catalina-soto", date(2026, 3, 1), "laboral-kutxa-women"),
    ],
)
def test_added_stints(roster, person_id: str, when: date, team_id: str) -> None:
    assert roster.people[person_id].team_on(when) == team_id


@pytest.mark.parametrize(
    ("person_id", "when", "kind"),
    [
        # A rider for DSM until 2022, a coach there from 2024 (wielerflits.nl, 2022 and 2023).
        ("asbjorn-kragh-andersen", date(2022, 7, 9), "rider"),
        ("asbjorn-kragh-andersen", date(2025, 3, 1), "staff"),
        # His last race was the 2023 Veneto Classic (ciclismoweb.net, 16 October 2023).
        ("manuele-boaro", date(2023, 5, 1), "rider"),
        ("manuele-boaro", date(2024, 5, 1), "retired"),
        # Jayco AlUla's sports director from 2026 (cicloweb.it, December 2025).
        ("alessandro-de-marchi", date(2025, 6, 1), "rider"),
        ("alessandro-de-marchi", date(2026, 3, 1), "staff"),
        ("michael-hepburn", date(2025, 6, 1), "rider"),
    ],
)
def test_careers(roster, person_id: str, when: date, kind: str) -> None:
    assert person_kind(roster.people[person_id], when) == kind


@pytest.mark.parametrize(
    ("name", "team_id"),
    [
        ("Hagens Berman Axeon", "hagens-berman"),
        ("MBH Bank-Ballan-CSB", "mbh-bank"),
        ("Team Medellín-EPM", "medellin"),
        ("TDT-Unibet", "unibet"),
        ("Team ColoQuick", "coloquick"),
    ],
)
def test_team_names_resolve(roster, name: str, team_id: str) -> None:
    names = RosterNames.build(roster, date(2025, 6, 1))
    assert names.teams.resolve(name) == team_id


def test_the_second_surname_alone_is_someone_else(tagger: Tagger) -> None:
    # Guillermo Thomas Silva is written with both surnames or the first; "Silva" alone
    # after "Acácio da" is another rider.
    text = "Depois de Rúben Guerreiro e Acácio da Silva, Almeida venceu no Giro d'Italia."
    tags = tagger.tag("Ciclismo", text, date(2025, 5, 23), feed_is_cycling=True)
    assert "guillermo-thomas" not in tags.riders
    text = "Guillermo Thomas Silva (Caja Rural-Seguros RGA) ganó en la Vuelta a España."
    tags = tagger.tag("Ciclismo", text, date(2025, 8, 30), feed_is_cycling=True)
    assert "guillermo-thomas" in tags.riders
