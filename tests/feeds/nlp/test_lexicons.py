"""The transfer vocabulary as data: feeds/nlp/lexicons/*.toml through feeds/nlp/lexicon.py.

Every bundled file loads; a broken file is refused as a whole with the file, the concept
and the pattern's index named; the pooled lexicon is the files concatenated in pool
order; and a language is added by adding a file, with no change to Python.
"""

from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

from feeds.nlp import lexicon
from feeds.nlp.lexicon import (
    CONCEPTS,
    CUE,
    POOL_ORDER,
    LexiconError,
    load_lexicons,
    parse_lexicon,
)
from feeds.nlp.transfers import scan

FOUNDING = ("en", "nl", "fr", "it", "es", "de")
ADDED = ("da", "no", "pt", "sl")
"""Languages added after the founding six: pooled after them, by name."""


def _bundled_folder(tmp_path: Path) -> Path:
    """A copy of the bundled lexicon folder, to add or break files in."""
    folder = tmp_path / "lexicons"
    folder.mkdir()
    for item in (resources.files("feeds.nlp") / "lexicons").iterdir():
        if item.name.endswith(".toml"):
            (folder / item.name).write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_every_bundled_file_loads() -> None:
    lexicons = load_lexicons()
    assert lexicons.languages == (*FOUNDING, *ADDED)
    assert [f.name for f in lexicons.files] == [*POOL_ORDER, *ADDED]
    for code in (*FOUNDING, *ADDED):
        own = lexicons.language(code)
        # Danish and Norwegian share most of theirs through common.toml
        assert sum(len(p) for p in own.concepts.values()) > (100 if code in FOUNDING else 50)
        assert own["arrive"] and own["rumour"], code
        assert 30 <= len(own["stop_words"]) <= 80, code


def test_the_english_file_documents_every_concept() -> None:
    """en.toml is the reference: every concept is there, empty when English has none."""
    assert set(load_lexicons().language("en").concepts) == set(CONCEPTS)


def test_the_scan_reads_every_cue_concept() -> None:
    assert set(scan.FAMILIES.values()) == {c for c, kind in CONCEPTS.items() if kind == CUE}


def test_the_pooled_lexicon_is_the_files_in_pool_order() -> None:
    lexicons = load_lexicons()
    pooled = lexicon.pooled()
    for concept in CONCEPTS:
        expected = [p for f in lexicons.files for p in f[concept]]
        assert list(pooled[concept]) == expected, concept
    # each language's own patterns are its file's, and the routing pool adds the shared ones
    nl = lexicons.pool(["nl"])
    shared = lexicons.language("common")
    assert nl["rumour"] == shared["rumour"] + lexicons.language("nl")["rumour"]
    assert "zou(?:den)?\\b" in nl["rumour"] and "selon\\b" not in nl["rumour"]


def test_pooled_patterns_keep_what_the_rules_depend_on() -> None:
    """A few patterns whose place in the old code mattered, and the Dutch/German grammar."""
    pooled = lexicon.pooled()
    assert pooled.words("verb_final") == {
        "trekken",
        "unterschrieben",
        "vastleggen",
        "vastgelegd",
        "aangetrokken",
        "rijden",
        "fahren",
    }
    assert "according to" in pooled["attributions"]  # read as a tuple of starts: any order
    assert "interesse\\b" in load_lexicons().language("common")["rumour"]


