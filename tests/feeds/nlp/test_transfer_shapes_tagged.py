"""Sentence shapes of transfer news, through the whole tagger and the bundled roster.

Each case is a short story written for the shape it tests (not taken from a corpus):
who moves where, and whether it is confirmed or a rumour. The cases are data in
tests/feeds/nlp/cases/: tagged_shapes.toml and tagged_landa.toml.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.feeds.nlp.cases import TaggedShape, load_sentences, load_tagged_shapes

# Short stories, each written for the shape it tests.
CASES = load_tagged_shapes("tagged_shapes.toml")

# More ways to say "Landa moves to Soudal Quick-Step", one sentence each; and the same
# words where nobody moves.
_LANDA = load_sentences("tagged_landa.toml", ("moves", "rumours", "stays"))
LANDA_MOVES = _LANDA["moves"]
LANDA_RUMOURS = _LANDA["rumours"]
LANDA_STAYS = _LANDA["stays"]


@pytest.mark.parametrize("text", LANDA_MOVES)
def test_a_move_said_another_way(tagger: Tagger, text: str) -> None:
    tags = tagger.tag("Transfer news", text, date(2023, 9, 15))
    assert tags.is_transfer
    assert [(m.person, m.to_team) for m in tags.moves] == [("Mikel Landa", "Soudal Quick-Step")]


@pytest.mark.parametrize("text", LANDA_RUMOURS)
def test_a_rumour_said_another_way(tagger: Tagger, text: str) -> None:
    tags = tagger.tag("Mercato", text, date(2023, 9, 15))
    assert [(m.person, m.to_team, m.status) for m in tags.moves] == [
        ("Mikel Landa", "Soudal Quick-Step", "rumour")
    ]


@pytest.mark.parametrize("text", LANDA_STAYS)
def test_the_same_words_without_a_move(tagger: Tagger, text: str) -> None:
    tags = tagger.tag("News", text, date(2023, 9, 15))
    assert not tags.is_transfer and not tags.moves


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_transfer_shape(tagger: Tagger, case: TaggedShape) -> None:
    tags = tagger.tag(case.title, case.text, case.published)
    assert tags.is_transfer == case.is_transfer
    assert {(m.person, m.to_team, m.status) for m in tags.moves} == case.moves


def test_a_compound_noun_before_a_surname_is_no_first_name(tagger: Tagger) -> None:
    # "Stundenrekord-Ingenieur" is a job, not the first name of another Bigham.
    title = "Stundenrekord-Ingenieur Bigham verlässt Ineos"
    mentions = tagger.mentions(title, "Dan Bigham verlässt Ineos Grenadiers.", date(2024, 8, 20))
    assert [m.start for m in mentions if m.entity_id == "dan-bigham"] == [24, len(title) + 2]


def test_a_race_name_is_cycling_context(tagger: Tagger) -> None:
    # A two-line news item: a surname, one team (which needs context without itself)
    # and a race whose name is only a race.
    text = "Evenepoel crashed in stage 4 of the Dauphiné. Soudal Quick-Step said he is fine."
    tags = tagger.tag("Crash", text, date(2024, 6, 5))
    assert tags.riders == ["remco-evenepoel"]
    assert tags.teams == ["quick-step"]
