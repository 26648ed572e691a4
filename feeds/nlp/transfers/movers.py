"""Who moves, when the clause names them: the subject of a move verb, the object of a
team verb, the owner of a move noun, with anyone listed alongside ("X, Y and Z").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from itertools import islice
from operator import attrgetter

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.descriptions import nationality_word
from feeds.nlp.transfers.list_relatives import relative_after_keeps
from feeds.nlp.transfers.listed_people import (
    coordinated,
    listed_back,
    with_listed_after,
)
from feeds.nlp.transfers.referents import DEFINITE, described_subject, describes_person
from feeds.nlp.transfers.roles import OWNER_GAP, apposed_companion
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import ROLE_WORD, WORD, Span, index_ending_by, within

_LEX = pooled()
_TEAM_NOUNS = _LEX.alternation("team_nouns")
_OTHER_WORDS = _LEX.words("other_words")
_START = attrgetter("start")
_PERSONAL_PRONOUNS = frozenset(
    {"he", "she", "hij", "zij", "ze", "il", "elle", "lui", "lei", "er", "sie", "él", "ella"}
)
_SPEAKER = re.compile(
    r"\b(?:"
    + _LEX.alternation("speech_verbs")
    + r")\b[^.]*?\b(?:that|dat|que|qu'|che|dass|how)\s+([\w']+)"
)
SPEAKER_REACH = 1000
"""Characters after a person where "confirmed that" is looked for: a subject stands far
nearer its verb (under 300 in every development set); without a bound, a clause of
thousands of verbs after one name is searched again from the name for each of them."""
_BOSS = re.compile(r"\b(?:" + _LEX.alternation("boss_titles") + r")\s*$")
_TEAM_OF = re.compile(
    r"\b(?:" + _TEAM_NOUNS + r")\s+(?:of|de|d'|van|di|von|del|du|(?:owned|run|led|founded)\s+by)"
    r"\s*$"
)
_TEAM_OWNED = re.compile(r"(?:'s|\u2019s|')\s+(?:" + _TEAM_NOUNS + r")\b")
_PREPOSITIONS = (
    _LEX.words("to_markers") | _LEX.words("from_markers") | _LEX.words("affiliation_markers")
) - DEFINITE
_OF_WORDS = frozenset({"of", "de", "di", "van", "von", "del", "della", "du", "des", "d'"})
_POSSESSIVE_GAP = re.compile(r"^(?:(?:'s|\u2019s|'|\u2019)\s*(?:[\w-]+\s+){0,2}|\s*)$")
# A capitalised word right before a name, a forename the roster does not print.
_FORENAME = re.compile(r"(?<=\s)[A-Z\u00c0-\u00de][\w'-]+ $")
_LIST_GAP = re.compile(r"\s*[:\u2013\u2014-]?\s*$")
# A team verb's object announced, then listed after a colon ("signed seven newcomers: X, Y").
_ANNOUNCED_LIST = re.compile(r"[^.;:!?]*:\s*$")
# A contract's length or end between the object of a verb-final team verb (Dutch, German)
# and the verb ("hat X für drei Jahre verpflichtet", "heeft X tot 2027 vastgelegd") says how
# long, not who.
_CONTRACT_SPAN = re.compile(
    r"\b(?:voor|für|tot|bis)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:jaar|jahre?n?|seizoen(?:en)?|saisons?|(?:19|20)\d\d)\b"
)


def cue_movers(
    story: Story,
    family: str,
    people: Sequence[Mention],
    cue: Hit,
    teams: Sequence[Mention],
    clause: Span,
) -> list[Mention]:
    """The people a cue is about, found where its family puts them."""
    if family in ("arrive", "depart", "courted"):
        return _subjects(story, people, cue, teams, clause.start)
    if family in ("acquire", "lose"):
        return cue_objects(story, people, cue, teams)
    return _of_person(story, people, cue, teams)


def _subjects(
    story: Story,
    people: Sequence[Mention],
    cue: Hit,
    teams: Sequence[Mention],
    clause_start: int | None = None,
) -> list[Mention]:
    """The person(s) doing the verb: the nearest named before it, with any listed with them.

    The boss a team is named after ("l'équipe de Marc Madiot", "Ralph Denk's team") is
    part of the team's name, never the subject."""
    before = _subjects_back(story, people, cue.start)
    nearest = next(before, None)
    if nearest is None:
        if clause_start is None:
            return []
        return _inverted(story, people, cue, teams, clause_start)
    if _speaker(story, nearest, cue):
        return []
    if clause_start is not None and described_subject(story, clause_start, nearest):
        return []  # the subject is described, the person named only inside an aside
    return listed_back(story, nearest, before, teams)


