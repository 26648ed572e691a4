"""The lexical pair scorer (docs/TRANSFERS.md): its word features, its weights file, its
fit, and that it reads nothing from the future."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from feeds.evaluation.scorer_sparse import (
    LexicalExample,
    fit_sparse,
    near_duplicates,
    write_lexical_weights,
)
from feeds.evaluation.scorer_training import main
from feeds.nlp.transfers.decide import decide
from feeds.nlp.transfers.extract import read_story
from feeds.nlp.transfers.scorer import WeightsError
from feeds.nlp.transfers.scorer_lexical import (
    LexicalScorer,
    lexical_moves,
    load_lexical_scorer,
    scored_pairs,
    transfer_story,
)
from feeds.nlp.transfers.scorer_words import FEATURE_SET, PREFIXES
from feeds.roster import Roster, load_roster
from feeds.tagger import Tagger
from tests.feeds.nlp.test_roster_cut import cut_at

PUBLISHED = date(2023, 8, 2)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster()


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def _pairs(tagger: Tagger, roster: Roster, title: str, text: str, language: str = "en"):
    mentions = tagger.mentions(title, text, PUBLISHED, feed_is_cycling=True)
    reading = read_story(f"{title}\n\n{text}", mentions, roster, PUBLISHED, language)
    assert reading is not None
    return reading, {
        (c.person_id, c.team_id): features
        for c, features in scored_pairs(reading.story, reading.spans, reading.languages, [])
    }


def test_words_between_and_around_a_pair_with_their_order_and_stems(
    tagger: Tagger, roster: Roster
) -> None:
    text = "Matteo Trentin (UAE Team Emirates) joins Tudor Pro Cycling Team for two seasons."
    _, pairs = _pairs(tagger, roster, "Tudor unveil their newcomers", text)
    joined = pairs[("matteo-trentin", "tudor")]
    left = pairs[("matteo-trentin", "uae")]
    # person before team, the verb between them, and its stem
    assert {"rel:same", "ord:pt", "bw:pt:joins", "b4:pt:join", "bw:pt:@t"} <= set(joined)
    assert {"tr:for", "tr:two", "tr5:seaso", "focus:"} <= set(joined)
    # "X (A)": the team right after the person, in brackets
    assert {"sh:pt:bracketed", "gap:pt:(", "r:same"} <= set(left)
    assert "sh:pt:bracketed" not in joined and "r:other" in joined
    # the cue families of the lexicons, any language's, between the two
    assert "cb:pt:arrive" in joined and "cb:pt:arrive" not in left


def test_team_before_person_reads_as_the_other_order(tagger: Tagger, roster: Roster) -> None:
    text = "To make up for it Cofidis signed Dylan Teuns from Israel-Premier Tech for 2025."
    _, pairs = _pairs(tagger, roster, "Cofidis look ahead", text)
    signing = pairs[("dylan-teuns", "cofidis")]
    origin = pairs[("dylan-teuns", "israel-premier-tech")]
    assert {"ord:tp", "gap:tp:signed", "dist:tp:1"} <= set(signing)
    assert {"ord:pt", "gap:pt:from", "tl:from"} <= set(origin)


def test_words_are_folded_and_other_names_stand_as_placeholders(
    tagger: Tagger, roster: Roster
) -> None:
    text = (
        "Dylan Teuns wechselt zu Cofidis, während Matteo Trentin bei Tudor Pro Cycling Team bleibt."
    )
    _, pairs = _pairs(tagger, roster, "Neuzugänge für Cofidis", text, "de")
    features = set(pairs[("dylan-teuns", "cofidis")])
    assert {"lang:de", "bw:pt:wechselt", "b5:pt:wechs", "bw:pt:zu"} <= features
    features = set(pairs[("matteo-trentin", "tudor")])
    assert {"bw:pt:bei", "pl:wahrend", "pl:,", "pl:@t"} <= features


def test_every_feature_name_is_one_a_weights_file_may_hold(tagger: Tagger, roster: Roster) -> None:
    text = "Matteo Trentin (UAE Team Emirates) joins Tudor Pro Cycling Team for two seasons."
    reading, _ = _pairs(tagger, roster, "Tudor unveil their newcomers", text)
    for rules in (False, True):
        pairs = scored_pairs(reading.story, reading.spans, reading.languages, [], rules)
        names = {name for _, features in pairs for name in features}
        assert names and all(name.split(":", 1)[0] in PREFIXES for name in names)
        assert any(name.startswith("rule:") for name in names) == rules


def test_a_story_without_a_move_cue_or_decision_gets_no_pairs(
    tagger: Tagger, roster: Roster
) -> None:
    text = "Matteo Trentin rode for UAE Team Emirates in the break until the last climb."
    reading, pairs = _pairs(tagger, roster, "Stage report", text)
    assert not transfer_story(reading.story, []) and not pairs


def test_the_roster_cut_at_publication_gives_the_same_features(
    tagger: Tagger, roster: Roster
) -> None:
    """Only the person's team on the day is read: stints starting later change nothing."""
    title = "Cofidis look ahead"
    text = (
        "To make up for it Cofidis signed Dylan Teuns from Israel-Premier Tech, "
        "and Matteo Trentin of UAE Team Emirates talked to Tudor Pro Cycling Team."
    )
    mentions = tagger.mentions(title, text, PUBLISHED, feed_is_cycling=True)
    whole = _features(f"{title}\n\n{text}", mentions, roster)
    known = _features(f"{title}\n\n{text}", mentions, cut_at(roster, PUBLISHED.year))
    assert whole == known and whole
    # Trentin's stint with Tudor starts the next season: read as another team, not his
    assert whole[("matteo-trentin", "tudor")]["r:other"] == 1


