"""The learned story-kind model (feeds/races/kind_model.py): its features read no gold and
nothing past the publication date, its weights file is refused when it does not fit,
training refuses a sealed set and is reproducible, and the race tagger applies it only
when given one."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from bot.cli.tagging import predict
from feeds.evaluation import kind_training, read_jsonl, score
from feeds.evaluation.kind_training import (
    KindExample,
    read_kind_examples,
    train,
    with_model,
    write_kind_weights,
)
from feeds.evaluation.scorer_sparse import fit_softmax
from feeds.evaluation.scorer_training import SEALED_SETS, refuse_sealed
from feeds.models import STORY_KINDS
from feeds.races.kind_features import FEATURE_SET, MAX_WORDS, kind_features
from feeds.races.kind_model import (
    WEIGHTS_FILE,
    KindModel,
    KindModelError,
    bundled_kind_model,
    load_kind_model,
    rules_decide,
    weights_digest,
)
from feeds.tagger import Tagger
from tests.corpus import SEALED, development_sets
from tests.growth import assert_linear

LEARNED_KIND = True
"""These tests give the race tagger a model, or read the shipped one's answers."""

STORIES = [
    (
        "Rider crashes out of the race with a broken collarbone",
        "The rider fell on the descent and was taken to hospital for surgery.",
        "crash",
    ),
    (
        "Team signs young climber on a two-year contract",
        "The team announced the signing of the climber, who joins from a rival squad.",
        "transfer",
    ),
    (
        "Sprinter wins the stage in a bunch finish",
        "The sprinter won the fifth stage ahead of two rivals and takes the lead.",
        "result",
    ),
    (
        "New sponsor for the team from next season",
        "The team presented its new name and kit after a sponsorship deal.",
        "team",
    ),
]


def _record(i: int, title: str, text: str, kind: str) -> dict[str, object]:
    return {
        "id": f"s{i}",
        "title": title,
        "text": text,
        "published": "2025-05-20",
        "lang": "en",
        "riders": [],
        "teams": [],
        "is_transfer": False,
        "moves": [],
        "kind": kind,
    }