def _subjects_back(story: Story, people: Sequence[Mention], cue_start: int) -> Iterator[Mention]:
    """The people before the cue who may be its subject, nearest first, read only as far
    as they are asked for (a clause of thousands of names stays linear): not the boss a
    team is named after, not a teammate in an apposition after the mover."""
    candidates = (
        people[i]
        for i in range(index_ending_by(people, cue_start), -1, -1)
        if not _names_a_team(story, people[i])
    )
    person = next(candidates, None)
    while person is not None:
        prev = next(candidates, None)
        if prev is None or not apposed_companion(story.low, prev, person, cue_start):
            yield person
        person = prev


def _speaker(story: Story, person: Mention, cue: Hit) -> bool:
    """The person only reports the move: "Lefevere confirmed that the Frenchman would leave"."""
    gap = story.low[person.end : min(cue.start, person.end + SPEAKER_REACH)]
    found = _SPEAKER.search(gap)
    if found and found.group(1) not in _PERSONAL_PRONOUNS:
        return True
    speaker = story.roster.people.get(person.entity_id)
    if found and speaker is not None and speaker.kind == "staff":
        return True  # "Guercilena confirmed that she leaves": a manager speaks of a rider
    boss = _BOSS.search(story.low, max(0, person.start - 30), person.start)
    return bool(boss and found)


def _names_a_team(story: Story, person: Mention) -> bool:
    """ "the team of X", "X's team", "Fabian Cancellara's Tudor Pro Cycling Team"."""
    before = story.low[max(0, person.start - 24) : person.start]
    if _TEAM_OF.search(before) or _TEAM_OWNED.match(story.low, person.end):
        return True
    owner = OWNER_GAP.match(story.low, person.end)
    return owner is not None and any(t.start == owner.end() for t in story.teams)


def _inverted(
    story: Story, people: Sequence[Mention], cue: Hit, teams: Sequence[Mention], clause_start: int
) -> list[Mention]:
    """A subject after its verb, as Italian and Spanish allow ("Arrivano Wellens e Ayuso"),
    and German after an opening phrase ("Nach Informationen von X wechselt Landa zu Y")."""
    if cue.family not in ("arrive", "depart"):
        return []
    # "Da Alpecin-Deceuninck, para reforçar o sprint, chegam X e Y": an opening phrase set
    # off by a comma holds no subject, however long.
    set_off = story.low[clause_start : cue.start].rstrip().endswith(",")
    if not set_off and len(WORD.findall(story.low, clause_start, cue.start)) > 6:
        return []  # only a clause that opens with the verb, or with a short phrase
    if not set_off and any(clause_start <= t.start < cue.start for t in teams):
        return []  # "Bei Visma fährt ...": the team before the verb may be its subject
    # Verb-second with the subject inside a cue that reads up to its preposition ("Nå
    # bytter X til Y", "Nu skifter X til Y").
    inside = [p for p in people if cue.start < p.start and p.end <= cue.end]
    if inside and len(WORD.findall(story.low, cue.start, inside[0].start)) == 1:
        return with_listed_after(story, inside, teams)
    after = [p for p in people if p.start >= cue.end]
    if not after:
        return []
    # "lasciano il Team Jayco AlUla Hagos Welay Berhe e Campbell Stewart": a departure
    # verb names the team left before its subject
    gap_end = after[0].start
    skipped = 0
    if cue.family == "depart":
        # only with the team left between them: "verlassen mit X (Lidl-Trek), ..." is a
        # list of destinations (`lists`), not of subjects
        skipped = _team_words(story, teams, cue.end, gap_end)
        if not skipped:
            return []
        forename = _FORENAME.search(story.text, cue.end, gap_end)  # "Hagos [Welay Berhe]"
        gap_end = forename.start() if forename else gap_end
    if cue.family == "arrive" and _described_after_team(story, teams, cue.end, gap_end):
        return _not_kept(story, with_listed_after(story, after, teams))
    if len(WORD.findall(story.low, cue.end, gap_end)) - skipped > 1:
        return []
    return _not_kept(story, with_listed_after(story, after, teams))


