"""`domestique races import/export` as an operator runs them: a separate process, real files."""

from __future__ import annotations

from pathlib import Path

from tests.bot.cli.test_main import domestique

NEW_RACE = """
[[race]]
id = "gp-domestique"
name = "Grand Prix Domestique"
sex = "men"
class = "proseries"
kind = "one-day"
country = "BEL"
[race.names]
nl = ["Prijs van de Knecht"]

[[edition]]
race = "gp-domestique"
year = 2027
date = 2027-05-02

[[edition]]
race = "tour-de-france"
year = 2027
start = 2027-07-02
end = 2027-07-25
stage_count = 21
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_a_race_and_next_years_dates_then_export(tmp_path):
    extra = write(tmp_path, "extra.toml", NEW_RACE)
    imported = domestique(tmp_path, "races", "import", str(extra))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == f"imported 1 race and 2 editions from {extra}"

    mine = domestique(tmp_path, "races", "export", "--imported-only")
    assert mine.returncode == 0, mine.stderr
    assert 'id = "gp-domestique"' in mine.stdout and "year = 2027" in mine.stdout
    assert 'id = "paris-roubaix"' not in mine.stdout  # bundled races are not "imported"

    everything = domestique(tmp_path, "races", "export")
    assert everything.returncode == 0, everything.stderr
    assert 'id = "gp-domestique"' in everything.stdout
    assert 'id = "paris-roubaix"' in everything.stdout
    assert 'race = "tour-de-france"\nyear = 2027\nstart = 2027-07-02' in everything.stdout


def test_export_to_a_file_imports_back_unchanged(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    imported = domestique(first, "races", "import", str(write(tmp_path, "x.toml", NEW_RACE)))
    assert imported.returncode == 0, imported.stderr
    out = tmp_path / "calendar.toml"
    written = domestique(first, "races", "export", "-o", str(out))
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith("wrote ") and str(out) in written.stdout

    # The whole calendar, imported into a fresh database on top of the bundled one.
    again = domestique(second, "races", "import", str(out))
    assert again.returncode == 0, again.stderr
    exported = domestique(second, "races", "export")
    assert exported.stdout == out.read_text(encoding="utf-8")


def test_a_malformed_file_is_refused_whole_and_nothing_is_kept(tmp_path):
    bad = write(
        tmp_path,
        "bad.toml",
        NEW_RACE + '\n[[edition]]\nrace = "tour-de-france"\nyear = 2028\nstart = 2028-07-01\n'
        "end = 2028-07-02\nstages = [\n"
        '  { number = 1, date = 2028-07-01, finish = "Nice" },\n'
        '  { number = 2, date = 2028-07-03, finish = "Nice" },\n]\n',
    )
    refused = domestique(tmp_path, "races", "import", str(bad))
    assert refused.returncode == 2
    assert f"{bad}:31:" in refused.stderr
    assert "stage 2 on 2028-07-03 is outside the edition" in refused.stderr
    assert "Traceback" not in refused.stderr and refused.stdout == ""
    kept = domestique(tmp_path, "races", "export", "--imported-only")
    assert kept.returncode == 0 and kept.stdout == ""


def test_a_name_that_belongs_to_a_bundled_race_is_refused(tmp_path):
    clash = write(tmp_path, "clash.toml", NEW_RACE.replace("Prijs van de Knecht", "De Ronde"))
    refused = domestique(tmp_path, "races", "import", str(clash))
    assert refused.returncode == 2
    assert f"{clash}:2:" in refused.stderr
    assert "name 'De Ronde' is also a name of 'tour-of-flanders'" in refused.stderr
    assert domestique(tmp_path, "races", "export", "--imported-only").stdout == ""


def test_a_file_that_cannot_be_read_or_written_says_why(tmp_path):
    missing = domestique(tmp_path, "races", "import", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    assert "Traceback" not in missing.stderr
    folder = tmp_path / "a-folder"
    folder.mkdir()
    unwritable = domestique(tmp_path, "races", "export", "-o", str(folder))
    assert unwritable.returncode == 2 and "cannot write" in unwritable.stderr
    assert "Traceback" not in unwritable.stderr
    assert list(tmp_path.glob(".*.partial")) == []


def test_stored_imports_that_no_longer_fit_are_reported_not_a_traceback(tmp_path):
    import sqlite3

    assert domestique(tmp_path, "db", "migrate").returncode == 0
    # As if an import were kept by an earlier version and the bundled data changed since.
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        db.execute(
            "INSERT INTO race_imports (source, content, imported_at) VALUES (?, ?, 0)",
            ("old.toml", '[[edition]]\nrace = "gone-race"\nyear = 2027\ndate = 2027-05-02\n'),
        )
    exported = domestique(tmp_path, "races", "export")
    assert exported.returncode == 1
    assert "no longer fit the calendar: stored import #1 of old.toml:1:" in exported.stderr
    assert "gone-race" in exported.stderr
    assert "Traceback" not in exported.stderr
    # What was imported can still be written out, to be fixed and imported again.
    mine = domestique(tmp_path, "races", "export", "--imported-only")
    assert mine.returncode == 0 and 'race = "gone-race"' in mine.stdout
    refused = domestique(tmp_path, "races", "import", str(write(tmp_path, "x.toml", NEW_RACE)))
    assert refused.returncode == 1 and "no longer fit" in refused.stderr


ESTIMATES = """
[[edition]]
race = "tour-de-france"
year = 2026
start = 2026-07-03
end = 2026-07-25
provisional = true

[[edition]]
race = "tour-de-france"
year = 2028
start = 2028-07-01
end = 2028-07-23
provisional = true
"""


def test_provisional_dates_round_trip_and_never_hide_announced_ones(tmp_path):
    extra = write(tmp_path, "estimates.toml", ESTIMATES)
    imported = domestique(tmp_path, "races", "import", str(extra))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines() == [
        f"imported 0 races and 2 editions from {extra}",
        "kept the announced dates of tour-de-france 2026 over this file's provisional ones",
    ]
    everything = domestique(tmp_path, "races", "export").stdout
    assert 'race = "tour-de-france"\nyear = 2026\nstart = 2026-07-04\n' in everything
    assert "year = 2028\nstart = 2028-07-01\nend = 2028-07-23\nprovisional = true\n" in everything
    # The bundled 2027 estimates export as such, and an import of the announced dates
    # replaces them.
    assert 'race = "paris-roubaix"\nyear = 2027\ndate = 2027-04-11\nprovisional = true\n' in (
        everything
    )
    announced = write(
        tmp_path, "announced.toml", '[[edition]]\nrace = "paris-roubaix"\nyear = 2027\n'
        "date = 2027-04-11\n",
    )  # fmt: skip
    assert domestique(tmp_path, "races", "import", str(announced)).returncode == 0
    after = domestique(tmp_path, "races", "export").stdout
    assert 'race = "paris-roubaix"\nyear = 2027\ndate = 2027-04-11\n\n' in after
