"""The rules for one story: which candidates are real mentions.

Pass 1 takes full names and unambiguous team names; then the story must be about
cycling; pass 2 settles team words, aliases, surnames and descriptions, then
misspellings and siblings. Each concern lives in its own module; this core holds the
story's state and the choices they share (which namesake, which team, what kind).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from feeds.nlp.fold import FoldedText
from feeds.nlp.tag.careers import Kind, person_kind, senior, tells_career_over
from feeds.nlp.tag.context import is_cycling, weak_team
from feeds.nlp.tag.descriptions import descriptions, staff_teams
from feeds.nlp.tag.fuzzy import misspellings
from feeds.nlp.tag.keys import Hit, KeyInfo, NationKey
from feeds.nlp.tag.siblings import shared_surname, siblings
from feeds.nlp.tag.story import StoryText
from feeds.nlp.tag.surnames import alias, shadowed_surnames, surname

if TYPE_CHECKING:
    from feeds.nlp.tag.tagger import Tagger


@dataclass(slots=True)
class Found:
    """A resolved mention, before it becomes a `Mention`."""

    entity_id: str
    kind: Kind
    start: int
    end: int
    how: str
    is_team: bool = False


class Resolver(StoryText):
    """The rules, for one story. Short-lived; never shared between threads."""

    def __init__(
        self,
        tagger: Tagger,
        ft: FoldedText,
        published: date | None,
        hits: list[Hit],
        strong_vocab: int,
        weak_vocab: int,
    ) -> None:
        super().__init__(ft, hits)
        self.t = tagger
        self.lex = tagger.lexicon
        self.published = published
        self.strong_vocab = strong_vocab
        self.weak_vocab = weak_vocab
        self.found: list[Found] = []
        self.persons_full: dict[str, list[int]] = {}  # person id -> starts of full mentions
        self._kinds, self._person_cats = tagger.date_caches(published)
        # Per-story cache: depends only on the story, so computed once.
        self._retired_here: bool | None = None
        # Men's/women's racing of what `found` holds, kept up to date as it grows.
        self._cats: set[str] = set()

    # --- the passes -------------------------------------------------------------------

    def run(self) -> list[Found]:
        pending, strong_entities = self._full_names_and_teams()
        # A full name alone in a story that is not about cycling is someone else
        # (Simon Yates the mountaineer): each needs the context without itself. Every
        # entity found so far is one of `strong_entities`, so without itself each
        # has the same count: either all stay or none does.
        count = len(strong_entities)
        if self.found and not is_cycling(self.strong_vocab, self.weak_vocab, count - 1):
            self.found = []
            self._cats = set()
            self.persons_full = {}
            count = 0
        if not is_cycling(self.strong_vocab, self.weak_vocab, count):
            return self._finish([])
        shadows = shadowed_surnames(self, pending)

        # Pass 2: aliases, weak team words, surnames, descriptions.
        descs: list[tuple[int, int, NationKey]] = []
        for start, end, k0, k1, info in pending:
            if weak_team(self, info, start, end, k0, k1):
                continue
            if alias(self, info, start, end):
                continue
            if surname(self, info, start, end, shadows):
                continue
            if info.nation is not None:
                descs.append((k0, k1, info.nation))
        misspellings(self)
        siblings(self)
        staff_teams(self)
        descriptions(self, descs)
        return self._finish(self.found)

    def _full_names_and_teams(self) -> tuple[list[Hit], set[str]]:
        """Pass 1: full names and unambiguous multi-word team names. Returns the hits
        left for pass 2 and the entities found."""
        strong_entities: set[str] = set()
        pending: list[Hit] = []
        for hit in self.hits:
            start, end, k0, k1, info = hit
            if info.full_names and self.clean_name_gap(start, end):
                named = self._full_name(info, start, end, k0, k1)
                if named:
                    strong_entities.update(named)
                    continue
            teams = info.strong_teams
            if teams and not self.near_company(k0, k1):
                tid = (
                    teams[0].team_id
                    if len(teams) == 1
                    else self.pick_team([p.team_id for p in teams], start)
                )
                if tid is not None:
                    self.add_team(tid, start, end, teams[0].how)
                    strong_entities.add(tid)
                    continue
            pending.append(hit)
        return pending, strong_entities

    def _full_name(self, info: KeyInfo, start: int, end: int, k0: int, k1: int) -> list[str]:
        """The people a full name names: its own, and a sibling's before "and"."""
        people = info.full_names
        ids = info.full_ids
        pid = ids[0] if len(ids) == 1 else self.pick_person(ids, start)
        if pid is None:
            return []
        how = (
            people[0].how if len(people) == 1 else next(p.how for p in people if p.person_id == pid)
        )
        self._add_full(pid, start, end, how)
        sibling = shared_surname(self, start, k0, k1)
        if sibling is None:
            return [pid]
        sid, s_start, s_end = sibling
        self._add_full(sid, s_start, s_end, "name")
        return [pid, sid]

    def _add_full(self, pid: str, start: int, end: int, how: str) -> None:
        self.add_person(pid, start, end, how)
        self.persons_full.setdefault(pid, []).append(start)

    def _finish(self, found: list[Found]) -> list[Found]:
        found.sort(key=lambda f: (f.start, -f.end))
        out: list[Found] = []
        last_end = -1
        for f in found:
            if f.start < last_end and out and out[-1].start <= f.start:
                continue  # never two mentions over the same characters
            out.append(f)
            last_end = max(last_end, f.end)
        return out

    # --- people -----------------------------------------------------------------------

    def kind(self, person_id: str) -> Kind:
        kind = self._kinds.get(person_id)
        if kind is None:
            kind = self._kinds[person_id] = person_kind(self.t.person(person_id), self.published)
        return kind

    def _career_over(self) -> bool:
        if self._retired_here is None:
            self._retired_here = self.published is None and tells_career_over(
                self.text, self.lowered()
            )
        return self._retired_here

    def add_person(self, pid: str, start: int, end: int, how: str) -> None:
        # Once per mention: the cached answers are read straight from their dicts.
        kind = self._kinds.get(pid) or self.kind(pid)
        if kind == "rider" and self._career_over() and self.t.person(pid).retired is not None:
            # An undated story keeps recently retired riders as riders, unless it says
            # the career is over ("rode his last race", "after her retirement").
            kind = "retired"
        self.found.append(Found(pid, kind, start, end, how))
        if kind == "rider":
            cats = self._person_cats
            cat = cats[pid] if pid in cats else self._person_category(pid)
            if cat:
                self._cats.add(cat)

    def pick_person(self, ids: Sequence[str], pos: int) -> str | None:
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
        return senior(map(self.t.person, by_team or pool))

    def _person_category(self, person_id: str) -> str | None:
        # Asked again for every namesake choice and every mention: once per person.
        try:
            return self._person_cats[person_id]
        except KeyError:
            pass
        tid = self.t.person(person_id).team_on(self.published)
        cat = self.t.team(tid).category if tid and tid in self.lex.teams else None
        self._person_cats[person_id] = cat
        return cat

    def _story_categories(self) -> set[str]:
        """Men's or women's racing, from the people and teams found so far (kept up to
        date by `add_person`/`add_team`; callers must not modify the set)."""
        return self._cats

    # --- teams ------------------------------------------------------------------------

    def add_team(self, tid: str, start: int, end: int, how: str) -> None:
        self.found.append(Found(tid, "team", start, end, how, is_team=True))
        self._cats.add(self.t.team(tid).category)

    def pick_team(self, ids: Sequence[str], pos: int) -> str | None:
        """One team among those sharing a name: the one racing under it then, then by category."""
        ids = list(dict.fromkeys(ids))
        if len(ids) == 1:
            return ids[0]
        teams = [self.t.team(i) for i in ids]
        categories = self._story_categories()
        pool = [t for t in teams if t.category in categories] or teams
        pool.sort(key=lambda t: 0 if t.category == "men" else 1)
        return pool[0].id if pool else None
