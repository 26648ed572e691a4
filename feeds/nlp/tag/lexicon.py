"""The table of folded keys the automaton matches (every person's and team's names,
the cycling vocabulary, nationality words) and the name indexes the rules look up,
built once per roster."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from feeds.nlp.cues.cycling import CYCLING_STRONG, CYCLING_WEAK
from feeds.nlp.cues.names import COMMON_WORDS, EXTRA_GIVEN_NAMES
from feeds.nlp.cues.nationalities import NATIONALITIES
from feeds.nlp.cues.team_words import COMPANY_CUES
from feeds.nlp.matcher import Matcher
from feeds.nlp.tag.context import STRONG_CUE_WEIGHT, WEAK_CUE_WEIGHT
from feeds.nlp.tag.keys import (
    CompanyKey,
    CueKey,
    KeyInfo,
    NationKey,
    Payload,
    PersonKey,
    TeamKey,
)
from feeds.nlp.tag.names import (
    bare_forms,
    folded,
    fuzzy_limit,
    is_common,
    split_name,
    surname_forms,
)
from feeds.roster import Person, Roster, Team
from feeds.roster.name_forms import person_name_forms, surname_spellings
from feeds.text.fold import fold_tokens

# Race names' words this long or longer are weak surnames (`race_words`).
MIN_RACE_WORD = 4


@dataclass(slots=True)
class Lexicon:
    """Read-only after `build_lexicon`."""

    people: dict[str, Person]
    teams: dict[str, Team]
    matcher: Matcher[KeyInfo]
    given: dict[str, tuple[str, ...]]
    """Person id -> folded words of the given names."""
    surnames: dict[str, tuple[str, ...]]
    """Person id -> folded forms of the surname alone (see `surname_forms`)."""
    given_names: set[str]
    """Folded first given names of the roster, and other common first names."""
    by_given: dict[str, tuple[str, ...]]
    """Folded first given name -> the people of the roster who have it."""
    fuzzy_givens: dict[tuple[str, int], frozenset[str]]
    """See `fuzzy_given_index`."""
    bare_givens: dict[str, tuple[str, ...]]
    """A folded first given name without its final vowels ("pell" for Pello), and as it
    is -> the people who have it: what a case ending is put on (see `bare_forms`)."""
    nationality_words: set[str]
    vocab_words: frozenset[str]
    """One-word cycling and company vocabulary ("Tour", "Giro", "Weltmeister"): a
    capitalised one before a surname is no first name."""
    team_first_words: frozenset[str] = frozenset()
    """The first folded word of every team key: where a declined team name may begin."""

    def full_name_ids(self, words: list[str]) -> tuple[str, ...]:
        """The people whose full name (or short form) folds to `words`."""
        value = self.matcher.automaton.get(" " + "  ".join(words) + " ", None)
        return value[1][0].full_ids if value else ()


def build_lexicon(roster: Roster, race_names: Iterable[str] = ()) -> Lexicon:
    """What the rules look up, from the roster; `race_names`, the calendar's races' names
    in every language, make their words weak surnames ("la Corsa Rosa", "the Cadel Evans
    race"), as the words of team sponsors are."""
    given: dict[str, tuple[str, ...]] = {}
    surnames: dict[str, tuple[str, ...]] = {}
    given_names: set[str] = set(EXTRA_GIVEN_NAMES)
    vocab_words = frozenset(
        folded(term)
        for term in (*CYCLING_STRONG, *CYCLING_WEAK, *COMPANY_CUES)
        if len(fold_tokens(term)) == 1
    )
    race_names = tuple(race_names)  # read twice: words, then names holding a team's
    entries: list[tuple[str, Payload]] = []
    by_given: dict[str, list[str]] = {}
    # A sponsor's or a race's word alone is often that brand or race, not a rider.
    sponsors = sponsor_words(roster) | race_words(race_names)
    known_given = roster_given_names(roster) | given_names
    for person in roster.people.values():
        entries.extend(_person_entries(person, sponsors, known_given))
        first_names, _ = split_name(person.name)
        given[person.id] = tuple(w for g in first_names for w in fold_tokens(g))
        surnames[person.id] = tuple(folded(f) for f in surname_forms(person.name))
        if first_names:
            first = fold_tokens(first_names[0])
            if first:
                given_names.add(first[0])
                by_given.setdefault(first[0], []).append(person.id)
    people_by_given = {k: tuple(v) for k, v in by_given.items()}
    team_entries = [entry for team in roster.teams.values() for entry in _team_entries(team)]
    entries.extend(team_entries)
    entries.extend(_race_names_holding_teams(race_names, team_entries))
    entries.extend(_vocab_entries())
    nations = _nation_keys()
    entries.extend(nations.items())
    grouped: dict[str, list[Payload]] = {}
    for alias, payload in entries:
        words = fold_tokens(alias)
        if words:
            grouped.setdefault(" ".join(words), []).append(payload)
    matcher: Matcher[KeyInfo] = Matcher(
        ((key, KeyInfo.build(key, payloads)) for key, payloads in grouped.items()),
        folded=True,
    )
    return Lexicon(
        people=dict(roster.people),
        teams=dict(roster.teams),
        matcher=matcher,
        given=given,
        surnames=surnames,
        given_names=given_names,
        by_given=people_by_given,
        fuzzy_givens=fuzzy_given_index(people_by_given, surnames),
        bare_givens=bare_given_index(people_by_given),
        nationality_words={word for key in nations for word in key.split()},
        vocab_words=vocab_words,
        team_first_words=frozenset(
            key.split()[0]
            for key, payloads in grouped.items()
            if any(isinstance(p, TeamKey) for p in payloads)
        ),
    )


def fuzzy_given_index(
    by_given: Mapping[str, Sequence[str]], surnames: Mapping[str, Sequence[str]]
) -> dict[tuple[str, int], frozenset[str]]:
    """(first two letters, length) of a word that may be a misspelt surname ->
    the first names it would have to follow.

    A story has dozens of capitalised words and almost none follows a first name
    whose bearer's surname is that close: with this, the misspelling scan looks
    at the word before only when a match is possible at all.
    """
    index: defaultdict[tuple[str, int], set[str]] = defaultdict(set)
    for given, ids in by_given.items():
        for pid in ids:
            forms = surnames.get(pid)
            if not forms or len(forms[0]) < 6:
                continue
            form = forms[0]
            size, limit, prefix = len(form), fuzzy_limit(form), form[:2]
            for length in range(size - limit, size + limit + 1):
                index[prefix, length].add(given)
    return {k: frozenset(v) for k, v in index.items()}


def bare_given_index(by_given: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Each bare form of a first given name -> the people who have that first name."""
    index: dict[str, list[str]] = {}
    for given, ids in by_given.items():
        for form in bare_forms(given):
            index.setdefault(form, []).extend(ids)
    return {form: tuple(dict.fromkeys(ids)) for form, ids in index.items()}


def roster_given_names(roster: Roster) -> set[str]:
    """Folded first given names of the roster's people."""
    out: set[str] = set()
    for person in roster.people.values():
        given, _ = split_name(person.name)
        first = fold_tokens(given[0]) if given else []
        if first:
            out.add(first[0])
    return out


def sponsor_words(roster: Roster) -> frozenset[str]:
    """Folded words of the teams' names of several words, past and present: sponsors,
    often bike or other brands ("Mitchelton-Scott", "Q36.5 Pinarello", "Kern Pharma")."""
    return frozenset(
        word
        for team in roster.teams.values()
        for name in (*(n.name for n in team.names), *team.aliases)
        if len(words := fold_tokens(name)) > 1
        for word in words
    )


def race_words(race_names: Iterable[str]) -> frozenset[str]:
    """Folded words of races' names, four letters or more ("Rosa", "Evans", "Santos"):
    shorter ones are articles and prepositions ("de", "del", "van")."""
    return frozenset(
        word for name in race_names for word in fold_tokens(name) if len(word) >= MIN_RACE_WORD
    )


def _person_entries(
    person: Person, sponsors: frozenset[str], known_given: set[str]
) -> Iterable[tuple[str, Payload]]:
    for alias in person.aliases:
        words = fold_tokens(alias)
        weak = len(words) == 1 or any(is_common(w) for w in words)
        yield alias, PersonKey(person.id, "alias", weak)
    name = person.name
    given, surname = split_name(name)
    if not given:
        # A one-word name is no stronger than a nickname: capitals and context.
        yield name, PersonKey(person.id, "alias", True)
        return
    yield name, PersonKey(person.id, "name")
    # Vlasov, and "Wlasow" as German spells it (feeds/roster/name_forms.py)
    for form in (*surname_forms(name), *surname_spellings(person, surname)):
        # A sponsor's word alone is often its brand ("le bici Scott"): like an
        # everyday word, such a surname alone needs more than capitals.
        key = folded(form)
        yield form, PersonKey(person.id, "surname", is_common(key) or key in sponsors)
    # "M. Cavendish"
    initial = fold_tokens(given[0])[:1]
    if initial:
        yield f"{initial[0][0]} {' '.join(surname)}", PersonKey(person.id, "initial")
    # "Daniel Martínez" for "Daniel Felipe Martínez"
    if len(given) >= 2:
        yield f"{given[0]} {' '.join(surname)}", PersonKey(person.id, "short")
    # "Juanpe López", "Mads Würtz": the press's short forms (feeds/roster/name_forms.py)
    for form in person_name_forms(person, given, surname, known_given):
        yield form, PersonKey(person.id, "short")


def _team_entries(team: Team) -> Iterable[tuple[str, Payload]]:
    for tn in team.names:
        for v in _team_variants(tn.name):
            yield v, TeamKey(team.id, "name", _weak_team_word(v))
    for alias in team.aliases:
        for v in _team_variants(alias):
            yield v, TeamKey(team.id, "alias", _weak_team_word(v))
    for nick in team.nicknames:
        yield nick, TeamKey(team.id, "nickname", True)


def _race_names_holding_teams(
    race_names: Iterable[str], team_entries: Iterable[tuple[str, Payload]]
) -> Iterable[tuple[str, Payload]]:
    """A race's name that holds a team's name ("E3 Saxo Bank Classic", "Lotto Belgium
    Tour"), as one cycling term: the automaton matches longest first, so the sponsor inside
    the race's name is not read as the team. Built once per roster, from the calendar's
    names (a few words each), not from story text."""
    team_keys = {" ".join(fold_tokens(alias)) for alias, _ in team_entries}
    team_keys.discard("")
    for name in race_names:
        words = fold_tokens(name)
        if " ".join(words) in team_keys:
            continue  # the race's whole name is a team's: the team's rules decide
        spans = (
            " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
        )
        if any(span in team_keys for span in spans):
            yield name, CueKey(STRONG_CUE_WEIGHT)


def _team_variants(name: str) -> set[str]:
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


def _weak_team_word(name: str) -> bool:
    """One word (Jumbo, Astana, Cofidis) may be a company, a place or a word."""
    words = fold_tokens(name)
    if len(words) <= 1:
        return True
    # "Red Bull", "Uno X", "EF Education": companies and brands as well.
    return len(words) == 2 and (len(words[1]) <= 1 or words[0] in {"red", "ef", "team"})


def _vocab_entries() -> Iterable[tuple[str, Payload]]:
    for term in CYCLING_STRONG:
        yield term, CueKey(STRONG_CUE_WEIGHT)
    for term in CYCLING_WEAK:
        yield term, CueKey(WEAK_CUE_WEIGHT)
    for word in COMPANY_CUES:
        yield word, CompanyKey()


def _nation_keys() -> dict[str, NationKey]:
    """Folded nationality word -> its country and whether it is a noun, an adjective."""
    nation: dict[str, tuple[str, bool, bool]] = {}
    for country, forms in NATIONALITIES.items():
        for kind in ("nouns", "adjs"):
            for word in forms[kind]:
                key = folded(word)
                # Two- and three-letter forms (Est, Let, Rus) are everyday words.
                if len(key) < 4 or key in COMMON_WORDS:
                    continue
                _, noun, adj = nation.get(key, (country, False, False))
                nation[key] = (country, noun or kind == "nouns", adj or kind == "adjs")
    return {key: NationKey(country, noun, adj) for key, (country, noun, adj) in nation.items()}
