"""Moves to nobody at their edges: a rider still looking for a team whose team the story
does not name, and a short story whose headline names nobody."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.models import Mention
from feeds.nlp.transfers.extract import read_story
from feeds.nlp.transfers.unnamed import _main_person
from feeds.roster import load_roster
from feeds.tagger import Tagger


def moves(tagger: Tagger, title: str, text: str, published: date) -> list[tuple]:
    tags = tagger.tag(title, text, published, feed_is_cycling=True, language="en")
    return [(m.person_id, m.from_team_id, m.to_team_id) for m in tags.moves]


def test_a_teamless_rider_leaves_the_roster_team_the_story_does_not_name(tagger):
    found = moves(
        tagger,
        "Transfer market latest",
        "Pro cycling's game of musical chairs is nearly over. "
        "Also still looking for a team is Elia Viviani.",
        date(2024, 11, 20),
    )
    assert found == [("elia-viviani", "ineos", None)]


def test_no_move_goes_from_nobody_to_nobody(tagger):
    for title, text, when in [
        (
            "Transfer market latest",
            "Also still looking for a team is Elia Viviani.",
            date(2024, 11, 20),
        ),
        (
            "Star sprinter changes teams!",
            "Elia Viviani will leave at the end of the season.",
            date(2024, 8, 20),
        ),
    ]:
        assert all(m[1] or m[2] for m in moves(tagger, title, text, when)), text


@pytest.mark.parametrize("tail", ["", " More soon."])
def test_a_headline_naming_nobody_finds_the_person_in_a_short_lede(tail):
    roster = load_roster()
    text = "Star sprinter changes teams!\n\nLidl-Trek has a new sprinter. Elia Viviani spoke."
    text += tail
    start = text.index("Elia")
    read = read_story(
        text,
        [Mention("elia-viviani", "rider", start, start + 12)],
        roster,
        date(2024, 11, 20),
        "en",
    )
    read.story.evidence.clear()  # the headline's fallback alone
    assert _main_person(read.story) == "elia-viviani"
