"""The record's side of CalDAV sync: which object on the server is which step's.

The ``remote_objects`` table (see :mod:`icsfollow.store.remote_schema`) keeps, per step, the
object's href, ETag, the SEQUENCE the server holds and who owns it now. Forgetting an
interview deletes its steps; a trigger then turns their objects into tombstones (no step),
which the next sync deletes from the server. Nothing here imports the caldav library.
"""

from __future__ import annotations

import json
import sqlite3

from icsfollow.sync.engine import pending_rows
from icsfollow.sync.values import OURS, USERS, Desired, Remote

__all__ = [
    "RecordLedger",
    "count_by_interview",
    "desired_objects",
    "pending_steps",
    "remote_objects",
]


def desired_objects(db: sqlite3.Connection, *, objects: bool = True) -> list[Desired]:
    """Every recorded step as the server should hold it (withdrawn: no object).

    Args:
        db: The open record.
        objects: Read the objects; without, each is ``b""`` (enough to tell what is pending).
    """
    blob = "object_ics" if objects else "x''"
    cursor = db.execute(
        f"SELECT id, first_uid, sequence, state, {blob}, interview_id, step_id FROM steps"
        " ORDER BY id"
    )
    return [
        Desired(row, uid, sequence, None if state == "withdrawn" else bytes(ics), f"{iid} {sid}")
        for row, uid, sequence, state, ics, iid, sid in cursor
    ]


def remote_objects(db: sqlite3.Connection) -> list[Remote]:
    """What was pushed; a row whose step is gone or was reused for another UID is a tombstone."""
    cursor = db.execute(
        "SELECT r.step_row, r.uid, r.href, r.etag, r.pushed_sequence, r.deleted, r.owner,"
        " s.first_uid FROM remote_objects AS r LEFT JOIN steps AS s ON s.id = r.step_row"
        " ORDER BY r.id"
    )
    return [
        Remote(row if first == uid else None, uid, href, etag, pushed, bool(deleted), owner)
        for row, uid, href, etag, pushed, deleted, owner, first in cursor
    ]


def pending_steps(db: sqlite3.Connection) -> set[int]:
    """The step row ids with a change the calendar server does not have yet."""
    return pending_rows(desired_objects(db, objects=False), remote_objects(db))


def count_by_interview(db: sqlite3.Connection, step_rows: set[int]) -> dict[str, int]:
    """How many of these step rows each interview has."""
    counts: dict[str, int] = {}
    for (interview_id,) in db.execute(
        "SELECT interview_id FROM steps WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(step_rows)),),
    ):
        counts[interview_id] = counts.get(interview_id, 0) + 1
    return counts


class RecordLedger:
    """The engine's Ledger on an open record; the caller commits after each call."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def intend(self, step_row: int, uid: str, href: str) -> None:
        """Remember the href before the create request is sent."""
        self._db.execute("DELETE FROM remote_objects WHERE step_row = ?", (step_row,))
        self._db.execute(
            "INSERT INTO remote_objects (step_row, uid, href, owner) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (href) DO UPDATE SET step_row = excluded.step_row, etag = NULL,"
            " deleted = 0, owner = excluded.owner, updated_at = CURRENT_TIMESTAMP",
            (step_row, uid, href, OURS),
        )

    def stored(self, href: str, etag: str | None, sequence: int) -> None:
        """The server holds this SEQUENCE at href."""
        self._set(href, "etag = ?, pushed_sequence = ?, deleted = 0", etag, sequence)

    def removed(self, href: str) -> None:
        """The object at href is gone."""
        self._set(href, "etag = NULL, deleted = 1")

    def yielded(self, href: str) -> None:
        """The user changed the object: never touch it again."""
        self._set(href, "owner = ?", USERS)

    def _set(self, href: str, assignments: str, *values: object) -> None:
        self._db.execute(
            f"UPDATE remote_objects SET {assignments}, updated_at = CURRENT_TIMESTAMP"
            " WHERE href = ?",
            (*values, href),
        )
