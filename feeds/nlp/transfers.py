"""Transfer extraction: does a story report moves between teams, and which ones.

The tagger has already found every rider, staff member and team in the text; this
module reads the words around those mentions, clause by clause:

1. Cue words (`feeds.transfer_cues`, six languages) mark a move and say who moves: the
   subject of "joins"/"leaves"/"wechselt", the object of "Astana sign ..."/"l'arrivée
   de ...", the owner of "X's move"/"le départ de X", or the list after "New signings:".
   Each cue reads only up to its neighbouring cues, so "X joins A, Y signs with B"
   keeps the two apart. Voice and word order: a passive signing names the team after
   "by"/"door"/"dalla" ("X has been signed by Y"); a swap's second team is the
   destination ("verruilt A voor B", "tauscht A gegen B"); a team verb may act on a
   description ("Tudor have signed the 32-year-old"); a subject that is a nationality
   description ("Le rouleur suisse rejoindra ...") is the last compatriot named.
2. The words right before each team mention give it a role: destination ("to",
   "naar", "à", "zum", "alla"), origin ("from", "van", "de", "von", "da") or current
   team ("at", "X (Team)", "Team's X"). A current team is never a destination.
3. Clauses about extensions, abandons and race action, renames/sponsors/mergers,
   promotions and history ("previously", "this season", "joined Ineos in 2019") are
   skipped; so are negated moves ("will never leave"), moves "already" made by someone
   other than the headline's person, events before ("after leaving UAE"), current teams
   ("rijdt nu nog voor") and, in stories whose lede reports no move, moves told in a
   relative clause ("Vollering, die SD Worx verlaat voor FDJ, werd vijfde") or, when the
   lede is race action, anywhere after it. Race words veto only the verbs they are
   about. An extension cue is about the nearest person named before it unless that
   person's own move verb comes first. The person's own team at publication (from the
   roster's dated stints) can never be the destination.
4. Evidence is summed per person. A headline that asks ("Pidcock to Q36.5?") counts
   less. Clauses with a move but no named mover ("He will join ...", "The move was
   announced") go to the story's main mover; people who "join her" or are "arriving"
   without a team named take the story's main destination.
5. Status comes from the sentences that carry the move: a hedge ("set to", "zou",
   "selon", "secondo", "laut", "según") or a dispute makes it a rumour, an announcement
   or an unhedged statement makes it confirmed, and a confirmed departure says nothing
   about the destination. An announcement that names nobody ("The Spanish team
   announced the deal.") speaks for the sentence before it. English modals ("could")
   give way to an announcement. A newspaper as source ("meldt Wielerflits", "selon
   L'Équipe") hedges; the team as source ("according to the team", "meldt de ploeg")
   announces.

A story is a transfer story when it has a move, or when someone leaves a named team
near the top of the story (a destination not yet known; a retiring rider leaves none).
A staff member leaving that way is a move to nobody (a null destination).

Everything is regular expressions over a lower-cased copy of the text, indexed by the
first letters of each word: a typical story takes well under a millisecond.
"""

from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from feeds.models import Mention, Move, MoveStatus
from feeds.nlp import cues as tag_cues
from feeds.nlp import transfer_cues as cues
from feeds.roster import Person, Roster

log = logging.getLogger(__name__)

PERSON_KINDS = frozenset({"rider", "staff"})

# Cue families that say the person arrives somewhere (vs. only leaves).
ARRIVAL_FAMILIES = frozenset({"arrive", "acquire", "noun_arrive", "courted"})
MOVE_FAMILIES = ("arrive", "depart", "acquire", "lose", "noun_arrive", "noun_depart", "courted")

TITLE_WEIGHT = 1.5
FALLBACK_WEIGHT = 0.5
INHERIT_WEIGHT = 0.5
MIN_MOVE_WEIGHT = 1.0
LEDE_SENTENCES = 2
MAX_GAP_WORDS = 8
UNHEDGED = 0.25
KEY_LEN = 3
"""Cues are indexed by the first three letters of the word they start at."""


# --- compiled vocabulary ------------------------------------------------------------------


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


def _prefixes(pattern: str) -> list[str]:
    """Index keys (up to three letters) a pattern can start with."""
    if pattern.startswith("(?:"):
        group = pattern[3 : pattern.index(")")]
        rest = pattern[pattern.index(")") + 1 :]
        if rest[:1] in ("?", "*", "{"):
            raise ValueError(f"cue {pattern!r} must not start with an optional group")
        alts = [_literal(alt + rest) for alt in group.split("|")]
    else:
        alts = [_literal(pattern)]
    if any(len(a) < 2 for a in alts):
        raise ValueError(f"cue {pattern!r} needs a literal start of two letters")
    return sorted({a[:KEY_LEN] if len(a) >= KEY_LEN else a for a in alts})


def _build_index() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    families: dict[str, Iterable[str]] = {
        "arrive": cues.ARRIVE,
        "depart": cues.DEPART,
        "acquire": cues.ACQUIRE,
        "lose": cues.LOSE,
        "noun_arrive": cues.NOUN_ARRIVE,
        "noun_depart": cues.NOUN_DEPART,
        "courted": cues.COURTED,
        "confirmed": cues.CONFIRMED,
        "rumour": cues.RUMOUR,
        "weak": cues.RUMOUR_WEAK,
        "superseded": cues.RUMOUR_SUPERSEDED,
        "dispute": cues.DISPUTE,
        "retire": cues.RETIREMENT,
        "reported": cues.REPORTED_BY,
        "extension": cues.EXTENSION,
        "race": cues.RACE,
        "organisation": cues.ORGANISATION,
        "background": cues.BACKGROUND,
    }
    index: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
    for family, patterns in families.items():
        for pattern in patterns:
            compiled = re.compile(pattern)
            for key in _prefixes(pattern):
                index[key].append((family, compiled))
    return dict(index)


