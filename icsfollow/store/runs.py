"""Recorded runs: a command's record transaction and its files, as one outcome.

Order: change the record, write the files, commit. If anything fails, the transaction
rolls back and the files this run created are removed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, TypeVar

from icsfollow.core.model import Plan
from icsfollow.store.db import open_record
from icsfollow.store.files import NewFiles, write_files
from icsfollow.store.record import InterviewRow, Recording, add_files, record_plan

__all__ = ["ChangeRun", "change_run", "feed_objects", "record_plan_run", "write_feed"]

Outcome = TypeVar("Outcome")


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
    with NewFiles() as created, open_record() as db:
        created.expect([*targets, *([feed] if feed else [])])
        recording = record_plan(db, plan, options, now, new)
        written = write()
        add_files(db, recording.interview_id, "plan", [str(path) for path in written], now)
        if feed is not None:
            write_feed(db, feed)
    return recording, written


class ChangeRun(NamedTuple):
    """Where a change's files go."""

    folder: Path
    force: bool = False
    feed: Path | None = None


def change_run(
    identify: str,
    action: Callable[[sqlite3.Connection, InterviewRow], Outcome],
    files_of: Callable[[Outcome], tuple[tuple[str, bytes], ...]],
    kind: str,
    where: ChangeRun,
    now: datetime,
) -> tuple[InterviewRow, Outcome, list[Path]]:
    """Find an interview, change it, write the change's files, then commit.

    Args:
        identify: An id, unique id prefix or unique company name.
        action: Changes the record (e.g. :func:`icsfollow.store.revise.close`).
        files_of: The files (names, bytes) the action's outcome asks for.
        kind: What the files are, for the record (``update``, ``cancel``).
        where: The folder, --force, and the feed to rewrite.
        now: The time of the change.

    Returns:
        The interview (as it was), the action's outcome and the paths written.
    """
    from icsfollow.store.lookup import find_interview, nothing_recorded
    from icsfollow.store.paths import record_path

    if not record_path().exists():
        raise nothing_recorded(identify)
    with NewFiles() as created, open_record(create=False) as db:
        row = find_interview(db, identify)
        outcome = action(db, row)
        files = [(where.folder / name, data) for name, data in files_of(outcome)]
        created.expect([path for path, _ in files] + ([where.feed] if where.feed else []))
        written = write_files(files, where.force)
        add_files(db, row.id, kind, [str(path) for path in written], now)
        if where.feed is not None:
            write_feed(db, where.feed)
    return row, outcome, written


def feed_objects(db: sqlite3.Connection) -> list[bytes]:
    """The step objects of every active plan (withdrawn steps left out), and of a closed
    plan the steps still ahead (the thank-yous after ``heard-back``), in time order."""
    cursor = db.execute(
        "SELECT s.object_ics FROM steps s JOIN interviews i ON i.id = s.interview_id"
        " WHERE s.state != 'withdrawn' AND (i.state = 'active' OR s.state = 'ahead')"
        " ORDER BY s.start, s.interview_id, s.id"
    )
    return [bytes(blob) for (blob,) in cursor]


def write_feed(db: sqlite3.Connection, path: Path) -> Path:
    """Rewrite the subscription feed at ``path`` from the record."""
    from icsfollow.render.changes import render_feed

    write_files([(path, render_feed(feed_objects(db)))], force=True)
    return path