BROKEN = [
    pytest.param(
        "arive = ['joins\\b']\n",
        "xx.toml: arive: unknown concept (did you mean 'arrive'?)",
        id="unknown concept",
    ),
    pytest.param(
        "arrive = ['joins\\b', 'sign(?:s|ed for\\b']\n",
        "xx.toml: arrive[1]: 'sign(?:s|ed for\\\\b' does not compile: ...",
        id="bad regex",
    ),
    pytest.param(
        "rumour = ['(?:will )?join\\b']\n",
        "xx.toml: rumour[0]: '(?:will )?join\\\\b' cannot be indexed by the scan: a cue must "
        "not start with an optional group",
        id="unindexable cue",
    ),
    pytest.param(
        "race = ['a?b\\b']\n",
        "xx.toml: race[0]: 'a?b\\\\b' cannot be indexed by the scan: a cue must start with "
        "two literal letters",
        id="cue without two literal letters",
    ),
    pytest.param(
        "arrive = 'joins'\n", "xx.toml: arrive: must be a list of strings, not str", id="a string"
    ),
    pytest.param(
        "[arrive]\njoin = 'x'\n",
        "xx.toml: arrive: must be a list of strings, not a table",
        id="a table",
    ),
    pytest.param(
        "arrive = ['joins\\b', 3]\n", "xx.toml: arrive[1]: must be a string, not int", id="a number"
    ),
    pytest.param(
        "depart = ['leaves\\b', 'quits\\b', 'leaves\\b']\n",
        "xx.toml: depart[2]: 'leaves\\\\b' repeats depart[0]",
        id="duplicate",
    ),
    pytest.param(
        "team_nouns = ['team', 'squad(ra)?']\n",
        "xx.toml: team_nouns[1]: 'squad(ra)?' a word may not use regular-expression "
        "characters (( ) ?)",
        id="regex in a word list",
    ),
    pytest.param(
        "negation = ['(no|not)\\b']\n",
        "xx.toml: negation[0]: '(no|not)\\\\b' has a capturing group; write (?:...)",
        id="capturing group",
    ),
    pytest.param(
        "rumour = ['Selon\\b']\n",
        "xx.toml: rumour[0]: 'Selon\\\\b' must be lower case (the text is lower-cased before "
        "matching)",
        id="upper case",
    ),
    pytest.param(
        "to_markers = ['to', ' naar']\n",
        "xx.toml: to_markers[1]: ' naar' must not be empty or start or end with a space",
        id="padded word",
    ),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_a_broken_file_is_refused_naming_file_concept_and_index(text: str, message: str) -> None:
    with pytest.raises(LexiconError) as error:
        parse_lexicon(text, "xx.toml", "xx")
    if message.endswith("..."):  # the rest is Python's own wording
        assert str(error.value).startswith(message[: -len("...")])
    else:
        assert str(error.value) == message


def test_a_broken_file_in_a_folder_refuses_the_whole_folder(tmp_path: Path) -> None:
    folder = _bundled_folder(tmp_path)
    (folder / "pt.toml").write_text("arrive = ['assina\\b']\nrumour = ['segundo (?:o\\b']\n")
    with pytest.raises(LexiconError) as error:
        load_lexicons(folder)
    assert str(error.value).startswith(f"{folder}/pt.toml: rumour[0]: 'segundo (?:o\\\\b' ")


def test_invalid_toml_is_refused_naming_the_file(tmp_path: Path) -> None:
    folder = _bundled_folder(tmp_path)
    (folder / "da.toml").write_text("arrive = ['skifter til\\b'\n")
    with pytest.raises(LexiconError, match=re.escape(f"{folder}/da.toml: not valid TOML: ")):
        load_lexicons(folder)


def test_a_pattern_in_two_files_belongs_in_common(tmp_path: Path) -> None:
    folder = _bundled_folder(tmp_path)
    (folder / "pt.toml").write_text("rumour = ['segundo\\b', 'interesse\\b']\n")
    with pytest.raises(LexiconError) as error:
        load_lexicons(folder)
    assert str(error.value) == (
        f"{folder}/pt.toml: rumour[1]: 'interesse\\\\b' is in {folder}/common.toml too: a "
        "pattern several languages share goes in common.toml, once"
    )


def test_a_badly_named_file_is_refused(tmp_path: Path) -> None:
    folder = _bundled_folder(tmp_path)
    (folder / "Portuguese.toml").write_text("arrive = ['assina com\\b']\n")
    with pytest.raises(LexiconError) as error:
        load_lexicons(folder)
    assert str(error.value) == (
        f"{folder}/Portuguese.toml: name it <language code>.toml, e.g. pt.toml"
    )


def test_a_new_language_is_a_new_file(tmp_path: Path) -> None:
    """Serbian and Swedish added as files only: loaded, pooled after the founding six
    and the bundled others (by name), indexed by the scan, and each readable on its own."""
    folder = _bundled_folder(tmp_path)
    (folder / "sr.toml").write_text(
        "# Serbian\n"
        "arrive = ['prelazi (?:u|iz)\\b', 'pojačava\\b']\n"
        "rumour = ['navodno\\b', 'prema pisanju\\b']\n"
        "to_markers = ['u redove', 'ka']\n",
        encoding="utf-8",
    )
    (folder / "sv.toml").write_text("arrive = ['byter till\\b']\n", encoding="utf-8")
    shutil.copy(folder / "en.toml", tmp_path / "unrelated.txt")  # not a lexicon file

    lexicons = load_lexicons(folder)
    assert lexicons.languages == (*FOUNDING, *ADDED, "sr", "sv")
    pooled = lexicons.pool()
    bundled = lexicon.pooled()
    assert pooled["arrive"] == (
        *bundled["arrive"],
        "prelazi (?:u|iz)\\b",
        "pojačava\\b",
        "byter till\\b",
    )
    assert pooled["to_markers"][-2:] == ("u redove", "ka")
    assert lexicons.language("sr")["rumour"] == ("navodno\\b", "prema pisanju\\b")
    assert lexicons.language("sr")["depart"] == ()

    index = scan._build_index(pooled)
    assert [p.pattern for family, p in index["pre"] if family == "arrive"][-1:] == [
        "prelazi (?:u|iz)\\b"
    ]
    assert any(p.pattern == "navodno\\b" for family, p in index["nav"] if family == "rumour")


def test_a_concept_no_file_gives_is_refused(tmp_path: Path) -> None:
    """An empty alternation would match everywhere: "this_season" would veto every clause."""
    folder = _bundled_folder(tmp_path)
    english = (folder / "en.toml").read_text(encoding="utf-8")
    this_season = re.search(r"(?m)^this_season = \[\n(?:    .*\n)*\]\n", english)
    assert this_season is not None
    (folder / "en.toml").write_text(english.replace(this_season.group(), ""), encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        load_lexicons(folder)
    assert str(error.value) == f"{folder}: this_season: no file gives it a pattern"


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no lexicon files"):
        load_lexicons(tmp_path)


def test_a_status_word_read_per_language_is_refused_in_common(tmp_path: Path) -> None:
    folder = _bundled_folder(tmp_path)
    common = folder / "common.toml"
    common.write_text(common.read_text(encoding="utf-8") + "\ncontrast_words = ['men']\n")
    with pytest.raises(LexiconError) as error:
        load_lexicons(folder)
    assert str(error.value) == (
        f"{folder}/common.toml: contrast_words: read in each story's languages: not shared"
    )


def test_a_status_word_two_languages_share_is_in_each_file_and_read_only_there() -> None:
    """Danish "men" is "but"; Dutch "men" is "one" ("men verwacht": it is expected)."""
    from feeds.nlp.transfers.status import _owner_marker
    from feeds.nlp.transfers.status_scope import _status_split

    text = "Hirschi tekent bij Tudor, men verwacht dat hij blijft"
    assert _status_split(("da",)).search(text)
    assert _status_split(("no",)).search(text)
    assert not _status_split(("nl",)).search(text)
    assert not _status_split(("en",)).search("Pogacar wins as the men ride on")
    assert _owner_marker(("it",)).match("da")
    assert not _owner_marker(("de",)).match("da")  # German "da" is "there"