_INDEX = _build_index()
_SHORT_KEYS = frozenset(k for k in _INDEX if len(k) < KEY_LEN)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ROLE_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+(?=[\"“‘«(\[]?[A-Z0-9À-ÖØ-Þ])|\n\s*\n|\n")
# Run on the original text: a colon splits only before a lower-case word ("uncertain: earlier").
_CLAUSE_SPLIT = re.compile(
    r"(?i:,?\s+(?:but|while|whereas|although|maar|terwijl|mais|tandis que|alors que|mentre|"
    r"aber|während|wohingegen|pero|mientras)\s+)|;\s+|:\s+(?=[a-zà-ÿ])"
)
_THIS_SEASON = re.compile(cues.THIS_SEASON)
# A word boundary that also holds at a window's start (the text before it still counts).
_START = r"(?:(?<![\w'])|(?=n't))"
_NEGATION = re.compile(_START + r"(?:" + "|".join(cues.NEGATION) + r")\W+(?:\w+\W+){0,2}$")
_MOVE_NEGATION = re.compile(
    _START + r"(?:not|n't|cannot|never|niet|nooit|ne|jamais|non|mai|nicht|nie|nunca|no|niente|"
    r"nessun[oa]?|geen|kein(?:e|en)?|aucune?|ningún|ninguna)\W+"
    r"(?:[\w']+\W+){0,2}$"
)
_ALREADY = re.compile(_START + r"(?:" + "|".join(cues.ALREADY) + r")\W+(?:[\w']+\W+)?$")
_AND_GAP = re.compile(r"\s+(?:and|en|et|e|und|y)\s+")
# Words for a team, in the six languages.
_TEAM_NOUNS = (
    r"team|squad|outfit|ploeg|formatie|équipe|formation|squadra|formazione|mannschaft|"
    r"rennstall|écurie|compagine|equipo|formación|escuadra|conjunto"
)
_TEAM_SOURCE = re.compile(
    r"\s+(?:(?:de|het|la|le|il|lo|das|die|der|el|the)\s+|l')(?:[\w-]+\s+){0,2}?"
    r"(?:" + _TEAM_NOUNS + r")\b"
)
_ANNOUNCING_VERB = re.compile(
    r"\s+(?:(?:" + cues.AUXILIARIES + r")\s+)?(?:" + cues.ANNOUNCING + r")\b"
)
_RELATIVE = re.compile(r"\s*,\s*(?:" + cues.RELATIVE_PRONOUNS + r")\b")
_EARLIER = re.compile(
    _START + r"(?:" + cues.EARLIER + r")\s+(?:(?:" + cues.EARLIER_DETERMINERS + r")\s+|l'|l’){0,2}$"
)
_CURRENTLY = re.compile(_START + r"(?:" + "|".join(cues.CURRENTLY) + r")(?:\W|$)")
_PASSIVE_AGENT = re.compile(
    r"\s+(?:" + cues.PASSIVE_AGENT + r")(?:\s+(?:" + cues.AGENT_ARTICLES + r")\s+|\s+|(?<='))"
)
_SWAP_FOR = frozenset(cues.SWAP_FOR_MARKERS)
_DESCRIBED_OBJECT = re.compile(
    r"\s+(?:(?:the|de|het|le|la|il|lo|el|den|die|der|dem)\s+|l')(?:[\w-]+\s+){0,2}?[\w-]+"
    r"(?=\s*(?:[.,;:!?]|$|\s(?:on|for|from|op|voor|van|pour|de|per|da|por|für|von|aus)\b))"
)
_SEASON = re.compile(r"\b" + cues.SEASON_YEAR)
_OWN_POST = re.compile(cues.OWN_POST)
_REFUSED = re.compile(r"\b(?:" + cues.REFUSAL + r")\b")
# "signed a new contract", "tekent een nieuw contract": the verb's object is the extension
_VERB_OBJECT_GAP = re.compile(r"^\s+(?:[\w'’-]+\s+){0,2}$")
_PAST_YEAR = re.compile(cues.PAST_YEAR)
_CONTRACT_END = re.compile(r"\b" + cues.CONTRACT_END)
_NEXT_SEASON = re.compile(r"\b(?:" + cues.NEXT_SEASON + r")\b")
_SPEAKER = re.compile(
    r"\b(?:" + cues.SPEECH + r")\b[^.]*?\b(?:that|dat|que|qu'|che|dass|how)\s+([\w']+)"
)
_BOSS = re.compile(r"\b(?:" + cues.BOSS_TITLES + r")\s*$")
_GENERIC_TEAM = re.compile(r"\b(?:" + _TEAM_NOUNS + r"|it|they|ze|elle|sie)\b")
_TEAM_OF = re.compile(
    r"\b(?:" + _TEAM_NOUNS + r")\s+(?:of|de|d'|van|di|von|del|du|(?:owned|run|led|founded)\s+by)"
    r"\s*$"
)
_TEAM_OWNED = re.compile(r"(?:'s|’s|')\s+(?:" + _TEAM_NOUNS + r")\b")
_OF_WORDS = frozenset({"of", "de", "di", "van", "von", "del", "della", "du", "des", "d'"})
_POSSESSIVE_GAP = re.compile(r"^(?:(?:'s|’s|'|’)\s*(?:[\w-]+\s+){0,2}|\s*)$")
_HEADLINE_GAP = re.compile(
    r"\s*(?:to|naar|à|a|al|alla|verso|zu|zum|zur|nach|chez|vers|para|por)\s+"
    r"(?:la |le |l'|de |het |die |das |the )?"
)
_LIST_GAP = re.compile(r"\s*[:–—-]?\s*$")
_OWNER_GAP = re.compile(r"(?:'s|’s|'|’)\s+")
_BRACKET_GAP = re.compile(r"\s*[(\[]\s*$")
_PAREN_GAP = re.compile(r"^\s*[(\[]\s*$")
_TEAM_POSSESSIVE_GAP = re.compile(r"^(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2}$")
_PERSONAL_PRONOUNS = frozenset(
    {"he", "she", "hij", "zij", "ze", "il", "elle", "lui", "lei", "er", "sie", "él", "ella"}
)

_TO_WORDS = frozenset(cues.TO_MARKERS.split("|"))
_FROM_WORDS = frozenset(cues.FROM_MARKERS.split("|"))
_AFF_WORDS = frozenset(cues.AFFILIATION_MARKERS.split("|"))
_FILLERS = frozenset(cues.FILLER_WORDS)
_PREPOSITIONS = _TO_WORDS - {"join", "joins", "joining", "rejoin"}
# Words that are both an article and a direction ("de" = the / of, "a" = a / to).
_AMBIGUOUS = frozenset(w for w in _FILLERS if w in _TO_WORDS | _FROM_WORDS | _AFF_WORDS) | {
    "a",
    "al",
    "in",
    "con",
}


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# Nationality nouns and adjectives (the tagger's list), folded -> IOC code.
_NATIONALITY_WORDS: dict[str, str] = {
    _strip_accents(form.lower()): code
    for code, forms in tag_cues.NATIONALITIES.items()
    for kind in ("nouns", "adjs")
    for form in forms.get(kind, ())
    if " " not in form
}
_DEFINITE = frozenset(a.rstrip("'") for a in tag_cues.PERSON_ARTICLES)


# --- text structure -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    sentence: int
    title: bool


@dataclass(frozen=True, slots=True)
class _Hit:
    family: str
    start: int
    end: int


@dataclass(slots=True)
class _Evidence:
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
    subject_start: int = -1
    """Where the words before the verb start, for a mover described, not named."""
    cue_start: int = -1

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


def _lower(text: str) -> str:
    """Lower-cased copy with the same length (offsets must keep pointing at the text)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("’", "'")


def _sentences(text: str) -> list[_Span]:
    title_end = text.find("\n\n")
    if title_end < 0:
        title_end = len(text) if "\n" not in text else text.find("\n")
    spans: list[_Span] = [_Span(0, title_end, 0, True)]
    start = title_end
    for match in _SENTENCE_END.finditer(text, title_end):
        if match.start() > start and text[start : match.start()].strip():
            spans.append(_Span(start, match.start(), len(spans), False))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append(_Span(start, len(text), len(spans), False))
    return spans


def _clauses(text: str, sentence: _Span) -> list[_Span]:
    out = []
    start = sentence.start
    for match in _CLAUSE_SPLIT.finditer(text, sentence.start, sentence.end):
        if match.start() > start:
            out.append(_Span(start, match.start(), sentence.sentence, sentence.title))
        start = match.end()
    if start < sentence.end:
        out.append(_Span(start, sentence.end, sentence.sentence, sentence.title))
    return out


def _scan(low: str) -> dict[str, list[_Hit]]:
    """Every cue occurrence, by family, in text order ("move": all move families)."""
    hits: dict[str, list[_Hit]] = defaultdict(list)
    index, short = _INDEX, _SHORT_KEYS
    for word in _WORD.finditer(low):
        pos = word.start()
        candidates = index.get(low[pos : pos + KEY_LEN])
        if low[pos : pos + 2] in short:  # the few cues keyed by two letters ("ha", "re")
            candidates = [*(candidates or ()), *index[low[pos : pos + 2]]]
        if not candidates:
            continue
        for family, pattern in candidates:
            found = pattern.match(low, pos)
            if found:
                hits[family].append(_Hit(family, pos, found.end()))
    moves = [h for family in MOVE_FAMILIES for h in hits.get(family, ())]
    moves.sort(key=lambda h: (h.start, -(h.end - h.start)))
    hits["move"] = moves
    return hits


def _within(hits: list[_Hit], start: int, end: int) -> list[_Hit]:
    lo = bisect.bisect_left(hits, start, key=lambda h: h.start)
    hi = bisect.bisect_left(hits, end, key=lambda h: h.start)
    return hits[lo:hi]


def _move_cues(hits: dict[str, list[_Hit]], clause: _Span) -> list[_Hit]:
    """Move cues in a clause; of overlapping cues the longest wins ("signs for" > "signs")."""
    found = _within(hits.get("move", []), clause.start, clause.end)
    kept: list[_Hit] = []
    for hit in found:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


# --- mention roles ------------------------------------------------------------------------


def _role_floor(clause: _Span, people: Sequence[Mention], team: Mention) -> int:
    """Where the words that can describe a team start: after the last person before it."""
    ends = [p.end for p in people if p.end <= team.start]
    return max(clause.start, ends[-1]) if ends else clause.start


def _team_role(text: str, low: str, team: Mention, floor: int) -> str | None:
    """'to', 'from' or 'aff' from the words right before a team mention, else None."""
    words = list(_ROLE_WORD.finditer(low, max(floor, team.start - 60), team.start))
    skipped = 0
    for i in range(len(words) - 1, -1, -1):
        word = words[i].group().replace("’", "'")
        left = words[i - 1].group() if i > 0 else ""
        if word in _AMBIGUOUS and (left in _TO_WORDS or left in _FROM_WORDS):
            continue  # an article after a direction word: "naar de ploeg", "verso la"
        if word in _TO_WORDS:
            return "to"
        if word in _FROM_WORDS:
            return "from"
        if word in _AFF_WORDS:
            return "aff"
        if word in _FILLERS:
            continue
        # Only descriptors may sit between ("for second-division Tudor", "het Franse FDJ").
        original = text[words[i].start() : words[i].end()]
        skipped += 1
        if skipped > 2 or not (original[:1].isupper() or "-" in original):
            return None
    return None


def _affiliation(text: str, person: Mention, teams: Sequence[Mention]) -> str | None:
    """The team written as the person's current one: "X (Team)" or "Team's X"."""
    for team in teams:
        if team.start >= person.end and _PAREN_GAP.match(text[person.end : team.start]):
            return team.entity_id
        if team.end <= person.start and _TEAM_POSSESSIVE_GAP.match(text[team.end : person.start]):
            return team.entity_id
    return None


def _owned_teams(text: str, people: Sequence[Mention], teams: Sequence[Mention]) -> set[int]:
    """Team mentions that only say which team someone rides for."""
    starts = {p.start for p in people}
    ends = {p.end for p in people}
    owned = set()
    for team in teams:
        possessive = _OWNER_GAP.match(text, team.end)  # "Alpecin-Deceuninck's Philipsen"
        if possessive and possessive.end() in starts:
            owned.add(id(team))
        bracket = _BRACKET_GAP.search(text, max(0, team.start - 4), team.start)
        if bracket and bracket.start() in ends:  # "Mads Pedersen (Lidl-Trek)"
            owned.add(id(team))
    return owned


def _coordinated(story: _Story, left: Mention, right: Mention, teams: Sequence[Mention]) -> bool:
    """Are two person mentions part of one list ("X, Y en Z", "X from A along with Y")?"""
    low = story.low
    gap_start, gap_end = left.end, right.start
    if gap_end - gap_start > 80 or _within(story.hits.get("move", []), gap_start, gap_end):
        return False  # "X joins A, Y signs with B": two sentences' worth, not one list
    pieces = []
    cursor = gap_start
    for team in teams:
        if gap_start <= team.start and team.end <= gap_end:
            pieces.append(low[cursor : team.start])
            cursor = team.end
    pieces.append(low[cursor:gap_end])
    words = _WORD.findall(" ".join(pieces))
    if any(c in ".;:!?" for c in "".join(pieces)):
        return False
    others = [w for w in words if w not in cues.COORDINATION_WORDS]
    has_link = "," in "".join(pieces) or len(others) < len(words)
    return has_link and len(others) <= 2


# --- one clause -------------------------------------------------------------------------


@dataclass(slots=True)
class _Story:
    text: str
    low: str
    roster: Roster
    published: date | None
    people: list[Mention]
    teams: list[Mention]
    hits: dict[str, list[_Hit]]
    focus_team: str | None
    title_question: bool
    title_end: int = 0
    sentence_starts: list[int] = field(default_factory=list)
    headline_status: int = 0
    stays: dict[str, set[str]] = field(default_factory=dict)
    owned: set[int] = field(default_factory=set)
    """Team mentions written as someone's current team ("Alpecin's Philipsen", "X (UAE)")."""
    evidence: list[_Evidence] = field(default_factory=list)
    pending: list[_Evidence] = field(default_factory=list)
    """Evidence whose mover is not named in its clause ("He will join ...")."""


def _in(mentions: Sequence[Mention], span: _Span) -> list[Mention]:
    """Mentions (sorted by start) lying inside the span."""
    lo = bisect.bisect_left(mentions, span.start, key=lambda m: m.start)
    hi = bisect.bisect_left(mentions, span.end, key=lambda m: m.start)
    return [m for m in mentions[lo:hi] if m.end <= span.end]


def _vetoed(story: _Story, clause: _Span) -> bool:
    for family in ("organisation", "background"):
        if _within(story.hits.get(family, []), clause.start, clause.end):
            return True
    return bool(_THIS_SEASON.search(story.low, clause.start, clause.end))


def _race_action(story: _Story, cue: _Hit, clause: _Span, teams: Sequence[Mention]) -> bool:
    """Race words about this verb ("joined the break", "attacked and moved to the front"),
    not a later aside ("swaps A for B after a spring lost to a crash"): a team named
    between the race word and the verb closes the move off."""
    for hit in _within(story.hits.get("race", []), clause.start, clause.end):
        lo, hi = (hit.end, cue.start) if hit.end <= cue.start else (cue.end, hit.start)
        if not any(lo <= t.start and t.end <= hi for t in teams):
            return True
    return False


def _staying(story: _Story, clause: _Span, people: Sequence[Mention]) -> set[str]:
    """People an extension cue in the clause is about (the nearest named before it), unless
    they turn it down ("turned down a new contract with Lidl-Trek to join Jayco")."""
    out = set()
    for hit in _within(story.hits.get("extension", []), clause.start, clause.end):
        before = [p for p in people if p.end <= hit.start]
        if before and _extends(story, before[-1], hit):
            out.add(before[-1].entity_id)
    return out


def _extends(story: _Story, person: Mention, hit: _Hit) -> bool:
    """Is an extension cue about the person named before it? Not when they turn it down,
    nor when a move verb of theirs comes first ("X joins Y, ending a long stay at Z",
    "X joins Y as the twins stay on rival teams")."""
    if _REFUSED.search(story.low, person.end, hit.start):
        return False
    return not _moves_before(story, person, hit)


def _moves_before(story: _Story, person: Mention, hit: _Hit) -> bool:
    """Does a move verb of the person's come before the extension cue? Not one whose
    object the extension is ("has signed a new contract with Ineos")."""
    moves = _within(story.hits.get("move", []), person.end, hit.start)
    return bool(moves) and not _VERB_OBJECT_GAP.match(story.low[moves[-1].end : hit.start])


def _stays(story: _Story, spans: Sequence[_Span]) -> dict[str, set[str]]:
    """Teams each person is said to stay with ("Pogačar has extended with UAE until 2030"):
    anywhere in the story, a move to one of them is that extension, not a transfer."""
    out: dict[str, set[str]] = defaultdict(set)
    starts = [s.start for s in spans]
    for hit in story.hits.get("extension", []):
        sentence = spans[max(0, bisect.bisect_right(starts, hit.start) - 1)]
        people = [p for p in _in(story.people, sentence) if p.end <= hit.start]
        if people and not _moves_before(story, people[-1], hit):
            out[people[-1].entity_id].update(
                t.entity_id
                for t in _in(story.teams, sentence)
                # "turned down a new contract at A to join B": B is still a destination
                if _team_role(story.text, story.low, t, _role_floor(sentence, people, t)) != "to"
            )
    return out


def _speaker(story: _Story, person: Mention, cue: _Hit) -> bool:
    """The person only reports the move: "Lefevere confirmed that the Frenchman would leave"."""
    gap = story.low[person.end : cue.start]
    found = _SPEAKER.search(gap)
    if found and found.group(1) not in _PERSONAL_PRONOUNS:
        return True
    speaker = story.roster.people.get(person.entity_id)
    if found and speaker is not None and speaker.kind == "staff":
        return True  # "Guercilena confirmed that she leaves": a manager speaks of a rider
    boss = _BOSS.search(story.low, max(0, person.start - 30), person.start)
    return bool(boss and found)


def _subjects(
    story: _Story, people: Sequence[Mention], cue: _Hit, teams, clause_start: int | None = None
) -> list[Mention]:
    """The person(s) doing the verb: the nearest named before it, with any listed with them.

    The boss a team is named after ("l'équipe de Marc Madiot", "Ralph Denk's team") is
    part of the team's name, never the subject."""
    before = [p for p in people if p.end <= cue.start and not _names_a_team(story, p)]
    if not before:
        if clause_start is None:
            return []
        return _inverted(story, people, cue, teams, clause_start)
    if _speaker(story, before[-1], cue):
        return []
    chain = [before[-1]]
    for person in reversed(before[:-1]):
        if not _coordinated(story, person, chain[-1], teams):
            break
        chain.append(person)
    return chain


def _names_a_team(story: _Story, person: Mention) -> bool:
    """ "the team of X", "X's team", "Fabian Cancellara's Tudor Pro Cycling Team"."""
    before = story.low[max(0, person.start - 24) : person.start]
    if _TEAM_OF.search(before) or _TEAM_OWNED.match(story.low, person.end):
        return True
    owner = _OWNER_GAP.match(story.low, person.end)
    return owner is not None and any(t.start == owner.end() for t in story.teams)


def _inverted(
    story: _Story, people: Sequence[Mention], cue: _Hit, teams, clause_start: int
) -> list[Mention]:
    """A subject after its verb, as Italian and Spanish allow ("Arrivano Wellens e Ayuso"),
    and German after an opening phrase ("Nach Informationen von X wechselt Landa zu Y")."""
    if cue.family != "arrive" or len(_WORD.findall(story.low, clause_start, cue.start)) > 6:
        return []  # only a clause that opens with the verb, or with a short phrase
    if any(clause_start <= t.start < cue.start for t in teams):
        return []  # "Bei Visma fährt ...": the team before the verb may be its subject
    after = [p for p in people if p.start >= cue.end]
    if not after or len(_WORD.findall(story.low, cue.end, after[0].start)) > 1:
        return []
    chain = [after[0]]
    for person in after[1:]:
        if not _coordinated(story, chain[-1], person, teams):
            break
        chain.append(person)
    return chain


def _objects(story: _Story, people: Sequence[Mention], cue: _Hit, teams) -> list[Mention]:
    """The person(s) a team verb acts on: right after it, or right before a final verb."""
    after = [p for p in people if p.start >= cue.end]
    if after and len(_WORD.findall(story.low, cue.end, after[0].start)) <= 4:
        gap = story.low[cue.end : after[0].start]
        if not any(c in gap for c in ".;:!?"):
            chain = [after[0]]
            for person in after[1:]:
                if not _coordinated(story, chain[-1], person, teams):
                    break
                chain.append(person)
            return chain
    inside = [p for p in people if cue.start <= p.start and p.end <= cue.end]
    if inside:
        return inside
    before = [p for p in people if p.end <= cue.start]
    if before and _words_outside(story, teams, before[-1].end, cue.start) <= 2:
        # "hat X von UAE verpflichtet": the team the person comes from does not count
        chain = [before[-1]]
        for person in reversed(before[:-1]):
            if not _coordinated(story, person, chain[-1], teams):
                break
            chain.append(person)
        return chain
    return []


def _words_outside(story: _Story, teams: Sequence[Mention], start: int, end: int) -> int:
    """Words between two offsets, a team's name counted as none."""
    count, cursor = 0, start
    for team in teams:
        if start <= team.start and team.end <= end:
            count += len(_WORD.findall(story.low, cursor, team.start))
            cursor = team.end
    return count + len(_WORD.findall(story.low, cursor, end))


def _of_person(story: _Story, people: Sequence[Mention], cue: _Hit, teams) -> list[Mention]:
    """The owner of a move noun: "the arrival of X", "X's move", "le départ de X"."""
    after = [p for p in people if p.start >= cue.end]
    if after:
        words = _WORD.findall(story.low, cue.end, after[0].start)
        listed = not words and _LIST_GAP.match(story.low, cue.end, after[0].start)
        if listed or (words and words[0] in _OF_WORDS and len(words) <= 3):
            # "the arrivals of X and Y", "New signings: X, Y", "new signing Tim Merlier"
            chain = [after[0]]
            for person in after[1:]:
                if not _coordinated(story, chain[-1], person, teams):
                    break
                chain.append(person)
            return chain
    before = [p for p in people if p.end <= cue.start]
    if before and _POSSESSIVE_GAP.match(story.low[before[-1].end : cue.start]):
        owners = [before[-1]]
        # "X's expected arrival, along with Y from Quick-Step": Y arrives too.
        anchor = Mention("", "rider", cue.start, cue.end)
        if after and _coordinated(story, anchor, after[0], teams):
            owners.append(after[0])
        return owners
    # "X zou de overstap maken naar Y": no owner, so the clause's subject.
    return _subjects(story, people, cue, teams)


def _past(story: _Story, start: int, end: int) -> bool:
    """A season before publication named in these words (contract ends aside)."""
    if story.published is None:
        return False
    ends = [m.span() for m in _CONTRACT_END.finditer(story.low, start, end)]
    for found in _PAST_YEAR.finditer(story.low, start, end):
        if int(found.group(1)) < story.published.year and not any(
            s <= found.start(1) < e for s, e in ends
        ):
            return True
    return False


def _season(story: _Story, clause: _Span) -> int | None:
    pub = story.published
    ends = [m.span() for m in _CONTRACT_END.finditer(story.low, clause.start, clause.end)]
    for found in _SEASON.finditer(story.low, clause.start, clause.end):
        if any(s <= found.start(1) < e for s, e in ends):
            continue
        year = int(found.group(1))
        if pub is None or pub.year <= year <= pub.year + 3:
            return year
    if pub is not None and _NEXT_SEASON.search(story.low, clause.start, clause.end):
        return pub.year + 1
    return None


def _headline_arrows(story: _Story, clause: _Span, after: int = -1) -> list[_Hit]:
    """Headlines drop the verb: "Hirschi naar Tudor", "Evenepoel to Red Bull". So do the
    later items of a list whose first one has it ("X gaat naar A, Y naar B"): those
    are read only after `after` and when the person follows a comma or an "and"."""
    out = []
    people = _in(story.people, clause)
    for team in _in(story.teams, clause):
        before = [p for p in people if p.end <= team.start]
        if not before or (after >= 0 and not _listed_after(story, before[-1], after)):
            continue
        gap = _HEADLINE_GAP.match(story.low, before[-1].end, team.start)
        if gap and gap.end() == team.start:
            out.append(_Hit("arrive", gap.start(), gap.end()))
    return out


def _listed_after(story: _Story, person: Mention, after: int) -> bool:
    if person.start < after:
        return False
    lead = story.low[max(after, person.start - 6) : person.start].rstrip()
    return lead.endswith(",") or lead.rsplit(" ", 1)[-1] in cues.COORDINATION_WORDS


@dataclass(slots=True)
class _Clause:
    """One clause with what every cue in it needs."""

    span: _Span
    people: list[Mention]
    teams: list[Mention]
    roles: dict[int, str | None]
    """Role of each team mention (by id): 'to', 'from', 'aff' or None."""
    season: int | None
    staying: set[str] = field(default_factory=set)
    """People who extend their contract in this clause (not those who turn one down)."""


def _clause_evidence(story: _Story, span: _Span) -> None:
    cue_hits = _move_cues(story.hits, span)
    if span.title:
        cue_hits = sorted(cue_hits + _headline_arrows(story, span), key=lambda h: h.start)
    gapped: list[_Hit] = []
    if not span.title and cue_hits:
        gapped = _headline_arrows(story, span, after=cue_hits[0].end)
        cue_hits = sorted(cue_hits + gapped, key=lambda h: h.start) if gapped else cue_hits
    if not cue_hits or _vetoed(story, span):
        return
    people = _in(story.people, span)
    teams = _in(story.teams, span)
    clause = _Clause(
        span=span,
        people=people,
        teams=teams,
        roles={
            id(t): _team_role(story.text, story.low, t, _role_floor(span, people, t)) for t in teams
        },
        season=_season(story, span),
        staying=_staying(story, span, people),
    )
    listed = {id(hit) for hit in gapped}
    not_news = False  # the cue before was no news: neither are the list items it leads
    for i, cue in enumerate(cue_hits):
        if id(cue) in listed:
            if not_news:
                continue
        else:
            not_news = True
        # Each cue owns the words up to its neighbours ("X joins A, Y signs with B").
        lo = cue_hits[i - 1].end if i else span.start
        hi = cue_hits[i + 1].start if i + 1 < len(cue_hits) else span.end
        region = _Span(min(lo, cue.start), max(hi, cue.end), span.sentence, span.title)
        if _MOVE_NEGATION.search(story.low, max(span.start, cue.start - 30), cue.start):
            continue  # "I will never leave this team", "il ne quittera pas"
        if _past(story, max(region.start, cue.start - 25), region.end):
            continue  # "who joined Ineos in 2019": history, not news
        # "Red Bull, who have already signed X": a move known before this story
        known = bool(_ALREADY.search(story.low, max(span.start, cue.start - 30), cue.start))
        if _EARLIER.search(story.low, max(span.start, cue.start - 30), cue.start):
            continue  # "made his debut for Tudor after leaving UAE", "nach dem Abgang von X zu Y"
        if _CURRENTLY.search(story.low, max(span.start, cue.start - 20), cue.end):
            continue  # "rijdt nu nog voor Bora", "is still riding for": the current team
        if _race_action(story, cue, span, teams):
            continue
        if id(cue) not in listed:
            not_news = False
        _cue_evidence(story, clause, cue, region, known)


def _cue_evidence(
    story: _Story, clause: _Clause, cue: _Hit, region: _Span, known: bool = False
) -> None:
    """Who moves where according to one cue; kept on the story as evidence."""
    span, people, teams = clause.span, clause.people, clause.teams
    family = cue.family
    agent = _passive_agent(story, cue, teams) if family == "acquire" else None
    objects = _objects(story, people, cue, teams) if family == "acquire" and not agent else []
    unnamed = family == "acquire" and agent is None and not objects
    described = _described_object(story, cue, people, teams) if unnamed else None
    signs = family == "acquire" and story.low.startswith("sign", cue.start)
    # English "sign" keeps its object after it: "X has signed (a deal)" is X's own move.
    signs_self = signs and not any(p.start >= cue.end for p in objects)
    if agent is not None or (signs_self and described is None):
        family = "arrive"  # "she has signed a three-year contract", "X was signed by Y"
    movers = _movers(story, family, people, cue, teams, span)
    to, origin = _directions(story, family, cue, span, region, teams, clause.roles, movers)
    if agent is not None:
        to, origin = {agent.entity_id: 2.0}, origin - {agent.entity_id}
    if family in ("acquire", "lose") and not movers and (described is None or not to):
        return  # a team verb needs the person it acts on ("the acquisition of Bora" is not)
    # "returns to racing", "moved to the front": the verb had an object, just not a team.
    words = story.low[cue.start : cue.end].split()
    dangling = not to and bool(words) and words[-1] in _PREPOSITIONS
    # "zal de Tour rijden": a clause-final verb with no team before it names no move.
    dangling = dangling or (not to and story.low[cue.start : cue.end] in cues.VERB_FINAL)
    found = _Evidence("", family, span.sentence, span.title, not movers)
    # Where a described mover's words are: the object ("sign the Swiss") or the subject.
    found.subject_start, found.cue_start = described or (span.start, cue.start)
    found.to, found.origin, found.season = to, origin, clause.season
    found.left = bool(origin)  # the verb itself names the team left
    found.inheritable = not dangling
    found.question = span.title and story.title_question
    found.known = known
    # "..., while the Dutch Bees are also bringing back Kelderman": the team is named
    # elsewhere in the sentence, so only that sentence's destination may stand in.
    found.local_only = family == "acquire" and not to
    if not movers:
        story.pending.append(found)
    for mover in movers:
        if mover.entity_id not in clause.staying:
            ev = _for_mover(story, found, mover, teams)
            ev.aside = _relative_clause(story, mover, cue)
            story.evidence.append(ev)


def _relative_clause(story: _Story, mover: Mention, cue: _Hit) -> bool:
    """Is the verb inside a relative clause hung on the mover ("X, who ..., ", "X, die")?"""
    found = _RELATIVE.match(story.low, mover.end)
    if found is None or found.end() > cue.start:
        return False
    return "," not in story.low[found.end() : cue.start]


def _for_mover(story: _Story, found: _Evidence, mover: Mention, teams) -> _Evidence:
    """A copy of a clause's evidence for one mover, with their own current team as origin."""
    ev = replace(found, person_id=mover.entity_id, to=dict(found.to), origin=set(found.origin))
    own = _affiliation(story.text, mover, teams)
    if own:
        ev.origin.add(own)
        ev.to.pop(own, None)
    return ev


def _described_object(
    story: _Story, cue: _Hit, people: Sequence[Mention], teams: Sequence[Mention]
) -> tuple[int, int] | None:
    """The words of a definite description a team verb acts on ("Tudor have signed the
    32-year-old", "Jumbo-Visma heeft de Nederlander vastgelegd"): the mover is named
    elsewhere in the story. Contracts and deals are things, not people."""
    if story.low[cue.start : cue.end] in cues.VERB_FINAL:
        subject = [t for t in teams if t.end <= cue.start]
        if not subject:
            return None
        lo, hi = subject[-1].end, cue.start
        words = _ROLE_WORD.findall(story.low, lo, hi)
        if not 2 <= len(words) <= 5 or not any(w in _DEFINITE for w in words):
            return None
    else:
        found = _DESCRIBED_OBJECT.match(story.low, cue.end)
        if found is None:
            return None
        lo, hi = cue.end, found.end()
        words = _ROLE_WORD.findall(story.low, lo, hi)
    if any(w in cues.THING_NOUNS for w in words):
        return None
    if any(lo <= m.start < hi for m in (*people, *teams)):
        return None
    return lo, hi


def _passive_agent(story: _Story, cue: _Hit, teams: Sequence[Mention]) -> Mention | None:
    """The team after "by" in a passive signing ("X has been signed by Y", "è stato
    ingaggiato dalla Y"): it is the destination and the person before is the mover."""
    found = _PASSIVE_AGENT.match(story.low, cue.end)
    if found is None:
        return None
    return next((t for t in teams if t.start == found.end()), None)


def _swapped_to(story: _Story, left: Mention, after: Sequence[Mention]) -> Mention | None:
    """The second team of "swaps A for B" / "verruilt A voor B": the one swapped to."""
    for team in after:
        if team.start <= left.end:
            continue
        words = _ROLE_WORD.findall(story.low, left.end, team.start)
        # "A for B", "A in voor B", "le maillot de A pour celui de B"
        if words and len(words) <= 6 and any(w in _SWAP_FOR for w in words):
            return team
        return None
    return None


def _movers(story: _Story, family: str, people, cue: _Hit, teams, clause: _Span) -> list[Mention]:
    if family in ("arrive", "depart", "courted"):
        return _subjects(story, people, cue, teams, clause.start)
    if family in ("acquire", "lose"):
        return _objects(story, people, cue, teams)
    return _of_person(story, people, cue, teams)


def _directions(
    story: _Story,
    family: str,
    cue: _Hit,
    clause: _Span,
    region: _Span,
    teams: Sequence[Mention],
    roles: dict[int, str | None],
    movers: Sequence[Mention],
) -> tuple[dict[str, float], set[str]]:
    """Destination candidates (team id -> weight) and origins for one cue."""
    to: dict[str, float] = {}
    local = _in(teams, region)
    origin: set[str] = {t.entity_id for t in local if roles[id(t)] == "from"}
    after = [t for t in local if t.start >= cue.end]
    if story.low[cue.start : cue.end] in cues.VERB_FINAL:
        after = []  # the clause ends here; what follows is another clause's
    before = [t for t in teams if t.end <= cue.start]
    inside = [t for t in teams if cue.start <= t.start and t.end <= cue.end]
    own = {_affiliation(story.text, m, teams) for m in movers} - {None}

    def add(team: Mention, weight: float) -> None:
        if team.entity_id not in own:
            to[team.entity_id] = max(to.get(team.entity_id, 0.0), weight)

    def the_cue_names(words: int) -> None:
        # The preposition belongs to the cue ("in het vizier van Movistar", "les couleurs
        # de Soudal"): the team right after is the destination, not an origin.
        if after and len(_WORD.findall(story.low, cue.end, after[0].start)) <= words:
            origin.discard(after[0].entity_id)
            add(after[0], 2.0)

    for team in after:
        if roles[id(team)] == "to":
            add(team, 2.0)
    if family == "arrive" and story.low.startswith(cues.COLOURS, cue.start):
        the_cue_names(1)
    if family == "arrive":
        if not to:
            free = [
                t
                for t in after
                if roles[id(t)] != "from" and t.entity_id not in own and id(t) not in story.owned
            ]
            if free:
                gap = len(_WORD.findall(story.low, cue.end, free[0].start))
                # "join Cavendish at Astana" (the team introduced), not "joined Pedersen, and
                # Visma had to chase" (a new subject).
                between = bool(_in(story.people, _Span(cue.end, free[0].start, 0, False)))
                introduced = roles[id(free[0])] in ("to", "aff")
                if gap <= MAX_GAP_WORDS and (introduced or not between):
                    add(free[0], 2.0 if gap <= 3 else 1.5)
        if not to:
            for team in local:
                if team.end <= cue.start and roles[id(team)] == "to":
                    add(team, 1.5)
        if not to and movers:
            # "Tudor and Hirschi have agreed a three-year deal": the team signs with them.
            for team in before:
                if _AND_GAP.fullmatch(story.low, team.end, movers[-1].start):
                    add(team, 1.5)
    elif family == "courted":
        the_cue_names(2)
    elif family == "depart":
        # "leaves Lidl-Trek": the team right after; not "leaving Politt (UAE) behind".
        left = after[0] if after else None
        if (
            left is not None
            and (roles[id(left)] != "to" or _OWN_POST.match(story.low, cue.end, left.start))
            and id(left) not in story.owned
            and len(_WORD.findall(story.low, cue.end, left.start)) <= 4
        ):
            swapped = story.low.startswith(cues.SWAP_VERBS, cue.start)
            target = _swapped_to(story, left, after) if swapped else None
            if target is not None and target.entity_id != left.entity_id:
                add(target, 2.0)
                origin.discard(target.entity_id)  # "pour celui de B": not "from B"
                origin.add(left.entity_id)
            elif not story.low.startswith(cues.SWAP_NEEDS_BOTH, cue.start):
                origin.add(left.entity_id)
        elif not after and story.low.startswith(cues.MUTUAL_DEPART, cue.start):
            origin.update(t.entity_id for t in before if roles[id(t)] != "to")
    elif family == "acquire":
        subject = [t for t in before if roles[id(t)] != "from" and id(t) not in story.owned]
        # "X is followed to the German team by Y": the verb names where Y goes.
        named = [t for t in inside if roles[id(t)] == "to"]
        if named:
            add(named[0], 2.0)
        elif subject:
            add(subject[-1], 2.0)
        elif story.focus_team and _GENERIC_TEAM.search(story.low, clause.start, cue.start):
            to[story.focus_team] = 1.0
    elif family == "lose":
        subject = before or inside
        if subject:
            origin.add(subject[-1].entity_id)
        for team in after:
            if roles[id(team)] in ("to", None):
                add(team, 2.0)
                break
    elif family == "noun_arrive":
        # "move", "arrivo" also name a race's moves and finishes: they need "to"/"at".
        loose = story.low[cue.start : cue.end] not in cues.RACE_NOUNS
        for team in after:
            # "move to Astana", "arrival at Vinokourov's team"; not any team later on.
            gap = len(_WORD.findall(story.low, cue.end, team.start))
            role = roles[id(team)]
            if (role in ("to", "aff") and gap <= 4) or (loose and role is None and gap <= 2):
                add(team, 1.5)
                break
        if loose and not to and before and roles[id(before[-1])] != "from":
            add(before[-1], 1.0)
        if not to and story.focus_team and story.low[cue.end - 1 : cue.end] == "s":
            to[story.focus_team] = 1.0  # plural "arrivals", "signings": the team's intake
    elif family == "noun_depart" and before and roles[id(before[-1])] != "to":
        origin.add(before[-1].entity_id)
    for team_id in origin:
        to.pop(team_id, None)
    return to, origin


# --- the story ----------------------------------------------------------------------------


def _focus_team(teams: Sequence[Mention], title_end: int) -> str | None:
    counts: dict[str, float] = defaultdict(float)
    for team in teams:
        counts[team.entity_id] += 3.0 if team.start < title_end else 1.0
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -min(t.start for t in teams if t.entity_id == k)))


