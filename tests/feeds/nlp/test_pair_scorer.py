"""The learned pair scorer's parts (docs/TRANSFERS.md): its features, its fitting, its
weights file, its measurement and its moves. It is measured, not used by ingestion;
these tests keep it measurable."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from feeds.evaluation import Counts
from feeds.evaluation.scorer_report import Fold, ranking, table
from feeds.evaluation.scorer_training import fit, main, read_examples, refuse_sealed, write_weights
from feeds.nlp.transfers.extract import read_story
from feeds.nlp.transfers.pair_evidence import roster_values
from feeds.nlp.transfers.pairs import FEATURES, candidates
from feeds.nlp.transfers.scorer import Scorer, WeightsError, load_scorer, scored_moves
from feeds.roster import Person, Roster, Stint, load_roster
from feeds.tagger import Tagger

TITLE = "Tudor Pro Cycling Team unveil their newcomers"
TEXT = "Matteo Trentin (UAE Team Emirates) joins Tudor Pro Cycling Team for two seasons."
PUBLISHED = date(2023, 8, 2)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster()


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def _reading(tagger: Tagger, roster: Roster, title: str = TITLE, text: str = TEXT):
    mentions = tagger.mentions(title, text, PUBLISHED, feed_is_cycling=True)
    reading = read_story(f"{title}\n\n{text}", mentions, roster, PUBLISHED, "en")
    assert reading is not None
    return reading


def _pairs(reading) -> dict[tuple[str, str], dict[str, float]]:
    return {
        (c.person_id, c.team_id): c.values
        for c in candidates(reading.story, reading.spans, reading.languages, set())
    }


def test_pairs_describe_the_team_left_and_the_team_joined(tagger: Tagger, roster: Roster) -> None:
    reading = _reading(tagger, roster)
    pairs = _pairs(reading)
    joined = pairs[("matteo-trentin", "tudor")]
    left = pairs[("matteo-trentin", "uae")]
    assert set(joined) == set(FEATURES)
    assert joined["same_sentence"] == 1 and joined["team_focus"] == 1
    # "X (A) joins B": the verb sends the person to the team after it; A is the team left
    assert joined["goes_to_team"] == 1 and left["goes_to_team"] == 0
    assert joined["person_bracketed_other"] == 1 and left["person_bracketed_other"] == 0
    assert joined["team_in_brackets"] == 0 and left["team_in_brackets"] == 1
    assert left["team_owned"] == 1 and joined["team_owned"] == 0
    assert left["roster_same"] == 1 and joined["roster_same"] == 0
    # a person the rules already gave a move is not paired again
    assert not candidates(reading.story, reading.spans, reading.languages, {"matteo-trentin"})


def test_a_team_that_signs_the_person_before_it_is_told_apart(
    tagger: Tagger, roster: Roster
) -> None:
    text = "To make up for it Cofidis signed Dylan Teuns from Israel-Premier Tech for 2025."
    pairs = _pairs(_reading(tagger, roster, "Cofidis look ahead", text))
    signing = pairs[("dylan-teuns", "cofidis")]
    origin = pairs[("dylan-teuns", "israel-premier-tech")]
    assert signing["team_takes_person"] == 1 and origin["team_takes_person"] == 0
    assert origin["from_marker_before_team"] == 1 and signing["from_marker_before_team"] == 0
    assert signing["rule_to"] == 1 and origin["rule_origin"] == 1


def test_a_line_of_a_round_up_is_a_short_line_in_the_lede(tagger: Tagger, roster: Roster) -> None:
    text = "- Movistar: Pavel Novak (Ineos Grenadiers)\n- Tudor: Marc Hirschi"
    pairs = _pairs(_reading(tagger, roster, "Transfer round-up", text))
    hirschi = pairs[("marc-hirschi", "tudor")]
    assert hirschi["short_line"] == 1 and hirschi["lede"] == 1 and hirschi["close"] == 1
    assert pairs[("marc-hirschi", "movistar")]["same_sentence"] == 0


def test_the_roster_tells_this_winter_s_move_from_the_old_team() -> None:
    person = Person(
        "x",
        "X Y",
        "rider",
        stints=(Stint("old", 2020, 2023), Stint("new", 2024, None)),
    )
    january = SimpleNamespace(published=date(2024, 1, 10))
    assert roster_values(january, person, "new") == {  # type: ignore[arg-type]
        "roster_same": 1.0,
        "roster_new": 1.0,
        "roster_other": 0.0,
        "staff": 0.0,
    }
    later = SimpleNamespace(published=date(2025, 6, 1))
    assert roster_values(later, person, "new")["roster_new"] == 0  # type: ignore[arg-type]
    assert roster_values(later, person, "old")["roster_other"] == 1  # type: ignore[arg-type]
    undated = SimpleNamespace(published=None)
    assert set(roster_values(undated, person, "new").values()) == {0.0}  # type: ignore[arg-type]


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


def test_weights_are_written_and_read_by_feature_name(tmp_path: Path) -> None:
    path = tmp_path / "weights.toml"
    weights = [i / 10 - 1 for i in range(len(FEATURES))]
    write_weights(path, weights, 0.55, "test")
    scorer = load_scorer(path)
    assert scorer.threshold == 0.55
    assert scorer.weights == pytest.approx(weights)
    # reordered in the file, still read by name
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("bias"))
    lines[first], lines[-1] = lines[-1], lines[first]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load_scorer(path).weights == pytest.approx(weights)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["weights"].pop("bias"), "missing \\['bias'\\]"),
        (lambda d: d["weights"].update(unknown=1.0), "extra \\['unknown'\\]"),
        (lambda d: d.update(threshold=1.5), "threshold"),
        (lambda d: d.update(threshold=True), "threshold"),
        (lambda d: d["weights"].update(bias=math.inf), "finite"),
        (lambda d: d["weights"].update(bias="high"), "finite"),
    ],
)
def test_a_weights_file_that_does_not_fit_is_refused(tmp_path: Path, change, reason) -> None:
    import tomli_w

    data = {"threshold": 0.5, "weights": dict.fromkeys(FEATURES, 0.0)}
    change(data)
    path = tmp_path / "weights.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    with pytest.raises(WeightsError, match=reason):
        load_scorer(path)


def test_a_weights_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "weights.toml"
    path.write_text("threshold = [", encoding="utf-8")
    with pytest.raises(WeightsError, match="not a TOML file"):
        load_scorer(path)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["a/dev.jsonl", "b/dev.jsonl"], "dev given twice"),
        (["dev.jsonl", "--threshold", "1.5"], "--threshold must be between 0 and 1"),
        (["dev.jsonl", "--explain", "0"], "--explain must be between 0 and 1"),
    ],
)
def test_arguments_that_would_measure_the_wrong_thing_are_refused(
    args: list[str], reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    assert reason in capsys.readouterr().err


def test_an_unreadable_set_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "title": "t"}\n', encoding="utf-8")
    assert main([str(bad), str(tmp_path / "missing.jsonl")]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["set25-sealed.jsonl", "set26-sealed.jsonl"])
def test_a_sealed_set_is_never_trained_on(
    tagger: Tagger, roster: Roster, tmp_path: Path, name: str
) -> None:
    sealed = tmp_path / name
    sealed.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit, match="sealed"):
        read_examples(str(sealed), tagger, roster)
    with pytest.raises(SystemExit, match="sealed"):
        main([str(sealed)])


@pytest.mark.parametrize(
    "name",
    [
        "set24-sealed.jsonl",
        "set23-sealed.jsonl",
        "set22-sealed.jsonl",
        "set21-sealed.jsonl",
        "set20-sealed.jsonl",
        "set19-sealed.jsonl",
        "set18-sealed.jsonl",
        "set17-sealed.jsonl",
        "set16-sealed.jsonl",
        "set15-sealed.jsonl",
        "set14-sealed.jsonl",
        "set13-sealed.jsonl",
        "set12-sealed.jsonl",
        "set11-sealed.jsonl",
        "set8-sealed.jsonl",
        "set7-sealed.jsonl",
        "set6-b-sealed.jsonl",
        "set5-ibit-sealed.jsonl",
        "dev.jsonl",
    ],
)
def test_the_opened_sets_are_development_sets(name: str) -> None:
    refuse_sealed(f"tests/corpus/{name}")  # no SystemExit


def test_the_table_totals_the_folds() -> None:
    folds = [
        Fold("a", 2, 20, Counts(3, 1, 2), {0.5: Counts(4, 1, 1)}, {0.5: []}),
        Fold("b", 1, 5, Counts(1, 0, 1), {0.5: Counts(1, 2, 1)}, {0.5: []}),
    ]
    rows = table(folds).splitlines()
    assert rows[0] == "| set | positive / pairs | rules alone | + scorer 0.5 |"
    assert rows[2].startswith("| a | 2 / 20 | 0.750 / 0.600 / 0.667 (3 / 1 / 2) |")
    assert rows[-1] == (
        "| **all** | 3 / 25 | 0.800 / 0.571 / 0.667 (4 / 1 / 3) "
        "| 0.625 / 0.714 / 0.667 (5 / 3 / 2) |"
    )


def test_the_ranking_is_measured_over_every_held_out_pair() -> None:
    a = Fold("a", 1, 3, Counts(), {}, {}, [(0.9, 1), (0.2, 0), (0.1, 0)])
    b = Fold("b", 1, 2, Counts(), {}, {}, [(0.8, 0), (0.3, 1)])
    # pooled: 0.9 right, 0.8 wrong, 0.3 right: (1/1 + 2/3) / 2
    assert ranking([a, b]) == (
        "held-out pair ranking: average precision 0.833; "
        "right pairs among the first 10 / 25 / 50 / 100: 2 / 2 / 2 / 2"
    )


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


def test_leave_one_set_out_scores_every_set_and_writes_weights(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(_record("a1", TITLE, TEXT, "Matteo Trentin", "Tudor") + "\n", "utf-8")
    second = tmp_path / "second.jsonl"
    round_up = "- Tudor: Marc Hirschi\n- Movistar: Pavel Novak (Ineos Grenadiers)"
    second.write_text(
        _record("b1", "Transfer round-up", round_up, "Marc Hirschi", "Tudor") + "\n", "utf-8"
    )
    assert main([str(first), str(second), "--explain", "0.5"]) == 0
    out = capsys.readouterr().out
    assert "| first | 0 / 0 | 1.000 / 1.000 / 1.000 (1 / 0 / 0) |" in out  # the rules read it
    assert "| second | 1 / " in out  # the rules miss Hirschi: one positive pair
    assert "| **all** | 1 / " in out
    assert "held-out pair ranking: average precision" in out
    weights = tmp_path / "weights.toml"
    assert main([str(first), str(second), "--write", str(weights), "--threshold", "0.6"]) == 0
    scorer = load_scorer(weights)
    assert scorer.threshold == 0.6 and len(scorer.weights) == len(FEATURES)
