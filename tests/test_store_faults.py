"""The record under stress: locks, concurrency, migrations, and files that are not a record."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_support import NOW, PLAN, invoke, query, record_file, recorded_ids

from icsfollow.store import schema


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def plan_fails_with(message: str) -> None:
    """plan exits 1 with that one Error line and writes no calendar file."""
    result = invoke(*PLAN, *NOW)
    assert result.exit_code == 1, result.output
    assert result.stderr == f"Error: {message}\n"
    assert not Path("followup-acme-2026-05-12.ics").exists()


def put_record(data: bytes) -> bytes:
    record_file().parent.mkdir(parents=True, exist_ok=True)
    record_file().write_bytes(data)
    return data


def test_a_corrupt_file_is_named_and_never_overwritten() -> None:
    data = put_record(b"not a database, just bytes\n" * 200)
    plan_fails_with(
        f"{record_file()} is not an icsfollow record (file is not a database); move it away"
    )
    assert record_file().read_bytes() == data
    assert invoke("list").exit_code == 1


def test_another_programs_database_is_refused() -> None:
    record_file().parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(record_file()) as other:
        other.execute("CREATE TABLE notes (text TEXT)")
    before = record_file().read_bytes()
    plan_fails_with(
        f"{record_file()} is not an icsfollow record; move it away (or set ICSFOLLOW_DATA_DIR)"
    )
    assert record_file().read_bytes() == before


def test_a_record_from_a_newer_icsfollow_is_refused() -> None:
    assert invoke(*PLAN, *NOW, "-o", "first.ics").exit_code == 0
    with sqlite3.connect(record_file()) as connection:
        connection.execute("PRAGMA user_version = 99")
    plan_fails_with(
        f"{record_file()} was written by a newer icsfollow (schema 99, this one knows"
        f" {len(schema.MIGRATIONS)}); upgrade icsfollow"
    )


def test_a_locked_record_waits_then_fails_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke(*PLAN, *NOW, "-o", "first.ics").exit_code == 0
    monkeypatch.setenv("ICSFOLLOW_LOCK_TIMEOUT", "0.3")
    holder = sqlite3.connect(record_file(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        plan_fails_with(f"the record {record_file()} is locked by another icsfollow run; try again")
        assert invoke("list").exit_code == 0  # readers never wait for a writer (WAL)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_the_record_is_wal_and_private() -> None:
    assert invoke(*PLAN, *NOW).exit_code == 0
    assert query("PRAGMA journal_mode") == [("wal",)]
    assert oct(record_file().stat().st_mode & 0o777) == "0o600"
    assert oct(record_file().parent.stat().st_mode & 0o777) == "0o700"


def build_version_1(path: Path) -> None:
    """A record as version 1 of the schema left it, with one interview."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    for statement in schema.MIGRATIONS[0]:
        connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO interviews (id, company, context, start_utc, local_date, local_start,"
        " candidate_zone, options_json, interview_json, settings_json, created_at, updated_at)"
        " VALUES ('acme-2026-05-12', 'Acme', 'direct', '2026-05-12T15:00:00+00:00', '2026-05-12',"
        " 'Tue 12 May 2026 11:00 EDT', 'America/New_York', '{}', '{}', '{}',"
        " '2026-05-11T16:05:00+00:00',"
        " '2026-05-11T16:05:00+00:00')"
    )
    connection.close()


def test_a_version_1_record_is_migrated_in_one_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    build_version_1(record_file())
    later = ("CREATE TABLE later (id INTEGER PRIMARY KEY)", "ALTER TABLE interviews ADD extra TEXT")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, later])
    assert invoke("list").exit_code == 0
    assert query("PRAGMA user_version") == [(len(schema.MIGRATIONS),)]
    assert query("SELECT id, extra FROM interviews") == [("acme-2026-05-12", None)]


def test_a_failing_migration_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    build_version_1(record_file())
    broken = ("CREATE TABLE later (id INTEGER PRIMARY KEY)", "ALTER TABLE nowhere ADD x TEXT")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    result = invoke("list")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: the record {record_file()} cannot be used: ")
    assert query("PRAGMA user_version") == [(1,)]
    assert query("SELECT name FROM sqlite_master WHERE name = 'later'") == []
    assert recorded_ids() == ["acme-2026-05-12"]


def test_ten_plans_at_once_give_ten_records(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("icsfollow")
    env = {**os.environ, "ICSFOLLOW_LOCK_TIMEOUT": "60"}
    runs = [
        subprocess.Popen(
            [str(script), *PLAN, *NOW, "--new", "-o", f"plan-{number}.ics"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for number in range(10)
    ]
    for run in runs:
        _, errors = run.communicate(timeout=120)
        assert run.returncode == 0, errors
    assert sorted(recorded_ids()) == sorted(
        ["acme-2026-05-12"] + [f"acme-2026-05-12-{n}" for n in range(2, 11)]
    )
    assert query("SELECT count(*) FROM steps") == [(40,)]
    assert query("SELECT count(DISTINCT first_uid) FROM steps") == [(4,)]
