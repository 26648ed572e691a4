"""Riders the roster does not know: a continental rider, a neo-pro, a women's rider the
annotators list "with their full name as printed" (issue #13, riders F1).

The tagger tags only roster people. This reader tags a person outside the roster as a
rider, and only when the text leaves no doubt that they race:

- a placing or a time around a team in brackets ("1. Juan Pérez (Team Medellín) 4h12'"),
  or a team in brackets with no speech verb after it (a quote credits staff the same way:
  "X (Visma) explained" says nothing of X);
- a racing noun of the story's languages right before the name, on one line, maybe with
  nationality words between ("il corridore colombiano X", "rytteren X"; `rider_nouns`),
  or heading a short apposition after its comma ("X, a 22-year-old neo-pro", "X,
  corridore della Bardiani"): only articles, ages, nationalities and qualifiers
  (`apposition_words`) may stand between, and a complement after the noun must name a
  team ("X, father of the rider", "X, rider of the local club" say nothing of X). An
  everyday word for anyone on a bike ("cyclist", "ciclista", "kolesar", "wielrenner",
  "teammate"; `cyclist_nouns`) counts only with a team in the sentence; a plural noun
  only before a list or a bracket ("the riders X, Y and Z"), never before a relative
  clause's subject ("the riders X coached"). A word for "former", "retired", "the
  late", "amateur", "junior", "track", "MotoGP" ... right before the noun
  (`former_markers`, `retired_markers`, `non_pro_markers`) names no pro road rider;
- one list (commas, or the story language's own "and": `list_conjunctions`) that is
  about racing (`_racing_list`): every roster person in it an active rider, no award,
  nomination or past winners in its sentence (`honour_nouns`), and a racing item, two
  bracketed teams, a team or racing noun in the sentence, or known riders three to one.

The names come from the one reader of names outside the roster
(`feeds.nlp.transfers.unknown_people.outside_names`: a given name then surname words,
no tagger mention, no frame word of a race, street or team, no team's sponsor), and the
same exclusions hold: someone a staff title names ("manager X (Team)") and an outsider
(a journalist, an agent, a sponsor's CEO, a source) is no rider. Neither are the given
names of a longer name the tagger read ("Paula Andrea" of "Paula Andrea Patiño"). A name
whose skeleton (`name_skeleton`: no diacritics, "w" for "v" ...) is a roster person's is
that person misspelt: the one active rider's canonical name, or nothing; a name only
like a roster name of the same given name ("Petersen" beside "Pedersen") is left out,
never merged. The title and the body never join into one phrase. At most MAX_RIDERS
names. The reader adds names to the riders field only: it never touches a move, a team
or the roster.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from functools import cache
from types import MappingProxyType

from feeds.models import Mention
from feeds.nlp.cues.nationalities import NATIONALITIES
from feeds.nlp.document import Document
from feeds.nlp.lexicon import literal_alternation as _alternation
from feeds.nlp.lexicon import story_lexicon
from feeds.nlp.transfers.unknown_people import (
    MAX_UNKNOWN,
    NameSpan,
    outside_names,
    person_kind,
)
from feeds.roster import Person, Roster
from feeds.text.fold import fold_word

NOUN_REACH = 80
"""Characters looked at before a name for a rider noun and its nationality words."""
AFTER_REACH = 60
"""Characters looked at after a name's comma for an apposition naming a rider."""
MARKER_WORDS = 2
"""Words read right before a rider noun for "former", "retired", "amateur", "track" ...
("the retired Dutch rider" reads "retired Dutch")."""
MARKER_REACH = 30
"""Characters those words are read in."""
AFTER_WORDS = 4
"""Words at most between a name's comma and the rider noun ("X, the 22-year-old Dutch
rider"): each must be an article, an age, a nationality or a qualifier."""
SENTENCE_REACH = 200
"""Characters looked at either side of a name or a list for its sentence's ends."""
LINE_REACH = 12
"""Characters at most between a line's start and a name for a placing ("12. X")."""
COMPLEMENT_REACH = 30
"""Characters after a complement's preposition in which a team must start ("rider of
Cofidis", "corridore della Bardiani")."""
SPEECH_REACH = 40
"""Characters read after a bracketed team for a speech verb."""
SPEECH_WORDS = 3
"""Words read there ("has explained", "a ensuite expliqué")."""
KNOWN_SHARE = 3
"""A list whose roster riders outnumber its other names this many to one is a list of
riders (a crash, a start list); a past-winners' list mixes more retired names in."""
MAX_RIDERS = MAX_UNKNOWN
"""Riders read per story at most, as the move reader caps the people it builds: a
hostile or huge results page must not yield thousands."""

