"""A surname that is an everyday word of the story's language ("Zimmer", "Reis",
"Stella") alone is that word: it names the rider only after the rider's full name, or
with the rider's team next to it (feeds/nlp/tag/everyday.py)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

PUBLISHED = date(2026, 3, 1)


def _riders(tagger: Tagger, language: str | None, title: str, text: str) -> list[str]:
    return tagger.tag(title, text, PUBLISHED, feed_is_cycling=True, language=language).riders


@pytest.mark.parametrize(
    ("language", "text", "word_rider"),
    [
        (
            "de",
            "Jonas Vingegaard gewann die Etappe. Im Zimmer wartete Honig auf die Fahrer.",
            "reinier-honig",
        ),
        ("de", "Tadej Pogačar siegte am Berg. Im Zimmer feierte das Team.", "matt-zimmer"),
        (
            "pt",
            "João Almeida venceu a etapa rainha. A festa do Dia de Reis foi em Lisboa.",
            "rafael-reis",
        ),
        ("nl", "Reis naar Spanje voor de ploeg. Wout van Aert won de etappe.", "rafael-reis"),
        (
            "it",
            "Jonathan Milan ha vinto la tappa. La Stella di Bessèges è stata decisa in volata.",
            "davide-stella",
        ),
        (
            "en",
            "Sharp bends in the final kilometre favoured Jasper Philipsen in the sprint.",
            "izzy-sharp",
        ),
    ],
)
def test_an_everyday_word_alone_is_no_rider(
    tagger: Tagger, language: str, text: str, word_rider: str
) -> None:
    riders = _riders(tagger, language, "Race report", text)
    assert word_rider not in riders
    assert riders, "the race's named riders are still found"


@pytest.mark.parametrize(
    ("language", "text", "rider"),
    [
        (
            "pt",
            "Rafael Reis venceu o contrarrelógio. Reis ganhou com dez segundos de vantagem.",
            "rafael-reis",
        ),
        (
            "de",
            "Reinier Honig fuhr stark in der Ausreißergruppe. Honig wurde am Ende Dritter.",
            "reinier-honig",
        ),
    ],
)
def test_the_surname_after_the_full_name_is_still_the_rider(
    tagger: Tagger, language: str, text: str, rider: str
) -> None:
    assert rider in _riders(tagger, language, "Race report", text)
