"""Everyday words that are riders' surnames too, by the story's language: "Im Zimmer des
Teamhotels", "Dia de Reis", "La Stella di Bessèges". Such a surname alone is the word, not
the rider, unless the rider's team stands next to it, the story names the rider in full or
a list of riders holds it (`surnames.surname`, `listed`), as for the everyday words of
every language (`feeds.nlp.cues.names.COMMON_WORDS`).

The words are data, per language (`everyday_words` in the language's lexicon file; the
ones of common.toml in every story), read for a story in that language only: the feed's
declared one, else the one its opening is written in (as the case endings of names are),
else every language's.
"""

from __future__ import annotations

from functools import cache

from feeds.nlp.lexicon import COMMON, bundled
from feeds.nlp.tag.names import folded
from feeds.nlp.transfers.language import OPENING, declared, detect


@cache
def _by_language() -> dict[str, frozenset[str]]:
    lexicons = bundled()
    return {
        code: frozenset(folded(w) for w in lexicons.language(code)["everyday_words"])
        for code in (COMMON, *lexicons.languages)
    }


@cache
def _every_language() -> frozenset[str]:
    return frozenset().union(*_by_language().values())


def everyday_words(language: str | None, text: str) -> frozenset[str]:
    """The folded everyday words of the story's language, with those of every language;
    a story whose language cannot be told (a line or two) gets every language's."""
    by_language = _by_language()
    code = declared(language) or detect(text[:OPENING].lower())
    if code is None:
        return _every_language()
    return by_language[COMMON] | by_language.get(code, frozenset())