_SPACE = "[ \u00a0]"
_SHORT_BRACKET = re.compile(rf"{_SPACE}?\([^()\n]{{1,40}}\)")
_BRACKET_TEAM = re.compile(rf"{_SPACE}?\({_SPACE}?")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
_DIGIT = re.compile(r"\d")
# A placing opening a results line ("1. ", "12) ", "3e ", "- "), then the name.
_PLACING = re.compile(
    rf"{_SPACE}*(?:\d{{1,3}}(?:\.|\)|°|º|e|st|nd|rd|th)?|[-\u2013\u2022*]){_SPACE}+$"
)
# A time or gap right after a bracket ("(Cofidis) 4h12'", "(UAE) +0:12", "(EF) s.t.",
# "(Q8), a 38 segundos", "(EF) at 12s"): a short word may stand before the figure.
_RESULT_AFTER = re.compile(
    rf"{_SPACE}*(?:[,\u2013-]{_SPACE}*)?(?:[^\W\d_]{{1,3}}{_SPACE})?(?:\+|\d|s\.t\.|m\.t\.)"
)
# What may close a name after a plural noun: a list goes on, a bracket, the clause ends.
_CLOSING = re.compile(rf"{_SPACE}*(?:[,;:.!?()\n\u2013\u2014]|$)")
# A possessive right after a noun ("the riders' union", "the rider's father").
_POSSESSIVE = re.compile(r"['\u2019]")
_SENTENCE_ENDS = ".!?\n"


def unknown_riders(
    doc: Document,
    mentions: Sequence[Mention],
    roster: Roster,
    languages: tuple[str, ...] | None,
    near: NearNames,
    team_runs: frozenset[str],
) -> list[str]:
    """The names, as printed and in order of first mention, of the people outside the
    roster the text shows racing (see the module's docstring); a name `near` reads as a
    roster rider's misspelling gives that rider's name, or nothing when it is not one
    active rider's. At most MAX_RIDERS. Linear in the text: each name is read once,
    each look-around is bounded. `team_runs`: `team_name_runs(roster)`, kept by the
    caller so that it is built once per roster."""
    names = outside_names(doc, mentions, roster, team_runs)
    if not names.spans:
        return []
    low, text = doc.low, doc.text
    edges = _PersonEdges.of(mentions)
    teams = _Teams.of(mentions)
    vocab = _vocabulary(languages)
    # a name no staff title and no outsider's role stands beside
    plain = [
        span
        for span in names.spans
        if person_kind(low, [(span.start, span.end)]) != "staff"
        and not names.context.outsider(span.first, span.last)
        and not _inside_longer_name(text, names.words, edges, span)
    ]
    proofs = [_proof(low, text, span.start, span.end, teams, vocab) for span in plain]
    listed = _listed_with_riders(low, text, plain, proofs, mentions, teams, vocab)
    out: dict[str, str | None] = {}
    for span, ok in zip(plain, listed, strict=True):
        key = fold_word(span.name)
        if ok and key not in out:
            out[key] = near.resolve(span.name, doc.published)
    return [name for name in dict.fromkeys(out.values()) if name is not None][:MAX_RIDERS]


@dataclass(frozen=True, slots=True)
class _Proof:
    """What the text says of one name: `racing` shows it racing on its own (a racing
    noun, a placing); `bracket` is a team in brackets right after it, which a results
    line, a list of riders and a quote crediting staff all print alike."""

    racing: bool
    bracket: bool


def _proof(low: str, text: str, start: int, end: int, teams: _Teams, vocab: _Vocabulary) -> _Proof:
    bracket = _bracketed_team(text, end, teams)
    results = bracket and (_placing_before(text, start) or _result_after(text, end, teams))
    racing = (
        results
        or (bracket and not _speaks_after(low, end, teams, vocab))
        or _noun_right_before(low, start, end, teams, vocab)
        or _noun_right_after(low, end, teams, vocab)
    )
    return _Proof(racing, bracket)


