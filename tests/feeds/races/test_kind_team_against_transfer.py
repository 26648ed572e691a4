"""Team news against transfer words (issue #17, tasks KD, KDF): under a headline naming no
kind, a story in which the transfer extractor found no move and whose text has two team
words or more, as many as its transfer words, is the team's own story (a sponsor leaving
and the riders looking for a contract elsewhere); more transfer words, or a move, keep it
a transfer. One team word against one transfer word decides nothing (a sponsor named in an
interview), and a retirement stays out of the rule (R13 D4)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.kind import KindEvidence, decide_kind
from feeds.tagger import Tagger

AUTUMN = date(2025, 9, 10)


def evidence(text: dict[str, int], *, is_transfer: bool) -> KindEvidence:
    return KindEvidence(
        Counter(),
        Counter(text),
        has_race=False,
        cycling=True,
        is_transfer=is_transfer,
        race_near=False,
        title_team=True,
        title_race=False,
    )


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Hard times at Lotto",
            "Lotto could lose its title sponsor next year and its budget with it, and several "
            "riders are already looking for a contract elsewhere.",
        ),
        (
            "es",
            "Tiempos difíciles en el Kern Pharma",
            "El Kern Pharma busca un patrocinador para el próximo año y recorta su presupuesto, "
            "y varios corredores ya buscan un contrato en otro equipo.",
        ),
        (
            "nl",
            "Zware tijden bij Lotto",
            "Lotto zoekt een nieuwe sponsor voor volgend jaar en snoeit in het budget, en "
            "verschillende renners zoeken al een contract bij een andere ploeg.",
        ),
    ],
)
def test_as_many_team_words_as_transfer_words_and_no_move_is_team_news(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert tagger.tag(title, text, AUTUMN, True, language=language).kind == "team"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "What next for Lotto's riders?",
            "Rumours say several Lotto riders are looking for a contract elsewhere, and the "
            "transfer market is busy; the sponsor stays.",
        ),
        (
            "es",
            "El mercado del Kern Pharma",
            "Rumores de fichajes: varios corredores del Kern Pharma buscan contrato en otro "
            "equipo; el patrocinador sigue.",
        ),
    ],
)
def test_more_transfer_words_than_team_words_stay_a_transfer(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert tagger.tag(title, text, AUTUMN, True, language=language).kind == "transfer"


def test_a_move_keeps_its_transfer_against_as_many_team_words() -> None:
    counts = {"team": 2, "transfer": 2}
    assert decide_kind(evidence(counts, is_transfer=True)) == "transfer"
    assert decide_kind(evidence(counts, is_transfer=False)) == "team"


def test_more_transfer_words_than_team_words_stay_a_transfer_past_the_cap() -> None:
    """Each kind's text score is capped; the tie is read on the words themselves."""
    assert decide_kind(evidence({"team": 4, "transfer": 6}, is_transfer=False)) == "transfer"


def test_one_team_word_against_one_transfer_word_is_no_team_news() -> None:
    assert decide_kind(evidence({"team": 1, "transfer": 1}, is_transfer=False)) != "team"
    assert decide_kind(evidence({"team": 2, "transfer": 1}, is_transfer=False)) == "team"


def test_a_retirement_stays_out_of_the_tie() -> None:
    counts = {"team": 2, "transfer": 2, "retire": 1}
    assert decide_kind(evidence(counts, is_transfer=False)) == "transfer"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "A champion looks back",
            "Greg Van Avermaet will retire at the end of the season. He thanked the sponsors "
            "and his team-mates for fifteen years of support.",
        ),
        (
            "nl",
            "Een kampioen kijkt terug",
            "Greg Van Avermaet zet na dit seizoen een punt achter zijn carrière. Hij bedankte "
            "de sponsors en zijn ploegmaats voor vijftien jaar steun.",
        ),
    ],
)
def test_a_retirement_thanking_the_sponsors_is_no_team_news(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    assert tagger.tag(title, text, AUTUMN, True, language=language).kind != "team"


def test_an_interview_naming_a_contract_and_a_budget_is_no_team_news(tagger: Tagger) -> None:
    title = "Ben Healy on his breakthrough year"
    text = (
        "Ben Healy talks about his Tour de France, his contract and why the budget of the "
        "bigger teams does not scare him."
    )
    assert tagger.tag(title, text, AUTUMN, True, language="en").kind != "team"
