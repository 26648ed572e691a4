"""Destinations described, not named: "verkast naar de Nederlandse formatie", "rejoint
l'équipe néerlandaise", "getekend bij de ploeg uit de Emiraten", "in die Schweiz
wechselt", "passa alla squadra belga".

A move cue whose clause names no team to go to may still say where: a team noun
(lexicon concept `team_nouns`) with a nationality beside it, or a to-word before a
country ("in die Schweiz"), after the cue or, for a verb that closes its clause (nl, de),
before it; a team verb's subject before it ("lo squadrone britannico ha tesserato X").
The team meant is the one team of that country the story names (the roster gives each
team's country); several, and nothing is read; none, and a nationality beside a team noun
is the one WorldTeam or ProTeam of that country racing at the story's date, of the mover's
sex (`described_teams`; "the Kazakh team" is Astana, "the Belgian team" nothing). A region's
adjective ("la formation bretonne", feeds/roster/data/team-regions.toml) works the same
way over its region's teams, and a team noun before the name of the person who runs a
team ("la structure de Marc Madiot") is that person's team. A national selection ("la
squadra nazionale kazaka") is none of these. A bare "to the team" ("præsenteret på
holdet", "joins the team") is the team the story is about.
Nationality words come from the tagger's list (`feeds.nlp.cues.NATIONALITIES`); a
country's name is told by the first five letters it shares with them ("Schweiz" and
"Schweizer", "Emiraten" and "Emirati").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from feeds.nlp.cues import NATIONALITIES
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.described_teams import (
    managed_team,
    national_selection,
    national_team,
    nations_race,
    story_category,
    team_of_teams,
)
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, within
from feeds.roster.regions import team_regions

REGION = "region:"
"""Marks a described country that is a region's adjective (feeds/roster/regions.py)."""
STEM = 5
"""Letters a country's name shares with its nationality words ("schwei", "emira")."""
REACH = 60
"""Characters after the cue (before a clause-final one) where the description may stand."""
DESCRIBED_WEIGHT = 1.0
_FAMILIES = frozenset({"arrive", "noun_arrive", "courted"})
_WORD = re.compile(r"[\w'\u2019-]+")
_ELIDED = re.compile(r"^\w+['\u2019]")
_CLAUSE_END = re.compile(r"[\w'\u2019-]+\s*(?:[,.;:!?)]|$)")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _stems() -> dict[str, frozenset[str]]:
    """Five-letter stem -> the countries (IOC codes) whose nationality words start so."""
    out: dict[str, set[str]] = {}
    for code, forms in NATIONALITIES.items():
        for kind in ("nouns", "adjs"):
            for form in forms.get(kind, ()):
                folded = _fold(form)
                if " " not in folded and len(folded) >= STEM:
                    out.setdefault(folded[:STEM], set()).add(code)
    return {stem: frozenset(codes) for stem, codes in out.items()}


@cache
def _forms() -> frozenset[str]:
    """Every nationality noun and adjective, folded."""
    return frozenset(
        _fold(form)
        for forms in NATIONALITIES.values()
        for kind in ("nouns", "adjs")
        for form in forms.get(kind, ())
    )


def nationality_word(word: str) -> bool:
    """Is the word a nationality noun or adjective ("belgischen", "franse", "belga")?"""
    return _fold(word) in _forms()


@cache
def _adjectives() -> dict[str, str]:
    """Nationality adjective (folded) -> IOC code, where the adjective names one country."""
    out: dict[str, set[str]] = {}
    for code, forms in NATIONALITIES.items():
        for form in forms.get("adjs", ()):
            out.setdefault(_fold(form), set()).add(code)
    return {word: next(iter(codes)) for word, codes in out.items() if len(codes) == 1}


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    lexicon = pooled()
    return (
        lexicon.words("team_nouns"),
        lexicon.words("to_markers") | lexicon.words("affiliation_markers"),
        lexicon.words("filler_words") | lexicon.words("from_markers"),
    )


def described_destinations(story: Story, spans: Sequence[Span]) -> None:
    """Give a destination to arrivals whose clause describes the team instead of naming it."""
    for ev in story.evidence:
        if ev.family not in (*_FAMILIES, "acquire") or ev.cue_start < 0:
            continue
        if ev.sentence >= len(spans) or (ev.family == "acquire" and ev.to):
            continue  # a team verb's own team stands
        sentence = spans[ev.sentence]
        end = min(sentence.end, ev.cue_start + REACH)
        if within(story.teams, ev.cue_start, end):
            continue  # a team is named after the cue: the clause rules read it
        before = max(sentence.start, ev.cue_start - REACH)
        # a team verb's description after it is of the person ("signs the Swiss rider"),
        # the one before it its subject ("lo squadrone britannico ha tesserato X")
        code = None if ev.family == "acquire" else described_country(story.low, ev.cue_start, end)
        if code is None and (ev.family == "acquire" or _CLAUSE_END.match(story.low, ev.cue_start)):
            # a verb that closes its clause (nl, de): "der von Lidl-Trek in die Schweiz
            # wechselt" says where before the verb
            code = described_country(story.low, before, ev.cue_start)
        managed = None if ev.family == "acquire" else _managed(story, ev.cue_start, end)
        if managed is not None and managed not in ev.origin:
            team_id: str | None = managed
        elif code is not None:
            team_id = _team_of(story, *code, ev)
        elif _bare_team_noun(story.low, ev.cue_start, end):
            team_id = story.focus_team if story.focus_team not in ev.origin else None
        else:
            continue
        if team_id is not None:
            # a team read before the cue ("vertrekt bij INEOS en heeft getekend bij de
            # ploeg uit de Emiraten") gives way to the one described after it
            ev.to = {team_id: DESCRIBED_WEIGHT}


