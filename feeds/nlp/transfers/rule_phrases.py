"""The phrase expressions the transfer rules scan story by story, gathered into one
`phrases.PhraseIndex`: each rule module lists its own in `PHRASES`; this module sits
above them (the rules import `phrases`, never this), and `extract.read_document` walks
each story with the index once.
"""

from __future__ import annotations

from functools import cache

from feeds.nlp.transfers.contract_ends import PHRASES as CONTRACT_ENDS
from feeds.nlp.transfers.deals import PHRASES as DEALS
from feeds.nlp.transfers.following import PHRASES as FOLLOWING
from feeds.nlp.transfers.list_runs import PHRASES as LIST_RUNS
from feeds.nlp.transfers.no_longer import PHRASES as NO_LONGER
from feeds.nlp.transfers.not_kept import PHRASES as NOT_KEPT
from feeds.nlp.transfers.phrases import PhraseIndex
from feeds.nlp.transfers.respectively import PHRASES as RESPECTIVELY
from feeds.nlp.transfers.seasons import PHRASES as SEASONS
from feeds.nlp.transfers.staff_roles import PHRASES as STAFF_ROLES
from feeds.nlp.transfers.teamless import PHRASES as TEAMLESS
from feeds.nlp.transfers.vetoes import PHRASES as VETOES

PHRASES = (
    *CONTRACT_ENDS,
    *DEALS,
    *FOLLOWING,
    *LIST_RUNS,
    *NO_LONGER,
    *NOT_KEPT,
    *RESPECTIVELY,
    *SEASONS,
    *STAFF_ROLES,
    *TEAMLESS,
    *VETOES,
)
"""Every rule's phrase expressions: what the walk holds."""


@cache
def rule_phrases() -> PhraseIndex:
    """Built on first use and kept for the process (the vocabulary is bundled data)."""
    return PhraseIndex(PHRASES)
