"""The team as an organisation (issue #17, tasks KD, KDF): a new development squad, its
tier (continental, ProTeam, WorldTour promotion) and its founding are team news, read from
each language's `team` words (feeds/nlp/kinds/*.toml). The bare development-team noun is
not a team word: it names where a rider comes from far more often (R13 D3), so a rider
moving up from such a squad stays a transfer, even under a headline naming no kind."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

WINTER = date(2025, 11, 10)
SUMMER = date(2024, 8, 10)


def kind(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    return tagger.tag(title, text, published, True, language=language).kind


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Lidl-Trek look to the future",
            "Lidl-Trek will have a new development team from next season, a new feeder team "
            "for the best young riders.",
        ),
        (
            "de",
            "Neues bei Movistar Team",
            "Movistar Team baut ein neues Entwicklungsteam auf, ein neues Nachwuchsteam für "
            "junge Fahrer.",
        ),
        (
            "no",
            "Store endringer hos Uno-X Mobility",
            "Uno-X Mobility legger ned utviklingslaget etter denne sesongen, og satsingen "
            "flyttes til kontinentallaget.",
        ),
        (
            "es",
            "Caja Rural-Seguros RGA mira al futuro",
            "Caja Rural-Seguros RGA tendrá un nuevo equipo filial la próxima temporada, un "
            "nuevo equipo de desarrollo para los jóvenes.",
        ),
        (
            "pt",
            "O futuro da Movistar Team",
            "A Movistar Team vai criar uma equipa de desenvolvimento, uma equipa continental "
            "para jovens corredores.",
        ),
        (
            "fr",
            "L'avenir de Cofidis",
            "Cofidis aura une équipe de développement, une équipe continentale pour ses "
            "jeunes coureurs.",
        ),
        (
            "sl",
            "Novosti pri UAE Team Emirates",
            "UAE Team Emirates bo imela razvojno ekipo, kontinentalno ekipo za mlade kolesarje.",
        ),
    ],
)
def test_a_teams_development_squad_or_tier_is_team_news(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, WINTER, language) == "team"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Visma sign Matthew Brennan from their development team",
            "Visma | Lease a Bike have signed Matthew Brennan to a contract until 2027; he "
            "moves up from the development team.",
        ),
        (
            "de",
            "Movistar Team verpflichtet Enric Mas bis 2027",
            "Movistar Team hat den Vertrag mit Enric Mas verlängert; er kam einst aus dem "
            "Nachwuchsteam.",
        ),
    ],
)
def test_a_rider_moving_up_from_the_development_team_is_a_transfer(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, SUMMER, language) == "transfer"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "de",
            "Lidl-Trek mit neuem Trikotdesign in die Saison",
            "Lidl-Trek zeigt sich im neuen Outfit; die Fahrer tragen Blau und Rot.",
        ),
        (
            "en",
            "Lidl-Trek unveil a new jersey design for the season",
            "Lidl-Trek showed their new kit today, in blue and red.",
        ),
    ],
)
def test_a_teams_kit_design_is_team_news(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert kind(tagger, title, text, WINTER, language) == "team"
