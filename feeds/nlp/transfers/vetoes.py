"""What is no news though it looks like a move: clauses about organisation or history,
cues that are negated, told as earlier events, about the current team or about race
action, and extensions (who stays with which team).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.phrases import story_phrases
from feeds.nlp.transfers.roles import TO_WORDS, role_floor, team_role
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.seasons import names_past_season
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import WORD_START, Span, mentions_in, within

_LEX = pooled()
_THIS_SEASON = re.compile(_LEX.alternation("this_season"))
_MOVE_NEGATION = re.compile(
    WORD_START + r"(?:not|n't|cannot|never|niet|nooit|ne|jamais|non|mai|nicht|nie|nunca|no|niente|"
    r"nessun[oa]?|geen|kein(?:e|en)?|aucune?|ningún|ninguna)\W+"
    r"(?:[\w']+\W+){0,2}$"
)
_EARLIER = re.compile(
    WORD_START
    + r"(?:"
    + _LEX.alternation("earlier")
    + r")\s+(?:(?:"
    + _LEX.alternation("earlier_determiners")
    + r")\s+|l'|l\u2019){0,2}$"
)
_CURRENTLY = re.compile(WORD_START + r"(?:" + _LEX.alternation("currently") + r")(?:\W|$)")
# ", qui s'est imposée dès 2023": a relative clause after the verb tells the mover's past.
# "ending the rumours of a move to X", "allontanato le voci di un suo passaggio alla X": the
# move cue is the content of a rumour put to rest (two words between at most: "a", "un suo").
_DISPELLED = re.compile(
    WORD_START
    + r"(?:"
    + _LEX.alternation("rumours_dispelled")
    + r")(?:\s+|(?<=')|(?<=\u2019))(?:[\w'\u2019]+\s+){0,2}$"
)
PHRASES = (_DISPELLED,)
"""Looked for before each move cue: tried only where `phrases` finds they may match."""
_CLAUSE_MARKS = ",;:.!?"
_SIGNING = frozenset({"arrive", "acquire"})
# "einen Dreijahresvertrag": a contract noun may close a compound
_CONTRACT = re.compile(r"(?:" + _LEX.alternation("contract_nouns") + r")")
_RELATIVE_AFTER = re.compile(r",\s*(?:" + _LEX.alternation("relative_pronouns") + r")\b")
_REFUSED = re.compile(r"\b(?:" + _LEX.alternation("refusal") + r")\b")
# "signed a new contract", "tekent een nieuw contract": the verb's object is the extension
_VERB_OBJECT_GAP = re.compile(r"^\s+(?:[\w'\u2019-]+\s+){0,2}$")
# "signs autographs at the T stand", "s'offre la victoire devant A (T)": the signing or
# take-verb's object, at most two words after it, is a thing or a result, not a person
_THING_OBJECT = re.compile(
    r"\s+(?:[\w'\u2019-]+\s+){0,2}?(?:"
    + _LEX.alternation("signed_things")
    + "|"
    + _LEX.alternation("won_things")
    + r")"
)


def clause_vetoed(story: Story, clause: Span) -> bool:
    """A clause about the organisation (renames, sponsors, mergers, promotions) or about
    history ("previously", "last year", "this season")."""
    if within(story.hits.get("organisation", []), clause.start, clause.end):
        return True
    for hit in within(story.hits.get("background", []), clause.start, clause.end):
        if not _old_name(story, hit):
            return True
    return bool(_THIS_SEASON.search(story.low, clause.start, clause.end))


# "Decathlon CMA CGM (formerly Decathlon AG2R)": a former-name marker that is also a
# history word, a bracket or comma before it and a team right after it give a team's old
# name, not the mover's history.
_OLD_NAME_BEFORE = re.compile(r"[(,]\s*$")


_FORMER_WORDS = _LEX.words("former_markers")


def _old_name(story: Story, hit: Hit) -> bool:
    if story.low[hit.start : hit.end].strip() not in _FORMER_WORDS:
        return False  # "Hirschi, who joined the Swiss team": history, whatever follows
    if not _OLD_NAME_BEFORE.search(story.low, max(0, hit.start - 3), hit.start):
        return False
    return any(hit.end < t.start <= hit.end + 3 for t in within(story.teams, hit.end, hit.end + 4))


def cue_vetoed(
    story: Story, cue: Hit, clause: Span, region: Span, teams: Sequence[Mention]
) -> bool:
    """Is this move cue no news, whatever the rest of its clause says?"""
    low = story.low
    if _MOVE_NEGATION.search(low, max(clause.start, cue.start - 30), cue.start):
        return True  # "I will never leave this team", "il ne quittera pas"
    reach = max(clause.start, cue.start - 80)
    dispelled = story_phrases(story).search(_DISPELLED, reach, cue.start)
    if dispelled and not _signed_after(story, cue):
        return True  # "ending the rumours of a move to X": X is not joined
    relative = _RELATIVE_AFTER.search(low, cue.end, region.end)
    end = relative.start() if relative else region.end
    if names_past_season(story, max(region.start, cue.start - 25), end):
        return True  # "who joined Ineos in 2019": history, not news
    if _EARLIER.search(low, max(clause.start, cue.start - 30), cue.start):
        return True  # "made his debut for Tudor after leaving UAE", "nach dem Abgang von X zu Y"
    if _CURRENTLY.search(low, max(clause.start, cue.start - 20), cue.end):
        return True  # "rijdt nu nog voor Bora", "is still riding for": the current team
    if thing_object(story, cue):
        return True  # "firma autografi allo stand della T", "s'offre la victoire"
    return _race_action(story, cue, clause, teams)


def thing_object(story: Story, cue: Hit) -> bool:
    """A signing or take-verb whose object is a thing ("autographs", "a flag") or a result
    ("la victoire", "den Sieg"), not after a to-marker the cue ends with ("firma per")."""
    if cue.family not in _SIGNING:
        return False
    words = story.low[cue.start : cue.end].split()
    if words and words[-1] in TO_WORDS:
        return False
    return _THING_OBJECT.match(story.low, cue.end) is not None


def _signed_after(story: Story, cue: Hit) -> bool:
    """Is a rumour put to rest by the move itself: a signing or a contract told after the
    cue, in its sentence or the next, with nobody else named first and no stay ("ended the
    rumours of a switch to X: he signed until 2026", "met fin aux rumeurs de son transfert
    chez X : il a signé")? Not "extends, ending the rumours of a move to X"."""
    at = bisect.bisect_right(story.sentence_starts, cue.start)
    end = story.sentence_starts[at + 1] if at + 1 < len(story.sentence_starts) else len(story.low)
    signed = [
        hit.start
        for family in ("confirmed", "move")
        for hit in within(story.hits.get(family, []), cue.end, end)
        if family == "confirmed" or hit.family in _SIGNING
    ]
    contract = _CONTRACT.search(story.low, cue.end, end)
    if contract is not None:
        signed.append(contract.start())
    if not signed:
        return False
    start = story.sentence_starts[at - 1] if at else 0
    movers = {p.entity_id for p in within(story.people, start, cue.start)}
    others = [p for p in within(story.people, cue.end, min(signed)) if p.entity_id not in movers]
    return not others and not within(story.hits.get("extension", []), cue.end, end)


def _race_action(story: Story, cue: Hit, clause: Span, teams: Sequence[Mention]) -> bool:
    """Race words about this verb ("joined the break", "attacked and moved to the front"),
    not a later aside ("swaps A for B after a spring lost to a crash"): a team named
    between the race word and the verb closes the move off."""
    for hit in within(story.hits.get("race", []), clause.start, clause.end):
        lo, hi = (hit.end, cue.start) if hit.end <= cue.start else (cue.end, hit.start)
        if not any(lo <= t.start and t.end <= hi and not _describes_rider(story, t) for t in teams):
            return True
    return False


_RIDER_NOUN = re.compile(
    r"\s+(?:"
    + "|".join(
        re.escape(w)
        for w in sorted(
            _LEX.words("person_descriptions") | _LEX.words("companion_nouns"), key=len, reverse=True
        )
    )
    + r")\s+"
)


def _describes_rider(story: Story, team: Mention) -> bool:
    """The team describes the person named right after it ("joined Cofidis rider X at the
    front"): it closes off nothing, the verb's object is the person."""
    m = _RIDER_NOUN.match(story.low, team.end)
    return m is not None and bool(within(story.people, m.end(), m.end() + 1))


def stayers(story: Story, clause: Span, people: Sequence[Mention]) -> set[str]:
    """People an extension cue in the clause is about (the nearest named before it), unless
    they turn it down ("turned down a new contract with Lidl-Trek to join Jayco")."""
    out = set()
    for hit in within(story.hits.get("extension", []), clause.start, clause.end):
        if _extension_negated(story, hit):
            continue
        before = [p for p in people if p.end <= hit.start]
        if before and _extends(story, before[-1], hit):
            out.add(before[-1].entity_id)
    return out


def _extension_negated(story: Story, hit: Hit) -> bool:
    """ "que no renueva", "who will not extend", "die niet verlengt": no stay, a way out.
    The negation governs the extension verb itself: no clause mark between them ("no se va:
    renueva", "geht nicht, er verlängert" are stays)."""
    start = max(0, hit.start - 30)
    marks = [story.low.rfind(mark, start, hit.start) for mark in _CLAUSE_MARKS]
    return (
        _MOVE_NEGATION.search(story.low, max([start] + [m + 1 for m in marks]), hit.start)
        is not None
    )


def _extends(story: Story, person: Mention, hit: Hit) -> bool:
    """Is an extension cue about the person named before it? Not when they turn it down,
    nor when a move verb of theirs comes first ("X joins Y, ending a long stay at Z",
    "X joins Y as the twins stay on rival teams")."""
    if _REFUSED.search(story.low, person.end, hit.start):
        return False
    return not _moves_before(story, person, hit)


def _moves_before(story: Story, person: Mention, hit: Hit) -> bool:
    """Does a move verb of the person's come before the extension cue? Not one whose
    object the extension is ("has signed a new contract with Ineos")."""
    moves = within(story.hits.get("move", []), person.end, hit.start)
    return bool(moves) and not _VERB_OBJECT_GAP.match(story.low[moves[-1].end : hit.start])


def stayed_teams(story: Story, spans: Sequence[Span]) -> dict[str, set[str]]:
    """Teams each person is said to stay with ("Pogačar has extended with UAE until 2030"):
    anywhere in the story, a move to one of them is that extension, not a transfer."""
    out: dict[str, set[str]] = defaultdict(set)
    starts = [s.start for s in spans]
    for hit in story.hits.get("extension", []):
        if _extension_negated(story, hit):
            continue
        sentence = spans[max(0, bisect.bisect_right(starts, hit.start) - 1)]
        people = [p for p in mentions_in(story.people, sentence) if p.end <= hit.start]
        if people and not _moves_before(story, people[-1], hit):
            out[people[-1].entity_id].update(
                t.entity_id
                for t in mentions_in(story.teams, sentence)
                # "turned down a new contract at A to join B": B is still a destination
                if team_role(story.text, story.low, t, role_floor(sentence, people, t)) != "to"
            )
    return out
