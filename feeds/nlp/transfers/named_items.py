"""How many items a list of names has, the names the roster does not know counted too:
"non vengono riconfermati il ligure A, l'emiratino B e l'argentino C" is a list of three
even when only C is a rider the tagger knows. Brackets (an age, a team) are left out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import BRACKETED, WORD, within

DESCRIPTION_WORDS = 2
"""Lower-case words an item may hold beside its name ("l'argentino", "the Danish")."""
NAME_WORDS = 2
"""Capitalised words of a name the roster lacks (a forename and a surname)."""
_CLAUSE_STOP = re.compile(r"[.;:!?()\"«»]")
_COMMA = re.compile(r",")
_COORDINATION = pooled().words("coordination_words")
_GLUE = _COORDINATION | pooled().words("from_markers")


def named_items(
    story: Story, people: Sequence[Mention], start: int, end: int, forward: bool
) -> tuple[int, list[Mention]]:
    """The list that opens at `start` (`forward`) or closes at `end`: how many items, and
    the known people among them. Its pieces between commas are read away from the words
    that frame the list, up to a clause's end or a piece that is no item: each known person
    joined in a piece is an item ("lo svizzero A e l'olandese B" two), a piece with a
    capitalised word and nobody known one ("il ligure C")."""
    text = BRACKETED.sub(lambda m: " " * len(m.group()), story.text[start:end])
    stops = list(_CLAUSE_STOP.finditer(text))
    lo = 0 if forward or not stops else stops[-1].end()
    hi = stops[0].start() if forward and stops else len(text)
    pieces, at = [], lo
    for comma in _COMMA.finditer(text, lo, hi):
        pieces.append((at, comma.start()))
        at = comma.end()
    pieces.append((at, hi))
    count, items = 0, []
    for piece_start, piece_end in pieces if forward else reversed(pieces):
        lo, hi = start + piece_start, start + piece_end
        known = _joined_people(text, start, within(people, lo, hi))
        words = WORD.findall(text, piece_start, piece_end)
        if known:
            # the words before the piece's first item: a description, or the list's lead
            lead = _plain(WORD.findall(text, piece_start, known[0].start - start))
            tail = _plain(WORD.findall(text, known[-1].end - start, piece_end))
            if len(tail) > (0 if forward else DESCRIPTION_WORDS):
                break  # after the words the list ends its clause: "but A and B stay" is none
            if forward and len(lead) > DESCRIPTION_WORDS:
                break  # "confermate le penalità per A e B": no list opens at the words
            count += len(known)
            items.extend(known)
            if len(lead) > DESCRIPTION_WORDS:
                break  # the list opens inside this piece
            continue
        if not _unknown_item(words):
            break
        count += 1
    return count, sorted(items, key=lambda p: p.start)


def _unknown_item(words: Sequence[str]) -> bool:
    """Is a comma piece with nobody known in it an item: a short description and a name
    of two capitalised words at least ("il ligure Oliviero Troia"), not a place ("à
    Florence")?"""
    capitalised = [w for w in words if w[0].isupper() and w.lower() not in _GLUE]
    return len(capitalised) >= NAME_WORDS and len(_plain(words)) <= DESCRIPTION_WORDS


def _joined_people(text: str, start: int, people: Sequence[Mention]) -> list[Mention]:
    """The people of one comma piece that are items of the list: the last, and each before
    it joined to the next by an "and" word and a short description ("lo svizzero A e
    l'olandese B"), not by other words ("Volgens de Deense krant ... zijn B"). `text` is
    the list's text from `start`, its brackets blanked."""
    if not people:
        return []
    joined = [people[-1]]
    for person in reversed(people[:-1]):
        between = WORD.findall(text, person.end - start, joined[0].start - start)
        capitalised = any(w[0].isupper() and w.lower() not in _GLUE for w in between)
        and_word = any(w.lower() in _COORDINATION for w in between)
        if capitalised or not and_word or len(_plain(between)) > DESCRIPTION_WORDS:
            break
        joined.insert(0, person)
    return joined


def _plain(words: Sequence[str]) -> list[str]:
    """Lower-case words that are not list glue ("and", "from")."""
    return [w for w in words if not w[0].isupper() and w.lower() not in _GLUE]
