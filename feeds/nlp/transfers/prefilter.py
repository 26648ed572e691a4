"""Which stories cannot report a move, told in one pass: transfer extraction is skipped
for them.

Most stories ingestion tags are race reports, previews and interviews. Extraction only
finds evidence of a move in a clause that has a move cue: a word of a move family of the
transfer vocabulary (feeds/nlp/lexicons, `scan.MOVE_FAMILIES`), a verbless headline
("Hirschi naar Tudor": a person, a preposition, a team) or a round-up's subheading
("Lenny Martinez - Groupama-FDJ para Bahrain": a person, a dash, a team). Without
evidence the rules find no move, no departure and no headline move, so the answer is
"no transfer". This module tells that none of the three can be there, more cheaply
than reading the story:

- every string a move cue of any language can start with (each pattern expanded from
  its regular expression: "mov(?:e|es|ed|ing) (?:to|...)" gives "move to", "moves to",
  ...; an open-ended part such as "[\\w-]+" ends the expansion there;
  `feeds.nlp.matcher.pattern_starts`) goes into one
  Aho-Corasick automaton with the cues it starts; one pass over the lower-cased story
  finds where any occurs, and only there are those cues tried (anywhere, not only at a
  word start, and in every language: more than the scan, never less);
- a person, then a team with only a headline preposition between them, in the headline;
- a person, a dash or a colon, then a team;
- a deal noun and a word for "between" ("a deal between X and Y", `deals`).

Each test is a necessary condition of what `extract` reads, never a guess:
tests/feeds/nlp/test_transfer_prefilter.py runs the corpus and generated stories with
and without it and compares every answer. A new way for extraction to find a move
without a cue (another verbless shape) must be added here too; that test is what notices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import ahocorasick

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.matcher import Substrings, pattern_starts
from feeds.nlp.transfers.clause import _HEADLINE_GAP, _SUBHEADING_DASH
from feeds.nlp.transfers.deals import DEAL, DEAL_NOUNS
from feeds.nlp.transfers.roles import RETIRED
from feeds.nlp.transfers.scan import FAMILIES, MOVE_FAMILIES, WEAK_FAMILIES
from feeds.nlp.transfers.staff_roles import APPOINTED, SUCCESSION_TAIL
from feeds.nlp.transfers.story import PERSON_KINDS
from feeds.nlp.transfers.text import lowered

_MOVER_KINDS = PERSON_KINDS | {RETIRED}


def may_report_move(text: str, mentions: Sequence[Mention], low: str | None = None) -> bool:
    """False when the story (title + "\\n\\n" + body, as extraction reads it) has no move
    cue of any language, no verbless headline and no dash subheading: extraction would
    find no transfer. True means only that extraction must read it."""
    # a retired rider may be appointed staff (`roles.appointed`)
    people = [m for m in mentions if isinstance(m, Mention) and m.kind in _MOVER_KINDS]
    if not people:
        return False  # extraction needs a person to move
    low = lowered(text) if low is None else low
    teams = [m for m in mentions if isinstance(m, Mention) and m.kind == "team"]
    if teams and (_headline_pair(low, people, teams) or _dash_pair(low, people, teams)):
        return True
    staff = sum(1 for m in people if m.kind == "staff")
    if staff >= 2 and _succession_starts().any_in(low) and _any_succession().search(low):
        return True  # "X succède à Y" between two staff members (`staff_roles`)
    for end, (length, cues) in cue_automaton().iter(low):
        start = end + 1 - length
        if any(cue.match(low, start) for cue in cues):
            return True
    return False


def _headline_pair(low: str, people: list[Mention], teams: list[Mention]) -> bool:
    """A person, then a team with only a preposition between them, in the headline (where
    `split_sentences` ends it): the shape of `clause._headline_arrows`."""
    title_end = low.find("\n\n")
    if title_end < 0:
        title_end = len(low) if "\n" not in low else low.find("\n")
    for team in teams:
        if team.end > title_end:
            continue
        for person in people:
            if person.end <= team.start:
                gap = _HEADLINE_GAP.match(low, person.end, team.start)
                if gap and gap.end() == team.start:
                    return True
    return False


def _dash_pair(low: str, people: list[Mention], teams: list[Mention]) -> bool:
    """A person, a dash or colon, then a team right after it: the start of
    `clause._subheading_arrow`."""
    starts = {t.start for t in teams}
    for person in people:
        gap = _SUBHEADING_DASH.match(low, person.end)
        if gap and any(pos in starts for pos in range(person.end + 1, gap.end() + 1)):
            return True
    return False


@cache
def cue_automaton() -> ahocorasick.Automaton:
    """Every move cue's start strings, of every bundled language, in one automaton, each
    with its length and the cues that start with it (tried where it occurs); built on
    first use, kept for the process (the vocabulary is bundled data)."""
    automaton = ahocorasick.Automaton()
    for start, patterns in sorted(move_cue_starts().items()):
        automaton.add_word(start, (len(start), tuple(patterns)))
    automaton.make_automaton()
    return automaton


def move_cue_starts() -> dict[str, list[re.Pattern[str]]]:
    """The strings move cues' matches begin with, each with the cues that may (a list's
    plural arrival noun, `lists`, opens moves too; so does a rider said to have no team
    yet, `teamless`; so does a deal between a person and a team, `deals`)."""
    lexicon = pooled()
    out: dict[str, list[re.Pattern[str]]] = {}
    # lists of riders not kept ("A and B are on their way out") or signed by a split verb
    # ("trok A (T1) en B (T2) aan"), `list_runs`, too
    concepts = [FAMILIES[f] for f in (*MOVE_FAMILIES, *WEAK_FAMILIES, "newcomers")] + [
        "teamless",
        "not_kept",
        "contract_ended",
        "no_longer",
        "no_place",
        "steps_down",
        "split_acquire",
        # a signing said by a stem ("la contratación de X"), read by `story_reader`
        "signing_stems",
        "acquiring_stems",
    ]
    for concept in concepts:
        for compiled in lexicon.compiled(concept):
            for start in pattern_starts(compiled.pattern):
                out.setdefault(start, []).append(compiled)
    for noun in DEAL_NOUNS:  # "a deal between X and Y" names no move verb (`deals`)
        out.setdefault(noun, []).append(DEAL)
    # "X blir ny teamsjef", "X overtar etter Y" name no move verb either (`staff_roles`):
    # a become-verb tried as the whole appointment, a succession word as itself
    for verb in lexicon["become_verbs"]:
        out.setdefault(verb, []).append(APPOINTED)
    # a succession only with the role it is to ("replaces Y as team boss"); between two
    # staff members without one, `may_report_move` reads the succession word itself
    for word in lexicon["successions"]:
        out.setdefault(word, []).append(re.compile(re.escape(word) + SUCCESSION_TAIL))
    return out


@cache
def _any_succession() -> re.Pattern[str]:
    return re.compile(r"(?:" + pooled().alternation("successions") + r")")


@cache
def _succession_starts() -> Substrings:
    """The strings every succession's match begins with: one walk of an automaton tells
    that a story has none (most do), where the expression's search tries every word at
    every character (about 45 µs for a 1.5 KB story)."""
    return Substrings.starting(_any_succession().pattern)
