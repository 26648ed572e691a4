"""The transfer reader's shortcuts give what the full reading gives: a sentence with no
status cue is silent, a clause where no year can begin names no season by its year, a
story without "respectively" anywhere pairs nobody that way, and placed mentions are
found by `within` as a plain sorted list is. Each is compared with the reading it skips,
on the development corpus (the real tagger's mentions) and on generated text."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

import pytest

from feeds.evaluation import read_jsonl
from feeds.models import Mention
from feeds.nlp.document import Document
from feeds.nlp.transfers import respectively, seasons, status
from feeds.nlp.transfers.extract import Reading, _clean_mentions, read_document
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Placed, Span, mentions_in, split_clauses, within
from feeds.roster import Person, Roster, Team, TeamName

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DEV_SETS = ["dev.jsonl", "holdout.jsonl", "set5-enfr-dev.jsonl", "set5-ibit-dev.jsonl"]


# --- references: the readings as written before the shortcuts -------------------------


def reference_season(story: Story, clause: Span) -> int | None:
    pub = story.published
    ends = [m.span() for m in seasons._CONTRACT_END.finditer(story.low, clause.start, clause.end)]
    for found in seasons._SEASON.finditer(story.low, clause.start, clause.end):
        if any(s <= found.start(1) < e for s, e in ends):
            continue
        year = int(found.group(1))
        if pub is None or pub.year <= year <= pub.year + 3:
            return year
    if pub is not None and seasons._NEXT_SEASON.search(story.low, clause.start, clause.end):
        return pub.year + 1
    return None


def reference_past_season(story: Story, start: int, end: int) -> bool:
    if story.published is None:
        return False
    ends = [m.span() for m in seasons._CONTRACT_END.finditer(story.low, start, end)]
    return any(
        int(found.group(1)) < story.published.year
        and not any(s <= found.start(1) < e for s, e in ends)
        for found in seasons._PAST_YEAR.finditer(story.low, start, end)
    )


def _story(text: str, published: date | None, hits: dict[str, list[Hit]] | None = None) -> Story:
    return Story(
        text=text,
        low=Document.from_text(text).low,
        roster=Roster(),
        published=published,
        people=Placed(),
        teams=Placed(),
        hits=hits or {},
        focus_team=None,
        title_question=False,
    )


# --- the development corpus, read with the real tagger's mentions ---------------------


@dataclass
class _Read:
    reading: Reading
    clauses: list[Span]


@pytest.fixture(scope="module")
def readings() -> list[_Read]:
    from feeds.roster import bundled_roster
    from feeds.tagger import Tagger

    roster = bundled_roster()
    tagger = Tagger(roster)
    out = []
    for name in DEV_SETS:
        with (CORPUS / name).open(encoding="utf-8") as fh:
            records = read_jsonl(fh, name)
        for r in records:
            language = r.get("lang") if isinstance(r.get("lang"), str) else None
            doc = Document(r["title"], r["text"], r["_published"], language)
            mentions = tagger.mentions(r["title"], r["text"], r["_published"], True)
            reading = read_document(doc, mentions, roster)
            if reading is not None:
                clauses = [c for s in reading.spans for c in split_clauses(doc.text, s)]
                out.append(_Read(reading, clauses))
    assert len(out) > 50
    return out


def test_sentence_status_matches_the_full_reading_on_the_corpus(readings: list[_Read]) -> None:
    cued = 0
    for read in readings:
        story = read.reading.story
        for span in read.reading.spans:
            expected = status._cued_status(story, span)
            assert status.sentence_status(story, span) == expected, story.text[
                span.start : span.end
            ]
            cued += expected != 0
    assert cued > 20  # the corpus has hedged and announced sentences to compare


def test_seasons_match_the_full_reading_on_the_corpus(readings: list[_Read]) -> None:
    named = 0
    for read in readings:
        story = read.reading.story
        for clause in read.clauses:
            expected = reference_season(story, clause)
            assert seasons.clause_season(story, clause) == expected
            named += expected is not None
            window = (clause.start, clause.end)
            assert seasons.names_past_season(story, *window) == reference_past_season(
                story, *window
            )
    assert named > 10


def test_respectively_shortcut_changes_no_evidence(
    readings: list[_Read], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each story read again with the story-wide check made to pass always (every
    sentence searched, as before it): the same evidence. The check is an expression
    tried through the story's phrase walk (feeds/nlp/transfers/phrases.py); one that
    matches the empty string everywhere, and is not in the walk, always passes."""
    always = re.compile("")

    def evidence(story: Story) -> list[str]:
        doc = Document.from_text(story.text, story.published, None)
        again = read_document(doc, [*story.people, *story.teams], story.roster)
        assert again is not None
        return [repr(ev) for ev in again.story.evidence]

    with_word = 0
    for read in readings:
        story = read.reading.story
        with_word += respectively._ANYWHERE.search(story.low) is not None
        fast = evidence(story)
        with monkeypatch.context() as patched:
            patched.setattr(respectively, "_ANYWHERE", always)
            assert evidence(story) == fast
    assert with_word > 0  # the corpus has stories pairing people "respectively"


# --- generated text --------------------------------------------------------------------

