"""Many verbs in one sentence cost the tagger time in proportion to its length (task QL2,
issues #13, #15): a split verb's look-ahead reads a bounded reach, a taking verb finds its
object by bisection, a mover's former team is the first team after the name, found by
bisection. Each text is what a feed could send; four times the input may not take eight
times as long (tests/growth.py). The answers on ordinary sentences stay as they were."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from feeds.models import Mention
from feeds.nlp.transfers.extract import Reading, read_story
from feeds.nlp.transfers.list_runs import list_run_moves
from feeds.nlp.transfers.movers import cue_objects
from feeds.nlp.transfers.phrases import PhraseIndex
from feeds.nlp.transfers.roles import former_team
from feeds.tagger import Tagger
from tests.growth import assert_linear

PUBLISHED = date(2025, 11, 2)
SIZE_MOST = 70_000
"""Items `assert_linear` may ask for (n doubled up to five times, then four times that)."""
TEAMS = ("Lidl-Trek", "Movistar", "Soudal Quick-Step", "Visma-Lease a Bike")


def _tag(tagger: Tagger, language: str) -> Callable[[str], object]:
    return lambda body: tagger.tag("Transfers", body, PUBLISHED, True, language)


def _riders(tagger: Tagger, count: int) -> list[str]:
    names = sorted(p.name for p in tagger.roster.people.values() if p.kind == "rider")
    return [names[i % len(names)] for i in range(count)]


# --- whole tagger ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "item"),
    [
        ("nl", "{team} legt {name} vast tot 2027"),
        ("en", "{team} brings {name} on board until 2027"),
        ("de", "{team} holt {name} an Bord bis 2027"),
    ],
)
def test_a_sentence_of_split_verbs_grows_linearly(tagger: Tagger, language: str, item: str) -> None:
    """list_runs: a split verb's look-ahead for its particle reads SPLIT_REACH characters,
    not the rest of the sentence from each of thousands of verbs; the taking verbs' objects
    and the movers' former teams are found by bisection."""
    names = _riders(tagger, SIZE_MOST)

    def make(n: int) -> str:
        items = (item.format(team=TEAMS[i % 4], name=names[i]) for i in range(n))
        return ", ".join(items) + "."

    assert_linear(_tag(tagger, language), make, 300)


@pytest.mark.parametrize(("language", "verb"), [("en", "signs"), ("fr", "recrute")])
def test_a_sentence_of_taking_verbs_grows_linearly(
    tagger: Tagger, language: str, verb: str
) -> None:
    """movers.cue_objects, directions._acquiring: each taking verb's object is the first
    person after it (by bisection) and its subject the nearest team before it (walked back
    to), not found by a walk over the sentence's every person and team."""
    names = _riders(tagger, SIZE_MOST)

    def make(n: int) -> str:
        return "Lidl-Trek " + ", ".join(f"{verb} {names[i]}" for i in range(n)) + "."

    assert_linear(_tag(tagger, language), make, 500)


def test_many_final_verbs_after_a_few_names_grow_linearly(tagger: Tagger) -> None:
    """movers._words_outside: the words from the last name to a final verb are counted
    only up to _BEFORE_WORDS, not over the whole gap again for each verb."""
    names = _riders(tagger, 20)

    def make(n: int) -> str:
        return "Lidl-Trek signs " + " and signs ".join(names) + " " + " ".join(["signs"] * n) + "."

    assert_linear(_tag(tagger, "en"), make, 800)


# --- one stage alone ---------------------------------------------------------------------
# The whole tagger's fixed costs hide a quadratic stage at the sizes a test can afford:
# these read the story once, then time only the stage that was quadratic.


