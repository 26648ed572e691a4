"""Moves told across sentences (issue #13, task XS): a team named in one sentence, its
signings in the next. Fresh sentences through the whole tagger and the bundled roster,
each shape in several languages, with the everyday readings of the same words."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.tag import Tagger
from feeds.roster import Roster, load_roster
from tests.growth import assert_linear

PUBLISHED = date(2023, 10, 10)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster(())


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def _moves(tagger: Tagger, language: str, text: str) -> list[tuple[str, str | None]]:
    tags = tagger.tag("Mercato", text, PUBLISHED, feed_is_cycling=True, language=language)
    return sorted((m.person, m.to_team) for m in tags.moves)


def _described(tagger: Tagger, text: str) -> list[str]:
    """The teams the story's team descriptions ("the French team") were read as."""
    return [
        m.entity_id
        for m in tagger.mentions("Mercato", text, PUBLISHED)
        if m.how == "description" and m.kind == "team"
    ]


SIGNED_WITH_DESCRIBED_TEAM = {
    "fr": "La Groupama-FDJ a annoncé trois recrues pour 2024. Guillaume Martin (Cofidis), "
    "Kevin Vauquelin (Arkéa-Samsic) et Axel Zingle (Cofidis) ont signé pour deux ans avec "
    "la formation française.",
    "en": "Groupama-FDJ has announced three new riders for 2024. Guillaume Martin (Cofidis), "
    "Kevin Vauquelin (Arkéa-Samsic) and Axel Zingle (Cofidis) have signed two-year deals "
    "with the French team.",
    "it": "La Groupama-FDJ ha annunciato tre nuovi corridori. Guillaume Martin (Cofidis), "
    "Kevin Vauquelin (Arkéa-Samsic) e Axel Zingle (Cofidis) hanno firmato per due anni con "
    "la squadra francese.",
    "es": "El Groupama-FDJ anunció tres fichajes para 2024. Guillaume Martin (Cofidis), "
    "Kevin Vauquelin (Arkéa-Samsic) y Axel Zingle (Cofidis) han firmado por dos años con "
    "el equipo francés.",
}


@pytest.mark.parametrize("language", sorted(SIGNED_WITH_DESCRIBED_TEAM))
def test_a_described_team_is_the_one_named_before_not_a_riders_bracket(
    tagger: Tagger, language: str
) -> None:
    """The team announces its signings; the next sentence lists them with their old teams
    in brackets and names the team by a description: the description is the announcing
    team, not the last bracket of that country (once read as Cofidis)."""
    text = SIGNED_WITH_DESCRIBED_TEAM[language]
    assert _described(tagger, text) == ["groupama-fdj"]
    assert _moves(tagger, language, text) == [
        ("Axel Zingle", "Groupama-FDJ"),
        ("Guillaume Martin", "Groupama-FDJ"),
        ("Kévin Vauquelin", "Groupama-FDJ"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "team"),
    [
        (
            "en",
            "Axel Zingle (Cofidis) won the stage ahead of Kevin Vauquelin (Arkéa-Samsic). "
            "The French team celebrated at the finish.",
            "arkea",
        ),
        (
            "fr",
            "Axel Zingle (Cofidis) a gagné l'étape devant Bryan Coquard. L'équipe française "
            "a fêté la victoire.",
            "cofidis",
        ),
    ],
)
def test_a_race_report_with_only_brackets_still_reads_the_last_one(
    tagger: Tagger, language: str, text: str, team: str
) -> None:
    """Near miss: a race report names its teams only in brackets; "the French team" is
    still the last one of that country, and nobody moves."""
    assert _described(tagger, text) == [team]
    assert _moves(tagger, language, text) == []


def test_described_team_linear_in_brackets(tagger: Tagger) -> None:
    """A long list of riders with bracketed teams before the description: linear time."""

    def make(n: int) -> str:
        items = ", ".join(["Axel Zingle (Cofidis), Kevin Vauquelin (Arkéa-Samsic)"] * n)
        return f"La Groupama-FDJ annonce ses recrues. {items} rejoignent la formation française."

    assert_linear(lambda text: tagger.mentions("Mercato", text, PUBLISHED), make, 200)
