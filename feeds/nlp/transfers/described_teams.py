"""Which team a description means when the story names none that fits: "the Kazakh
team" (the one WorldTeam or ProTeam of that country at the story's date, of the mover's
sex) and "la structure de Marc Madiot" (the team its general manager or principal runs).

`descriptions.py` finds the description; this module only answers for it, and answers
nothing when the roster gives no single answer: "the Belgian team" has several, a staff
member who is a sports director runs no team, a women's story never takes a men's team.
"""

from __future__ import annotations

import re
from datetime import date

from feeds.models import Mention
from feeds.roster import Roster, Team

NATIONAL_LEVELS = frozenset({"WT", "PRT"})
"""The levels a bare nationality can mean: a continental team is never "the Swiss team"
to a reader, and counting it would make every large country ambiguous anyway."""
HEAD_ROLES = ("general manager", "team principal", "team manager", "manager", "ceo", "owner")
"""Roles whose holder's team is "his" team ("l'équipe de Marc Madiot"); a sports
director or a coach works for a team, he does not give it his name."""
NATIONAL_SELECTION_STEMS = (
    "national",  # en, fr "nationale", de "Nationalmannschaft", nl "nationale ploeg"
    "nazional",  # it "squadra nazionale"
    "nacional",  # es, pt "selección nacional", "equipa nacional"
    "nationa",  # nl "nationaal"
    "selecci",  # es "selección"
    "selection",  # fr "sélection" (folded), en
    "selezion",  # it "selezione"
    "seleca",  # pt "seleção" (folded)
    "reprezentan",  # sl "reprezentanca"
    "landshold",  # da
    "landslag",  # no
)
"""Folded word starts of a country's selection: "la squadra nazionale kazaka" is the
national team at a race, never a trade team of that country."""
_LINK = re.compile(r"[\s\u00a0]*(?:[^\W\d_]{1,3}[\s\u00a0]+)?$")
"""Between the team noun and the head's name: nothing ("ekipa Marca Madiota") or one
short linking word ("of", "de", "di", "van", "von"), never a comma or a longer word."""


def national_selection(words: list[str]) -> bool:
    """A word of a national selection among `words` (folded)."""
    return any(w.startswith(NATIONAL_SELECTION_STEMS) for w in words)


NATIONS_RACE_STEMS = (
    "olymp",  # en "Olympics", fr "olympiques", de/nl "Olympische"
    "olimp",  # it "Olimpiadi", es/pt "olímpicos" (folded)
    "jeux",  # fr "les Jeux de Paris"
    "giochi",  # it "i Giochi di Parigi"
    "juegos",  # es "los Juegos de París"
    "jogos",  # pt "os Jogos"
    "mondial",  # it "Mondiali", fr "Mondiaux"
    "mundial",  # es, pt
    "worlds",  # en
    "weltmeisterschaft",  # de
    "wereldkampioenschap",  # nl
    "championship",  # en "World Championships", "national championships"
    "championnat",  # fr
    "campionat",  # it
    "campeonat",  # es, pt
    "meisterschaft",  # de
    "kampioenschap",  # nl
)
"""Folded word starts of races between nations: "the British team for the Paris Olympics"
is the country's selection there, never the country's trade team."""
NATIONS_RACE_WORDS = frozenset({"games", "spiele", "wk", "wm", "ek"})
"""Whole words of the same (en "the Games", de "Olympische Spiele", nl "WK", "EK", de "WM";
not de "EM", which is pt "em", "in")."""


def nations_race(words: list[str]) -> bool:
    """A race between nations named among `words` (folded): a Games, the Worlds, a
    championship, "the ... road race"."""
    for i, word in enumerate(words):
        if word in NATIONS_RACE_WORDS or word.startswith(NATIONS_RACE_STEMS):
            return True
        if word == "road" and i + 1 < len(words) and words[i + 1] == "race":
            return True
    return False


def in_force(team: Team, when: date | None) -> bool:
    """The team raced under some name on `when` (today's teams when the date is unknown)."""
    if when is None:
        return team.names[-1].end is None
    return any(name.in_force(when) for name in team.names)


def national_team(roster: Roster, country: str, when: date | None, category: str) -> str | None:
    """The one WorldTeam or ProTeam of `country` and `category` racing on `when`, or None
    when there are none or several ("the French team" is ambiguous in every season)."""
    found = [
        team.id
        for team in roster.teams.values()
        if team.country == country
        and team.category == category
        and team.level in NATIONAL_LEVELS
        and in_force(team, when)
    ]
    return found[0] if len(found) == 1 else None


def team_of_teams(
    roster: Roster, team_ids: tuple[str, ...], when: date | None, category: str
) -> str | None:
    """The one of `team_ids` (a region's teams) of `category` racing on `when`."""
    found = [
        tid
        for tid in team_ids
        if (team := roster.teams.get(tid)) is not None
        and team.category == category
        and in_force(team, when)
    ]
    return found[0] if len(found) == 1 else None


def story_category(
    roster: Roster, person_id: str, teams: list[Mention], when: date | None
) -> str | None:
    """Men's or women's: the mover's team at the story's date, else the one category of
    every team the story names (None when they are mixed or there are none)."""
    person = roster.people.get(person_id)
    team_id = person.team_on(when) if person is not None else None
    team = roster.teams.get(team_id) if team_id else None
    if team is not None:
        return team.category
    categories = {roster.teams[m.entity_id].category for m in teams if m.entity_id in roster.teams}
    return categories.pop() if len(categories) == 1 else None


def head_of(roster: Roster, person_id: str, when: date | None) -> str | None:
    """The team a general manager, principal or owner runs on `when`, else None."""
    person = roster.people.get(person_id)
    if person is None or person.role is None:
        return None
    role = person.role.lower()
    if not any(role.startswith(head) for head in HEAD_ROLES):
        return None
    team_id = person.team_on(when)
    return team_id if team_id in roster.teams else None


def managed_team(
    text: str, people: list[Mention], noun_end: int, roster: Roster, when: date | None
) -> str | None:
    """ "la structure de Marc Madiot", "el bloque de Madiot": a team noun ending at
    `noun_end` followed by the name of the person who runs a team."""
    for mention in people:
        if mention.start < noun_end:
            continue
        if mention.start - noun_end > 6 or not _LINK.match(text, noun_end, mention.start):
            return None
        if mention.kind != "staff":
            return None
        return head_of(roster, mention.entity_id, when)
    return None
