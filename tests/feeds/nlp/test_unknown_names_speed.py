"""The cheaper name reader of people the roster does not know (issue #15): `_covered`
by bisection, the team-name runs as one set per roster, and `_names` testing a word's
first letter before cutting it out must give exactly what the per-word walks gave."""

from __future__ import annotations

import random
from datetime import date

from feeds.models import Mention
from feeds.nlp.document import Document
from feeds.nlp.transfers import unknown_people as up
from feeds.roster import load_roster
from tests.growth import assert_linear


def _covered_by_overlap(words: list[tuple[int, int]], mentions: list[Mention]) -> list[bool]:
    """The definition: a mention overlaps the word (starts before its end, ends after its
    start)."""
    return [any(m.start < e and m.end > s for m in mentions) for s, e in words]


def test_covered_is_overlap_on_random_texts() -> None:
    rng = random.Random(15)
    for _ in range(300):
        pieces = ["Ab", "cd", "Efg-Hi", "x", "O'Neil", "1990"]
        text = " ".join(rng.choice(pieces) for _ in range(30))
        words = [m.span() for m in up._WORD.finditer(text)]
        mentions = []
        for _ in range(rng.randint(0, 8)):
            a = rng.randint(0, len(text))
            b = min(len(text), a + rng.choice([0, 1, 2, 5, 12, 40]))
            mentions.append(Mention("x", rng.choice(["rider", "team"]), a, b, "full"))
        assert up._covered(words, mentions) == _covered_by_overlap(words, mentions)


def test_covered_of_no_words_and_no_mentions() -> None:
    assert up._covered([], [Mention("x", "team", 0, 3, "full")]) == []
    assert up._covered([(0, 2), (3, 5)], []) == [False, False]


def test_team_name_runs_holds_what_in_team_name_finds() -> None:
    roster = load_roster()
    runs = up.team_name_runs(roster)
    some = sorted(runs)[:: max(1, len(runs) // 200)]
    for key in some:
        assert up._in_team_name(key, roster)
    for key in ("jonas vingegaard", "marco pantani", "juan pereztegui"):
        assert (key in runs) == up._in_team_name(key, roster)


def test_outside_names_same_with_and_without_the_runs() -> None:
    roster = load_roster()
    runs = up.team_name_runs(roster)
    texts = (
        "Juan Pereztegui (Cofidis) won ahead of Marius Kellerhals and Carl Ras.",
        "Le coureur colombien Aitor Zubizarreko rejoint l'équipe, a dit Senne Hoefkens.",
        "de renner Daan van Wijngaarde tekent bij Lotto; Anna Maria Nova kijkt toe",
    )
    for text in texts:
        doc = Document("Headline", text, date(2024, 6, 10), None)
        with_runs = up.outside_names(doc, [], roster, runs)
        without = up.outside_names(doc, [], roster)
        assert with_runs.spans == without.spans
        assert with_runs.words == without.words and with_runs.covered == without.covered


def test_covered_stays_linear_on_many_mentions() -> None:
    def make(n: int) -> str:
        return "Ab cd " * n

    def read(text: str) -> object:
        words = [m.span() for m in up._WORD.finditer(text)]
        mentions = [Mention("x", "rider", s, e, "full") for s, e in words[::2]]
        return up._covered(words, mentions)

    assert_linear(read, make, 2_000)
