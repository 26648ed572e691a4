"""What a story is read into: the story itself, and the evidence each cue gives about
one person's move.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING

from feeds.models import Mention
from feeds.nlp.transfers.scan import Hit
from feeds.roster import Roster

if TYPE_CHECKING:
    from feeds.nlp.transfers.phrases import StoryPhrases

PERSON_KINDS = frozenset({"rider", "staff"})
# Cue families that say the person arrives somewhere (vs. only leaves).
ARRIVAL_FAMILIES = frozenset({"arrive", "acquire", "noun_arrive", "courted"})
TITLE_WEIGHT = 1.5
FALLBACK_WEIGHT = 0.5


@dataclass(slots=True)
class Evidence:
    """What one cue says about one person's move."""

    person_id: str
    family: str
    sentence: int
    title: bool
    fallback: bool
    to: dict[str, float] = field(default_factory=dict)
    origin: set[str] = field(default_factory=set)
    season: int | None = None

    local_only: bool = False
    """Without a team of its own, may borrow only its sentence's destination."""
    left: bool = False
    """The cue names the team the person leaves ("leaves Lidl-Trek", "Ineos lost X")."""
    inheritable: bool = True
    """May take the story's destination when it names none ("is joining her")."""
    question: bool = False
    """From a headline that asks ("Pidcock to Q36.5?"), which counts for less."""
    known: bool = False
    """Said to have happened already ("ha già ingaggiato X"): news only about the
    headline's person ("X has already signed for Y, reports say")."""
    aside: bool = False
    """Told in a relative clause about the mover ("Vollering, die SD Worx verlaat voor
    FDJ, werd vijfde"): background unless the story's lede says it too."""
    listed: bool = False
    """From a list of arrivals with old teams in brackets (`lists`): news wherever it
    stands, never a move recalled in passing."""
    subject_start: int = -1
    """Where the words before the verb start, for a mover described, not named."""
    cue_start: int = -1
    unread: str = ""
    """The cue's destination slot holds words no team mention covers: "named" ("vers la
    Cycling Academy") takes no team named elsewhere, "described" ("rejoindre la nouvelle
    structure") only the headline's team (`unread`)."""

    @property
    def weight(self) -> float:
        w = TITLE_WEIGHT if self.title else 1.0
        return w * (FALLBACK_WEIGHT if self.fallback or self.question else 1.0)

    @property
    def to_weight(self) -> float:
        """How much this says about the destination: headlines state, bodies explain."""
        return FALLBACK_WEIGHT if self.fallback or self.question else 1.0

    @property
    def arrival(self) -> bool:
        return self.family in ARRIVAL_FAMILIES or bool(self.to)

    def for_person(self, person_id: str) -> Evidence:
        """A copy for one person, with its own destinations and origins to change:
        `dataclasses.replace` without its per-field checks (a clause's evidence is
        copied for every mover)."""
        ev = Evidence(*_EVIDENCE_FIELDS(self))
        ev.person_id, ev.to, ev.origin = person_id, dict(self.to), set(self.origin)
        return ev


# Every field, in the constructor's order (all are init fields), read in one call.
_EVIDENCE_FIELDS = attrgetter(*(f.name for f in fields(Evidence)))


@dataclass(slots=True)
class Story:
    """One story under reading: its text, mentions and cues, and the evidence so far."""

    text: str
    low: str
    roster: Roster
    published: date | None
    people: list[Mention]
    teams: list[Mention]
    hits: dict[str, list[Hit]]
    focus_team: str | None
    title_question: bool
    title_end: int = 0
    sentence_starts: list[int] = field(default_factory=list)
    headline_status: int = 0
    stays: dict[str, set[str]] = field(default_factory=dict)
    owned: set[int] = field(default_factory=set)
    """Team mentions written as someone's current team ("Alpecin's Philipsen", "X (UAE)")."""
    evidence: list[Evidence] = field(default_factory=list)
    untagged_move: bool = False
    """The lede has a move to a named team by a person the roster does not know, or the
    story a move whose teams are only offered as alternatives ("to X or Y")."""
    pending: list[Evidence] = field(default_factory=list)
    """Evidence whose mover is not named in its clause ("He will join ...")."""
    status_starts: list[int] | None = None
    """Sorted starts of the cues a sentence's status reads (status.py fills it on first
    use): a sentence with none of them is silent without asking each family."""
    status_scopes: dict[int, object] = field(default_factory=dict)
    """Per sentence, its clauses and relative clauses as `status_scope` reads them (filled
    on first use): read once, however many movers the sentence names."""
    languages: tuple[str, ...] | None = None
    """The languages whose lexicons read the story (None: all of them, pooled): a word of
    one language ("sem", Portuguese "without") is another's everyday word (Slovene "am")."""
    year_starts: list[int] | None = None
    """Sorted offsets where a year of 19xx or 20xx could begin (seasons.py fills it on
    first use): a clause with none names no season by its year."""
    carried: dict[int, str | None] = field(default_factory=dict)
    """Per sentence, the team it takes from the sentence before (`carried_teams` fills it
    on first use): worked out once, however many cues ask."""
    paragraph_starts: list[int] | None = None
    """Sorted offsets where a paragraph begins (`list_teams` fills it on first use): the
    paragraph of a sentence is looked up, not found by a scan back per sentence."""
    team_firsts: dict[str, int] | None = None
    nationals: dict[str, list[int]] | None = None
    """Per nationality, the indexes in `people` of the mentions of that country's people
    (unnamed.py fills it on first use): "the Dane" finds the last Dane named before it by
    bisection, not by a walk back over every mention."""
    """Each team's index of its first mention in `teams` (move_records.py fills it on
    first use): the team a person left is looked up, not found by a walk per person."""
    phrases: StoryPhrases | None = None
    """Where the rules' lexicon phrases may match (`extract.read_document` walks them,
    `phrases.story_phrases` reads them): one walk for every rule that scans sentence
    after sentence."""
