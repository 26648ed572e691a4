"""An Olympic medal cited with its track event names no road race, and the bare "Ladies
Tour" names the Simac Ladies Tour but not the other races carrying the words (issue #17,
review R16 defects 2 and 4)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear

OLYMPICS = "Olympic Games"
SIMAC = "Simac Ladies Tour"


def races(tagger: Tagger, text: str, language: str) -> list[str]:
    tags = tagger.tag("Cycling news", text, date(2025, 6, 20), True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text", "olympics"),
    [
        # The medal's track event after it, in each language.
        ("en", "Filippo Ganna, who won an Olympic medal in the team pursuit, moves on.", False),
        ("en", "Elisa Balsamo is a three-time Olympic medal winner on the track.", False),
        ("it", "Filippo Ganna, medaglia olimpica nell'inseguimento a squadre, cambia.", False),
        ("fr", "Jonathan Milan, médaille olympique en omnium, veut courir sur route.", False),
        ("es", "Jonathan Milan, medalla olímpica en persecución por equipos, cambia.", False),
        ("nl", "Jonathan Milan, olympische medaille op de ploegachtervolging, wisselt.", False),
        ("da", "Jonathan Milan, der har en OL-medalje i holdforfølgelse, skifter hold.", False),
        # A medal with no track event: the Games.
        ("en", "Wout van Aert won an Olympic medal in the road race in Tokyo.", True),
        ("it", "Filippo Ganna sogna una medaglia olimpica su strada.", True),
    ],
)
def test_a_track_medal_names_no_olympic_road_race(
    tagger: Tagger, language: str, text: str, olympics: bool
) -> None:
    assert (OLYMPICS in races(tagger, text, language)) is olympics


@pytest.mark.parametrize(
    ("language", "text", "simac"),
    [
        ("nl", "Lorena Wiebes heeft de openingsrit van de Ladies Tour gewonnen.", True),
        ("en", "Lorena Wiebes won the opening stage of the Ladies Tour of the Netherlands.", True),
        ("en", "Lorena Wiebes won the opening stage of the Ladies Tour in Gennep.", True),
        # Other races' names that hold the words.
        ("de", "Lorena Wiebes gewann die erste Etappe der Thüringen Ladies Tour.", False),
        ("en", "Lorena Wiebes won the first stage of the Baloise Ladies Tour.", False),
        ("en", "Lorena Wiebes won the first stage of the Ladies Tour of Norway.", False),
    ],
)
def test_the_bare_ladies_tour_is_the_simac_race(
    tagger: Tagger, language: str, text: str, simac: bool
) -> None:
    assert (SIMAC in races(tagger, text, language)) is simac


def test_track_events_after_medals_stay_linear(tagger: Tagger) -> None:
    """Medal names, winners, links and track events repeated in one long text."""

    def make(n: int) -> str:
        return "Filippo Ganna. " + " ".join(
            ["Olympic medal winner on the team pursuit and the Ladies Tour of"] * n
        )

    assert_linear(lambda text: races(tagger, text, "en"), make, 300)
