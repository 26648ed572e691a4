"""Folding: one matching form for every spelling, and a way back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.text.fold import FoldedText, fold_tokens, fold_word


def test_accents_and_special_letters_fold_to_ascii() -> None:
    assert fold_word("Michael Mørkøv") == "michael morkov"
    assert fold_word("Łukasz Wiśniowski") == "lukasz wisniowski"
    assert fold_word("Straße") == "strasse"
    assert fold_word("Tadej Pogačar") == "tadej pogacar"
    assert fold_word("Zdeněk Štybar") == "zdenek stybar"
    assert fold_word("Æbelø") == "aebelo"


def test_hyphens_pipes_slashes_and_apostrophes_break_words() -> None:
    assert fold_tokens("Visma | Lease a Bike") == ["visma", "lease", "a", "bike"]
    assert fold_tokens("Canyon//SRAM") == ["canyon", "sram"]
    assert fold_tokens("Soudal-Quick Step") == ["soudal", "quick", "step"]
    assert fold_tokens("Ben O'Connor") == ["ben", "o", "connor"]
    assert fold_tokens("Anastopoulos’") == ["anastopoulos"]


def test_folded_text_has_two_spaces_between_words() -> None:
    ft = FoldedText("Van der Poel, (Alpecin-Deceuninck)")
    assert ft.folded == "  van  der  poel  alpecin  deceuninck  "


def test_offsets_map_back_through_length_changing_letters() -> None:
    text = "Straße ß 😀 Mørkøv’s team, Pogačar"
    ft = FoldedText(text)
    words = [text[slice(*ft.word_span(k))] for k in range(ft.word_count)]
    assert words == ["Straße", "ß", "Mørkøv", "s", "team", "Pogačar"]


def test_span_of_a_multiword_match() -> None:
    text = "Wiebes (Team SD Worx – Protime) won"
    ft = FoldedText(text)
    start = ft.folded.index(" team  sd ")
    end = ft.folded.index(" protime ") + len(" protime ")
    s, e, k0, k1 = ft.span(start, end)
    assert text[s:e] == "Team SD Worx – Protime"
    assert (k0, k1) == (1, 5)


def test_empty_and_separator_only_texts() -> None:
    for text in ("", "   ", "—–-", "\n\n"):
        ft = FoldedText(text)
        assert ft.folded == "  "
        assert ft.word_count == 0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_every_folded_word_maps_to_a_span_of_the_original(text: str) -> None:
    ft = FoldedText(text)
    assert ft.folded.startswith("  ") and ft.folded.endswith("  ")
    assert ft.folded.isascii()
    last_start = 0
    for k in range(ft.word_count):
        start, end = ft.word_span(k)
        assert 0 <= start < end <= len(text)
        assert start >= last_start  # words stay in text order
        last_start = start


def _key_bounds(folded: str) -> list[tuple[int, int]]:
    """(start, end) of every word in a folded text, found by reading the text itself."""
    bounds = []
    i = 0
    while i < len(folded):
        if folded[i] != " ":
            j = folded.index(" ", i)
            bounds.append((i, j))
            i = j
        i += 1
    return bounds


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcXYZ09 ,.-'\n\t_", max_size=80))
def test_ascii_word_offsets_give_back_the_folded_word(text: str) -> None:
    ft = FoldedText(text)
    assert ft.word_count == len(_key_bounds(ft.folded))
    for k in range(ft.word_count):
        start, end = ft.word_span(k)
        assert text[start:end].lower() == ft.word(k)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_batch_spans_agree_with_one_at_a_time(text: str) -> None:
    # Every run of one to three whole words, as an alias key would match it: the
    # space before its first word to the space after its last.
    ft = FoldedText(text)
    bounds = _key_bounds(ft.folded)
    starts, ends, one_by_one = [], [], []
    for k0 in range(len(bounds)):
        for k1 in range(k0 + 1, min(len(bounds), k0 + 3) + 1):
            start, end = bounds[k0][0] - 1, bounds[k1 - 1][1] + 1
            starts.append(start)
            ends.append(end)
            one_by_one.append(ft.span(start, end))
            s, e, first, stop = one_by_one[-1]
            assert (first, stop) == (k0, k1)
            assert (s, e) == (ft.word_span(k0)[0], ft.word_span(k1 - 1)[1])
    assert ft.spans(starts, ends) == one_by_one
