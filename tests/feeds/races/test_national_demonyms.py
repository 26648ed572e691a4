"""A nation's championships named by the nation's adjective (nationals.toml [demonym_forms],
[demonyms]): "Noors kampioenschap op de weg", "campeonato británico contrarreloj", "the
Aussie Nationals". The forms name the road or the time trial, so another sport's
championships, another discipline's ("the British national championships" of the track)
or a league ("el campeonato español" of football) stay out."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

PUBLISHED = date(2025, 1, 6)


def _races(tagger: Tagger, language: str, text: str) -> set[str]:
    tags = tagger.tag("Cycling news", text, PUBLISHED, True, language=language)
    return {tagger.races.calendar.races[r].name for r in tags.races}


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        ("nl", "Hij werd negende op het Noors kampioenschap op de weg.", "Norwegian"),
        ("nl", "Hij won de Deense titelstrijd op de weg.", "Danish"),
        ("es", "Fue bronce en el campeonato británico contrarreloj.", "British"),
        ("en", "It's Aussie Nationals week in Ballarat.", "Australian"),
        ("en", "She rode the Colombian road championships last week.", "Colombian"),
        ("de", "Er gewann die dänischen Strassenmeisterschaften.", "Danish"),
        ("it", "Ha vinto il campionato italiano su strada.", "Italian"),
        ("fr", "Il a terminé deuxième du championnat belge sur route.", "Belgian"),
        ("pt", "Venceu o campeonato português de estrada.", "Portuguese"),
        ("da", "Han kørte de norske landevejsmesterskaber.", "Norwegian"),
    ],
)
def test_a_championship_by_its_adjective(
    tagger: Tagger, language: str, text: str, race: str
) -> None:
    assert f"{race} National Road Championships" in _races(tagger, language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A league, another sport, a title that only describes its rider.
        ("es", "El campeonato español de fútbol vuelve este fin de semana."),
        ("nl", "Hij werd tweede op het Noors kampioenschap schaatsen."),
        ("en", "The Australian Open starts in Melbourne next week."),
        ("it", "Il campionato italiano di calcio riparte domenica."),
        ("en", "The British team rode the road in the rain."),
        # A form that names no discipline is the track's, cyclo-cross's or MTB's as often.
        ("en", "She won the keirin at the British national championships in Manchester."),
        ("es", "Piensa ya en el campeonato español de ciclismo de enero, en el barro."),
        ("fr", "Sa victoire dans le championnat belge de cyclisme hivernal."),
        ("it", "Ha vinto il campionato belga di ciclismo nel fango di Koksijde."),
        ("pt", "Ganhou o campeonato português de ciclismo em BTT."),
        ("nl", "Hij won het Nederlands kampioenschap wielrennen op de baan."),
    ],
)
def test_not_a_championship(tagger: Tagger, language: str, text: str) -> None:
    assert not any("National Road" in r for r in _races(tagger, language, text))