def _features(text, mentions, roster: Roster):
    reading = read_story(text, mentions, roster, PUBLISHED, "en")
    # every person paired, the ones the rules gave a move too
    pairs = scored_pairs(reading.story, reading.spans, reading.languages, [])
    return {(c.person_id, c.team_id): f for c, f in pairs}


def test_the_fit_learns_a_separable_word_and_the_penalty_shrinks_it() -> None:
    rows = [{"bias:": 1.0, "bw:pt:joins": 1.0}] * 20 + [{"bias:": 1.0, "bw:pt:beats": 1.0}] * 20
    labels = [1] * 20 + [0] * 20
    loose = fit_sparse(rows, labels, penalty=0.1)
    tight = fit_sparse(rows, labels, penalty=10.0)
    assert loose["bw:pt:joins"] > 1 > 0 > -1 > loose["bw:pt:beats"]
    assert abs(tight["bw:pt:joins"]) < abs(loose["bw:pt:joins"])
    # a feature seen once in training gets no weight: the vocabulary is the training folds'
    once = fit_sparse([*rows, {"bias:": 1.0, "bw:pt:rare": 1.0}], [*labels, 1])
    assert "bw:pt:rare" not in once


def test_a_weights_file_round_trips_and_scores(tmp_path: Path) -> None:
    path = tmp_path / "weights.toml"
    weights = {"bias:": -2.0, "bw:pt:joins": 4.0, 'gap:pt:"': 0.5}
    write_lexical_weights(path, weights, 0.7, True, "a test")
    scorer = load_lexical_scorer(path)
    assert scorer.threshold == 0.7 and scorer.weights == weights
    assert scorer.probability({"bias:": 1.0, "bw:pt:joins": 1.0}) == pytest.approx(
        1 / (1 + math.exp(-2.0))
    )
    assert scorer.probability({"bias:": 1.0, "bw:pt:unseen": 1.0}) < 0.5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('features = "lexical-0"\nthreshold = 0.5\n[weights]\n"bias:" = 1.0\n', "written for"),
        (f'features = "{FEATURE_SET}"\nthreshold = 1.5\n[weights]\n"bias:" = 1.0\n', "threshold"),
        (f'features = "{FEATURE_SET}"\nthreshold = 0.5\n[weights]\n"x:y" = 1.0\n', "bias"),
        (
            f'features = "{FEATURE_SET}"\nthreshold = 0.5\n[weights]\n"bias:" = 1.0\n"zz:a" = 1\n',
            "no feature",
        ),
        (f'features = "{FEATURE_SET}"\nthreshold = 0.5\n[weights]\n"bias:" = "a"\n', "number"),
        (f'features = "{FEATURE_SET}"\nthreshold = 0.5\n[weights]\n"bias:" = nan\n', "finite"),
        ("threshold = [", "TOML"),
    ],
)
def test_a_weights_file_for_other_features_is_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "weights.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WeightsError, match=message):
        load_lexical_scorer(path)


