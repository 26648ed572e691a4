"""Transfer extraction: does a story report moves between teams, and which ones.

The tagger has already found every rider, staff member and team in the text; this
package reads the words around those mentions, clause by clause:

1. Cue words (feeds/nlp/lexicons, a file per language) mark a move and say who moves:
   the subject of "joins"/"leaves"/"wechselt", the object of "Astana sign
   ..."/"l'arrivée de ...", the owner of "X's move"/"le départ de X", or the list after
   "New signings:". Each cue reads only up to its neighbouring cues, so "X joins A, Y
   signs with B" keeps the two apart. Voice and word order: a passive signing names the
   team after "by"/"door"/"dalla" ("X has been signed by Y"); a swap's second team is
   the destination ("verruilt A voor B", "tauscht A gegen B"); a team verb may act on a
   description ("Tudor have signed the 32-year-old"); a subject that is a nationality
   description ("Le rouleur suisse rejoindra ...") is the last compatriot named.
2. The words right before each team mention give it a role: destination ("to",
   "naar", "à", "zum", "alla"), origin ("from", "van", "de", "von", "da") or current
   team ("at", "X (Team)", "Team's X"). A current team is never a destination.
3. Clauses about extensions, abandons and race action, renames/sponsors/mergers,
   promotions and history ("previously", "this season", "joined Ineos in 2019") are
   skipped; so are negated moves ("will never leave"), moves "already" made by someone
   other than the headline's person, events before ("after leaving UAE"), current teams
   ("rijdt nu nog voor") and, in stories whose lede reports no move, moves told in a
   relative clause ("Vollering, die SD Worx verlaat voor FDJ, werd vijfde") or, when the
   lede is race action, anywhere after it. Race words veto only the verbs they are
   about. An extension cue is about the nearest person named before it unless that
   person's own move verb comes first. The person's own team at publication (from the
   roster's dated stints) can never be the destination.
4. Evidence is summed per person. A headline that asks ("Pidcock to Q36.5?") counts
   less. Clauses with a move but no named mover ("He will join ...", "The move was
   announced") go to the story's main mover; people who "join her" or are "arriving"
   without a team named take the story's main destination.
5. Status comes from the sentences that carry the move: a hedge ("set to", "zou",
   "selon", "secondo", "laut", "según") or a dispute makes it a rumour, an announcement
   or an unhedged statement makes it confirmed, and a confirmed departure says nothing
   about the destination. An announcement that names nobody ("The Spanish team
   announced the deal.") speaks for the sentence before it. English modals ("could")
   give way to an announcement. A newspaper as source ("meldt Wielerflits", "selon
   L'Équipe") hedges; the team as source ("according to the team", "meldt de ploeg")
   announces.

A story is a transfer story when it has a move, or when someone leaves a named team
near the top of the story (a destination not yet known; a retiring rider leaves none).
A staff member leaving that way is a move to nobody (a null destination).

Everything is regular expressions over a lower-cased copy of the text, indexed by the
first letters of each word: a typical story takes well under a millisecond.

Modules, in reading order: `extract` (the entry point), `text` (sentences, clauses),
`scan` (the cue index), `story` (what a story is read into), `clause` (one clause's
evidence), with `vetoes`, `seasons`, `roles` (a team mention's role), `movers` (who
moves), `unnamed` (movers described, not named) and `directions` (from where to
where); `lists` and `names` (one word for many people), `arrows` (verbless round-ups),
`respectively` (pairs told in order) and `descriptions` (destinations described, not
named); then `status` (rumour or confirmed) and `decide` (evidence to moves). The
vocabulary is data: feeds/nlp/lexicons/<language>.toml, read through `feeds.nlp.lexicon`:
the cue scan reads the story's language (declared by its feed, else told by `language`
from stop words; English and the shared patterns always; every language pooled when it
is unknown), the word lists around mentions are read pooled.
"""

from feeds.nlp.transfers.extract import _extract, extract_transfers
from feeds.nlp.transfers.scan import _prefixes

__all__ = ["_extract", "_prefixes", "extract_transfers"]
