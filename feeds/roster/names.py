"""Fuzzy name lookup over the roster, for autocomplete and "did you mean" suggestions.

Every canonical name, former team name and alias is folded (accents dropped,
case-folded, punctuation to spaces) once when the index is built; a query is
folded the same way and scored with rapidfuzz. Folding is what makes "pogacar"
find "Pogačar" and "morkov" find "Mørkøv"; rapidfuzz handles typos ("cavendsh").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz, process
from unidecode import unidecode

from feeds.roster import Person, Roster, Team

MAX_CHOICES = 25
"""Discord accepts at most 25 autocomplete choices."""
CHOICE_NAME_LIMIT = 100

_NON_WORD = re.compile(r"[^0-9a-z]+")
# Letters unidecode maps differently from how cyclists' names are usually typed.
_SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """A name as people type it: ASCII, lower case, single spaces."""
    if not text.isascii():
        # Lone surrogates can arrive in JSON from Discord; drop them before transliterating.
        text = unidecode(text.translate(_SPECIAL).encode("utf-8", "ignore").decode())
    ascii_text = text
    return _NON_WORD.sub(" ", ascii_text.casefold()).strip()


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    label: str
    """What to show: the canonical name (with a short qualifier)."""
    score: float
    matched: str
    """The alias that matched, as written in the roster."""


@dataclass(frozen=True, slots=True)
class _Entry:
    id: str
    folded: str
    written: str
    tokens: tuple[str, ...]


class NameIndex:
    """Names of one kind of entity (people or teams) mapped to their ids."""

    def __init__(
        self,
        names: Iterable[tuple[str, str]],
        labels: dict[str, str],
        *,
        surnames: bool = False,
    ) -> None:
        """`names`: (entity id, a name or alias); `labels`: entity id -> display label.

        With `surnames`, a name's last word alone resolves it when no one else shares it.
        """
        self._surnames = surnames
        self._entries = _entries(names, {})
        self._folded = [e.folded for e in self._entries]
        self.labels = labels
        # Sorted for prefix lookups by bisection: a keystroke must not scan every name.
        self._by_name = sorted((e.folded, i) for i, e in enumerate(self._entries))
        self._by_token = sorted({(t, i) for i, e in enumerate(self._entries) for t in e.tokens})
        self._exact: dict[str, set[str]] = {}
        self._surname: dict[str, set[str]] = {}
        self._index_words(self._entries)
        # A label typed or pasted in full ("Lidl-Trek (women)") names its entity exactly.
        # Only here, not in the word index: "uae" should not list every UAE rider.
        self._labels_folded = {fold(label): key for key, label in labels.items()}

    def _index_words(self, entries: Iterable[_Entry]) -> None:
        for entry in entries:
            self._exact[entry.folded] = self._exact.get(entry.folded, set()) | {entry.id}
            if self._surnames and len(entry.tokens) > 1:
                last = entry.tokens[-1]
                self._surname[last] = self._surname.get(last, set()) | {entry.id}

    def extended(self, names: Iterable[tuple[str, str]], labels: dict[str, str]) -> NameIndex:
        """This index with more names, and labels for entities it lacked (a server's own
        riders, teams and aliases). This one is left as it was; the new one shares its
        folded names, so a server's view costs a copy of the tables, not a rebuild."""
        added = _entries(names, self._exact)
        index = object.__new__(NameIndex)
        index._surnames = self._surnames
        start = len(self._entries)
        index._entries = self._entries + added
        index._folded = self._folded + [e.folded for e in added]
        index.labels = {**self.labels, **labels}
        index._by_name = sorted(
            [*self._by_name, *((e.folded, start + i) for i, e in enumerate(added))]
        )
        index._by_token = sorted(
            [
                *self._by_token,
                *{(t, start + i) for i, e in enumerate(added) for t in e.tokens},
            ]
        )
        # Sets are replaced, never changed in place: the two indexes share the others.
        index._exact = dict(self._exact)
        index._surname = dict(self._surname)
        index._index_words(added)
        index._labels_folded = {
            **self._labels_folded,
            **{fold(label): key for key, label in labels.items()},
        }
        return index

    def __len__(self) -> int:
        return len(self.labels)

    def search(self, query: str, limit: int = MAX_CHOICES) -> list[Match]:
        """Best matches first, one per entity, at most `limit`."""
        q = fold(query)
        if not q:
            return []
        best: dict[str, Match] = {}

        def offer(entry: _Entry, score: float) -> None:
            current = best.get(entry.id)
            if current is None or score > current.score:
                best[entry.id] = Match(entry.id, self.labels[entry.id], score, entry.written)

        # Prefix of a word or of the whole name: what someone typing a name produces
        # ("pogi" → "Pogačar", "van der" → "van der Poel"). rapidfuzz alone ranks short
        # prefixes below unrelated short names, so these are scored first.
        for folded, i in _prefixed(self._by_name, q):
            offer(self._entries[i], 100.0 if folded == q else 97.0 + len(q) / len(folded))
        *whole, last = q.split()
        for token, i in _prefixed(self._by_token, last):
            entry = self._entries[i]
            if not whole or _tokens_prefixed([*whole, last], entry.tokens):
                # The shorter completion of the last word first ("pogac" → "pogacar").
                offer(entry, 94.0 + len(last) / len(token))
        if len(last) >= 4:
            # One wrong last letter while typing ("pogi" for "poga…"); again the shorter
            # completion wins ("pogacar" before "pogacnik").
            for token, i in _prefixed(self._by_token, last[:-1]):
                entry = self._entries[i]
                if not whole or _tokens_prefixed([*whole, last[:-1]], entry.tokens):
                    offer(entry, 88.0 + (len(last) - 1) / len(token))
        if len(q) < 3:
            # One or two letters: only prefixes mean anything.
            return sorted(best.values(), key=lambda m: (-m.score, m.label))[:limit]
        for _, score, index in process.extract(
            q,
            self._folded,
            scorer=fuzz.WRatio,
            limit=limit * 3,
            score_cutoff=75 if len(q) < 5 else 60,
        ):
            # Fuzzy scores stay below the prefix tiers: a typed prefix says more about
            # intent than a partial alignment somewhere inside a longer name.
            offer(self._entries[index], min(float(score) * 0.95, 88.0))
        ranked = sorted(best.values(), key=lambda m: (-m.score, m.label))
        return ranked[:limit]

    def candidates(self, text: str) -> list[str]:
        """Every entity whose name or alias is exactly `text` (folded): more than one means
        the name is ambiguous ("Lidl-Trek": the men's and the women's team)."""
        return sorted(self._exact.get(fold(text), ()), key=lambda i: self.labels[i])

    def resolve(self, text: str) -> str | None:
        """The one entity `text` names unambiguously (an id, a name, an alias, a surname)."""
        stripped = text.strip()
        if stripped in self.labels:
            return stripped
        q = fold(stripped)
        if not q:
            return None
        for table in (self._exact, self._surname):
            ids = table.get(q)
            if ids and len(ids) == 1:
                return next(iter(ids))
        if q in self._labels_folded:
            return self._labels_folded[q]
        matches = self.search(q, limit=2)
        # A single clear winner only: a typo of one name, not a guess between two.
        if (
            matches
            and matches[0].score >= 80
            and (len(matches) == 1 or matches[0].score - matches[1].score >= 8)
        ):
            return matches[0].id
        return None


