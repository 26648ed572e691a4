"""How the story's kind weighs its words against the other tags (feeds/races/kind.py):
a move found in a story whose headline says something else, a text of team words under
a silent headline, a preview word beside a result word; and kind words that belong to a
team's name (feeds/races/mentions.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.races.kind import KindEvidence, decide_kind
from feeds.tagger import Tagger


def evidence(
    title: dict[str, int], text: dict[str, int], *, is_transfer: bool = True
) -> KindEvidence:
    return KindEvidence(
        Counter(title),
        Counter(text),
        has_race=True,
        cycling=True,
        is_transfer=is_transfer,
        race_near=True,
        title_team=True,
        title_race=False,
    )


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A crash report that mentions the rider's contract: the headline's crash.
        ({"crash": 1}, {"crash": 7, "result": 1}, "crash"),
        # The race won, the text naming a rider who leaves: the headline's result.
        ({"result": 1, "stage": 1}, {"result": 3, "transfer": 2}, "result"),
        # A team presenting its kit and squad: the headline's team news.
        ({"team": 2}, {"team": 2, "transfer": 2}, "team"),
    ],
)
def test_a_headline_of_another_kind_outweighs_a_move_its_text_agrees_with(
    title: dict[str, int], text: dict[str, int], kind: str
) -> None:
    assert decide_kind(evidence(title, text)) == kind


def test_a_move_still_makes_a_transfer_where_the_text_does_not_agree() -> None:
    # A sponsor word in the headline over a text of signings, more of them than the team
    # words in the headline and the text together: the move decides.
    assert decide_kind(evidence({"team": 2}, {"team": 1, "transfer": 4})) == "transfer"
    # A transfer word in the headline beside a team word, the text's transfer words as
    # many as its team words: the move adds to it.
    assert decide_kind(evidence({"team": 1, "transfer": 1}, {"team": 2, "transfer": 2})) == (
        "transfer"
    )
    # A crash headline over a text with no crash word.
    assert decide_kind(evidence({"crash": 1}, {"transfer": 1})) == "transfer"


def test_a_headline_naming_no_kind_over_another_kind_s_text_is_that_kind() -> None:
    assert decide_kind(evidence({}, {"team": 4, "transfer": 1, "result": 2})) == "team"
    # Where riders start their season, a rider's move mentioned in passing.
    assert decide_kind(evidence({"stage": 1}, {"lineup": 3, "transfer": 1})) == "lineup"
    # A transferred rider's palmares does not make the story a result.
    assert decide_kind(evidence({}, {"result": 4, "transfer": 1})) == "transfer"
    # Fewer team words, or as many moves as half of them: the move decides.
    assert decide_kind(evidence({}, {"team": 2, "transfer": 1})) == "transfer"
    assert decide_kind(evidence({}, {"team": 4, "transfer": 3})) == "transfer"


def test_one_preview_word_beside_one_result_word_is_a_preview() -> None:
    no_move = {"is_transfer": False}
    assert decide_kind(evidence({}, {"preview": 1, "result": 1}, **no_move)) == "preview"
    # Any other tie of single words decides no kind; a result word among them still makes
    # a result (the spoiler shield hides it), and without one the story is `other`.
    assert decide_kind(evidence({}, {"crash": 1, "result": 1}, **no_move)) == "result"
    assert decide_kind(evidence({}, {"crash": 1, "lineup": 1}, **no_move)) == "other"
    assert decide_kind(evidence({}, {"preview": 1, "result": 2}, **no_move)) == "result"


@pytest.mark.parametrize(
    ("language", "title", "text", "kind"),
    [
        # "Bike" (an English `other` word) inside "Visma-Lease a Bike".
        (
            "nl",
            "Jorgenson blijft bij Visma-Lease a Bike",
            "Matteo Jorgenson heeft zijn contract verlengd tot 2029.",
            "transfer",
        ),
        # "Victorious" (an English `result` word) inside "Bahrain Victorious".
        (
            "sl",
            "Mohorič na dirki po Sloveniji",
            "Matej Mohorič bo nastopil za Bahrain Victorious.",
            "lineup",
        ),
        (
            "en",
            "Bahrain Victorious selects Mohorič for the Tour de France",
            "Matej Mohorič leads the team.",
            "lineup",
        ),
    ],
)
def test_a_kind_word_inside_a_team_s_name_is_the_name_s(
    tagger: Tagger, language: str, title: str, text: str, kind: str
) -> None:
    tags = tagger.tag(title, text, date(2025, 7, 10), True, language=language)
    assert tags.kind == kind


def test_a_team_headline_counts_beside_its_text_against_the_moves() -> None:
    # "Team presentation 2023" over a text naming newcomers' contracts more often than
    # the sponsors: the headline's team word agrees with the text's.
    assert decide_kind(evidence({"team": 1}, {"team": 2, "transfer": 3})) == "team"
    # A line-up word is also a move's ("will ride for X from 2026"): the move decides.
    assert decide_kind(evidence({"lineup": 1}, {"lineup": 1, "transfer": 2})) == "transfer"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Two contract words over four palmares words: the results count half.
        ({"transfer": 2, "result": 4}, "transfer"),
        # One transfer word in a race report does not make its results a palmares.
        ({"transfer": 1, "result": 2}, "result"),
        ({"transfer": 2, "result": 5}, "transfer"),
        ({"transfer": 2, "result": 6}, "result"),
    ],
)
def test_results_beside_contract_words_are_a_palmares(text: dict[str, int], kind: str) -> None:
    assert decide_kind(evidence({}, text, is_transfer=False)) == kind