def _write_set(path: Path, kinds: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, (title, text, kind) in enumerate(STORIES):
            record = _record(i, title, text, kinds[i] if kinds else kind)
            fh.write(json.dumps(record) + "\n")
    return path


def _examples(tagger: Tagger, tmp_path: Path) -> list[KindExample]:
    return read_kind_examples(str(_write_set(tmp_path / "toy.jsonl")), tagger)


def test_features_read_no_gold(tagger: Tagger, tmp_path: Path) -> None:
    """The same stories annotated with other kinds give the same features."""
    right = read_kind_examples(str(_write_set(tmp_path / "a.jsonl")), tagger)
    wrong = read_kind_examples(str(_write_set(tmp_path / "b.jsonl", ["other"] * 4)), tagger)
    for a, b in zip(right, wrong, strict=True):
        assert a.gold != b.gold
        assert kind_features(a.inputs) == kind_features(b.inputs)
        assert kind_features(a.inputs, a.rules_kind) == kind_features(b.inputs, b.rules_kind)


def test_features_depend_on_the_publication_date_not_the_clock(
    tagger: Tagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing later than the story is read: the wall clock changes nothing."""
    title, text, _ = STORIES[2]
    published = date(2025, 5, 20)
    before = tagger.race_tags(title, text, published, False, "en").kind_inputs
    monkeypatch.setattr("feeds.nlp.tag.careers.today", lambda: date(2031, 1, 1))
    after = tagger.race_tags(title, text, published, False, "en").kind_inputs
    assert before is not None and after is not None
    assert kind_features(before) == kind_features(after)


def test_features_name_words_prefixes_concepts_and_tags(tagger: Tagger) -> None:
    title, text, _ = STORIES[0]
    inputs = tagger.race_tags(title, text, date(2025, 5, 20), False, "en").kind_inputs
    assert inputs is not None
    features = kind_features(inputs, "crash")
    assert {"bias:", "lang:en", "hw:crashes", "hp4:cras", "hp5:crash", "lw:hospital"} <= set(
        features
    )
    assert {"hc:crash", "tc:crash", "rules:crash"} <= set(features)
    assert "rules:crash" not in kind_features(inputs)


def test_headline_and_lede_words_are_capped(tagger: Tagger) -> None:
    inputs = tagger.race_tags("word " * 500, "text " * 5000, date(2025, 5, 20), False, "en")
    assert inputs.kind_inputs is not None
    features = kind_features(inputs.kind_inputs)
    assert len(features) < 2 * MAX_WORDS * 3


SEALED_NAMES = (
    "set25-sealed.jsonl",
    "set26-sealed.jsonl",
    "set99-sealed.jsonl",
    "set25-audited.jsonl",
    "set26-draft.jsonl",
    "set25.jsonl",
    "SET25-SEALED.jsonl",
    "Set_26.Audited.jsonl",
    "copy-of-set26.json",
)


def test_sealed_sets_are_refused(tagger: Tagger, tmp_path: Path) -> None:
    """By any name holding a sealed set's number, in any case, in any folder: no file is
    opened (none of these exists)."""
    for name in SEALED_NAMES:
        with pytest.raises(SystemExit, match="sealed"):
            read_kind_examples(str(tmp_path / "elsewhere" / name), tagger)
    with pytest.raises(SystemExit, match="sealed"):
        kind_training.main(
            [str(_write_set(tmp_path / "ok.jsonl")), "tests/corpus/set25-sealed.jsonl"]
        )


def test_the_sealed_sets_refused_are_the_corpus_sealed_sets() -> None:
    """The training code cannot import the tests: its list must follow tests/corpus."""
    assert {n.removesuffix(".jsonl") for n in SEALED} == set(SEALED_SETS)


def test_development_sets_are_not_refused(tagger: Tagger, tmp_path: Path) -> None:
    for name in ("set2-dev.jsonl", "set13-sealed.jsonl", "set24-sealed.jsonl", "dev.jsonl"):
        refuse_sealed(str(tmp_path / name))


def test_training_is_reproducible(tagger: Tagger, tmp_path: Path) -> None:
    examples = _examples(tagger, tmp_path) * 3
    once = train(examples, rules=False, epochs=4)
    again = train(examples, rules=False, epochs=4)
    assert once.weights == again.weights
    rows = [kind_features(ex.inputs) for ex in examples]
    labels = [ex.gold for ex in examples]
    other = KindModel.by_kind(fit_softmax(rows, labels, STORY_KINDS, epochs=4, seed=1))
    assert other.weights != once.weights  # the seed is what fixes the order


def test_a_fitted_model_tells_its_training_stories_apart(tagger: Tagger, tmp_path: Path) -> None:
    examples = _examples(tagger, tmp_path) * 3
    model = train(examples, rules=False, penalty=0.1)
    for ex in examples:
        # the model's own answer: these toy stories name no rider, so the shipped gate
        # (`rules_decide`) would hand them to the rules
        probabilities = model.probabilities(kind_features(ex.inputs))
        assert KindModel.answer(probabilities, "other", 0.0) == ex.gold


def test_fallback_keeps_the_rules_kind_when_unsure(tagger: Tagger, tmp_path: Path) -> None:
    examples = _examples(tagger, tmp_path)
    flat = KindModel({}, fallback=0.5)
    # every kind 1/7: under any fallback above that, the rules decide
    assert flat.choose(examples[0].inputs, "team") == "team"


def test_weights_file_round_trip(tagger: Tagger, tmp_path: Path) -> None:
    examples = _examples(tagger, tmp_path) * 2
    model = train(examples, rules=True, epochs=3, fallback=0.4)
    path = tmp_path / "kind.toml"
    write_kind_weights(path, model, "test")
    loaded = load_kind_model(path)
    assert loaded.rules and loaded.fallback == 0.4
    for ex in examples:
        assert loaded.choose(ex.inputs, ex.rules_kind) == model.choose(ex.inputs, ex.rules_kind)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('features = "kind-0"\nrules = false\n[weights]\n', "feature set"),
        (f'features = "{FEATURE_SET}"\nkinds = ["crash"]\n[weights]\n', "kinds: must be"),
        (f'features = "{FEATURE_SET}"\nrules = "yes"\n', "rules"),
        (f'features = "{FEATURE_SET}"\nfallback = 1.5\n', "fallback"),
        ('features = "kind-1"\n[weights\n', "not valid TOML"),
        (f'features = "{FEATURE_SET}"\nkinds = {list(STORY_KINDS)}\n[weights]\n', "count"),
    ],
    ids=[
        "another feature set",
        "kinds missing",
        "rules not a bool",
        "fallback",
        "broken",
        "no count",
    ],
)
def test_a_weights_file_that_does_not_fit_is_refused(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "kind.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KindModelError, match=reason):
        load_kind_model(path)


@pytest.mark.parametrize(
    "row", ['"1 2 3"', '"1 2 3 4 5 6 x"', '"1 2 3 4 5 6 nan"', "[1, 2, 3, 4, 5, 6, 7]"]
)
def test_a_row_that_is_not_one_number_a_kind_is_refused(tmp_path: Path, row: str) -> None:
    kinds = ", ".join(f'"{k}"' for k in STORY_KINDS)
    section = f'"bias:" = {row}\n'
    path = tmp_path / "kind.toml"
    path.write_text(
        f'features = "{FEATURE_SET}"\nkinds = [{kinds}]\ncount = 1\n'
        f'sha256 = "{weights_digest(section)}"\n\n[weights]\n{section}',
        encoding="utf-8",
    )
    with pytest.raises(KindModelError, match="one a kind"):
        load_kind_model(path)


def _written(tagger: Tagger, tmp_path: Path) -> Path:
    path = tmp_path / "kind.toml"
    model = train(_examples(tagger, tmp_path) * 2, rules=False, epochs=3)
    write_kind_weights(path, model, "test")
    return path


def test_a_weights_file_cut_at_a_line_is_refused(tagger: Tagger, tmp_path: Path) -> None:
    """Valid TOML with half its rows: the header's count says what is missing."""
    path = _written(tagger, tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) > 20
    path.write_text("".join(lines[: len(lines) // 2 + 8]), encoding="utf-8")
    with pytest.raises(KindModelError, match="count"):
        load_kind_model(path)


def test_a_weights_file_edited_in_place_is_refused(tagger: Tagger, tmp_path: Path) -> None:
    """The same rows, one weight changed: the hash of the section tells."""
    path = _written(tagger, tmp_path)
    text = path.read_text(encoding="utf-8")
    head, _, section = text.partition("\n[weights]\n")
    name, _, row = section.splitlines()[0].partition(" = ")
    edited = section.replace(f"{name} = {row}", f'{name} = "{" ".join(["0.5"] * 7)}"', 1)
    path.write_text(f"{head}\n[weights]\n{edited}", encoding="utf-8")
    with pytest.raises(KindModelError, match="sha256"):
        load_kind_model(path)


def test_a_missing_weights_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "kind_weights.toml"
    with pytest.raises(KindModelError, match="missing") as caught:
        load_kind_model(path)
    assert str(path) in str(caught.value)


def test_the_race_tagger_applies_a_model_only_when_given_one(tagger: Tagger) -> None:
    # a cycling story (a race named): the rules' gate hands the others to the rules
    title = "Sprinter wins stage 5 of the Giro d'Italia"
    text = "The sprinter won the fifth stage of the Giro d'Italia ahead of two rivals."
    published = date(2025, 5, 20)
    rules = with_model(tagger, None).race_tags(title, text, published, False, "en")
    assert rules.kind == rules.rules_kind == "result"
    assert rules.kind_inputs is not None and not rules_decide(rules.kind_inputs)
    always_team = KindModel.by_kind(
        {k: {"bias:": 5.0 if k == "team" else 0.0} for k in STORY_KINDS}
    )
    found = with_model(tagger, always_team).race_tags(title, text, published, False, "en")
    assert found.kind == "team" and found.rules_kind == rules.rules_kind


def test_features_grow_linearly(tagger: Tagger) -> None:
    model = bundled_kind_model()

    def read(text: str) -> object:
        found = tagger.race_tags(text[:20_000], text, date(2025, 5, 20), False, "en")
        assert found.kind_inputs is not None
        return model.choose(found.kind_inputs, "other")

    assert_linear(read, lambda n: "Rider crashes and wins the stage. " * n, 300)


KIND_FLOOR = 0.95
FOCUS_FLOOR = 0.93
"""Loose floors on what the shipped tagger reads right over every development set (its
training sets: in-sample, so near 1.0 for the kind; the rules read 0.881 and 0.943). Only
stale weights (features moved under them) fall this far; the estimate for unseen news is
the leave-one-set-out one in docs/ARCHITECTURE.md."""
RETRAIN = (
    "the kind features moved under the shipped weights: refit with `python -m "
    "feeds.evaluation.kind_training tests/corpus/<every development set> --write "
    "feeds/races/kind_weights.toml` and measure again (docs/ARCHITECTURE.md)"
)


def test_the_shipped_tagger_takes_the_bundled_model(tagger: Tagger) -> None:
    model = tagger.races.kind_model
    assert model is bundled_kind_model()
    assert not model.rules  # configuration (b): the rules' kind is not among the features
    assert model.fallback == kind_training.FALLBACK


def test_refitting_reproduces_the_shipped_weights(tmp_path: Path) -> None:
    """The shipped file is what `--write` fits from today's features on every
    development set: same count, same hash of its weights section (~30 s)."""
    out = tmp_path / "kind_weights.toml"
    kind_training.main([*map(str, development_sets()), "--write", str(out)])
    shipped = resources.files("feeds.races").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    fitted = out.read_text(encoding="utf-8")
    keys = ("count", "sha256", "fallback", "prune")
    assert {k: tomllib.loads(fitted).get(k) for k in keys} == {
        k: tomllib.loads(shipped).get(k) for k in keys
    }, RETRAIN


def test_the_shipped_tagger_reads_the_development_sets_well(tagger: Tagger) -> None:
    kind = focus = total = 0
    for path in development_sets():
        with path.open(encoding="utf-8-sig") as fh:
            records = read_jsonl(fh, str(path), annotated=True)
        predicted = {r["id"]: predict(tagger, tagger.roster, r, False) for r in records}
        scores = score(records, predicted, tagger.roster).race_scores
        kind += scores.kind.right
        focus += scores.focus.right
        total += scores.kind.total
    assert total > 1000
    assert kind >= KIND_FLOOR * total, RETRAIN
    assert focus >= FOCUS_FLOOR * total, RETRAIN
