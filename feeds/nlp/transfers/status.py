"""Rumour or confirmed: each sentence's status from hedges, disputes, reports and
announcements, and a person's from the sentences that carry their move.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from feeds.nlp.lexicon import pooled, story_lexicon
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import WORD_START, Covered, Span, within

UNHEDGED = 0.25
ANNOUNCEMENT_REACH = 16
"""Characters after an attribution where the announcement it names may start."""
_LEX = pooled()
_ATTRIBUTIONS = _LEX["attributions"]
_TEAM_SOURCE = re.compile(
    r"\s+(?:(?:de|het|la|le|il|lo|das|die|der|el|the)\s+|l')(?:[\w-]+\s+){0,2}?"
    r"(?:" + _LEX.alternation("team_nouns") + r")\b"
)
_ANNOUNCING_VERB = re.compile(
    r"\s+(?:(?:"
    + _LEX.alternation("announcing_auxiliaries")
    + r")\s+)?(?:"
    + _LEX.alternation("announcing_verbs")
    + r")\b"
)


# The cue families a sentence's status reads; with none of them it is silent.
STATUS_FAMILIES = ("superseded", "fulfilled", "dispute", "rumour", "reported", "confirmed", "weak")


def _status_starts(story: Story) -> list[int]:
    starts = story.status_starts
    if starts is None:
        hits = story.hits
        starts = sorted(h.start for f in STATUS_FAMILIES for h in hits.get(f, ()))
        story.status_starts = starts
    return starts


def sentence_status(story: Story, span: Span) -> int:
    """+1 announced, -1 hedged, -2 disputed, 0 silent."""
    start, end = span.start, span.end
    # Most sentences hold no status cue at all: one bisect tells, not six.
    starts = _status_starts(story)
    at = bisect_left(starts, start)
    if at == len(starts) or starts[at] >= end:
        return 0
    return _cued_status(story, span)


def _cued_status(story: Story, span: Span) -> int:
    """`sentence_status` of a sentence holding at least one status cue."""
    start, end = span.start, span.end
    confirmed = within(story.hits.get("confirmed", []), start, end)
    # "after weeks of rumours ... confirmed", "the rumours are now confirmed": a rumour
    # told as over, but only with its sentence's announcement; without one, "nach
    # Gerüchten aus der Schweiz" (according to rumours) and "as first reported by Blick"
    # (a scoop credited) still hedge. "As expected, X signed" tells it as done anyway.
    told_over = within(story.hits.get("superseded", []), start, end) if confirmed else []
    fulfilled = within(story.hits.get("fulfilled", []), start, end)
    superseded = Covered([*told_over, *fulfilled])
    for hit in within(story.hits.get("dispute", []), start, end):
        if hit not in superseded:
            return -2
    # "im Interesse aller", "retour aux sources", "das wohl größte Talent": a hedge word in
    # its everyday sense, or judging the move rather than doubting it, hedges nothing.
    idioms = Covered(within(story.hits.get("idiom", []), start, end))
    announced_by_team = False
    for hit in within(story.hits.get("rumour", []), start, end):
        if hit in superseded or hit in idioms:
            continue
        if story.low.startswith(_ATTRIBUTIONS, hit.start) and _team_named_after(story, hit):
            announced_by_team = True  # "according to the team", "volgens de ploeg"
            continue
        return -1
    for hit in within(story.hits.get("reported", []), start, end):
        if not _team_speaks(story, hit):
            return -1  # "..., meldt Wielerflits", "écrit L'Équipe": a newspaper's word
    if says_unconfirmed(story, span):
        return -1  # "not yet confirmed", "nog niet bevestigen"
    if confirmed or announced_by_team:
        return 1
    weak = within(story.hits.get("weak", []), start, end)
    return -1 if any(hit not in idioms for hit in weak) else 0


def attributed(story: Story, span: Span) -> bool:
    """Does the span name a source other than the team ("according to", "selon L'Équipe",
    "..., meldt Wielerflits")? Such a source covers everything its sentence says."""
    start, end = span.start, span.end
    if any(
        story.low.startswith(_ATTRIBUTIONS, hit.start) and not _team_named_after(story, hit)
        for hit in within(story.hits.get("rumour", []), start, end)
    ):
        return True
    reports = within(story.hits.get("reported", []), start, end)
    return any(not _team_speaks(story, hit) for hit in reports)


NEGATION_REACH = 40
"""Characters before an announcement where a negation that takes it back may start."""


@cache
def _negations(languages: tuple[str, ...] | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What takes an announcement back, in the story's languages only (a word of one,
    "sem", Portuguese "without", is another's everyday word, Slovene "am"):

    - a negation a word or two before it, in its clause ("would not confirm", "n'a pas
      encore confirmé");
    - a "without" word whose own object it is, an article or adjective at most between
      them and no punctuation ("without official confirmation", "sin confirmación
      oficial"), never "without a contract, he signed" or "sin embargo, Tudor confirmó".
    """
    lexicon = story_lexicon(languages)
    negation = re.compile(
        WORD_START
        + r"(?:"
        + lexicon.alternation("negation")
        + r")[^\w,;:.!?]+(?:\w+[^\w,;:.!?]+){0,2}$"
    )
    without = "|".join(sorted(lexicon.words("without_words"))) or r"(?!x)x"
    return negation, re.compile(WORD_START + r"(?:" + without + r") (?:[\w-]+ ){0,2}$")