def _blocked_team(person: Person, published: date | None) -> str | None:
    """The team the person already rides for (so "to" it is an extension, not a move)."""
    if published is None:
        return None  # today's roster says nothing about an undated story
    covering = [s for s in person.stints if s.covers(published.year)]
    if len(covering) != 1:
        return None
    stint = covering[0]
    if stint.start is None:
        return None  # an undated stint ("works for Lidl-Trek") says nothing about that date
    if stint.start == published.year and published.month <= 2:
        return None  # a January story about this winter's move
    return stint.team_id


def _team_speaks(story: _Story, hit: _Hit) -> bool:
    """Is the source of a reporting verb the team ("meldt de Britse ploeg", "Tudor
    schrijft")? Then it is an announcement, not a newspaper's report."""
    if _team_source(story, hit.end):
        return True
    # ", meldt Wielerflits": the source follows; "Tudor meldt dat ...": it leads.
    after_clause = story.low[max(0, hit.start - 2) : hit.start].strip() in (",", ":")
    return any(
        hit.end <= t.start <= hit.end + 12 or (not after_clause and hit.start - 12 <= t.end)
        for t in _within_mentions(story.teams, hit.start - 40, hit.end + 40)
        if t.start >= hit.end or t.end <= hit.start
    )


def _team_source(story: _Story, at: int) -> bool:
    """'the team', 'de Zwitserse ploeg' right at `at`; not the newspaper L'Équipe."""
    found = _TEAM_SOURCE.match(story.low, at)
    if found is None:
        return False
    written = story.text[at : found.end()].replace("’", "'").replace("L'Equipe", "L'Équipe")
    return "L'Équipe" not in written


