"""What a folded key of the automaton can mean: the payloads stored in it, and KeyInfo,
every payload of one key sorted once at build time for fast reading."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# (start, end, first word, end word, key) of one alias occurrence, in the original text.
Hit = tuple[int, int, int, int, "KeyInfo"]


@dataclass(frozen=True, slots=True)
class PersonKey:
    person_id: str
    how: str  # name | short | alias | surname | initial
    weak: bool = False  # needs capitals and cycling context on top


@dataclass(frozen=True, slots=True)
class TeamKey:
    team_id: str
    how: str  # name | alias | nickname
    weak: bool = False


@dataclass(frozen=True, slots=True)
class CueKey:
    weight: int


@dataclass(frozen=True, slots=True)
class CompanyKey:
    pass


@dataclass(frozen=True, slots=True)
class NationKey:
    """A nationality word; whether it describes a person or a team depends on its words."""

    country: str
    noun: bool  # "Dane", "Sloveen", "olandese": a person on its own
    adj: bool  # "Danish", "belge", "Belgische": before/after "team", "rider"


Payload = PersonKey | TeamKey | CueKey | CompanyKey | NationKey


# Read-only after the build, but not `frozen`: a frozen dataclass sets each of these
# twenty fields through object.__setattr__, which tripled the time to build 20k keys.
# eq=False: there is one KeyInfo per key, so identity is equality, and the matcher's
# build hashes it by identity instead of hashing every field of every key.
@dataclass(slots=True, eq=False)
class KeyInfo:
    """Everything one folded key can mean, sorted once at build time for fast reading.

    The derived fields below the first group answer, once per key, the questions the
    rules ask of every candidate (which ids, any weak one, any initial).
    """

    key: str
    names: tuple[PersonKey, ...] = ()  # full names and short forms
    aliases: tuple[PersonKey, ...] = ()
    surnames: tuple[PersonKey, ...] = ()  # surnames and "M. Cavendish"
    teams: tuple[TeamKey, ...] = ()
    nation: NationKey | None = None
    cue: int = 0
    company: bool = False
    entity: bool = False  # names, surnames, teams or a nationality: needs offsets
    person: bool = False  # names, aliases or surnames
    # A full name beats a short form that reads the same ("Daniel Martínez").
    full_names: tuple[PersonKey, ...] = ()
    full_ids: tuple[str, ...] = ()  # de-duplicated, in order
    strong_teams: tuple[TeamKey, ...] = ()  # team names that are no everyday word
    alias_ids: tuple[str, ...] = ()
    alias_weak: bool = False
    surname_ids: tuple[str, ...] = ()
    surname_weak: bool = False
    surname_initial: bool = False  # "M. Cavendish"
    plain_surnames: tuple[PersonKey, ...] = ()  # surnames, not initial forms

    @classmethod
    def build(cls, key: str, payloads: Iterable[Payload]) -> KeyInfo:
        names: list[PersonKey] = []
        aliases: list[PersonKey] = []
        surnames: list[PersonKey] = []
        teams: list[TeamKey] = []
        nation: NationKey | None = None
        cue = 0
        company = False
        for p in payloads:  # duplicates are harmless: readers de-duplicate ids
            if isinstance(p, PersonKey):
                if p.how in ("name", "short"):
                    names.append(p)
                elif p.how == "alias":
                    aliases.append(p)
                else:
                    surnames.append(p)
            elif isinstance(p, TeamKey):
                teams.append(p)
            elif isinstance(p, NationKey):
                nation = nation or p
            elif isinstance(p, CueKey):
                cue = max(cue, p.weight)
            else:
                company = True
        entity = bool(names or aliases or surnames or teams or nation)
        full = tuple(p for p in names if p.how == "name") or tuple(names) if names else ()
        surname_ids, surname_weak = _ids_and_weak(surnames)
        alias_ids, alias_weak = _ids_and_weak(aliases)
        return cls(
            key,
            tuple(names),
            tuple(aliases),
            tuple(surnames),
            tuple(teams),
            nation,
            cue,
            company,
            entity,
            bool(names or aliases or surnames),
            full,
            _ids_and_weak(full)[0],
            tuple(p for p in teams if not p.weak) if teams else (),
            alias_ids,
            alias_weak,
            surname_ids,
            surname_weak,
            any(p.how == "initial" for p in surnames) if surnames else False,
            tuple(p for p in surnames if p.how == "surname") if surnames else (),
        )


def _ids_and_weak(keys: Sequence[PersonKey]) -> tuple[tuple[str, ...], bool]:
    """The people of `keys` (de-duplicated, in order) and whether any key is weak."""
    # Most keys have none or one: no generators (a build makes 20k keys).
    if not keys:
        return (), False
    if len(keys) == 1:
        return (keys[0].person_id,), keys[0].weak
    return _unique(p.person_id for p in keys), any(p.weak for p in keys)


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))