def _entries(names: Iterable[tuple[str, str]], known: dict[str, set[str]]) -> list[_Entry]:
    """One entry per (entity, folded name), leaving out those `known` already holds."""
    entries: dict[tuple[str, str], _Entry] = {}
    for entity_id, written in names:
        folded = fold(written)
        if folded and (entity_id, folded) not in entries and entity_id not in known.get(folded, ()):
            entries[(entity_id, folded)] = _Entry(entity_id, folded, written, tuple(folded.split()))
    return list(entries.values())


def _prefixed(table: list[tuple[str, int]], prefix: str) -> Iterator[tuple[str, int]]:
    """Rows of a sorted (text, index) table whose text starts with `prefix`."""
    for row in itertools.islice(table, bisect.bisect_left(table, (prefix,)), None):
        if not row[0].startswith(prefix):
            return
        yield row


def _tokens_prefixed(query: list[str], tokens: tuple[str, ...]) -> str | None:
    """The name word the query's last word starts, when every query word starts a name
    word in order ("van der po" → "mathieu van der poel"); else None."""
    if not query or len(query) > len(tokens):
        return None
    *whole, last = query
    for start in range(len(tokens) - len(query) + 1):
        window = tokens[start : start + len(query)]
        if list(window[:-1]) == whole and window[-1].startswith(last):
            return window[-1]
    return None


def person_label(person: Person, roster: Roster, today: date) -> str:
    team_id = person.team_on(today) if person.is_active_rider(today) else None
    if person.kind == "staff":
        qualifier = person.role or "staff"
    elif person.kind == "retired" or (person.retired is not None and person.retired < today.year):
        qualifier = "retired"
    elif team_id and team_id in roster.teams:
        qualifier = roster.teams[team_id].name_on(today)
    else:
        qualifier = ""
    label = f"{person.name} ({qualifier})" if qualifier else person.name
    return label[:CHOICE_NAME_LIMIT]


def team_label(team: Team, today: date) -> str:
    return team.name_on(today)[:CHOICE_NAME_LIMIT]


@dataclass(frozen=True, slots=True)
class RosterNames:
    """The two indexes the lookups use, built together from one roster."""

    people: NameIndex
    teams: NameIndex

    @classmethod
    def build(cls, roster: Roster, today: date | None = None) -> RosterNames:
        today = today or date.today()
        people = NameIndex(
            ((p.id, n) for p in roster.people.values() for n in (p.name, *p.aliases)),
            _distinct(
                {p.id: person_label(p, roster, today) for p in roster.people.values()},
                {p.id: p.nationality or p.id for p in roster.people.values()},
            ),
            surnames=True,
        )
        teams = NameIndex(
            (
                (t.id, n)
                for t in roster.teams.values()
                for n in (*t.all_names, *t.aliases, *t.nicknames)
            ),
            # The men's and women's Lidl-Trek share a name: "Lidl-Trek (men)", "(women)".
            _distinct(
                {t.id: team_label(t, today) for t in roster.teams.values()},
                {t.id: t.category for t in roster.teams.values()},
            ),
        )
        return cls(people, teams)


def _distinct(labels: dict[str, str], qualifiers: dict[str, str]) -> dict[str, str]:
    """Labels made unique: a shared one gets its qualifier, then its id if still shared."""
    counts = Counter(labels.values())
    out = {
        key: f"{label} ({qualifiers[key]})" if counts[label] > 1 else label
        for key, label in labels.items()
    }
    counts = Counter(out.values())
    return {
        key: (f"{label} [{key}]" if counts[label] > 1 else label)[:CHOICE_NAME_LIMIT]
        for key, label in out.items()
    }