@dataclass(frozen=True, slots=True)
class _Teams:
    """The tagger's team mentions: where they start, sorted, and each one's end."""

    starts: tuple[int, ...]
    ends: Mapping[int, int]

    @classmethod
    def of(cls, mentions: Sequence[Mention]) -> _Teams:
        ends = {m.start: m.end for m in mentions if m.kind == "team"}
        return cls(tuple(sorted(ends)), MappingProxyType(ends))

    def any_in(self, lo: int, hi: int) -> bool:
        i = bisect_left(self.starts, lo)
        return i < len(self.starts) and self.starts[i] < hi

    def covering(self, position: int) -> bool:
        """A team mention spans `position` ("X, a Cofidis rider": "Cofidis")."""
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and self.ends[self.starts[i]] > position


def _sentence(low: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or headline, or line) holding [start, end)."""
    lo_reach, hi_reach = max(0, start - SENTENCE_REACH), min(len(low), end + SENTENCE_REACH)
    lo = max((low.rfind(c, lo_reach, start) for c in _SENTENCE_ENDS), default=-1)
    his = [i for i in (low.find(c, end, hi_reach) for c in _SENTENCE_ENDS) if i >= 0]
    return (lo + 1 if lo >= 0 else lo_reach), (min(his) if his else hi_reach)


def _inside_longer_name(
    text: str, words: Sequence[tuple[int, int]], people: _PersonEdges, span: NameSpan
) -> bool:
    """A person the tagger read ends one space before the name or starts one space after
    it: the name is the rest of a longer one it read ("Jhonatan Manuel" of "Jhonatan
    Manuel Narváez Prado"). A team there is no part of the name ("Riwal-rytter X")."""
    before, after = span.first - 1, span.last + 1
    if (
        before >= 0
        and words[before][1] in people.ends
        and text[words[before][1] : span.start] in _NAME_GAP
    ):
        return True
    return (
        after < len(words)
        and words[after][0] in people.starts
        and text[span.end : words[after][0]] in _NAME_GAP
    )


@dataclass(frozen=True, slots=True)
class _PersonEdges:
    """Where the tagger's people mentions start and end."""

    starts: frozenset[int]
    ends: frozenset[int]

    @classmethod
    def of(cls, mentions: Sequence[Mention]) -> _PersonEdges:
        people = [m for m in mentions if m.kind != "team"]
        return cls(frozenset(m.start for m in people), frozenset(m.end for m in people))


_NAME_GAP = (" ", "\u00a0")


@dataclass(frozen=True, slots=True)
class NearNames:
    """Roster people by the skeleton of their name (`name_skeleton`), to tell a misspelt
    roster name ("Tadej Pogacar", "Pawel Siwakow" for Pavel Sivakov) from a new person:
    only names equal once diacritics, transliteration variants and doubled letters are
    folded away. Two surnames a letter apart are often two people (Pedersen, Petersen),
    so nothing looser merges."""

    by_skeleton: Mapping[str, tuple[Person, ...]]
    by_given: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, roster: Roster) -> NearNames:
        out: dict[str, dict[str, Person]] = {}
        given: dict[str, list[str]] = {}
        for person in roster.people.values():
            for name in (person.name, *person.aliases):
                key = name_skeleton(name)
                if " " in key:
                    out.setdefault(key, {})[person.id] = person
                    first, _, rest = key.partition(" ")
                    given.setdefault(first, []).append(rest)
        return cls(
            MappingProxyType({k: tuple(v.values()) for k, v in out.items()}),
            MappingProxyType({k: tuple(v) for k, v in given.items()}),
        )

    def resolve(self, name: str, when: date | None) -> str | None:
        """`name` itself when no roster person's name has its skeleton; the one active
        rider's canonical name when one person's has; else None (a retired rider's or
        staff's misspelt name is no rider, nor is a name two people share)."""
        key = name_skeleton(name)
        near = self.by_skeleton.get(key, ())
        if not near:
            first, _, rest = key.partition(" ")
            # a surname like a roster person's of the same given name: a misspelling or
            # a namesake, not told apart, so no rider (never merged into the roster one)
            return None if any(_like(rest, o) for o in self.by_given.get(first, ())) else name
        if len(near) == 1 and near[0].is_active_rider(when):
            return near[0].name
        return None


