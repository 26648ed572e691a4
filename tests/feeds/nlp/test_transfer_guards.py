"""Cheap guards in front of transfer rules answer as the rules do without them: every
development story is read with and without each guard and the evidence compared."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from feeds.evaluation import read_jsonl
from feeds.nlp.document import Document
from feeds.nlp.lexicon import bundled, pooled
from feeds.nlp.transfers import extract, likewise, staff_roles
from feeds.nlp.transfers.language import scan_languages
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, split_sentences
from feeds.roster import load_roster
from feeds.tagger import Tagger
from tests.corpus import development_sets


@pytest.fixture(scope="module")
def stories() -> list[tuple[Document, list]]:
    tagger = Tagger(load_roster())
    out = []
    for path in development_sets():  # never a sealed set
        with path.open(encoding="utf-8-sig") as fh:
            for r in read_jsonl(fh, str(path)):
                language = r.get("lang") if isinstance(r.get("lang"), str) else None
                doc = Document(r["title"], r["text"], r["_published"], language)
                out.append((doc, tagger.mentions(r["title"], r["text"], r["_published"], True)))
    return out


def _evidence(doc: Document, mentions: list, roster) -> list[Evidence]:
    """Every piece of evidence the story is read into (compared field by field)."""
    reading = extract.read_document(doc, mentions, roster)
    return [] if reading is None else list(reading.story.evidence)


def _staff_roles_unguarded(story: Story, spans: Sequence[Span]) -> None:
    """`staff_role_moves` as it was: each sentence's people and lists worked out first."""
    phrases = staff_roles.story_phrases(story)
    for sentence in spans:
        named = staff_roles._Named.of(story, sentence)
        found = list(phrases.finditer(staff_roles._SUCCESSION, sentence.start, sentence.end))
        staff_roles._successions(story, sentence, named, found)
        for hit in phrases.finditer(staff_roles.APPOINTED, sentence.start, sentence.end):
            people = staff_roles._appointees(story, named, hit.start())
            team = staff_roles._team(story, sentence, hit, people)
            if not people or team is None:
                continue
            for person in people:
                ev = Evidence(person.entity_id, "arrive", sentence.sentence, sentence.title, False)
                ev.to = {team: 2.0}
                ev.subject_start, ev.cue_start = sentence.start, hit.start()
                story.evidence.append(ev)


class _Always:
    """A walk that always says the words may be there."""

    def any_in(self, text: str) -> bool:
        return True


def _without_guard(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if name == "staff_role_moves":
        monkeypatch.setattr(extract, "staff_role_moves", _staff_roles_unguarded)
    else:
        shape = likewise._shape
        monkeypatch.setattr(
            likewise,
            "_shape",
            lambda languages: replace(shape(languages), likewise_starts=_Always()),
        )


@pytest.mark.parametrize("name", ["staff_role_moves", "likewise_moves"])
def test_every_development_story_reads_the_same_without_the_guard(
    stories: list[tuple[Document, list]], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    roster = load_roster()
    guarded = [_evidence(doc, mentions, roster) for doc, mentions in stories]
    _without_guard(name, monkeypatch)
    without = [_evidence(doc, mentions, roster) for doc, mentions in stories]
    assert guarded == without
    assert sum(map(len, guarded)) > 500  # the stories do give evidence


def test_the_likewise_walk_says_no_only_where_no_sentence_has_the_words(
    stories: list[tuple[Document, list]],
) -> None:
    found = 0
    for doc, _ in stories:
        shape = likewise._shape(scan_languages(doc.language, doc.low))
        spans = split_sentences(doc.text)
        if any(shape.likewise.search(doc.low, s.start, s.end) for s in spans):
            assert shape.likewise_starts.any_in(doc.low)
            found += 1
    assert found >= 5


@pytest.mark.parametrize("languages", [None, ("en",), ("nl", "en"), ("de", "en"), ("sl",)])
def test_the_likewise_walk_finds_every_word_of_the_languages(
    languages: tuple[str, ...] | None,
) -> None:
    shape = likewise._shape(languages)
    words = (
        pooled().words("likewise")
        if languages is None
        else bundled().pool(languages).words("likewise")
    )
    for word in words:
        text = f"x joins t, {word} y and z."
        assert shape.likewise.search(text), word
        assert shape.likewise_starts.any_in(text), word
    assert not shape.likewise_starts.any_in("a climber who joins a team.")