def says_unconfirmed(story: Story, span: Span) -> bool:
    """The sentence says the move is not confirmed ("would not confirm the news",
    "wilden het nieuws niet bevestigen", "n'a pas encore confirmé", "sans annonce
    officielle")."""
    negation, without = _negations(story.languages)
    for hit in within(story.hits.get("confirmed", []), span.start, span.end):
        reach = max(span.start, hit.start - NEGATION_REACH)
        if negation.search(story.low, reach, hit.start):
            return True
        if without.search(story.low, reach, hit.start) and not _announcer_follows(story, hit):
            return True
    return False


def _announcer_follows(story: Story, hit: Hit) -> bool:
    """Is the announcement a verb with its subject after it ("ohne Umschweife bestätigte
    das Team", "zonder omwegen bevestigde Tudor"), not the noun a "without" governs?"""
    if _team_source(story, hit.end):
        return True
    after = hit.end + 3
    return bool(within(story.teams, hit.end, after) or within(story.people, hit.end, after))


def _team_speaks(story: Story, hit: Hit) -> bool:
    """Is the source of a reporting verb the team ("meldt de Britse ploeg", "Tudor
    schrijft")? Then it is an announcement, not a newspaper's report."""
    if _team_source(story, hit.end):
        return True
    # ", meldt Wielerflits": the source follows; "Tudor meldt dat ...": it leads.
    after_clause = story.low[max(0, hit.start - 2) : hit.start].strip() in (",", ":")
    # "Das Team Tudor von Fabian Cancellara meldet": the team's person between them
    lead = hit.start
    owner = within(story.people, hit.start - 40, hit.start)
    if owner and not story.low[owner[-1].end : hit.start].strip():
        lead = owner[-1].start
    return any(
        hit.end <= t.start <= hit.end + 12 or (not after_clause and lead - 12 <= t.end)
        for t in within(story.teams, lead - 40, hit.end + 40)
        if t.start >= hit.end or t.end <= lead
    )


_CLAUSE_END = re.compile(r"[.,;:!?\n]")
SOURCE_GAP = 24
"""Characters after an announcing verb where the team that announced may still start."""
SOURCE_GAP_WORDS = 3
OWNER_WORDS = 4
"""Words after an announcement where its owner's marker may stand ("publié lundi par")."""


def _team_source(story: Story, at: int) -> bool:
    """'the team', 'de Zwitserse ploeg' right at `at`; not the newspaper L'Équipe."""
    found = _TEAM_SOURCE.match(story.low, at)
    if found is None:
        return False
    written = story.text[at : found.end()].replace("\u2019", "'").replace("L'Equipe", "L'Équipe")
    return "L'Équipe" not in written


def _team_named_after(story: Story, hit: Hit) -> bool:
    """ "according to the team", "selon Tudor", "según ha anunciado el equipo", "selon un
    communiqué": the team itself, or its announcement, is the source."""
    verb = _ANNOUNCING_VERB.match(story.low, hit.end)
    at = verb.end() if verb else hit.end
    if _team_source(story, at):
        return True
    if verb is not None and _source_after_time(story, at):
        return True
    # "selon un communiqué", "according to a press release": the announcement itself,
    # when it is the team's: unowned, or owned by the team ("...from Ineos"), never an
    # agent's, a newspaper's or a rival's ("a press release from his agent")
    if any(
        len(story.low[at : h.start].split()) <= 1 and _the_teams(story, h.end)
        for h in within(story.hits.get("confirmed", []), at, at + ANNOUNCEMENT_REACH)
    ):
        return True
    nearby = within(story.teams, at, at + 8)
    return any(at <= t.start <= at + 6 for t in nearby)


def _source_after_time(story: Story, at: int) -> bool:
    """ "según informó este jueves el equipo", "selon ce qu'a annoncé lundi l'équipe": a
    time of a word or two between the announcing verb and the team that announced."""
    stop = _CLAUSE_END.search(story.low, at, at + SOURCE_GAP)
    gap = story.low[at : stop.start() if stop else at + SOURCE_GAP]
    spaces = [i for i, c in enumerate(gap) if c == " " and i > 0 and gap[i - 1] != " "]
    return any(_team_source(story, at + i) for i in spaces[:SOURCE_GAP_WORDS])