def _not_kept(story: Story, listed: list[Mention]) -> list[Mention]:
    """None of `listed` when a relative clause right after them says they stay ("They
    join A, B and C, who all extended last week": the people joined, not the movers)."""
    if not listed:
        return listed
    at = bisect.bisect_right(story.sentence_starts, listed[-1].end)
    bound = story.sentence_starts[at] if at < len(story.sentence_starts) else len(story.low)
    return [] if relative_after_keeps(story, listed[-1].end, bound) else listed


_DESCRIPTION_AFTER_TEAM = 5
"""Words a description of the subject may take between the team and the name."""


def _described_after_team(story: Story, teams: Sequence[Mention], start: int, end: int) -> bool:
    """Verb, team, then the subject described and named ("Correrà con la Sport
    Vlaanderen il belga classe 2001 Toon Clynhens", "Firma por el Movistar el colombiano
    X"): one team right after the verb, a definite description after it, then the name."""
    between = [t for t in teams if start <= t.start and t.end <= end]
    if len(between) != 1 or not _team_right_after(story, start, between[0].start):
        return False
    if story.hits.get("race") and _raced(story, start, end):
        return False  # "Arriva al traguardo con la UAE lo sloveno X": a finish, no signing
    found = list(ROLE_WORD.finditer(story.low, between[0].end, end))
    words = [w.group() for w in found]
    if not words and not story.low[between[0].end : end].strip():
        return True  # the description is itself the person's mention ("il belga")
    if not 2 <= len(words) <= _DESCRIPTION_AFTER_TEAM or words[0] not in DEFINITE:
        return False
    # "la Vuelta junto al colombiano X": a race or a preposition makes it an object
    if any(w in _PREPOSITIONS for w in words) or any(
        story.text[w.start()].isupper() and not nationality_word(w.group()) for w in found[1:]
    ):
        return False
    return describes_person(words[1:])


_VERB_TO_TEAM = 2
"""Words between the verb and the team's preposition ("Correrà invece per due anni con la")."""
_TEAM_LEAD = _PREPOSITIONS | DEFINITE | _OF_WORDS


def _team_right_after(story: Story, start: int, team_start: int) -> bool:
    """One phrase between the verb and the team, its preposition and article last, a few
    words at most before them ("Firma por el Movistar", "Correrà invece per due anni con
    la Tudor"); not two phrases ("Llega primero por delante del Visma", "Arriva al
    traguardo con la UAE": a race's order or finish)."""
    words = ROLE_WORD.findall(story.low, start, team_start)
    for _ in range(2):  # the team's own preposition and article
        if words and words[-1] in _TEAM_LEAD:
            words.pop()
    return len(words) <= _VERB_TO_TEAM and not any(w in _PREPOSITIONS for w in words)


def _raced(story: Story, start: int, end: int) -> bool:
    """A race word in the clause of the verb, before or after it."""
    at = story.low.rfind(".", 0, start) + 1
    return bool(within(story.hits["race"], at, end))


def _team_words(story: Story, teams: Sequence[Mention], start: int, end: int) -> int:
    """Words of the one team named between two offsets, none when another name or more
    than one team stands there."""
    between = [t for t in teams if start <= t.start and t.end <= end]
    if len(between) != 1:
        return 0
    return len(WORD.findall(story.low, between[0].start, between[0].end))


