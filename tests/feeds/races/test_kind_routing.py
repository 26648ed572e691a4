"""Kind words are read in the story's language: the feed's declared one first, else the
one its stop words tell, every language pooled only when neither names a language with a
kind lexicon. English words count in every language's stories."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from feeds.nlp.document import Document
from feeds.nlp.kinds import parse_kind_lexicon
from feeds.races import bundled_calendar
from feeds.races.terms import Terms
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText

# "corsa" is Italian for a race; here it is a lineup word of Italian only.
LEXICONS = {
    "en": parse_kind_lexicon('result = ["wins"]', "en.toml", "en"),
    "it": parse_kind_lexicon('lineup = ["corsa"]\nresult = ["vince"]', "it.toml", "it"),
    "de": parse_kind_lexicon('crash = ["sturz"]', "de.toml", "de"),
}


@pytest.fixture(scope="module")
def terms() -> Terms:
    return Terms(bundled_calendar(), [], LEXICONS)


def concepts(terms: Terms, text: str, language: str | None) -> Counter[str]:
    folded = FoldedText(text).folded
    found: Counter[str] = Counter()
    for _, (_, entry) in terms.words(folded, 0, len(folded), language):
        found.update(entry.concepts)
    return found


def test_a_story_reads_its_own_language_and_english(terms: Terms) -> None:
    text = "Ganna vince la corsa, wins again; Sturz"
    assert concepts(terms, text, "it") == Counter({"result": 2, "lineup": 1})
    assert concepts(terms, text, "de") == Counter({"crash": 1, "result": 1})
    assert concepts(terms, text, "en") == Counter({"result": 1})


def test_an_unknown_language_reads_every_language_pooled(terms: Terms) -> None:
    text = "Ganna vince la corsa, wins again; Sturz"
    pooled = Counter({"result": 2, "lineup": 1, "crash": 1})
    assert concepts(terms, text, None) == pooled
    assert not terms.routed("pl") and not terms.routed(None)
    assert concepts(terms, text, "pl") == pooled


@pytest.mark.parametrize(
    ("declared", "text", "language"),
    [
        ("pt-BR", "O ciclista venceu a etapa de ontem.", "pt"),
        ("EN", "The rider won the stage.", "en"),
        # Undeclared: the stop words tell.
        (None, "Il corridore ha vinto la tappa di ieri con una volata e con il gruppo.", "it"),
        (None, "Der Fahrer hat die Etappe gewonnen und ist mit dem Team in das Ziel.", "de"),
        # A language with no kind lexicon, or none the stop words make clear: pooled.
        ("pl", "Kolarz wygrał etap.", None),
        (None, "Pogačar, Vingegaard, Evenepoel.", None),
    ],
)
def test_the_language_a_story_is_read_in(
    tagger: Tagger, declared: str | None, text: str, language: str | None
) -> None:
    doc = Document("Headline", text, date(2025, 7, 10), declared)
    assert tagger.races._language(doc) == language


@pytest.mark.parametrize(
    ("language", "title", "text", "kind"),
    [
        # "corre" (runs) is an Italian lineup word, "sturz" a German crash word: in a
        # story in another language they are no kind words at all.
        ("it", "Pogačar corre il Giro d'Italia", "Tadej Pogačar sarà al via.", "lineup"),
        ("de", "Pogačar: Sturz am Giro d'Italia", "Tadej Pogačar stürzte.", "crash"),
    ],
)
def test_a_kind_word_counts_in_its_own_language(
    tagger: Tagger, language: str, title: str, text: str, kind: str
) -> None:
    day = date(2024, 5, 10)
    assert tagger.tag(title, text, day, True, language=language).kind == kind


def test_another_language_s_word_no_longer_decides_an_english_story(tagger: Tagger) -> None:
    # Italian "corre*" (runs: a rider's programme) starts "correction" and "correspondent".
    title = "Tour de France: a correction"
    text = "Our correspondent corrects the times given yesterday; a correction follows."
    day = date(2024, 7, 10)
    assert tagger.tag(title, text, day, True, language="en").kind == "other"
    # Polish has no kind lexicon: every language pooled, as before routing.
    assert tagger.tag(title, text, day, True, language="pl").kind == "lineup"
