"""The tagger: which riders, teams and staff a story is about.

One fold and one Aho-Corasick pass per story find every candidate (names, surnames,
aliases, team names, nationality words, cycling vocabulary); the rules below then
decide which candidates are real mentions, using only the story itself, the roster
and the publication date:

- a story must be about cycling: strong vocabulary (peloton, étape, Tour de France)
  or named riders/teams; everyday sports words (race, team) only add to that, and
  a full name alone in a non-cycling story is someone else (Simon Yates the
  mountaineer);
- a full name counts; a surname alone needs capitals (not just a Title Case
  headline's) and must be settled: the same person named in full in the story, a
  team next to it, the only bearer in the roster, then men's/women's racing, a team
  named in the story, or a clearly longer career (Lotte, not Julia, Kopecky);
- a surname right after another known first name belongs to someone else ("Tiger
  Woods", "Sam Bennett"), unless it is a form of the rider's own (Tom/Thomas);
- everyday words (Woods, Power, August) need the full name or a team nearby; team
  words (Jumbo, Astana, Visma) need capitals and a cycling story, and are companies
  next to "supermarket" or "software group", places after "in", races before "Tour";
- descriptions ("the Belgian team", "de Sloveen", "Vinokourov's team") refer back to
  the team (or a staff member's team) or the one person of that country named before;
- misspelt surnames of people in the story, or after their exact first name, match
  within one or two edits.

Riders count only while active at publication (an undated story: within the last
UNDATED_GRACE_SEASONS seasons); retired riders and other people are matched, so their
names are used up, but reported only as mentions.

`Mention.how` says which rule matched: "name", "short" (Daniel Martínez), "alias"
(roster aliases and nicknames), "nickname" (team nicknames), "surname", "initial"
(M. Cavendish), "fuzzy" (a misspelling) or "description".

A `Tagger` does not change after construction (it only caches people's kinds and
categories per publication date) and is safe to share between threads.
"""

from __future__ import annotations

import gc
import logging
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from feeds.models import Mention, StoryTags
from feeds.nlp import cues
from feeds.nlp.fold import FoldedText, fold_tokens
from feeds.nlp.matcher import Matcher
from feeds.nlp.transfers import extract_transfers
from feeds.roster import Person, Roster, Team

log = logging.getLogger(__name__)

# An undated story is usually from the recent past: riders who stopped racing in
# the last seasons still count as riders in it.
UNDATED_GRACE_SEASONS = 2
# Cycling context: weight of vocabulary and entities a story needs.
CONTEXT_NEEDED = 2
STRONG_CUE_WEIGHT = 2
WEAK_CUE_WEIGHT = 1
WEAK_CUE_CAP = 2
ENTITY_WEIGHT = 2
SEASON_END_MONTH = 11
# Seasons by which one namesake's career must predate the other's to be preferred.
SENIORITY_MARGIN = 2
# How far (characters) a team may sit from a surname to settle who it is.
NEARBY_TEAM_CHARS = 80
# How close a description must be followed by a name to be that name's apposition.
APPOSITION_CHARS = 60
# Publication dates whose people's kinds and categories a Tagger keeps at once.
MAX_CACHED_DATES = 512

Kind = Literal["rider", "team", "staff", "retired"]
_Hit = tuple[int, int, int, int, "KeyInfo"]


# --- payloads stored in the automaton ---------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonKey:
    person_id: str
    how: str  # name | short | alias | surname | initial
    weak: bool = False  # needs capitals and cycling context on top


@dataclass(frozen=True, slots=True)
class TeamKey:
    team_id: str
    how: str  # name | alias | nickname
    weak: bool = False


@dataclass(frozen=True, slots=True)
class CueKey:
    weight: int


@dataclass(frozen=True, slots=True)
class CompanyKey:
    pass


@dataclass(frozen=True, slots=True)
class NationKey:
    """A nationality word; whether it describes a person or a team depends on its words."""

    country: str
    noun: bool  # "Dane", "Sloveen", "olandese": a person on its own
    adj: bool  # "Danish", "belge", "Belgische": before/after "team", "rider"


Payload = PersonKey | TeamKey | CueKey | CompanyKey | NationKey


# Read-only after the build, but not `frozen`: a frozen dataclass sets each of these
# twenty fields through object.__setattr__, which tripled the time to build 20k keys.
# eq=False: there is one KeyInfo per key, so identity is equality, and the matcher's
# build hashes it by identity instead of hashing every field of every key.
@dataclass(slots=True, eq=False)
class KeyInfo:
    """Everything one folded key can mean, sorted once at build time for fast reading.

    The derived fields below the first group answer, once per key, the questions the
    rules ask of every candidate (which ids, any weak one, any initial).
    """

    key: str
    names: tuple[PersonKey, ...] = ()  # full names and short forms
    aliases: tuple[PersonKey, ...] = ()
    surnames: tuple[PersonKey, ...] = ()  # surnames and "M. Cavendish"
    teams: tuple[TeamKey, ...] = ()
    nation: NationKey | None = None
    cue: int = 0
    company: bool = False
    entity: bool = False  # names, surnames, teams or a nationality: needs offsets
    person: bool = False  # names, aliases or surnames
    # A full name beats a short form that reads the same ("Daniel Martínez").
    full_names: tuple[PersonKey, ...] = ()
    full_ids: tuple[str, ...] = ()  # de-duplicated, in order
    strong_teams: tuple[TeamKey, ...] = ()  # team names that are no everyday word
    alias_ids: tuple[str, ...] = ()
    alias_weak: bool = False
    surname_ids: tuple[str, ...] = ()
    surname_weak: bool = False
    surname_initial: bool = False  # "M. Cavendish"
    plain_surnames: tuple[PersonKey, ...] = ()  # surnames, not initial forms

    @classmethod
    def build(cls, key: str, payloads: Iterable[Payload]) -> KeyInfo:
        names: list[PersonKey] = []
        aliases: list[PersonKey] = []
        surnames: list[PersonKey] = []
        teams: list[TeamKey] = []
        nation: NationKey | None = None
        cue = 0
        company = False
        for p in payloads:  # duplicates are harmless: readers de-duplicate ids
            if isinstance(p, PersonKey):
                if p.how in ("name", "short"):
                    names.append(p)
                elif p.how == "alias":
                    aliases.append(p)
                else:
                    surnames.append(p)
            elif isinstance(p, TeamKey):
                teams.append(p)
            elif isinstance(p, NationKey):
                nation = nation or p
            elif isinstance(p, CueKey):
                cue = max(cue, p.weight)
            else:
                company = True
        entity = bool(names or aliases or surnames or teams or nation)
        full = tuple(p for p in names if p.how == "name") or tuple(names) if names else ()
        surname_ids, surname_weak = _ids_and_weak(surnames)
        alias_ids, alias_weak = _ids_and_weak(aliases)
        return cls(
            key,
            tuple(names),
            tuple(aliases),
            tuple(surnames),
            tuple(teams),
            nation,
            cue,
            company,
            entity,
            bool(names or aliases or surnames),
            full,
            _ids_and_weak(full)[0],
            tuple(p for p in teams if not p.weak) if teams else (),
            alias_ids,
            alias_weak,
            surname_ids,
            surname_weak,
            any(p.how == "initial" for p in surnames) if surnames else False,
            tuple(p for p in surnames if p.how == "surname") if surnames else (),
        )


