"""The mention tagger: which riders, teams and staff a story is about.

One fold and one Aho-Corasick pass per story find every candidate (names, surnames,
aliases, team names, nationality words, cycling vocabulary); the rules (`resolver`)
then decide which candidates are real mentions, using only the story itself, the roster
and the publication date:

- a story must be about cycling: strong vocabulary (peloton, étape, Tour de France)
  or named riders/teams; everyday sports words (race, team) only add to that, and
  a full name alone in a non-cycling story is someone else (Simon Yates the
  mountaineer);
- a full name counts; a surname alone needs capitals (not just a Title Case
  headline's) and must be settled: the same person named in full in the story, a
  team next to it, the only bearer in the roster, then men's/women's racing, a team
  named in the story, or a clearly longer career (Lotte, not Julia, Kopecky);
- a surname right after another known first name belongs to someone else ("Tiger
  Woods", "Sam Bennett"), unless it is a form of the rider's own (Tom/Thomas);
- the other way round, a surname that is also a first name (Christian, Oliver, Finn)
  right before another capitalised name, or a quoted nickname and one, is that name's
  first name ("Christian Prudhomme", 'Christian "Gummi" Andersen'), not the rider;
  before a bracket, a verb, punctuation or a team's name it is still the rider;
- everyday words (Woods, Power, August), and surnames that are a word of a team's name
  of several words (a sponsor, often a brand: "Mitchelton-Scott"), need the full name
  or a team nearby; team words (Jumbo, Astana, Visma) need capitals and a cycling
  story, and are companies next to "supermarket" or "software group", places after
  "in", races before "Tour";
- descriptions ("the Belgian team", "de Sloveen", "Vinokourov's team") refer back to
  the team (or a staff member's team) or the one person of that country named before;
- misspelt surnames of people in the story, or after their exact first name, match
  within one or two edits;
- in a language that declines names (its lexicon's `name_case_endings`: Slovenian
  "Joshuo Tarlingom", "Pellu Bilbau"), a first name and a surname that are one person's
  once a case ending is off name that person; never another language's story. Team
  names likewise, on their first and last words ("pri Soudalu Quick-Stepu", "iz vrst
  Movistarja"), unless the word is the place ("v Astani"). A surname alone with an
  ending ("pridružil Rogliču", "Rogličeva ekipa", the genitive "Vingegaards") is read
  as the surname alone is, if it is one strong surname and no known word itself;
- the press's forms of a name (feeds/roster/data/name-forms.toml): a given name's short
  form ("Juanpe López"), a Danish or Norwegian family middle name with the given name
  ("Mads Würtz"), a surname as German spells it ("Wlasow"); and the person's own first
  name, then a middle name the roster lacks ("Florian Samuel Kajamini");
- an everyday-word surname (Milan, Thomas) with no team nearby counts as an item of a
  list of riders' names ("Milan, Merlier and Philipsen", "Bernal y Thomas").

Riders count only while active at publication (an undated story: within the last
UNDATED_GRACE_SEASONS seasons, or on the older season its named riders, dated team names
and written years fit best: feeds/nlp/tag/undated.py); retired riders and other people
are matched, so their names are used up, but reported only as mentions.

`Mention.how` says which rule matched: "name", "short" (Daniel Martínez), "alias"
(roster aliases and nicknames), "nickname" (team nicknames), "surname", "initial"
(M. Cavendish), "fuzzy" (a misspelling), "inflected" (a declined full name) or
"description".

A `MentionTagger` does not change after construction (it only caches people's kinds and
categories per publication date) and is safe to share between threads. The `Tagger` that
composes it with the transfer and race steps is feeds/tagger.py.
"""

from feeds.nlp.tag.mentions import MentionTagger

__all__ = ["MentionTagger"]
