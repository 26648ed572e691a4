"""The calendar file format: a bad file is refused whole, with its file, line and reason."""

from __future__ import annotations

from datetime import date, time

import pytest

from feeds.races import (
    Calendar,
    CalendarError,
    apply,
    dump_calendar,
    dump_entries,
    parse_calendar,
)

BASE = """
[[race]]
id = "tour-of-flanders"
name = "Tour of Flanders"
sex = "men"
class = "worldtour"
kind = "one-day"
country = "BEL"
[race.names]
nl = ["Ronde van Vlaanderen", "De Ronde"]

[[race]]
id = "tour-of-flanders-women"
name = "Tour of Flanders Women"
sex = "women"
class = "worldtour"
kind = "one-day"
counterpart = "tour-of-flanders"
[race.names]
nl = ["De Ronde"]

[[race]]
id = "tour-de-france"
name = "Tour de France"
sex = "men"
class = "worldtour"
kind = "stage"
[race.names]
fr = ["la Grande Boucle", "le Tour"]

[[edition]]
race = "tour-of-flanders"
year = 2025
date = 2025-04-06

[[edition]]
race = "tour-de-france"
year = 2025
start = 2025-07-05
end = 2025-07-07
stage_count = 3
stages = [
  { number = 1, date = 2025-07-05, finish = "Lille" },
  { number = 2, date = 2025-07-06, finish = "Boulogne-sur-Mer", finish_utc = 15:20:00 },
  { number = 3, date = 2025-07-07, finish = "Dunkerque" },
]
"""

RACE = """[[race]]
id = "new-race"
name = "New Race"
sex = "men"
class = "proseries"
kind = "one-day"
"""


def base() -> Calendar:
    return apply(Calendar(), parse_calendar(BASE, "base.toml"))


def refusal(text: str) -> CalendarError:
    """Parsing `text` as extra.toml, then putting it on the base calendar, must fail."""
    with pytest.raises(CalendarError) as caught:
        apply(base(), parse_calendar(text, "extra.toml"))
    return caught.value


