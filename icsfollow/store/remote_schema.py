"""The schema migration of CalDAV sync's table; plain data, so plan's start-up stays light."""

from __future__ import annotations

__all__ = ["REMOTE_MIGRATION"]

REMOTE_MIGRATION: tuple[str, ...] = (
    # One row per calendar object this tool created. step_row has no foreign key: when
    # its step is deleted (forget), the trigger below keeps the row as a tombstone.
    """CREATE TABLE remote_objects (
        id INTEGER PRIMARY KEY,
        step_row INTEGER UNIQUE,
        uid TEXT NOT NULL,
        href TEXT NOT NULL UNIQUE,
        etag TEXT,
        pushed_sequence INTEGER NOT NULL DEFAULT -1,
        deleted INTEGER NOT NULL DEFAULT 0,
        owner TEXT NOT NULL DEFAULT 'icsfollow' CHECK (owner IN ('icsfollow', 'user')),
        updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
    )""",
    """CREATE TRIGGER remote_objects_outlive_steps AFTER DELETE ON steps BEGIN
        UPDATE remote_objects SET step_row = NULL WHERE step_row = OLD.id;
    END""",
)