def test_scored_moves_leave_people_with_a_rule_move_alone(tagger: Tagger, roster: Roster) -> None:
    title = "Tudor unveil their newcomers"
    text = "Matteo Trentin (UAE Team Emirates) will ride for Tudor Pro Cycling Team next year."
    mentions = tagger.mentions(title, text, PUBLISHED, feed_is_cycling=True)
    reading = read_story(f"{title}\n\n{text}", mentions, roster, PUBLISHED, "en")
    always = LexicalScorer({"bias:": 5.0, "focus:": 5.0}, 0.5)
    added = lexical_moves(reading.story, reading.spans, reading.languages, [], always)
    assert [(m.person_id, m.to_team_id) for m in added] == [("matteo-trentin", "tudor")]
    rules = decide(reading.story, reading.spans)
    if rules:
        assert not lexical_moves(reading.story, reading.spans, reading.languages, rules, always)


def test_leave_one_set_out_with_the_lexical_scorer_and_its_weights_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "Tudor Pro Cycling Team unveil their newcomers"
    first = tmp_path / "first.jsonl"
    text = "Matteo Trentin (UAE Team Emirates) joins Tudor Pro Cycling Team for two seasons."
    first.write_text(_record("a1", title, text, "Matteo Trentin", "Tudor") + "\n", "utf-8")
    second = tmp_path / "second.jsonl"
    round_up = "Transfer news.\n- Tudor: Marc Hirschi\n- Movistar: Pavel Novak (Ineos Grenadiers)"
    second.write_text(
        _record("b1", "Transfer round-up: signings", round_up, "Marc Hirschi", "Tudor") + "\n",
        "utf-8",
    )
    assert main([str(first), str(second), "--lexical", "--explain", "0.5"]) == 0
    out = capsys.readouterr().out
    assert "| first | 0 / 0 | 1.000 / 1.000 / 1.000 (1 / 0 / 0) |" in out
    assert "+ scorer 0.9 |" in out and "| **all** |" in out
    weights = tmp_path / "weights.toml"
    args = [str(first), str(second), "--lexical", "--write", str(weights), "--threshold", "0.8"]
    assert main(args) == 0
    scorer = load_lexical_scorer(weights)
    assert scorer.threshold == 0.8 and not scorer.rules and "bias:" in scorer.weights


def _record(rid: str, title: str, text: str, person: str, to: str) -> str:
    return json.dumps(
        {
            "id": rid,
            "title": title,
            "text": text,
            "published": "2023-08-02",
            "lang": "en",
            "riders": [person],
            "teams": [to],
            "is_transfer": True,
            "moves": [{"person": person, "to": to, "status": "confirmed"}],
        }
    )


def test_a_story_told_again_in_another_set_is_found() -> None:
    def example(rid: str, text: str) -> LexicalExample:
        return LexicalExample({"id": rid, "title": "t", "text": text}, None, [], [], [])

    told = example("a", "Matteo Trentin joins Tudor for two seasons from UAE next year")
    again = example("b", "Matteo Trentin joins Tudor for two seasons, leaving UAE next year")
    other = example("c", "Marc Hirschi wins the stage ahead of Tadej Pogacar in Lombardia")
    same_set = example("d", "Matteo Trentin joins Tudor for two seasons from UAE next year")
    twins = near_duplicates({"x": [told, same_set], "y": [again, other]})
    assert twins[id(told)] == {id(again)} and twins[id(again)] == {id(told), id(same_set)}
    assert id(other) not in twins


def test_the_word_features_do_not_depend_on_the_rule_features(
    tagger: Tagger, roster: Roster
) -> None:
    """Pairs found without the 48 rule features (the fast path) read the same words."""
    text = (
        "Matteo Trentin (UAE Team Emirates) joins Tudor Pro Cycling Team, "
        "while Dylan Teuns is linked with Cofidis."
    )
    reading, _ = _pairs(tagger, roster, "Tudor unveil their newcomers", text)
    args = (reading.story, reading.spans, reading.languages, [])
    fast = {(c.person_id, c.team_id): f for c, f in scored_pairs(*args)}
    full = {
        (c.person_id, c.team_id): {k: v for k, v in f.items() if not k.startswith("rule:")}
        for c, f in scored_pairs(*args, True)
    }
    assert fast == full and len(fast) >= 3
