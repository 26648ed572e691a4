"""The expressions copular.py reads, built once per language tuple from the story's own
lexicon files (every concept is per language: `lexicon.PER_LANGUAGE`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from feeds.nlp.lexicon import literal_alternation, story_lexicon

GAP = 60
"""Characters at most between the noun phrase and the copula, and between the copula and
the name: a description ("the 25-year-old Polish rider") fits, a second clause does not."""
BREAK = re.compile(r"[.,;!?()\"«»“”]")
"""What ends the stretch a noun, its copula and the name must share: a comma too ("der
Neuzugang ist noch offen, X bleibt"); a colon may open the name ("the third
reinforcement is the least known: the Russian X")."""
NEVER = re.compile("(?!)")


def _words(words: frozenset[str] | set[str]) -> re.Pattern[str]:
    """The words as one expression, whole words only, longest first."""
    if not words:
        return NEVER
    return re.compile(r"(?<!\w)(?:" + literal_alternation(words) + r")(?!\w)")


@dataclass(frozen=True, slots=True)
class CopularPatterns:
    nouns: tuple[str, ...]
    noun: re.Pattern[str]
    race_noun: re.Pattern[str]
    """The nouns with a race sense too (`race_newcomer_nouns`)."""
    copula: re.Pattern[str]
    copula_end: re.Pattern[str]
    """The copula right after a name, before a noun phrase: "X is the new signing"."""
    past: frozenset[str]
    conditional: frozenset[str]
    contrast: re.Pattern[str]
    """A contrast word after a conditional's name: the sentence denies the wish ("would be
    X, but he has a contract until 2028")."""
    to_word: re.Pattern[str]
    """A to-word between the copula and the name: the person is someone the newcomer is
    for ("the new signing is expected to help X", "un soutien pour X")."""
    negation: re.Pattern[str]
    """The sentence says no ("the new signing is not X", "X is not the new signing")."""
    refusal: re.Pattern[str]
    """An agent or comitative word before the name (`copula_refusals`)."""
    auxiliary: re.Pattern[str]
    """A participle or subject pronoun right after the copula (`copula_auxiliary_shapes`)."""
    wish: re.Pattern[str]
    race_place: re.Pattern[str]
    """A race place a race noun is about (`race_places`): "on the podium", "del podio"."""
    owners: frozenset[str]
    """Words that make the noun after them another noun's dependent (`noun_owner_markers`)."""
    at_words: frozenset[str]
    """Words before a team that say where a person rides ("at", "bei", "chez", "hos")."""


def copular_patterns(languages: tuple[str, ...] | None) -> CopularPatterns | None:
    """The patterns of the story's own language (the first of `languages`: English is added
    to every story's cues, but German "was" is "what"); every language's when unknown.
    None when they have no newcomer noun or copula."""
    return _patterns(languages[:1] if languages else None)


@cache
def _patterns(languages: tuple[str, ...] | None) -> CopularPatterns | None:
    lex = story_lexicon(languages)
    nouns = lex.words("newcomer_nouns") | lex.words("race_newcomer_nouns")
    past = lex.words("past_copulas")
    conditional = lex.words("conditional_copulas")
    copulas = lex.words("copulas") | past | conditional
    if not nouns or not copulas:
        return None
    alt = "|".join(map(re.escape, sorted(copulas, key=len, reverse=True)))
    negations = list(lex["negation"])
    shapes = list(lex["copula_auxiliary_shapes"])
    return CopularPatterns(
        nouns=tuple(sorted(nouns, key=len, reverse=True)),
        noun=_words(nouns),
        race_noun=_words(lex.words("race_newcomer_nouns")),
        copula=re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)"),
        copula_end=re.compile(r"\s+(?:" + alt + r")(?!\w)"),
        past=past,
        conditional=conditional,
        contrast=_words(lex.words("contrast_words")),
        to_word=_words(lex.words("to_markers")),
        negation=(
            re.compile("|".join(r"(?<!\w)(?:" + n + ")" for n in negations)) if negations else NEVER
        ),
        refusal=_words(lex.words("copula_refusals")),
        auxiliary=(re.compile(r"\s*(?:" + "|".join(shapes) + r")(?![\w-])") if shapes else NEVER),
        wish=_words(lex.words("wish_adjectives")),
        race_place=_words(lex.words("race_places")),
        owners=lex.words("noun_owner_markers"),
        at_words=lex.words("to_markers") | lex.words("affiliation_markers"),
    )
