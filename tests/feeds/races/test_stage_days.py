"""The day a morning-after report names and the stage a rider (did not) start
(feeds/races/stage_days.py, stage_days.toml): a crash told the next day is of the day
before's stage, and "did not start stage 5" of stage 4."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.fold import FoldedText
from feeds.nlp.tag import Tagger
from feeds.races.stage_days import bundled_stage_days, day_named, day_words, started
from tests.growth import assert_linear

FRIDAY = date(2024, 4, 5)


def _lead(text: str) -> str:
    return FoldedText(text).folded


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("en", "He crashed yesterday and broke his collarbone.", date(2024, 4, 4)),
        ("it", "Un'altra vittima della caduta di ieri lascia la corsa.", date(2024, 4, 4)),
        ("es", "La lesión se la produjo una caída en la etapa del miércoles.", date(2024, 4, 3)),
        ("pt", "O ciclista caiu na quinta-feira e fraturou a clavícula.", date(2024, 4, 4)),
        ("sl", "Kot so v četrtek pozno zvečer sporočili iz ekipe.", date(2024, 4, 4)),
        ("de", "Er war am Donnerstag schwer gestürzt.", date(2024, 4, 4)),
        ("nl", "Hij viel gisteren in de finale.", date(2024, 4, 4)),
        ("da", "Han styrtede i går på etapen.", date(2024, 4, 4)),
        ("fr", "Il est tombé vendredi dans le final.", FRIDAY),
    ],
)
def test_the_day_a_lead_names(language: str, text: str, day: date) -> None:
    assert day_named(_lead(text), FRIDAY, day_words(language)) == day


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A look back before the news: the day is the publication day's.
        ("it", "Dopo il terribile incidente di ieri, un'altra caduta segna la corsa."),
        ("en", "After yesterday's big crash, another rider fell today."),
        # A weekday ahead is a plan, not the crash's day ("surgery on Monday").
        ("en", "He will have surgery on Monday."),
        # No day named at all.
        ("pt", "O ciclista fraturou a clavícula na queda coletiva."),
        # "quinta" alone is an ordinal in Portuguese, not Thursday.
        ("pt", "Caiu na quinta etapa."),
    ],
)
def test_no_day_named(language: str, text: str) -> None:
    assert day_named(_lead(text), FRIDAY, day_words(language)) is None


def _noun_start(folded: str, noun: str) -> int:
    return folded.rindex(f" {noun} ")


@pytest.mark.parametrize(
    ("language", "text", "noun"),
    [
        ("en", "Vingegaard did not start stage 5", "stage"),
        ("es", "abandonó antes de la salida de la 18.ª etapa", "etapa"),
        ("pt", "Guerreiro não arranca para a etapa 5", "etapa"),
        ("pt", "Almeida deve alinhar na oitava etapa", "etapa"),
        ("it", "A non ripartire per la seconda tappa è Gesink", "tappa"),
        ("fr", "il n'a pas pris le départ de la 5e étape", "etape"),
        ("de", "er trat nicht zur 5. Etappe an", "etappe"),
        ("nl", "hij start niet in de vijfde etappe", "etappe"),
        ("sl", "ni startal na peti etapi", "etapi"),
    ],
)
def test_a_stage_started(language: str, text: str, noun: str) -> None:
    folded = _lead(text)
    assert started(folded, _noun_start(folded, noun), day_words(language))


@pytest.mark.parametrize(
    ("language", "text", "noun"),
    [
        # The start as the crash's place, not a verb of starting.
        ("en", "he crashed at the start of stage 5", "stage"),
        # A start verb of another clause, further off.
        ("en", "he did not start today after crashing hard in stage 5", "stage"),
        ("es", "se cayó en la salida de la quinta etapa", "etapa"),
        ("it", "è caduto nella seconda tappa", "tappa"),
    ],
)
def test_not_a_stage_started(language: str, text: str, noun: str) -> None:
    folded = _lead(text)
    assert not started(folded, _noun_start(folded, noun), day_words(language))


def test_an_unknown_language_reads_english_day_words() -> None:
    # "hier" is French for yesterday, German and Dutch for here.
    assert day_words(None) == bundled_stage_days()["en"]
    assert day_named(_lead("Er ist hier gestürzt."), FRIDAY, day_words(None)) is None


def test_every_language_has_seven_days() -> None:
    days = bundled_stage_days()
    for code in ("en", "fr", "es", "pt", "it", "nl", "de", "da", "no", "sl"):
        assert len(days[code].weekdays) == 7
        assert days[code].yesterday and days[code].starting


def test_crash_focus_is_the_stage_before_the_one_not_started(tagger: Tagger) -> None:
    tags = tagger.tag(
        "Carlos Rodríguez no tomará la salida de la 18.ª etapa del Tour de Francia",
        "Carlos Rodríguez (INEOS Grenadiers) abandona el Tour de Francia por una fractura "
        "de pelvis tras una caída.",
        date(2025, 7, 24),
        True,
        language="es",
    )
    assert tags.race_focus is not None and tags.race_focus.stage == 17


def _long_title(n: int) -> str:
    return "Vingegaard did not start stage 5, " * n


def test_time_grows_linearly(tagger: Tagger) -> None:
    assert_linear(
        lambda title: tagger.tag(title, "He crashed yesterday.", FRIDAY, True, "en"),
        _long_title,
        500,
    )
