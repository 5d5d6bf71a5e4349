"""The record's repository: plans in; interviews, steps and their identities out.

Every function works inside the caller's transaction (see :func:`open_record`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from datetime import datetime, time
from typing import NamedTuple

from icsfollow.core.changes import ChangeKind, NewStep, RecordedStep, StepChange, diff_steps
from icsfollow.core.model import Plan, PlannedStep
from icsfollow.core.zones import UTC, format_local, local_instant, to_local
from icsfollow.render.changes import cancelled_object, render_object, step_fingerprint
from icsfollow.render.describe import describe_step
from icsfollow.render.ics import step_uid
from icsfollow.render.notices import when_text
from icsfollow.store.lookup import active_match, interview_steps, unique_id
from icsfollow.store.rows import InterviewRow, StepRow
from icsfollow.store.serial import dump_json

__all__ = [
    "InterviewRow",
    "Recording",
    "StepRow",
    "add_files",
    "apply_plan",
    "record_plan",
    "save_plan_inputs",
    "withdraw_step",
]


class Recording(NamedTuple):
    """What recording a plan did: the interview's id, whether it existed, what changed."""

    interview_id: str
    updated: bool
    changes: tuple[StepChange, ...]
    replaced: tuple[StepRow, ...] = ()

    @property
    def changed(self) -> tuple[StepChange, ...]:
        """The changes that touch a calendar (all but the unchanged steps)."""
        return tuple(change for change in self.changes if change.kind is not ChangeKind.UNCHANGED)


def record_plan(
    db: sqlite3.Connection,
    plan: Plan,
    options: Mapping[str, object],
    now: datetime,
    new: bool = False,
) -> Recording:
    """Record a plan: update the active record of the same company and date, or add one.

    Args:
        db: The open record.
        plan: The plan, as written to the calendar file.
        options: The plan options as typed.
        now: The time of the run.
        new: Add a separate record even when one matches.
    """
    existing = None if new else active_match(db, plan.interview)
    if existing is None:
        interview_id = unique_id(db, plan.interview)
        _insert_interview(db, interview_id, plan, options, now)
    else:
        interview_id = existing.id
        save_plan_inputs(db, interview_id, plan, options, now)
    changes, replaced = apply_plan(db, interview_id, plan, now)
    return Recording(interview_id, existing is not None, changes, replaced)


def _insert_interview(
    db: sqlite3.Connection,
    interview_id: str,
    plan: Plan,
    options: Mapping[str, object],
    now: datetime,
) -> None:
    columns = {"id": interview_id, **_input_columns(plan, options), "created_at": now.isoformat()}
    columns["updated_at"] = now.isoformat()
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    db.execute(f"INSERT INTO interviews ({names}) VALUES ({marks})", tuple(columns.values()))


def save_plan_inputs(
    db: sqlite3.Connection,
    interview_id: str,
    plan: Plan,
    options: Mapping[str, object],
    now: datetime,
) -> None:
    """Store a re-plan's inputs (as typed and as resolved) on an existing record."""
    columns = {**_input_columns(plan, options), "updated_at": now.isoformat()}
    assignments = ", ".join(f"{name} = ?" for name in columns)
    db.execute(
        f"UPDATE interviews SET {assignments} WHERE id = ?", (*columns.values(), interview_id)
    )


def _input_columns(plan: Plan, options: Mapping[str, object]) -> dict[str, object]:
    """The interview's columns that come from a plan: its inputs as typed and as resolved."""
    interview = plan.interview
    return {
        "company": interview.company,
        "context": interview.context.value,
        "start_utc": interview.start.isoformat(),
        "local_date": to_local(interview.start, interview.candidate_zone).date().isoformat(),
        "local_start": format_local(interview.start, interview.candidate_zone),
        "candidate_zone": interview.candidate_zone,
        "options_json": dump_json(options),
        "interview_json": dump_json(interview),
        "settings_json": dump_json(plan.settings),
    }


def apply_plan(
    db: sqlite3.Connection, interview_id: str, plan: Plan, now: datetime
) -> tuple[tuple[StepChange, ...], tuple[StepRow, ...]]:
    """Bring an interview's steps in line with a new plan.

    Returns:
        What happened to each step, and the old versions of the steps that changed
        or were withdrawn (the events calendars must lose).

    A changed or added step gets its new object under its first UID (SEQUENCE as
    :func:`diff_steps` says) and its fresh UID in the history; a step the plan no
    longer has is withdrawn, its object cancelled.
    """
    rows = {row.step_id: row for row in interview_steps(db, interview_id)}
    recorded = [_recorded(db, row, _history_state(row, plan, now)) for row in rows.values()]
    planned = {step.step_id: step for step in plan.steps}
    new = [_new_step(plan, step) for step in plan.steps]
    changes = diff_steps(recorded, new)
    for change in changes:
        if change.writes_event:
            _write_step(db, interview_id, plan, planned[change.step_id], change, now)
        elif change.kind is ChangeKind.REMOVED:
            withdraw_step(db, rows[change.step_id], now)
    replacing = {change.step_id for change in changes if change.old_uid is not None}
    replaced = tuple(row for step_id, row in rows.items() if step_id in replacing)
    return changes, replaced  # rows are in time order (interview_steps)


