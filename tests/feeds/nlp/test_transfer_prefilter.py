"""The transfer prefilter (feeds/nlp/transfers/prefilter.py) never changes an answer:
every story is read with and without it and the two answers compared exactly."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from feeds.evaluation import read_jsonl
from feeds.nlp.document import Document
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers import extract_transfers, prefilter
from feeds.nlp.transfers.extract import _extract, _unknown_may_report
from feeds.nlp.transfers.scan import FAMILIES, MOVE_FAMILIES, scan_cues
from feeds.nlp.transfers.text import lowered
from feeds.roster import Roster, load_roster
from feeds.tagger import Tagger
from tests.corpus import (
    DEV_CORPUS,
    HOLDOUT2_CORPUS,
    HOLDOUT3A_CORPUS,
    HOLDOUT3B_CORPUS,
    HOLDOUT_CORPUS,
    development_sets,
)

SENTENCE_SOURCES = (DEV_CORPUS, HOLDOUT_CORPUS, HOLDOUT2_CORPUS, HOLDOUT3A_CORPUS, HOLDOUT3B_CORPUS)
"""Fixed sets the generated stories draw their sentences from: a set opened later must not
change which stories are drawn (and so how many the prefilter may skip)."""


def corpus_files() -> list[Path]:
    return development_sets()  # never a sealed set


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster()


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    out: list[dict] = []
    for path in corpus_files():
        with path.open(encoding="utf-8") as fh:
            out += read_jsonl(fh, str(path))
    return out


def _compare(tagger: Tagger, title: str, text: str, published, language, cycling) -> bool:
    """Asserts both answers are equal; True when the prefilter skipped the story."""
    mentions = tagger.mentions(title, text, published, cycling)
    full = f"{title}\n\n{text}"
    without = _extract(full, mentions, tagger.roster, published, language)
    with_filter = extract_transfers(full, mentions, tagger.roster, published, language)
    assert with_filter == without, title
    # a story with no roster person is read when people the roster does not know are
    # there, with a cue (`extract._unknown_may_report`)
    skipped = not prefilter.may_report_move(full, mentions) and not _unknown_may_report(
        Document.from_text(full, published, language), mentions, tagger.roster
    )
    if skipped:
        assert without == (False, []), title
    return skipped


def test_corpus_answers_are_the_same(tagger: Tagger, records: list[dict]) -> None:
    assert len(corpus_files()) >= 8 and len(records) >= 250
    skipped = 0
    for record in records:
        language = record.get("lang") if isinstance(record.get("lang"), str) else None
        for cycling, lang in ((None, language), (True, None)):
            skipped += _compare(
                tagger, record["title"], record["text"], record.get("_published"), lang, cycling
            )
    # The corpus is mostly transfer news; some stories must still be skipped, or this
    # test would not be testing the skip.
    assert skipped >= 20


HEADLINES = (
    "{p} {prep} {t}",
    "{p} wins stage {n} ahead of {q}",
    "{t} confirm {p} for the Giro",
    "{p} \u2013 {t} para {u}",
    "{p}: {t} -> {u}",
    "{p} joins {t}",
    "Why {p} could leave {t}",
    "{t} and {p} part ways",
    "{p}, {q} and {t} at the Tour",
)
PREPOSITIONS = ("to", "naar", "à", "al", "zu", "nach", "para", "for", "with", "at")
EXTRA = (
    "He joins the team next year.",
    "Il rejoint l'équipe.",
    "Hij vertrekt bij de ploeg.",
    "The move was confirmed.",
    "She rode for the team at the Tour.",
    "Er wechselt zum Team.",
    "It is a signing.",
    "",
)


def test_generated_stories_answer_the_same(tagger: Tagger) -> None:
    records: list[dict] = []
    for path in SENTENCE_SOURCES:
        with path.open(encoding="utf-8") as fh:
            records += read_jsonl(fh, str(path))
    rng = random.Random(15)
    roster = tagger.roster
    riders = [p.name for p in roster.people.values() if p.kind == "rider"]
    teams = [t.current_name for t in roster.teams.values()]
    sentences = [s for r in records for s in re.split(r"(?<=[.!?])\s+", r["text"]) if s]
    skipped = 0
    for n in range(400):
        names = {"p": rng.choice(riders), "q": rng.choice(riders)}
        names |= {"t": rng.choice(teams), "u": rng.choice(teams)}
        title = rng.choice(HEADLINES).format(**names, prep=rng.choice(PREPOSITIONS), n=n)
        body = [rng.choice(sentences) for _ in range(rng.randint(0, 6))]
        body.insert(rng.randint(0, len(body)), rng.choice(EXTRA))
        text = " ".join(body)
        if rng.random() < 0.2:
            text = text.upper()
        skipped += _compare(tagger, title, text, None, rng.choice((None, "en", "nl")), None)
    # Most generated headlines carry a move word; the skip path must still be walked
    # often enough to mean something (20 of 400 with today's cues).
    assert skipped >= 10


def test_every_move_cue_found_by_the_scan_starts_with_a_start_string(
    records: list[dict],
) -> None:
    """The automaton's strings cover every move cue the scan finds in the corpus."""
    starts = prefilter.move_cue_starts()
    found = 0
    for record in records:
        low = lowered(f"{record['title']}\n\n{record['text']}")
        for hit in scan_cues(low)["move"]:
            assert any(low.startswith(s, hit.start) for s in starts), low[hit.start : hit.end]
            found += 1
    assert found > 100


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("join(?:s|ed)?\\b", {"join"}),
        ("rejoin(?:s|ed)\\b", {"rejoins", "rejoined"}),
        ("mov(?:e|es) (?:to|over to)\\b", {"move to", "move over to", "moves to", "moves over to"}),
        ("agree(?:s|d)? (?:a |an )?(?:[\\w-]+ ){0,2}deal", {"agree ", "agrees ", "agreed "}),
        ("rid[ae] for", {"rida for", "ride for"}),
        ("sign\\w* with", {"sign"}),
        ("(?:is|are) off to", {"is off to", "are off to"}),
    ],
)
def test_pattern_starts(pattern: str, expected: set[str]) -> None:
    assert prefilter.pattern_starts(pattern) == expected
    # every match begins with one of the strings
    compiled = re.compile(pattern)
    for text in ("joined", "moves over to", "agreed a two-year deal", "ride for", "signs with"):
        found = compiled.match(text)
        if found:
            assert any(found.group().startswith(s) for s in expected)


