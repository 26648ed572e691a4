"""Vocabulary the tagger reads as data: cycling context, descriptions, common words.

Everything here is folded before use (accents and case do not matter), so write
words the way a reader would. Languages: en, nl, fr, it, de, es.
"""

from feeds.nlp.cues.cycling import CYCLING_STRONG, CYCLING_WEAK
from feeds.nlp.cues.descriptions import (
    APPOSITION_LINKS,
    RIDER_NOUNS,
    TEAM_NOUNS_AFTER,
    TEAM_NOUNS_BEFORE,
)
from feeds.nlp.cues.names import COMMON_WORDS, EXTRA_GIVEN_NAMES, PARTICLES, ROLE_WORDS
from feeds.nlp.cues.nationalities import NATIONALITIES, PERSON_ARTICLES
from feeds.nlp.cues.team_words import (
    COMPANY_CUES,
    PLACE_PREPOSITIONS,
    PLACE_TEAM_WORDS,
    RACE_WORDS,
)

__all__ = [
    "APPOSITION_LINKS",
    "COMMON_WORDS",
    "COMPANY_CUES",
    "CYCLING_STRONG",
    "CYCLING_WEAK",
    "EXTRA_GIVEN_NAMES",
    "NATIONALITIES",
    "PARTICLES",
    "PERSON_ARTICLES",
    "PLACE_PREPOSITIONS",
    "PLACE_TEAM_WORDS",
    "RACE_WORDS",
    "RIDER_NOUNS",
    "ROLE_WORDS",
    "TEAM_NOUNS_AFTER",
    "TEAM_NOUNS_BEFORE",
]
