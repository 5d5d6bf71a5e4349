"""Helpers for the record's tests: run commands, read the record directly."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from icsfollow.cli import cli

NY = ("--tz", "America/New_York")
DANA = ("--interviewer", "Dana Lee <dana@acme.example>")
PLAN = ("plan", "2026-05-12 11:00", "--context", "direct", *NY, "--company", "Acme", *DANA)
NOW = ("--now", "2026-05-12T16:05:00Z")


def invoke(*args: str) -> Result:
    """Run icsfollow in-process; the NO_COLOR terminal of the README."""
    return CliRunner().invoke(
        cli, list(args), prog_name="icsfollow", catch_exceptions=False, env={"NO_COLOR": "1"}
    )


def record_file() -> Path:
    return Path(os.environ["ICSFOLLOW_DATA_DIR"]) / "record.sqlite3"


def query(sql: str, *params: object) -> list[tuple[object, ...]]:
    """Read the record directly (not through the package)."""
    with sqlite3.connect(record_file()) as connection:
        return [tuple(row) for row in connection.execute(sql, params)]


def recorded_ids() -> list[str]:
    """The recorded interview ids; none when the record (or its schema) does not exist."""
    if not record_file().exists():
        return []
    if not query("SELECT name FROM sqlite_master WHERE name = 'interviews'"):
        return []
    return [str(row[0]) for row in query("SELECT id FROM interviews ORDER BY id")]
