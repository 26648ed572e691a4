"""The rules for one story: which candidates are real mentions.

Pass 1 takes full names and unambiguous team names; then the story must be about
cycling; pass 2 settles full names with case endings (in languages that decline names),
team words, aliases, surnames and descriptions, then
misspellings and siblings. Each concern lives in its own module, below this one; the
story's state and the choices they share (which namesake, which team, what kind) are in
`state`, which they build on.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from feeds.nlp.tag.context import is_cycling
from feeds.nlp.tag.descriptions import descriptions, staff_teams
from feeds.nlp.tag.fuzzy import misspellings
from feeds.nlp.tag.inflected import inflected_names
from feeds.nlp.tag.inflected_surnames import inflected_surnames
from feeds.nlp.tag.inflected_teams import inflected_teams
from feeds.nlp.tag.keys import Hit, KeyInfo, NationKey
from feeds.nlp.tag.lexicon import Lexicon
from feeds.nlp.tag.listed import listed_surnames
from feeds.nlp.tag.sibling_pairs import sibling_pairs
from feeds.nlp.tag.siblings import shared_surname, siblings
from feeds.nlp.tag.state import DateCaches, Found, ResolverState
from feeds.nlp.tag.surnames import alias, shadowed_surnames, surname
from feeds.nlp.tag.weak_teams import weak_team
from feeds.text.fold import FoldedText


class Resolver(ResolverState):
    """The rules, for one story. Short-lived; never shared between threads."""

    def __init__(
        self,
        lexicon: Lexicon,
        caches: DateCaches,
        ft: FoldedText,
        published: date | None,
        hits: list[Hit],
        strong_vocab: int,
        weak_vocab: int,
    ) -> None:
        super().__init__(lexicon, caches, ft, published, hits)
        self.strong_vocab = strong_vocab
        self.weak_vocab = weak_vocab
        self.name_endings: tuple[str, ...] = ()
        self.riders_by_surname: Mapping[str, tuple[str, ...]] = {}
        """Folded surname -> riders (`sibling_pairs.rider_surnames`), built once per tagger."""
        """Case endings of the story's language ("Tarlingom"): see `inflected`."""

    # --- the passes -------------------------------------------------------------------

    def run(self) -> list[Found]:
        pending, strong_entities = self._full_names_and_teams()
        # A full name alone in a story that is not about cycling is someone else
        # (Simon Yates the mountaineer): each needs the context without itself. Every
        # entity found so far is one of `strong_entities`, so without itself each
        # has the same count: either all stay or none does.
        count = len(strong_entities)
        if self.found and not is_cycling(self.strong_vocab, self.weak_vocab, count - 1):
            self.forget_found()
            count = 0
        if not is_cycling(self.strong_vocab, self.weak_vocab, count):
            return self._finish([])
        # Inflected full names first: like full names, they settle the surnames after them.
        pending = inflected_names(self, pending, self.name_endings)
        pending = inflected_teams(self, pending, self.name_endings)
        # Then declined lone surnames, read by the surname rule with the plain ones.
        pending = inflected_surnames(self, pending, self.name_endings)
        shadows = shadowed_surnames(self, pending)

        # Pass 2: aliases, weak team words, surnames, descriptions.
        descs: list[tuple[int, int, NationKey]] = []
        for start, end, k0, k1, info in pending:
            if weak_team(self, info, start, end, k0, k1):
                continue
            if alias(self, info, start, end):
                continue
            if surname(self, info, start, end, k1, shadows):
                continue
            if info.nation is not None:
                descs.append((k0, k1, info.nation))
        listed_surnames(self)
        misspellings(self)
        siblings(self)
        sibling_pairs(self, self.riders_by_surname)
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
            if teams and not self.near_company(k0, k1) and not self.named_as_sponsor(end):
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
