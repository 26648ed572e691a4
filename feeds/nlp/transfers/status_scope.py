"""How far a sentence's hedge or announcement reaches: the status of one person's move
told in a sentence that says several things.

A sentence's status (`status.sentence_status`) lets any hedge win. In a sentence that
holds several statements, that hedge may be about something else:

- "Il aurait plus de liberté ... : Tao Geoghegan Hart a signé chez Lidl-Trek, ... tandis
  que Carlos Rodriguez est très courtisé": the move's own clause (cut at ";", ":" and
  contrasting conjunctions) announces it, and that outweighs the other clauses' hedges;
- "Novak attracted the interest of several teams but chose Movistar": a clause opened by
  a contrasting conjunction stands on its own, so a hedge across it does not reach the
  move, nor the move's announcement a hedge;
- "Felline, che ... potrebbe smettere, e Tesfatsion, passato alla Movistar": a relative
  clause about someone else (it follows another person's name, or names another person:
  "..., che occupa il posto che sarebbe toccato a Milesi") hedges only that person;
- a move asked about in the body ("Geoghegan Hart en route vers Lidl-Trek ?", a
  sub-heading) is a rumour, as a question headline is;
- an attribution or a newspaper's report in the sentence's first clause ("According to
  L'Équipe, X leaves FDJ, while Y signs for Arkéa") still covers the whole sentence, and
  a headline keeps its one status (its colon opens the news after a label: "Rumour: ...").

Each sentence is cut once (`Story.status_scopes`); a mover's status then costs a bisection
and a few status reads, so a long sentence naming many movers stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from feeds.nlp.lexicon import pooled, story_lexicon
from feeds.nlp.transfers.status import attributed, sentence_status
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, last_ending_by, within

# ", who ...", ", che ...", ", die ...": up to the next comma or the sentence's end
_RELATIVE = re.compile(r",\s*(?:" + pooled().alternation("relative_pronouns") + r")\b[^,;:.!?]*")
# Where a question starts inside its sentence: after a dash, or after a statement the
# sentence split kept ("... hasta 2026. ¿Por qué ...?": "¿" opens no new sentence there).
_QUESTION_STARTS = (" \u2013 ", " \u2014 ", " - ", ". ", "! ")
_OPENING = re.compile(r"[\s\"'\u201c\u201e\u2018«¿]*")
MAX_RELATIVES = 6
"""More relative clauses than this make the sentence a list of portraits: none is cut."""


@dataclass(frozen=True, slots=True)
class _Relative:
    start: int
    end: int
    owner: str | None
    """The person named right before it, whom it is about."""
    named: frozenset[str]
    """The people it names itself."""


@dataclass(frozen=True, slots=True)
class _Scope:
    clauses: list[Span]
    starts: list[int]
    groups: list[tuple[int, int]]
    """For each clause, the first and last clause of its run up to contrasting conjunctions."""
    attributed: bool
    """The first clause names a source other than the team, or opens with a hedge before
    anyone is named ("Rumours suggest that X, while ..., has signed")."""
    relatives: list[_Relative]


def evidence_status(story: Story, ev: Evidence, sentence: Span) -> int:
    """The status of the sentence as far as it reaches this evidence's move."""
    whole = sentence_status(story, sentence)
    if sentence.title:
        return whole  # a headline's question is read by `Evidence.question`
    anchor = _anchor(story, ev, sentence)
    if whole == 0:
        # "Tao Geoghegan Hart en route vers Lidl-Trek, Landa chez AG2R ?": a move asked
        # about; not one a question asks something about ("why did he join?"), nor one
        # told before the question ("You signed with Tudor - was it easy?")
        return -1 if anchor is not None and _asked(story, sentence, anchor) else 0
    if anchor is None:
        return whole
    scope = _scope(story, sentence)
    disputes = story.hits.get("dispute", [])
    others = [
        (r.start, r.end)
        for r in scope.relatives
        if not r.start <= anchor < r.end
        and (
            (r.owner is not None and r.owner != ev.person_id)
            or r.named - {ev.person_id}
            # "X, who denied in June that he would leave, joins Y": his own denial,
            # told as background, is over
            or within(disputes, r.start, r.end)
        )
    ]
    if len(scope.clauses) < 2:
        return _status_without(story, sentence, others)
    at = max(0, bisect_right(scope.starts, anchor) - 1)
    if at > 0 and scope.attributed:
        return whole
    own = _status_without(story, scope.clauses[at], others)
    if own:
        return own
    # a silent clause: the hedges of the clauses up to a contrasting conjunction reach it;
    # a denial in another clause hedges it but does not contest it (it may deny another's)
    first, last = scope.groups[at]
    reach = Span(scope.clauses[first].start, scope.clauses[last].end, sentence.sentence, False)
    return max(-1, _status_without(story, reach, others))


def _asked(story: Story, sentence: Span, anchor: int) -> bool:
    """Does the body sentence end with a question that itself carries the move at `anchor`:
    the part after its last dash or full stop, not opened by a question word ("why",
    "pourquoi")?"""
    text = story.text[sentence.start : sentence.end].rstrip()
    if not text.endswith("?"):
        return False
    cut = max(text.rfind(mark) for mark in _QUESTION_STARTS)
    start = sentence.start + (cut + 2 if cut >= 0 else 0)
    if anchor < start:
        return False
    opening = _OPENING.match(story.low, start)
    openers = _openers(story.languages)
    return opening is None or openers.match(story.low, opening.end()) is None