def _team_named_after(story: _Story, hit: _Hit) -> bool:
    """ "according to the team", "selon Tudor", "según ha anunciado el equipo": the team
    itself is the source."""
    verb = _ANNOUNCING_VERB.match(story.low, hit.end)
    at = verb.end() if verb else hit.end
    if _team_source(story, at):
        return True
    nearby = _within_mentions(story.teams, at, at + 8)
    return any(at <= t.start <= at + 6 for t in nearby)


def _within_mentions(mentions: Sequence[Mention], start: int, end: int) -> list[Mention]:
    lo = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    hi = bisect.bisect_left(mentions, end, key=lambda m: m.start)
    return list(mentions[lo:hi])


def _sentence_status(story: _Story, span: _Span) -> int:
    """+1 announced, -1 hedged, -2 disputed, 0 silent."""
    start, end = span.start, span.end
    superseded = _within(story.hits.get("superseded", []), start, end)
    for hit in _within(story.hits.get("dispute", []), start, end):
        if not any(s.start <= hit.start < s.end for s in superseded):
            return -2
    announced_by_team = False
    for hit in _within(story.hits.get("rumour", []), start, end):
        if any(s.start <= hit.start < s.end for s in superseded):
            continue
        if story.low.startswith(cues.ATTRIBUTIONS, hit.start) and _team_named_after(story, hit):
            announced_by_team = True  # "according to the team", "volgens de ploeg"
            continue
        return -1
    for hit in _within(story.hits.get("reported", []), start, end):
        if not _team_speaks(story, hit):
            return -1  # "..., meldt Wielerflits", "écrit L'Équipe": a newspaper's word
    confirmed = _within(story.hits.get("confirmed", []), start, end)
    if _unconfirmed(story, span):
        return -1  # "not yet confirmed", "nog niet bevestigen"
    if confirmed or announced_by_team:
        return 1
    return -1 if _within(story.hits.get("weak", []), start, end) else 0


