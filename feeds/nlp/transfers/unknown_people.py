"""People the roster does not know: a neo-pro, a continental team's new rider, a new
sports director. The rules read only people the tagger found, and the tagger finds
only roster people; this module finds the others in a story that may report a move, so
that the same rules can read their moves (issue #13, docs/TRANSFERS.md).

A person is a capitalised given name from the given-names data file
(`feeds/nlp/given_names.toml`) followed by one to three capitalised surname words, with
particles after given names ("Daan van Sintmaartensdijk", "Floris De Tier", "Lena
Charlotte Reißner"). The span touches no mention the tagger found (a team, a roster
person), sits beside no word that makes it a race's, street's, building's or team's
name (lexicon concepts `name_frames`, `team_nouns`: "Memorial Marco Pantani", "rue Jean
Jaurès", "Rose Women Racing"), and no word of it is a stop word; a headline in title
case is not read. Later, the surname alone names the same person, unless a roster
person named in the story or another unknown person shares it.

Outsiders never reach the rules: a journalist, agent, sponsor's CEO or owner named by
their role (`outsider_roles`), a source after an attribution ("according to X"), the
owner of a team ("NSN de X", `name_genitives`), someone named only as who speaks.

Each person becomes a synthetic roster entry (`UNKNOWN_PREFIX` + a slug of the name as
printed, kind "staff" when a staff role word stands beside the name, else "rider", no
stints) in a per-story overlay of the roster (`overlay`): the clause rules, the lists and
`decide` read them as they read roster riders. `extract` runs that second reading only
for their moves, keeps those that pass `clear_mover` (stricter than a roster rider's,
whose known team vetoes misreadings) and keeps the roster's people's moves from the
first reading, so no roster person's move ever changes; the people found here never
become `riders` tags.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import ChainMap
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import cast

from feeds.models import Mention, Move
from feeds.nlp.document import Document
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.scan import MOVE_FAMILIES
from feeds.nlp.transfers.signing_cues import race_headline
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import within
from feeds.roster import Person, PersonKind, Roster, Stint, Team, slugify
from feeds.text.fold import fold_word

UNKNOWN_PREFIX = "unknown:"
"""Synthetic person ids start with it: no roster id does (roster ids are slugs)."""

MAX_SURNAME_WORDS = 3
MAX_PARTICLES = 2
"""Particles in a row inside a surname ("van der", "de la")."""
_MOVE_WORDS = (*MOVE_FAMILIES, "newcomers")
SAME_CLAUSE = 200
"""Characters after a signing verb in which a name is still its object."""
REPORTED_WORDS = 6
"""Words at most between a speech verb and the word opening its reported clause."""
SPEECH_REACH = 50
"""Characters looked at on each side of a name for a speech verb."""
INCLUDING_REACH = 60
"""Characters looked at before a name for a plural role and "among them"."""
ROLE_REACH = 40
"""Characters looked at on each side of a name for a staff role word."""
LIST_GAP = 24
"""Characters at most between two names of one list (a comma, spaces and the longest
coordination word): a longer gap breaks the list, and bounds the glue's match."""
MAX_UNKNOWN = 60
"""Unknown people read per story at most: a real story names far fewer, a hostile text
of thousands of names must not build thousands of people for the rules."""
TITLE_CASE_SHARE = 0.7
"""A headline with at least this share of its longer words capitalised is in title case:
its capitals say nothing about names."""

# A word: letters, with inner apostrophes and hyphens ("O'Connor", "Jean-Baptiste").
# A possessive "'s" is not part of the word ("Pineau's team" names Pineau).
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-](?![sS]\b)[^\W\d_]+)*")
# What may stand between two words of one name: one space (a no-break space too).
_NAME_GAP = frozenset({" ", "\u00a0"})
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\n]|$)")
_SENTENCE_END = re.compile(r"[.!?\n]")
_CLAUSE_STOP = re.compile(r"[,.;:!?()\n]")
COMPANY_REACH = 120
"""Characters after a name searched for a company word, within its sentence."""


@dataclass(frozen=True, slots=True)
class Unknown:
    """One person found: the synthetic roster entry and every place the text names them."""

    person: Person
    mentions: tuple[Mention, ...]


@cache
def given_names() -> frozenset[str]:
    """Every given name of the data file, folded ("théo" -> "theo")."""
    path = resources.files("feeds.nlp") / "given_names.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return frozenset(fold_word(name) for names in data.values() for name in names)


