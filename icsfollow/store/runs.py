"""Recorded runs: a command's record transaction and its files, as one outcome.

Order: change the record, put the files in place (an :class:`OutputSet`), commit, then
make the files final. If anything fails, the transaction rolls back and the files are
undone: what the run created goes, what it replaced comes back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, TypeVar

from icsfollow.core.model import Plan
from icsfollow.output import OutputSet
from icsfollow.store.db import open_record
from icsfollow.store.record import InterviewRow, Recording, add_files, record_plan

__all__ = [
    "ChangeRun",
    "change_run",
    "feed_objects",
    "place_with_feed",
    "record_plan_run",
    "write_feed",
]

Outcome = TypeVar("Outcome")


def record_plan_run(
    plan: Plan,
    options: Mapping[str, object],
    now: datetime,
    files: OutputSet,
    placed: Callable[[list[Path], Recording], None],
    new: bool = False,
    feed: Path | None = None,
) -> Recording:
    """Record a plan, put its files in place, then commit; on failure undo both.

    Args:
        plan: The plan.
        options: Its options as typed.
        now: The time of the run.
        files: The run's outputs, not yet placed; the feed is added to them.
        placed: Called with the plan's paths once they are in place, before the commit
            (to print what was done: if that fails, nothing is kept).
        new: Record a separate interview even when one matches.
        feed: The feed file to rewrite, if one is configured.
    """
    with open_record() as db:
        recording = record_plan(db, plan, options, now, new)
        written = place_with_feed(files, db, feed)
        add_files(db, recording.interview_id, "plan", [str(path) for path in written], now)
        placed(written, recording)
    return recording


def place_with_feed(files: OutputSet, db: sqlite3.Connection, feed: Path | None) -> list[Path]:
    """Put a run's files in place, with the feed rewritten from the record as the last one.

    Returns:
        The paths placed, the feed left out.
    """
    if feed is None:
        return files.place()
    from icsfollow.render.changes import render_feed

    files.add_file(feed, render_feed(feed_objects(db)), force=True)
    return files.place()[:-1]


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
    report: Callable[[InterviewRow, Outcome, list[Path]], None] | None = None,
) -> tuple[InterviewRow, Outcome, list[Path]]:
    """Find an interview, change it, write the change's files, then commit.

    Args:
        identify: An id, unique id prefix or unique company name.
        action: Changes the record (e.g. :func:`icsfollow.store.revise.close`).
        files_of: The files (names, bytes) the action's outcome asks for.
        kind: What the files are, for the record (``update``, ``cancel``).
        where: The folder, --force, and the feed to rewrite.
        now: The time of the change.
        report: Called once the files are in place, before the commit (to print what
            was done: if that fails, nothing is kept).

    Returns:
        The interview (as it was), the action's outcome and the paths written.
    """
    from icsfollow.store.lookup import find_interview, nothing_recorded
    from icsfollow.store.paths import record_path

    if not record_path().exists():
        raise nothing_recorded(identify)
    with OutputSet() as out, open_record(create=False) as db:
        row = find_interview(db, identify)
        outcome = action(db, row)
        for name, data in files_of(outcome):
            out.add_file(where.folder / name, data, force=where.force)
        written = place_with_feed(out, db, where.feed)
        add_files(db, row.id, kind, [str(path) for path in written], now)
        if report is not None:
            report(row, outcome, written)
    return row, outcome, written


def feed_objects(db: sqlite3.Connection) -> list[bytes]:
    """The step objects of every active plan (withdrawn steps left out), and of a closed
    plan the steps still ahead (the thank-yous after ``heard-back``), in time order."""
    cursor = db.execute(
        "SELECT s.object_ics FROM steps s JOIN interviews i ON i.id = s.interview_id"
        " WHERE s.state != 'withdrawn' AND (i.state = 'active' OR s.state = 'ahead')"
        " ORDER BY s.ends_utc, s.interview_id, s.id"
    )
    return [bytes(blob) for (blob,) in cursor]


def write_feed(db: sqlite3.Connection, path: Path) -> Path:
    """Rewrite the subscription feed at ``path`` from the record, all or nothing."""
    with OutputSet() as out:
        place_with_feed(out, db, path)
    return path
