"""A story's kind from the kind words (feeds/nlp/kinds) and the other tags.

Each kind scores its words; a transfer story (the transfer extractor's verdict) counts
as `TRANSFER_WEIGHT` headline transfer words, so it is a transfer unless the headline
says something else louder, or unless the story's own words tell another kind: a
headline of another kind with no transfer word over a text that agrees (a crash report
mentioning the rider's contract stays `crash`, a team presenting its kit `team`: a team
or crash headline's words count with the text's), or a headline naming no kind over a
text of team, line-up or crash words, or a headline naming a team's fate as often as
moves over a text of more team words than transfer words (a collapse or a merger and the
moves it causes). Under a silent headline, result words beside two
contract words or more count half: a transferred rider's palmares, not a race report;
and when no move was found, transfer words beside as many team words, two or more, or
beside more team words in the lead under a headline naming no rider, count as the team's
(a sponsor leaving, its riders looking for a contract elsewhere: the team's story; the
opening names the subject, the contracts told further down are its consequences), unless
a career's end is among them (a retirement thanking its sponsors); a rumour headlined with
its rider stays a transfer whatever budget its lead opens with. Under a headline naming
no kind and no rider, a move yields to a line-up's, crash's or team's words in the text
from one word fewer when the lead tells that kind and names no contract. A team or crash
headline over a text naming no contract at all keeps its kind even when a move is found
(a team presentation listing its riders): that move is a side remark, unless the
headline names the move itself (its rider and destination team).
The headline decides when it names a kind (a race report that mentions a crash is a
`result`, a crash that forces an abandon is a `crash`; as many result as crash words in
it make a `result`; when it names several, the text settles between them, each headline
word worth `HEADLINE_WEIGHT` of the text's), the text when the headline is silent; the
stages still to run count as a preview's words only opening a sentence of the headline
or lead, under a headline that reports no race; a single preview word beside
a single result word in the text is a preview, and so are result words under a silent
headline when the lead names two preview words or more and no more result words (the
favourites first, their past wins after), for a race not begun on an earlier day and a
lead naming no stage or today; a lead telling the day's stage with a result word makes
its preview words count one less and takes the tie away from them (a report's scene:
the route, the favourites). `result`, `preview` and `lineup` need a
race or a stage to be about, and a `result` a race that ran about the publication date
(feeds/races/timing.py); result words before a race about to start are a `preview`'s,
unless the text names a line-up: then they are the chosen riders' palmares, and a line-up
word tied with other kinds' single words says who starts.
When neither the headline nor the text names a kind, a headline naming a race and a team
is a `lineup` ("Tour de France: Visma with Vingegaard and Van Aert"); a story that names
no rider, team or race is `other`; so is a crash the text names under a headline naming
no kind, when the lead looks a year or more back and tells no racing of the day (an
anniversary, the surgeon's interview).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from feeds.models import StoryKind

TRANSFER_WEIGHT = 2
TEXT_CAP = 4
"""One word repeated all through a long text says no more than a few times."""
HEADLINE_WEIGHT = 2
"""A headline's word against the text's when the headline names several kinds: the
text's words (each kind's capped at `TEXT_CAP`) decide between them when they outnumber
the headline's difference twice over."""
OWN_KINDS: tuple[StoryKind, ...] = ("result", "preview", "lineup", "crash", "team")
SILENT_KINDS: tuple[StoryKind, ...] = ("lineup", "crash", "team")
"""Kinds whose words in the text alone outweigh a move; a result's are too often a
transferred rider's palmares."""
NO_MOVE_KINDS: tuple[StoryKind, ...] = ("crash", "team")
"""Kinds whose headline words count beside their text's against the transfer words."""
PALMARES_AFTER = 2
"""Transfer words in the text from which its result words count half (a palmares)."""
OWN_TEXT = 3
"""Words of one kind in the text that make a story under a headline naming no kind that
kind's, moves or not (twice the transfer words at least)."""
LEAD_TELLS = 1
"""Words fewer than `OWN_TEXT` asks of a kind the lead tells alone, with no contract word:
the opening names the subject, a move found further down is its side remark."""
MIN_TEXT_SCORE = 1
"""With a silent headline, the text needs this much to name a kind: in a cycling story
one kind word in the opening says more than none, when no other kind has one too."""
RACE_KINDS: frozenset[str] = frozenset({"result", "preview", "lineup"})
# Ties go to the kind earlier here: a crash first (fantasy players want them), then a
# transfer (a champion retiring is still a transfer story), then a preview before a
# result (a preview's headline borrows result words, "battle for the yellow jersey", far
# more often than a report's borrows preview words).
ORDER: tuple[StoryKind, ...] = ("crash", "transfer", "preview", "result", "lineup", "team", "other")


