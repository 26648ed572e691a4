"""Properties: the tagger never raises, only names roster entities, and is repeatable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.roster import load_roster_file
from feeds.tagger import Tagger

ROSTER = load_roster_file(Path(__file__).parent / "tag_roster.toml")
TAGGER = Tagger(ROSTER)

# Text that is likely to hit the rules: roster names and pieces of them, cycling words,
# descriptions, odd characters (RTL, emoji, surrogates, controls) around them.
PIECES = [
    "Mark Cavendish",
    "Cavendish",
    "the Manxman",
    "Mørkøv",
    "Woods",
    "woods",
    "Yates",
    "Adam",
    "Simon",
    "Tiger",
    "van der Poel",
    "Van der Poel",
    "De Lie",
    "de lie",
    "Soudal Quick-Step",
    "QuickStep",
    "Astana",
    "Jumbo",
    "Visma",
    "Lotto Soudal",
    "the Belgian team",
    "l'équipe belge",
    "de Sloveen",
    "The Dane",
    "the peloton",
    "Tour de France",
    "stage",
    "Anastopolous",
    "Vinokurov",
    "Lucas Plapp",
    "Saint-",
    "'s",
    "’",
    ". ",
    ", ",
    "\n\n",
    " ",
    "-",
    "|",
    "//",
    "(",
    ")",
    "[",
    "]",
    "\u202e",
    "\u200f",
    "مرحبا",
    "😀",
    "\ud800",
    "\x00",
    "\x1b",
    "ß",
    "İ",
    "ﬁ",
    "Ⅻ",
]
story_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map(" ".join),
)
dates = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
feed_flags = st.sampled_from([None, True, False])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=story_text, text=story_text, when=dates, feed=feed_flags)
def test_never_raises_and_names_only_roster_entities(title, text, when, feed) -> None:  # type: ignore[no-untyped-def]
    mentions = TAGGER.mentions(title, text, when, feed)
    full = f"{title}\n\n{text}"
    for m in mentions:
        assert 0 <= m.start < m.end <= len(full)
        if m.kind == "team":
            assert m.entity_id in ROSTER.teams
        else:
            assert m.entity_id in ROSTER.people
    tags = TAGGER.tag(title, text, when, feed)
    assert all(ROSTER.people[i].kind == "rider" for i in tags.riders)
    assert all(ROSTER.people[i].kind == "staff" for i in tags.staff)
    assert all(i in ROSTER.teams for i in tags.teams)
    assert len(set(tags.riders)) == len(tags.riders)
    # The same input gives the same answer.
    assert TAGGER.tag(title, text, when, feed) == tags
    assert TAGGER.mentions(title, text, when, feed) == mentions


def test_huge_story() -> None:
    body = "Mark Cavendish (Astana Qazaqstan) beat the peloton at the Tour de France. " * 20000
    tags = TAGGER.tag("Huge", body + "\ud800" + "😀" * 1000, date(2023, 7, 1))
    assert tags.riders == ["mark-cavendish"]
    assert tags.teams == ["astana"]


def test_control_characters_and_rtl_around_names() -> None:
    text = "\x00Mark\u00a0Cavendish\u202e won\x1b the stage of the Tour de France \u200f"
    tags = TAGGER.tag("\ud800", text, None)
    assert tags.riders == ["mark-cavendish"]