def _unconfirmed(story: _Story, span: _Span) -> bool:
    """The sentence says the move is not confirmed ("would not confirm the news",
    "wilden het nieuws niet bevestigen", "n'a pas encore confirmé")."""
    return any(
        _NEGATION.search(story.low, max(span.start, hit.start - 40), hit.start)
        for hit in _within(story.hits.get("confirmed", []), span.start, span.end)
    )


def _mentioned_recently(story: _Story, person_id: str, sentence: int, spans) -> bool:
    lo = spans[max(0, sentence - 3)].start
    hi = spans[sentence].end
    return any(
        p.entity_id == person_id and (p.start < spans[0].end or lo <= p.start < hi)
        for p in story.people
    )


def _main_person(story: _Story) -> str | None:
    scores: dict[str, float] = defaultdict(float)
    for ev in story.evidence:
        scores[ev.person_id] += ev.weight * (2.0 if ev.arrival else 1.0)
    if not scores:
        # Nobody named does the verb; a headline's person is what the story is about.
        headline = [p for p in story.people if p.start < story.title_end]
        return headline[0].entity_id if headline else None
    first = {p.entity_id: p.start for p in reversed(story.people)}
    return max(scores, key=lambda k: (scores[k], -first.get(k, 0)))


def _resolve_pending(story: _Story, spans: list[_Span]) -> None:
    """Give moves without a named mover ("He will join ...") to the story's main mover."""
    main = _main_person(story)
    if main is None:
        return
    for ev in story.pending:
        described = _described_mover(story, ev)
        if described is not None:
            ev.person_id = described
            story.evidence.append(ev)
        elif _mentioned_recently(story, main, ev.sentence, spans):
            ev.person_id = main
            story.evidence.append(ev)


