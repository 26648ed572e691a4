"""Hostile text for the verb shapes of issue #13 (lexicon concepts `arrive` and `acquire`:
"part chez", "va alla", "ging naar", "se hace con", "suma a", "si assicura", "sichert sich",
"haalt", "garantiu"): long runs of the verbs with no team after them, and one team
before a long run of them. Each cue looks ahead a bounded word or two, so four times the
input may not take eight times as long. A run of motion verbs after one name once read the whole gap
back to that name for every verb (movers.py `_speaker`): the Italian run checks it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from feeds.tagger import Tagger
from tests.growth import assert_linear


def _motion_verbs(n: int) -> str:
    return "Lenny Martinez part chez Bahrain Victorious. " + "Il part chez, parti chez; " * n


def _italian_verbs(n: int) -> str:
    return "Lenny Martinez va alla Bahrain Victorious. " + "va alla andrà alla si assicura la " * n


def _dutch_verbs(n: int) -> str:
    return "Lenny Martinez ging naar Bahrain Victorious. " + "ging ging ging naar de " * n


def _team_verbs(n: int) -> str:
    return "El Bahrain Victorious " + "se hace con suma a se hace con los servicios de " * n


def _german_verbs(n: int) -> str:
    return "Bahrain Victorious " + "sichert sich sicherte sich die dienste von holt holte " * n


def _gapped_items(n: int) -> str:
    # "A s'est engagé avec T1 et B avec T2 et C avec T3 ...": one verb, a long list of items
    # repeating its preposition (clause.py `_repeats_lead`), names and teams repeated
    item = "et Valentin Paret-Peintre avec Soudal Quick-Step "
    return "Lenny Martinez s'est engagé avec Bahrain Victorious " + item * n


def _weak_unbacked(n: int) -> str:
    # one sentence of weak cues, each taking a person, none backed: every cue reads its
    # sentence's support (once per sentence) and the person after it (bisected)
    return "El Bahrain Victorious " + "suma a Lenny Martinez a su lista, " * n + "."


def _weak_backed(n: int) -> str:
    # backed weak cues with no person: promoted, then nothing to move
    return "Bahrain Victorious haalt " + "voor twee jaar in huis, haalt " * n


def _weak_vetoed(n: int) -> str:
    # many backed sentences ("voor twee jaar") whose taking is vetoed ("X niet meer bij")
    return "Bahrain Victorious haalt Lenny Martinez niet meer bij, voor twee jaar. " * n


def _entries(n: int) -> str:
    # one sentence of entry cues after a race-entry marker: read once for the sentence
    return "Sur le Tour, Cofidis " + "a engagé Lenny Martinez et " * n


def _dutch_takings_no_particle(n: int) -> str:
    # one sentence of "haalt X" with no "binnen" ahead: each cue looks for the split verb's
    # particle within a bounded stretch, never to the sentence's end
    return "Jayco " + "haalt Lenny Martinez " * n + "binnen."


def _dutch_team_verbs(n: int) -> str:
    return "Bahrain Victorious " + "haalt haalde de verzekert zich van " * n


@pytest.mark.parametrize(
    ("make", "n", "language"),
    [
        (_motion_verbs, 1000, "fr"),
        (_italian_verbs, 1000, "it"),
        (_dutch_verbs, 1000, "nl"),
        (_team_verbs, 1000, "es"),
        (_german_verbs, 1000, "de"),
        (_dutch_team_verbs, 1000, "nl"),
        (_dutch_takings_no_particle, 1000, "nl"),
        (_gapped_items, 300, "fr"),
        (_weak_unbacked, 1000, "es"),
        (_weak_backed, 1000, "nl"),
        (_weak_vetoed, 1000, "nl"),
        (_entries, 300, "fr"),
    ],
    ids=[
        "fr motion",
        "it motion",
        "nl motion",
        "es team verbs",
        "de team verbs",
        "nl team verbs",
        "nl takings before a far particle",
        "fr gapped items",
        "es weak cues unbacked",
        "nl weak cues backed",
        "nl weak cues vetoed",
        "fr entry cues",
    ],
)
def test_time_grows_linearly(
    tagger: Tagger, make: Callable[[int], str], n: int, language: str
) -> None:
    assert_linear(
        lambda body: tagger.tag("Transfer news", body, date(2024, 10, 1), True, language),
        make,
        n,
    )
