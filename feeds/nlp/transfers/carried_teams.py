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
- both sentences are in the same paragraph, neither opens with a quotation mark, and the
  one before holds no race cue (a race report's "T won the stage. It has signed X");
- the headline and the first sentence after it take nothing (the headline is the story-
  level rules').

No word lists: the teams and people are the tagger's mentions, the race words the lexicons'
`race` cue hits, the from-words the lexicons' `from_markers`. Each sentence is worked out
once and kept on the story (`Story.carried`): linear in the story, however many cues ask.
"""

from __future__ import annotations

from feeds.models import Mention
from feeds.nlp.transfers.signing_cues import after_from_word
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import within

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
    named = {
        t.entity_id
        for t in within(story.teams, previous, start)
        if id(t) not in story.owned and not bracketed(story.text, t)
    }
    return next(iter(named)) if len(named) == 1 else None


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
