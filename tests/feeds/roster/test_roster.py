"""The roster file format: loading, validation with line numbers, dates, export."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import RosterError, dump_roster, load_roster, parse_roster

TEXT = """
[[team]]
id = "visma"
country = "NED"
aliases = ["Visma", "Jumbo"]
names = [
  { name = "Jumbo-Visma", from = 2019-01-01, until = 2023-12-31 },
  { name = "Visma | Lease a Bike", from = 2024-01-01 },
]

[[rider]]
name = "Wout van Aert"
nationality = "BEL"
aliases = ["WVA"]
teams = [{ team = "visma", from = 2019 }]

[[rider]]
name = "Old Timer"
retired = 2020
teams = [{ team = "visma", from = 2019, until = 2020 }]

[[rider]]
name = "Comeback Kid"
teams = [
  { team = "visma", from = 2019, until = 2021 },
  { team = "visma", from = 2022, until = 2024, role = "sports director" },
  { team = "visma", from = 2025 },
]

[[staff]]
name = "Richard Plugge"
role = "general manager"
teams = [{ team = "visma" }]

[[retired]]
name = "Eddy Merckx"
aliases = ["the Cannibal"]
"""


def test_team_names_follow_the_calendar():
    team = parse_roster(TEXT).teams["visma"]
    assert team.name_on(date(2023, 12, 31)) == "Jumbo-Visma"
    assert team.name_on(date(2024, 1, 1)) == "Visma | Lease a Bike"
    assert team.name_on(None) == "Visma | Lease a Bike"
    assert team.name_on(date(2010, 1, 1)) == "Jumbo-Visma"
    assert team.all_names == ("Jumbo-Visma", "Visma | Lease a Bike")


def test_people_kinds_and_activity():
    roster = parse_roster(TEXT)
    wout, old = roster.people["wout-van-aert"], roster.people["old-timer"]
    assert wout.kind == "rider" and wout.is_active_rider(date(2026, 5, 1))
    assert old.is_active_rider(date(2020, 6, 1)) and not old.is_active_rider(date(2021, 1, 1))
    assert old.current_team is None and wout.current_team == "visma"
    assert roster.people["richard-plugge"].kind == "staff"
    assert not roster.people["eddy-merckx"].is_active_rider(None)


def test_seasons_as_staff_between_two_racing_careers():
    kid = parse_roster(TEXT).people["comeback-kid"]
    racing = [kid.is_active_rider(date(year, 6, 1)) for year in range(2020, 2027)]
    assert racing == [True, True, False, False, False, True, True]
    assert [kid.staff_in(year) for year in (2021, 2022, 2024, 2025)] == [False, True, True, False]
    assert kid.team_on(date(2023, 6, 1)) == "visma"  # the team she coached


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('[[team]]\nid = "x"\nnames = [\n', 3, "Invalid value"),
        ('[[team]]\nid = "x"\nid = "y"\nnames = []\n', 3, "Cannot overwrite"),
        ('[[team]]\nid = "Bad Id"\nnames = [{ name = "X" }]\n', 1, "lowercase slug"),
        ('[[team]]\nid = "x"\n', 1, "'names'"),
        (
            '[[team]]\nid = "x"\nnames = [{ name = "X" }]\n\n'
            '[[team]]\nid = "x"\nnames = [{ name = "Y" }]\n',
            5,
            "duplicate team id",
        ),
        ('[[rider]]\nname = "A"\n\n[[rider]]\nname = "B"\nretired = "soon"\n', 4, "season year"),
        ('[[rider]]\nname = "A"\naliases = "A1"\n', 1, "list of strings"),
        (
            '[[rider]]\nname = "A"\nteams = [{ team = "t", from = 2024, until = 2020 }]\n',
            1,
            "ends before",
        ),
        ('[[rider]]\nname = "A\\u0007"\n', 1, "control characters"),
        ('[[coach]]\nname = "A"\n', None, "unknown top-level"),
    ],
)
def test_malformed_files_name_line_and_reason(text, line, reason):
    with pytest.raises(RosterError) as info:
        parse_roster(text, "extra.toml")
    assert info.value.line == line
    assert reason in str(info.value) and str(info.value).startswith("extra.toml")


def test_dangling_team_reference_is_refused(tmp_path):
    path = tmp_path / "extra.toml"
    path.write_text('[[rider]]\nname = "A"\nteams = [{ team = "no-such-team" }]\n')
    with pytest.raises(RosterError, match="no-such-team"):
        load_roster([path])


def test_export_round_trips():
    roster = parse_roster(TEXT)
    again = parse_roster(dump_roster(roster))
    assert again.teams == roster.teams and again.people == roster.people


def test_bundled_roster_loads_and_extra_files_override(tmp_path):
    path = tmp_path / "extra.toml"
    path.write_text(
        TEXT.replace('id = "visma"', 'id = "visma-test"').replace('"visma"', '"visma-test"')
    )
    roster = load_roster([path])
    assert "visma-test" in roster.teams and "wout-van-aert" in roster.people
    assert roster.people["wout-van-aert"].stints[0].team_id == "visma-test"
    assert len(roster.teams) > 50 and len(roster.people) > 1000
