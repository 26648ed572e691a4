"""Roster text (issue #18, item 8): every name and alias is checked the same way, control
and format characters are refused wherever they are, and errors point at the right line
(found in one pass over the file)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.pipeline.custom_roster import InvalidName, clean_name
from feeds.nlp.broad_names import too_broad
from feeds.roster import RosterError, _header_lines, name_problem, parse_roster

HIDDEN = {
    "right-to-left override": "\u202e",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "soft hyphen": "\u00ad",
    "byte order mark": "\ufeff",
    "escape": "\x1b",
    "newline": "\n",
    "line separator": "\u2028",
    "bell": "\x07",
}
PLACES = {
    "rider name": '[[rider]]\nname = "Ann{c}Bee"\n',
    "rider alias": '[[rider]]\nname = "Ann Bee"\naliases = ["A{c}B"]\n',
    "staff alias": '[[staff]]\nname = "Ann Bee"\naliases = ["Ok", "A{c}B"]\n',
    "team alias": '[[team]]\nid = "t"\naliases = ["T{c}T"]\nnames = [{{ name = "Team" }}]\n',
    "team nickname": '[[team]]\nid = "t"\nnicknames = ["N{c}N"]\nnames = [{{ name = "Team" }}]\n',
    "team name": '[[team]]\nid = "t"\nnames = [{{ name = "Te{c}am" }}]\n',
}


def toml_escape(char: str) -> str:
    return f"\\u{ord(char):04x}"


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("what", sorted(HIDDEN))
def test_hidden_characters_are_refused_in_every_name_and_alias(place, what):
    text = '[[rider]]\nname = "First"\n\n' + PLACES[place].format(c=toml_escape(HIDDEN[what]))
    with pytest.raises(RosterError) as refused:
        parse_roster(text, "extra.toml")
    assert refused.value.line == 4  # the entry's header, after the first entry
    assert "control characters or invisible formatting" in refused.value.reason


@pytest.mark.parametrize("what", sorted(HIDDEN))
def test_moderators_names_go_through_the_same_check(what):
    raw = f"Zo{HIDDEN[what]}e Test"
    assert name_problem(raw) is not None
    with pytest.raises(InvalidName, match="control characters or invisible formatting"):
        clean_name(raw, "alias")


def test_plain_names_still_pass():
    roster = parse_roster(
        '[[rider]]\nname = "Tadej Pogačar"\naliases = ["Pogi", "Ta\u00efs O\'Neil"]\n'
        '[[team]]\nid = "t"\nnicknames = ["Les Bleus"]\nnames = [{ name = "Équipe 1 & 2" }]\n'
    )
    assert roster.people["tadej-pogacar"].aliases == ("Pogi", "Taïs O'Neil")
    assert name_problem("Ann\u00a0Bee") is None  # a no-break space is a space
    assert name_problem("  ") == "must be a non-empty string"
    assert name_problem("x" * 201) == "is longer than 200 characters"


def _naive_header_lines(text: str) -> dict[str, list[int]]:
    pattern = re.compile(r"^[ \t]*\[\[[ \t]*(team|rider|staff|retired)[ \t]*\]\]", re.MULTILINE)
    lines: dict[str, list[int]] = {}
    for match in pattern.finditer(text):
        lines.setdefault(match.group(1), []).append(text.count("\n", 0, match.start()) + 1)
    return lines


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["[[team]]", "[[rider]]", " [[ staff ]]", "[[retired]]", "x = 1"]),
            st.text(alphabet="ab\n #[]", max_size=12),
        ),
        max_size=30,
    )
)
def test_header_lines_in_one_pass_match_counting_from_the_start(parts):
    text = "\n".join(parts)
    assert _header_lines(text) == _naive_header_lines(text)


def test_an_error_deep_in_a_large_file_names_its_line():
    entries = [f'[[rider]]\nname = "Rider {n:05d}"\n' for n in range(3000)]
    entries[2500] = '[[rider]]\nname = "Rider\\u202eX"\n'
    with pytest.raises(RosterError) as refused:
        parse_roster("\n".join(entries), "big.toml")
    assert refused.value.line == 2500 * 3 + 1
    assert "[[rider]] #2501" in str(refused.value)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("the", "is a common word (en)"),
        ("de", "has fewer than 3 letters"),
        ("Giro d'Italia", "is the name of a race"),
        ("Alpe d'Huez", "is the name of a place"),
        ("Dutchman", "is a nationality"),
        ("breakaway", "is a cycling term"),
        ("maart", "is a common word (calendar)"),
        ("van den", "made of common words only"),
        ("Pogi Bear", None),
        ("Zozo", None),
        ("The Manxman", None),
    ],
)
def test_too_broad(name, reason):
    found = too_broad(name)
    assert (found is None) if reason is None else (reason in (found or "")), found