def test_a_pattern_without_a_literal_start_is_refused() -> None:
    with pytest.raises(ValueError, match="literal start"):
        prefilter.pattern_starts("(?:a|b)?\\w+")


def test_every_bundled_move_cue_has_start_strings() -> None:
    lexicon = pooled()
    for family in MOVE_FAMILIES:
        for compiled in lexicon.compiled(FAMILIES[family]):
            assert all(len(s) >= 2 for s in prefilter.pattern_starts(compiled.pattern))


def test_the_succession_walk_says_no_only_where_the_expression_finds_none(
    records: list[dict],
) -> None:
    """The walk of the succession words' start strings is a necessary condition of the
    expression's search: on every development story, on each word alone and inside
    other words, and on near misses."""
    walk, search = prefilter._succession_starts(), prefilter._any_succession().search
    words = sorted(pooled().words("successions"))
    texts = [lowered(f"{r['title']}\n\n{r['text']}") for r in records]
    texts += [f"x {w} y" for w in words] + [f"un{w}ed" for w in words]
    texts += [w[:-1] for w in words] + ["he took over the lead", "she replaced her tyre"]
    found = 0
    for low in texts:
        if search(low):
            assert walk.any_in(low), low[:80]
            found += 1
    assert found >= 2 * len(words)
    assert not walk.any_in("the race went over the col")