def cue_objects(
    story: Story, people: Sequence[Mention], cue: Hit, teams: Sequence[Mention]
) -> list[Mention]:
    """The person(s) a team verb acts on: right after it, or right before a final verb.

    `people` and `teams` are sorted by start (a clause's mentions). Each side is found by
    bisection and walked only as far as its list runs: a sentence may hold thousands of
    taking verbs, each asking about the same thousands of people."""
    first_after = bisect.bisect_left(people, cue.end, key=_START)
    if first_after < len(people):
        gap = story.low[cue.end : people[first_after].start]
        words = len(WORD.findall(gap))
        if words <= 4 and not any(c in gap for c in ".;:!?"):
            return with_listed_after(story, people, teams, first=first_after)
        if words <= 6 and _ANNOUNCED_LIST.match(gap):
            listed = with_listed_after(story, people, teams, first=first_after)
            if len(listed) > 1:  # a list, not "signed a sponsor: X said"
                return listed
    inside = [p for p in within(people, cue.start, cue.end) if p.end <= cue.end]
    if inside:
        return inside
    if any(w in _OTHER_WORDS for w in ROLE_WORD.findall(story.low, cue.end, cue.end + 30)[:3]):
        return []  # "se refuerza con otro joven": someone else than the one named before
    earlier = _ending_by(people, cue.start)
    nearest = next(earlier, None)
    if (
        nearest is not None
        and (outside := _words_outside(story, teams, nearest.end, cue.start, _BEFORE_WORDS))
        < _BEFORE_WORDS
        and outside - _contract_words(story, nearest.end, cue.start) <= 2
    ):
        # "hat X von UAE verpflichtet": the team the person comes from does not count
        return listed_back(story, nearest, earlier, teams)
    return []


_BEFORE_WORDS = 7
"""Words between a person and a final verb past which the person is never its object:
two, and a contract's length or end (`_CONTRACT_SPAN`: four words at most) between them
("hat X für vier Jahre verpflichtet"). Counting stops there."""


def _ending_by(people: Sequence[Mention], offset: int) -> Iterator[Mention]:
    """The people (sorted by start) that end by the offset, nearest first, found lazily:
    the walk back stops where the caller stops reading."""
    for i in range(bisect.bisect_right(people, offset, key=_START) - 1, -1, -1):
        if people[i].end <= offset:
            yield people[i]


def _of_person(
    story: Story, people: Sequence[Mention], cue: Hit, teams: Sequence[Mention]
) -> list[Mention]:
    """The owner of a move noun: "the arrival of X", "X's move", "le départ de X".

    The people after the cue by bisection, and at most four words read up to the first of
    them: a noun repeated before one far name is otherwise read up to it each time."""
    after = people[bisect.bisect_left(people, cue.end, key=_START) :]
    if after:
        words = [w.group() for w in islice(WORD.finditer(story.low, cue.end, after[0].start), 4)]
        listed = not words and _LIST_GAP.match(story.low, cue.end, after[0].start)
        if listed or (words and words[0] in _OF_WORDS and len(words) <= 3):
            # "the arrivals of X and Y", "New signings: X, Y", "new signing Tim Merlier"
            return with_listed_after(story, after, teams)
    before = next(_ending_by(people, cue.start), None)
    if before is not None and _POSSESSIVE_GAP.match(story.low[before.end : cue.start]):
        owners = [before]
        # "X's expected arrival, along with Y from Quick-Step": Y arrives too.
        anchor = Mention("", "rider", cue.start, cue.end)
        if after and coordinated(story, anchor, after[0], teams):
            owners.append(after[0])
        return owners
    # "X zou de overstap maken naar Y": no owner, so the clause's subject.
    return _subjects(story, people, cue, teams)


def _words_outside(story: Story, teams: Sequence[Mention], start: int, end: int, most: int) -> int:
    """Words between two offsets, a team's name counted as none, counting stopped at
    `most` (a count of `most` means at least that many): a verb far from the last
    name before it would otherwise count the whole gap, once for each of many verbs."""
    low = story.low
    count, cursor = 0, start
    # the teams between by bisection (sorted by start), not a walk over the clause's all
    i = bisect.bisect_left(teams, start, key=_START)
    while i < len(teams) and teams[i].start < end and count < most:
        team = teams[i]
        i += 1
        if team.end <= end:
            count += _count_words(low, cursor, team.start, most - count)
            cursor = team.end
    if count < most:
        count += _count_words(low, cursor, end, most - count)
    return count


def _count_words(low: str, start: int, end: int, most: int) -> int:
    """Words between two offsets, read up to `most` of them."""
    count = 0
    for _ in WORD.finditer(low, start, end):
        count += 1
        if count >= most:
            break
    return count


def _contract_words(story: Story, start: int, end: int) -> int:
    """Words of a contract's length or end between two offsets ("für drei Jahre")."""
    span = _CONTRACT_SPAN.search(story.low, start, end)
    return len(WORD.findall(span.group())) if span else 0