def _ids_and_weak(keys: Sequence[PersonKey]) -> tuple[tuple[str, ...], bool]:
    """The people of `keys` (de-duplicated, in order) and whether any key is weak."""
    # Most keys have none or one: no generators (a build makes 20k keys).
    if not keys:
        return (), False
    if len(keys) == 1:
        return (keys[0].person_id,), keys[0].weak
    return _unique(p.person_id for p in keys), any(p.weak for p in keys)


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


# --- names ------------------------------------------------------------------------


def split_name(name: str) -> tuple[list[str], list[str]]:
    """(given names, surname words) of a person's name; particles stay with the surname."""
    words = name.split()
    if len(words) < 2:
        return [], words
    i = len(words) - 1
    while i > 1 and fold_tokens(words[i - 1]) and fold_tokens(words[i - 1])[0] in cues.PARTICLES:
        i -= 1
    return words[:i], words[i:]


def surname_forms(name: str) -> list[str]:
    """Every way the surname alone may be written: "Longo Borghini" and "Borghini"."""
    given, surname = split_name(name)
    forms = [" ".join(surname)]
    # Three words with no particle: the middle one is a second given name
    # (Daniel Felipe Martínez) or the first half of a surname (Longo Borghini).
    if len(given) >= 2 and len(surname) == 1:
        forms.append(" ".join([given[-1], *surname]))
    return forms


def _is_common(word_key: str) -> bool:
    return word_key in cues.COMMON_WORDS


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


# --- resolved mentions before they become `Mention`s -------------------------------


@dataclass(slots=True)
class Candidates:
    """What the matching stage found in one story, before any rule."""

    text: FoldedText
    hits: list[_Hit]
    """(start, end, first word, end word, key) of each alias occurrence, in text order."""
    vocab: int
    """Weight of the strong cycling vocabulary (each word once)."""
    weak_vocab: int
    company_words: set[int]
    """Folded word indices of company words ("supermarket", "software")."""


@dataclass(slots=True)
class _Found:
    entity_id: str
    kind: Kind
    start: int
    end: int
    how: str
    is_team: bool = False


