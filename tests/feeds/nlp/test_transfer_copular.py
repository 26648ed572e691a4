"""A newcomer named by a copula (issue #13, `copular.py`): "the biggest signing of T is X",
"X is the new signing of T", in each language that says it so, and the everyday readings
of the same words that name nobody's move. Fresh sentences, not the corpora's."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear

JUNE_2024 = date(2024, 6, 10)
SOUDAL = "Soudal Quick-Step"


def _moves(tagger: Tagger, text: str, language: str) -> dict[str, str | None]:
    title, body = text.split("\n", 1)
    tags = tagger.tag(title, body, JUNE_2024, language=language)
    return {m.person: m.to_team for m in tags.moves}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Busy winter\nThe biggest signing of Soudal Quick-Step is Mads Pedersen."),
        ("nl", "Drukke winter\nDe grootste aanwinst van Soudal Quick-Step is Mads Pedersen."),
        ("fr", "Mercato\nMais la recrue phare de Soudal Quick-Step est Mads Pedersen."),
        (
            "it",
            "Ciclomercato\nIl nuovo acquisto più esperto della Soudal Quick-Step è il danese "
            "Mads Pedersen.",
        ),
        ("es", "Mercado\nEl fichaje más sonado del Soudal Quick-Step es Mads Pedersen."),
        (
            "de",
            "Transfers\nDer jüngste Neuzugang von Soudal Quick-Step ist der Däne Mads Pedersen.",
        ),
        ("pt", "Mercado\nO terceiro reforço da Soudal Quick-Step é o dinamarquês Mads Pedersen."),
        ("no", "Overganger\nDen største nysigneringen til Soudal Quick-Step er Mads Pedersen."),
        ("sl", "Prestopi\nNajodmevnejša okrepitev ekipe Soudal Quick-Step je Mads Pedersen."),
    ],
)
def test_the_noun_then_the_copula_names_the_newcomer(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, text, language).get("Mads Pedersen") == SOUDAL


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Soudal Quick-Step prepare for 2025\nThe team has been busy. The most prominent "
            "signing is Mads Pedersen, who will lead the sprints.",
        ),
        (
            "pt",
            "Soudal Quick-Step reforça-se para 2025\nA equipa belga mexeu-se. O terceiro "
            "reforço é o menos conhecido: o dinamarquês Mads Pedersen.",
        ),
        (
            "en",
            "Soudal Quick-Step prepare for 2025\nThe team has been busy. Mads Pedersen is the "
            "new signing.",
        ),
        (
            "pt",
            "Os reforços da Soudal Quick-Step para 2025\nA equipa belga mexeu-se. Mads Pedersen "
            "foi a primeira cara nova.",
        ),
        (
            "it",
            "La Soudal Quick-Step si rinforza\nMovimenti in Belgio. Mads Pedersen è il nuovo "
            "acquisto della squadra.",
        ),
    ],
)
def test_without_a_team_in_the_phrase_the_headline_team(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, text, language).get("Mads Pedersen") == SOUDAL


def test_a_team_after_the_copula_describes_the_person(tagger: Tagger) -> None:
    """ "is the former Movistar rider X": Movistar is where X comes from, not the team the
    noun is about."""
    text = (
        "Soudal Quick-Step prepare for 2025\nThe team has been busy. The new signing is the "
        "former Movistar rider Mads Pedersen."
    )
    assert _moves(tagger, text, "en").get("Mads Pedersen") == SOUDAL


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a to-word: the person is who the newcomer is for
        (
            "en",
            "Soudal Quick-Step are pleased\nThe team is happy. The new signing is expected "
            "to help Mads Pedersen in the sprints.",
        ),
        (
            "de",
            "Soudal Quick-Step jubelt\nDas Team ist zufrieden. Der Neuzugang ist eine Hilfe "
            "für Mads Pedersen im Sprint.",
        ),
        (
            "fr",
            "Soudal Quick-Step se réjouit\nL'équipe est contente. La nouvelle recrue est un "
            "soutien pour Mads Pedersen.",
        ),
        # a race's words: the bike throw is "il colpo di reni", no signing
        (
            "it",
            "Volata al Giro\nDopo il suo trasferimento alla Soudal Quick-Step, al Giro è stata "
            "volata: al colpo di reni è stato Mads Pedersen.",
        ),
        # a negation
        (
            "en",
            "Soudal Quick-Step are pleased\nThe team is happy. The new signing is not Mads "
            "Pedersen.",
        ),
        # a comma ends the stretch: the name belongs to another clause
        (
            "en",
            "Soudal Quick-Step won the stage\nThe team is happy. The signing is expected next "
            "week, Mads Pedersen said.",
        ),
        # the name first, but more than an article and an adjective before the noun
        (
            "pt",
            "Os reforços da Soudal Quick-Step\nA equipa mexeu-se. Mads Pedersen é um grande "
            "amigo da cara nova.",
        ),
        (
            "pt",
            "Os reforços da Soudal Quick-Step\nA equipa mexeu-se. Mads Pedersen não é a "
            "primeira cara nova.",
        ),
    ],
)
def test_the_everyday_readings_name_no_newcomer(tagger: Tagger, language: str, text: str) -> None:
    assert "Mads Pedersen" not in _moves(tagger, text, language)


def test_two_teams_in_the_headline_give_no_team(tagger: Tagger) -> None:
    """ "Movistar e Astana anunciam reforços": whose newcomer the copula names is not told."""
    text = (
        "Movistar Team e Soudal Quick-Step anunciam novos reforços\nAs duas equipas "
        "mexeram-se. O décimo reforço confirmado é Mads Pedersen."
    )
    assert "Mads Pedersen" not in _moves(tagger, text, "pt")


@pytest.mark.parametrize(
    "sentence",
    [
        # many sentences, each a newcomer named by a copula
        "The new signing is Mads Pedersen. ",
        # one long sentence of nouns and names the other rules take no cue from
        "Mads Pedersen foi a primeira cara nova e ",
    ],
    ids=["sentences", "one sentence"],
)
def test_many_nouns_and_names_grow_linearly(tagger: Tagger, sentence: str) -> None:
    assert_linear(
        lambda body: tagger.tag("Os reforços da Soudal Quick-Step", body, JUNE_2024, True, "pt"),
        lambda n: sentence * n + "fim.",
        500,
    )
