"""Full names with case endings (Slovenian "Joshuo Tarlingom"): found in the languages
whose lexicon lists `name_case_endings`, only with first name and surname, never elsewhere;
and the lexicon files' checks of those endings."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from feeds.nlp.lexicon import LexiconError, load_lexicons
from feeds.nlp.tag.inflected import case_endings
from feeds.nlp.tag.names import bare_forms
from feeds.roster import Roster, parse_roster
from feeds.tagger import Tagger

WHEN = date(2025, 2, 20)

ROSTER = """
[[team]]
id = "uae"
country = "UAE"
names = [{ name = "UAE Team Emirates", from = 2019-01-01 }]

[[team]]
id = "ineos"
country = "GBR"
names = [{ name = "Ineos Grenadiers", from = 2019-01-01 }]

[[rider]]
name = "Tadej Pogačar"
nationality = "SLO"
teams = [{ team = "uae", from = 2019 }]

[[rider]]
name = "Joshua Tarling"
nationality = "GBR"
teams = [{ team = "ineos", from = 2023 }]

[[rider]]
name = "Iván Romeo"
nationality = "ESP"
teams = [{ team = "uae", from = 2023 }]

[[rider]]
name = "Finn Fisher-Black"
nationality = "NZL"
teams = [{ team = "uae", from = 2022 }]

[[rider]]
name = "Giulio Ciccone"
nationality = "ITA"
teams = [{ team = "ineos", from = 2019 }]

[[rider]]
name = "Pello Bilbao"
nationality = "ESP"
teams = [{ team = "ineos", from = 2019 }]

[[rider]]
name = "Lennert Van Eetvelt"
nationality = "BEL"
teams = [{ team = "uae", from = 2022 }]
"""

# A Slovenian stage preview; the names after this carry endings.
INTRO = (
    "Tadej Pogačar (UAE Team Emirates) bo v zadnji etapi dirke branil 21 sekund naskoka "
    "v skupnem seštevku. "
)
"""Named exactly, with his team (not inflected mentions): the story's cycling context."""


@pytest.fixture(scope="module")
def roster() -> Roster:
    return parse_roster(ROSTER)


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def inflected(tagger: Tagger, text: str, language: str | None = "sl") -> dict[str, str]:
    """Written form -> person of each inflected-name mention."""
    title = "Zadnje dejanje na dirki"
    full = f"{title}\n\n{text}"
    mentions = tagger.mentions(title, text, WHEN, feed_is_cycling=False, language=language)
    return {full[m.start : m.end]: m.entity_id for m in mentions if m.how == "inflected"}


@pytest.mark.parametrize(
    ("before", "written", "person"),
    [
        ("pred Britancem", "Joshuo Tarlingom", "joshua-tarling"),  # -o for -a, -om
        ("pred Špancem", "Ivanom Romom", "ivan-romeo"),  # -eo drops before -om
        ("v Novozelandcu", "Finnu Fisher-Blacku", "finn-fisher-black"),  # double surname
        ("Italijanu", "Giuliu Cicconeju", "giulio-ciccone"),  # -ju after a vowel
        ("Špancu", "Pellu Bilbau", "pello-bilbao"),  # final -o drops before -u
        ("zmagovalcu", "Lennertu Van Eetveltu", "lennert-van-eetvelt"),  # particle kept
        ("pomočnik", "Tadeja Pogačarja", "tadej-pogacar"),  # genitive -a, -ja
        ("pred", "Tadejem Pogačar", "tadej-pogacar"),  # only the first name declined
        ("pred", "Tadej Pogačarjem", "tadej-pogacar"),  # only the surname declined
    ],
)
def test_a_declined_full_name_is_its_rider(
    tagger: Tagger, before: str, written: str, person: str
) -> None:
    text = f"{INTRO}Tretji je {before} {written} (UAE Team Emirates)."
    assert inflected(tagger, text) == {written: person}


def test_the_story_from_the_issue(tagger: Tagger, roster: Roster) -> None:
    text = (
        INTRO + "V seštevku ima prednost pred Britancem Joshuo Tarlingom (Ineos Grenadiers) "
        "in Špancem Ivanom Romom. Glavne tekmece gre iskati v Novozelandcu Finnu "
        "Fisher-Blacku, Italijanu Giuliu Cicconeju ter Špancu Pellu Bilbau in lanskem "
        "zmagovalcu Lennertu Van Eetveltu. Tarling je drugi."
    )
    tags = tagger.tag("Zadnje dejanje", text, WHEN, feed_is_cycling=False, language="sl")
    assert [roster.people[i].name for i in tags.riders] == [
        "Tadej Pogačar",
        "Joshua Tarling",
        "Iván Romeo",
        "Finn Fisher-Black",
        "Giulio Ciccone",
        "Pello Bilbao",
        "Lennert Van Eetvelt",
    ]
    # Named in full (declined), the rider's bare surname later is his too.
    mentions = tagger.mentions("Zadnje dejanje", text, WHEN)
    full = f"Zadnje dejanje\n\n{text}"
    assert ("Tarling", "joshua-tarling", "surname") in {
        (full[m.start : m.end], m.entity_id, m.how) for m in mentions
    }


