"""Whether a story is a transfer story when no move to a team can be read: a person
leaving a named team with no destination given, or a headline that tells a move.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date

from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.status import sentence_status
from feeds.nlp.transfers.story import PERSON_KINDS, Story
from feeds.nlp.transfers.text import WORD_START, Span, within
from feeds.roster import Person

LEDE_SENTENCES = 2
EXIT_FAMILIES = ("depart", "noun_depart", "lose")
# A headline's move noun counts unless the headline also says one of these.
_HEADLINE_NOUN_VETOES = ("extension", "dispute", "race", "organisation", "retire")
_NEGATION = re.compile(WORD_START + r"(?:" + pooled().alternation("negation") + r")")
_TEAM_NOUNS = pooled().words("team_nouns")
_STAGE = re.compile(
    WORD_START + r"(?:" + "|".join(map(re.escape, sorted(pooled().words("stage_words")))) + r")\b"
)
_MARKET = re.compile(
    WORD_START + r"(?:" + "|".join(map(re.escape, sorted(pooled().words("market_nouns")))) + r")\b"
)


def roster_team(person: Person, published: date | None) -> str | None:
    """The team the person already rides for (so "to" it is an extension, not a move)."""
    if published is None:
        return None  # today's roster says nothing about an undated story
    covering = [s for s in person.stints if s.covers(published.year)]
    if len(covering) != 1:
        return None
    stint = covering[0]
    if stint.start is None:
        return None  # an undated stint ("works for Lidl-Trek") says nothing about that date
    if stint.start == published.year and published.month <= 2:
        return None  # a January story about this winter's move
    return stint.team_id


def departures(story: Story) -> bool:
    """A rider or staff member leaving a named team, with no destination given."""
    for ev in story.evidence:
        person = story.roster.people.get(ev.person_id)
        if person is None or person.kind not in PERSON_KINDS or ev.fallback:
            continue
        if ev.sentence > LEDE_SENTENCES:
            continue  # an aside in a race report ("who is rumoured to be leaving ...")
        if person.kind == "rider" and retiring(story, ev.sentence):
            continue  # a rider leaving the sport leaves no team for another
        if ev.family in EXIT_FAMILIES and ev.left:
            return True  # the team left is named beside the verb ("leaves Lidl-Trek")
    return False


def retiring(story: Story, sentence: int) -> bool:
    hits = story.hits.get("retire", [])
    return any(_sentence_of(story, h.start) == sentence for h in hits)


def _sentence_of(story: Story, offset: int) -> int:
    return max(0, bisect.bisect_right(story.sentence_starts, offset) - 1)


def headline_move(story: Story) -> bool:
    """A headline that puts a person, a team and a move verb together ("Pidcock and Ineos
    part ways") is a transfer story even when no destination can be read."""
    if _headline_move_noun(story):
        return True
    if story.title_question:
        return False
    if not any(t.start < story.title_end for t in story.teams):
        return False
    for ev in story.evidence:
        person = story.roster.people.get(ev.person_id)
        if not ev.title or ev.fallback or person is None or person.kind not in PERSON_KINDS:
            continue
        # "Evenepoel joins Soudal teammates at camp" names his own team: not a move.
        own = {roster_team(person, story.published), *story.stays.get(ev.person_id, ())}
        if ev.left or set(ev.to) - own:
            return True
    return False


def _headline_move_noun(story: Story) -> bool:
    """A headline that names moves by their noun ("Denk verteidigt Verzicht auf
    deutschsprachige Zugänge", "5 transferências a ter em atenção para 2024", "Mercato:
    Lidl-Trek's transfer") is a transfer story even when the body's moves cannot be read:
    a plural or a name of the market, or any move noun beside a team or a season. Not a singular
    alone, which races use too ("Arrivée au sommet", "Wechsel im Gelben Trikot", "big move
    on the Galibier"); not when the headline also extends, denies, retires, negates
    ("denkt niet aan transfer") or speaks of a race, a race's day ("the move that won the
    stage") or of the organisation."""
    end = story.title_end
    hits = story.hits
    # Not a group noun alone ("i neoprofessionisti italiani iniziano ... un corso"), nor a
    # new team ("Nova camisola da NSN Cycling Team: nova equipa WorldTour ...").
    nouns = [
        story.low[hit.start : hit.end].strip()
        for family in ("noun_arrive", "noun_depart")
        for hit in within(hits.get(family, []), 0, end)
        if _TEAM_NOUNS.isdisjoint(story.low[hit.start : hit.end].split())
    ]
    if not nouns:
        return False
    if any(within(hits.get(family, []), 0, end) for family in _HEADLINE_NOUN_VETOES):
        return False
    if _NEGATION.search(story.low, 0, end) is not None or _STAGE.search(story.low, 0, end):
        return False
    if market_headline(story):
        return True
    return any(t.start < end for t in story.teams) or (
        clause_season(story, Span(0, end, 0, True)) is not None
    )


def market_headline(story: Story) -> bool:
    """The headline speaks of the market: a plural of its moves ("Zugänge", "fichajes") or
    the market itself ("mercato", "transfer market")."""
    return _MARKET.search(story.low, 0, story.title_end) is not None


def market_context(story: Story, spans: Sequence[Span], span: Span, noun: Hit) -> bool:
    """The sentence of a group's noun ("drei Abgänge", "cinq départs") is told of the
    market, not of a race's withdrawals: the headline speaks of the market, or the
    sentence announces ("Cofidis a annoncé cinq départs"), or it or the one before names a
    season or another market noun ("Neun Zugänge für die neue Saison. Dem stehen neun
    Abgänge gegenüber")."""
    if market_headline(story) or sentence_status(story, span) > 0:
        return True
    for near in (span, spans[span.sentence - 1]) if span.sentence > 1 else (span,):
        if clause_season(story, near) is not None:
            return True
        found = _MARKET.finditer(story.low, near.start, near.end)
        if any(m.start() != noun.start for m in found):
            return True
    return False
