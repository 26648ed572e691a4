"""The tagger: a story's tags, composed from the steps below it.

`Tagger.tag` builds one `Document` per story and hands it to the three steps in turn:
riders, teams and staff (feeds/nlp/tag/, the `MentionTagger` it extends), the moves
(feeds/nlp/transfers/) and the races, the race in focus and the story's kind
(feeds/races/), which read the mentions and the moves. It stands above both: the race
step reads the language layer's document and mentions, and the language layer, handed
the race names as plain strings, never imports the races. Its answers are scored
against the annotated sets by feeds/evaluation/.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from feeds.models import Mention, Move, StoryTags
from feeds.nlp.document import Document
from feeds.nlp.tag import MentionTagger
from feeds.nlp.tag.unknown_riders import NearNames, unknown_riders
from feeds.nlp.transfers.extract import document_transfers
from feeds.nlp.transfers.language import scan_languages
from feeds.nlp.transfers.unknown_people import team_name_runs
from feeds.races.model import Calendar
from feeds.races.tagging import RaceTags, race_tagger
from feeds.roster import Roster


class Tagger(MentionTagger):
    """Riders, teams, staff, moves, races, race focus and kind; build once per roster,
    share freely (it changes only the mention step's date caches)."""

    def __init__(
        self,
        roster: Roster,
        calendar: Calendar | None = None,
        *,
        unknown_people: bool = False,
        unknown_riders: bool = True,
        learned_kind: bool = True,
    ) -> None:
        """`calendar`: the race calendar in force (None: the bundled one). `unknown_people`
        also reads moves of people the roster does not know (off: on unseen news it gave
        wrong moves and no right one, docs/TRANSFERS.md "People the roster does not know").
        `unknown_riders` tags people the roster does not know as riders where the text
        shows them racing (feeds/nlp/tag/unknown_riders.py); it never changes a move.
        `learned_kind` off: the rules' story kind, the learned model's weights unread."""
        self.races = race_tagger(calendar, learned_kind)
        self.unknown_people = unknown_people
        self.unknown_riders = unknown_riders
        races = self.races.calendar.races.values()
        super().__init__(roster, (name for race in races for name in race.aliases))

    def _build(self, roster: Roster, race_names: Iterable[str]) -> None:
        super()._build(roster, race_names)
        # The unknown riders step's lookups, built with the collector off as the rest is.
        self._near_names = NearNames.of(roster)
        # a name inside a team's name is a sponsor's: one set for every story
        self._team_runs = team_name_runs(roster)

    def tag(
        self,
        title: str,
        text: str,
        published: date | None,
        feed_is_cycling: bool | None = None,
        language: str | None = None,
    ) -> StoryTags:
        """Riders, teams, staff and moves; `language` is the feed's declared one ("pt",
        "en-GB"), None to tell it from the text (it picks the transfer cues)."""
        # One document for the three steps: the text is built, folded and lower-cased once.
        doc = Document(title, text, published, language)
        mentions, is_transfer, moves, found = self._read(doc, feed_is_cycling)
        riders = _ordered(m.entity_id for m in mentions if m.kind == "rider")
        teams = _ordered(m.entity_id for m in mentions if m.kind == "team")
        staff = _ordered(m.entity_id for m in mentions if m.kind == "staff")
        outside = (
            unknown_riders(
                doc,
                mentions,
                self.roster,
                scan_languages(doc.language, doc.low),
                self._near_names,
                self._team_runs,
            )
            if self.unknown_riders
            else []
        )
        return StoryTags(
            riders,
            teams,
            staff,
            is_transfer,
            list(moves),
            races=found.races,
            race_focus=found.race_focus,
            kind=found.kind,
            unknown_riders=outside,
        )

    def race_tags(
        self,
        title: str,
        text: str,
        published: date | None,
        feed_is_cycling: bool | None = None,
        language: str | None = None,
    ) -> RaceTags:
        """The races, focus and kind `tag` gives, with the rules' kind and what it was read
        from (the kind model's training reads these: feeds/evaluation/kind_training.py)."""
        return self._read(Document(title, text, published, language), feed_is_cycling)[3]

    def _read(
        self, doc: Document, feed_is_cycling: bool | None
    ) -> tuple[list[Mention], bool, Sequence[Move], RaceTags]:
        mentions = self._mentions(doc, feed_is_cycling)
        # Transfer extraction never raises: a bug on one story reads as "no transfer" and
        # the story keeps its riders and teams.
        is_transfer, moves = document_transfers(
            doc,
            mentions,
            self.roster,
            lambda: self.cycling_context(doc.title, doc.body),
            unknown_people=self.unknown_people,
        )
        # Races, the race in focus and the kind read the moves and who is named.
        found = self.races.tag_document(doc, mentions, self.roster, moves, is_transfer)
        return mentions, is_transfer, moves, found


def _ordered(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))
