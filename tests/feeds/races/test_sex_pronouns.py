"""Whose race a shared name is: a pronoun of the story's sex in the name's sentence keeps
it the story's after a rider of the other sex is named (issue #17, review R16 defect 3;
feeds/races/sex.py)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear


def races(tagger: Tagger, title: str, text: str, language: str) -> list[str]:
    tags = tagger.tag(title, text, date(2025, 7, 28), True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


MEN_STORY = (
    "Tadej Pogačar won his fourth Tour de France on Sunday. Pogačar finished four minutes "
    "ahead of Jonas Vingegaard.\n"
)


@pytest.mark.parametrize(
    ("language", "paragraph", "femmes"),
    [
        # The partner quoted twice; the sentence says the race is his.
        (
            "en",
            "His partner Urška Žigart was waiting. Žigart said that this Tour de France "
            "was the hardest he had ridden.",
            False,
        ),
        (
            "nl",
            "Zijn partner Urška Žigart wachtte. Žigart zei dat deze Tour de France de "
            "zwaarste was die hij had gereden.",
            False,
        ),
        (
            "de",
            "Seine Partnerin Urška Žigart wartete. Žigart sagte, die Tour de France sei "
            "die härteste seiner Karriere gewesen.",
            False,
        ),
        # No pronoun of his: the paragraph's rider still gives her race.
        (
            "en",
            "His partner Urška Žigart was waiting. Žigart said she wants to win the Tour "
            "de France next month.",
            True,
        ),
    ],
)
def test_a_pronoun_of_the_story_s_sex_keeps_the_name_the_story_s(
    tagger: Tagger, language: str, paragraph: str, femmes: bool
) -> None:
    found = races(tagger, "Pogačar wins the Tour", MEN_STORY + paragraph, language)
    assert ("Tour de France Femmes" in found) is femmes


def test_a_quote_s_speaker_is_not_the_name_s_owner(tagger: Tagger) -> None:
    """A women's story quoting her on a man named twice: the speaker's "she" after the
    quote does not take the men's race from him."""
    text = (
        "Demi Vollering says the Tour de France Femmes is her main goal. Vollering was "
        "second last summer.\nShe watched Tadej Pogačar ride last July. 'Tadej Pogačar made "
        "the Tour de France look easy,' she said."
    )
    assert "Tour de France" in races(tagger, "Vollering: I want the Tour", text, "en")


def test_pronoun_reads_stay_linear(tagger: Tagger) -> None:
    """Thousands of race names after a woman named twice in a men's story, one paragraph."""

    def make(n: int) -> str:
        return (
            MEN_STORY
            + "Urška Žigart. Žigart said "
            + " ".join(["the Tour de France he rode and the Tour de France"] * n)
        )

    assert_linear(lambda text: races(tagger, "Pogačar wins", text, "en"), make, 300)
