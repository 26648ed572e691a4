"""Which race a story is mainly about, which edition, and which stage.

The edition is the one reported or previewed: a result or crash is about the latest
edition that had begun by publication (a January report of last season's race is last
season's), a preview or line-up about the next one not yet over (a route presentation in
October is next year's). A year written in the headline overrides both. A stage is named
only for a story about one stage: a number beside a stage noun in the headline, else in
the lead (unless it only recalls a stage run days before the day's), else for a result
the stage run on the publication day (a rider out of a race was not always hurt that
day); never for an overall win, told from the race's last day on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from feeds.models import RaceFocus, StoryKind
from feeds.races.model import Calendar, Edition, MonthDate, Race, Stage
from feeds.text.fold import fold_tokens

FOCUS_KINDS: frozenset[str] = frozenset({"result", "preview", "lineup", "crash"})
"""Kinds that can have a race in focus; a transfer told at a race has none."""
REPORT_KINDS: frozenset[str] = frozenset({"result", "crash"})
DOMINANT_KINDS: frozenset[str] = frozenset({"result", "preview"})
"""Kinds whose race may be read from the text alone (a line-up round-up or a crash story
names races in passing); a line-up too when the headline names a team (a team's
selection for the race its text keeps naming, not riders' programmes)."""
EARLY_REPORT = timedelta(days=75)
"""A report this long before the start of this year's edition is of last year's (a
month-only date reads as the month's first day: a July report is not of last July)."""
RUNNING_SLACK = timedelta(days=2)
"""A crash or result reported up to two days after a race ends still reads as during it."""
FINAL_REPORT = RUNNING_SLACK
"""A report of "the final stage" this long after the race's last day is still of it."""
PREVIEW_SLACK = timedelta(days=1)
"""A preview or line-up this soon after an edition's last day is still of it when the
calendar's dates for it are borrowed (moved from another year, or provisional), and the
story does not name the next year."""
AFTER_CRASH = timedelta(days=14)
"""A crash story this soon after a race it names ended, and during no other race, is
about that race (an operation, a discharge from hospital, the road back)."""


@dataclass(slots=True)
class FocusEvidence:
    """What the story says, gathered by the tagger."""

    title_races: list[str]
    counts: Counter[str]
    """Race id -> mentions in title and text."""
    title_stages: list[int]
    lead_stages: list[int]
    title_years: list[int]
    text_years: list[int]
    overall: bool
    """The headline or lead speaks of the overall classification or the final win."""
    title_team: bool = False
    """The headline names a team."""
    lead_text: str = ""
    """The headline and lead as folded, to find a stage's finish town in."""
    lead_today: bool = False
    """The headline or lead tells the publication day's racing ("today")."""
    next_year: bool = False
    """The headline or lead names the year or season after the story's ("next year")."""
    lead_stage_noun: bool = False
    """The headline or lead names a stage, numbered or not ("the stage", "la tappa")."""
    last_stage: bool = False
    """The headline or lead names the final stage without its number ("the final stage",
    "la última etapa", "sisteetappen")."""
    last_stage_at: tuple[tuple[int, int], ...] = ()
    """Where the lead's final-stage phrases stand: folded [start, end) in `lead_text`'s
    offsets (none known: the phrase is taken as this race's)."""
    race_spans: tuple[tuple[int, int, tuple[str, ...]], ...] = ()
    """Every race name read in the headline and text: folded [start, end) and its races."""
    title_started: tuple[bool, ...] = ()
    """Beside `title_stages`: whether a start verb stands before the stage ("does not
    start stage 5"): the stage a rider starts next (feeds/races/stage_days.py)."""
    lead_started: tuple[bool, ...] = ()
    """The same beside `lead_stages`."""
    news_day: date | None = None
    """The day the headline or lead names for its news ("yesterday", "on Wednesday"), when
    it names one: the stage of that day, not the publication day's."""


class Seasons:
    """The calendar's lookups the focus rules make, with each race's editions indexed
    once (`Calendar.editions_of` scans every edition). Read-only after construction."""

    def __init__(self, calendar: Calendar) -> None:
        self.calendar = calendar
        by_race: dict[str, list[Edition]] = {}
        for edition in calendar.editions.values():
            by_race.setdefault(edition.race_id, []).append(edition)
        self._by_race = {race: sorted(eds, key=lambda e: e.year) for race, eds in by_race.items()}

    def race(self, race_id: str) -> Race | None:
        return self.calendar.races.get(race_id)

    def edition(self, race_id: str, year: int) -> Edition | None:
        return self.calendar.editions.get((race_id, year))

    def editions_of(self, race_id: str) -> list[Edition]:
        return self._by_race.get(race_id, [])


def choose_focus(
    calendar: Seasons, kind: StoryKind, evidence: FocusEvidence, published: date | None
) -> RaceFocus | None:
    if kind not in FOCUS_KINDS:
        return None
    race_id = _main_race(calendar, kind, evidence, published)
    if race_id is None:
        return None
    year = _edition_year(calendar, race_id, kind, evidence, published)
    if year is None:
        return None
    stage = _stage(calendar, race_id, year, kind, evidence, published)
    return RaceFocus(race_id, year, stage)


def _main_race(
    calendar: Seasons, kind: StoryKind, evidence: FocusEvidence, published: date | None
) -> str | None:
    """A race in the headline (the one nearest its edition when there are several: a
    "two-time Tour winner" in a Flanders headline in April), else the race running on
    the publication day, else for a crash the one race named that ended days before,
    else for a report or preview the race the text names most (a crash away from any
    race named, run or just run, is a training crash: no focus)."""
    ranked = evidence.counts.most_common()
    running = [r for r, _ in ranked if _running(calendar, r, published)]
    if kind == "lineup" and len(set(evidence.title_races)) > 1:
        return None  # a programme ("skips the Tour, targets the Giro"), not one race's team
    if evidence.title_races:
        race_id = min(
            evidence.title_races,
            key=lambda r: (days_away(calendar, r, published), evidence.title_races.index(r)),
        )
        # A headline race far from its dates gives way to a race the text names that is
        # running ("Tour winner crashes" on a day of the Basque Country tour). Only dates
        # the calendar knows for that year say it is far: dates moved from another year
        # miss a race that follows Easter or a weekday by days.
        if (
            running
            and not _running(calendar, race_id, published)
            and kind in REPORT_KINDS
            and _dated_that_year(calendar, race_id, published)
        ):
            return running[0]
        return race_id
    if running:
        return running[0]
    if kind == "crash":
        # Surgery or recovery told days after a race: the crash was in the race just run
        # (a race run weeks ago, or one still ahead, is the rider's past or programme).
        recent = [r for r, _ in ranked if _just_ended(calendar, r, published)]
        if len(recent) == 1:
            return recent[0]
    # A report or preview whose headline names no race: the race the text keeps coming
    # back to, when one does.
    dominant = bool(ranked) and (len(ranked) == 1 or ranked[1][1] < ranked[0][1])
    from_text = kind in DOMINANT_KINDS or (kind == "lineup" and evidence.title_team)
    if from_text and dominant and ranked[0][1] >= 2:
        return ranked[0][0]
    return None


def days_away(calendar: Seasons, race_id: str, published: date | None) -> int:
    """Days between publication and the race's edition that year (0 while it runs)."""
    if published is None:
        return 0
    edition = dates_of(calendar, race_id, published.year)
    if edition is None:
        return 0
    if published < edition.start:
        return (edition.start - published).days
    return max(0, (published - edition.end).days)


def _running(calendar: Seasons, race_id: str, published: date | None) -> bool:
    if published is None:
        return False
    edition = dates_of(calendar, race_id, published.year)
    return edition is not None and (edition.start <= published <= edition.end + RUNNING_SLACK)


def _dated_that_year(calendar: Seasons, race_id: str, published: date | None) -> bool:
    return published is not None and calendar.edition(race_id, published.year) is not None


def _just_ended(calendar: Seasons, race_id: str, published: date | None) -> bool:
    if published is None or isinstance(published, MonthDate):
        return False
    edition = dates_of(calendar, race_id, published.year)
    return edition is not None and timedelta(0) < published - edition.end <= AFTER_CRASH


def dates_of(calendar: Seasons, race_id: str, year: int) -> Edition | None:
    """The edition of `year`, or one with the dates of the nearest known year moved to
    `year` (a race keeps its place in the season; the calendar starts in 2022)."""
    edition = calendar.edition(race_id, year)
    if edition is not None:
        return edition
    known = calendar.editions_of(race_id)
    if not known:
        return None
    nearest = min(known, key=lambda e: abs(e.year - year))
    try:
        start = nearest.start.replace(year=nearest.start.year + year - nearest.year)
        end = nearest.end.replace(year=nearest.end.year + year - nearest.year)
    except ValueError:  # 29 February
        return None
    return Edition(race_id, year, start, end, nearest.stage_count)


def _edition_year(
    calendar: Seasons,
    race_id: str,
    kind: StoryKind,
    evidence: FocusEvidence,
    published: date | None,
) -> int | None:
    titled = set(evidence.title_years)
    if len(titled) == 1 and (published is None or abs(min(titled) - published.year) <= 1):
        return min(titled)  # a year written in the headline; "a contract to 2030" is not one
    if published is None:
        if evidence.text_years:
            return Counter(evidence.text_years).most_common(1)[0][0]
        return None
    year = published.year
    edition = dates_of(calendar, race_id, year)
    if edition is None:
        return year
    if kind in REPORT_KINDS:
        return year - 1 if published < edition.start - EARLY_REPORT else year
    # A preview of the last day, or a line-up told the day after the race ends, is still
    # this year's when the edition's dates are borrowed (moved from another year, or
    # provisional: they can end it a day early), unless the story names the next year.
    end = edition.end
    if _borrowed(calendar, race_id, year) and not _names_next_year(evidence, year):
        end += PREVIEW_SLACK
    return year + 1 if published > end else year


def _borrowed(calendar: Seasons, race_id: str, year: int) -> bool:
    """Whether the calendar's dates for the edition are another year's moved, or
    provisional."""
    edition = calendar.edition(race_id, year)
    return edition is None or edition.provisional


def _names_next_year(evidence: FocusEvidence, year: int) -> bool:
    return evidence.next_year or year + 1 in (*evidence.title_years, *evidence.text_years)


def _stage(
    calendar: Seasons,
    race_id: str,
    year: int,
    kind: StoryKind,
    evidence: FocusEvidence,
    published: date | None,
) -> int | None:
    race = calendar.race(race_id)
    if race is None or race.kind != "stage":
        return None
    if kind == "preview" and evidence.title_stages:
        return evidence.title_stages[0]  # "Stage 1 preview": that stage's, told before it
    if kind not in REPORT_KINDS:
        return None
    if evidence.title_stages:
        return _crash_stage(
            kind,
            evidence.title_stages,
            evidence.title_started,
            calendar.edition(race_id, year),
        )
    edition = calendar.edition(race_id, year)
    # A report of the final stage, told by that name, is that stage's even when it also
    # tells the overall won that day ("the final time trial ... fourth overall win"). A
    # stage number the lead writes wins ("won stage 20 ... into the final stage").
    final = (
        _final_stage(edition, published)
        if evidence.last_stage
        and not _numbered_stage(edition, evidence)
        and final_stage_of(race_id, edition, evidence)
        else None
    )
    if final is not None:
        return final
    last_day = edition is None or published is None or published >= edition.end
    # Before the last day the general classification is news of every stage ("20th
    # stage ... second overall", "o novo líder da geral"): a stage number in the lead
    # names the report's stage, and without one the day's stage does. From the last day
    # on, the overall is won: the story is the race's.
    if evidence.overall and last_day:
        return None
    if evidence.lead_stages:
        return _lead_stage(calendar, race_id, year, kind, evidence, published)
    # A crash reported on a race day happened in that day's stage as often as a result
    # reported that day is of it (a rider who abandons the next morning was hurt the
    # day before, but a bare date cannot say which). A result of the last day whose
    # headline and lead name no stage is the race's: the overall is won that day.
    if kind == "result" and published is not None and edition and published >= edition.end:
        return None
    day = _stage_of_the_day(calendar, race_id, year, evidence.news_day or published)
    # Mid-race, a story of the overall is the day's stage's report only when its lead
    # tells that day's racing: a stage, "today", or the day's finish ("venceu ... em
    # Ourém; é o novo líder da geral"). A standings analysis ("who can still beat the
    # leader?") is the race's.
    if evidence.overall and not _tells_the_day(evidence, edition, day):
        return None
    return day


def _tells_the_day(evidence: FocusEvidence, edition: Edition | None, day: int | None) -> bool:
    if evidence.lead_today or evidence.lead_stage_noun:
        return True
    return (
        edition is not None
        and day is not None
        and _names_finish(evidence.lead_text, edition.stage(day))
    )


def _crash_stage(
    kind: StoryKind, stages: list[int], starts: tuple[bool, ...], edition: Edition | None
) -> int | None:
    """The first stage named; in a crash story, the one before it when the rider was to
    start it ("did not start stage 5", "deve alinhar na oitava etapa": hurt in stage 4,
    in stage 7; "did not start stage 1": hurt in the prologue, when the story or the calendar
    names one)."""
    if kind == "crash" and starts[:1] == (True,):
        if stages[0] > 1:
            return stages[0] - 1
        prologue = 0 in stages or (edition is not None and edition.stage(0) is not None)
        return 0 if stages[0] == 1 and prologue else None
    return stages[0]


def _final_stage(edition: Edition | None, published: date | None) -> int | None:
    """The last stage's number, for a report published on its day or soon after (during
    the race "the last stage" is as often the latest one run); None for an edition of
    estimated or unknown stages, or a date that names no day."""
    if edition is None or edition.provisional or published is None:
        return None
    if isinstance(published, MonthDate):
        return None
    if not edition.end <= published <= edition.end + FINAL_REPORT:
        return None
    if edition.stages:
        return edition.stages[-1].number
    return edition.stage_count


LINKED_POSSESSIVES: frozenset[str] = frozenset(
    {
        *("his", "her", "their"),  # en
        *("sa", "son", "ses", "leur"),  # fr
        *("su", "sus", "sua", "seu", "suas", "seus", "suo", "loro"),  # es, pt, it
        *("zijn", "haar", "hun", "hans", "hennes"),  # nl, da/no
    }
)
"""A possessive after "of" and a final-stage phrase makes it a phase of someone's life
("the final stage of his career", "la última etapa de su carrera", "l'ultima tappa della
sua carriera"), not a race's last stage ("won the final stage, her third" is one)."""
GENITIVE_POSSESSIVES: frozenset[str] = frozenset({"seiner", "ihrer", "njegove", "njene", "svoje"})
"""The same right after the phrase, in the languages with a genitive ("die letzte Etappe
seiner Karriere", "zadnja etapa njegove kariere")."""
OF_WORDS: frozenset[str] = frozenset(
    {"of", "de", "da", "do", "di", "del", "della", "dello", "du", "van", "af", "av"}
)
"""The linking words of "the final stage of ..." in the languages read."""
PHRASE_WORDS = 3
"""Words read after a final-stage phrase for a possessive or the race it belongs to."""
PHRASE_REACH = 60
"""Folded characters around a final-stage phrase where a race named belongs to it."""


def _numbered_stage(edition: Edition | None, evidence: FocusEvidence) -> bool:
    """The lead writes a number that may be one of the edition's stages ("won stage 20";
    not the race's 29th edition, "29. dirke")."""
    count = edition.stage_count if edition is not None else None
    return any(count is None or stage <= count for stage in evidence.lead_stages)


def final_stage_of(race_id: str, edition: Edition | None, evidence: FocusEvidence) -> bool:
    """Whether a final-stage phrase of the lead is this race's: not another race's named
    beside it ("the final stage of the Critérium du Dauphiné" in a Tour de Suisse story),
    not a career's ("the final stage of his career"), and told by no finish of an earlier
    stage of the edition ("the final time trial on Monte Lussari", the Giro's 20th stage
    in 2023, which the calendar's last stage does not finish on). Phrases whose places
    are unknown are taken as this race's."""
    if edition is not None and edition.stages and _earlier_finish_named(edition, evidence):
        return False
    if not evidence.last_stage_at:
        return True
    return any(_phrase_of(race_id, evidence, start, end) for start, end in evidence.last_stage_at)


def _phrase_of(race_id: str, evidence: FocusEvidence, start: int, end: int) -> bool:
    def gap(span: tuple[int, int, tuple[str, ...]]) -> int:
        return max(span[0] - end, start - span[1], 0)

    near = [s for s in evidence.race_spans if gap(s) <= PHRASE_REACH]
    if near:
        nearest = min(near, key=gap)
        if race_id not in nearest[2]:
            return False
        if nearest[0] >= end:
            return True  # "the final stage of the Tour": this race's, named after it
    after = evidence.lead_text[end : end + PHRASE_REACH].split()[:PHRASE_WORDS]
    if after and after[0] in GENITIVE_POSSESSIVES:
        return False
    return not (len(after) > 1 and after[0] in OF_WORDS and after[1] in LINKED_POSSESSIVES)


def _earlier_finish_named(edition: Edition, evidence: FocusEvidence) -> bool:
    """The headline or lead names where an earlier stage finished, and not where the
    last one does."""
    last = edition.stages[-1]
    if _names_finish(evidence.lead_text, last):
        return False
    return any(
        _names_finish(evidence.lead_text, stage)
        for stage in edition.stages[:-1]
        if stage.finish != last.finish
    )


def _lead_stage(
    calendar: Seasons,
    race_id: str,
    year: int,
    kind: StoryKind,
    evidence: FocusEvidence,
    published: date | None,
) -> int | None:
    """The lead's stage, unless a result's lead only recalls stages run two days or more
    before the one run on the publication day and tells that day's racing, by its finish
    or a word for today ("took the lead on the sixth stage and kept it today at
    Hautacam"): then the day's stage. Otherwise a lead naming an earlier stage is an
    analysis of that stage, published late. Only the organiser's stage days count here
    (an edition without a stage list leaves the day's stage a guess, weaker than a
    number the lead writes)."""
    lead_stages = evidence.lead_stages
    edition = calendar.edition(race_id, year)
    if kind == "result" and edition is not None and edition.stages:
        today = _stage_of_the_day(calendar, race_id, year, published)
        if (
            today is not None
            and all(stage < today - 1 for stage in lead_stages)
            and (evidence.lead_today or _names_finish(evidence.lead_text, edition.stage(today)))
        ):
            return today
    # A prologue named first and a numbered stage after it: the prologue is recalled
    # ("after his prologue win, also the first stage"), the stage is the report's, unless
    # the calendar says that stage is still to run ("stage 1 on Sunday" in a prologue
    # report).
    if lead_stages[0] == 0 and any(stage > 0 for stage in lead_stages):
        first = next(i for i, stage in enumerate(lead_stages) if stage > 0)
        today = _stage_of_the_day(calendar, race_id, year, published)
        if today is None or lead_stages[first] <= today:
            return _crash_stage(kind, lead_stages[first:], evidence.lead_started[first:], edition)
    return _crash_stage(kind, lead_stages, evidence.lead_started, edition)


def _names_finish(lead_text: str, stage: Stage | None) -> bool:
    words = fold_tokens(stage.finish) if stage is not None and stage.finish else []
    # The fold pads every word with a space on each side ("  saint  etienne  ").
    return bool(words) and f" {'  '.join(words)} " in lead_text


def _stage_of_the_day(
    calendar: Seasons, race_id: str, year: int, published: date | None
) -> int | None:
    """The one stage run on the publication day, from an edition with announced dates (a
    provisional edition's stage days are estimates; a month-only date names no day)."""
    edition = calendar.edition(race_id, year)
    if edition is None or edition.provisional or published is None:
        return None
    if isinstance(published, MonthDate) or not edition.runs_on(published):
        return None
    # A report dated the next morning is the previous day's, but a bare date cannot say
    # which; the day itself is likelier.
    if edition.stages:
        on_day = edition.stages_on(published)
        return on_day[0].number if len(on_day) == 1 else None
    # No stage list: as many stages as days leaves no day for a prologue or a rest, so
    # the n-th day runs stage n.
    days = (edition.end - edition.start).days + 1
    if edition.stage_count == days:
        return (published - edition.start).days + 1
    return None