def _stage_grows_linearly(
    tagger: Tagger,
    stage: Callable[[Reading], object],
    make: Callable[[int], str],
    n: int,
    language: str,
) -> None:
    readings: dict[str, Reading] = {}

    def read(body: str) -> object:
        if body not in readings:  # the reading is built once, outside the timed runs
            mentions = tagger.mentions("Transfers", body, PUBLISHED, True, language)
            reading = read_story("Transfers\n\n" + body, mentions, tagger.roster, PUBLISHED)
            assert reading is not None
            readings[body] = reading
        return stage(readings[body])

    for size in (max(1, n // 20), n, n * 4):
        read(make(size))
    assert_linear(read, make, n)


@pytest.mark.parametrize(
    ("language", "item"),
    [("nl", "{team} legt {name} vast tot 2027"), ("en", "{team} brings {name} on board")],
)
def test_reading_a_sentence_of_split_verbs_grows_linearly(
    tagger: Tagger, language: str, item: str
) -> None:
    """list_runs.list_run_moves: the split verbs' look-ahead reads SPLIT_REACH characters
    from each verb, not the rest of the sentence."""
    names = _riders(tagger, SIZE_MOST)
    _stage_grows_linearly(
        tagger,
        lambda r: list_run_moves(r.story, r.spans),
        lambda n: ", ".join(item.format(team=TEAMS[i % 4], name=names[i]) for i in range(n)) + ".",
        500,
        language,
    )


def _objects_of_every_taking_verb(reading: Reading) -> object:
    story = reading.story
    verbs = [hit for hit in story.hits["move"] if hit.family == "acquire"]
    assert verbs
    return [cue_objects(story, story.people, verb, story.teams) for verb in verbs]


def test_the_objects_of_a_sentence_of_taking_verbs_grow_linearly(tagger: Tagger) -> None:
    """movers.cue_objects: the person after each verb by bisection, the people before it
    walked back to lazily, not two lists of the sentence's every person per verb."""
    names = _riders(tagger, SIZE_MOST)
    _stage_grows_linearly(
        tagger,
        _objects_of_every_taking_verb,
        lambda n: "Lidl-Trek " + ", ".join(f"signs {names[i]}" for i in range(n)) + ".",
        500,
        "en",
    )


def test_the_objects_of_final_verbs_far_from_a_name_grow_linearly(tagger: Tagger) -> None:
    """movers._words_outside: counted up to _BEFORE_WORDS, not over the whole gap from
    the last name to each of many verbs."""
    names = _riders(tagger, 20)
    _stage_grows_linearly(
        tagger,
        _objects_of_every_taking_verb,
        lambda n: "Lidl-Trek signs " + " and signs ".join(names) + " " + "signs " * n + ".",
        500,
        "en",
    )


# --- the answers they keep ---------------------------------------------------------------


def _moves(tagger: Tagger, body: str, language: str) -> set[tuple[str, str | None, str | None]]:
    tags = tagger.tag("Transfers", body, PUBLISHED, True, language)
    return {(m.person, m.to_team_id, m.from_team_id) for m in tags.moves}


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Lidl-Trek brought {a} (Movistar) and {b} (Soudal Quick-Step) on board."),
        ("nl", "Lidl-Trek trok ook {a} (Movistar) en {b} (Soudal Quick-Step) aan."),
        ("de", "Lidl-Trek holte {a} (Movistar) und {b} (Soudal Quick-Step) an Bord."),
    ],
)
def test_a_split_verb_list_within_reach_is_still_read(
    tagger: Tagger, language: str, body: str
) -> None:
    a, b = _riders(tagger, 2)
    moves = _moves(tagger, body.format(a=a, b=b), language)
    assert moves == {(a, "lidl-trek", "movistar"), (b, "lidl-trek", "quick-step")}


def test_a_taking_verb_takes_the_person_right_after_it(tagger: Tagger) -> None:
    a, b = _riders(tagger, 2)
    moves = _moves(tagger, f"Lidl-Trek signs {a}, and Movistar signs {b}.", "en")
    assert moves == {(a, "lidl-trek", None), (b, "movistar", None)}