@cache
def _openers(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """Question words of the story's languages ("was" asks in German, not in English)."""
    lexicon = story_lexicon(languages)
    return re.compile(r"(?:" + lexicon.alternation("question_openers") + r")\b")


def _scope(story: Story, sentence: Span) -> _Scope:
    found = story.status_scopes.get(sentence.sentence)
    if isinstance(found, _Scope):
        return found
    cut = status_clauses(story, sentence)
    clauses = [c for c, _ in cut]
    groups: list[tuple[int, int]] = []
    first = 0
    for i, (_, contrast) in enumerate(cut):
        if contrast:
            first = i
        groups.append((first, i))
    last = len(cut) - 1
    for i in range(len(cut) - 1, -1, -1):
        groups[i] = (groups[i][0], last)
        if cut[i][1]:
            last = i - 1
    scope = _Scope(
        clauses=clauses,
        starts=[c.start for c in clauses],
        groups=groups,
        attributed=bool(clauses)
        and (attributed(story, clauses[0]) or _opens_hedged(story, clauses[0])),
        relatives=_relatives(story, sentence),
    )
    story.status_scopes[sentence.sentence] = scope
    return scope


@cache
def _status_split(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """The breaks of a status's reach, run on the original text: ";", ":" before any word
    ("... plusieurs piliers partir : Tao Geoghegan Hart a signé ..."), and the story's
    languages' contrasting conjunctions ("but", "mais", "ma", "men") and "while" words,
    each kept apart. Written, like the sentence breaks, to start with the set of
    characters every split starts with."""
    lexicon = story_lexicon(languages)
    contrast = "|".join(sorted(lexicon.words("contrast_words"), key=len, reverse=True))
    while_ = "|".join(sorted(lexicon.words("while_words"), key=len, reverse=True)) or "(?!x)x"
    after_comma = rf"(?i:(?P<contrast>{contrast})|{while_})"
    bare = rf"(?i:(?P<bare_contrast>{contrast})|{while_})"
    return re.compile(
        rf"[,;:\s](?:(?<=,)\s+{after_comma}\s+|(?<=\s)\s*{bare}\s+|(?<=;)\s+|(?<=:)\s+)"
    )


def status_clauses(story: Story, sentence: Span) -> list[tuple[Span, bool]]:
    """The sentence cut at contrasting conjunctions, "while" words, ";" and ":", each
    clause with whether a contrasting conjunction opens it ("..., but he chose
    Movistar"): a hedge does not reach across one. A "while" cuts without that ("while
    still under contract" is time as often as contrast)."""
    out: list[tuple[Span, bool]] = []
    start, contrast = sentence.start, False
    for match in _status_split(story.languages).finditer(story.text, sentence.start, sentence.end):
        if match.start() > start:
            out.append((Span(start, match.start(), sentence.sentence, sentence.title), contrast))
        start = match.end()
        contrast = bool(match.group("contrast") or match.group("bare_contrast"))
    if start < sentence.end:
        out.append((Span(start, sentence.end, sentence.sentence, sentence.title), contrast))
    return out


def _opens_hedged(story: Story, first: Span) -> bool:
    """Does the sentence open with a hedge before a person its first clause names
    ("Rumours suggest that X, while ...", "Angeblich soll X, ...")? Like an attribution,
    it covers the whole sentence. A first clause naming nobody ("Il aurait plus de
    liberté : X a signé ...") hedges only itself."""
    named = within(story.people, first.start, first.end)
    if not named or named[0].start <= first.start:
        return False
    opening = Span(first.start, named[0].start, first.sentence, False)
    return sentence_status(story, opening) < 0


def _relatives(story: Story, sentence: Span) -> list[_Relative]:
    out: list[_Relative] = []
    for found in _RELATIVE.finditer(story.low, sentence.start, sentence.end):
        if len(out) == MAX_RELATIVES:
            return []
        start, end = found.span()
        before = last_ending_by(story.people, start)
        owner = before.entity_id if before is not None and before.start >= sentence.start else None
        named = frozenset(p.entity_id for p in within(story.people, start, end))
        out.append(_Relative(start, end, owner, named))
    return out


def _anchor(story: Story, ev: Evidence, sentence: Span) -> int | None:
    """Where the move is told: its cue, else the person's first mention in the sentence."""
    if sentence.start <= ev.cue_start < sentence.end:
        return ev.cue_start
    for mention in within(story.people, sentence.start, sentence.end):
        if mention.entity_id == ev.person_id:
            return mention.start
    return None


def _status_without(story: Story, span: Span, cut: Sequence[tuple[int, int]]) -> int:
    """The span's status, leaving out the cut ranges: the strongest of its pieces'."""
    cut = [(s, e) for s, e in cut if s < span.end and e > span.start]
    if not cut:
        return sentence_status(story, span)
    pieces, start = [], span.start
    for s, e in cut:
        if s > start:
            pieces.append(Span(start, s, span.sentence, span.title))
        start = max(start, e)
    if start < span.end:
        pieces.append(Span(start, span.end, span.sentence, span.title))
    found = {sentence_status(story, piece) for piece in pieces}
    for status in (-2, -1, 1):
        if status in found:
            return status
    return 0
