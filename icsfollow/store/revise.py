"""Plans that change: reschedule, close and forget a recorded interview.

Each function works inside the caller's transaction and returns the files to write
(names and bytes): the caller writes them, then commits.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import datetime
from typing import NamedTuple

from icsfollow.core.changes import ChangeKind, StepChange, is_waiting_step
from icsfollow.core.model import Plan
from icsfollow.errors import InputError
from icsfollow.render.changes import render_cancel, render_object, render_update
from icsfollow.store.lookup import interview_steps
from icsfollow.store.record import (
    InterviewRow,
    StepRow,
    apply_plan,
    save_plan_inputs,
    withdraw_step,
)
from icsfollow.store.serial import load_options

__all__ = ["Closing", "Revision", "close", "forget", "reschedule", "saved_calendar_app"]


class Revision(NamedTuple):
    """A reschedule: the new plan, each step's fate, the events to delete and the files."""

    plan: Plan
    warnings: tuple[str, ...]
    changes: tuple[StepChange, ...]
    replaced: tuple[StepRow, ...]
    files: tuple[tuple[str, bytes], ...]
    in_place: bool


class Closing(NamedTuple):
    """A close: the steps withdrawn (as they were: the events to delete) and the file."""

    withdrawn: tuple[StepRow, ...]
    files: tuple[tuple[str, bytes], ...]


def reschedule(
    db: sqlite3.Connection,
    row: InterviewRow,
    overrides: Mapping[str, object],
    now: datetime,
    in_place: bool,
) -> Revision:
    """Re-plan a recorded interview with some options changed (WHEN included).

    Args:
        db: The open record.
        row: The interview.
        overrides: The plan options to change, by name (``when``, ``company``, …).
        now: The time of the change (DTSTAMP).
        in_place: Write changed steps under their first UIDs with SEQUENCE+1 (and the
            withdrawn ones as METHOD:CANCEL) instead of under fresh UIDs.

    Raises:
        InputError: For a closed interview (``ID``) or a bad option value.
    """
    from icsfollow.api import make_plan
    from icsfollow.inputs.options import PlanOptions

    _check_active(row, "reschedule")
    options = PlanOptions(**{**_saved_options(row), **overrides})  # type: ignore[arg-type]
    try:
        result = make_plan(options, now)
    except InputError as error:
        raise _from_record(error, overrides) from None
    typed = {**options._asdict(), "calendar_app": saved_calendar_app(row)}
    save_plan_inputs(db, row.id, result.plan, typed, now)
    changes, replaced = apply_plan(db, row.id, result.plan, now)
    files: tuple[tuple[str, bytes], ...] = ()
    if any(change.kind is not ChangeKind.UNCHANGED for change in changes):
        number = row.updates + 1
        name = f"followup-{row.id}-update-{number}"
        files = _update_files(db, row.id, result.plan, changes, now, in_place, name)
        if files:  # only withdrawn, not in place: nothing to import, no number used
            db.execute("UPDATE interviews SET updates = ? WHERE id = ?", (number, row.id))
    return Revision(result.plan, result.warnings, changes, replaced, files, in_place)


def _from_record(error: InputError, overrides: Mapping[str, object]) -> InputError:
    """Say so when the bad value is one the record kept, not one given now."""
    field = error.option.lstrip("-").replace("-", "_")  # --interviewer: interviewers
    if not error.option.startswith("--") or {field, f"{field}s"} & set(overrides):
        return error
    hint = f"{error.reason}; that is the recorded value: give {error.option} to change it"
    return InputError(error.option, error.value, hint)


def _saved_options(row: InterviewRow) -> dict[str, object]:
    """The options as typed, but a relative --feedback-by ("friday") as the date it meant."""
    from icsfollow.inputs.options import PlanOptions

    options = load_options(row.options_json, PlanOptions._fields)
    resolved = json.loads(row.interview_json).get("feedback_by")
    if options.get("feedback_by") and resolved:
        options["feedback_by"] = resolved
    return options


def saved_calendar_app(row: InterviewRow) -> str | None:
    """The calendar app recorded with the plan (``--calendar-app``), if any."""
    value = json.loads(row.options_json).get("calendar_app")
    return str(value) if value else None


def _update_files(
    db: sqlite3.Connection,
    interview_id: str,
    plan: Plan,
    changes: tuple[StepChange, ...],
    now: datetime,
    in_place: bool,
    name: str,
) -> tuple[tuple[str, bytes], ...]:
    rows = {row.step_id: row for row in interview_steps(db, interview_id)}
    written = [change for change in changes if change.writes_event]
    removed = [rows[change.step_id] for change in changes if change.kind is ChangeKind.REMOVED]
    if in_place:
        objects = [rows[change.step_id].object_ics for change in written]
        cancel = [row.object_ics for row in removed]
    else:
        planned = {step.step_id: step for step in plan.steps}
        objects = [render_object(plan, planned[c.step_id], c.uid, 0, now) for c in written]
        cancel = []
    files = [(f"{name}.ics", render_update(objects))] if objects else []
    if cancel:
        files.append((f"{name}-cancel.ics", render_cancel(cancel)))
    return tuple(files)


def close(
    db: sqlite3.Connection, row: InterviewRow, outcome: str, note: str | None, now: datetime
) -> Closing:
    """Close an interview: withdraw every step still ahead (only the waiting ones for
    ``heard-back``), mark the past ones done, and record the outcome.

    Raises:
        InputError: For a closed interview (``ID``).
    """
    _check_active(row, "close")
    withdrawn = []
    for step in interview_steps(db, row.id):
        state = step.state_at(now, row.candidate_zone)
        if state == "done" and step.state == "ahead":
            db.execute("UPDATE steps SET state = 'done' WHERE id = ?", (step.row,))
        elif state == "ahead" and (outcome != "heard-back" or is_waiting_step(step.step_id)):
            withdrawn.append((step, withdraw_step(db, step, now)))
    db.execute(
        "UPDATE interviews SET state = 'closed', outcome = ?, note = ?, closed_at = ?,"
        " updated_at = ? WHERE id = ?",
        (outcome, note, now.isoformat(), now.isoformat(), row.id),
    )
    cancelled = [after.object_ics for _, after in withdrawn]
    files = ((f"followup-{row.id}-cancel.ics", render_cancel(cancelled)),) if cancelled else ()
    return Closing(tuple(before for before, _ in withdrawn), files)


def forget(db: sqlite3.Connection, row: InterviewRow) -> None:
    """Delete an interview's record: its steps, UIDs and file list go with it."""
    db.execute("DELETE FROM interviews WHERE id = ?", (row.id,))


def _check_active(row: InterviewRow, action: str) -> None:
    if not row.active:
        raise InputError("ID", row.id, f"is closed ({row.outcome}): there is nothing to {action}")