def _described_mover(story: _Story, ev: _Evidence) -> str | None:
    """A clause whose subject is a definite nationality description ("Le rouleur suisse
    rejoindra Tudor", "The Swiss will join ...") moves the last person of that nationality
    named before it, who need not be the story's main mover."""
    if ev.subject_start < 0:
        return None
    words = _ROLE_WORD.findall(story.low, ev.subject_start, ev.cue_start)
    if words and "'" in words[0]:  # "l'italien", "l'olandese"
        words[:1] = words[0].split("'", 1)
    if not words or len(words) > 5 or words[0] not in _DEFINITE:
        return None
    codes = {_NATIONALITY_WORDS[w] for w in map(_strip_accents, words) if w in _NATIONALITY_WORDS}
    if len(codes) != 1:
        return None
    (code,) = codes
    for mention in reversed(story.people):
        if mention.end > ev.subject_start:
            continue
        person = story.roster.people.get(mention.entity_id)
        if person is not None and person.nationality == code:
            return person.id
    return None


def _decide(story: _Story, spans: list[_Span]) -> list[Move]:
    by_person: dict[str, list[_Evidence]] = defaultdict(list)
    for ev in story.evidence:
        by_person[ev.person_id].append(ev)
    destination = _story_destination(story.evidence)
    by_sentence: dict[int, list[_Evidence]] = defaultdict(list)
    for ev in story.evidence:
        by_sentence[ev.sentence].append(ev)
    statuses = {s.sentence: _sentence_status(story, s) for s in spans}
    # "Visma and Decathlon would not confirm the news": every move the story tells
    # without an announcement of its own is unconfirmed, wherever that sentence stands.
    unconfirmed = any(_unconfirmed(story, s) for s in spans)
    story.headline_status = statuses[0]
    # "X moves to Movistar, where he is expected to ... . The Spanish team announced the
    # deal.": an announcement that names nobody speaks for the sentence before it.
    echoes = {
        span.sentence - 1: statuses[span.sentence]
        for span in spans[2:]
        if statuses[span.sentence] > 0
        and not by_sentence.get(span.sentence)
        and not _in(story.people, span)
    }
    story_status = sum(statuses[ev.sentence] for ev in story.evidence if ev.arrival)
    headline = {p.entity_id for p in story.people if p.start < story.title_end}
    # In a transfer story, "X, who also joins from A" deep in the text is news too.
    transfer_lede = any(
        not ev.fallback and not ev.aside and ev.sentence <= LEDE_SENTENCES and (ev.to or ev.left)
        for ev in story.evidence
    )
    lede_end = spans[min(LEDE_SENTENCES, len(spans) - 1)].end
    race_lede = bool(_within(story.hits.get("race", []), 0, lede_end))
    moves: list[tuple[int, Move]] = []
    for person_id, evs in by_person.items():
        person = story.roster.people.get(person_id)
        if person is None or person.kind not in PERSON_KINDS:
            continue
        deep = all(ev.sentence > LEDE_SENTENCES for ev in evs)
        if not transfer_lede and deep and (race_lede or all(ev.aside for ev in evs)):
            # a move mentioned in passing, deep in a race report or in a relative clause
            continue
        if all(ev.known for ev in evs) and person_id not in headline:
            continue  # another team's earlier signing, recalled in this story
        blocked = _blocked_team(person, story.published)
        stays = story.stays.get(person_id, set())
        to_id, origins = _destination(evs, blocked, by_sentence, destination, stays)
        if to_id is None:
            exit_move = _staff_exit(story, person, evs, statuses, blocked)
            if exit_move is not None:
                first = min(p.start for p in story.people if p.entity_id == person_id)
                moves.append((first, exit_move))
            continue
        status = _person_status(
            evs, statuses, story_status, _headline_hedge(story, person_id), echoes
        )
        if unconfirmed and not any(statuses[ev.sentence] > 0 for ev in evs if ev.arrival):
            status = "rumour"
        from_id = _origin(origins, blocked, story)
        season = next((ev.season for ev in sorted(evs, key=_order) if ev.season), None)
        first = min(p.start for p in story.people if p.entity_id == person_id)
        moves.append((first, _move(story, person, from_id, to_id, status, season)))
    moves.sort(key=lambda item: item[0])
    return [m for _, m in moves]