# Spellings one name takes in another alphabet or language: Polish and German "w" for
# "v" (Siwakow), "ph" for "f", "y" for "i" (Aleksey/Aleksei), "ck" for "k", "x" for "ks".
_TRANSLITERATION = (("ph", "f"), ("ck", "k"), ("x", "ks"), ("w", "v"), ("y", "i"), ("-", " "))
SURNAME_LIKENESS = 0.7
"""difflib's ratio from which two surnames may be one written two ways ("Huson" for
"Howson"): such a name is left out, neither merged nor tagged."""


def _like(a: str, b: str) -> bool:
    """Two surnames that may be one misspelt: the same words reordered, or close by
    difflib's ratio."""
    if sorted(a.split()) == sorted(b.split()):
        return True
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= SURNAME_LIKENESS and matcher.ratio() >= SURNAME_LIKENESS


_DOUBLED = re.compile(r"([a-z])\1+")


def name_skeleton(name: str) -> str:
    """A name folded (no diacritics, lower case) with transliteration variants and
    doubled letters made one: "Tadej Pogačar" and "Tadej Pogacar", "Pavel Sivakov" and
    "Pawel Siwakow" share it; "Mads Pedersen" and "Mads Petersen" do not."""
    key = fold_word(name)
    for a, b in _TRANSLITERATION:
        key = key.replace(a, b)
    return _DOUBLED.sub(r"\1", key)


def _listed_with_riders(
    low: str,
    text: str,
    spans: Sequence[NameSpan],
    proofs: Sequence[_Proof],
    mentions: Sequence[Mention],
    teams: _Teams,
    vocab: _Vocabulary,
) -> list[bool]:
    """`racing` names, and the names of a list about racing: the items of one list
    (commas and the story language's own "and") share their kind, but only a list that
    says it is about racing makes riders of names it holds (`_racing_list`). One pass
    over names and people mentions in text order."""
    # (start, end, index into spans or -1, kind of a roster mention)
    items = sorted(
        [(m.start, m.end, -1, m.kind) for m in mentions if m.kind != "team"]
        + [(s.start, s.end, k, "") for k, s in enumerate(spans)]
    )
    out = [p.racing for p in proofs]
    run: list[tuple[int, int, int, str]] = []
    previous_end = -1
    for item in items:
        start = item[0]
        if previous_end >= 0 and not _glued(low, _after_bracket(low, previous_end), start, vocab):
            _close_list(low, text, run, proofs, teams, vocab, out)
            run = []
        run.append(item)
        previous_end = item[1]
    _close_list(low, text, run, proofs, teams, vocab, out)
    return out


def _close_list(
    low: str,
    text: str,
    run: Sequence[tuple[int, int, int, str]],
    proofs: Sequence[_Proof],
    teams: _Teams,
    vocab: _Vocabulary,
    out: list[bool],
) -> None:
    """Mark the names of one list as riders when `_racing_list` says it is one."""
    names = [k for _, _, k, _ in run if k >= 0]
    if len(run) < 2 or not names or not _racing_list(low, text, run, proofs, teams, vocab):
        return
    for k in names:
        out[k] = True


def _racing_list(
    low: str,
    text: str,
    run: Sequence[tuple[int, int, int, str]],
    proofs: Sequence[_Proof],
    teams: _Teams,
    vocab: _Vocabulary,
) -> bool:
    """A list is about racing when every roster person in it is an active rider, its
    sentence names no award, nomination or past winners, and it shows racing: an item
    shown racing on its own (a placing, a racing noun), two items with a team in
    brackets, a roster rider with a team or a racing noun in the sentence (a line-up, a
    signing, "four riders: X, Y ..."), or known riders outnumbering the others
    `KNOWN_SHARE` to one (a crash, a start list). One roster rider beside a few others
    proves nothing: award, gala and family lists hold one beside people of any sport."""
    if any(kind not in ("", "rider") for _, _, _, kind in run):
        return False
    lo, hi = _sentence(low, run[0][0], run[-1][1])
    if vocab.honours.search(low, lo, hi) is not None:
        return False
    if any(k >= 0 and proofs[k].racing for _, _, k, _ in run):
        return True
    bracketed = sum(
        1
        for _, end, k, _ in run
        if (proofs[k].bracket if k >= 0 else _bracketed_team(text, end, teams))
    )
    if bracketed >= 2:
        return True
    known = sum(1 for _, _, k, _ in run if k < 0)
    if known and (teams.any_in(lo, hi) or vocab.lineup.search(low, lo, hi) is not None):
        return True
    return known >= 2 and known >= KNOWN_SHARE * (len(run) - known)