@dataclass(slots=True)
class KindEvidence:
    title: Counter[str]
    text: Counter[str]
    has_race: bool
    """A race or a stage is named."""
    cycling: bool
    """A rider, team, staff member or race is named."""
    is_transfer: bool
    race_near: bool
    """A race named ran about the publication date (or the date is unknown)."""
    title_team: bool
    """The headline names a team."""
    title_race: bool
    race_ahead: bool = False
    """A race named starts shortly after the publication date."""
    recalled: bool = False
    """The headline or lead looks a year or more back and tells no racing of the day."""
    lead: Counter[str] = field(default_factory=Counter)
    """The text's words in its lead (counted in `text` too)."""
    race_far: bool = False
    """A race of the calendar is named and none ran about the (known) publication date."""
    race_under_way: bool = False
    """A race named began before the (full) publication date: it is being or was raced."""
    title_rider: bool = False
    """The headline names a rider: the story is that rider's, whatever the lead opens with."""
    title_move: bool = False
    """The headline names a found move's rider and its destination team: it tells the move."""


def _stages_ahead(title: Counter[str], text: Counter[str], lead: Counter[str]) -> None:
    """The stages still to run ("Here are the stages ahead", "Las etapas que quedan:") as
    a preview's words: only opening a sentence (feeds/races/mentions.py) in the headline or
    lead, under a headline reporting no race (a week-three guide, not a stage report whose
    last line looks ahead)."""
    if title["result"]:
        return
    title["preview"] += title["ahead"]
    text["preview"] += lead["ahead"]


def _told_otherwise(title: Counter[str], text: Counter[str], evidence: KindEvidence) -> bool:
    """Whether the story's own words outweigh the moves it tells: a headline naming
    another kind and no transfer word, over a text that agrees ("Team presents its new
    kit", "Rider breaks his collarbone"), or a headline naming no kind over a text of
    another kind's words ("where the Slovenians start their season"). A sponsor's news
    lists riders signed, a crash report the rider's contract, in passing."""
    if title["transfer"]:
        # A team's fate told with the moves it causes ("collapse leaves riders
        # scrambling", "Fusion : des départs en cascade"): as many team words as transfer
        # words in the headline, more in the text. The moves are its consequences.
        return title["team"] >= title["transfer"] and text["team"] > text["transfer"]
    titled = [k for k in OWN_KINDS if title[k]]
    if titled:
        # A team or crash headline over a text naming no contract at all: the move the
        # extractor found is a side remark ("presents its fifteenth season" over a text
        # that lists the season's riders), and the headline's kind stands.
        # Not when the headline itself names the move, its rider and its destination
        # ("Back from his crash, X heads to Y"): the text's phrasing of it may simply be
        # missing from the lexicon.
        if (
            not text["transfer"]
            and not evidence.title_move
            and any(k in NO_MOVE_KINDS for k in titled)
        ):
            return True
        return any(text[k] and _agreeing(k, title, text) >= text["transfer"] for k in titled)
    # A lead telling that kind and no contract names the subject: the move the body
    # tells is its side remark, and one word fewer in the text is enough. Not under a
    # headline naming a rider: that rider's signing is the subject, and a lead giving
    # his race programme first tells the move's consequences.
    sooner = not evidence.title_rider
    return any(
        text[k] >= (OWN_TEXT - LEAD_TELLS if sooner and _lead_tells(k, evidence.lead) else OWN_TEXT)
        and text[k] >= 2 * text["transfer"]
        for k in SILENT_KINDS
    )


