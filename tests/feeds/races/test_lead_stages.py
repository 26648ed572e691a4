"""A stage number in a result's lead: it still names the report's stage when the lead
also speaks of the overall before the race's last day, and gives way to the day's stage
when it only recalls a stage run days before and tells the day's racing (a word for
today, or the day's finish)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger


def focus(tagger: Tagger, title: str, text: str, published: date, language: str) -> str:
    tags = tagger.tag(title, text, published, True, language=language)
    if tags.race_focus is None:
        return "none"
    f = tags.race_focus
    name = tagger.races.calendar.races[f.race_id].name
    return f"{name} {f.year}" + ("" if f.stage is None else f" stage {f.stage}")


@pytest.mark.parametrize(
    ("language", "title", "text", "published", "expected"),
    [
        (
            "de",
            "Vingegaard gewinnt am Bola del Mundo",
            "Jonas Vingegaard hat die 20. Etappe der Vuelta a Espana gewonnen und sich den "
            "Gesamtsieg vor dem Schlussstück in Madrid praktisch gesichert.",
            date(2025, 9, 13),
            "Vuelta a España 2025 stage 20",
        ),
        (
            "pt",
            "João Almeida segura o pódio",
            "Ao terminar a 20.ª etapa da Volta a Espanha no segundo lugar da geral, João "
            "Almeida garante o segundo pódio da carreira.",
            date(2025, 9, 13),
            "Vuelta a España 2025 stage 20",
        ),
        (
            # On the last day the overall is won: the story is the race's.
            "de",
            "Roglic gewinnt die Vuelta",
            "Primoz Roglic hat nach der 21. Etappe der Vuelta a Espana den Gesamtsieg sicher.",
            date(2024, 9, 8),
            "Vuelta a España 2024",
        ),
    ],
)
def test_overall_words_before_the_last_day_leave_the_leads_stage(
    tagger: Tagger, language: str, title: str, text: str, published: date, expected: str
) -> None:
    assert focus(tagger, title, text, published, language) == expected


@pytest.mark.parametrize(
    ("language", "title", "text", "published", "expected"),
    [
        (
            "pt",
            "Evenepoel segura a vitória na Vuelta e Carapaz vence de novo",
            "O belga vestiu a camisola vermelha na sexta etapa e hoje voltou a segurá-la na "
            "última subida, atrás de Richard Carapaz.",
            date(2022, 9, 10),
            "Vuelta a España 2022 stage 20",
        ),
        (
            "da",
            "Mads Pedersen vinder i Giro d'Italia",
            "Danskeren spurtede sig til sejren i dag, efter at han var blevet nummer to på "
            "tredje etape.",
            date(2023, 5, 11),
            "Giro d'Italia 2023 stage 6",
        ),
        (
            # The day's finish (Hautacam, stage 12 of 2025) names the day as well as "today".
            "en",
            "Pogacar wins at Hautacam in the Tour de France",
            "Tadej Pogacar, who took yellow on stage 5, won again at Hautacam.",
            date(2025, 7, 17),
            "Tour de France 2025 stage 12",
        ),
        (
            # Published the next morning: yesterday's stage, one behind the day's, stays.
            "en",
            "Pedersen takes Giro d'Italia sprint",
            "Mads Pedersen won stage 6 in Naples ahead of Fernando Gaviria.",
            date(2023, 5, 12),
            "Giro d'Italia 2023 stage 6",
        ),
    ],
)
def test_a_lead_that_recalls_an_earlier_stage_gives_way_to_the_days(
    tagger: Tagger, language: str, title: str, text: str, published: date, expected: str
) -> None:
    assert focus(tagger, title, text, published, language) == expected


@pytest.mark.parametrize(
    ("language", "title", "text", "published", "expected"),
    [
        (
            # An analysis two days later names the stage it looks back on, and no more.
            "en",
            "How Pogacar broke Vingegaard at Hautacam",
            "Tadej Pogacar's win on stage 12 of the Tour de France at Hautacam was the moment "
            "the race was decided.",
            date(2025, 7, 19),
            "Tour de France 2025 stage 12",
        ),
        (
            "es",
            "Así ganó Pogacar en Hautacam",
            "La victoria de Tadej Pogacar en la duodécima etapa del Tour de Francia en Hautacam "
            "decidió la carrera.",
            date(2025, 7, 19),
            "Tour de France 2025 stage 12",
        ),
    ],
)
def test_a_late_analysis_keeps_the_stage_its_lead_names(
    tagger: Tagger, language: str, title: str, text: str, published: date, expected: str
) -> None:
    assert focus(tagger, title, text, published, language) == expected