# (what is wrong, file text, line of the error, words the reason must hold)
CASES = [
    (
        "a date that does not exist",
        RACE + '\n[[edition]]\nrace = "new-race"\nyear = 2025\ndate = 2025-02-30\n',
        11,
        "date",
    ),
    (
        "a date written as text",
        RACE + '\n[[edition]]\nrace = "new-race"\nyear = 2025\ndate = "6 April"\n',
        8,
        "'date' must be a date (YYYY-MM-DD)",
    ),
    (
        "a date and time where a date belongs",
        RACE + '\n[[edition]]\nrace = "new-race"\nyear = 2025\ndate = 2025-04-06T10:00:00\n',
        8,
        "'date' must be a date",
    ),
    (
        "an edition that ends before it starts",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-26\nend = 2026-07-04\n',
        1,
        "ends on 2026-07-04, before it starts on 2026-07-26",
    ),
    (
        "an edition outside its year",
        '[[edition]]\nrace = "tour-of-flanders"\nyear = 2026\ndate = 2025-04-06\n',
        1,
        "not in its year 2026",
    ),
    (
        "a stage outside the edition",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n'
        "end = 2026-07-05\nstages = [\n"
        '  { number = 1, date = 2026-07-04, finish = "Barcelona" },\n'
        '  { number = 2, date = 2026-07-06, finish = "Barcelona" },\n]\n',
        8,
        "stage 2 on 2026-07-06 is outside the edition (2026-07-04 to 2026-07-05)",
    ),
    (
        "a stage number twice",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n'
        "end = 2026-07-05\nstages = [\n"
        '  { number = 1, date = 2026-07-04, finish = "Barcelona" },\n'
        '  { number = 1, date = 2026-07-05, finish = "Barcelona" },\n]\n',
        1,
        "stage 1 is listed twice",
    ),
    (
        "a prologue that is not first",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n'
        "end = 2026-07-05\nstages = [\n"
        '  { number = 1, date = 2026-07-04, finish = "Barcelona" },\n'
        '  { number = 0, date = 2026-07-05, finish = "Barcelona" },\n]\n',
        1,
        "a prologue is 0, first",
    ),
    (
        "stages out of date order",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n'
        "end = 2026-07-05\nstages = [\n"
        '  { number = 1, date = 2026-07-05, finish = "Barcelona" },\n'
        '  { number = 2, date = 2026-07-04, finish = "Barcelona" },\n]\n',
        8,
        "stage 2 is dated before stage 1",
    ),
    (
        "a stage count the stages do not reach",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n'
        "end = 2026-07-05\nstage_count = 21\nstages = [\n"
        '  { number = 1, date = 2026-07-04, finish = "Barcelona" },\n]\n',
        1,
        "stage_count is 21 but stages run to 1",
    ),
    (
        "a finish time that is not a time",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n'
        "end = 2026-07-04\nstages = [\n"
        '  { number = 1, date = 2026-07-04, finish = "Barcelona", finish_utc = "17h" },\n]\n',
        7,
        "'finish_utc' must be a time",
    ),
    ("a race id twice", RACE + "\n" + RACE, 8, "duplicate race id 'new-race'"),
    (
        "an edition twice",
        '[[edition]]\nrace = "tour-of-flanders"\nyear = 2026\ndate = 2026-04-05\n\n'
        '[[edition]]\nrace = "tour-of-flanders"\nyear = 2026\ndate = 2026-04-05\n',
        6,
        "tour-of-flanders 2026 is defined twice",
    ),
    ("an unknown race field", RACE + 'nmae = "x"\n', 1, "unknown field 'nmae'"),
    (
        "an unknown edition field",
        '[[edition]]\nrace = "tour-of-flanders"\nyear = 2026\ndate = 2026-04-05\nwinner = "x"\n',
        1,
        "unknown field 'winner'",
    ),
    (
        "an unknown stage field",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n'
        "end = 2026-07-04\nstages = [\n"
        '  { number = 1, date = 2026-07-04, finsh = "Barcelona" },\n]\n',
        7,
        "unknown field 'finsh'",
    ),
    ("an unknown top-level table", '[[rider]]\nname = "x"\n', None, "unknown top-level key"),
    ("a missing name", RACE.replace('name = "New Race"\n', ""), 1, "missing 'name'"),
    ("a bad sex", RACE.replace('"men"', '"mixed"'), 1, "'sex' must be one of"),
    (
        "both sexes for a WorldTour race",
        RACE.replace('"men"', '"both"'),
        1,
        "championships and the Olympics are one race for both sexes",
    ),
    ("an id that is not a slug", RACE.replace('"new-race"', '"New Race"'), 1, "lowercase slug"),
    (
        "a name with a control character",
        RACE.replace("New Race", "New\\u202eRace"),
        1,
        "control characters",
    ),
    (
        "names not a table of languages",
        RACE + 'names = ["New"]\n',
        1,
        "'names' must be a table",
    ),
    (
        "a name already another race's",
        RACE + '[race.names]\nnl = ["De Ronde"]\n',
        1,
        "name 'De Ronde' is also a name of 'tour-of-flanders'",
    ),
    (
        "an edition of an unknown race",
        '[[edition]]\nrace = "no-such-race"\nyear = 2026\ndate = 2026-04-05\n',
        1,
        "no race with id 'no-such-race'",
    ),
    (
        "a one-day race over two days",
        '[[edition]]\nrace = "tour-of-flanders"\nyear = 2026\nstart = 2026-04-05\n'
        "end = 2026-04-06\n",
        1,
        "is a one-day race; give one 'date'",
    ),
    (
        "a counterpart of the same sex",
        RACE + 'counterpart = "tour-of-flanders"\n',
        1,
        "must be the same race for the other sex",
    ),
    ("a counterpart that is not a race", RACE + 'counterpart = "nope"\n', 1, "is not a race"),
    (
        "provisional that is not true or false",
        '[[edition]]\nrace = "tour-of-flanders"\nyear = 2027\ndate = 2027-04-04\n'
        'provisional = "yes"\n',
        1,
        "'provisional' must be true or false, got 'yes'",
    ),
    (
        "an official stage without its finish",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n'
        "end = 2026-07-04\nstages = [\n  { number = 1, date = 2026-07-04 },\n]\n",
        7,
        "stage #1: missing 'finish'",
    ),
    (
        "an expected finish time in a provisional edition",
        '[[edition]]\nrace = "tour-de-france"\nyear = 2027\nstart = 2027-07-02\n'
        "end = 2027-07-02\nprovisional = true\nstages = [\n"
        "  { number = 1, date = 2027-07-02, finish_utc = 15:30:00 },\n]\n",
        8,
        "a provisional edition has no expected finish times",
    ),
    ("broken TOML", RACE + "kind = \n", 7, "Invalid value"),
]