def test_the_language_is_told_from_the_text_when_the_feed_does_not_say(tagger: Tagger) -> None:
    text = INTRO + (
        "Drugi je bil z 21 sekundami zaostanka Joshuo Tarlingom, ki se je na etapi kot član "
        "ekipe lahko boril."
    )
    assert inflected(tagger, text, language=None) == {"Joshuo Tarlingom": "joshua-tarling"}
    assert inflected(tagger, text, language="sl-SI") == {"Joshuo Tarlingom": "joshua-tarling"}


@pytest.mark.parametrize(
    ("written", "alone"),
    [
        # The declined surname alone is the surname rule's to read, as the plain one is
        # (tests/feeds/nlp/test_inflected_surnames.py): the full-name rule takes none.
        ("Tarlingom", "joshua-tarling"),  # one name alone
        # A capitalised word written like a first name: as before "Britancem Tarling".
        ("Britancem Tarlingom", None),
        ("joshuo Tarlingom", "joshua-tarling"),  # not capitalised: no first name
        ("Joshuo tarlingom", None),
        ("Tadeja Bilbau", None),  # one rider's first name, another's surname
        ("Joshuo Pogačarja", None),
        ("Joshuo, Tarlingom", "joshua-tarling"),  # not one name
        ("Tarlingom Joshuo", "joshua-tarling"),  # wrong order
        ("Ivanovega Romom", None),  # more than an ending on the first name
        ("Joshuo Tarlingovega", None),
    ],
)
def test_no_rider_without_both_names(tagger: Tagger, written: str, alone: str | None) -> None:
    text = f"{INTRO}Drugi je {written} pred ciljem."
    assert inflected(tagger, text) == {}
    # The story is cycling: the rules ran and found the exact name.
    riders = tagger.tag("Dirka", text, WHEN, feed_is_cycling=False, language="sl").riders
    assert riders == ["tadej-pogacar", *([alone] if alone else [])]


@pytest.mark.parametrize("language", ["en", "de", "it", "hr"])
def test_other_languages_are_not_declined(tagger: Tagger, language: str) -> None:
    """The same words in a story of another language (declared) are nobody: the endings
    are Slovenian grammar, and "hr" has no lexicon file."""
    text = INTRO + "Drugi je Joshuo Tarlingom, tretji Pellu Bilbau."
    assert inflected(tagger, text, language=language) == {}
    assert len(inflected(tagger, text, language="sl")) == 2


def test_an_english_story_told_by_its_words_is_not_declined(tagger: Tagger) -> None:
    text = (
        "Tadej Pogačar (UAE Team Emirates) will defend his lead in the final stage of the race, "
        "and he said that the team is with him. Second is Pellu Bilbau, third Joshuo Tarlingom."
    )
    assert inflected(tagger, text, language=None) == {}
    assert len(inflected(tagger, text, language="sl")) == 2


def test_case_endings_are_routed_by_language() -> None:
    assert "om" in case_endings("sl", "")
    assert case_endings("en", "Pogačar") == ()
    assert case_endings("pt-BR", "") == ()
    assert case_endings(None, "a b c") == ()  # too little to tell: no endings
    slovenian = "Tadej Pogačar je bil na dirki in se je z ekipo pripravljal na sezono"
    assert "ja" in case_endings(None, slovenian)


def test_bare_forms_drop_final_vowels_but_keep_a_stem() -> None:
    assert bare_forms("pello") == ("pello", "pell")
    assert bare_forms("romeo") == ("romeo", "rome", "rom")
    assert bare_forms("ivo") == ("ivo",)  # "iv" is too little of a name
    assert bare_forms("finn") == ("finn",)


# --- the lexicon files' checks ------------------------------------------------------


def _bundled_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lexicons"
    folder.mkdir()
    for item in (resources.files("feeds.nlp") / "lexicons").iterdir():
        if item.name.endswith(".toml"):
            (folder / item.name).write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_the_slovenian_file_lists_case_endings() -> None:
    lexicons = load_lexicons()
    assert {"a", "ja", "u", "ju", "om", "em"} <= set(lexicons.language("sl")["name_case_endings"])
    assert lexicons.language("en")["name_case_endings"] == ()


@pytest.mark.parametrize(
    ("ending", "reason"),
    [
        ("-om", "a case ending is one to 4 letters"),
        ("o m", "a case ending is one to 4 letters"),
        ("ovega", "a case ending is one to 4 letters"),
        ("OM", "must be lower case"),
        ("", "must not be empty"),
    ],
)
def test_a_bad_case_ending_is_refused(tmp_path: Path, ending: str, reason: str) -> None:
    folder = _bundled_folder(tmp_path)
    (folder / "hr.toml").write_text(f"name_case_endings = ['a', '{ending}']\n", encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        load_lexicons(folder)
    assert f"hr.toml: name_case_endings[1]: {ending!r}" in str(error.value)
    assert reason in str(error.value)


def test_case_endings_may_be_shared_but_not_pooled_in_common(tmp_path: Path) -> None:
    folder = _bundled_folder(tmp_path)
    (folder / "hr.toml").write_text("name_case_endings = ['a', 'u', 'om']\n", encoding="utf-8")
    assert load_lexicons(folder).language("hr")["name_case_endings"] == ("a", "u", "om")
    with (folder / "common.toml").open("a", encoding="utf-8") as fh:
        fh.write("\nname_case_endings = ['om']\n")
    with pytest.raises(LexiconError) as error:
        load_lexicons(folder)
    assert "common.toml: name_case_endings: one language's grammar" in str(error.value)