def _glued(low: str, previous_end: int, start: int, vocab: _Vocabulary) -> bool:
    """A comma or the story language's "and" (maybe after a comma) joins two items, on
    one line."""
    return vocab.glue.fullmatch(low, previous_end, start) is not None


def _after_bracket(low: str, end: int) -> int:
    """The end of a short bracket right after a list item ("X (Cofidis), Y"): the list
    goes on after it."""
    m = _SHORT_BRACKET.match(low, end)
    return m.end() if m is not None else end


def _bracketed_team(text: str, end: int, teams: _Teams) -> bool:
    """A team the tagger found opens a bracket right after the name ("X (Cofidis)")."""
    b = _BRACKET_TEAM.match(text, end)
    return b is not None and "(" in text[end : b.end()] and b.end() in teams.ends


def _speaks_after(low: str, end: int, teams: _Teams, vocab: _Vocabulary) -> bool:
    """A speech or explanation verb within a few words after the name's bracketed team
    ("X (Visma) explained", "X (UAE) a expliqué"): quotes credit staff with a bracket as
    results credit riders, and the two cannot be told apart."""
    b = _BRACKET_TEAM.match(low, end)
    if b is None or b.end() not in teams.ends:
        return False
    close = low.find(")", teams.ends[b.end()], teams.ends[b.end()] + 3)
    if close < 0:
        return False
    words = _LETTERS.findall(low, close + 1, min(len(low), close + 1 + SPEECH_REACH))
    return any(w in vocab.speech for w in words[:SPEECH_WORDS])


def _placing_before(text: str, start: int) -> bool:
    """A placing opens the name's line ("1. X (Cofidis)", "- X (Cofidis)")."""
    lo = max(0, start - LINE_REACH)
    line = max(text.rfind(c, lo, start) for c in "\n;")
    lo = line + 1 if line >= 0 else (0 if start <= LINE_REACH else -1)
    return lo >= 0 and _PLACING.fullmatch(text, lo, start) is not None


def _result_after(text: str, end: int, teams: _Teams) -> bool:
    """A time or a gap right after the name's bracketed team ("X (Cofidis) 4h12'")."""
    b = _BRACKET_TEAM.match(text, end)
    if b is None or b.end() not in teams.ends:
        return False
    close = text.find(")", teams.ends[b.end()], teams.ends[b.end()] + 3)
    return close >= 0 and _RESULT_AFTER.match(text, close + 1) is not None


def _noun_right_before(low: str, start: int, end: int, teams: _Teams, vocab: _Vocabulary) -> bool:
    """A rider noun, then nothing or only nationality words, then the name, on one line
    ("the rider X", "le coureur colombien X"): any other word between makes the noun
    another clause's ("the riders thanked X"). A plural noun heads a list or a bracket
    ("the riders X, Y and Z"), never a clause's subject ("the riders X coached"); an
    everyday cyclist noun needs a team in the sentence."""
    lo = max(0, start - NOUN_REACH)
    m = vocab.before.search(low, lo, start)
    if m is None:
        return False
    if not all(fold_word(w) in vocab.nationality for w in _WORD.findall(m.group("between"))):
        return False
    if _marked(low, m.start(), vocab):
        return False
    noun = m.group("noun")
    if noun in vocab.plurals and not _closes(low, end, vocab):
        return False
    return noun in vocab.racing or _beside_team(low, start, end, teams)


def _noun_right_after(low: str, end: int, teams: _Teams, vocab: _Vocabulary) -> bool:
    """A comma, then only articles, ages, nationality and qualifier words (or a team),
    then a singular rider noun heading the apposition ("X, a 22-year-old Belgian rider",
    "X, il corridore della Bardiani"): a noun that only follows another head ("X, father
    of the rider") or opens a complement that names no team ("X, rider of the local
    club") says nothing of X."""
    m = vocab.after.match(low, end, min(len(low), end + AFTER_REACH))
    if m is None or m.group("noun") in vocab.plurals:
        return False
    for w in _WORD.finditer(low, m.start("between"), m.end("between")):
        if _DIGIT.search(w.group()) or teams.covering(w.start()):
            continue
        parts = _LETTERS.findall(w.group())
        if any(p in vocab.markers for p in parts) or not all(
            p in vocab.apposition or p in vocab.nationality for p in parts
        ):
            return False
    noun_end = m.end("noun")
    if _POSSESSIVE.match(low, noun_end):
        return False
    c = vocab.complement.match(low, noun_end)
    if c is not None and not teams.any_in(c.end(), c.end() + COMPLEMENT_REACH):
        return False
    return m.group("noun") in vocab.racing or _beside_team(low, end, m.end(), teams)


