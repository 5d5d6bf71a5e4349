"""``icsfollow list`` and ``icsfollow show``: the record, read only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

import click

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.console import say
from icsfollow.cli.recorded import now_option, run_now

if TYPE_CHECKING:
    import sqlite3

    from icsfollow.store.rows import InterviewRow, ListedInterview, NextStep, StepRow

__all__ = ["list_command", "pending_step_rows", "show"]


def pending_step_rows(db: sqlite3.Connection) -> set[int]:
    """The step rows whose change has not reached the CalDAV server yet.

    Without a ``[caldav]`` url in the config nothing is pending.
    """
    from icsfollow.cli.common import current_path
    from icsfollow.inputs.config import caldav_is_configured, read_config

    if not caldav_is_configured(read_config(current_path())):
        return set()
    from icsfollow.store.remote import pending_steps  # the sync engine: only with CalDAV

    return pending_steps(db)


@contextmanager
def reading() -> Iterator[sqlite3.Connection | None]:
    """The record opened for reading, or None when nothing is recorded yet."""
    from icsfollow.store.db import open_record
    from icsfollow.store.paths import record_path

    if not record_path().exists():
        yield None
        return
    with open_record(create=False, write=False) as db:
        yield db


@click.command("list", context_settings=CONTEXT_SETTINGS)
@click.option("--all", "show_all", is_flag=True, help="Add the closed interviews and outcomes.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@now_option
def list_command(show_all: bool, as_json: bool, now_text: str | None) -> None:
    """List the recorded interviews: id, company, date, and the next step.

    \b
    Examples:
        icsfollow list
        icsfollow list --all --json
    """
    from icsfollow.store.lookup import count_closed

    with errors_as_click(), reading() as db:
        now = run_now(now_text)
        rows, upcoming, unsent = ([], {}, {}) if db is None else _listing(db, show_all, now)
        closed = 0 if rows or show_all or db is None else count_closed(db)
    if as_json:
        listed = [_interview_json(row, upcoming.get(row.id)) for row in rows]
        for item in listed:
            item["pending_steps"] = unsent.get(str(item["id"]), 0)
        say(_json(listed))
        return
    if not rows:
        say(_nothing_listed(show_all, closed))
        return
    cells = [_cells(row, upcoming.get(row.id)) for row in rows]
    say("\n".join(_table([_with_pending(cell, unsent.get(cell[0], 0)) for cell in cells])))


def _nothing_listed(show_all: bool, closed: int) -> str:
    if show_all:
        return "No interviews recorded."
    if closed:
        return f"No active interviews ({closed} closed: icsfollow list --all)."
    return "No interviews recorded yet."


def _listing(
    db: sqlite3.Connection, show_all: bool, now: datetime
) -> tuple[list[ListedInterview], dict[str, NextStep], dict[str, int]]:
    """The interviews listed, the next step of each active one, and unsynced step counts."""
    from icsfollow.store.lookup import list_interviews, next_steps

    rows = list_interviews(db, include_closed=show_all)
    ahead = next_steps(db, now)
    upcoming = {row.id: ahead[row.id] for row in rows if row.active and row.id in ahead}
    return rows, upcoming, _pending_by_interview(db)


def _pending_by_interview(db: sqlite3.Connection) -> dict[str, int]:
    pending = pending_step_rows(db)
    if not pending:
        return {}
    from icsfollow.store.remote import count_by_interview

    return count_by_interview(db, pending)


def _with_pending(cells: list[str], pending: int) -> list[str]:
    if pending:
        cells[4] += f"  ({pending} not on the server yet)"
    return cells


def _cells(row: ListedInterview, step: NextStep | None) -> list[str]:
    if not row.active:
        upcoming = f"closed: {row.outcome}"
    elif step is None:
        upcoming = "no step ahead"
    else:
        upcoming = f"{step.local_when}  {step.summary}"
    return [row.id, row.company or "-", row.context, row.local_start, upcoming]


def _table(cells: list[list[str]]) -> list[str]:
    lines = [["ID", "COMPANY", "CONTEXT", "INTERVIEW", "NEXT STEP"], *cells]
    widths = [max(map(len, column)) for column in list(zip(*lines, strict=True))[:4]]
    template = "".join(f"{{:<{width}}}  " for width in widths) + "{}"
    return [template.format(*line) for line in lines]


def _interview_json(
    row: ListedInterview | InterviewRow, step: NextStep | None
) -> dict[str, object]:
    return {
        "id": row.id,
        "company": row.company,
        "context": row.context,
        "interview": row.start_utc,
        "zone": row.candidate_zone,
        "state": row.state,
        "outcome": row.outcome,
        "note": row.note,
        "next_step": None if step is None else _next_json(step),
    }


def _next_json(step: NextStep) -> dict[str, object]:
    return {
        "step_id": step.step_id,
        "summary": step.summary,
        "start": step.start,
        "end": step.end,
        "all_day": bool(step.all_day),
    }


def _step_json(step: StepRow, state: str, pending: bool) -> dict[str, object]:
    return {
        "step_id": step.step_id,
        "summary": step.summary,
        "start": step.start.isoformat(),
        "end": step.end.isoformat(),
        "all_day": step.all_day,
        "state": state,
        "first_uid": step.first_uid,
        "uid": step.uid,
        "sequence": step.sequence,
        "pending": pending,
    }


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("interview_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@now_option
def show(interview_id: str, as_json: bool, now_text: str | None) -> None:
    """Show an interview's steps as they now stand: done, ahead or withdrawn.

    ID is the id printed by plan, a unique prefix or the company.

    \b
    Examples:
        icsfollow show acme-2026-05-12
        icsfollow show acme --json
    """
    from icsfollow.store.lookup import find_interview, interview_steps, nothing_recorded

    with errors_as_click(), reading() as db:
        now = run_now(now_text)
        if db is None:
            raise nothing_recorded(interview_id)
        row = find_interview(db, interview_id)
        steps = interview_steps(db, row.id)
        pending = pending_step_rows(db)
    states = [(step, step.state_at(now, row.candidate_zone), step.row in pending) for step in steps]
    if as_json:
        shown = _interview_json(row, None)
        shown["steps"] = [_step_json(step, state, flag) for step, state, flag in states]
        say(_json(shown))
        return
    for line in _show_lines(row, states, now):
        say(line)


def _show_lines(
    row: InterviewRow, states: list[tuple[StepRow, str, bool]], now: datetime
) -> Iterator[str]:
    from icsfollow.core.zones import format_local
    from icsfollow.render.notices import event_line

    status = "active" if row.active else f"closed: {row.outcome}"
    when = format_local(row.start, row.candidate_zone)
    yield f"{row.id}: {row.company or 'interview'} ({row.context}), {when} [{status}]"
    if row.note:
        yield f"Note: {row.note}"
    for step, state, pending in states:
        line = event_line(step.start, step.end, step.summary, row.candidate_zone)
        yield f"  {state:<9}  {line}" + ("  (not on the server yet)" if pending else "")


def _json(value: object) -> str:
    import json

    return json.dumps(value)
