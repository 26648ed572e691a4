"""Multilingual cue vocabulary for transfer extraction, kept as data.

Every entry is a regular expression matched against the lower-cased text at a word
start. Languages: English, Dutch, French, Italian, Spanish and German. The patterns are
deliberately phrased as verbs and nouns of moving between teams, hedges, and the
things that look like moves but are not (extensions, abandons, renames, promotions).

Cue families (how `feeds.nlp.transfers` reads them):

- ARRIVE: the person is the subject and goes somewhere ("joins", "rejoint", "wechselt").
  The team named after the verb is the destination.
- DEPART: the person is the subject and leaves ("leaves", "vertrekt", "quitte").
  The team named after the verb is the origin; "for/to Y" names the destination.
- ACQUIRE: a team is the subject and the person the object ("Astana sign X",
  "the signing of X", "kon X vastleggen"). The subject team is the destination.
- LOSE: a team is the subject and loses the person ("Ineos lost X to Y").
- NOUN_ARRIVE / NOUN_DEPART: nouns whose owner moves ("X's move to", "le départ de X").
- COURTED: a team wants the person ("in het vizier van Movistar", "in talks with Bora");
  the team right after is the destination, whatever the preposition.

Status: CONFIRMED (announcements, agreements), RUMOUR (attributions and hedges: "set
to", "zou", "selon", "secondo", "laut", "según"), RUMOUR_WEAK (English modals, which an
announcement in the same sentence outweighs), RUMOUR_SUPERSEDED (a rumour or dispute
that is over), DISPUTE (denials, legal rows). Vetoes: EXTENSION (the nearest person
stays), RACE, ORGANISATION (renames, sponsors, mergers, promotions), BACKGROUND
(history). Words around mentions: TO_/FROM_/AFFILIATION_MARKERS, FILLER_WORDS,
COORDINATION_WORDS. Seasons: SEASON_YEAR, NEXT_SEASON, CONTRACT_END (not a season).

Modules: `arrival` (ARRIVE, NOUN_ARRIVE), `departure` (DEPART, LOSE, NOUN_DEPART,
swaps, retirement), `team_verbs` (ACQUIRE, COURTED, passive agents), `announce`
(CONFIRMED, attributions, reporting verbs, negations), `rumour` (RUMOUR, RUMOUR_WEAK,
RUMOUR_SUPERSEDED, DISPUTE), `vetoes` (EXTENSION, REFUSAL, RACE, ORGANISATION,
BACKGROUND), `timing` (earlier, current and past moves; seasons) and `markers` (words
around mentions).

A cue must start with at least two literal letters (the scan indexes them); a pattern
that cannot be indexed is refused when `feeds.nlp.transfers.scan` is imported.
"""