class Tagger:
    """Find riders, teams and staff in stories; build once per roster, share freely."""

    def __init__(self, roster: Roster) -> None:
        # Building allocates ~100k small objects; the cyclic collector would walk
        # them several times over (a third of the build time) and finds no cycles.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._build(roster)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _build(self, roster: Roster) -> None:
        self.roster = roster
        self._people: dict[str, Person] = dict(roster.people)
        self._teams: dict[str, Team] = dict(roster.teams)
        self._given: dict[str, tuple[str, ...]] = {}
        self._surnames: dict[str, tuple[str, ...]] = {}
        self._given_names: set[str] = set(cues.EXTRA_GIVEN_NAMES)
        self._nationality_words: set[str] = set()
        # One-word cycling and company vocabulary ("Tour", "Giro", "Weltmeister"): a
        # capitalised one before a surname is no first name.
        self._vocab_words: frozenset[str] = frozenset(
            _folded(term)
            for term in (*cues.CYCLING_STRONG, *cues.CYCLING_WEAK, *cues.COMPANY_CUES)
            if len(fold_tokens(term)) == 1
        )
        entries: list[tuple[str, Payload]] = []
        by_given: dict[str, list[str]] = {}
        for person in roster.people.values():
            entries.extend(self._person_entries(person))
            given, _ = split_name(person.name)
            self._given[person.id] = tuple(w for g in given for w in fold_tokens(g))
            self._surnames[person.id] = tuple(_folded(f) for f in surname_forms(person.name))
            if given:
                first = fold_tokens(given[0])
                if first:
                    self._given_names.add(first[0])
                    by_given.setdefault(first[0], []).append(person.id)
        self._by_given = {k: tuple(v) for k, v in by_given.items()}
        self._fuzzy_givens = self._fuzzy_given_index()
        self._by_date: dict[object, tuple[dict[str, Kind], dict[str, str | None]]] = {}
        for team in roster.teams.values():
            entries.extend(self._team_entries(team))
        entries.extend(self._vocab_entries())
        grouped: dict[str, list[Payload]] = {}
        for alias, payload in entries:
            words = fold_tokens(alias)
            if words:
                grouped.setdefault(" ".join(words), []).append(payload)
        self._matcher: Matcher[KeyInfo] = Matcher(
            ((key, KeyInfo.build(key, payloads)) for key, payloads in grouped.items()),
            folded=True,
        )
        self.alias_count = len(self._matcher)
        log.debug("tagger built: %d keys", self.alias_count)

    # --- building ---------------------------------------------------------------

    def _fuzzy_given_index(self) -> dict[tuple[str, int], frozenset[str]]:
        """(first two letters, length) of a word that may be a misspelt surname ->
        the first names it would have to follow.

        A story has dozens of capitalised words and almost none follows a first name
        whose bearer's surname is that close: with this, the misspelling scan looks
        at the word before only when a match is possible at all.
        """
        index: defaultdict[tuple[str, int], set[str]] = defaultdict(set)
        surnames = self._surnames
        for given, ids in self._by_given.items():
            for pid in ids:
                forms = surnames.get(pid)
                if not forms or len(forms[0]) < 6:
                    continue
                form = forms[0]
                size, limit, prefix = len(form), _fuzzy_limit(form), form[:2]
                for length in range(size - limit, size + limit + 1):
                    index[prefix, length].add(given)
        return {k: frozenset(v) for k, v in index.items()}

    def _person_entries(self, person: Person) -> Iterable[tuple[str, Payload]]:
        for alias in person.aliases:
            words = fold_tokens(alias)
            weak = len(words) == 1 or any(_is_common(w) for w in words)
            yield alias, PersonKey(person.id, "alias", weak)
        name = person.name
        given, surname = split_name(name)
        if not given:
            # A one-word name is no stronger than a nickname: capitals and context.
            yield name, PersonKey(person.id, "alias", True)
            return
        yield name, PersonKey(person.id, "name")
        for form in surname_forms(name):
            yield form, PersonKey(person.id, "surname", _is_common(_folded(form)))
        # "M. Cavendish"
        initial = fold_tokens(given[0])[:1]
        if initial:
            yield f"{initial[0][0]} {' '.join(surname)}", PersonKey(person.id, "initial")
        # "Daniel Martínez" for "Daniel Felipe Martínez"
        if len(given) >= 2:
            yield f"{given[0]} {' '.join(surname)}", PersonKey(person.id, "short")

    def _team_entries(self, team: Team) -> Iterable[tuple[str, Payload]]:
        def variants(name: str) -> set[str]:
            out = {name}
            joined = re.sub(r"(?<=\w)-(?=\w)", "", name)  # Quick-Step -> QuickStep
            out.add(joined)
            for affix in ("Team ", " Team", " Pro Cycling Team", " Pro Cycling", " Cycling Team"):
                for v in list(out):
                    if affix.startswith(" ") and v.endswith(affix):
                        out.add(v[: -len(affix)])
                    elif not affix.startswith(" ") and v.startswith(affix):
                        out.add(v[len(affix) :])
            return {v for v in out if v.strip()}

        for tn in team.names:
            for v in variants(tn.name):
                yield v, TeamKey(team.id, "name", self._weak_team_word(v))
        for alias in team.aliases:
            for v in variants(alias):
                yield v, TeamKey(team.id, "alias", self._weak_team_word(v))
        for nick in team.nicknames:
            yield nick, TeamKey(team.id, "nickname", True)

    @staticmethod
    def _weak_team_word(name: str) -> bool:
        """One word (Jumbo, Astana, Cofidis) may be a company, a place or a word."""
        words = fold_tokens(name)
        if len(words) <= 1:
            return True
        # "Red Bull", "Uno X", "EF Education": companies and brands as well.
        return len(words) == 2 and (len(words[1]) <= 1 or words[0] in {"red", "ef", "team"})

    def _vocab_entries(self) -> Iterable[tuple[str, Payload]]:
        for term in cues.CYCLING_STRONG:
            yield term, CueKey(STRONG_CUE_WEIGHT)
        for term in cues.CYCLING_WEAK:
            yield term, CueKey(WEAK_CUE_WEIGHT)
        for word in cues.COMPANY_CUES:
            yield word, CompanyKey()
        nation: dict[str, tuple[str, bool, bool]] = {}
        for country, forms in cues.NATIONALITIES.items():
            for kind in ("nouns", "adjs"):
                for word in forms[kind]:
                    key = _folded(word)
                    # Two- and three-letter forms (Est, Let, Rus) are everyday words.
                    if len(key) < 4 or key in cues.COMMON_WORDS:
                        continue
                    _, noun, adj = nation.get(key, (country, False, False))
                    nation[key] = (country, noun or kind == "nouns", adj or kind == "adjs")
        for key, (country, noun, adj) in nation.items():
            self._nationality_words.update(key.split())
            yield key, NationKey(country, noun, adj)

    # --- public API ---------------------------------------------------------------

    def mentions(
        self,
        title: str,
        text: str,
        published: date | None,
        feed_is_cycling: bool | None = None,
    ) -> list[Mention]:
        """Every resolved mention, in text order; offsets index `title + "\\n\\n" + text`."""
        if isinstance(published, datetime):
            published = published.date()  # a datetime does not compare with roster dates
        full = f"{title}\n\n{text}"
        found = self._resolve(full, published, feed_is_cycling)
        return [Mention(f.entity_id, f.kind, f.start, f.end, f.how) for f in found]

    def tag(
        self,
        title: str,
        text: str,
        published: date | None,
        feed_is_cycling: bool | None = None,
    ) -> StoryTags:
        if isinstance(published, datetime):
            published = published.date()
        mentions = self.mentions(title, text, published, feed_is_cycling)
        riders = _ordered(m.entity_id for m in mentions if m.kind == "rider")
        teams = _ordered(m.entity_id for m in mentions if m.kind == "team")
        staff = _ordered(m.entity_id for m in mentions if m.kind == "staff")
        try:
            is_transfer, moves = extract_transfers(
                f"{title}\n\n{text}", mentions, self.roster, published
            )
        except Exception:
            # The tags stand on their own: a transfer-extraction bug on one story must
            # not lose its riders and teams. Logged with the traceback to be fixed.
            log.exception("transfer extraction failed on %r", title[:80])
            is_transfer, moves = False, []
        return StoryTags(riders, teams, staff, is_transfer, list(moves))

    def team_name(self, team_id: str, published: date | None) -> str:
        return self._teams[team_id].name_on(published)

    # --- resolution ---------------------------------------------------------------

    def _date_caches(self, published: date | None) -> tuple[dict[str, Kind], dict[str, str | None]]:
        """Shared caches of people's kinds and racing categories on `published`.

        Both depend only on the person and the date (undated: on today), and the same
        riders come back story after story; filling them from several threads at once
        only writes the same answers twice.
        """
        key: object = published if published is not None else (None, _today(), date.today())
        caches = self._by_date.get(key)
        if caches is None:
            if len(self._by_date) >= MAX_CACHED_DATES:
                self._by_date.clear()
            caches = self._by_date[key] = ({}, {})
        return caches

    def _kind(self, person: Person, published: date | None) -> Kind:
        if person.kind == "staff":
            return "staff"
        if person.kind == "retired":
            return "retired"
        if person.staff_in((published or _today()).year):
            return "staff"
        if published is None:
            season = _today().year - UNDATED_GRACE_SEASONS
            active = person.retired is None or person.retired >= season
        else:
            active = person.is_active_rider(published)
            # The road season ends in October: in November and December of their last
            # season, riders who announced their retirement have stopped racing.
            if active and person.retired == published.year and published.month >= SEASON_END_MONTH:
                active = False
        return "rider" if active else "retired"

    def candidates(self, text: str) -> Candidates | None:
        """The matching stage: fold `text` once, run the automaton over it, and map each
        alias occurrence back to the original text (what the rules then settle). None
        when no alias occurs."""
        automaton = self._matcher.automaton
        if automaton is None:
            return None
        ft = FoldedText(text)
        vocab = 0
        weak_vocab = 0
        seen_cues: set[str] = set()
        company_at: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        infos: list[KeyInfo] = []
        for end_index, (length, (info,)) in automaton.iter_long(ft.folded):
            if info.cue and info.key not in seen_cues:
                seen_cues.add(info.key)
                if info.cue >= STRONG_CUE_WEIGHT:
                    vocab += info.cue
                else:
                    weak_vocab += info.cue
            if info.company:
                company_at.append(end_index - length + 2)
            if info.entity:
                starts.append(end_index - length + 1)
                ends.append(end_index + 1)
                infos.append(info)
        if not infos:
            return None
        hits: list[_Hit] = [
            (*span, info) for span, info in zip(ft.spans(starts, ends), infos, strict=True)
        ]
        company_words = {ft.word_index(pos) for pos in company_at}
        return Candidates(ft, hits, vocab, weak_vocab, company_words)

    def _resolve(
        self, full: str, published: date | None, feed_is_cycling: bool | None
    ) -> list[_Found]:
        found = self.candidates(full)
        if found is None:
            return []
        # Everyday words (race, team, season) only add to real evidence: on their own
        # they describe Formula 1, football and golf as well.
        strong = found.vocab + (CONTEXT_NEEDED if feed_is_cycling else 0)
        weak = min(found.weak_vocab, WEAK_CUE_CAP)
        state = _Resolver(self, found.text, published, found.hits, strong, weak)
        state.company_words = found.company_words
        return state.run()

    # helpers used by the resolver

    def person(self, person_id: str) -> Person:
        return self._people[person_id]

    def team(self, team_id: str) -> Team:
        return self._teams[team_id]


def _today() -> date:
    return date.today()


