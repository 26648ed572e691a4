"""A team carried from the sentence before: "Lidl-Trek has signed A. Movistar has been
busy too. It has signed B and C." / "Anche la Movistar è stata molto attiva. Ha
ingaggiato B e C."

A sentence that names no team of its own and says a signing with a pronoun or a bare team
noun for the team ("it has signed", "das Team hat verpflichtet"), or none at all ("Ha
ingaggiato B"), speaks of the team the sentence before named. Without this, the story's
main team stood in (`directions._acquiring`) or, for a team verb, nothing (`decide`): in a
round-up of several teams, the wrong one or none. `carried_team` gives the team a sentence
takes from the one before, only where the thread plainly holds:

- the sentence names no team it could mean itself (a bracket after a person, "A (T1)",
  or a team after a from-word, "from Lotto", says where someone comes from, not who signs);
- the sentence before names exactly one team, outside brackets and not as someone's own
  ("Alpecin's X"), and no person (a second person in play may be the one it is about);
- that team is the sentence's subject or topic: nothing before it (after an opening
  adverbial set off by a comma) but articles, fillers and additive words ("Anche la
  Movistar", "Movistar has been busy too"), or a topic phrase ("Du côté de T", "Bei T":
  lexicon concept `topic_markers`); a team after a noun or a preposition is a partner
  ("Talks with T came to nothing", "L'accordo con la T"), and a team noun besides the
  name ("T will merge into the team") puts two teams in play;
- both sentences are in the same paragraph, neither opens with a quotation mark, and the
  one before holds no race cue (a race report's "T won the stage. It has signed X");
- the headline and the first sentence after it take nothing (the headline is the story-
  level rules').

No word lists in Python: the teams and people are the tagger's mentions, the race words the
lexicons' `race` cue hits, the from-words `from_markers`, the subject's openers
`filler_words`, `description_articles`, `additive_words`, `topic_markers`, `team_nouns`.
Each sentence is worked out once and kept on the story (`Story.carried`): linear in the
story, however many cues ask.
"""

from __future__ import annotations

from functools import cache

from feeds.models import Mention
from feeds.nlp.lexicon import story_lexicon
from feeds.nlp.transfers.signing_cues import after_from_word
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import WORD, within

QUOTES = '"\u201c\u201d\u00ab\u00bb\u201e'
"""Marks that open a quoted sentence."""
PARAGRAPH = "\n\n"
FIRST_CARRIED = 2
"""The first sentence that may take a team from the one before (0 is the headline)."""


def carried_team(story: Story, sentence: int) -> str | None:
    """The one team sentence number `sentence` takes from the sentence before, if any."""
    if sentence not in story.carried:
        story.carried[sentence] = _carried(story, sentence)
    return story.carried[sentence]


def _carried(story: Story, sentence: int) -> str | None:
    starts = story.sentence_starts
    if not FIRST_CARRIED <= sentence < len(starts):
        return None
    previous, start = starts[sentence - 1], starts[sentence]
    end = starts[sentence + 1] if sentence + 1 < len(starts) else len(story.text)
    if any(may_be_meant(story, t) for t in within(story.teams, start, end)):
        return None  # the sentence names a team of its own
    if PARAGRAPH in story.text[previous:start].lstrip() or opens_quote(story, start, end):
        return None  # a new paragraph, or a speaker's words
    if within(story.people, previous, start) or opens_quote(story, previous, start):
        return None  # a person in play before, or a quote
    if within(story.hits.get("race", []), previous, start):
        return None  # a race report's sentence
    teams = within(story.teams, previous, start)
    named = {
        t.entity_id for t in teams if id(t) not in story.owned and not bracketed(story.text, t)
    }
    if len(named) != 1 or not _subject(story, previous, start, teams):
        return None  # no team, two, or one the sentence does not have acting
    return next(iter(named))


def _subject(story: Story, start: int, end: int, teams: list[Mention]) -> bool:
    """The sentence's first team is its subject: nothing before it but articles, fillers
    and additive words ("Anche la Movistar", "Movistar has been busy too"), so not a
    partner after a noun or a preposition ("Talks with T", "L'accordo con la T"); and no
    team noun outside the teams' names refers to a second team ("T will merge into the
    team"): two teams in play."""
    opening, topics, team_nouns = _subject_words(story.languages)
    # an opening adverbial set off by a comma is not before the subject ("A month before
    # the season, T has completed its roster"); a comma inside a name is not one
    clause = story.low.rfind(",", start, teams[0].start) + 1 or start
    before = [_word(m.group()) for m in WORD.finditer(story.low, clause, teams[0].start)]
    if any(w not in opening for w in before) and " ".join(before) not in topics:
        return False
    k = 0  # the team mentions are in text order: skip the words inside them
    for m in WORD.finditer(story.low, teams[0].end, end):
        while k < len(teams) and teams[k].end <= m.start():
            k += 1
        if k < len(teams) and teams[k].start <= m.start():
            continue
        if _word(m.group()) in team_nouns:
            return False
    return True


@cache
def _subject_words(
    languages: tuple[str, ...] | None,
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words that may open a sentence before its subject team (lexicon concepts
    `filler_words`, `description_articles`, `additive_words`, less the from- and
    to-words: "de", "a" are prepositions too), the phrases that open it on a team as its
    topic (`topic_markers`: "du côté de", "bei"; the whole start), and the team nouns
    (`team_nouns`)."""
    lex = story_lexicon(languages)
    prepositions = lex.words("from_markers") | lex.words("to_markers")
    opening = (
        lex.words("filler_words") | lex.words("description_articles") | lex.words("additive_words")
    ) - prepositions
    topics = frozenset(
        " ".join(_word(w) for w in WORD.findall(p)) for p in lex.words("topic_markers")
    )
    return (
        frozenset(map(_word, opening)),
        topics,
        frozenset(map(_word, lex.words("team_nouns"))),
    )


def _word(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def may_be_meant(story: Story, team: Mention) -> bool:
    """A team the sentence may speak of: not a bracket after a person, not after a
    from-word ("von Lotto Dstny", "depuis la FDJ")."""
    return not bracketed(story.text, team) and not after_from_word(story, team.start)


def bracketed(text: str, team: Mention) -> bool:
    """The mention stands alone in brackets: "(Cofidis)"."""
    return text[max(0, team.start - 1) : team.start] == "(" and text[team.end : team.end + 1] == ")"


def opens_quote(story: Story, start: int, end: int) -> bool:
    """The sentence opens with a quotation mark."""
    return story.text[start:end].lstrip()[:1] in QUOTES
