"""The day a morning-after report names and the stage a rider (did not) start
(feeds/races/stage_days.py, stage_days.toml): a crash told the next day is of the day
before's stage, and "did not start stage 5" of stage 4."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races.stage_days import bundled_stage_days, day_named, day_words, started
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText
from tests.growth import assert_linear

FRIDAY = date(2024, 4, 5)


def _lead(text: str) -> str:
    return FoldedText(text).folded


GIRO_DAY = date(2025, 5, 15)
"""A Thursday of the Giro d'Italia 2025: stage 6 that day, stage 5 the day before, stage 4
on Tuesday."""


def _crash_stage(tagger: Tagger, language: str, title: str, text: str) -> int | None:
    tags = tagger.tag(title, text, GIRO_DAY, True, language=language)
    assert tags.race_focus is not None
    return tags.race_focus.stage


@pytest.mark.parametrize(
    ("language", "title", "text", "stage"),
    [
        (
            "en",
            "Crash for Roglič at the Giro d'Italia",
            "Roglič crashed yesterday on the descent and lost two minutes.",
            5,
        ),
        (
            "en",
            "Crash for Roglič at the Giro d'Italia",
            "Roglič lost two minutes in yesterday's crash on the descent.",
            5,
        ),
        (
            "en",
            "Crash for Roglič at the Giro d'Italia",
            "Roglič crashed on Tuesday and lost two minutes.",
            4,
        ),
        (
            "it",
            "Caduta per Roglič al Giro d'Italia",
            "Roglič è caduto ieri in discesa e ha perso due minuti.",
            5,
        ),
        (
            "it",
            "Caduta per Roglič al Giro d'Italia",
            "Roglič ha perso due minuti nella caduta di ieri in discesa.",
            5,
        ),
        (
            "es",
            "Caída de Roglič en el Giro d'Italia",
            "Roglič sufrió una caída en la etapa del miércoles y perdió dos minutos.",
            5,
        ),
        (
            "pt",
            "Queda de Roglič no Giro d'Italia",
            "Roglič caiu ontem na descida e perdeu dois minutos.",
            5,
        ),
        (
            "fr",
            "Chute de Roglič sur le Giro d'Italia",
            "Roglič a chuté hier dans la descente et a perdu deux minutes.",
            5,
        ),
        (
            "de",
            "Sturz von Roglič beim Giro d'Italia",
            "Roglič ist gestern in der Abfahrt gestürzt und verlor zwei Minuten.",
            5,
        ),
        (
            "nl",
            "Valpartij voor Roglič in de Giro d'Italia",
            "Roglič kwam gisteren ten val in de afdaling en verloor twee minuten.",
            5,
        ),
        (
            "da",
            "Styrt for Roglič i Giro d'Italia",
            "Roglič styrtede i går på nedkørslen og tabte to minutter.",
            5,
        ),
        (
            "no",
            "Roglič veltet i Giro d'Italia",
            "Roglič veltet i går i utforkjøringen og tapte to minutter.",
            5,
        ),
        (
            "sl",
            "Padec Rogliča na Giro d'Italia",
            "Roglič je včeraj padel na spustu in izgubil dve minuti.",
            5,
        ),
    ],
)
def test_the_day_a_crash_clause_names(
    tagger: Tagger, language: str, title: str, text: str, stage: int
) -> None:
    assert _crash_stage(tagger, language, title, text) == stage


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        # A today word in the crash's clause keeps the publication day.
        (
            "en",
            "Crash for Pedersen at the Giro d'Italia",
            "Yesterday's stage winner Pedersen crashed in the finale today.",
        ),
        (
            "es",
            "Caída de Pedersen en el Giro d'Italia",
            "Pedersen, ganador ayer, se fue al suelo hoy en el final.",
        ),
        (
            "de",
            "Sturz von Roglič beim Giro d'Italia",
            "Nach dem Sturz am Mittwoch kam Roglič heute erneut zu Fall.",
        ),
        # A day word modifying another noun names someone, not the crash's day.
        (
            "en",
            "Crash for Pedersen at the Giro d'Italia",
            "Yesterday's winner Pedersen crashed in the finale and lost a minute.",
        ),
        (
            "it",
            "Caduta per Pedersen al Giro d'Italia",
            "Il vincitore di ieri Pedersen è caduto nel finale e ha perso un minuto.",
        ),
        (
            "sl",
            "Padec Pedersena na Giro d'Italia",
            "Včerajšnji zmagovalec Pedersen je padel v finalu in izgubil minuto.",
        ),
        (
            "fr",
            "Chute de Pedersen sur le Giro d'Italia",
            "Le vainqueur d'hier, Pedersen, a chuté dans le final.",
        ),
        (
            "pt",
            "Queda de Pedersen no Giro d'Italia",
            "O vencedor de ontem, Pedersen, caiu no final da etapa.",
        ),
        (
            "nl",
            "Valpartij voor Pedersen in de Giro d'Italia",
            "De winnaar van gisteren, Pedersen, kwam in de finale ten val.",
        ),
        (
            "da",
            "Styrt for Pedersen i Giro d'Italia",
            "Vinderen fra i går, Pedersen, styrtede i finalen.",
        ),
        # A day word in another clause, about something else.
        (
            "en",
            "Crash for Ayuso at the Giro d'Italia",
            "Ayuso crashed in the finale. His team said on Wednesday that he was in good form.",
        ),
        (
            "en",
            "Crash for Roglič at the Giro d'Italia",
            "Roglič crashed again in the finale. He had also lost time yesterday on the gravel.",
        ),
        # A weekday ahead is a plan; "after" looks back before the news.
        (
            "en",
            "Crash for Roglič at the Giro d'Italia",
            "Roglič crashed in the finale and will have surgery on Saturday.",
        ),
        (
            "it",
            "Caduta per Roglič al Giro d'Italia",
            "Dopo il terribile incidente di ieri, Roglič è caduto ancora nel finale.",
        ),
    ],
)
def test_no_day_of_the_crash_named(tagger: Tagger, language: str, title: str, text: str) -> None:
    assert _crash_stage(tagger, language, title, text) == 6


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
        ("en", "he abandoned before the start of stage 18", "stage"),
        ("it", "non ripartirà nella quinta tappa", "tappa"),
        ("de", "er stieg aus und ist vor dem Start der 5. Etappe nicht mehr dabei", "etappe"),
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
        # An affirmative start: the stage was started, and the crash was in it.
        ("es", "tomó la salida de la 5.ª etapa pero se fue al suelo", "etapa"),
        ("it", "ha preso il via della 5ª tappa ma è caduto", "tappa"),
        ("it", "è caduto ma è ripartito nella 5ª tappa", "tappa"),
        # "Before the start" as the crash's place, with no withdrawal before it.
        ("en", "he crashed in the neutral zone before the start of stage 5", "stage"),
        ("fr", "il est tombé avant le départ de la 5e étape", "etape"),
        ("nl", "hij viel voor de start van de vijfde etappe", "etappe"),
    ],
)
def test_not_a_stage_started(language: str, text: str, noun: str) -> None:
    folded = _lead(text)
    assert not started(folded, _noun_start(folded, noun), day_words(language))


def test_an_unknown_language_reads_english_day_words() -> None:
    # "hier" is French for yesterday, German and Dutch for here.
    assert day_words(None) == bundled_stage_days()["en"]
    ft = FoldedText("Er ist hier gestürzt.")
    cues = [("crash", ft.folded.index(" gesturzt "))]
    assert day_named(ft, cues, [(0, len(ft.folded))], FRIDAY, day_words(None)) is None


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


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # Hurt in the prologue the story names: stage 1 not started is the prologue's.
        ("Lipowitz did not start stage 1 after his crash in the prologue.", 0),
        # No prologue named and none known: the stage before stage 1 is unknown.
        ("Lipowitz did not start stage 1 after his crash.", None),
    ],
)
def test_stage_one_not_started(tagger: Tagger, text: str, stage: int | None) -> None:
    tags = tagger.tag(
        "Lipowitz crashes out of the Tour de Romandie", text, date(2025, 4, 30), True, "en"
    )
    assert tags.race_focus is not None and tags.race_focus.stage == stage


def _long_title(n: int) -> str:
    return "Vingegaard did not start stage 5, " * n


def test_time_grows_linearly(tagger: Tagger) -> None:
    assert_linear(
        lambda title: tagger.tag(title, "He crashed yesterday.", FRIDAY, True, "en"),
        _long_title,
        500,
    )


def _crash_days(n: int) -> str:
    return (
        "Roglič crashed yesterday, on Tuesday, and did not start before the start of stage 5 " * n
    )


def test_crash_clauses_grow_linearly(tagger: Tagger) -> None:
    # Every clause holds a crash word and day words: the clauses read are bounded.
    assert_linear(
        lambda text: tagger.tag("Roglič crashed at the Giro d'Italia", text, GIRO_DAY, True, "en"),
        _crash_days,
        400,
    )
    assert_linear(
        lambda title: tagger.tag(title, "He crashed.", GIRO_DAY, True, "en"),
        _crash_days,
        200,
    )
