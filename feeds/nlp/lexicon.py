"""The transfer vocabulary: one data file per language, loaded and checked once.

`feeds/nlp/lexicons/<code>.toml` holds one language's patterns keyed by concept (the
keys of `CONCEPTS`; en.toml says what each means), and `common.toml` the patterns several
languages share. A language is added by adding its file: nothing here lists languages
except `POOL_ORDER`, the order of the founding six (a new file comes after them, by name).

A file is refused as a whole, with `<file>: <concept>[<index>]: <reason>`, when it names
an unknown concept, gives a concept anything but a list of strings, or has a pattern that
is empty or padded, not lower case (the text is lower-cased before matching), repeated,
does not compile or uses a capturing group; a word with regular-expression characters
and a cue the scan cannot index (two literal letters first) are refused too. So is a
pattern in two files (what several languages share belongs in common.toml, once) and a
file not named `<language code>.toml`, and a folder where no file gives a concept any
pattern.

`pooled()` is every bundled file together, in pool order, as feeds/nlp/transfers reads
it; `load_lexicons(folder).language(code)` is one language's own file. `stop_words` are
a language's frequent function words: feeds/nlp/transfers/language.py tells a story's
language by them, and a stop word may be in several files (never in common.toml).
`name_case_endings` are the endings an inflecting language puts on a person's name
("Tarlingom", "Pogačarja"): feeds/nlp/tag/inflected.py reads them for that language's
stories only; letters only, at most MAX_ENDING, and never in common.toml.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType

CUE = "cue"
"""Found by the scan at a word start, indexed by its first letters."""
REGEX = "regex"
"""A regular expression that a rule joins with "|" into a larger one."""
WORD = "word"
"""A plain word or phrase: a rule puts it into a regular expression or a set as it is."""

CONCEPTS: Mapping[str, str] = MappingProxyType(
    {
        # move cues
        "arrive": CUE,
        "depart": CUE,
        "acquire": CUE,
        "lose": CUE,
        "noun_arrive": CUE,
        "noun_depart": CUE,
        "courted": CUE,
        # a team taking a person in words that also tell a race ("suma a X", "accueille
        # X", "haalt X"): a move only with support in the sentence (transfers/weak_cues.py)
        "acquire_weak": CUE,
        # fr "a engagé X": a signing, or entering X in a race; no race in the sentence
        "acquire_entry": CUE,
        # status cues
        "confirmed": CUE,
        "reported_by": CUE,
        "rumour": CUE,
        "rumour_weak": CUE,
        "rumour_superseded": CUE,
        "rumour_fulfilled": CUE,
        "hedge_idioms": CUE,
        "dispute": CUE,
        # lists of arrivals
        "newcomers": CUE,
        # stages of a move (the rumour ladder)
        "talks": CUE,
        "agreement": CUE,
        # veto cues
        "retirement": CUE,
        "extension": CUE,
        "race": CUE,
        "organisation": CUE,
        "background": CUE,
        # status words
        "attributions": WORD,
        "announcing_auxiliaries": REGEX,
        "announcing_verbs": WORD,
        "negation": REGEX,
        # grammar
        "verb_final": WORD,
        # how a move verb reads
        "race_nouns": WORD,
        "colours": WORD,
        "mutual_depart": WORD,
        "swap_verbs": WORD,
        "swap_needs_both": WORD,
        "swap_for_markers": WORD,
        "own_post_possessives": WORD,
        "own_post_prepositions": WORD,
        "own_post_articles": WORD,
        "passive_agents": WORD,
        "agent_articles": WORD,
        "thing_nouns": WORD,
        "refusal": REGEX,
        "rumours_dispelled": REGEX,
        # words around mentions
        "to_markers": WORD,
        "needs_verb_markers": WORD,
        "from_markers": WORD,
        "owner_markers": WORD,
        "affiliation_markers": WORD,
        "filler_words": WORD,
        "coordination_words": WORD,
        # what backs a weak taking cue in its sentence: a ranks phrase, a duration, an
        # origin ("dans ses rangs", "voor drie jaar", "en provenance de")
        "weak_acquire_support": REGEX,
        # right after the person a weak cue takes: a possessive or a return word ("X's
        # decision", "X back", "X niet meer bij"): no signing
        "taken_person_vetoes": REGEX,
        # a rider entered in a race: "sur", "au départ de" after an entry cue
        "race_entry_markers": REGEX,
        "respectively": WORD,
        "including": WORD,
        "pronouns": WORD,
        "relative_pronouns": WORD,
        # relative pronouns (plural ones too) that give a colon list its own verb:
        # "they join four riders who had already renewed: A, B"
        "list_relatives": WORD,
        "question_openers": WORD,
        "contrast_words": WORD,
        "while_words": WORD,
        "loss_words": WORD,
        "team_nouns": WORD,
        # a national selection's words: "the national coach adds three riders to the
        # team": the team noun means the national team, no team of the roster's
        "national_team_cues": WORD,
        "speech_verbs": WORD,
        "boss_titles": WORD,
        "companion_nouns": WORD,
        "former_markers": WORD,
        "alternatives": WORD,
        "between_markers": WORD,
        "deal_nouns": WORD,
        "newcomer_nouns": WORD,
        "race_newcomer_nouns": WORD,
        "race_places": WORD,
        "presenting_phrases": WORD,
        "additive_words": WORD,
        "topic_markers": WORD,
        "copulas": WORD,
        "past_copulas": WORD,
        "conditional_copulas": WORD,
        "copula_auxiliary_shapes": REGEX,
        "copula_refusals": WORD,
        "wish_adjectives": WORD,
        "noun_owner_markers": WORD,
        "market_nouns": WORD,
        "stage_words": WORD,
        "dismissal_participles": WORD,
        "perfect_auxiliaries": WORD,
        "passive_auxiliaries": WORD,
        # which language a story is in
        "stop_words": WORD,
        # how the language declines a person's name
        "name_case_endings": WORD,
        # a language's everyday words that are riders' surnames too
        "everyday_words": WORD,
        # when
        "already": WORD,
        "earlier": REGEX,
        "earlier_determiners": WORD,
        "currently": WORD,
        "this_season": REGEX,
        "past_year_markers": WORD,
        "season_markers": WORD,
        "season_articles": WORD,
        "contract_nouns": WORD,
        "contract_end_verbs": REGEX,
        "contract_end_prepositions": WORD,
        "until_markers": WORD,
        "until_articles": WORD,
        "next_season": REGEX,
        # a rider with no team for the coming season
        "teamless": REGEX,
        # a contract a team ends: "terminates the contract of X"
        "contract_ended": REGEX,
        # people no longer the team's: "X will no longer ride for", "no place any more for X"
        "no_longer": REGEX,
        "no_place": REGEX,
        # staff stepping down: "X steps down as team manager"
        "steps_down": REGEX,
        # a list of riders the team does not keep: "A and B are on their way out"
        "not_kept": REGEX,
        # a team's verb split around its list of signings: "trok A (T1) en B (T2) aan"
        "split_acquire": REGEX,
        # a list continued after one of arrivals: "To complete the trio, two Germans: A (T1) ..."
        "list_continued": REGEX,
        # signings told together: "X joins T, as do A and B"
        "likewise": WORD,
        # "another team": a destination that is not the story's team
        "other_words": WORD,
        # people named by a pronoun or a description, followers, staff by role
        "object_pronouns": WORD,
        "clitic_pronouns": WORD,
        "pronoun_articles": WORD,
        "person_descriptions": WORD,
        "description_articles": WORD,
        "age_descriptions": REGEX,
        "following": REGEX,
        "noun_links": WORD,
        "become_verbs": WORD,
        "staff_roles": WORD,
        "successions": WORD,
        "role_determiners": WORD,
        "predicate_markers": WORD,
        # a signing said by a word's stem, whatever its inflection (the story-level reader)
        "signing_stems": REGEX,
        # an everyday verb that signs only with a team as subject, the person as object
        "acquiring_stems": REGEX,
        # "ahead of A (T1)": a placing in a result, no list of signings
        "ahead_markers": REGEX,
        # "without X": a person named as missing from a team, not signed by it
        "without_words": WORD,
        # "signs autographs", "s'offre la victoire": the signing verb's object is a thing
        "signed_things": REGEX,
        "won_things": REGEX,
        # a word beside a person's name that makes it a race's, a street's or a
        # building's ("Memorial Marco Pantani", "rue Jean Jaurès", "Harry Smith Street"):
        # no person there (feeds/nlp/transfers/unknown_people.py)
        "name_frames": WORD,
        # words that may stand inside a surname ("van der", "de la", "dos")
        "surname_particles": WORD,
        # people who speak of moves but do not make them: "journalist X", "agent X",
        # "X, CEO of the sponsor" (a word that ends in one counts: "Superagent")
        "outsider_roles": WORD,
        # between a team and its owner's name: "NSN de Andrés Iniesta", "the team of X"
        "name_genitives": WORD,
        # who is told: "told Sporza's X that he will join", "gegenüber X": the listener
        # is no mover (feeds/nlp/transfers/unknown_people.py)
        "speech_recipients": WORD,
        # what opens a reported clause after a speech verb: "X said that he has signed"
        # tells X's own move, unlike "..., said X."
        "reported_markers": WORD,
        # a company's part in a team: "X as their new clothing partner", "X, who will
        # supply ...": a name before one in its sentence is a brand, not a person
        "company_words": WORD,
        # what places a person at a team in the story's own words: "X of Lotto", "A and
        # B at Cofidis", "in the Cofidis squad" (an article maybe: `incumbent_articles`)
        "incumbent_markers": WORD,
        "incumbent_articles": WORD,
        # another sport named in a story ("formula 1", "calcio"): people the roster does
        # not know move there only if the story reads as cycling too
        "other_sports": WORD,
        # a past career verb ("rode for", "reed voor", "correva per"): in its sentence,
        # someone other than the story's subject moves in the past, not in the news
        "career_verbs": WORD,
        # an article right before a lone capitalised word makes it a noun, never a
        # surname mention ("der Meister von 2024", "the Young Rider award")
        "name_determiners": WORD,
        # riders the roster does not know (feeds/nlp/tag/unknown_riders.py):
        # a noun only a racing cyclist is called ("coureur", "renner", "neo-pro"): a name
        # in apposition with one is a rider's; singular and plural apart
        "rider_nouns": WORD,
        "rider_plurals": WORD,
        # everyday words for anyone on a bike ("cyclist", "ciclista", "kolesar"): proof
        # of racing only beside a team
        "cyclist_nouns": WORD,
        "cyclist_plurals": WORD,
        # a word before a rider noun that makes the person no pro road rider
        # ("amateur", "junior", "track", "MotoGP", "Formel-1-")
        "non_pro_markers": WORD,
        # "retired", "the late", "ex-pro": read with former_markers, by this reader only
        "retired_markers": WORD,
        # what may stand between an apposition's comma and its rider noun ("X, a young
        # rider"): articles, age words, qualifiers
        "apposition_words": WORD,
        # a preposition or genitive article after the noun: it heads a complement
        # ("rider of the club"), which only a team may fill
        "complement_words": WORD,
        # the words that join a list's last two items ("and", "et", "og", "in")
        "list_conjunctions": WORD,
        # a nomination, award or past-winners' list: its items are of any sport or era
        "honour_nouns": WORD,
    }
)

COMMON = "common"
POOL_ORDER = (COMMON, "en", "nl", "fr", "it", "es", "de")
"""Shared patterns, then the languages in the order the vocabulary has always listed them.
The order within a concept does not change what today's rules find (each tests for a
match, or reads one that only one alternative can make); a fixed order keeps the built
rules the same from run to run."""

KEY_LEN = 3
"""The scan indexes a cue by the first three letters of the word it starts at."""

_FILE_NAME = re.compile(r"[a-z]{2,3}(?:_[a-z0-9]+)?")
_REGEX_CHARACTERS = frozenset("\\.^$*+?{}[]()|")
_ESCAPE = re.compile(r"\\.")


class LexiconError(ValueError):
    """A lexicon file that cannot be used, with where and why."""

    def __init__(self, source: str, concept: str | None, index: int | None, reason: str):
        where = source
        if concept is not None:
            where += f": {concept}" + (f"[{index}]" if index is not None else "")
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Patterns by concept; a concept the file leaves out has none. The regular
    expressions (cues and regex pieces) are kept as they were compiled to be checked."""

    name: str
    concepts: Mapping[str, tuple[str, ...]]
    regexes: Mapping[str, tuple[re.Pattern[str], ...]]

    def __getitem__(self, concept: str) -> tuple[str, ...]:
        if concept not in CONCEPTS:
            raise KeyError(concept)
        return self.concepts.get(concept, ())

    def compiled(self, concept: str) -> tuple[re.Pattern[str], ...]:
        """A cue or regex concept's patterns, compiled, in the order of `self[concept]`."""
        if CONCEPTS[concept] == WORD:
            raise KeyError(f"{concept} is a list of words, not of regular expressions")
        return self.regexes.get(concept, ())

    def alternation(self, concept: str) -> str:
        """The patterns as one regular-expression alternation ("a|b|c")."""
        return "|".join(self[concept])

    def words(self, concept: str) -> frozenset[str]:
        return frozenset(self[concept])


