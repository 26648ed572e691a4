"""Routing a story by language: the declared language, else the lexicons' stop words, else
every language pooled; and each language's own cases (tests/feeds/nlp/cases/lang/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from feeds.nlp import lexicon
from feeds.nlp.lexicon import LexiconError, load_lexicons
from feeds.nlp.transfers import language, scan
from feeds.nlp.transfers.text import lowered
from feeds.tagger import Tagger
from tests.feeds.nlp.cases import CASES_DIR, TaggedShape, load_tagged_shapes

LANG_FILES = sorted((CASES_DIR / "lang").glob("*.toml"))
LANG_CASES = [
    pytest.param(path.stem, case, id=f"{path.stem}: {case.name}")
    for path in LANG_FILES
    for case in load_tagged_shapes(Path("lang") / path.name)
]


def test_every_language_with_a_lexicon_has_its_cases() -> None:
    assert {path.stem for path in LANG_FILES} >= set(lexicon.bundled().languages)


@pytest.mark.parametrize(("code", "case"), LANG_CASES)
def test_language_case(tagger: Tagger, code: str, case: TaggedShape) -> None:
    for declared in (code, None):
        tags = tagger.tag(case.title, case.text, case.published, language=declared)
        assert tags.is_transfer == case.is_transfer, declared
        assert {(m.person, m.to_team, m.status) for m in tags.moves} == case.moves, declared
        stages = {m.person: m.stage for m in tags.moves if m.person in case.stages}
        assert stages == case.stages, declared


@pytest.mark.parametrize(("code", "case"), LANG_CASES)
def test_the_stop_words_never_mistake_a_case_language(code: str, case: TaggedShape) -> None:
    # a two-line case may have too few stop words to tell: then it is scanned pooled
    assert language.detect(lowered(f"{case.title}\n\n{case.text}")) in (code, None)


DEV_SETS = ["dev.jsonl", "set5-ibit-dev.jsonl", "set5-nordgerm-dev.jsonl", "set5-enfr-dev.jsonl"]


def test_the_stop_words_tell_the_development_stories_language() -> None:
    """Every story of the development sets (never the sealed ones) is told right."""
    told = wrong = total = 0
    for name in DEV_SETS:
        path = Path(__file__).resolve().parents[2] / "corpus" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            found = language.detect(lowered(f"{record['title']}\n\n{record['text']}"))
            total += 1
            told += found == record["lang"]
            wrong += found is not None and found != record["lang"]
    assert wrong == 0
    assert told >= 0.95 * total


@pytest.mark.parametrize(
    ("declared", "code"),
    [
        ("pt", "pt"),
        ("pt-BR", "pt"),
        ("NB-no", "nb"),
        (" de-AT ", "de"),
        ("", None),
        (None, None),
        ("1x", None),
        ("x", None),
    ],
)
def test_a_declared_language_is_its_first_two_letters(
    declared: str | None, code: str | None
) -> None:
    assert language.declared(declared) == code


DANISH = "dansk rytter skifter til et nyt hold efter sæsonen, og han har været glad for det."


def test_the_declared_language_wins_over_the_stop_words() -> None:
    assert language.detect(DANISH) == "da"
    assert language.scan_languages(None, DANISH) == ("da", "en")
    assert language.scan_languages("pt", DANISH) == ("pt", "en")
    assert language.scan_languages("en", DANISH) == ("en",)


def test_an_unclear_or_unknown_language_is_scanned_with_every_language() -> None:
    assert language.detect("pogačar, vingegaard, evenepoel") is None  # no stop word
    assert language.detect("the de") is None  # too few
    assert language.scan_languages(None, "pogačar 2025") is None
    # a language without a lexicon file: the stop words of others would only guess
    assert language.scan_languages("pl", DANISH) is None


def test_a_story_is_scanned_with_its_language_cues_only() -> None:
    low = "nelson oliveira assina por duas temporadas com a lidl-trek"
    pooled = scan.scan_cues(low)
    assert [low[h.start : h.end] for h in pooled["arrive"]] == ["assina por duas temporadas com"]
    assert scan.scan_cues(low, ("pt", "en"))["arrive"] == pooled["arrive"]
    assert not scan.scan_cues(low, ("de", "en")).get("arrive")


def test_each_pool_index_is_built_once() -> None:
    assert scan._index(("pt", "en")) is scan._index(("pt", "en"))
    assert scan._index(None) is scan._index(None)


def test_the_declared_language_reaches_the_transfer_cues(tagger: Tagger) -> None:
    """Tagger.tag passes `language` through: Portuguese cues are not read as German."""
    title, text = "Mercado", "Nelson Oliveira assina por duas temporadas com a Lidl-Trek."
    moves = tagger.tag(title, text, None, language="pt").moves
    assert [(m.person, m.to_team) for m in moves] == [("Nelson Oliveira", "Lidl-Trek")]
    assert tagger.tag(title, text, None, language="de").moves == []


def test_the_cli_passes_a_record_lang(tagger: Tagger) -> None:
    from bot.cli.tagging import predict

    record = {
        "id": "1",
        "title": "Mercado",
        "text": "Nelson Oliveira assina por duas temporadas com a Lidl-Trek.",
    }
    assert predict(tagger, tagger.roster, {**record, "lang": "pt"}, False)["moves"]
    assert not predict(tagger, tagger.roster, {**record, "lang": "de"}, False)["moves"]


def _folder_with(tmp_path: Path, extra: dict[str, str]) -> Path:
    folder = tmp_path / "lexicons"
    folder.mkdir()
    source = Path(lexicon.__file__).parent / "lexicons"
    for item in source.glob("*.toml"):
        (folder / item.name).write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in extra.items():
        path = folder / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(old + text, encoding="utf-8")
    return folder


def test_a_stop_word_may_be_in_two_languages(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, {"sv.toml": "stop_words = ['och', 'ikke']\n"})
    assert "ikke" in load_lexicons(folder).language("sv")["stop_words"]


def test_a_shared_stop_word_is_refused(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, {"common.toml": "\nstop_words = ['og']\n"})
    with pytest.raises(LexiconError, match=r"common.toml: stop_words: tell one language"):
        load_lexicons(folder)


def test_a_story_of_undeclared_language_is_told_once(tagger: Tagger) -> None:
    # Names, cues, races and everyday words each ask for the language of a story that
    # declares none; the stop words are counted once for all of them.
    text = (
        "De Nederlandse renner heeft een contract getekend bij de ploeg voor twee jaar. "
        "Hij is blij met de nieuwe uitdaging en wil in het voorjaar de klassiekers rijden."
    )
    before = language._detect_opening.cache_info()
    tagger.tag("Renner tekent bij nieuwe ploeg", text, None, feed_is_cycling=True)
    after = language._detect_opening.cache_info()
    assert after.misses - before.misses <= 2
    assert after.hits > before.hits