def withdraw_step(db: sqlite3.Connection, row: StepRow, now: datetime) -> StepRow:
    """Mark a step withdrawn; its object becomes the cancelled version (SEQUENCE+1)."""
    cancelled = cancelled_object(row.object_ics, now)
    db.execute(
        "UPDATE steps SET state = 'withdrawn', sequence = ?, object_ics = ?, updated_at = ?"
        " WHERE id = ?",
        (row.sequence + 1, cancelled, now.isoformat(), row.row),
    )
    return row._replace(state="withdrawn", sequence=row.sequence + 1, object_ics=cancelled)


def _history_state(row: StepRow, plan: Plan, now: datetime) -> str:
    """A step's state for the diff: one whose time has passed is history (``done``),
    unless it lies before the interview as now planned: moved later, the interview
    had not happened yet, so that step never did either and is planned again."""
    zone = plan.interview.candidate_zone
    state = row.state_at(now, zone)
    if state != "done" or row.state == "done":
        return state
    interview_end = plan.interview.end
    if isinstance(row.start, datetime):
        return "ahead" if row.start < interview_end else state
    return "ahead" if row.start <= to_local(interview_end, zone).date() else state


def _new_step(plan: Plan, step: PlannedStep) -> NewStep:
    return NewStep(
        step.step_id, step_uid(plan, step, describe_step(plan, step)), step_fingerprint(plan, step)
    )


def _recorded(db: sqlite3.Connection, row: StepRow, state: str) -> RecordedStep:
    uids = frozenset(
        uid for (uid,) in db.execute("SELECT uid FROM step_uids WHERE step_row = ?", (row.row,))
    )
    return RecordedStep(
        row.step_id, row.first_uid, row.uid, row.sequence, state, row.text_hash, uids
    )


def _write_step(
    db: sqlite3.Connection,
    interview_id: str,
    plan: Plan,
    step: PlannedStep,
    change: StepChange,
    now: datetime,
) -> None:
    blob = render_object(plan, step, change.first_uid, change.sequence, now)
    values = {
        "interview_id": interview_id,
        "step_id": step.step_id,
        "first_uid": change.first_uid,
        "uid": change.uid,
        "sequence": change.sequence,
        "all_day": int(step.is_all_day),
        "start": step.start.isoformat(),
        "end": step.end.isoformat(),
        "ends_utc": _ends_utc(step, plan.interview.candidate_zone).isoformat(),
        "local_when": when_text(step.start, step.end, plan.interview.candidate_zone),
        "summary": describe_step(plan, step).summary,
        "text_hash": step_fingerprint(plan, step),
        "object_ics": blob,
        "updated_at": now.isoformat(),
    }
    columns = ", ".join(values)
    updates = ", ".join(f"{name} = excluded.{name}" for name in values)
    row = db.execute(
        f"INSERT INTO steps (state, {columns}) VALUES ('ahead', {', '.join('?' * len(values))})"
        f" ON CONFLICT (interview_id, step_id) DO UPDATE SET state = 'ahead', {updates}"
        " RETURNING id",
        tuple(values.values()),
    ).fetchone()[0]
    for uid in {change.first_uid, change.uid}:
        db.execute(
            "INSERT OR IGNORE INTO step_uids (step_row, uid, first_used) VALUES (?, ?, ?)",
            (row, uid, now.isoformat()),
        )


def _ends_utc(step: PlannedStep, zone: str) -> datetime:
    """When a step is over: its end, or the local midnight that ends an all-day step."""
    if isinstance(step.end, datetime):
        return step.end.astimezone(UTC)
    return local_instant(step.end, time(0), zone)


def add_files(
    db: sqlite3.Connection, interview_id: str, kind: str, paths: list[str], now: datetime
) -> None:
    """Record the files a command wrote for an interview (kind: plan, update, cancel).

    A name that is not UTF-8 is kept readable, its odd bytes as ``\\xff`` escapes.
    """
    db.executemany(
        "INSERT INTO files (interview_id, kind, path, written_at) VALUES (?, ?, ?, ?)",
        [(interview_id, kind, _readable(path), now.isoformat()) for path in paths],
    )


def _readable(path: str) -> str:
    return os.fsencode(path).decode("utf-8", "backslashreplace")