def literal_alternation(words: Iterable[str]) -> str:
    """Words (not patterns) as one regular-expression alternation, escaped, the longest
    first so that a longer word wins where a shorter one begins it ("a|b|c")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Every file of a lexicon folder, in pool order (common.toml first)."""

    files: tuple[Lexicon, ...]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.files if f.name != COMMON)

    def language(self, code: str) -> Lexicon:
        """One file as it is: a language's own patterns (or the shared ones, "common")."""
        for lexicon in self.files:
            if lexicon.name == code:
                return lexicon
        raise KeyError(f"no lexicon for {code!r} (have: {', '.join(f.name for f in self.files)})")

    def pool(self, codes: Iterable[str] | None = None) -> Lexicon:
        """The shared patterns and those of the given languages (all by default), together."""
        wanted = None if codes is None else {COMMON, *codes}
        chosen = [f for f in self.files if wanted is None or f.name in wanted]
        written = {c: tuple(p for f in chosen for p in f.concepts.get(c, ())) for c in CONCEPTS}
        regexes = {c: tuple(r for f in chosen for r in f.regexes.get(c, ())) for c in CONCEPTS}
        return Lexicon(
            "+".join(f.name for f in chosen),
            MappingProxyType(written),
            MappingProxyType({c: r for c, r in regexes.items() if CONCEPTS[c] != WORD}),
        )


