"""Everyday-word surnames in a list of riders: "Milan, Merlier, Philipsen and Girmay",
"Pedersen, Verona, Stuyven", "Bernal y Thomas". Alone, Milan is a city, Verona a city and
Thomas a first name, so such a surname needs its team nearby (`surnames.surname`); a list
of riders' names around it says what it is as well as a team does."""

from __future__ import annotations

from bisect import bisect_left

from feeds.nlp.tag.state import ResolverState

# What joins two items of a list of names: a comma, or "and" in the feed languages (en, nl,
# fr, it/pt, es, de, da/no, sv, sl, ca), or both (", and").
LIST_LINKS = frozenset({",", "&", "and", "en", "et", "e", "y", "und", "og", "och", "in", "i"})
# The most characters between two items: ", and " with spaces to spare.
MAX_LINK_CHARS = 8


def listed_surnames(r: ResolverState) -> None:
    """Settle each unsettled everyday-word surname that a rider's name joins in a list:
    right before it ("Bernal y Thomas"), or two right after it ("Milan, Merlier,
    Philipsen"): one name after it alone ("in Milan, Vingegaard won") is not a list."""
    if not r.unsettled:
        return
    people = sorted((f.start, f.end) for f in r.found if not f.is_team)
    starts = [s for s, _ in people]
    for start, end, ids in r.unsettled:
        i = bisect_left(starts, start)
        before = i > 0 and _linked(r, people[i - 1][1], start)
        after = (
            i + 1 < len(people)
            and _linked(r, end, people[i][0])
            and _linked(r, people[i][1], people[i + 1][0])
        )
        if not (before or after):
            continue
        pid = ids[0] if len(ids) == 1 else r.pick_person(ids, start)
        if pid is not None:
            r.add_person(pid, start, end, "surname")


def _linked(r: ResolverState, left_end: int, right_start: int) -> bool:
    """Only a list's link between two names: "," or "and" (", and")."""
    gap = r.text[left_end:right_start]
    if not gap or len(gap) > MAX_LINK_CHARS or "\n" in gap:
        return False
    words = gap.replace(",", " , ").split()
    return bool(words) and all(w.lower() in LIST_LINKS for w in words) and len(words) <= 2
