"""Recorded runs: a command's record transaction and its files, as one outcome."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from icsfollow.core.model import Plan
from icsfollow.store.db import open_record
from icsfollow.store.files import created_files, write_files
from icsfollow.store.record import Recording, add_files, record_plan

__all__ = ["feed_objects", "record_plan_run", "write_feed"]


def record_plan_run(
    plan: Plan,
    options: Mapping[str, object],
    now: datetime,
    write: Callable[[], list[Path]],
    targets: list[Path],
    new: bool = False,
    feed: Path | None = None,
) -> tuple[Recording, list[Path]]:
    """Record a plan, write its files, then commit; on failure undo both.

    Args:
        plan: The plan.
        options: Its options as typed.
        now: The time of the run.
        write: Writes the plan's files; returns the paths written.
        targets: Every path ``write`` may create (removed again on failure).
        new: Record a separate interview even when one matches.
        feed: The feed file to rewrite, if one is configured.
    """
    with created_files([*targets, *([feed] if feed else [])]), open_record() as db:
        recording = record_plan(db, plan, options, now, new)
        written = write()
        add_files(db, recording.interview_id, "plan", [str(path) for path in written], now)
        if feed is not None:
            write_feed(db, feed)
    return recording, written


def feed_objects(db: sqlite3.Connection) -> list[bytes]:
    """The step objects of every recorded plan, except the withdrawn ones, in time order."""
    cursor = db.execute(
        "SELECT object_ics FROM steps WHERE state != 'withdrawn' ORDER BY start, interview_id, id"
    )
    return [bytes(blob) for (blob,) in cursor]


def write_feed(db: sqlite3.Connection, path: Path) -> Path:
    """Rewrite the subscription feed at ``path`` from the record."""
    from icsfollow.render.changes import render_feed

    write_files([(path, render_feed(feed_objects(db)))], force=True)
    return path