@cache
def _words(concept: str) -> frozenset[str]:
    return frozenset(w.lower() for w in pooled().words(concept))


@cache
def _staff_roles() -> re.Pattern[str]:
    words = sorted(pooled().words("staff_roles") | pooled().words("boss_titles"), key=len)
    alternation = "|".join(re.escape(w) for w in reversed(words))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def find_unknown(doc: Document, mentions: Sequence[Mention], roster: Roster) -> list[Unknown]:
    """The people of `doc` the roster does not know, each with every mention of theirs."""
    text = doc.text
    names = outside_names(doc, mentions, roster)
    words, covered = names.words, names.covered
    stops = _words("stop_words")
    found: dict[str, list[tuple[int, int]]] = {}
    printed: dict[str, str] = {}
    outsiders: set[str] = set()
    outsider_end = -1  # where the last outsider's name ends: a list goes on with more
    movers: set[str] = set()  # named in full at least once without a speech verb beside
    context = names.context
    for span in names.spans:
        first, last, start, end, name = span.first, span.last, span.start, span.end, span.name
        key = fold_word(name)
        found.setdefault(key, []).append((start, end))
        printed.setdefault(key, name)
        if context.outsider(first, last) or context.listed_after(start, outsider_end):
            outsiders.add(key)
            outsider_end = end
        if not context.speaks(start, end):
            movers.add(key)
    # named once as a journalist or an owner, or only ever as who says something ("said
    # sports director X", "wie Experte X berichtet"): never a mover
    for key in outsiders | (set(found) - movers):
        del found[key], printed[key]
    if not found:
        return []
    if len(found) > MAX_UNKNOWN:  # a hostile text: keep the first named
        keep = sorted(found, key=lambda k: found[k][0])[:MAX_UNKNOWN]
        found = {k: found[k] for k in keep}
        printed = {k: printed[k] for k in keep}
    current = _current_teams(text, doc.low, found, mentions, context)
    surnames = _surnames(text, words, covered, found, mentions, printed, stops)
    people = []
    for key, places in found.items():
        name = printed[key]
        person_id = UNKNOWN_PREFIX + slugify(name)
        kind = person_kind(doc.low, places)
        spans = sorted([*places, *surnames.get(key, [])])
        team = current.get(key)
        # the team the story itself places them at: the known-team veto reads it as a
        # roster rider's stint ("joins A and B at Cofidis": A and B are there already)
        stints = (Stint(team),) if team else ()
        person = Person(person_id, name, kind, stints=stints)
        people.append(
            Unknown(
                person,
                tuple(Mention(person_id, kind, s, e, "unknown") for s, e in spans),
            )
        )
    return people


@dataclass(frozen=True, slots=True)
class NameSpan:
    """One name printed like a person's: its first and last word (indices into
    `OutsideNames.words`), its characters and the name as printed, spaces normalised."""

    first: int
    last: int
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class OutsideNames:
    """The words of a story and the names in it that no roster person, team or frame
    word claims, in text order (`outside_names`)."""

    words: list[tuple[int, int]]
    covered: list[bool]
    """For each word, whether a tagger mention overlaps it."""
    spans: list[NameSpan]
    context: NameContext
    """What stands around each name (roles, attributions, owners, speech)."""


def outside_names(
    doc: Document,
    mentions: Sequence[Mention],
    roster: Roster,
    team_runs: frozenset[str] | None = None,
) -> OutsideNames:
    """Every name of `doc` printed like a person's (a given name, then surname words) that
    touches no tagger mention, stands beside no frame word ("Memorial X", "Rose Women
    Racing"), is no roster person's full name and no run of words of a team's name. The
    one name reader of the people the roster does not know: their moves (`find_unknown`)
    and their rider tags (feeds/nlp/tag/unknown_riders.py) read it. Linear in words.
    `team_runs`: `team_name_runs(roster)` when the caller keeps it (a Tagger builds it
    once); None reads the roster's teams for each name."""
    text = doc.text
    # span() gives the (start, end) tuple in one call
    words = [m.span() for m in _WORD.finditer(text)]
    covered = _covered(words, mentions)
    given, stops, particles = given_names(), _words("stop_words"), _words("surname_particles")
    frames = _words("name_frames") | _words("team_nouns")
    skip_to = _title_end(doc) if _title_case(doc.title) else 0
    spans = []
    for first, last in _names(text, words, covered, given, stops, particles, skip_to):
        if _framed(text, words, first, last, frames):
            continue
        start, end = words[first][0], words[last][1]
        name = " ".join(text[start:end].split())
        if _is_roster_name(name, roster):
            continue
        key = fold_word(name)
        if key in team_runs if team_runs is not None else _in_team_name(key, roster):
            continue  # a sponsor's name inside a team's ("Carl Ras", "Adria Mobil")
        spans.append(NameSpan(first, last, start, end, name))
    return OutsideNames(words, covered, spans, NameContext(text, doc.low, words, mentions))