def _lead_tells(kind: StoryKind, lead: Counter[str]) -> bool:
    """The lead names `kind`'s words, no transfer word and no other kind's more often
    ("the Slovenians' programmes for the Vuelta" opening a story that names, further down,
    the team one of them has left)."""
    return (
        bool(lead[kind]) and not lead["transfer"] and all(lead[k] <= lead[kind] for k in OWN_KINDS)
    )


def _agreeing(kind: StoryKind, title: Counter[str], text: Counter[str]) -> int:
    """A headline kind's words in the text, and in the headline too for a kind whose
    words never tell a move: "Team presentation 2023" over a text naming the newcomers'
    contracts as often as the sponsors. A line-up's do ("will ride for X from 2026")."""
    return text[kind] + (title[kind] if kind in NO_MOVE_KINDS else 0)


def not_cycling(evidence: KindEvidence) -> bool:
    """The rules' gate: no rider, team or race and no cycling move, so not cycling news
    (a football or motor-racing contract): `other`, whatever its words."""
    return not evidence.cycling and not evidence.is_transfer


def decide_kind(evidence: KindEvidence) -> StoryKind:
    if not_cycling(evidence):
        return "other"
    title = evidence.title.copy()
    text = evidence.text.copy()
    _stages_ahead(title, text, evidence.lead)
    if evidence.is_transfer and not _told_otherwise(title, text, evidence):
        title["transfer"] += TRANSFER_WEIGHT
    if evidence.race_ahead and not evidence.race_near:
        # Talk of winning before the race is anticipation: "will he win a fourth Ronde?"
        title["preview"] += title.pop("result", 0)
        recalled_wins = text.pop("result", 0)
        # Beside a line-up's words they are the chosen riders' past wins ("as winner of
        # the Tour de Suisse he must go"), not a forecast: a selection is no preview.
        if not text["lineup"]:
            text["preview"] += recalled_wins
    allowed = [
        k
        for k in ORDER
        if (evidence.has_race or k not in RACE_KINDS) and (evidence.race_near or k != "result")
    ]
    titled = [k for k in allowed if title[k]]
    if titled:
        # The text says which of the headline's kinds the story is: "Another triumph for
        # Bilbao: renewed after his historic win" over a text of contract words.
        best = max(titled, key=lambda k: HEADLINE_WEIGHT * title[k] + min(text[k], TEXT_CAP))
        # A headline with as many result words as crash words reports a race that had a
        # crash (a win dedicated to a team-mate in hospital): the corpus's rule, whatever
        # the text dwells on. A crash that ends a race says so louder ("crashes out").
        if best == "crash" and "result" in titled and title["result"] == title["crash"]:
            return "result"
        return best
    scores = {k: min(text[k], TEXT_CAP) for k in allowed}
    if "result" in scores and text["transfer"] >= PALMARES_AFTER:
        # Results beside a contract's words are mostly the rider's palmares.
        scores["result"] = min(text["result"] // 2, TEXT_CAP)
    if _team_outweighs_contracts(evidence, text):
        # No move found: contract and rumour words beside as many team words are the
        # team's own story (a closure's riders looking for a place, a licence's budget).
        # They count as the team's, its consequences: the team wins outright rather than
        # leaving a tie with a single result word to be read as a report.
        scores["team"] = max(scores["team"], scores["transfer"])
        scores["transfer"] = 0
    if "preview" in scores and _lead_looks_ahead(evidence):
        # A lead telling what is to come ("promises a duel", "the start list shows") ahead
        # of the past wins it then recalls: the riders' palmares, not a report.
        scores["preview"] = max(scores["preview"], scores.get("result", 0))
    reported = _lead_reports_the_day(evidence.lead)
    if reported and scores.get("preview"):
        # A report's scene-setting: its preview words need one more than the result's,
        # and a single one beside a single result word no longer wins the tie.
        scores["preview"] -= 1
    best = max(allowed, key=lambda k: scores[k])
    # A single word decides only when no other kind has one as well, except a preview
    # word beside a result word: a preview recalls past wins, a report seldom looks ahead.
    tied = {k for k in allowed if scores[k] == scores[best]}
    alone = scores[best] > 1 or len(tied) == 1 or (tied == {"preview", "result"} and not reported)
    if scores[best] >= MIN_TEXT_SCORE and alone:
        # A crash a year or more back, told under a headline naming no kind (the surgeon
        # looks back, an anniversary): no news of a crash.
        if best == "crash" and evidence.recalled:
            return "other"
        return best
    # Before the race, a line-up word tied with other kinds' single words tells who
    # starts (the teams' announced riders), as a headline naming a race and a team does.
    before_race = evidence.race_ahead and not evidence.race_near
    if "lineup" in allowed and (
        (evidence.title_team and evidence.title_race) or (before_race and "lineup" in tied)
    ):
        return "lineup"
    if _unplaced_report(evidence):
        return "result"
    return "other"


RACED = ("stage", "prologue", "overall")
"""Words of a race being run (a stage, a prologue, the overall standings)."""


def _unplaced_report(evidence: KindEvidence) -> bool:
    """Result words that no kind won, in a story of a race being run: a race the calendar
    does not hold (a small race, a title abroad) or a tie with another kind's single word.
    The spoiler shield hides results, so such a report left as `other` would leak one.
    Result words alone are not enough ("wins the award", "wins in court"), nor beside
    another topic's words (doping, another sport), nor about a calendar race far from its
    days (a look back)."""
    title, text = evidence.title, evidence.text
    raced = evidence.has_race or any(title[k] or text[k] for k in RACED)
    return (
        bool(title["result"] or text["result"])
        and raced
        and not (title["other"] or text["other"])
        and not evidence.race_far
    )


TEAM_OVER_CONTRACTS = 2
"""Team words, at least, that take a tie from the transfer words when no move was found:
one sponsor or budget named in passing is in any rider's story (an interview, a
retirement thanking the sponsors); a sponsor leaving and a closure name the team's fate
twice or more."""


def _team_outweighs_contracts(evidence: KindEvidence, text: Counter[str]) -> bool:
    """No move found, and the team words at least `TEAM_OVER_CONTRACTS` and as many as the
    transfer words, with no career's end among them: a retirement has no destination, so
    the extractor finds no move there by construction, and its thanks to the sponsors are
    no team news. The lead decides as well: team words opening the story, more than its
    transfer words, name its subject (a sponsor's arrival, a licence, a merger), and the
    contracts told further down are that subject's consequences, unless the headline
    names a rider: a rumour opening on the team's budget or new sponsor ("with a bigger
    budget, X want a leader") is still the rider's transfer story."""
    lead = evidence.lead
    return (
        not evidence.is_transfer
        and not text["retire"]
        and (
            (text["team"] >= TEAM_OVER_CONTRACTS and text["team"] >= text["transfer"])
            or (lead["team"] > lead["transfer"] and not evidence.title_rider)
        )
    )


LEAD_AHEAD = 2
"""Preview words in the lead, at least, that make it look ahead."""
RACED_NOW = ("stage", "prologue", "today")
"""Lead words of a race being run: a report's scene-setting names the day's stage."""


def _lead_looks_ahead(evidence: KindEvidence) -> bool:
    """The lead names two preview words or more, and no fewer than result words, about a
    race not yet begun on a previous day, naming no stage, prologue or today: a report's
    opening sets the scene with the route and the favourites too ("a route with five
    gravel sectors, the favourites hid"), and its result words must not be lifted to a
    preview's. A race's first day still counts (the preview published that morning)."""
    lead = evidence.lead
    return (
        lead["preview"] >= LEAD_AHEAD
        and lead["preview"] >= lead["result"]
        and not evidence.race_under_way
        and not any(lead[k] for k in RACED_NOW)
    )


def _lead_reports_the_day(lead: Counter[str]) -> bool:
    """The lead tells the day's racing: a result word beside a stage, prologue or today
    word, and no "the stages ahead" opening a sentence (a guide to the week to come). Its
    route and favourites set a report's scene ("on a route made for the puncheurs, the
    favourites marked each other until the final climb"), not a preview's."""
    return bool(lead["result"]) and any(lead[k] for k in RACED_NOW) and not lead["ahead"]
