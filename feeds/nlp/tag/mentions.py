"""Riders, teams and staff: a `MentionTagger` per roster, and its matching stage (candidates).

The composed `Tagger` (feeds/tagger.py) extends it and hands its mentions to the transfer and
race steps; race names come in as plain strings, so this layer never reads the calendar."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from feeds.models import Mention
from feeds.nlp.document import Document
from feeds.nlp.matcher import Matcher
from feeds.nlp.tag.careers import UNDATED_GRACE_SEASONS, today
from feeds.nlp.tag.context import STRONG_CUE_WEIGHT, is_cycling, vocabulary_weights
from feeds.nlp.tag.everyday import everyday_words
from feeds.nlp.tag.inflected import case_endings
from feeds.nlp.tag.keys import Hit, KeyInfo
from feeds.nlp.tag.lexicon import Lexicon, build_lexicon
from feeds.nlp.tag.resolver import Resolver
from feeds.nlp.tag.sibling_pairs import rider_surnames
from feeds.nlp.tag.state import DateCaches, Found
from feeds.nlp.tag.undated import inferred_date
from feeds.roster import Roster
from feeds.text.fold import FoldedText

log = logging.getLogger(__name__)

# Publication dates whose people's kinds and categories a MentionTagger keeps at once.
MAX_CACHED_DATES = 512


@dataclass(slots=True)
class Candidates:
    """What the matching stage found in one story, before any rule."""

    text: FoldedText
    hits: list[Hit]
    """(start, end, first word, end word, key) of each alias occurrence, in text order."""
    vocab: int
    """Weight of the strong cycling vocabulary (each word once)."""
    weak_vocab: int
    company_words: set[int]
    """Folded word indices of company words ("supermarket", "software")."""


class MentionTagger:
    """Find riders, teams and staff in stories; build once per roster, share freely."""

    def __init__(self, roster: Roster, race_names: Iterable[str] = ()) -> None:
        """`race_names`: the calendar's races' names in every language, as plain strings
        (the Tagger reads them off the calendar): their words are weak surnames ("la
        Corsa Rosa", "the Cadel Evans race"), as the words of team sponsors are."""
        # Building allocates ~100k small objects; the cyclic collector would walk
        # them several times over (a third of the build time) and finds no cycles.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._build(roster, race_names)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _build(self, roster: Roster, race_names: Iterable[str]) -> None:
        """Runs with the cyclic collector off; a subclass that builds more extends it."""
        self.roster = roster
        # What the rules look up; race names' words are weak surnames.
        self.lexicon: Lexicon = build_lexicon(roster, race_names)
        self._matcher: Matcher[KeyInfo] = self.lexicon.matcher
        self._riders_by_surname = rider_surnames(self.lexicon)
        self._by_date: dict[object, DateCaches] = {}
        self.alias_count = len(self._matcher)
        log.debug("tagger built: %d keys", self.alias_count)

    # --- public API ---------------------------------------------------------------

    def mentions(
        self,
        title: str,
        text: str,
        published: date | None,
        feed_is_cycling: bool | None = None,
        language: str | None = None,
    ) -> list[Mention]:
        """Every resolved mention, in text order; offsets index `title + "\\n\\n" + text`.
        `language`: the feed's declared one ("pt", "en-GB"), None to tell it from the text
        (it picks the case endings of names, if any)."""
        return self._mentions(Document(title, text, published, language), feed_is_cycling)

    def _mentions(self, doc: Document, feed_is_cycling: bool | None) -> list[Mention]:
        found = self._resolve(doc.folded, doc.published, feed_is_cycling, doc.language)
        return [Mention(f.entity_id, f.kind, f.start, f.end, f.how) for f in found]

    def cycling_context(self, title: str, text: str) -> bool:
        """Whether a story reads as cycling without being told its feed does: the
        context rule of the resolver (cycling words, or riders and teams named in full
        beside one another; one name alone may be a namesake from another sport), with
        names counted at the matching stage. One fold and one pass, no rules: what
        feeds are measured with (bot/pipeline/cycling_share.py)."""
        automaton = self._matcher.automaton
        if automaton is None:
            return False
        vocab = weak_vocab = 0
        seen_cues: set[str] = set()
        named: set[str] = set()
        for _, (_, (info,)) in automaton.iter_long(FoldedText(f"{title}\n\n{text}").folded):
            if info.cue and info.key not in seen_cues:
                seen_cues.add(info.key)
                if info.cue >= STRONG_CUE_WEIGHT:
                    vocab += info.cue
                else:
                    weak_vocab += info.cue
            named.update(info.full_ids)
            named.update(team.team_id for team in info.strong_teams)
        strong, weak = vocabulary_weights(vocab, weak_vocab, feed_is_cycling=None)
        # As in the resolver, each name needs the context without itself.
        return is_cycling(strong, weak, entities=max(0, len(named) - 1))

    def team_name(self, team_id: str, published: date | None) -> str:
        return self.lexicon.teams[team_id].name_on(published)

    def candidates(self, text: str | FoldedText) -> Candidates | None:
        """The matching stage: fold `text` once (or take it folded), run the automaton
        over it, and map each alias occurrence back to the original text (what the rules
        then settle). None when no alias occurs."""
        automaton = self._matcher.automaton
        if automaton is None:
            return None
        ft = text if isinstance(text, FoldedText) else FoldedText(text)
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
        hits: list[Hit] = [
            (*span, info) for span, info in zip(ft.spans(starts, ends), infos, strict=True)
        ]
        company_words = {ft.word_index(pos) for pos in company_at}
        return Candidates(ft, hits, vocab, weak_vocab, company_words)

    # --- what the resolver is given -----------------------------------------------

    def date_caches(self, published: date | None) -> DateCaches:
        """Shared caches of people's kinds and racing categories on `published`.

        Both depend only on the person and the date (undated: on today), and the same
        riders come back story after story; filling them from several threads at once
        only writes the same answers twice.
        """
        key: object = published if published is not None else (None, today(), date.today())
        caches = self._by_date.get(key)
        if caches is None:
            if len(self._by_date) >= MAX_CACHED_DATES:
                self._by_date.clear()
            caches = self._by_date[key] = ({}, {})
        return caches

    def _resolve(
        self,
        folded: FoldedText,
        published: date | None,
        feed_is_cycling: bool | None,
        language: str | None,
    ) -> list[Found]:
        found = self.candidates(folded)
        if found is None:
            return []
        strong, weak = vocabulary_weights(found.vocab, found.weak_vocab, feed_is_cycling)
        endings = case_endings(language, folded.original)
        everyday = everyday_words(language, folded.original)
        resolved = self._run_rules(found, published, strong, weak, endings, everyday)
        if published is None:
            # Undated: read again on the season its names fit, when they fit an older one.
            when = self._season_of(resolved, folded.original)
            if when is not None:
                resolved = self._run_rules(found, when, strong, weak, endings, everyday)
        return resolved

    def _run_rules(
        self,
        found: Candidates,
        published: date | None,
        strong: int,
        weak: int,
        endings: tuple[str, ...],
        everyday: frozenset[str] = frozenset(),
    ) -> list[Found]:
        caches = self.date_caches(published)
        state = Resolver(self.lexicon, caches, found.text, published, found.hits, strong, weak)
        state.company_words = found.company_words
        state.riders_by_surname = self._riders_by_surname
        # Only a language that declines names has endings; the others skip the rule.
        state.name_endings = endings
        state.everyday = everyday
        return state.run()

    def _season_of(self, resolved: list[Found], text: str) -> date | None:
        """The date an undated story stands for when its names fit a season before the
        recent ones it is read in by default (feeds/nlp/tag/undated.py); else None."""
        this_season = today().year
        riders = [f.entity_id for f in resolved if f.kind in ("rider", "retired")]
        teams = [(f.entity_id, text[f.start : f.end]) for f in resolved if f.kind == "team"]
        when = inferred_date(
            riders, teams, self.lexicon.people, self.lexicon.teams, this_season, text
        )
        if when is None or when.year >= this_season - UNDATED_GRACE_SEASONS:
            return None
        return when
