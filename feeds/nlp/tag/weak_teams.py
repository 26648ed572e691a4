"""A team's one word (Jumbo, Astana, Total): the team where it stands, or a company, a
place, a race or an everyday word."""

from __future__ import annotations

from feeds.nlp.cues.names import COMMON_WORDS
from feeds.nlp.cues.team_words import PLACE_PREPOSITIONS, PLACE_TEAM_WORDS, RACE_WORDS
from feeds.nlp.tag.keys import KeyInfo
from feeds.nlp.tag.state import ResolverState
from feeds.nlp.tag.story import HYPHENS
from feeds.text.fold import FoldedText, fold_tokens

_JOINERS = frozenset(HYPHENS) | {" "}


def weak_team(r: ResolverState, info: KeyInfo, start: int, end: int, k0: int, k1: int) -> bool:
    """A team word that may be something else: the team, or nothing at all, here.

    True when that settles the occurrence either way; False when it is no team word,
    or is also a person's name or alias (the person rules decide).
    """
    teams = info.teams
    if not teams:
        return False
    if info.names or info.aliases:
        return False
    if not r.any_capital(start, end) or r.near_company(k0, k1) or r.named_as_sponsor(end):
        return True  # a team word that is not a team here: nothing else either
    if race_name(r.ft, k0, k1):
        return True  # "UAE Tour", "Tour of Bahrain"
    if hyphen_compound(r, info, end, k1):
        return True  # "Leopard-Trek": another name, which this team's word only begins
    if info.key in PLACE_TEAM_WORDS and k0 > 0 and r.ft.word(k0 - 1) in PLACE_PREPOSITIONS:
        return True  # "the stage finished in Astana": the city
    if r.sentence_initial(start) and (info.key in COMMON_WORDS or r.used_lowercase(info.key)):
        return True  # "Drops of rain fell...", "Total prize money..."
    tid = r.pick_team([p.team_id for p in teams], start)
    if tid is None:
        return True
    r.add_team(tid, start, end, teams[0].how)
    return True


def hyphen_compound(r: ResolverState, info: KeyInfo, end: int, k1: int) -> bool:
    """The team word is only a word of its team's full name ("Leopard" of "Leopard Pro
    Cycling"), joined by a hyphen to another team's word: a compound name the roster does
    not hold (the team's own compounds, "Astana-Premier Tech", are longer keys and matched
    first), such as a former team of another lineage ("Leopard-Trek"). A name the press
    uses for the team alone (an alias: "UAE", "Movistar", "Intermarché") is that team in
    a pair too: a duel or a merger ("UAE-Visma", "Intermarché-Lotto"). A German compound
    with a common noun ("Red-Bull-Profi", "Astana-Kapitän") stays the team."""
    # A space joins them as well: "Leopard Trek" is the same compound unhyphenated.
    if k1 >= r.ft.word_count or r.text[end : end + 1] not in _JOINERS:
        return False
    ns = r.ft.word_span(k1)[0]
    other = r.team_hit_at(ns) if ns == end + 1 else None
    if other is None:
        return False
    own = {t.team_id for t in info.teams}
    return any(t.team_id not in own for t in other[4].teams) and not _named_alone(r, info)


def _named_alone(r: ResolverState, info: KeyInfo) -> bool:
    """The word is one of its team's aliases as a whole (not a name's first word left
    when "Pro Cycling" or "Team" is cut off)."""
    key = info.key.strip()
    return any(
        " ".join(fold_tokens(alias)) == key
        for t in info.teams
        for alias in r.team(t.team_id).aliases
    )


def race_name(ft: FoldedText, k0: int, k1: int) -> bool:
    n = ft.word_count
    after = ft.word(k1) if k1 < n else ""
    if after in RACE_WORDS:
        return True
    return k0 >= 2 and ft.word(k0 - 1) in ("of", "de", "van") and ft.word(k0 - 2) in RACE_WORDS