def described_country(low: str, start: int, end: int) -> tuple[str, bool] | None:
    """The country of a team description: a nationality adjective beside a team noun ("de
    Nederlandse formatie", "la squadra belga", "the French team"), or a country after a
    to-word ("in die Schweiz") or after a team noun and a from-word ("the team from the
    Emirates", "de ploeg uit de Emiraten"). With it, whether a team noun says so: a
    country after a to-word alone may be a race's ("con la nuova squadra al Tour of
    Britain")."""
    team_nouns, to_words, glue = _words()
    words = _WORD.findall(low, start, end)
    for i, word in enumerate(words):
        folded = _fold(word)
        if folded in _adjectives() and _beside_team_noun(words, i, team_nouns, to_words):
            if national_selection([_fold(w) for w in words[max(0, i - 3) : i + 3]]):
                return None  # "alla squadra nazionale kazaka": a selection, not a team
            if nations_race([_fold(w) for w in words]):
                return None  # "the British team for the Paris Olympics": a selection too
            return _adjectives()[folded], True
        if word in team_regions() and _beside_team_noun(words, i, team_nouns, to_words):
            return REGION + word, True  # "la formation bretonne": a region's team
        if folded in _forms():
            continue  # "ein Deutscher": a person; a country has a name of its own
        codes = _stems().get(folded[:STEM]) if len(folded) >= STEM else None
        if not codes or len(codes) != 1:
            continue
        before = [w for w in words[max(0, i - 3) : i] if w not in glue or w in team_nouns]
        if before and before[-1] in to_words:
            return next(iter(codes)), False
        if len(before) >= 1 and before[-1] in team_nouns and _from_between(words, i):
            return next(iter(codes)), True
    return None


def _beside_team_noun(
    words: Sequence[str], i: int, team_nouns: frozenset[str], to_words: frozenset[str]
) -> bool:
    """A team noun next to the adjective, or one word away ("the French WorldTour team"),
    never across a preposition ("ein Deutscher zum Rennstall" is a person)."""
    blockers = to_words | pooled().words("from_markers")
    for side in (words[i + 1 : i + 3], words[max(0, i - 2) : i][::-1]):
        for word in side:
            if word in team_nouns or _ELIDED.sub("", word) in team_nouns:  # "l'équipe"
                return True
            if word in blockers:
                break
    return False


def _from_between(words: Sequence[str], i: int) -> bool:
    """A from-word among the three words before the country ("ploeg uit de Emiraten")."""
    return any(w in pooled().words("from_markers") for w in words[max(0, i - 3) : i])


def _bare_team_noun(low: str, start: int, end: int) -> bool:
    """A to-word, an article and a team noun right after the cue ("er blevet præsenteret
    på holdet", "joins the team"): the team the story is about."""
    team_nouns, to_words, glue = _words()
    words = _WORD.findall(low, start, end)[1:4]
    for i, word in enumerate(words):
        if word in team_nouns:
            before = [w for w in words[:i] if w not in glue]
            return len(before) == 1 and before[0] in to_words
    return False


def team_noun_after(low: str, start: int, end: int) -> bool:
    """A team noun right after the one-word cue at `start`, a filler word at most between
    ("leaves the team", "forlader holdet", "quitte l'équipe"): the team the story is about."""
    team_nouns, _, glue = _words()
    words = _WORD.findall(low, start, end)[1:3]
    if words and "'" in words[0]:  # "l'équipe"
        words[:1] = words[0].split("'", 1)
    if words and words[0] in glue:
        words = words[1:]
    return bool(words) and words[0] in team_nouns


def _managed(story: Story, start: int, end: int) -> str | None:
    """ "firmó por el bloque de Madiot": a team noun whose team is named by the person
    who runs it (`described_teams.managed_team`)."""
    team_nouns = _words()[0]
    for m in _WORD.finditer(story.low, start, end):
        if m.group() in team_nouns or re.split("['\u2019]", m.group())[-1] in team_nouns:
            people = within(story.people, m.end(), m.end() + 8)
            found = managed_team(story.low, list(people), m.end(), story.roster, story.published)
            if found is not None:
                return found
    return None


def _team_of(story: Story, code: str, team_noun: bool, ev: Evidence) -> str | None:
    """The one team of that country the story names, other than the one the person
    leaves; when the story names none of that country, the one team of that country
    racing at the story's date (`described_teams.national_team`), if a team noun says
    a team is meant. A region's adjective (`REGION`) asks the same of its region's teams."""
    region = team_regions().get(code.removeprefix(REGION), ()) if code.startswith(REGION) else ()
    named = {
        t.entity_id
        for t in story.teams
        if (team := story.roster.teams.get(t.entity_id)) is not None
        and (t.entity_id in region if region else team.country == code)
    }
    candidates = named - ev.origin
    if len(candidates) == 1:
        return next(iter(candidates))
    if named or not team_noun:
        return None
    category = story_category(story.roster, ev.person_id, story.teams, story.published)
    if category is None:
        return None
    if region:
        found = team_of_teams(story.roster, region, story.published, category)
    else:
        found = national_team(story.roster, code, story.published, category)
    return found if found not in ev.origin else None