def _staff_exit(
    story: _Story,
    person: Person,
    evs: Sequence[_Evidence],
    statuses: dict[int, int],
    blocked: str | None,
) -> Move | None:
    """A staff member leaving a named team with no team to go to ("Zeeman verlaat Visma
    voor AZ", "the directeur sportif leaves Lidl-Trek to coach the national team"): a move
    to nobody. Riders are left out: their next team is usually just not known yet."""
    if person.kind != "staff":
        return None
    exits = [
        ev
        for ev in evs
        if not ev.fallback
        and ev.left
        and ev.sentence <= LEDE_SENTENCES
        and ev.family in ("depart", "noun_depart", "lose")
    ]
    if not exits:
        return None
    origins = {team_id for ev in exits for team_id in ev.origin}
    from_id = _origin(origins, blocked, story) if blocked in origins else None
    from_id = from_id or next((t.entity_id for t in story.teams if t.entity_id in origins), None)
    hedged = any(statuses[ev.sentence] < 0 for ev in exits)
    return _move(story, person, from_id, None, "rumour" if hedged else "confirmed", None)


def _destination(
    evs: Sequence[_Evidence],
    blocked: str | None,
    by_sentence: dict[int, list[_Evidence]],
    story_wide: str | None,
    stays: set[str],
) -> tuple[str | None, set[str]]:
    """One person's destination (or None) and the teams they leave, from all their evidence."""
    to_scores: dict[str, float] = defaultdict(float)
    from_scores: dict[str, float] = defaultdict(float)
    for ev in evs:
        for team_id in ev.origin:
            from_scores[team_id] += 1.5 * ev.to_weight
        for team_id, weight in ev.to.items():
            to_scores[team_id] += weight * ev.to_weight
    # A team read as both origin and destination goes where most of the text puts it.
    for team_id, weight in from_scores.items():
        if to_scores.get(team_id, 0.0) <= weight:
            to_scores.pop(team_id, None)
    for team_id in {blocked, *stays} - {None}:
        to_scores.pop(team_id, None)  # already their team: an extension, not a move
    origins = set(from_scores) - set(to_scores)
    if not to_scores:
        borrowed = _borrowed_destination(evs, by_sentence, story_wide)
        if borrowed and borrowed not in (*origins, *stays, blocked):
            to_scores[borrowed] = INHERIT_WEIGHT * max(ev.weight for ev in evs)
    if not to_scores:
        return None, origins
    to_id = max(to_scores, key=lambda k: (to_scores[k], k))
    total = sum(ev.weight for ev in evs)
    if total < MIN_MOVE_WEIGHT and to_scores[to_id] < MIN_MOVE_WEIGHT:
        return None, origins  # only a borrowed guess from a sentence with no name
    return to_id, origins