def index_keys(pattern: str) -> list[str]:
    """Index keys (up to three letters) a cue can start with; ValueError if there are none."""
    if pattern.startswith("(?:"):
        group = pattern[3 : pattern.index(")")]
        rest = pattern[pattern.index(")") + 1 :]
        if rest[:1] in ("?", "*", "{"):
            raise ValueError("a cue must not start with an optional group")
        alts = [_literal(alt + rest) for alt in group.split("|")]
    else:
        alts = [_literal(pattern)]
    if any(len(a) < 2 for a in alts):
        raise ValueError("a cue must start with two literal letters")
    return sorted({a[:KEY_LEN] if len(a) >= KEY_LEN else a for a in alts})


def _literal(pattern: str) -> str:
    """The plain characters a pattern surely starts with ("rumou?r" -> "rumo")."""
    out = []
    for i, ch in enumerate(pattern):
        if not (ch.isalnum() or ch in "' -"):
            break
        if i + 1 < len(pattern) and pattern[i + 1] in "?*{":
            break
        out.append(ch)
    return "".join(out)


class _Refused(Exception):
    """Why one pattern cannot be used; the caller adds where it is."""


def _checked(kind: str, pattern: str, concept: str = "") -> re.Pattern[str] | None:
    """The pattern compiled (None for a word, which needs no compiling), or _Refused."""
    if not pattern or pattern != pattern.strip():
        raise _Refused("must not be empty or start or end with a space")
    if _ESCAPE.sub("", pattern) != _ESCAPE.sub("", pattern).lower():
        raise _Refused("must be lower case (the text is lower-cased before matching)")
    if concept == "name_case_endings" and not (pattern.isalpha() and len(pattern) <= MAX_ENDING):
        raise _Refused(f"a case ending is one to {MAX_ENDING} letters, nothing else")
    if kind == WORD:
        bad = sorted(_REGEX_CHARACTERS.intersection(pattern))
        if bad:
            raise _Refused(f"a word may not use regular-expression characters ({' '.join(bad)})")
        return None
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise _Refused(f"does not compile: {exc}") from None
    if compiled.groups:
        raise _Refused("has a capturing group; write (?:...)")
    if kind == CUE:
        try:
            index_keys(pattern)
        except ValueError as exc:
            raise _Refused(f"cannot be indexed by the scan: {exc}") from None
    return compiled