# --- the bounded look-ahead --------------------------------------------------------------

_SPLIT = re.compile(r"\b(?:brings) (?=[^.;:!?]*\bon board\s*[.;!?])")


def test_a_reach_keeps_every_match_within_it() -> None:
    low = "the team brings a and b on board. it brings c on board."
    phrases = PhraseIndex([_SPLIT]).scan(low)
    plain = [m.span() for m in _SPLIT.finditer(low)]
    assert [m.span() for m in phrases.finditer(_SPLIT, reach=100)] == plain
    assert len(plain) == 2


def test_a_reach_refuses_a_look_ahead_that_reads_past_it() -> None:
    """Near miss: the particle 60 characters on is beyond a reach of 40 (never a real
    split verb: the furthest in the development sets is 175 of SPLIT_REACH's 1,000)."""
    low = "the team brings " + "x " * 30 + "on board."
    phrases = PhraseIndex([_SPLIT]).scan(low)
    assert list(phrases.finditer(_SPLIT)) != []
    assert list(phrases.finditer(_SPLIT, reach=40)) == []
    assert [m.span() for m in phrases.finditer(_SPLIT, reach=200)] == [
        m.span() for m in _SPLIT.finditer(low)
    ]


def test_an_unregistered_expression_keeps_the_reach_too() -> None:
    low = "the team brings " + "x " * 30 + "on board. it brings c on board."
    plain = PhraseIndex(()).scan(low)
    assert [m.start() for m in plain.finditer(_SPLIT, reach=40)] == [low.index("it brings") + 3]
    assert len(list(plain.finditer(_SPLIT))) == 2


def test_a_reach_reads_linearly_in_a_sentence_of_verbs() -> None:
    def make(n: int) -> str:
        return " ".join(["the team brings a rider"] * n) + " on board."

    def read(low: str) -> object:
        return list(PhraseIndex([_SPLIT]).scan(low).finditer(_SPLIT, reach=200))

    assert_linear(read, make, 2000)


# --- a mover's former team ---------------------------------------------------------------


def _mentions(low: str, kind: str, *names: str) -> list[Mention]:
    found = []
    for name in names:
        at = low.index(name.lower())
        found.append(Mention(name.lower(), kind, at, at + len(name)))
    return sorted(found, key=lambda m: m.start)


def test_the_former_team_right_after_a_name_is_read() -> None:
    low = "lidl-trek signs tom gloag (ex-visma) and others."
    person = _mentions(low, "rider", "tom gloag")[0]
    teams = _mentions(low, "team", "lidl-trek", "visma")
    assert former_team(low, person, teams) == "visma"


def test_a_team_right_after_a_name_without_the_marker_is_no_former_team() -> None:
    """Near miss: "(Visma)" is the rider's team, not a former one; nor is a later "ex-"."""
    low = "tom gloag (visma) joins lidl-trek, ex-movistar."
    person = _mentions(low, "rider", "tom gloag")[0]
    teams = _mentions(low, "team", "visma", "lidl-trek", "movistar")
    assert former_team(low, person, teams) is None


def test_a_former_team_far_after_the_name_is_not_its_own() -> None:
    low = "tom gloag, who rode well this spring in the hills, ex-visma."
    person = _mentions(low, "rider", "tom gloag")[0]
    teams = _mentions(low, "team", "visma")
    assert former_team(low, person, teams) is None


def test_the_former_team_is_found_linearly_among_thousands() -> None:
    def make(n: int) -> str:
        return " ".join(["tom gloag (ex-visma)"] * n)

    def read(low: str) -> object:
        people = [
            Mention("tom", "rider", m.start(), m.end()) for m in re.finditer("tom gloag", low)
        ]
        teams = [Mention("visma", "team", m.start(), m.end()) for m in re.finditer("visma", low)]
        return [former_team(low, p, teams) for p in people]

    assert_linear(read, make, 500)
