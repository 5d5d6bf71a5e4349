"""The record's schema: an append-only list of migrations, versioned by ``user_version``.

Migration ``n`` (from 1) brings a database from ``PRAGMA user_version = n - 1`` to ``n``.
Never edit or reorder a migration that has shipped: append a new one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from icsfollow.errors import StoreError
from icsfollow.store.remote_schema import REMOTE_MIGRATION

__all__ = ["APPLICATION_ID", "MIGRATIONS", "check_identity", "migrate"]

# "ICSF": marks the file as icsfollow's, so that another program's database is refused.
APPLICATION_ID = 0x49435346

MIGRATIONS: list[tuple[str, ...]] = [
    (
        # One row per recorded interview. The inputs are kept twice: as typed (the
        # plan options) and as resolved (the Interview and Settings), as JSON objects.
        # local_start is the start as people read it in candidate_zone (for list).
        """CREATE TABLE interviews (
            id TEXT PRIMARY KEY,
            company TEXT NOT NULL,
            context TEXT NOT NULL,
            start_utc TEXT NOT NULL,
            local_date TEXT NOT NULL,
            local_start TEXT NOT NULL,
            candidate_zone TEXT NOT NULL,
            options_json TEXT NOT NULL,
            interview_json TEXT NOT NULL,
            settings_json TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'closed')),
            outcome TEXT,
            note TEXT,
            updates INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            closed_at TEXT
        )""",
        # One row per planned step. object_ics is the step as a CalDAV server should hold
        # it: one VEVENT, no METHOD, under first_uid with the current sequence. start and
        # end: UTC ISO instants, or dates (all_day, end exclusive); ends_utc: the UTC
        # instant the step is over (an all-day one: midnight of its end, local);
        # local_when: its time as people read it ("Tue 12 May 2026 12:30 EDT").
        """CREATE TABLE steps (
            id INTEGER PRIMARY KEY,
            interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
            step_id TEXT NOT NULL,
            first_uid TEXT NOT NULL,
            uid TEXT NOT NULL,
            sequence INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'ahead' CHECK (state IN ('ahead', 'done', 'withdrawn')),
            all_day INTEGER NOT NULL,
            start TEXT NOT NULL,
            end TEXT NOT NULL,
            ends_utc TEXT NOT NULL,
            local_when TEXT NOT NULL,
            summary TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            object_ics BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (interview_id, step_id)
        )""",
        # Every UID a step has had, so a fresh one is never a UID a calendar has seen.
        """CREATE TABLE step_uids (
            step_row INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
            uid TEXT NOT NULL,
            first_used TEXT NOT NULL,
            PRIMARY KEY (step_row, uid)
        )""",
        """CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            path TEXT NOT NULL,
            written_at TEXT NOT NULL
        )""",
        # Covering indexes, so that list reads neither step objects nor plan inputs.
        "CREATE INDEX steps_next ON steps"
        " (interview_id, state, start, ends_utc, id, step_id, summary, local_when, end, all_day)",
        "CREATE INDEX interviews_listed ON interviews (state, start_utc, id, company, context,"
        " local_date, local_start, candidate_zone, outcome, note, updates)",
        "CREATE INDEX files_by_interview ON files (interview_id)",
    ),
    # 2 (issue 12, CalDAV sync): which server object is which step's; see store/remote.py.
    REMOTE_MIGRATION,
]


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the database up to date inside the caller's open transaction.

    Raises:
        StoreError: If the file belongs to another program or to a newer icsfollow.
    """
    app_id, version = check_identity(connection, path)
    for statements in MIGRATIONS[version:]:
        for statement in statements:
            connection.execute(statement)
    if version < len(MIGRATIONS) or app_id != APPLICATION_ID:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")


def check_identity(connection: sqlite3.Connection, path: Path) -> tuple[int, int]:
    """Read the file's application id and schema version, changing nothing.

    Returns:
        The application id and ``user_version`` (0, 0 for a new, empty database).

    Raises:
        StoreError: If the file belongs to another program or to a newer icsfollow.
    """
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID and (app_id != 0 or version != 0 or _has_tables(connection)):
        raise StoreError(
            f"{path} is not an icsfollow record; move it away (or set ICSFOLLOW_DATA_DIR)"
        )
    if version > len(MIGRATIONS):
        raise StoreError(
            f"{path} was written by a newer icsfollow (schema {version}, this one knows "
            f"{len(MIGRATIONS)}); upgrade icsfollow"
        )
    return app_id, version


def _has_tables(connection: sqlite3.Connection) -> bool:
    row = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return bool(row[0])
