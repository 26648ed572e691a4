"""Transfer extraction never reads the future: a roster cut at each story's publication
(every stint that begins in a later season removed) gives the same moves as the full
roster, over every development corpus story. A rule that looked up where a rider went
next would score well on old news and be useless on today's.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from feeds.evaluation import read_jsonl
from feeds.nlp.transfers import extract_transfers
from feeds.roster import Roster, load_roster
from feeds.tagger import Tagger
from tests.corpus import development_sets

DEVELOPMENT_SETS = development_sets()


def cut_at(roster: Roster, season: int) -> Roster:
    """The roster as it could be known in `season`: no stint that starts later."""
    people = {
        pid: dataclasses.replace(
            person,
            stints=tuple(s for s in person.stints if s.start is None or s.start <= season),
        )
        for pid, person in roster.people.items()
    }
    return Roster(teams=roster.teams, people=people)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster()


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def test_the_cut_removes_later_stints(roster: Roster) -> None:
    cut = cut_at(roster, 2022)
    later = [
        s for p in cut.people.values() for s in p.stints if s.start is not None and s.start > 2022
    ]
    assert not later
    assert any(s.start and s.start > 2022 for p in roster.people.values() for s in p.stints)


@pytest.mark.parametrize("path", DEVELOPMENT_SETS, ids=lambda p: p.stem)
def test_moves_are_the_same_with_the_roster_cut_at_publication(
    path, roster: Roster, tagger: Tagger
) -> None:
    with path.open(encoding="utf-8") as fh:
        records = read_jsonl(fh, str(path))
    cuts: dict[int, Roster] = {}
    checked = 0
    for record in records:
        published: date | None = record.get("_published")
        if published is None:
            continue
        title, text = record["title"], record["text"]
        mentions = tagger.mentions(title, text, published, feed_is_cycling=False)
        full = f"{title}\n\n{text}"
        cut = cuts.setdefault(published.year, cut_at(roster, published.year))
        whole = extract_transfers(full, mentions, roster, published, record.get("lang"))
        known = extract_transfers(full, mentions, cut, published, record.get("lang"))
        assert known == whole, record["id"]
        checked += 1
    assert checked >= len(records) // 2
