"""`domestique db copy --to URL`: what an operator sees when moving to PostgreSQL, and the
exit codes on bad input (as the other database commands)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

import storage.copy as copy_module
from bot.cli.dbcopy import EXIT_DIFFERS
from bot.cli.main import EXIT_DATABASE_IN_USE, EXIT_DATABASE_UNUSABLE, main
from storage.lock import WriterLock
from tests.storage.copy_world import seed

PASSWORD = "hunter2"  # the test cluster trusts every login; a real password is never shown


@pytest.fixture
def target(pg_cluster) -> Iterator[str]:
    name = asyncio.run(pg_cluster.lend())
    try:
        yield f"postgresql://postgres:{PASSWORD}@127.0.0.1:{pg_cluster.port}/{name}"
    finally:
        asyncio.run(pg_cluster.give_back(name))


@pytest.fixture
def source(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "domestique.sqlite3"
    asyncio.run(seed(path))
    monkeypatch.setenv("DOMESTIQUE_DATABASE", str(path))
    return path


def table_lines(out: str) -> list[str]:
    return [line for line in out.splitlines()[1:] if not line.startswith(("copied", "postgres"))]


def test_copy_prints_counts_and_checksums_then_copying_again_writes_nothing(source, target, capsys):
    assert main(["db", "copy", "--to", target]) == 0
    first = capsys.readouterr()
    assert first.err == ""
    lines = table_lines(first.out)
    assert any(line.split()[:2] == ["articles", "12"] for line in lines)
    assert all(len(line.split()[2]) == 32 for line in lines)  # a checksum on every table
    assert "counts and checksums match" in first.out and "rows/s" in first.out
    assert PASSWORD not in first.out and ":***@" in first.out

    assert main(["db", "copy", "--to", target]) == 0
    again = capsys.readouterr().out
    assert "already holds this copy: nothing written" in again
    assert table_lines(again) == lines


def test_the_sqlite_file_may_be_named_when_the_setting_points_at_postgresql(
    source, target, capsys, monkeypatch
):
    monkeypatch.setenv("DOMESTIQUE_DATABASE", target)  # as in compose.yaml
    assert main(["db", "copy", "--to", target]) == 2
    assert "give the SQLite file to copy with --database" in capsys.readouterr().err
    assert main(["db", "copy", "--database", str(source), "--to", target]) == 0
    assert "counts and checksums match" in capsys.readouterr().out


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert PASSWORD not in err
    return lines[0]


def test_bad_input_is_one_line_and_an_exit_code(source, target, pg_cluster, capsys, tmp_path):
    assert main(["db", "copy", "--to", str(tmp_path / "x.sqlite3")]) == 2
    assert "--to must be a PostgreSQL URL" in one_line(capsys.readouterr().err)

    closed = f"postgresql://u:{PASSWORD}@127.0.0.1:{pg_cluster.port + 1}/x"
    assert main(["db", "copy", "--to", closed]) == EXIT_DATABASE_UNUSABLE
    assert "cannot connect" in one_line(capsys.readouterr().err)

    lock = WriterLock.acquire(source)
    try:
        assert main(["db", "copy", "--to", target]) == EXIT_DATABASE_IN_USE
    finally:
        lock.release()
    assert "another Domestique is using it" in one_line(capsys.readouterr().err)

    other = tmp_path / "other.sqlite3"
    asyncio.run(seed(other, story_count=2))
    assert main(["db", "copy", "--database", str(other), "--to", target]) == 0
    capsys.readouterr()
    assert main(["db", "copy", "--to", target]) == EXIT_DATABASE_UNUSABLE
    assert "already holds other data" in one_line(capsys.readouterr().err)
    assert main(["db", "copy", "--to", target, "--replace"]) == 0
    assert "counts and checksums match" in capsys.readouterr().out


def test_a_copy_that_differs_exits_non_zero_naming_the_table(source, target, capsys, monkeypatch):
    real = copy_module.postgres_sum

    async def miscounted(conn, table):
        total = await real(conn, table)
        if table.name == "follows":
            total.total += 1
        return total

    monkeypatch.setattr(copy_module, "postgres_sum", miscounted)
    assert main(["db", "copy", "--to", target]) == EXIT_DIFFERS
    out = capsys.readouterr().out
    (differs,) = [line for line in out.splitlines() if "DIFFERS" in line]
    assert differs.startswith("follows ")
    assert "differs from the SQLite file: rolled back" in out
