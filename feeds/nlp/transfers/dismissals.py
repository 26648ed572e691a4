"""Who is dismissed: a dismissal's participle says its object leaves, not its subject.

"Cédric Vasseur a été écarté", "X wurde freigestellt", "Y ha sido cesado": the person
named before the participle is dismissed when the verb is passive. "Jonathan Vaughters a
limogé un directeur sportif", "Ralph Denk hat den Sportlichen Leiter freigestellt",
"Eusebio Unzué ha cesado al responsable de prensa": after a perfect auxiliary with no
passive one, the person before it is the boss who dismissed someone else. The lexicon
concepts `dismissal_participles`, `perfect_auxiliaries` and `passive_auxiliaries` carry
the shape in every language.
"""

from __future__ import annotations

from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import WORD

_LEX = pooled()
_PARTICIPLES = _LEX.words("dismissal_participles")
_PERFECT = _LEX.words("perfect_auxiliaries")
_PASSIVE = _LEX.words("passive_auxiliaries")
AFTER_WORDS = 2
"""Words after the participle that may still be its passive auxiliary ("entlassen worden")."""


def dismissing(story: Story, ev: Evidence) -> bool:
    """The evidence's person dismissed someone: named before a dismissal participle in the
    active perfect, in the same sentence."""
    if ev.cue_start < 0:
        return False
    verb = WORD.match(story.low, ev.cue_start)
    if verb is None or verb.group() not in _PARTICIPLES:
        return False
    sentence_start = (
        story.sentence_starts[ev.sentence] if ev.sentence < len(story.sentence_starts) else 0
    )
    named = [
        m
        for m in story.people
        if m.entity_id == ev.person_id and sentence_start <= m.start and m.end <= ev.cue_start
    ]
    if not named:
        return False  # named after the verb: its object
    between = WORD.findall(story.low, named[-1].end, ev.cue_start)
    after = WORD.findall(story.low, verb.end(), verb.end() + 40)[:AFTER_WORDS]
    if any(w in _PASSIVE for w in (*between, *after)):
        return False
    return any(w in _PERFECT for w in between)
