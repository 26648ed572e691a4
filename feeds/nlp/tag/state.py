"""What the rules share for one story: the mentions found so far, and the choices every
rule makes the same way (which namesake, which team, what kind on the publication date).

The rule modules (surnames, descriptions, fuzzy, siblings, weak_teams) read and add to a
`ResolverState`; `resolver.Resolver` builds on it and runs them in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from feeds.nlp.tag.careers import Kind, person_kind, senior, tells_career_over
from feeds.nlp.tag.keys import Hit
from feeds.nlp.tag.lexicon import Lexicon
from feeds.nlp.tag.story import StoryText
from feeds.roster import Person, Team
from feeds.text.fold import FoldedText

# People's kinds and racing categories on one publication date (`MentionTagger.date_caches`).
DateCaches = tuple[dict[str, Kind], dict[str, str | None]]


@dataclass(slots=True)
class Found:
    """A resolved mention, before it becomes a `Mention`."""

    entity_id: str
    kind: Kind
    start: int
    end: int
    how: str
    is_team: bool = False


class ResolverState(StoryText):
    """One story's mentions so far and the shared choices. Short-lived; never shared
    between threads (the date caches it fills are: see `MentionTagger.date_caches`)."""

    def __init__(
        self,
        lexicon: Lexicon,
        caches: DateCaches,
        ft: FoldedText,
        published: date | None,
        hits: list[Hit],
    ) -> None:
        super().__init__(ft, hits)
        self.lex = lexicon
        self.published = published
        self.found: list[Found] = []
        self.persons_full: dict[str, list[int]] = {}  # person id -> starts of full mentions
        self.everyday: frozenset[str] = frozenset()
        """The story's language's everyday words that are surnames too (`everyday`)."""
        self.unsettled: list[tuple[int, int, tuple[str, ...]]] = []
        """Everyday-word surnames (Milan, Thomas) with no team nearby: (start, end, people);
        a list of riders around one settles it (`listed`)."""
        self._kinds, self._person_cats = caches
        # Per-story cache: depends only on the story, so computed once.
        self._retired_here: bool | None = None
        # Men's/women's racing of what `found` holds, kept up to date as it grows.
        self._cats: set[str] = set()

    def forget_found(self) -> None:
        """Drop every mention found so far (the story turned out not to be about cycling)."""
        self.found = []
        self._cats = set()
        self.persons_full = {}

    # --- people -----------------------------------------------------------------------

    def person(self, person_id: str) -> Person:
        return self.lex.people[person_id]

    def kind(self, person_id: str) -> Kind:
        kind = self._kinds.get(person_id)
        if kind is None:
            kind = self._kinds[person_id] = person_kind(self.person(person_id), self.published)
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
        if kind == "rider" and self._career_over() and self.person(pid).retired is not None:
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
        by_team = [i for i in pool if self.person(i).team_on(self.published) in teams_here]
        if len(by_team) == 1:
            return by_team[0]
        return senior(map(self.person, by_team or pool))

    def _person_category(self, person_id: str) -> str | None:
        # Asked again for every namesake choice and every mention: once per person.
        try:
            return self._person_cats[person_id]
        except KeyError:
            pass
        tid = self.person(person_id).team_on(self.published)
        cat = self.team(tid).category if tid and tid in self.lex.teams else None
        self._person_cats[person_id] = cat
        return cat

    def _story_categories(self) -> set[str]:
        """Men's or women's racing, from the people and teams found so far (kept up to
        date by `add_person`/`add_team`; callers must not modify the set)."""
        return self._cats

    # --- teams ------------------------------------------------------------------------

    def team(self, team_id: str) -> Team:
        return self.lex.teams[team_id]

    def add_team(self, tid: str, start: int, end: int, how: str) -> None:
        self.found.append(Found(tid, "team", start, end, how, is_team=True))
        self._cats.add(self.team(tid).category)

    def pick_team(self, ids: Sequence[str], pos: int) -> str | None:
        """One team among those sharing a name: the one racing under it then, then by category."""
        ids = list(dict.fromkeys(ids))
        if len(ids) == 1:
            return ids[0]
        teams = [self.team(i) for i in ids]
        categories = self._story_categories()
        pool = [t for t in teams if t.category in categories] or teams
        pool.sort(key=lambda t: 0 if t.category == "men" else 1)
        return pool[0].id if pool else None
