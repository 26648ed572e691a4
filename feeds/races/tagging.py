"""The race tagger: a story's races, the race in focus and the story's kind.

Built once from a calendar (the Tagger builds it beside the roster's automaton) and then
only read, so one instance serves every thread. It reads the title and the text apart
(a race or a kind word in the headline counts more), settles each race name:

- a name shared by a men's race and its women's counterpart ("Tour de France" is both,
  "De Ronde" too) is the women's race in a women's story: one whose named teams and
  riders are mostly women's, or whose words say so ("Femmes", "donne");
- a short name ("the Tour", "Giro", "Flanders", "Worlds") counts only written with a
  capital, in a cycling story (a rider, team or full race name in it), and not beside a
  word that makes it something else ("World Tour", "in Flanders", "Giro di Sicilia"; a
  word after a full stop or a comma is the next sentence's: "in de Tour. De Brit");
  a region or a town is never a race unless the calendar's full name is used; nor is a
  one-word short name that ends another race's name ("AlUla Tour", "Saudi Tour"),
  unless the word before it is one of its editions' hosts ("the Paris Olympics");
- a race name followed or preceded by an age category ("Giro sub-23", "Giro Next Gen",
  "the junior Tour of Flanders") is that category's race, not listed; so is one beside
  another sport's or discipline's word ("svetovno prvenstvo v nogometu", "Mundial en
  pista"; feeds/races/other_events.py);
- a word right after a name can say which sex's race it is ("Tour de France masculino"
  in a women's story, "Rundfahrt der Frauen"), and one right before it ("the men's Tour
  de France");
- a name two nations' championships share ("DM": Danish in Danish, German in German) is
  the championships of the nation the story's riders are from;
- a champion's title dated by its year ("world champion in 2013") names the
  championship (feeds/races/titles.py), and "his national championships" the
  championships of the rider's nation (feeds/races/nationals.py),

and then decides the kind (feeds/races/kind.py) and the focus (feeds/races/focus.py).
Kind words are read in the story's language (the feed's declared one, else the one its
stop words tell, with English beside it), every language pooled only when neither names
a language with a kind lexicon: a word of one language is often an ordinary word of
another ("corre*" starts "correspondent").
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from feeds.models import Mention, Move, RaceFocus, StoryKind
from feeds.nlp.document import Document
from feeds.nlp.kinds import KindLexicon, bundled_kind_lexicons
from feeds.nlp.transfers.language import declared, detect
from feeds.races import bundled_calendar
from feeds.races.focus import FocusEvidence, Seasons, choose_focus
from feeds.races.kind import KindEvidence, decide_kind
from feeds.races.kind_features import KindInputs, masked_words
from feeds.races.kind_model import KindModel, bundled_kind_model
from feeds.races.lists import listed_races, words_for
from feeds.races.mentions import (
    RaceHit,
    capitalised,
    dated,
    dated_after_article,
    ends_a_name,
    ends_a_sentence,
    neighbours,
    read_part,
    starts_a_sentence,
)
from feeds.races.model import Calendar, MonthDate, Race
from feeds.races.nationals import Nationals, RiderNations, bundled_nationals, nationalities
from feeds.races.other_events import OtherEvents, bundled_other_events
from feeds.races.scan import TitleMatch, WholeText, WholeTextScanner
from feeds.races.sex import RiderSexes, sex_marked, women_story
from feeds.races.stage_days import day_named, day_words, started
from feeds.races.terms import ShortName, Terms, bundled_short_names, in_context
from feeds.races.timing import ran_about, starts_soon, under_way
from feeds.races.titles import Titles, bundled_titles
from feeds.races.wins import Labels
from feeds.roster import Roster
from feeds.text.fold import FoldedText, fold_tokens


def _name_mark(kind: str) -> str:
    """A mention's placeholder among the kind model's words (kind_features.masked_words):
    a retired rider is a rider."""
    return kind if kind in ("team", "staff") else "rider"


log = logging.getLogger(__name__)

LEAD_CHARS = 400
"""The lead: where a report says which stage it is about."""
KIND_CHARS = 3000
"""Kind words are read in the headline and the text's opening: a report says what it is
early, and the many kind words need not be matched through a long text."""
MAX_TEXT_CHARS = 100_000
"""Races are read in a text's first 100,000 characters: news is far shorter, and a
hostile megabyte costs no more than that."""


@dataclass(frozen=True, slots=True)
class RaceTags:
    races: list[str]
    race_focus: RaceFocus | None
    kind: StoryKind
    rules_kind: StoryKind | None = None
    """The rules' kind (feeds/races/kind.py), before any learned model."""
    kind_inputs: KindInputs | None = None
    """What the kind was read from, for the learned model (feeds/races/kind_features.py)."""