def _marked(low: str, noun_start: int, vocab: _Vocabulary) -> bool:
    """A word for "former", "retired", "amateur", "junior", "track", "MotoGP" ... in the
    few words right before the rider noun, or as the first part of a compound with it
    ("the retired rider X", "ex-pro rider X", "Formel-1-Fahrer X", "la ex ciclista X")."""
    lo = max(0, noun_start - MARKER_REACH)
    cut = max(low.rfind(c, lo, noun_start) for c in ",;:()\n")
    words = _LETTERS.findall(low, max(lo, cut + 1), noun_start)[-MARKER_WORDS:]
    return any(w in vocab.markers for w in words)


def _closes(low: str, end: int, vocab: _Vocabulary) -> bool:
    """The name ends a list item: punctuation, a bracket, the line's end or an "and"."""
    return _CLOSING.match(low, end) is not None or vocab.glue.match(low, end) is not None


def _beside_team(low: str, start: int, end: int, teams: _Teams) -> bool:
    """A team is named in the name's sentence."""
    lo, hi = _sentence(low, start, end)
    return teams.any_in(lo, hi)


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """The words and patterns of a story's languages the reader uses, built once per
    language tuple."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    glue: re.Pattern[str]
    complement: re.Pattern[str]
    honours: re.Pattern[str]
    lineup: re.Pattern[str]
    racing: frozenset[str]
    plurals: frozenset[str]
    markers: frozenset[str]
    apposition: frozenset[str]
    speech: frozenset[str]
    nationality: frozenset[str]


@cache
def _vocabulary(languages: tuple[str, ...] | None) -> _Vocabulary:
    lex = story_lexicon(languages)
    racing = lex.words("rider_nouns") | lex.words("rider_plurals")
    plurals = lex.words("rider_plurals") | lex.words("cyclist_plurals")
    nouns = _alternation(racing | lex.words("cyclist_nouns") | lex.words("cyclist_plurals"))
    markers = frozenset(
        w
        for concept in ("former_markers", "retired_markers", "non_pro_markers")
        for phrase in lex.words(concept)
        for w in _LETTERS.findall(phrase)
    )
    word = r"[^\W_]+(?:[-'\u2019][^\W_]+)*"
    return _Vocabulary(
        before=re.compile(
            rf"(?<!\w)(?P<noun>{nouns}){_SPACE}(?P<between>(?:[^\W\d_]+(?:-[^\W\d_]+)*{_SPACE}){{0,2}})$"
        ),
        after=re.compile(
            rf",{_SPACE}(?P<between>(?:{word}{_SPACE}){{0,{AFTER_WORDS}}})(?P<noun>{nouns})(?!\w)"
        ),
        glue=re.compile(
            rf"{_SPACE}*,{_SPACE}*|(?:{_SPACE}*,)?{_SPACE}+(?:{_alternation(lex.words('list_conjunctions'))}){_SPACE}+"
        ),
        complement=re.compile(
            rf"{_SPACE}(?:{_alternation(lex.words('complement_words'))})(?:{_SPACE}|['\u2019])"
        ),
        honours=re.compile(rf"(?<!\w)(?:{_alternation(lex.words('honour_nouns'))})(?!\w)"),
        lineup=re.compile(rf"(?<!\w)(?:{_alternation(racing | lex.words('team_nouns'))})(?!\w)"),
        racing=racing,
        plurals=plurals,
        markers=markers,
        apposition=lex.words("apposition_words"),
        speech=frozenset(w for p in lex.words("speech_verbs") for w in _LETTERS.findall(p)),
        nationality=_nationality_words(),
    )


@cache
def _nationality_words() -> frozenset[str]:
    """Every nationality noun and adjective, folded ("colombiano", "belge", "Dutch")."""
    return frozenset(
        fold_word(w) for forms in NATIONALITIES.values() for ws in forms.values() for w in ws
    )
