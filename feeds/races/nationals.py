"""A national championship named without its nation: the nearest rider's.

"His national championships", "el campeonato nacional de su país", "de nationale
kampioenschappen" name a race only through the rider they are about: of the riders named
shortly before the words in the same paragraph, the one the story names most often (the
nearest on a tie), else the first rider named shortly after them in it, when their
nation's championships are in the calendar. Without such a rider the words name no race.
The generic words, in the feed languages, are data: `nationals.toml`.

Its `dated` titles ("national champion", "državni prvak") name the championships only
when the text states the title won (feeds/races/wins.py): the year it was won within a few
words after ("Državni prvak iz leta 2019", "campione nazionale nel 2021"), or a verb of
winning or becoming before it ("blev dansk mester"): a title alone describes a rider.

Its `[forms]` and `[countries]` name each nation's championships with the nation, in the
languages that write the nation after the event ("championnats de Colombie", "Campeonato
de México"): names the race tagger reads as the calendar's own (`Nationals.names`).
"""

from __future__ import annotations

import bisect
import tomllib
from calendar import monthrange
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import Any

import ahocorasick

from feeds.models import Mention
from feeds.races.model import Calendar, CalendarError
from feeds.races.titles import whole_words
from feeds.races.wins import Labels, WinCues
from feeds.roster import Roster
from feeds.text.fold import FoldedText, fold_tokens

NATIONALS_FILE = "nationals.toml"
SEASON_REACH = timedelta(weeks=6)
"""How far from the months a nation runs its road championships in a title won there may
be read (a story a few weeks late, a provisional date moved)."""
REACH = 300
"""Characters before (or after) the words a rider may be named at (about two sentences)."""
PARAGRAPH = "\n\n"
NATION_WORDS = 4
"""Words before generic words a nation's name may stand at ("en Colombia con los")."""
IN_PLACE = frozenset({"in", "en", "em", "au", "aux", "im", "nel", "v", "i", "pa"})
"""The word before a nation's name that makes it a place ("en Colombia"), not part of a
race's name ("Volta a Itália", "Tour de Suisse")."""
DATED = "dated"
"""The automaton's value for a title that needs its year."""
NATION = "="
"""The prefix of the automaton's value for a title naming its nation ("=BEL": "Belgian
champion", "belgisch kampioen"), which needs its year or verb as a dated one."""