class RaceTagger:
    """Races, race focus and kind for stories; build once per calendar, share freely."""

    def __init__(
        self,
        calendar: Calendar,
        shorts: Sequence[tuple[tuple[str, ...], ShortName]],
        lexicons: Mapping[str, KindLexicon],
        titles: Titles | None = None,
        nationals: Nationals | None = None,
        other_events: OtherEvents | None = None,
        kind_model: KindModel | None = None,
    ) -> None:
        """`kind_model`: a learned story-kind model that overrides the rules' kind (None:
        the rules decide; docs/ARCHITECTURE.md, "A learned story-kind model")."""
        self.calendar = calendar
        self.kind_model = kind_model
        self.titles = titles
        self.nationals = nationals
        self.other_events = other_events
        self.seasons = Seasons(calendar)
        self.terms = Terms(calendar, shorts, lexicons, nationals.names if nationals else None)
        # Race names, titles and national-championship words: one walk over the text.
        self.whole_text = WholeTextScanner(
            self.terms.race_items(),
            titles.automaton.items() if titles and titles.automaton else (),
            nationals.automaton.items() if nationals and nationals.automaton else (),
        )
        # A men's race -> its women's counterpart (the women's race names the men's).
        self._women_of = {
            race.counterpart: race.id for race in calendar.races.values() if race.counterpart
        }
        # A race that moves -> its editions' hosts, folded: "the Paris Olympics", "the
        # Glasgow Worlds" name the edition by its host, not another race ending in "Worlds".
        hosts: dict[str, set[str]] = {}
        for edition in calendar.editions.values():
            if edition.host:
                hosts.setdefault(edition.race_id, set()).add(" ".join(fold_tokens(edition.host)))
        self._hosts = {race_id: frozenset(names) for race_id, names in hosts.items()}

    def tag(
        self,
        title: str,
        text: str,
        published: date | None,
        mentions: Sequence[Mention],
        roster: Roster,
        moves: Sequence[Move] = (),
        is_transfer: bool = False,
    ) -> RaceTags:
        """`mentions` are the tagger's (offsets into `title + "\\n\\n" + text`). Never
        raises: a bug on one story reads as "no race, kind other", and the story keeps its
        riders, teams and moves."""
        return self.tag_document(
            Document(title, text, published), mentions, roster, moves, is_transfer
        )

    def tag_document(
        self,
        doc: Document,
        mentions: Sequence[Mention],
        roster: Roster,
        moves: Sequence[Move] = (),
        is_transfer: bool = False,
    ) -> RaceTags:
        """`tag` for a story already built as a `Document`: its fold is reused when the
        body is within the part read (`MAX_TEXT_CHARS`)."""
        try:
            if len(doc.body) <= MAX_TEXT_CHARS:
                ft = doc.folded
            else:
                ft = FoldedText(f"{doc.title}\n\n{doc.body[:MAX_TEXT_CHARS]}")
            language = self._language(doc)
            return self._tag(
                doc.title, ft, doc.published, mentions, roster, moves, is_transfer, language
            )
        except Exception:
            log.exception("race tagging failed on %r", doc.title[:80])
            return RaceTags([], None, "other")

    def _tag(
        self,
        title: str,
        ft: FoldedText,
        published: date | None,
        mentions: Sequence[Mention],
        roster: Roster,
        moves: Sequence[Move],
        is_transfer: bool,
        language: str | None,
    ) -> RaceTags:
        # One fold for both parts: the title's words come first, each key owning the
        # space before it, so the title ends where its last key does.
        split = 1 + sum(len(word) + 2 for word in fold_tokens(title))
        size = len(ft.folded)
        spans = sorted((m.start, m.end) for m in mentions)
        whole = self.whole_text.scan(ft.folded)
        head = read_part(
            self.terms, ft, 0, split, 0, split, language, spans, whole.races_in(0, split)
        )
        body = read_part(
            self.terms,
            ft,
            split,
            size,
            split + LEAD_CHARS,
            split + KIND_CHARS,
            language,
            spans,
            whole.races_in(split, size),
        )
        # A championship's name inside a champion's title ("the reigning Olympic road race
        # champion") is the title's: it counts as the titles decide, not as a name.
        if whole.titles:
            head.hits = outside_titles(head.hits, whole.titles)
            body.hits = outside_titles(body.hits, whole.titles)
        # Races listed under one race word ("the Tours of Flanders and Wallonia").
        lists = words_for(language)
        for part, (lo, hi) in ((head, (0, split)), (body, (split, size))):
            listed = listed_races(ft, part.hits, self.terms.race_term, lists, lo, hi)
            if listed:
                part.hits = sorted((*part.hits, *listed), key=lambda h: h.start)
        # Only a race name is read by sex: a story naming none skips the roster lookups.
        women = bool(head.hits or body.hits) and women_story(
            mentions, roster, published, head.concepts, body.concepts
        )
        full_race = any(h.short is None for h in (*head.hits, *body.hits))
        cycling = bool(mentions) or full_race
        nations = RiderNations(mentions, roster)
        title_races = self._settle(head.hits, ft, women, cycling, nations, language)
        named = frozenset(m.end for m in mentions)
        sexes = RiderSexes(mentions, roster, published, ft.original) if mentions else None
        text_races = self._settle(body.hits, ft, women, cycling, nations, language, named, sexes)
        # Championships named without their name: a win stated by a dated title ("world
        # champion in 2013"), a nation's championships by a rider's nationality. They add
        # races, not mentions the focus weighs.
        labels = Labels(ft, sorted(m.start for m in mentions if m.kind == "rider"))
        implied = (
            self.titles.find(ft.folded, whole.titles, labels) if self.titles and cycling else []
        )
        # Riders' nations only for a story with the generic words (few have them).
        if self.nationals is not None and whole.nationals:
            implied += self.nationals.find(
                ft, mentions, nationalities(mentions, roster), whole.nationals
            )
        races = list(dict.fromkeys((*title_races, *text_races, *implied)))
        # A championship the headline names only by its title won ("X prvič državna
        # prvakinja", "Y new Belgian champion") is what the story reports: its focus.
        head_implied = self._headline_implied(ft, split, whole, labels, mentions, roster, cycling)
        head_implied = self._road_titles(head_implied, ft.folded[: split + LEAD_CHARS], published)

        title_team = any(m.kind == "team" and m.start < len(title) for m in mentions)
        # Who and which teams the headline names: a rider headlining the story makes it
        # his, a found move whose rider and destination it names is the story told.
        headline = {m.entity_id for m in mentions if m.start < len(title)}
        # The headline's races when it names some: a selection for the Tour that looks
        # back on the Giro just run is not a result.
        timed = title_races or races
        ran_near = published is not None and any(
            ran_about(self.seasons, r, published) for r in timed
        )
        kind_evidence = KindEvidence(
            head.concepts,
            body.concepts,
            has_race=bool(races) or bool(head.stages),
            cycling=cycling or bool(races),
            is_transfer=is_transfer or bool(moves),
            race_near=published is None or ran_near,
            race_ahead=published is not None
            and any(starts_soon(self.seasons, r, published) for r in timed),
            title_team=title_team,
            title_race=bool(title_races),
            title_rider=any(m.kind == "rider" and m.start < len(title) for m in mentions),
            title_move=any(m.person_id in headline and m.to_team_id in headline for m in moves),
            race_far=published is not None and bool(timed) and not ran_near,
            lead=body.lead_concepts,
            race_under_way=published is not None
            and any(under_way(self.seasons, r, published) for r in timed),
            # a look back, then news: "Last year X crashed... He crashed again
            # yesterday" (a stage number is no sign: the look back has one too)
            recalled=(head.lead_past or body.lead_past)
            and not any(p.lead_today or p.lead_anew for p in (head, body)),
        )
        rules_kind = kind = decide_kind(kind_evidence)
        # The model reads words with names masked: a kind's words, never whose story.
        title_count = len(ft.folded[:split].split())
        lede_end = min(ft.word_count, ft.word_index(split + LEAD_CHARS - 1) + 1)
        names = sorted((m.start, m.end, _name_mark(m.kind)) for m in mentions)
        race_spans = [(h.start, h.end) for h in (*head.hits, *body.hits)]
        inputs = KindInputs(
            kind_evidence,
            masked_words(ft, 0, title_count, names, race_spans),
            masked_words(ft, title_count, max(title_count, lede_end), names, race_spans),
            language,
            len(moves),
            len({m.entity_id for m in mentions if m.kind == "rider"}),
            len({m.entity_id for m in mentions if m.kind == "team"}),
            len(races),
            bool(head.stages or body.lead_stages),
        )
        if self.kind_model is not None:
            kind = self.kind_model.choose(inputs, rules_kind)
        evidence = FocusEvidence(
            title_races=list(dict.fromkeys((*title_races, *head_implied))),
            counts=Counter((*title_races, *text_races, *head_implied)),
            title_stages=head.stages,
            lead_stages=body.lead_stages,
            title_years=head.years,
            text_years=body.years,
            overall=bool(head.concepts["overall"]) or body.lead_overall,
            title_team=title_team,
            lead_text=ft.folded[: split + LEAD_CHARS],
            lead_today=head.lead_today or body.lead_today,
            next_year=head.concepts["next_year"] > 0 or body.lead_next_year,
            lead_stage_noun=bool(head.concepts["stage"] or body.lead_concepts["stage"]),
            last_stage=head.lead_last_stage or body.lead_last_stage,
            last_stage_at=tuple((s, e) for c, s, e in body.lead_flag_spans if c == "last_stage"),
            race_spans=tuple((h.start, h.end, h.races) for h in (*head.hits, *body.hits)),
        )
        # The day a morning-after report names ("caduto ieri"), and the stages a rider
        # starts next ("did not start stage 5"): read for a crash or a result only.
        if kind in ("crash", "result"):
            days = day_words(language)
            evidence.title_started = tuple(started(ft.folded, at, days) for at in head.stage_at)
            evidence.lead_started = tuple(started(ft.folded, at, days) for at in body.lead_stage_at)
            # A result's own day is the publication day's even beside a crash recalled
            # from the day before ("won in Napoli; his teammate crashed yesterday").
            if kind == "crash" and published is not None and not isinstance(published, MonthDate):
                lead_end = split + LEAD_CHARS
                cues = [c for c in (*head.day_cues, *body.day_cues) if c[1] < lead_end]
                parts = ((0, split), (split, min(size, lead_end)))
                evidence.news_day = day_named(ft, cues, parts, published, days)
        focus = choose_focus(self.seasons, kind, evidence, published)
        return RaceTags(races, focus, kind, rules_kind, inputs)

    def _headline_implied(
        self,
        ft: FoldedText,
        split: int,
        whole: WholeText,
        labels: Labels,
        mentions: Sequence[Mention],
        roster: Roster,
        cycling: bool,
    ) -> list[str]:
        """The championships the headline states won by a title, not by name."""
        out: list[str] = []
        titles = [m for m in whole.titles if m[0] < split]
        if self.titles is not None and cycling and titles:
            out += self.titles.find(ft.folded, titles, labels)
        nationals = [m for m in whole.nationals if m[0] < split]
        if self.nationals is not None and nationals:
            out += self.nationals.find(ft, mentions, nationalities(mentions, roster), nationals)
        return out

    def _road_titles(self, races: list[str], lead: str, published: date | None) -> list[str]:
        """The headline's title-won championships read as the road's: run about the
        publication day (a Belgian title crowned in January is cyclo-cross's, not June's
        road race's), and in a headline and lead that name no other discipline ("crowned
        champion on the track")."""
        if not races or published is None:
            return []
        if self.other_events is not None and self.other_events.names_discipline(lead.split()):
            return []
        return [
            r
            for r in races
            if ran_about(self.seasons, r, published)
            and (self.nationals is None or self.nationals.in_season(r, published))
        ]

    def _language(self, doc: Document) -> str | None:
        """The language whose kind words a story is read with: the feed's declared one,
        else the one its stop words tell; None (every language pooled) when neither names
        a language with kind words."""
        code = declared(doc.language) or detect(doc.low)
        return code if self.terms.routed(code) else None

    def _settle(
        self,
        hits: list[RaceHit],
        ft: FoldedText,
        women: bool,
        cycling: bool,
        nations: RiderNations,
        language: str | None,
        named: frozenset[int] | None = None,
        sexes: RiderSexes | None = None,
    ) -> list[str]:
        """Each hit's race, in text order, the hits that are not races left out. `named`
        (the text's hits only: a headline may capitalise every word) holds where the
        story's riders and teams end, for a short name that may end another name."""
        out = []
        for hit in hits:
            if hit.short is not None and not (cycling and self._short_counts(hit, hit.short, ft)):
                continue
            if _other_language(hit.short, language):
                continue  # "DM" in English is a direct message
            if hit.short is not None and not self._in_context(hit, hit.short, ft):
                continue  # "na SP v Planici": ski flying's championships
            if (
                hit.short is not None
                and named is not None
                and ends_a_name(ft, hit, named)
                and not self._after_host(hit, hit.short, ft)
            ):
                continue
            opens = starts_a_sentence(ft, hit)
            if self.other_events and self.other_events.follows(
                ft.folded,
                hit.start,
                hit.end,
                look_before=not opens,
                look_after=not ends_a_sentence(ft, hit),
                language=language,
            ):
                continue
            of_women = sex_marked(ft.folded, hit, self._sex_here(hit, ft, women, sexes), not opens)
            race = self._one_race(hit.races, of_women, nations, language)
            if race is not None:
                out.append(race.id)
        return out

    @staticmethod
    def _sex_here(hit: RaceHit, ft: FoldedText, women: bool, sexes: RiderSexes | None) -> bool:
        """The sex a name's paragraph is about: its main rider named last before it ("in
        2014 werd ze wereldkampioene" after Ferrand-Prévot), else the story's."""
        if sexes is None:
            return women
        start, end, _, _ = ft.span(hit.start, hit.end)
        return sexes.here(start, end, women)

    def _in_context(self, hit: RaceHit, rule: ShortName, ft: FoldedText) -> bool:
        if not rule.context:
            return True
        start, end, _, _ = ft.span(hit.start, hit.end)
        return in_context(rule, ft.original, start, end, self._hosts.get(rule.race_id, frozenset()))

    def _after_host(self, hit: RaceHit, rule: ShortName, ft: FoldedText) -> bool:
        """Whether the capitalised word before a short name is one of its race's hosts."""
        before, _ = neighbours(ft.folded, hit)
        return before in self._hosts.get(rule.race_id, frozenset())

    def _short_counts(self, hit: RaceHit, rule: ShortName, ft: FoldedText) -> bool:
        before, after = neighbours(ft.folded, hit)
        if before in rule.not_after and not dated_after_article(ft, hit):
            return False
        if (
            after in rule.not_before
            and not ends_a_sentence(ft, hit)
            and not dated(ft, hit)
            and not self._hosted(hit, rule, ft)
            and not self._road_event_after(hit, ft)
        ):
            return False
        return capitalised(ft, hit)

    def _road_event_after(self, hit: RaceHit, ft: FoldedText) -> bool:
        """Whether one of the road's events follows a short name ("no Europeu de
        contrarrelógio", "el Mundial en ruta"): the phrase a title is won in
        (titles.toml's `events`), where the linking word alone may link another event."""
        if self.titles is None:
            return False
        after = ft.folded[hit.end : hit.end + 64].split()
        return self.titles.cues.opens_with_event(after)

    def _hosted(self, hit: RaceHit, rule: ShortName, ft: FoldedText) -> bool:
        """Whether a linking word and one of the race's hosts follow a short name ("el
        Mundial de Zúrich", "les Mondiaux de Glasgow"): the edition named by its host,
        where the word alone links another event ("Mundial de Clubes")."""
        hosts = self._hosts.get(rule.race_id)
        if not hosts:
            return False
        after = ft.folded[hit.end : hit.end + 64].split()[1:4]
        return any(" ".join(after[:n]) in hosts for n in range(1, len(after) + 1))

    def _one_race(
        self,
        ids: tuple[str, ...],
        women: bool,
        nations: RiderNations | None = None,
        language: str | None = None,
    ) -> Race | None:
        races = [r for r in (self.calendar.race(i) for i in ids) if r is not None]
        if not races:
            return None
        if len(races) == 1:
            race = races[0]
            # A short name names the men's race; a women's story means the women's.
            if women and race.sex == "men" and race.id in self._women_of:
                return self.calendar.race(self._women_of[race.id]) or race
            # A men's stage race with no women's race in the calendar, in a women's story,
            # is the women's race of its name, below the calendar's classes ("third in the
            # Tour of Norway"); a classic's women's race is listed under the men's name.
            if women and race.sex == "men" and race.kind == "stage":
                return None
            return race
        wanted = "women" if women else "men"
        of_sex = [r for r in races if r.sex == wanted] or races
        if nations is not None and len({r.country for r in of_sex}) > 1:
            # One name, two nations' championships ("DM": Danish and German): the
            # nation of the story's riders; on a tie, the one the story's language has
            # names for ("DM" in a German story with no rider of either nation), else
            # the first listed.
            counts = nations.counts()
            return max(of_sex, key=lambda r: (counts[r.country or ""], language in r.names))
        return of_sex[0]