def overlay(roster: Roster, people: Sequence[Unknown]) -> Roster:
    """The roster with this story's unknown people on top (the roster itself unchanged)."""
    extra = {u.person.id: u.person for u in people}
    # A ChainMap reads like the roster's dict of people without copying it per story.
    return Roster(roster.teams, cast(dict[str, Person], ChainMap(extra, roster.people)))


@cache
def _other_sports() -> re.Pattern[str]:
    words = sorted(pooled().words("other_sports"), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")


def other_sport(low: str) -> bool:
    """The story names another sport ("formula 1", "football", "calcio")."""
    return _other_sports().search(low) is not None


def is_unknown(person_id: str) -> bool:
    return person_id.startswith(UNKNOWN_PREFIX)


def clear_movers(
    story: Story, moves: Iterable[Move], languages: tuple[str, ...] | None = None
) -> list[Move]:
    """The moves of `moves` that rest on a clear shape (`clear_mover`), with each
    person's places and evidence grouped once per story: linear in people and evidence,
    however many unknown people a text names. A race report's headline moves nobody the
    roster does not know: its continental riders join breaks, not teams."""
    moves = list(moves)
    if not moves or race_headline(story, languages):
        return []
    places: dict[str, list[int]] = {}
    for p in story.people:
        places.setdefault(p.entity_id, []).append(p.start)
    evidence: dict[str, list[Evidence]] = {}
    for ev in story.evidence:
        evidence.setdefault(ev.person_id, []).append(ev)
    career: dict[int, bool] = {}  # sentence -> tells a career: each sentence read once
    # the story's subject: named in the headline, or the first person it names
    headline = {p.entity_id for p in story.people if p.start < story.title_end}
    if story.people:
        headline.add(story.people[0].entity_id)
    return [
        m
        for m in moves
        if _clear(
            story,
            m,
            places.get(m.person_id, []),
            evidence.get(m.person_id, []),
            m.person_id in headline,
            career,
        )
    ]


def clear_mover(story: Story, move: Move) -> bool:
    """`clear_movers` for one move."""
    return bool(clear_movers(story, [move]))


def _clear(
    story: Story,
    move: Move,
    places: Sequence[int],
    evidence: Sequence[Evidence],
    in_headline: bool,
    career: dict[int, bool],
) -> bool:
    """Whether an unknown person's move rests on a clear shape: stricter than for a roster
    rider, whose known team vetoes a wrong reading. At least one cue must name them as
    its mover (not a clause's fallback, a question, an aside or an earlier move), in a
    sentence with a move word and no race action ("joined the break with X of T"), and
    a team's signing verb must have them as its object, not as names before its subject
    ("..., of whom A, B and C remain part, Visma announced the arrival of ..."). Someone
    the headline does not name, moving in a sentence dated before the story's year, is
    background ("his father rode for X in the 1990s before joining Y"). Staff move with
    the destination named in their own clause: a director's post changing inside one
    team reads like a move without it."""
    strong = [
        ev
        for ev in evidence
        if not (ev.fallback or ev.question or ev.aside or ev.known)
        and not _before_subject(story, ev, places)
        and _says_move(story, ev.sentence)
        and not _raced(story, ev.sentence)
        and (in_headline or not _career_once(story, ev.sentence, career))
    ]
    if not strong:
        return False
    person = story.roster.people.get(move.person_id)
    if (
        person is not None
        and move.to_team_id
        and person.team_on(story.published) == move.to_team_id
    ):
        return False  # the story places them at that team already ("joins A and B at T")
    return person is None or person.kind != "staff" or any(ev.to for ev in strong)


def _sentence(story: Story, sentence: int) -> tuple[int, int]:
    starts = story.sentence_starts
    start = starts[sentence] if sentence < len(starts) else len(story.text)
    end = starts[sentence + 1] if sentence + 1 < len(starts) else len(story.text)
    return start, end


def _raced(story: Story, sentence: int) -> bool:
    """Race action in the evidence's sentence ("joined the early break", "with 40
    kilometres to go"): a rider the roster does not know, named there, raced."""
    start, end = _sentence(story, sentence)
    return bool(within(story.hits.get("race", []), start, end))


@cache
def _past_year() -> re.Pattern[str]:
    """A year after a word dating it ("in 2015", "since 2019", "in the 1990s")."""
    words = sorted(pooled().words("past_year_markers"), key=len, reverse=True)
    articles = sorted(pooled().words("incumbent_articles"), key=len, reverse=True)
    return re.compile(
        rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\s+"
        rf"(?:(?:{'|'.join(map(re.escape, articles))})\s+)?(1[89]\d\d|20\d\d)(?!\d)"
    )


def _career_once(story: Story, sentence: int, seen: dict[int, bool]) -> bool:
    if sentence not in seen:
        seen[sentence] = _career(story, sentence)
    return seen[sentence]


@cache
def _career_verbs() -> re.Pattern[str]:
    words = sorted(pooled().words("career_verbs"), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")


def _career(story: Story, sentence: int) -> bool:
    """The sentence tells a career, not news: a past career verb ("rode for", "reed
    voor", "correva per") or a year before the story's own ("in the 1990s", "since
    2019")."""
    start, end = _sentence(story, sentence)
    if _career_verbs().search(story.low, start, end):
        return True
    if story.published is None:
        return False
    return any(
        int(m.group(1)) < story.published.year for m in _past_year().finditer(story.low, start, end)
    )


def _says_move(story: Story, sentence: int) -> bool:
    """The evidence's own sentence has a move word or a word for a group of arrivals: a
    list named after a sentence about something else ("... become neo-pros. The team
    had A, B and C") is the team's members, not its signings."""
    start, end = _sentence(story, sentence)
    return any(within(story.hits.get(family, []), start, end) for family in _MOVE_WORDS)


def _before_subject(story: Story, ev: Evidence, places: Sequence[int]) -> bool:
    """A team's verb ("signs", "announced the arrival of") with the person named before
    it and a team between them: that team is the verb's subject, the person belongs to
    an earlier clause."""
    if ev.family != "acquire" or ev.cue_start < 0:
        return False
    before = [p for p in places if p < ev.cue_start]
    if not before or any(p > ev.cue_start for p in places if p < ev.cue_start + SAME_CLAUSE):
        return False
    last = max(before)
    return any(last < t.start < ev.cue_start for t in story.teams)


def _covered(words: list[tuple[int, int]], mentions: Sequence[Mention]) -> list[bool]:
    """For each word, whether a tagger mention overlaps it (starts before the word's end
    and ends after its start). Words are in text order and never overlap, so each
    mention's words are one run found by bisection: linear in words plus mentions times
    log words, with no Python step per word."""
    out = [False] * len(words)
    if not words:
        return out
    starts, ends = zip(*words, strict=True)
    for m in mentions:
        if isinstance(m, Mention):
            lo = bisect_right(ends, m.start)  # the first word ending after the start
            hi = bisect_left(starts, m.end)  # past the last word starting before the end
            if lo < hi:
                out[lo:hi] = [True] * (hi - lo)
    return out


def _names(
    text: str,
    words: list[tuple[int, int]],
    covered: list[bool],
    given: frozenset[str],
    stops: frozenset[str],
    particles: frozenset[str],
    skip_to: int,
) -> Iterator[tuple[int, int]]:
    """(first word, last word) of each name: a given name, then surname words. Each word
    starts at most one name and a name spans at most a fixed number of words, so the
    walk is linear in the number of words."""
    n = len(words)
    i = 0
    while i < n:
        start, end = words[i]
        # most words open in lower case: one character test before the word is cut out
        if not text[start].isupper() or start < skip_to or covered[i]:
            i += 1
            continue
        word = text[start:end]
        if not _capitalised(word) or fold_word(word) not in given:
            i += 1
            continue
        last = _surname_end(text, words, covered, i, stops, particles)
        if last is None:
            i += 1
            continue
        yield i, last
        i = last + 1


def _surname_end(
    text: str,
    words: list[tuple[int, int]],
    covered: list[bool],
    first: int,
    stops: frozenset[str],
    particles: frozenset[str],
) -> int | None:
    """The last word of the surname after the given name at `first`, None for none.
    Particles stand only after given names ("Daan van Sintmaartensdijk", "Jardi Christiaan
    van der Lee"): after a surname, "von"/"van" starts a phrase ("Jounier vom Weltverband",
    "Jansen van Lotto")."""
    given = given_names()
    last = None
    j = first + 1
    taken = pending = 0
    after_given = True
    while j < len(words) and taken < MAX_SURNAME_WORDS:
        if text[words[j - 1][1] : words[j][0]] not in _NAME_GAP or covered[j]:
            break
        word = text[words[j][0] : words[j][1]]
        low = word.lower()
        if low in particles and pending < MAX_PARTICLES and after_given:
            pending += 1
        elif _capitalised(word) and low not in stops:
            last, taken, pending = j, taken + 1, 0
            after_given = fold_word(word) in given
        else:
            break
        j += 1
    return last


def _capitalised(word: str) -> bool:
    """ "Tiago", "O'Connor", "McLay": a capital then a lower-case letter (no "UCI")."""
    return len(word) > 1 and word[0].isupper() and any(c.islower() for c in word[1:3])


class NameContext:
    """What stands around a name: a role that makes its bearer an outsider to the move
    ("journalist X", "Superagent X", "X, CEO of ..."), an attribution ("according to X",
    "segundo o jornalista X"), or a team it owns ("NSN de X", "Xs NSN", "X's team")."""

    def __init__(
        self, text: str, low: str, words: list[tuple[int, int]], mentions: Sequence[Mention]
    ) -> None:
        self.text, self.low, self.words = text, low, words
        self.roles = _words("outsider_roles")
        self.genitives = _words("name_genitives")
        self.attributions = _attribution()
        self.including = _including()
        teams = sorted((m.start, m.end) for m in mentions if m.kind == "team")
        self.team_starts = {s for s, _ in teams}
        self.team_ends = {e for _, e in teams}

    def role_word(self, word: str) -> bool:
        """An outsider's role noun, closing a compound ("superagent") or inflected
        ("journalisten", "giornalisti": the role's stem and at most two letters)."""
        return any(
            word.endswith(role)
            or (len(role) > 4 and word.startswith(role[:-1]) and len(word) <= len(role) + 2)
            for role in self.roles
        )

    def company(self, end: int) -> bool:
        """A company word ("partner", "supplier", "proveedor") after the name in its own
        clause ("X as their new clothing partner") or in a relative clause right after it
        ("X, who will supply helmets"); not a later clause about someone else ("X joins
        Cofidis, the sponsor said")."""
        low = self.low
        hi = min(len(low), end + COMPANY_REACH)
        stop = _CLAUSE_STOP.search(low, end, hi)
        limit = stop.start() if stop is not None else hi
        if stop is not None and low[stop.start()] == "," and _relative().match(low, stop.end()):
            after = _CLAUSE_STOP.search(low, stop.end(), hi)
            limit = after.start() if after is not None else hi
        return _company().search(low, end, limit) is not None

    def listed_after(self, start: int, previous_end: int) -> bool:
        """The name continues a list whose previous name ends at `previous_end` ("Daniel
        Benson und Ciro Scognamiglio")."""
        if previous_end < 0 or start - previous_end > LIST_GAP:
            return False
        return bool(_list_glue().fullmatch(self.low, previous_end, start))

    def speaks(self, start: int, end: int) -> bool:
        """A speech verb right after the name ("X said", "X sagt"), or right before it
        when the name closes its clause ("..., said X." but not "says X will join")."""
        low = self.low
        after = _speech_after().match(low, end, min(len(low), end + SPEECH_REACH))
        if after is not None and _reported().match(low, after.end(), after.end() + SPEECH_REACH):
            return False  # "X said on Monday that he has signed": X tells of himself
        return bool(
            after is not None
            or (
                _CLAUSE_END.match(low, end) is not None
                and _speech_before().search(low, max(0, start - SPEECH_REACH), start) is not None
            )
        )

    def outsider(self, first: int, last: int) -> bool:
        words, low = self.words, self.low
        start, end = words[first][0], words[last][1]
        # the role word stands right before the name and may close a compound
        # ("Superagent X", "der Journalist X"), or, plural, before a word for "among them"
        # ("Mehreren Journalisten zufolge, darunter X")
        previous = low[words[first - 1][0] : words[first - 1][1]] if first >= 1 else ""
        if self.role_word(previous):
            return True
        if self.including.search(low, max(0, start - INCLUDING_REACH), start):
            window = low[max(0, start - INCLUDING_REACH) : start]
            if any(self.role_word(w) for w in _WORD.findall(window)):
                return True
        if self.attributions.search(low, max(0, start - 40), start):
            return True
        # who is told ("told Sporza's X that he will join"): the listener, not the mover
        if _recipient().search(low, max(0, start - 60), start):
            return True
        # a company shaped like a name ("X as their new clothing partner", "X, who will
        # supply helmets"): a company word after the name in its sentence
        if self.company(end):
            return True
        after = low[end : end + 60]
        if after.startswith(",") and any(self.role_word(w) for w in _WORD.findall(after[:40])[:3]):
            return True
        # an owner: "<team> de X" just before, or "X's <team>" / "Xs <team>" just after
        if previous in self.genitives:
            gap_start = words[first - 1][0]
            if gap_start - 1 in self.team_ends or gap_start - 2 in self.team_ends:
                return True
        if low[end - 1] == "s" and end + 1 in self.team_starts:
            return True  # "Iniestas NSN": a genitive written onto the name
        return low[end : end + 3] in ("'s ", "\u2019s ") and end + 3 in self.team_starts


@cache
def _speech_words() -> str:
    return "|".join(re.escape(w) for w in sorted(pooled().words("speech_verbs"), key=len)[::-1])


@cache
def _speech_after() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*(?:{_speech_words()})(?!\w)")


@cache
def _speech_before() -> re.Pattern[str]:
    # "said sports director X": the verb, then at most three words of a role
    return re.compile(rf"(?<!\w)(?:{_speech_words()})(?:\s+[^\W\d_]+){{0,3}}\s+$")


@cache
def _recipient() -> re.Pattern[str]:
    """A word for being told, then at most an outlet's possessive, right before a name
    ("told Sporza's X", "confirmed to X", "gegenüber X")."""
    words = sorted(pooled().words("speech_recipients"), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternation})(?:\s+[^\W\d_]+['\u2019]s?)?\s+$")


@cache
def _reported() -> re.Pattern[str]:
    """A reported clause after a speech verb: a few words ("on Monday", "to X of Het
    Nieuwsblad"), then a word that opens it ("that", "dat", "que")."""
    words = sorted(pooled().words("reported_markers"), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    word = r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?"
    return re.compile(
        rf"(?:\s+{word}){{0,{REPORTED_WORDS}}}\s+(?:{alternation})(?:(?<=['\u2019])|(?!\w))"
    )


@cache
def _relative() -> re.Pattern[str]:
    words = sorted(pooled().words("relative_pronouns"), key=len, reverse=True)
    return re.compile(rf"\s*(?:{'|'.join(map(re.escape, words))})(?!\w)")


@cache
def _company() -> re.Pattern[str]:
    words = sorted(pooled().words("company_words"), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


@cache
def _list_glue() -> re.Pattern[str]:
    """What joins the last two names of a list: a coordination word ("A und B"), after a
    comma or not. A comma alone may close an aside ("according to X, Y joins ...")."""
    words = "|".join(re.escape(w) for w in sorted(pooled().words("coordination_words")))
    return re.compile(rf"\s*,?\s(?:{words})\s+")


@cache
def _including() -> re.Pattern[str]:
    """A word for "among them" right before a name ("..., darunter X")."""
    words = sorted(pooled().words("including"), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\s*:?\s+$")


@cache
def _attribution() -> re.Pattern[str]:
    """An attribution, then at most two words (a role), right before a name."""
    words = pooled().words("attributions")
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?:\s+[^\W\d_]+){{0,2}}\s+$")


def _framed(
    text: str, words: list[tuple[int, int]], first: int, last: int, frames: frozenset[str]
) -> bool:
    """A word that makes the name a race's, street's, building's or team's stands right
    before it, inside it or right after it ("Memorial Marco Pantani", "via Giuseppe
    Verdi", "John Smith Road", "Rose Women Racing")."""
    for k in (first - 1, *range(first + 1, last + 2)):
        if 0 <= k < len(words):
            s, e = words[k]
            if text[s:e].lower() in frames:
                return True
    return False


def _in_team_name(key: str, roster: Roster) -> bool:
    """A name printed like a person's that is a run of words inside a roster team's
    names or aliases ("Carl Ras", "Maria Nova") is a sponsor's, never a person's."""
    return any(key in _team_runs(team) for team in roster.teams.values())


def team_name_runs(roster: Roster) -> frozenset[str]:
    """Every team's `_team_runs` at once: a name is in it exactly when `_in_team_name`
    holds, read with one set lookup instead of a walk over every team (build it once per
    roster: it reads every team's names)."""
    return frozenset().union(*(_team_runs(team) for team in roster.teams.values()))


@cache
def _team_runs(team: Team) -> frozenset[str]:
    """Every run of two to MAX_SURNAME_WORDS + 1 words of a team's names and aliases,
    folded (once per team: teams are immutable)."""
    out: set[str] = set()
    for printed in (*(n.name for n in team.names), *team.aliases):
        parts = [fold_word(w) for w in _WORD.findall(printed)]
        for i in range(len(parts)):
            for j in range(i + 2, min(len(parts), i + MAX_SURNAME_WORDS + 1) + 1):
                out.add(" ".join(parts[i:j]))
    return frozenset(out)


def _is_roster_name(name: str, roster: Roster) -> bool:
    """A roster person's full name the tagger left untagged (a namesake it refused)."""
    return UNKNOWN_PREFIX + slugify(name) in roster.people or slugify(name) in roster.people


def _surnames(
    text: str,
    words: list[tuple[int, int]],
    covered: list[bool],
    found: dict[str, list[tuple[int, int]]],
    mentions: Sequence[Mention],
    printed: dict[str, str],
    stops: frozenset[str],
) -> dict[str, list[tuple[int, int]]]:
    """Later mentions of a found person's last name alone ("Wellan signed ..."), when no
    roster person named in the story and no other unknown person shares it."""
    owners: dict[str, set[str]] = {}
    for key, name in printed.items():
        owners.setdefault(fold_word(name.split()[-1]), set()).add(key)
    taken = {fold_word(text[m.start : m.end].split()[-1]) for m in mentions if m.end > m.start}
    own = {s: next(iter(k)) for s, k in owners.items() if len(k) == 1 and s not in taken}
    if not own:
        return {}
    doc_low = text.lower()
    determiners = _words("name_determiners")
    # words the story also writes in lower case are everyday words there ("young")
    lower = {fold_word(text[a:b]) for a, b in words if text[a].islower()}
    own = {s: k for s, k in own.items() if s not in lower}
    if not own:
        return {}
    inside = sorted(span for spans in found.values() for span in spans)
    first_at = {key: min(spans)[0] for key, spans in found.items()}
    out: dict[str, list[tuple[int, int]]] = {}
    p = 0
    for k, (start, end) in enumerate(words):
        while p < len(inside) and inside[p][1] <= start:
            p += 1
        if covered[k] or (p < len(inside) and inside[p][0] <= start):
            continue
        word = text[start:end]
        if not _capitalised(word) or word.lower() in stops:
            continue
        key = own.get(fold_word(word))
        # a capital at a sentence's start says nothing ("Young riders ..."), unless an
        # apposition follows the name ("Young, 22, rode ...")
        # an article right before makes the word a noun ("der Meister", "the Young")
        if k and text[words[k - 1][0] : words[k - 1][1]].lower() in determiners:
            continue
        opening = (
            _sentence_start(text, start)
            and not text.startswith(",", end)
            and _verb_after().match(doc_low, end) is None
        )
        if key is not None and start > first_at[key] and not opening:
            out.setdefault(key, []).append((start, end))
    return out


def _current_teams(
    text: str,
    low: str,
    found: dict[str, list[tuple[int, int]]],
    mentions: Sequence[Mention],
    context: NameContext,
) -> dict[str, str]:
    """The team the story places each person at, in its own words: a team in brackets
    after the name ("X (Cofidis)"), an affiliation after it ("X of Lotto", "A and B at
    Cofidis": a list shares the team its last name has), a team's possessive before it
    ("Cofidis' X", "Lotto's X"). One pass over the names in text order."""
    team_at = {m.start: m.entity_id for m in mentions if m.kind == "team"}
    team_end = {m.end: m.entity_id for m in mentions if m.kind == "team"}
    places = sorted((s, e, key) for key, spans in found.items() for s, e in spans)
    out: dict[str, str] = {}
    run: list[str] = []  # the list the current name closes ("A, B and C")
    run_start = previous_end = -1
    for start, end, key in places:
        if not (
            run and (context.listed_after(start, previous_end) or _comma(low, previous_end, start))
        ):
            run, run_start = [], start
        run.append(key)
        previous_end = end
        m = _affiliation().match(low, end)
        team = team_at.get(m.end()) if m is not None else None
        # "at"/"alla" also name a destination ("the arrival of X at Cofidis"): only
        # the objects of a join verb are there already ("joins A and B at Cofidis")
        if m is not None and not _genitive(m.group(1)) and not _after_join(low, run_start):
            team = None
        if team is None:
            b = _BRACKET.match(text, end)
            team = team_at.get(b.end()) if b is not None else None
            if team is not None:
                run = [key]  # a bracket is this name's own
        if team is None:
            p = _POSSESSIVE_BEFORE.search(text, max(0, start - 4), start)
            team = team_end.get(p.start()) if p is not None else None
            if team is not None:
                out.setdefault(key, team)
            continue
        for k in run:
            out.setdefault(k, team)
    return out


def _genitive(word: str) -> bool:
    return word in _words("name_genitives")


def _after_join(low: str, start: int) -> bool:
    """The word before `start` is a join verb ("joins", "rejoint")."""
    words = low[max(0, start - 20) : start].split()
    return bool(words) and words[-1] in _words("to_markers") - _words("affiliation_markers")


def _comma(low: str, previous_end: int, start: int) -> bool:
    return 0 <= start - previous_end <= 3 and low[previous_end:start].strip() == ","


_BRACKET = re.compile(r"\s?\(\s?")
_POSSESSIVE_BEFORE = re.compile(r"(?:['\u2019]s?) $")


@cache
def _affiliation() -> re.Pattern[str]:
    """A word placing someone at a team ("at", "of", "bij", "chez"), an article maybe."""
    words = sorted(pooled().words("incumbent_markers"), key=len, reverse=True)
    articles = sorted(pooled().words("incumbent_articles"), key=len, reverse=True)
    marker = "|".join(map(re.escape, words))
    article = "|".join(map(re.escape, articles))
    return re.compile(rf"\s+({marker})\s+(?:(?:{article})\s+)?")


@cache
def _verb_after() -> re.Pattern[str]:
    """A move or speech verb right after a word ("Kellerhals joins", "Kellerhals passa"):
    a sentence-initial surname before one is the person, not an adjective."""
    lex = pooled()
    verbs = "|".join(lex.alternation(f) for f in ("arrive", "depart", "speech_verbs"))
    return re.compile(rf"\s+(?:{verbs})")


def _sentence_start(text: str, start: int) -> bool:
    """Nothing but quotes, brackets and spaces between the last sentence end and `start`."""
    k = start - 1
    while k >= 0 and (
        text[k].isspace() or text[k] in "\"'\u201c\u201d\u2018\u2019\u00ab(-\u2013\u2014"
    ):
        k -= 1
    return k < 0 or text[k] in ".!?:;\n"


def person_kind(low: str, places: Sequence[tuple[int, int]]) -> PersonKind:
    """Staff when a staff role word ("sports director", "ds", "coach") is the title right
    before one of the name's full mentions ("sports director X", "de nieuwe ploegleider
    X") or stands in an apposition right after it ("X, the team's new coach"), else a
    rider. Anywhere else in the clause it is someone else's ("Manager Y haalt X naar
    Cofidis"), and never across a sentence ("Cofidis signed X. Sports director Y ...")."""
    roles = _staff_roles()
    for start, end in places:
        lo, hi = max(0, start - ROLE_REACH), min(len(low), end + ROLE_REACH)
        title = roles.search(low, lo, start)
        while title is not None and low[title.end() : start].strip():
            title = roles.search(low, title.end(), start)
        if title is not None:
            return "staff"
        # an apposition: a comma or bracket right after the name, the role in that clause
        opening = _APPOSITION.match(low, end)
        # a relative clause is no apposition ("X, who will work with sports director Y")
        if opening is not None and not _relative().match(low, opening.end()):
            stop = _CLAUSE_STOP.search(low, opening.end(), hi)
            if roles.search(low, opening.end(), stop.start() if stop is not None else hi):
                return "staff"
    return "rider"


_APPOSITION = re.compile(r"\s*[,(]\s*")


def _title_end(doc: Document) -> int:
    return len(doc.title)


def _title_case(title: str) -> bool:
    """A headline in title case ("Team Signs Young Sprinter For Two Years")."""
    long = [w for w in _WORD.findall(title) if len(w) > 3]
    if len(long) < 3:
        return False
    return sum(1 for w in long if w[0].isupper()) / len(long) >= TITLE_CASE_SHARE