@pytest.mark.parametrize(("what", "text", "line", "reason"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_file_is_refused_with_file_line_and_reason(what, text, line, reason):
    error = refusal(text)
    assert error.source == "extra.toml"
    assert error.line == line, str(error)
    assert reason in str(error)
    where = f"extra.toml:{line}: " if line else "extra.toml: "
    assert str(error).startswith(where)


def test_the_base_calendar_reads_back():
    calendar = base()
    tour = calendar.edition("tour-de-france", 2025)
    assert tour is not None and tour.stage_count == 3
    assert [s.finish for s in tour.stages] == ["Lille", "Boulogne-sur-Mer", "Dunkerque"]
    assert tour.stage(2).finish_utc == time(15, 20)
    assert calendar.edition("tour-of-flanders", 2025).start == date(2025, 4, 6)


def test_a_prologue_is_stage_zero():
    text = (
        '[[edition]]\nrace = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n'
        "end = 2026-07-05\nstage_count = 1\nstages = [\n"
        '  { number = 0, date = 2026-07-04, finish = "Barcelona" },\n'
        '  { number = 1, date = 2026-07-05, finish = "Tarragona" },\n]\n'
    )
    calendar = apply(base(), parse_calendar(text, "extra.toml"))
    edition = calendar.edition("tour-de-france", 2026)
    assert edition.stage(0).finish == "Barcelona"
    assert edition.stages_on(date(2026, 7, 5))[0].number == 1


def test_names_shared_only_when_marked_ambiguous_in_both_races():
    one = RACE + 'ambiguous = ["Ronde"]\n[race.names]\nen = ["Ronde"]\n'
    other = RACE.replace("new-race", "other-race").replace("New Race", "Other Race")
    half = other + '[race.names]\nen = ["Ronde"]\n'
    with pytest.raises(CalendarError, match="list it in 'ambiguous' in both races"):
        apply(base(), parse_calendar(one + "\n" + half, "extra.toml"))
    both = other + 'ambiguous = ["RONDE"]\n[race.names]\nen = ["Ronde"]\n'
    calendar = apply(base(), parse_calendar(one + "\n" + both, "extra.toml"))
    assert {r.id for r in calendar.named("ronde")} == {"new-race", "other-race"}


def test_an_ambiguous_name_must_be_the_races_own():
    error = refusal(RACE + 'ambiguous = ["Somewhere"]\n')
    assert "ambiguous name 'Somewhere' is not one of the race's names" in str(error)


def test_counterparts_share_names_and_lookups_fold_them():
    calendar = base()
    assert [r.id for r in calendar.named("de ronde")] == [
        "tour-of-flanders",
        "tour-of-flanders-women",
    ]
    assert [r.id for r in calendar.named("LA GRANDE-BOUCLE")] == ["tour-de-france"]
    assert calendar.named("Giro") == ()


def test_a_file_on_top_replaces_a_race_or_an_edition_with_the_same_id():
    moved = '[[edition]]\nrace = "tour-of-flanders"\nyear = 2025\ndate = 2025-04-13\n'
    calendar = apply(base(), parse_calendar(moved, "extra.toml"))
    assert calendar.edition("tour-of-flanders", 2025).start == date(2025, 4, 13)


def test_bundled_files_may_not_repeat_an_id():
    again = '[[edition]]\nrace = "tour-of-flanders"\nyear = 2025\ndate = 2025-04-06\n'
    with pytest.raises(CalendarError, match=r"second\.toml:1: tour-of-flanders 2025 is defined"):
        apply(
            Calendar(),
            parse_calendar(BASE, "first.toml"),
            parse_calendar(again, "second.toml"),
            replace=False,
        )


def test_editions_on_a_day():
    calendar = base()
    assert [e.race_id for e in calendar.editions_on(date(2025, 7, 6))] == ["tour-de-france"]
    assert calendar.editions_on(date(2025, 7, 8)) == []


def test_dump_reads_back_the_same():
    calendar = base()
    again = apply(Calendar(), parse_calendar(dump_calendar(calendar), "dump.toml"))
    assert again.races == calendar.races
    assert again.editions == calendar.editions


PROVISIONAL = """
[[edition]]
race = "tour-de-france"
year = 2025
start = 2025-07-04
end = 2025-07-05
stage_count = 2
provisional = true
stages = [
  { number = 1, date = 2025-07-04 },
  { number = 2, date = 2025-07-05, finish = "Calais" },
]

[[edition]]
race = "tour-of-flanders"
year = 2026
date = 2026-04-05
provisional = true
"""


def test_a_provisional_edition_reads_back_with_stages_lacking_their_finish():
    part = parse_calendar(PROVISIONAL, "estimates.toml")
    edition = part.editions[("tour-de-france", 2025)]
    assert edition.provisional
    assert [(s.number, s.finish) for s in edition.stages] == [(1, None), (2, "Calais")]
    assert not base().edition("tour-de-france", 2025).provisional  # the default: official
    written = dump_entries((), part.editions.values())
    assert "provisional = true" in written
    assert "{ number = 1, date = 2025-07-04 }," in written
    assert parse_calendar(written, "again.toml").editions == part.editions


def test_an_official_edition_outranks_a_provisional_one_in_either_order():
    estimates = parse_calendar(PROVISIONAL, "estimates.toml")
    # Estimates on top of the official 2025 Tour do not hide it...
    calendar = apply(base(), estimates)
    assert not calendar.edition("tour-de-france", 2025).provisional
    assert calendar.edition("tour-de-france", 2025).start == date(2025, 7, 5)
    # ...an estimate fills a year nobody announced...
    assert calendar.edition("tour-of-flanders", 2026).provisional
    # ...and the announced dates, imported later, replace it.
    announced = '[[edition]]\nrace = "tour-of-flanders"\nyear = 2026\ndate = 2026-04-05\n'
    calendar = apply(calendar, parse_calendar(announced, "announced.toml"))
    assert not calendar.edition("tour-of-flanders", 2026).provisional