PIECES = [
    " ", "  ", "\n", ", ", ". ", "from ", "in ", "for ", "a partir de ", "since ", "until ",
    "the ", "season ", "la saison ", "next season", "next year", "contract ", "ends ",
    "expires in ", "deal runs until ", "2019", "2024", "2025", "2026", "2027", "2031", "1999",
    "192020", "12025", "20255", "٢٠٢٦", "20٢6", "x", "joins ", "Ineos", "respectively",
    "respectivelyx", "henholdsvis ", "rumoured ", "confirmed ", "according to the team ",
]  # fmt: skip


def _generated(rng: random.Random) -> str:
    return "".join(rng.choices(PIECES, k=rng.randint(1, 30)))


@pytest.mark.parametrize("seed", range(4))
def test_seasons_match_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        text = _generated(rng)
        published = rng.choice([None, date(2024, 8, 1), date(2025, 11, 3), date(2019, 1, 1)])
        story = _story(text, published)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        clause = Span(start, end, 1, False)
        assert seasons.clause_season(story, clause) == reference_season(story, clause), text
        assert seasons.names_past_season(story, start, end) == reference_past_season(
            story, start, end
        ), text


# Every family `_cued_status` reads, written out: the shortcut's own list may not be
# the one it is checked against.
@pytest.mark.parametrize(
    "family", ["superseded", "fulfilled", "dispute", "rumour", "reported", "confirmed", "weak"]
)
def test_sentence_status_reads_every_status_family(family: str) -> None:
    """One hit of each family alone in generated sentences: the shortcut answers as the
    full reading does, and some sentences are not silent (the family is read)."""
    rng = random.Random(family)
    spoken = 0
    for _ in range(400):
        text = _generated(rng) or "x"
        at = rng.randint(0, len(text) - 1)
        hit = Hit(family, at, min(len(text), at + rng.randint(1, 8)))
        story = _story(text, date(2025, 1, 1), {family: Placed([hit])})
        start = rng.randint(0, len(text))
        span = Span(start, rng.randint(start, len(text)), 1, False)
        expected = status._cued_status(story, span)
        assert status.sentence_status(story, span) == expected
        spoken += expected != 0
    if family not in ("superseded", "fulfilled"):  # superseding alone says nothing
        assert spoken > 0


def _mention(rng: random.Random) -> Mention:
    start = rng.randint(0, 200)
    kind = rng.choice(["rider", "team"])
    entity = rng.choice(["a", "b"]) if kind == "rider" else rng.choice(["t", "u"])
    return Mention(entity, kind, start, start + rng.randint(1, 12), "name")


@pytest.mark.parametrize("seed", range(3))
def test_placed_mentions_are_found_as_a_sorted_list(seed: int) -> None:
    rng = random.Random(seed)
    roster = Roster(
        teams={t: Team(t, "WT", (TeamName(t.upper()),)) for t in ("t", "u")},
        people={p: Person(p, p.upper(), "rider") for p in ("a", "b")},
    )
    text = "x" * 260
    for _ in range(300):
        mentions = [_mention(rng) for _ in range(rng.randint(0, 25))]
        people, teams = _clean_mentions(text, mentions, roster)
        assert type(people) is Placed and type(teams) is Placed
        for placed in (people, teams):
            plain = list(placed)
            assert plain == sorted(plain, key=lambda m: (m.start, m.end))
            for _ in range(10):
                lo = rng.randint(-5, 220)
                hi = rng.randint(lo, 230)
                assert list(within(placed, lo, hi)) == list(within(plain, lo, hi))
                span = Span(lo, hi, 1, False)
                expected = [m for m in within(plain, lo, hi) if m.end <= hi]
                assert mentions_in(placed, span) == expected == mentions_in(plain, span)


@pytest.mark.parametrize("seed", range(3))
def test_evidence_copies_as_dataclasses_replace_does(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        values = {
            f.name: (
                {rng.choice("abc"): rng.random()}
                if f.name == "to"
                else {rng.choice("xyz")}
                if f.name == "origin"
                else rng.choice(["arrive", "depart"])
                if f.type == "str"
                else rng.choice([True, False])
                if f.type == "bool"
                else rng.choice([None, 2025])
                if "None" in str(f.type)
                else rng.randint(-1, 9)
            )
            for f in fields(Evidence)
        }
        found = Evidence(**values)
        copied = found.for_person("p")
        expected = replace(found, person_id="p", to=dict(found.to), origin=set(found.origin))
        assert repr(copied) == repr(expected)
        assert copied.to is not found.to and copied.origin is not found.origin


@pytest.mark.parametrize("seed", range(3))
def test_no_respectively_anywhere_means_none_in_any_sentence(seed: int) -> None:
    """The story-wide check skips only stories where no sentence's search could find
    the word: generated text, random windows (words cut at their edges included)."""
    rng = random.Random(seed)
    pieces = [*PIECES, *respectively._WORDS, *(w[:-2] for w in respectively._WORDS), "vis"]
    found = 0
    for _ in range(1500):
        low = Document.from_text("".join(rng.choices(pieces, k=rng.randint(1, 12)))).low
        start = rng.randint(0, len(low))
        end = rng.randint(start, len(low))
        in_window = respectively._RESPECTIVELY.search(low, start, end) is not None
        if respectively._ANYWHERE.search(low) is None:
            assert not in_window, low
        found += in_window
    assert found > 5