def _borrowed_destination(
    evs: Sequence[_Evidence], by_sentence: dict[int, list[_Evidence]], story_wide: str | None
) -> str | None:
    """A destination for someone who "joins her" or is "brought back" with no team named:
    first the one named in the same sentence, else the story's main one."""
    for ev in evs:
        if ev.arrival and ev.inheritable:
            local = _story_destination(by_sentence[ev.sentence])
            if local:
                return local
    if any(ev.arrival and ev.inheritable and not ev.local_only for ev in evs):
        return story_wide
    return None


def _order(ev: _Evidence) -> tuple[bool, int]:
    return (not ev.title, ev.sentence)


def _story_destination(evidence: Sequence[_Evidence]) -> str | None:
    scores: dict[str, float] = defaultdict(float)
    for ev in evidence:
        for team_id, weight in ev.to.items():
            scores[team_id] += weight * ev.to_weight
    if not scores:
        return None
    return max(scores, key=lambda k: (scores[k], k))


def _headline_hedge(story: _Story, person_id: str) -> int:
    """A hedged or disputed headline about this person (or about nobody named): its weight."""
    status = story.headline_status
    if status >= 0:
        return 0
    named = {p.entity_id for p in story.people if p.start < story.title_end}
    return status if not named or person_id in named else 0


def _person_status(
    evs: Sequence[_Evidence],
    statuses: dict[int, int],
    default: int,
    headline: int,
    echoes: dict[int, int],
) -> str:
    seen: set[int] = set()
    score = 0.0
    if headline and not any(ev.title for ev in evs):
        seen.add(0)  # "Rumour mill: ..." over "Pidcock will join Q36.5": the headline hedges
        score += headline
    for ev in evs:
        if ev.sentence in seen or not ev.arrival:
            continue  # a confirmed departure says nothing about the destination
        seen.add(ev.sentence)
        # An unhedged "X joins Y" / "Y sign X" is itself a (weak) confirmed statement.
        value = statuses[ev.sentence] or UNHEDGED
        if ev.title and value > 0:
            value *= 0.5  # headlines state flatly; a hedged headline means it
        score += value + echoes.get(ev.sentence, 0)
    if seen == {0} and statuses.get(1, 0) < 0 and score > 0:
        # Only the headline names the move ("Hirschi alla Tudor"): a hedged lede
        # ("dovrebbe approdare ...") says what kind of news it is.
        score += statuses[1]
    if score == 0:
        score = default
    return "rumour" if score < 0 else "confirmed"


def _origin(origins: set[str], blocked: str | None, story: _Story) -> str | None:
    """The team left: the roster's current team when the story names it, else one read."""
    named = {t.entity_id for t in story.teams}
    if blocked and blocked in named:
        return blocked
    for team in story.teams:
        if team.entity_id in origins:
            return team.entity_id
    return None


def _move(
    story: _Story,
    person: Person,
    from_id: str | None,
    to_id: str | None,
    status: str,
    season: int | None,
) -> Move:
    def name(team_id: str | None) -> str | None:
        team = story.roster.teams.get(team_id) if team_id else None
        return team.name_on(story.published) if team else None

    checked: MoveStatus = "rumour" if status == "rumour" else "confirmed"
    return Move(
        person_id=person.id,
        person=person.name,
        from_team_id=from_id,
        to_team_id=to_id,
        from_team=name(from_id),
        to_team=name(to_id),
        status=checked,
        season=season,
    )


def _departures(story: _Story) -> bool:
    """A rider or staff member leaving a named team, with no destination given."""
    for ev in story.evidence:
        person = story.roster.people.get(ev.person_id)
        if person is None or person.kind not in PERSON_KINDS or ev.fallback:
            continue
        if ev.sentence > LEDE_SENTENCES:
            continue  # an aside in a race report ("who is rumoured to be leaving ...")
        if person.kind == "rider" and _retiring(story, ev.sentence):
            continue  # a rider leaving the sport leaves no team for another
        if ev.family in ("depart", "noun_depart", "lose") and ev.left:
            return True  # the team left is named beside the verb ("leaves Lidl-Trek")
    return False


def _retiring(story: _Story, sentence: int) -> bool:
    hits = story.hits.get("retire", [])
    return any(_sentence_of(story, h.start) == sentence for h in hits)


def _sentence_of(story: _Story, offset: int) -> int:
    return max(0, bisect.bisect_right(story.sentence_starts, offset) - 1)


def _headline_move(story: _Story) -> bool:
    """A headline that puts a person, a team and a move verb together ("Pidcock and Ineos
    part ways") is a transfer story even when no destination can be read."""
    if story.title_question:
        return False
    if not any(t.start < story.title_end for t in story.teams):
        return False
    for ev in story.evidence:
        person = story.roster.people.get(ev.person_id)
        if not ev.title or ev.fallback or person is None or person.kind not in PERSON_KINDS:
            continue
        # "Evenepoel joins Soudal teammates at camp" names his own team: not a move.
        own = {_blocked_team(person, story.published), *story.stays.get(ev.person_id, ())}
        if ev.left or set(ev.to) - own:
            return True
    return False


def _clean_mentions(
    text: str, mentions: Sequence[Mention], roster: Roster
) -> tuple[list[Mention], list[Mention]]:
    people, teams = [], []
    for m in mentions:
        if not isinstance(m, Mention) or not (0 <= m.start < m.end <= len(text)):
            continue
        if m.kind == "team" and m.entity_id in roster.teams:
            teams.append(m)
        elif m.kind in PERSON_KINDS and m.entity_id in roster.people:
            people.append(m)
    people.sort(key=lambda m: (m.start, m.end))
    teams.sort(key=lambda m: (m.start, m.end))
    return people, teams


def _extract(
    text: str, mentions: Sequence[Mention], roster: Roster, published: date | None
) -> tuple[bool, list[Move]]:
    people, teams = _clean_mentions(text, mentions, roster)
    if not people:
        return False, []
    low = _lower(text)
    spans = _sentences(text)
    story = _Story(
        text=text,
        low=low,
        roster=roster,
        published=published,
        people=people,
        teams=teams,
        hits=_scan(low),
        focus_team=_focus_team(teams, spans[0].end),
        title_question="?" in text[: spans[0].end],
        title_end=spans[0].end,
        sentence_starts=[s.start for s in spans],
    )
    story.owned = _owned_teams(text, people, teams)
    for sentence in spans:
        for clause in _clauses(text, sentence):
            _clause_evidence(story, clause)
    story.stays = _stays(story, spans)
    _resolve_pending(story, spans)
    moves = _decide(story, spans)
    return bool(moves) or _departures(story) or _headline_move(story), moves


def extract_transfers(
    text: str, mentions: Sequence[Mention], roster: Roster, published: date | None
) -> tuple[bool, list[Move]]:
    """Is the story about a move between teams, and which moves does it report?

    `text` is title + "\\n\\n" + body; `mentions` are the tagger's entity occurrences
    (offsets into `text`). Never raises: a failure is logged and reads as "no transfer".
    """
    if isinstance(published, datetime):
        published = published.date()  # a datetime does not compare with the roster's dates
    try:
        return _extract(text or "", mentions or (), roster, published)
    except Exception:  # one odd story must not stop ingestion
        log.exception("transfer extraction failed")
        return False, []
