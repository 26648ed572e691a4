"""The kind lexicon files (feeds/nlp/kinds): every bundled language loads, and a bad file
is refused whole, naming the file, the concept and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from feeds.nlp.kinds import (
    KIND_CONCEPTS,
    KindLexiconError,
    bundled_kind_lexicons,
    load_kind_lexicons,
    parse_kind_lexicon,
)

FEED_LANGUAGES = ("en", "nl", "fr", "it", "es", "de", "pt", "da", "no")


def test_every_feed_language_has_words_for_every_kind_and_stages() -> None:
    lexicons = bundled_kind_lexicons()
    for language in FEED_LANGUAGES:
        words = lexicons[language].words
        for concept in (*KIND_CONCEPTS, "stage"):
            assert words[concept], f"{language}: no {concept} words"


def test_a_final_star_makes_a_prefix() -> None:
    lexicon = parse_kind_lexicon('crash = ["crash*", "broken collarbone"]', "x.toml", "xx")
    keys = [w.key for w in lexicon.words["crash"]]
    assert keys == [" crash", " broken  collarbone "]


def test_a_leading_star_makes_a_compound_end() -> None:
    # "*zege" is "recordzege" and "zege"; "*jarig contract" is "tweejarig contract".
    lexicon = parse_kind_lexicon(
        'result = ["*zege"]\ntransfer = ["*jarig contract", "*contract*"]', "x.toml", "xx"
    )
    assert [w.key for w in lexicon.words["result"]] == ["zege "]
    assert [w.key for w in lexicon.words["transfer"]] == ["jarig  contract ", "contract"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('crashes = ["crash"]', "unknown concept 'crashes'"),
        ('crash = "crash"', "crash: must be a list of strings"),
        ("crash = [1]", "crash[0]: must be a string"),
        ('crash = [" "]', "crash[0]: is empty"),
        ('crash = ["cr*sh"]', "crash[0]: 'cr*sh': '*' only at either end"),
        ('result = ["*ege"]', "result[0]: '*ege': a compound's end needs 4+ letters"),
        ('crash = ["crash", "Crash"]', "crash[1]: 'Crash' is given twice"),
        ('crash = ["!!"]', "crash[0]: '!!' folds to nothing"),
        ("[ordinals]\nfifth = 99", "ordinals.fifth: 99 is not 0-40"),
        ('[ordinals]\nfifth = "5"', "ordinals.fifth: must be a whole number"),
        ("[ordinals]\n'the fifth' = 5", "ordinals.the fifth: must be one word"),
        ("crash = [", "not valid TOML"),
    ],
)
def test_a_bad_file_is_refused_naming_the_reason(text: str, reason: str) -> None:
    with pytest.raises(KindLexiconError) as exc:
        parse_kind_lexicon(text, "feeds/nlp/kinds/xx.toml", "xx")
    assert str(exc.value).startswith(f"feeds/nlp/kinds/xx.toml: {reason}")


def test_a_file_is_named_by_its_language(tmp_path: Path) -> None:
    bad = tmp_path / "english.toml"
    bad.write_text('crash = ["crash"]', encoding="utf-8")
    with pytest.raises(KindLexiconError, match=r"named <language code>\.toml"):
        load_kind_lexicons([bad])


def test_a_folder_without_any_word_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "xx.toml"
    empty.write_text("crash = []\n", encoding="utf-8")
    with pytest.raises(KindLexiconError, match="no kind lexicon gives any word"):
        load_kind_lexicons([empty])


def test_a_new_language_is_a_new_file(tmp_path: Path) -> None:
    (tmp_path / "fi.toml").write_text('crash = ["kaatui"]\nstage = ["etappi"]\n', "utf-8")
    lexicons = load_kind_lexicons(sorted(tmp_path.glob("*.toml")))
    assert [w.words for w in lexicons["fi"].words["crash"]] == [("kaatui",)]