def _concept_patterns(
    source: str, concept: str, value: object
) -> tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]:
    """A concept's patterns as written and, for regular expressions, compiled."""
    if concept not in CONCEPTS:
        close = difflib.get_close_matches(concept, list(CONCEPTS), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise LexiconError(source, concept, None, f"unknown concept{hint}")
    if not isinstance(value, list):
        kind = "a table" if isinstance(value, dict) else type(value).__name__
        raise LexiconError(source, concept, None, f"must be a list of strings, not {kind}")
    seen: dict[str, int] = {}
    regexes = []
    for i, pattern in enumerate(value):
        if not isinstance(pattern, str):
            shown = "a table" if isinstance(pattern, dict) else type(pattern).__name__
            raise LexiconError(source, concept, i, f"must be a string, not {shown}")
        try:
            compiled = _checked(CONCEPTS[concept], pattern, concept)
        except _Refused as refused:
            raise LexiconError(source, concept, i, f"{pattern!r} {refused}") from None
        if pattern in seen:
            raise LexiconError(
                source, concept, i, f"{pattern!r} repeats {concept}[{seen[pattern]}]"
            )
        seen[pattern] = i
        if compiled is not None:
            regexes.append(compiled)
    return tuple(value), tuple(regexes)


def parse_lexicon(text: str, source: str, name: str) -> Lexicon:
    """One lexicon file's text, checked; `source` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(source, None, None, f"not valid TOML: {exc}") from None
    checked = {concept: _concept_patterns(source, concept, v) for concept, v in data.items()}
    return Lexicon(
        name,
        MappingProxyType({concept: written for concept, (written, _) in checked.items()}),
        MappingProxyType({concept: regexes for concept, (_, regexes) in checked.items()}),
    )


def _pool_rank(name: str) -> tuple[int, str]:
    return (POOL_ORDER.index(name), "") if name in POOL_ORDER else (len(POOL_ORDER), name)


SHAREABLE = frozenset({"stop_words", "name_case_endings", "everyday_words"})
"""Concepts a word may be in several files for: a stop word counts for each language that
has it (Danish and Norwegian share most), and common.toml has none; inflecting languages
share case endings ("a", "u") as they are, each routed to its own stories."""

PER_LANGUAGE = frozenset(
    {
        "contrast_words",
        "owner_markers",
        "question_openers",
        "loss_words",
        # a newcomer named by a copula (copular.py): German "er" is a pronoun, Danish "er"
        # a copula; German "was" is "what"
        "newcomer_nouns",
        "race_newcomer_nouns",
        "race_places",
        "presenting_phrases",
        "additive_words",
        "topic_markers",
        "copulas",
        "past_copulas",
        "conditional_copulas",
        "copula_auxiliary_shapes",
        "copula_refusals",
        "wish_adjectives",
        "noun_owner_markers",
    }
)
"""Concepts the rules read in the story's own languages only: a word two languages share
goes in each of their files, never in common.toml, which every story reads (Danish "men"
is "but"; Dutch "men" is "one", and an English "the men ride" no contrast)."""

MAX_ENDING = 4
"""A case ending is a few letters: a longer one would cut into the name itself."""


def _check_shared(files: list[tuple[str, Lexicon]]) -> None:
    """A pattern in two files is refused: several languages' patterns go to common.toml."""
    first: dict[tuple[str, str], str] = {}
    for source, lexicon in files:
        for concept, patterns in lexicon.concepts.items():
            if concept in SHAREABLE or concept in PER_LANGUAGE:
                continue
            for i, pattern in enumerate(patterns):
                other = first.setdefault((concept, pattern), source)
                if other != source:
                    raise LexiconError(
                        source,
                        concept,
                        i,
                        f"{pattern!r} is in {other} too: a pattern several languages share "
                        "goes in common.toml, once",
                    )


def load_lexicons(folder: str | Path | Traversable | None = None) -> Lexicons:
    """Every `*.toml` of a lexicon folder (the bundled one by default), checked."""
    if folder is None:
        root: Path | Traversable = resources.files("feeds.nlp") / "lexicons"
        shown = "feeds/nlp/lexicons"
    else:
        root = Path(folder) if isinstance(folder, str) else folder
        shown = str(root)
    items = [item for item in root.iterdir() if item.name.endswith(".toml")]
    files: list[tuple[str, Lexicon]] = []
    for item in sorted(items, key=lambda item: _pool_rank(item.name[: -len(".toml")])):
        name = item.name[: -len(".toml")]
        source = f"{shown}/{item.name}"
        if not _FILE_NAME.fullmatch(name) and name != COMMON:
            raise LexiconError(source, None, None, "name it <language code>.toml, e.g. pt.toml")
        try:
            text = item.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(source, None, None, f"cannot read: {exc}") from None
        files.append((source, parse_lexicon(text, source, name)))
    if not files:
        raise LexiconError(shown, None, None, "no lexicon files (*.toml)")
    _check_shared(files)
    for source, lexicon in files:
        if lexicon.name == COMMON and lexicon.concepts.get("stop_words"):
            raise LexiconError(
                source, "stop_words", None, "tell one language from another: not shared"
            )
        for concept in sorted(PER_LANGUAGE):
            if lexicon.name == COMMON and lexicon.concepts.get(concept):
                raise LexiconError(
                    source, concept, None, "read in each story's languages: not shared"
                )
        if lexicon.name == COMMON and lexicon.concepts.get("name_case_endings"):
            raise LexiconError(
                source, "name_case_endings", None, "one language's grammar: not shared"
            )
    for concept in CONCEPTS:
        # an empty alternation would match everywhere and turn its rule on everywhere
        if not any(lexicon.concepts.get(concept) for _, lexicon in files):
            raise LexiconError(shown, concept, None, "no file gives it a pattern")
    return Lexicons(tuple(lexicon for _, lexicon in files))


@cache
def bundled() -> Lexicons:
    """The bundled lexicon files, loaded once."""
    return load_lexicons()


@cache
def pooled() -> Lexicon:
    """Every bundled language together, in pool order: what feeds/nlp/transfers reads."""
    return bundled().pool()


@cache
def story_lexicon(languages: tuple[str, ...] | None) -> Lexicon:
    """The lexicon a story's rules read: its languages' files with common.toml, or every
    file pooled when its language is unknown (None). Built once per language tuple."""
    return pooled() if languages is None else bundled().pool(languages)