def _the_teams(story: Story, end: int) -> bool:
    """Is the announcement ending at `end` the team's: nothing more in its clause, or its
    owner named after it is the team ("du communiqué de l'équipe", "from Lidl-Trek")?"""
    stop = _CLAUSE_END.search(story.low, end)
    clause_end = stop.start() if stop else len(story.low)
    owner = story.low[end:clause_end]
    if not owner.strip():
        return True
    words = owner.split()
    # "from his agent", "publié par son agent", "emitido por su agente": the owner's
    # marker may follow a participle or a time word
    owner_marker = _owner_marker(story.languages)
    marker = next((i for i, w in enumerate(words[:OWNER_WORDS]) if owner_marker.match(w)), None)
    if marker is None:
        return True  # "un comunicado emitido este miércoles": unowned, so the team's
    lead = len(owner) - len(owner.lstrip()) + sum(len(w) + 1 for w in words[:marker])
    reach = end + lead + sum(len(w) + 1 for w in words[marker : marker + 3])
    if any(end + lead <= t.start <= reach for t in within(story.teams, end, clause_end)):
        return True
    # "from the team", "de l'équipe": the team's noun within the owner's first words
    return any(_team_source(story, end + i) for i, c in enumerate(owner[: lead + 24]) if c == " ")


@cache
def _owner_marker(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """An owner marker of the story's languages ("from", "de", "van", "d'Ineos"): pooled,
    Italian "da" (from) would read German "da" (there)."""
    lexicon = story_lexicon(languages)
    return re.compile(r"(?:" + lexicon.alternation("owner_markers") + r")(?:$|(?<=')\w)")


def headline_hedge(
    story: Story, person_id: str, team_id: str | None = None, left: str | None = None
) -> int:
    """A hedged or disputed headline about this person's move: its weight.

    A headline naming people hedges theirs. One naming nobody ("Rumour mill: ...") hedges
    every move, unless it names teams: then its hedge is about them ("Arkéa-B&B Hotels
    close to folding", "Ineos reportedly probing a transfer"), and it reaches only a move
    to one of them (`team_id`, the destination, or the team left for a move to nobody),
    or from one of them (`left`) when the headline speaks of losing or leaving ("UAE set
    to lose its Swiss star", "UAE pourrait perdre un pilier"), not of the team's own
    affairs ("proche de perdre son sponsor").
    """
    status = story.headline_status
    if status >= 0:
        return 0
    end = story.title_end
    # the headline's mentions by bisection: asked once per person of the story
    named = {p.entity_id for p in within(story.people, 0, end)}
    if named:
        return status if person_id in named else 0
    teams = {t.entity_id for t in within(story.teams, 0, end)}
    if not teams or team_id is None or team_id in teams:
        return status
    if left is None or left not in teams:
        return 0
    if within(story.hits.get("organisation", []), 0, end):
        return 0  # "UAE close to losing its sponsor": the team's own news
    losing = any(within(story.hits.get(f, []), 0, end) for f in ("lose", "depart"))
    return status if losing or _loss(story.languages).search(story.low, 0, end) else 0


@cache
def _loss(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    lexicon = story_lexicon(languages)
    return re.compile(WORD_START + r"(?:" + lexicon.alternation("loss_words") + r")\b")


def person_status(
    evs: Sequence[Evidence],
    statuses: dict[int, int],
    default: int,
    headline: int,
    echoes: dict[int, int],
    own: Sequence[int],
) -> str:
    """Rumour or confirmed, from the person's evidence; `own` is each evidence's status
    as far as its sentence's cues reach it (`status_scope`)."""
    if headline == -2 or any(own[i] == -2 for i, ev in enumerate(evs) if ev.arrival):
        # "Visma announces Uijtdebroeks, but Bora denies it": a contested move is not
        # settled, however often the announcing side repeats it. The denial must be about
        # this move, as far as its sentence's cues reach it (`status_scope`).
        return "rumour"
    seen: set[int] = set()
    score = 0.0
    if headline and not any(ev.title for ev in evs):
        seen.add(0)  # "Rumour mill: ..." over "Pidcock will join Q36.5": the headline hedges
        score += headline
    for i, ev in enumerate(evs):
        if ev.sentence in seen or not ev.arrival:
            continue  # a confirmed departure says nothing about the destination
        seen.add(ev.sentence)
        # An unhedged "X joins Y" / "Y sign X" is itself a (weak) confirmed statement.
        value = own[i] or UNHEDGED
        if ev.title and value > 0:
            value *= 0.5  # headlines state flatly; a hedged headline means it
        score += value + echoes.get(ev.sentence, 0)
    if seen == {0} and statuses.get(1, 0) < 0 and score > 0:
        # Only the headline names the move ("Hirschi alla Tudor"): a hedged lede
        # ("dovrebbe approdare ...") says what kind of news it is.
        score += statuses[1]
    if score == 0:
        score = default
    return "rumour" if score < 0 else "confirmed"
