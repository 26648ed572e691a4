"""The learned pair scorer's parts (docs/TRANSFERS.md): its features, its fitting and its
moves. It is measured, not used by ingestion; these tests keep it measurable."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.scorer_training import fit, read_examples
from feeds.nlp.tag import Tagger
from feeds.nlp.transfers.extract import read_story
from feeds.nlp.transfers.pairs import FEATURES, candidates
from feeds.nlp.transfers.scorer import Scorer, scored_moves
from feeds.roster import Roster, load_roster

TITLE = "Tudor Pro Cycling Team unveil their newcomers"
TEXT = "Matteo Trentin (UAE Team Emirates) joins Tudor Pro Cycling Team for two seasons."
PUBLISHED = date(2023, 8, 2)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster()


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def _reading(tagger: Tagger, roster: Roster):
    mentions = tagger.mentions(TITLE, TEXT, PUBLISHED, feed_is_cycling=True)
    reading = read_story(f"{TITLE}\n\n{TEXT}", mentions, roster, PUBLISHED, "en")
    assert reading is not None
    return reading


def test_pairs_describe_the_team_left_and_the_team_joined(tagger: Tagger, roster: Roster) -> None:
    reading = _reading(tagger, roster)
    pairs = {
        (c.person_id, c.team_id): c.values
        for c in candidates(reading.story, reading.spans, reading.languages, set())
    }
    joined = pairs[("matteo-trentin", "tudor")]
    left = pairs[("matteo-trentin", "uae")]
    assert joined["same_sentence"] == 1 and joined["team_focus"] == 1
    assert joined["team_in_brackets"] == 0 and left["team_in_brackets"] == 1
    assert left["roster_same"] == 1 and joined["roster_same"] == 0
    assert set(joined) == set(FEATURES)
    # a person the rules already gave a move is not paired again
    assert not candidates(reading.story, reading.spans, reading.languages, {"matteo-trentin"})


def test_scored_moves_follow_the_threshold(tagger: Tagger, roster: Roster) -> None:
    reading = _reading(tagger, roster)
    story, spans = reading.story, reading.spans
    eager = Scorer((9.0,) + (0.0,) * (len(FEATURES) - 1), 0.5)
    shy = Scorer((-9.0,) + (0.0,) * (len(FEATURES) - 1), 0.5)
    assert scored_moves(story, spans, reading.languages, [], shy) == []
    (move,) = scored_moves(story, spans, reading.languages, [], eager)
    assert (move.person, move.to_team_id, move.from_team_id) == ("Matteo Trentin", "tudor", "uae")
    # the scorer speaks only for people the rules gave no move
    assert scored_moves(story, spans, reading.languages, [move], eager) == []


def test_fit_learns_the_signal_and_not_the_noise() -> None:
    signal = FEATURES.index("same_sentence")
    noise = FEATURES.index("staff")
    rows, labels = [], []
    for i in range(200):
        row = [0.0] * len(FEATURES)
        row[0] = 1.0
        row[signal] = float(i % 2)
        row[noise] = float((i // 2) % 2)
        rows.append(row)
        labels.append(int(i % 2 == 1 and i % 10 != 1))  # mostly the signal, some misses
    weights = fit(rows, labels)
    assert weights[signal] > 3.0
    assert abs(weights[noise]) < 0.5


def test_a_sealed_set_is_never_trained_on(tagger: Tagger, roster: Roster, tmp_path) -> None:
    sealed = tmp_path / "set9-sealed.jsonl"
    sealed.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit, match="sealed"):
        read_examples(str(sealed), tagger, roster)