@dataclass(frozen=True, slots=True)
class Nationals:
    automaton: ahocorasick.Automaton | None
    by_country: Mapping[str, str]
    """IOC code -> that nation's national championships race."""
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Race id -> its names made of a language's forms and the nation's name in it."""
    cues: WinCues = field(default_factory=WinCues)
    """The words that tell a title won from one held (titles.toml's)."""
    nations: Mapping[str, str] = field(default_factory=dict)
    """A nation's folded name, one word (in the [countries] languages) -> its IOC code:
    a nation named right before the generic words is theirs, whoever the rider."""
    links: frozenset[str] = frozenset()
    """Folded words that may stand between such a place and the generic words ("en
    Colombia, con los Campeonatos"): any other word puts the place in another clause."""
    road_months: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """Race id -> the months its road championships are run in ([road_season])."""

    def in_season(self, race_id: str, published: date) -> bool:
        """Whether a national championship's road title read on `published` can be of
        its road race: within `SEASON_REACH` of the months it is run in (a Belgian
        champion crowned in January is cyclo-cross's). True for any other race, and for a
        nation whose months are not known."""
        months = self.road_months.get(race_id)
        if not months:
            return True
        for year in (published.year - 1, published.year, published.year + 1):
            first = date(year, min(months), 1)
            last = date(year, max(months), monthrange(year, max(months))[1])
            if first - SEASON_REACH <= published <= last + SEASON_REACH:
                return True
        return False

    def find(
        self,
        ft: FoldedText,
        mentions: Sequence[Mention],
        nationality: Mapping[str, str],
        matches: Iterable[tuple[int, tuple[int, str]]] | None = None,
    ) -> list[str]:
        """The national championships the story names by generic words; `nationality`
        maps a rider's id to their IOC code. `matches`: this automaton's matches in the
        folded text when the caller has them already (feeds/races/scan.py)."""
        if self.automaton is None or not mentions:
            return []
        found: list[str] = []
        # The riders in text order and how often each is named, once per story: per
        # match, a window of them (a story of thousands of matches and riders is linear).
        riders = sorted((m for m in mentions if m.kind == "rider"), key=lambda m: m.start)
        starts = [m.start for m in riders]
        times = Counter(m.entity_id for m in mentions)
        main_before = _main_riders(riders, times)
        labels = Labels(ft, starts)
        walk = self.automaton.iter(ft.folded) if matches is None else matches
        for last, (length, what) in walk:
            first = last - length + 1
            titled = what == DATED or what.startswith(NATION)
            if titled and not self.cues.won(
                ft.folded, first, last + 1, labelled=labels(first, last + 1)
            ):
                continue
            if not titled and self.cues.ruled_out(ft.folded, first, last + 1):
                continue  # "the U23 national championships"
            # "Belgian champion": the title's own nation, whoever the riders around it
            named = what[1:] if what.startswith(NATION) else None
            if named is None:
                named = self._nation_before(ft.folded, first)
            if named is not None:
                race = self.by_country.get(named)
            else:
                start, _, _, _ = ft.span(first, last + 1)
                rider = _nearest_rider(ft.original, start, riders, starts, times, main_before)
                race = rider and self.by_country.get(nationality.get(rider.entity_id, ""))
            if race:
                found.append(race)
        return list(dict.fromkeys(found))

    def _nation_before(self, folded: str, start: int) -> str | None:
        """The nation named as a place within a few words before the generic words
        ("comenzó en Colombia, con los Campeonatos Nacionales"), only link words between,
        else None."""
        words = folded[max(0, start - 80) : start].split()[-NATION_WORDS - 1 :]
        for i in range(len(words) - 1, 0, -1):
            if words[i] in self.nations and words[i - 1] in IN_PLACE:
                return self.nations[words[i]]
            if words[i] not in self.links:
                return None  # "trained in Colombia before the nationals": another clause
        return None


def _main_riders(riders: Sequence[Mention], times: Counter[str]) -> list[Mention | None]:
    """For each i, the story's main rider among `riders[:i]`: named more than once, the
    most often (the latest on a tie); one pass, so a story of thousands stays linear."""
    out: list[Mention | None] = [None]
    best: Mention | None = None
    for mention in riders:
        if times[mention.entity_id] > 1 and (
            best is None or times[mention.entity_id] >= times[best.entity_id]
        ):
            best = mention
        out.append(best)
    return out


def _nearest_rider(
    text: str,
    start: int,
    riders: Sequence[Mention],
    starts: Sequence[int],
    times: Counter[str],
    main_before: Sequence[Mention | None],
) -> Mention | None:
    """The rider the words at `start` are about: of those named shortly before in their
    paragraph, the story's main one (named most often), else the nearest; with none, the
    story's main rider when named more than once before the words ("Foss joins Ineos...
    The 26-year-old was national time-trial champion in 2021": the sentence's subject is
    the story's rider, not one named after); else the first named shortly after in the
    paragraph (words that open a paragraph: "the titles were decided in Celje; Bujak won
    the road race")."""
    floor = max(start - REACH, text.rfind(PARAGRAPH, max(0, start - REACH), start) + 1)
    lo, hi = bisect.bisect_left(starts, floor), bisect.bisect_left(starts, start)
    before = [m for m in riders[lo:hi] if m.end <= start]
    if before:
        return max(before, key=lambda m: (times[m.entity_id], m.end))
    if main_before[lo] is not None:
        return main_before[lo]
    ends = text.find(PARAGRAPH, start, start + REACH)
    ceiling = start + REACH if ends < 0 else ends
    at = bisect.bisect_right(starts, start)
    return riders[at] if at < len(riders) and riders[at].start < ceiling else None


def parse_nationals(
    text: str, source: str, calendar: Calendar, cues: WinCues | None = None
) -> Nationals:
    """`names`: the generic words, `dated`: titles that count with their year; each
    national championships race of the calendar is the one of its `country`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarError(source, None, f"not valid TOML: {exc}") from None
    unknown = set(data) - {
        *("names", "dated", "forms", "countries", "adjectives", "links"),
        *("demonym_forms", "demonyms", "road_season"),
    }
    if unknown:
        raise CalendarError(source, None, f"unknown key {sorted(unknown)[0]!r}")
    names = data.get("names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise CalendarError(source, None, "names: must be a list of non-empty strings")
    dated = data.get("dated", [])
    if not isinstance(dated, list) or not all(isinstance(n, str) and n.strip() for n in dated):
        raise CalendarError(source, None, "dated: must be a list of non-empty strings")
    folded = [" ".join(fold_tokens(n)) for n in names]
    folded_dated = [" ".join(fold_tokens(n)) for n in dated]
    if not all(folded) or not all(folded_dated):
        raise CalendarError(source, None, "names: a name folds to nothing")
    adjectives = data.get("adjectives", {})
    if not isinstance(adjectives, dict) or not all(_strings(v) for v in adjectives.values()):
        raise CalendarError(source, None, "adjectives: must map nations to lists of titles")
    by_nation = {
        " ".join(fold_tokens(title)): NATION + code
        for code, titles in adjectives.items()
        for title in titles
    }
    if set(by_nation) & {*folded, *folded_dated}:
        raise CalendarError(source, None, "adjectives: a title also in names or dated")
    links = data.get("links", [])
    if not _strings(links):
        raise CalendarError(source, None, "links: must be a list of non-empty strings")
    automaton = whole_words(
        {**by_nation, **dict.fromkeys(folded_dated, DATED), **dict.fromkeys(folded, "")}
    )
    by_country = {
        race.country: race.id
        for race in calendar.races.values()
        if race.race_class == "championship" and race.country and "national" in race.id
    }
    forms = _forms(data.get("forms", {}), source)
    countries = _countries(data.get("countries", {}), source)
    demonym_forms = _forms(data.get("demonym_forms", {}), source)
    demonyms = _demonyms(data.get("demonyms", {}), source)
    # A nation whose championships the calendar lacks is skipped: the file serves any
    # calendar, an operator's as well as the bundled one.
    names = {
        race_id: tuple(
            dict.fromkeys(
                form.replace("{}", nation)
                for language, nation in countries.get(code, {}).items()
                for form in forms.get(language, [])
            )
        )
        + tuple(
            dict.fromkeys(
                form.replace("{}", adjective)
                for language, adjectives in demonyms.get(code, {}).items()
                for adjective in adjectives
                for form in demonym_forms.get(language, [])
            )
        )
        for code, race_id in by_country.items()
    }
    nations = {
        folded[0]: code
        for code, local in countries.items()
        for name in local.values()
        if len(folded := fold_tokens(name)) == 1
    }
    folded_links = frozenset(word for link in links for word in fold_tokens(link))
    season = _road_season(data.get("road_season", {}), source)
    road_months = {
        race_id: season.get(code, season.get("default", ())) for code, race_id in by_country.items()
    }
    return Nationals(
        automaton, by_country, names, cues or WinCues(), nations, folded_links, road_months
    )


def _road_season(value: Any, source: str) -> dict[str, tuple[int, ...]]:
    """ "default" or an IOC code -> the months (1-12) the road championships are run in."""
    if not isinstance(value, dict):
        raise CalendarError(source, None, "[road_season]: must be a table of code = [months]")
    out = {}
    for code, months in value.items():
        if not (isinstance(months, list) and months and all(m in range(1, 13) for m in months)):
            raise CalendarError(source, None, f"road_season.{code}: a list of months 1-12")
        out[code] = tuple(months)
    return out


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _forms(value: Any, source: str) -> dict[str, list[str]]:
    """Language -> forms, each holding `{}` once where the nation's name goes."""
    if not isinstance(value, dict):
        raise CalendarError(source, None, "[forms]: must be a table of language = [forms]")
    for language, forms in value.items():
        if not _strings(forms) or any(f.count("{}") != 1 for f in forms):
            raise CalendarError(source, None, f"forms.{language}: each form holds {{}} once")
    return value


def _countries(value: Any, source: str) -> dict[str, dict[str, str]]:
    """IOC code -> language -> the nation's name in it."""
    if not isinstance(value, dict):
        raise CalendarError(source, None, "[countries]: must be a table of IOC code = {...}")
    for code, local in value.items():
        if not (len(code) == 3 and code.isalpha() and code.isupper()):
            raise CalendarError(source, None, f"countries: {code!r} is not an IOC code")
        if not isinstance(local, dict) or not _strings(list(local.values())):
            raise CalendarError(source, None, f"countries.{code}: language = name, each")
    return value


def _demonyms(value: Any, source: str) -> dict[str, dict[str, list[str]]]:
    """IOC code -> language -> the nation's adjectives in it."""
    if not isinstance(value, dict):
        raise CalendarError(source, None, "[demonyms]: must be a table of IOC code = {...}")
    for code, local in value.items():
        if not (len(code) == 3 and code.isalpha() and code.isupper()):
            raise CalendarError(source, None, f"demonyms: {code!r} is not an IOC code")
        if not isinstance(local, dict) or not all(_strings(v) for v in local.values()):
            raise CalendarError(source, None, f"demonyms.{code}: language = [adjectives]")
    return value


def bundled_nationals(calendar: Calendar, cues: WinCues | None = None) -> Nationals:
    """`cues`: the words that tell a title won from one held (titles.toml's)."""
    text = (resources.files("feeds.races") / NATIONALS_FILE).read_text(encoding="utf-8")
    return parse_nationals(text, f"feeds/races/{NATIONALS_FILE}", calendar, cues)


def nationalities(mentions: Sequence[Mention], roster: Roster) -> dict[str, str]:
    """Rider id -> IOC code, for the riders the story names."""
    out = {}
    for mention in mentions:
        person = roster.people.get(mention.entity_id) if mention.kind == "rider" else None
        if person is not None and person.nationality:
            out[mention.entity_id] = person.nationality
    return out


class RiderNations:
    """The story's riders' nations (IOC code -> mentions), looked up in the roster only
    when a name two nations share asks for them."""

    def __init__(self, mentions: Sequence[Mention], roster: Roster) -> None:
        self._mentions = mentions
        self._roster = roster
        self._counts: Counter[str] | None = None

    def counts(self) -> Counter[str]:
        if self._counts is None:
            codes = nationalities(self._mentions, self._roster)
            self._counts = Counter(
                codes[m.entity_id] for m in self._mentions if m.entity_id in codes
            )
        return self._counts