def _ordered(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


_ARTICLES_BEFORE = frozenset(
    w for articles, _ in cues.TEAM_NOUNS_BEFORE.values() for a in articles for w in fold_tokens(a)
)
_TEAM_NOUNS_BEFORE = frozenset(
    _folded(noun) for _, nouns in cues.TEAM_NOUNS_BEFORE.values() for noun in nouns
)
_ARTICLES_AFTER = frozenset(
    w for articles, _ in cues.TEAM_NOUNS_AFTER.values() for a in articles for w in fold_tokens(a)
)
_TEAM_NOUNS_AFTER = frozenset(
    _folded(noun) for _, nouns in cues.TEAM_NOUNS_AFTER.values() for noun in nouns
)
_RIDER_NOUNS = frozenset(_folded(noun) for noun in cues.RIDER_NOUNS)
# Words that may stand between a description and the name it introduces.
_APPOSITION_WORDS = _RIDER_NOUNS | cues.ROLE_WORDS | cues.APPOSITION_LINKS
_TRAILING_WORD = re.compile(r"\w+\Z")
_LAST_WORD_BEFORE_HYPHEN = re.compile(r"(\w+)[-‐]$")
_LAST_WORD_START = re.compile(r"(\w)\w*\W*$")
_WORDS = re.compile(r"\w+")
_DOTTED_WORD = re.compile(r"(\w+)\.")
_POSSESSIVE_TEAM = re.compile(r"['’]s?\s+(team|squad|outfit|équipe|ploeg)\b")
# A career told as over, in the past tense: only these make an undated story's recently
# retired rider retired ("will retire at the end of the season" does not).
_CAREER_OVER = re.compile(
    r"(?i:\b(?:after|since) (?:his|her) retirement\b|\brode (?:his|her) (?:last|final) race\b|"
    r"\b(?:has|had) retired\b|\bretired (?:last|in) \w+|\b(?:ended|finished) (?:his|her) career\b|"
    r"\bformer (?:pro|professional|rider)\b|\bex-pro\b|"
    r"\bna (?:zijn|haar) (?:afscheid|carrière)\b|\breed (?:zijn|haar) laatste koers\b|"
    r"\b(?:is|was) gestopt\b|\boud-(?:renner|renster|prof)\b|"
    r"\bdepuis sa retraite\b|\ba pris sa retraite\b|\ba mis un terme à sa carrière\b|"
    r"\bancien(?:ne)? (?:coureur|coureuse|cycliste)\b|"
    r"\bdopo il (?:suo )?ritiro\b|\bsi è ritirat[oa]\b|\bex (?:corridore|ciclista)\b|"
    r"\btras su retirada\b|\bse retiró\b|\bex ?ciclista\b|"
    r"\bnach (?:seinem|ihrem) karriereende\b|\b(?:hat|hatte) (?:seine|ihre) karriere beendet\b|"
    r"\behemalige[rn]? (?:profi|radprofi|fahrer|fahrerin)\b)"
)
# Substrings one of which every _CAREER_OVER or _SIBLING match contains: a cheap test
# first, since those regexes, case-insensitive alternations, cost ~100 µs a story each.
_CAREER_WORDS = (
    "retir",
    "last race",
    "final race",
    "career",
    "former",
    "ex-pro",
    "afscheid",
    "carrière",
    "laatste koers",
    "gestopt",
    "oud-",
    "retraite",
    "ancien",
    "ritir",
    "ex ",
    "exciclista",
    "karriere",
    "ehemalig",
)
_SIBLING_WORDS = (
    "twin",
    "brother",
    "sister",
    "jume",
    "frère",
    "frere",
    "sœur",
    "soeur",
    "tweeling",
    "broer",
    "zus ",
    "gemel",
    "fratello",
    "sorella",
    "hermano",
    "hermana",
    "zwilling",
    "bruder",
    "schwester",
)
_AND_WORDS = frozenset({"and", "en", "et", "e", "y", "und"})
# A word for a sibling, then a capitalised first name: "his twin brother Simon", "son
# frère jumeau Simon", "zijn broer Simon", "suo fratello Simon", "su gemelo Simon".
_SIBLING = re.compile(
    r"(?i:\b(?:twin|brother|sister|jumeau|jumelle|frère|frere|sœur|soeur|tweelingbroer|"
    r"tweelingzus|tweeling|broer|zus|gemello|gemella|fratello|sorella|gemelo|gemela|hermano|"
    r"hermana|zwillingsbruder|zwillingsschwester|zwilling|bruder|schwester))"
    r"\s+([A-ZÀ-ÖØ-ÞŁŠŽČ][^\W\d_]+)\b"
)
_CLAUSE_BREAK = re.compile(r"[.;:!?,]")
_NAME_GAP = re.compile(r"^[\s\-‐–\[\]()'’.]*$")


class _Resolver:
    """The rules, for one story. Short-lived; never shared between threads."""

    def __init__(
        self,
        tagger: Tagger,
        ft: FoldedText,
        published: date | None,
        hits: list[_Hit],
        strong_vocab: int,
        weak_vocab: int,
    ) -> None:
        self.t = tagger
        self.ft = ft
        self.text = ft.original
        self.published = published
        self.hits = hits
        self.strong_vocab = strong_vocab
        self.weak_vocab = weak_vocab
        self.company_words: set[int] = set()
        self.found: list[_Found] = []
        self._kinds, self._person_cats = tagger._date_caches(published)
        # Per-story caches: each answer depends only on the story (or on `found`,
        # which only grows), so it is computed once, not once per candidate.
        self._lowercase_used: dict[str, bool] = {}
        self._title_case: bool | None = None
        self._retired_here: bool | None = None
        self._lowered: str | None = None
        # Men's/women's racing of what `found` holds, kept up to date as it grows.
        self._cats: set[str] = set()
        people = [h for h in hits if h[4].person]
        self.person_starts = {h[0] for h in people}
        self.hit_last_words = {h[3] - 1 for h in hits}
        self.person_ends = {h[1] for h in people}

    # --- small checks ---------------------------------------------------------------

    def _career_over(self) -> bool:
        if self._retired_here is None:
            self._retired_here = (
                self.published is None
                and any(word in self.lowered() for word in _CAREER_WORDS)
                and bool(_CAREER_OVER.search(self.text))
            )
        return self._retired_here

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def kind(self, person_id: str) -> Kind:
        kind = self._kinds.get(person_id)
        if kind is None:
            kind = self._kinds[person_id] = self.t._kind(self.t.person(person_id), self.published)
        return kind

    def capitalised(self, start: int, end: int) -> bool:
        """The last word of the span starts with a capital (particles may be lowercase)."""
        span = self.text[start:end]
        # Usually the last word is all of the span after its last space: string
        # methods, no regex (`isalnum` is the regex `\w` less "_").
        last = span[span.rfind(" ") + 1 :]
        if last.isalnum():
            return last[0].isupper()
        m = _LAST_WORD_START.search(span)
        return bool(m) and m.group(1).isupper()

    def in_compound(self, start: int, end: int) -> bool:
        """Part of a capitalised hyphenated compound: a place (Saint-Léonard) or a race
        (Milan-San Remo), unless the other part is a person too ("the Pogačar-Vingegaard
        duel"). Lowercase parts are fine: "a Pogačar-led group", "ex-Pogačar"."""
        if self.text[start - 1 : start] in ("-", "‐") and start - 1 not in self.person_ends:
            m = _LAST_WORD_BEFORE_HYPHEN.search(self.text, max(0, start - 40), start)
            if m and m.group(1)[0].isupper():
                return True
        after = self.text[end : end + 2]
        return after[:1] in ("-", "‐") and after[1:].isupper() and end + 1 not in self.person_starts

    def any_capital(self, start: int, end: int) -> bool:
        return any(c.isupper() for c in self.text[start:end])

    def clean_name_gap(self, start: int, end: int) -> bool:
        """Words of a name joined only by spaces, hyphens, brackets or initials' dots."""
        span = self.text[start:end]
        if span.replace(" ", "").isalnum():
            return True  # words and spaces only: the usual case, no regex
        for gap in _WORDS.split(span)[1:-1]:
            if "\n" in gap and gap.count("\n") > 1:
                return False
            if not _NAME_GAP.match(gap):
                return False
        # A dot only after an initial: "M. Cavendish", not "said Michael. Woods".
        return all(len(w) == 1 for w in _DOTTED_WORD.findall(span))

    def prev_word(self, k0: int, s0: int | None = None) -> tuple[str, int, int] | None:
        """The folded word just before word k0 and its original span, if only a space apart.

        `s0` is word k0's original start when the caller has it (a match's start).
        """
        if k0 == 0:
            return None
        if s0 is None:
            s0 = self.ft.word_span(k0)[0]
        if not s0 or self.text[s0 - 1] not in " \u00a0":
            return None  # no space right before: the gap cannot be spaces only
        ps, pe = self.ft.word_span(k0 - 1)
        gap = self.text[pe:s0]
        if not gap or gap.strip(" \u00a0"):
            return None
        return self.ft.word(k0 - 1), ps, pe

    def sentence_initial(self, start: int) -> bool:
        before = self.text[max(0, start - 3) : start].rstrip(" \u00a0\"'“‘(")
        return not before or before[-1] in ".!?:\n" or start == 0

    def title_case_line(self, pos: int) -> bool:
        """A Title Case Headline capitalises every word: capitals say nothing there.

        Only the title's first line is read this way: German prose capitalises every
        noun, and body text is never written in Title Case.
        """
        line_end = self.text.find("\n")
        if pos >= (line_end if line_end >= 0 else len(self.text)):
            return False
        if self._title_case is None:
            self._title_case = self._title_is_title_case(line_end)
        return self._title_case

    def _title_is_title_case(self, line_end: int) -> bool:
        words = [w for w in _WORDS.findall(self.text[: max(line_end, 0)]) if len(w) >= 4]
        if len(words) < 4:
            return False
        return sum(1 for w in words if w[0].isupper()) >= 0.85 * len(words)

    def near_company(self, k0: int, k1: int) -> bool:
        return any(k in self.company_words for k in (k0 - 2, k0 - 1, k1, k1 + 1))

    # --- the passes -------------------------------------------------------------------

    def run(self) -> list[_Found]:
        persons_full: dict[str, list[int]] = {}  # person id -> starts of full mentions
        strong_entities: set[str] = set()
        pending: list[_Hit] = []

        # Pass 1: full names and unambiguous multi-word team names.
        for hit in self.hits:
            start, end, k0, k1, info = hit
            people = info.full_names
            if people and self.clean_name_gap(start, end):
                ids = info.full_ids
                pid = ids[0] if len(ids) == 1 else self._pick_person(ids, start)
                if pid is not None:
                    how = (
                        people[0].how
                        if len(people) == 1
                        else next(p.how for p in people if p.person_id == pid)
                    )
                    self._add_person(pid, start, end, how)
                    persons_full.setdefault(pid, []).append(start)
                    strong_entities.add(pid)
                    sibling = self._shared_surname(start, k0, k1)
                    if sibling is not None:
                        sid, s_start, s_end = sibling
                        self._add_person(sid, s_start, s_end, "name")
                        persons_full.setdefault(sid, []).append(s_start)
                        strong_entities.add(sid)
                    continue
            teams = info.strong_teams
            if teams and not self.near_company(k0, k1):
                tid = (
                    teams[0].team_id
                    if len(teams) == 1
                    else self._pick_team([p.team_id for p in teams], start)
                )
                if tid is not None:
                    self._add_team(tid, start, end, teams[0].how)
                    strong_entities.add(tid)
                    continue
            pending.append(hit)
        self.persons_full = persons_full

        def cycling(entities: int) -> bool:
            real = self.strong_vocab + ENTITY_WEIGHT * entities
            return real > 0 and real + self.weak_vocab >= CONTEXT_NEEDED

        # A full name alone in a story that is not about cycling is someone else
        # (Simon Yates the mountaineer): each needs the context without itself. Every
        # entity found so far is one of `strong_entities`, so without itself each
        # has the same count: either all stay or none does.
        count = len(strong_entities)
        if self.found and not cycling(count - 1):
            self.found = []
            self._cats = set()
            self.persons_full = {}
            count = 0
        if not cycling(count):
            return self._finish([])
        shadowed = self._shadowed_surnames(pending)

        # Pass 2: aliases, weak team words, surnames, descriptions.
        descs: list[tuple[int, int, NationKey]] = []
        for start, end, k0, k1, info in pending:
            if self._weak_team(info, start, end, k0, k1):
                continue
            if self._alias(info, start, end):
                continue
            if self._surname(info, start, end, k0, k1, shadowed):
                continue
            if info.nation is not None:
                descs.append((k0, k1, info.nation))
        self._fuzzy()
        self._siblings()
        self._staff_teams()
        self._descriptions(descs)
        return self._finish(self.found)

    def _shared_surname(self, start: int, k0: int, k1: int) -> tuple[str, int, int] | None:
        """ "Adam and Simon Yates", "Ion en Gorka Izagirre": the first name before the
        "and" shares the full name's surname. Only when that makes a roster name."""
        if k0 < 2 or k1 - k0 < 2 or self.ft.word(k0 - 1) not in _AND_WORDS:
            return None
        link_start, link_end = self.ft.word_span(k0 - 1)
        first_start, first_end = self.ft.word_span(k0 - 2)
        gaps = (self.text[first_end:link_start], self.text[link_end:start])
        if any(gap.strip(" \u00a0") or not gap for gap in gaps):
            return None  # only spaces between: "Adam and Simon Yates", not "Adam. And Simon"
        if not self.text[first_start].isupper():
            return None
        words = [self.ft.word(k0 - 2), *(self.ft.word(k) for k in range(k0 + 1, k1))]
        value = self.t._matcher.automaton.get(" " + "  ".join(words) + " ", None)
        info = value[1][0] if value else None
        if info is None or not info.full_ids:
            return None
        pid = self._pick_person(info.full_ids, first_start)
        return (pid, first_start, first_end) if pid is not None else None

    def _siblings(self) -> None:
        """ "Adam Yates ... his twin brother Simon": a first name right after a word for a
        sibling is the rider of that first name and the surname of someone named before."""
        low = self.lowered()
        if not any(word in low for word in _SIBLING_WORDS):
            return  # the usual case: one substring search each, in C, not the regex
        for m in _SIBLING.finditer(self.text):
            start, end = m.start(1), m.end(1)
            here = [f for f in self.found if f.start < end and start < f.end]
            if any(f.how != "surname" for f in here):
                continue  # a name, an alias: not a sibling's first name
            given = fold_tokens(m.group(1))
            for f in reversed(self.found):
                if f.start >= start or f.is_team or f.kind not in ("rider", "staff"):
                    continue
                surname = fold_tokens(self.t.person(f.entity_id).name)[1:]
                value = self.t._matcher.automaton.get(" " + "  ".join(given + surname) + " ", None)
                ids = value[1][0].full_ids if value else ()
                pid = self._pick_person(ids, start) if ids else None
                if pid is not None and pid != f.entity_id:
                    # "Simon" read as the surname of another Simon gives way.
                    self.found = [f for f in self.found if f not in here]
                    self._add_person(pid, start, end, "name")
                    break

    def _finish(self, found: list[_Found]) -> list[_Found]:
        found.sort(key=lambda f: (f.start, -f.end))
        out: list[_Found] = []
        last_end = -1
        for f in found:
            if f.start < last_end and out and out[-1].start <= f.start:
                continue  # never two mentions over the same characters
            out.append(f)
            last_end = max(last_end, f.end)
        return out

    # --- persons ----------------------------------------------------------------------

    def _add_person(self, pid: str, start: int, end: int, how: str) -> None:
        # Once per mention: the cached answers are read straight from their dicts.
        kind = self._kinds.get(pid) or self.kind(pid)
        if kind == "rider" and self._career_over() and self.t.person(pid).retired is not None:
            # An undated story keeps recently retired riders as riders, unless it says
            # the career is over ("rode his last race", "after her retirement").
            kind = "retired"
        self.found.append(_Found(pid, kind, start, end, how))
        if kind == "rider":
            cats = self._person_cats
            cat = cats[pid] if pid in cats else self._person_category(pid)
            if cat:
                self._cats.add(cat)

    def _pick_person(self, ids: Sequence[str], pos: int) -> str | None:
        """One person among namesakes: the living, the story's men's or women's racing,
        a team the story names, then the clearly senior one; else nobody."""
        ids = list(dict.fromkeys(ids))
        if len(ids) == 1:
            return ids[0]
        # The living first: an active rider or staff member over a retired namesake
        # (Davide over Franco Ballerini); staff and riders compete on what follows.
        active = [i for i in ids if self.kind(i) != "retired"]
        pool = active or ids
        if len(pool) == 1:
            return pool[0]
        # A men's story means the man of the name (Powless, Consonni, Norsgaard...).
        categories = self._story_categories()
        if len(categories) == 1:
            same = [i for i in pool if self._person_category(i) in categories]
            if len(same) == 1:
                return same[0]
            pool = same or pool
        teams_here = {f.entity_id for f in self.found if f.is_team}
        by_team = [i for i in pool if self.t.person(i).team_on(self.published) in teams_here]
        if len(by_team) == 1:
            return by_team[0]
        return self._senior(by_team or pool)

    def _senior(self, ids: Sequence[str]) -> str | None:
        """Namesakes the story cannot tell apart: news is mostly about the established
        rider (Lotte, not Julia, Kopecky), so take the one whose recorded career began
        clearly earlier, by SENIORITY_MARGIN seasons or more; else nobody."""
        starts = sorted(
            (min((s.start for s in p.stints if s.start), default=9999), p.id)
            for p in map(self.t.person, ids)
        )
        if len(starts) >= 2 and starts[1][0] - starts[0][0] >= SENIORITY_MARGIN:
            return starts[0][1]
        return None

    def _alias(self, info: KeyInfo, start: int, end: int) -> bool:
        ids = info.alias_ids
        if not ids:
            return False
        if info.alias_weak and not self.capitalised(start, end):
            return False
        pid = ids[0] if len(ids) == 1 else self._pick_person(ids, start)
        if pid is None:
            return False
        self._add_person(pid, start, end, "alias")
        return True

    def _shadowed_surnames(self, pending: list[_Hit]) -> set[str]:
        """Surnames that in this story belong to someone else ("Tiger Woods", "Sam Bennett")."""
        shadowed: set[str] = set()
        self.variant_names: dict[int, str] = {}
        self.foreign_starts: set[int] = set()
        for start, end, k0, _k1, info in pending:
            surnames = info.plain_surnames
            if not surnames or not self.capitalised(start, end):
                continue
            prev = self.prev_word(k0, start)
            if prev is None:
                continue
            word, ps, _ = prev
            if not self.text[ps].isupper() or self._is_title_word(word):
                continue
            named_here = any(p.person_id in self.persons_full for p in surnames)
            if not (
                self._looks_given(word)
                # The story names the rider in full, so another capitalised word in
                # front of the surname ("Lars Philipsen") is another first name.
                or (named_here and word not in cues.COMMON_WORDS and not self.sentence_initial(ps))
                # Or a first name no list knows, written like one ("Servais Knaven").
                or self._unknown_given(word, ps, k0)
            ):
                continue
            # A variant of the person's own first name: Lucas/Luke Plapp, Kayden/Kaden.
            for p in surnames:
                if any(_given_variant(word, g) for g in self.t._given.get(p.person_id, ())[:1]):
                    self.variant_names[start] = p.person_id
                    break
            else:
                shadowed.add(info.key)
                self.foreign_starts.add(start)
        return shadowed

    def _unknown_given(self, word: str, ps: int, k0: int) -> bool:
        """A first name the lists do not know ("sports director Servais Knaven"): a
        capitalised word, written like a name, inside a sentence of ordinary prose, that
        is no everyday, cycling or entity word. Titles, roles and nationalities are
        already excluded by the caller."""
        raw = self.text[ps : ps + len(word)]
        if len(word) < 3 or not raw.isalpha() or not raw[1:].islower():
            return False  # "UAE", "EF", "AG2R", initials
        if self.text[ps - 1 : ps] in ("-", "‐"):
            return False  # the end of a compound ("Stundenrekord-Ingenieur Bigham")
        if word in cues.COMMON_WORDS or word in self.t._vocab_words:
            return False
        if self.sentence_initial(ps) or self.title_case_line(ps):
            return False
        # Part of another match (a team, a name, a nationality): not a first name.
        return k0 - 1 not in self.hit_last_words

    def _is_title_word(self, word: str) -> bool:
        return (
            word in cues.ROLE_WORDS
            or word in cues.PARTICLES
            or word in self.t._nationality_words
            or len(word) <= 1
        )

    def _looks_given(self, word: str) -> bool:
        """A known first name (roster or common ones): "Tiger", "Sam", "Adam".

        Only known names: in German every noun is capitalised ("Teamkollege Pogačar"),
        and in headlines every word is.
        """
        return word in self.t._given_names

    def _surname(
        self,
        info: KeyInfo,
        start: int,
        end: int,
        k0: int,
        k1: int,
        shadowed: set[str],
    ) -> bool:
        keys = info.surnames
        if not keys or not self.capitalised(start, end) or self.in_compound(start, end):
            return False
        if start in self.foreign_starts:
            return False  # "Joe Pidcock" is not Tom Pidcock, even in Tom's story
        ids = info.surname_ids
        # Everyday words, and any word in a Title Case Headline ("Chinese Brand XDS ..."),
        # need more than capitals.
        weak = info.surname_weak or self.title_case_line(start)
        # Named in full somewhere in this story: that one (the nearest earlier one).
        named = [i for i in ids if i in self.persons_full]
        if start in getattr(self, "variant_names", {}):
            pid: str | None = self.variant_names[start]
        elif named:
            pid = self._nearest_named(named, start)
        else:
            folded_key = info.key
            if folded_key in shadowed:
                return False
            if info.surname_initial:
                pid = self._pick_person(ids, start)
            elif weak:
                # An everyday word (Woods, August, Power) alone is that word, unless a
                # team of its bearer stands right next to it.
                if self._used_lowercase(folded_key):
                    return False
                pid = self._by_nearby_team(ids, start, end)
            else:
                pid = self._by_nearby_team(ids, start, end) or self._pick_person(ids, start)
        if pid is None:
            return False
        how = "initial" if info.surname_initial else "surname"
        self._add_person(pid, start, end, how)
        return True

    def _nearest_named(self, named: list[str], pos: int) -> str:
        if len(named) == 1:
            return named[0]  # the usual case: one person of that surname named in full

        def score(pid: str) -> tuple[int, int]:
            starts = self.persons_full[pid]
            before = [s for s in starts if s <= pos]
            return (1, max(before)) if before else (0, -min(starts))

        return max(named, key=score)

    def _by_nearby_team(self, ids: list[str], start: int, end: int) -> str | None:
        near = {
            f.entity_id
            for f in self.found
            if f.is_team
            and f.end >= start - NEARBY_TEAM_CHARS
            and f.start <= end + NEARBY_TEAM_CHARS
        }
        if not near:
            return None
        hits = [i for i in ids if self.t.person(i).team_on(self.published) in near]
        return hits[0] if len(hits) == 1 else None

    def _used_lowercase(self, folded_key: str) -> bool:
        """The surname also appears as an ordinary lowercase word in this story ("the woods")."""
        used = self._lowercase_used.get(folded_key)
        if used is None:
            used = self._lowercase_used[folded_key] = self._scan_lowercase(folded_key)
        return used

    def _scan_lowercase(self, folded_key: str) -> bool:
        return any(map(str.islower, _lowercase_pattern(folded_key).findall(self.text)))

    # --- teams ------------------------------------------------------------------------

    def _add_team(self, tid: str, start: int, end: int, how: str) -> None:
        self.found.append(_Found(tid, "team", start, end, how, is_team=True))
        self._cats.add(self.t.team(tid).category)

    def _pick_team(self, ids: Sequence[str], pos: int) -> str | None:
        """One team among those sharing a name: the one racing under it then, then by category."""
        ids = list(dict.fromkeys(ids))
        if len(ids) == 1:
            return ids[0]
        teams = [self.t.team(i) for i in ids]
        categories = self._story_categories()
        pool = [t for t in teams if t.category in categories] or teams
        pool.sort(key=lambda t: 0 if t.category == "men" else 1)
        return pool[0].id if pool else None

    def _person_category(self, person_id: str) -> str | None:
        # Asked again for every namesake choice and every mention: once per person.
        try:
            return self._person_cats[person_id]
        except KeyError:
            pass
        tid = self.t.person(person_id).team_on(self.published)
        cat = self.t.team(tid).category if tid and tid in self.t._teams else None
        self._person_cats[person_id] = cat
        return cat

    def _story_categories(self) -> set[str]:
        """Men's or women's racing, from the people and teams found so far (kept up to
        date by `_add_person`/`_add_team`; callers must not modify the set)."""
        return self._cats

    def _scan_categories(self) -> set[str]:
        cats: set[str] = set()
        for f in self.found:
            if f.is_team:
                cats.add(self.t.team(f.entity_id).category)
            elif f.kind == "rider":
                cat = self._person_category(f.entity_id)
                if cat:
                    cats.add(cat)
        return cats

    def _weak_team(self, info: KeyInfo, start: int, end: int, k0: int, k1: int) -> bool:
        teams = info.teams
        if not teams:
            return False
        if info.names or info.aliases:
            return False
        if not self.any_capital(start, end) or self.near_company(k0, k1):
            return True  # a team word that is not a team here: nothing else either
        if self._race_name(k0, k1):
            return True  # "UAE Tour", "Tour of Bahrain"
        if (
            info.key in cues.PLACE_TEAM_WORDS
            and k0 > 0
            and self.ft.word(k0 - 1) in cues.PLACE_PREPOSITIONS
        ):
            return True  # "the stage finished in Astana": the city
        if self.sentence_initial(start) and (
            info.key in cues.COMMON_WORDS or self._used_lowercase(info.key)
        ):
            return True  # "Drops of rain fell...", "Total prize money..."
        tid = self._pick_team([p.team_id for p in teams], start)
        if tid is None:
            return True
        self._add_team(tid, start, end, teams[0].how)
        return True

    def _race_name(self, k0: int, k1: int) -> bool:
        n = self.ft.word_count
        after = self.ft.word(k1) if k1 < n else ""
        if after in cues.RACE_WORDS:
            return True
        return (
            k0 >= 2
            and self.ft.word(k0 - 1) in ("of", "de", "van")
            and self.ft.word(k0 - 2) in cues.RACE_WORDS
        )

    def _staff_teams(self) -> None:
        """ "Vinokourov's team": the team a staff member works for at publication."""
        for f in list(self.found):
            if f.kind != "staff":
                continue
            after = self.text[f.end : f.end + 12]
            m = _POSSESSIVE_TEAM.match(after)
            if not m:
                continue
            tid = self.t.person(f.entity_id).team_on(self.published)
            if tid and tid in self.t._teams:
                # The mention is the "team" word; the name stays the staff member's.
                self._add_team(tid, f.end + m.start(1), f.end + m.end(1), "description")

    # --- misspellings -----------------------------------------------------------------

    # A capitalised word of six letters or more: a candidate misspelling. The capital
    # comes first and the look-behind after it, so the scan skips to capitals in C
    # instead of testing the look-behind at every character (twice as fast).
    _CAP_WORD = re.compile(r"[A-ZÀ-ÞŁŠŽČ](?<!\w[A-ZÀ-ÞŁŠŽČ])\w{5,}")

    def _fuzzy(self) -> None:
        """Misspelt surnames of people in the story, or after a person's exact first name."""
        covered = sorted((f.start, f.end) for f in self.found)
        starts = [s for s, _ in covered]
        covered_ends = [e for _, e in covered]
        targets: dict[str, list[tuple[str, str]]] = {}
        for pid in {f.entity_id for f in self.found if not f.is_team}:
            for form in self.t._surnames.get(pid, ()):
                if " " not in form and len(form) >= 6:
                    targets.setdefault(form[:2], []).append((form, pid))
        by_given = self.t._by_given
        fuzzy_givens = self.t._fuzzy_givens
        common = cues.COMMON_WORDS
        text = self.text
        # Per candidate word only dictionary lookups until something could match: a
        # story has dozens of capitalised words and few misspellings.
        for m in self._CAP_WORD.finditer(text):
            start = m.start()
            i = bisect_right(starts, start)
            if i and covered_ends[i - 1] > start:
                continue  # inside a mention (the last one starting at or before it)
            raw = m.group()
            word = raw.lower() if raw.isascii() else _folded(raw)
            if not word or " " in word or word in common:
                continue
            prefix = word[:2]
            near = targets.get(prefix)
            pid = self._fuzzy_match(word, near) if near else None
            if pid is None and (givens := fuzzy_givens.get((prefix, len(word)))):
                given = self._word_before(start)
                if given and given[0].isupper():
                    folded_given = given.lower() if given.isascii() else _folded(given)
                    if folded_given in givens:
                        pid = self._fuzzy_after_given(word, by_given[folded_given])
            if pid is not None:
                self._add_person(pid, start, m.end(), "fuzzy")

    @staticmethod
    def _fuzzy_match(word: str, targets: Iterable[tuple[str, str]]) -> str | None:
        best: list[str] = []
        for form, pid in targets:
            limit = _fuzzy_limit(form)
            if abs(len(form) - len(word)) > limit or form == word:
                continue
            if Levenshtein.distance(word, form, score_cutoff=limit) <= limit:
                best.append(pid)
        if not best:
            return None
        best = list(dict.fromkeys(best))
        return best[0] if len(best) == 1 else None

    def _word_before(self, start: int) -> str | None:
        """The word just before `start` when only spaces separate them (a line break
        right before `start` may follow those spaces)."""
        seg = self.text[max(0, start - 24) : start]
        if seg[-1:] == "\n":
            seg = seg[:-1]
        stripped = seg.rstrip(" \u00a0")
        if len(stripped) == len(seg):
            return None
        # The last whitespace-separated piece is usually the whole word: string
        # methods, no regex. `isalnum` is the regex `\w` without "_".
        if not stripped or stripped[-1].isspace():
            return None  # a tab or a line break between: not "only spaces"
        last = stripped.rsplit(None, 1)[-1]
        if last.isalnum():
            return last
        m = _TRAILING_WORD.search(last)
        return m.group() if m else None

    def _fuzzy_after_given(self, word: str, ids: Sequence[str]) -> str | None:
        """ "Alexander Vinokurov": an exact first name, then a surname one or two edits off."""
        targets = [
            (form, pid)
            for pid in ids
            for form in self.t._surnames.get(pid, ())[:1]
            if len(form) >= 6 and form[:2] == word[:2]
        ]
        return self._fuzzy_match(word, targets) if targets else None

    # --- descriptions -----------------------------------------------------------------

    def _descriptions(self, descs: list[tuple[int, int, NationKey]]) -> None:
        n = self.ft.word_count

        def word(k: int) -> str:
            return self.ft.word(k) if 0 <= k < n else ""

        for k0, k1, p in descs:
            before, after = word(k0 - 1), word(k1)
            first = last = None
            is_team = False
            if p.adj and before in _ARTICLES_BEFORE and after in _TEAM_NOUNS_BEFORE:
                first, last, is_team = k0 - 1, k1, True
            elif p.adj and before in _TEAM_NOUNS_AFTER and word(k0 - 2) in _ARTICLES_AFTER:
                first, last, is_team = k0 - 2, k1 - 1, True
            elif p.adj and before in cues.PERSON_ARTICLES and after in _RIDER_NOUNS:
                first, last = k0 - 1, k1
            elif p.adj and before in _RIDER_NOUNS and word(k0 - 2) in cues.PERSON_ARTICLES:
                # Romance order, the noun first: "il campione italiano", "la campionessa
                # italiana", "le coureur français".
                first, last = k0 - 2, k1 - 1
            elif p.noun and before in cues.PERSON_ARTICLES:
                first, last = k0 - 1, k1 - 1
            if first is None or last is None:
                continue
            start = self.ft.word_span(first)[0]
            end = self.ft.word_span(last)[1]
            if is_team:
                self._team_description(p.country, start, end)
            elif not self._apposition(end):
                self._person_description(p.country, start, end)

    def _team_description(self, country: str, start: int, end: int) -> None:
        """ "the Belgian team": the most recent team of that country named before, or the
        team of a staff member named before ("Vinokourov ... the Kazakh team")."""
        earlier: list[tuple[int, str]] = []
        for f in self.found:
            if f.start >= start:
                continue
            if f.is_team:
                tid: str | None = f.entity_id
            elif f.kind == "staff":
                tid = self.t.person(f.entity_id).team_on(self.published)
            else:
                continue  # a team is never inferred from a rider
            if tid and tid in self.t._teams and self.t.team(tid).country == country:
                earlier.append((f.start, tid))
        if earlier:
            self._add_team(max(earlier)[1], start, end, "description")

    def _person_description(self, country: str, start: int, end: int) -> None:
        """ "the Dane": the one rider or staff member of that country named before."""
        earlier = {
            f.entity_id
            for f in self.found
            if not f.is_team
            and f.kind in ("rider", "staff")
            and f.start < start
            and self.t.person(f.entity_id).nationality == country
        }
        if len(earlier) == 1:
            self._add_person(earlier.pop(), start, end, "description")

    def _apposition(self, end: int) -> bool:
        """ "the Belgian Cian Uijtdebroeks", "the Italian Classics rider and sprinter Davide
        Ballerini": the description introduces the name that follows it, unlike "El español
        superó a Carlos Rodríguez", where a verb stands between."""
        for f in self.found:
            if end <= f.start <= end + APPOSITION_CHARS and not f.is_team:
                gap = self.text[end : f.start]
                if _CLAUSE_BREAK.search(gap):
                    continue
                words = _WORDS.findall(gap)
                if all(
                    w[0].isupper() or w.isdigit() or _folded(w) in _APPOSITION_WORDS for w in words
                ):
                    return True
        return False


@lru_cache(maxsize=4096)
def _lowercase_pattern(folded_key: str) -> re.Pattern[str]:
    """The words of `folded_key` in any case, as whole words; the one group is the
    first character, so `findall` lists only first characters (no match objects).

    The first character comes before the look-behind so the scan jumps to it in C
    instead of testing the look-behind at every position.
    """
    first, *rest = folded_key.split()
    words = r"\W+".join([re.escape(first[1:]), *map(re.escape, rest)])
    return re.compile(
        "(" + re.escape(first[0]) + r")(?<!\w[\s\S])" + words + r"(?![\w])", re.IGNORECASE
    )


def _fuzzy_limit(form: str) -> int:
    """Edits a misspelling of surname `form` may have: one, two for long names."""
    return 1 if len(form) < 9 else 2


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _given_variant(word: str, given: str) -> bool:
    """Two spellings of one first name: Kayden/Kaden, Lucas/Luke, Tom/Thomas, Dani/Daniel."""
    if word == given:
        return True
    if len(word) >= 3 and len(given) >= 3 and word[:2] == given[:2]:
        return True
    short, long = sorted((word, given), key=len)
    if short[:1] == long[:1] and _subsequence(short, long):
        return True
    return ratio(word, given) >= 80


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)