def outside_titles(hits: list[RaceHit], titles: Sequence[TitleMatch]) -> list[RaceHit]:
    """The hits not inside a title of their race ("Olympic road race" in "the Olympic road
    race champion"); a short name stays ("drei WM-Titel": the title is no win, the name
    still names the event). Titles by start, with the furthest end reached so far: one bisect
    per hit, so thousands of each stay near linear."""
    spans = sorted((last - length + 1, last + 1, race) for last, (length, race) in titles)
    starts = [start for start, _, _ in spans]
    furthest: list[tuple[int, str]] = []
    for _, end, race in spans:
        furthest.append(max(furthest[-1], (end, race)) if furthest else (end, race))
    kept = []
    for hit in hits:
        at = bisect_right(starts, hit.start) - 1
        if at >= 0:
            end, race = furthest[at]
            inside = end >= hit.end and (spans[at][0], end) != (hit.start, hit.end)
            if inside and hit.short is None and race in hit.races:
                continue
        kept.append(hit)
    return kept


def _other_language(short: ShortName | None, language: str | None) -> bool:
    """A short name of some languages only, in a story known to be in another."""
    return bool(short and short.languages and language and language not in short.languages)


def race_tagger(calendar: Calendar | None = None, learned_kind: bool = True) -> RaceTagger:
    """A race tagger over `calendar` (the bundled one with stored imports on top,
    feeds.races.load_calendar), or over the bundled calendar when None. `learned_kind`
    off: the rules' kind alone, the bundled weights never read (what fits them)."""
    if calendar is None:
        return bundled_race_tagger() if learned_kind else bundled_rules_race_tagger()
    return _tagger_over(calendar, learned_kind)


@cache
def bundled_race_tagger() -> RaceTagger:
    """The bundled calendar's tagger, built once per process: parsing the calendar takes
    ~0.15 s, and every Tagger built from a roster (tests build many) shares it read-only."""
    return _tagger_over(bundled_calendar(), True)


@cache
def bundled_rules_race_tagger() -> RaceTagger:
    """The bundled calendar's tagger with the rules' kind (kind_training fits the weights
    the other one reads: it must start without them)."""
    return _tagger_over(bundled_calendar(), False)


def _tagger_over(calendar: Calendar, learned_kind: bool) -> RaceTagger:
    titles = bundled_titles(calendar)
    return RaceTagger(
        calendar,
        bundled_short_names(calendar),
        bundled_kind_lexicons(),
        titles,
        bundled_nationals(calendar, titles.cues),
        bundled_other_events(),
        # The story kind is the learned model's (docs/ARCHITECTURE.md, "A learned
        # story-kind model": it carried to left-out sets better than the rules).
        bundled_kind_model() if learned_kind else None,
    )
