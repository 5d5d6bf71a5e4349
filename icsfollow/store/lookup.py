"""Finding recorded interviews: by id, unique id prefix or unique company name."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from icsfollow.store.rows import STEP_COLUMNS, InterviewRow, NextStep, StepRow, step_row

if TYPE_CHECKING:
    from icsfollow.core.model import Interview
    from icsfollow.errors import InputError

__all__ = [
    "active_match",
    "find_interview",
    "interview_row",
    "interview_steps",
    "list_interviews",
    "next_steps",
    "nothing_recorded",
    "unique_id",
]

_LISTED = (
    "id, company, context, start_utc, local_date, local_start, candidate_zone, state, outcome,"
    " note, updates"
)
_COLUMNS = _LISTED + ", options_json, interview_json"


def list_interviews(db: sqlite3.Connection, include_closed: bool = False) -> list[InterviewRow]:
    """The recorded interviews in date order: the active ones, or all.

    Without their inputs (``options_json`` and ``interview_json`` are empty, so that
    a long list reads only the covering index): :func:`interview_row` has them.
    """
    where = "state = 'active'" if not include_closed else "state IN ('active', 'closed')"
    cursor = db.execute(
        f"SELECT {_LISTED}, '', '' FROM interviews WHERE {where} ORDER BY start_utc, id"
    )
    return [_interview(tuple(row)) for row in cursor]


def find_interview(db: sqlite3.Connection, text: str) -> InterviewRow:
    """The interview an id, a unique id prefix or a unique company name names.

    Raises:
        InputError: (``ID``) For no match, naming the closest ids; for several, listing them.
    """
    from icsfollow.errors import InputError

    wanted = text.strip().lower()
    rows = list_interviews(db, include_closed=True)
    for finder in (_exact, _prefixed, _of_company):
        found = finder(rows, wanted)
        if len(found) == 1:
            return interview_row(db, found[0].id)
        if found:
            ids = ", ".join(row.id for row in found)
            raise InputError("ID", text, f"matches {ids}: give more of the id")
    raise InputError("ID", text, _not_found_hint(rows, wanted))


def _exact(rows: list[InterviewRow], wanted: str) -> list[InterviewRow]:
    return [row for row in rows if row.id == wanted]


def _prefixed(rows: list[InterviewRow], wanted: str) -> list[InterviewRow]:
    return [row for row in rows if wanted and row.id.startswith(wanted)]


def _of_company(rows: list[InterviewRow], wanted: str) -> list[InterviewRow]:
    from icsfollow.core.naming import company_slug

    slug = company_slug(wanted)
    return [
        row for row in rows if row.company.lower() == wanted or company_slug(row.company) == slug
    ]


def _not_found_hint(rows: list[InterviewRow], wanted: str) -> str:
    if not rows:
        return "is not a recorded interview: none is recorded yet (plan one first)"
    import difflib

    ids = [row.id for row in rows]
    close = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.4)
    hint = ", ".join(close) if close else ", ".join(ids[-3:])
    return f"is not a recorded interview (closest: {hint}; see 'icsfollow list --all')"


def active_match(db: sqlite3.Connection, interview: Interview) -> InterviewRow | None:
    """The latest active record of the same company and local interview date, if any."""
    from icsfollow.core.naming import company_slug
    from icsfollow.core.zones import to_local

    day = to_local(interview.start, interview.candidate_zone).date().isoformat()
    slug = company_slug(interview.company)
    cursor = db.execute(
        f"SELECT {_COLUMNS} FROM interviews WHERE state = 'active' AND local_date = ?"
        " ORDER BY created_at DESC, id DESC",
        (day,),
    )
    for row in cursor:
        found = _interview(tuple(row))
        if company_slug(found.company) == slug:
            return found
    return None


def unique_id(db: sqlite3.Connection, interview: Interview) -> str:
    """``acme-2026-05-12``, or ``acme-2026-05-12-2``, ``-3``… when taken."""
    from icsfollow.core.naming import interview_slug

    base = interview_slug(interview)
    taken = {
        row[0]
        for row in db.execute(
            "SELECT id FROM interviews WHERE id = ? OR id LIKE ? ESCAPE '\\'",
            (base, base.replace("_", "\\_") + "-%"),
        )
    }
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def interview_row(db: sqlite3.Connection, interview_id: str) -> InterviewRow:
    """The record of an id that is known to exist."""
    row = db.execute(f"SELECT {_COLUMNS} FROM interviews WHERE id = ?", (interview_id,)).fetchone()
    return _interview(tuple(row))


def _interview(values: tuple[object, ...]) -> InterviewRow:
    start = datetime.fromisoformat(str(values[3]))
    day = date.fromisoformat(str(values[4]))
    return InterviewRow(*values[:3], start, day, *values[5:])  # type: ignore[arg-type, call-arg]


def next_steps(db: sqlite3.Connection, now: datetime) -> dict[str, NextStep]:
    """Each active interview's next step still ahead at ``now``, by interview id.

    One query over the covering index ``steps_next``: a step is ahead while its
    ``ends_utc`` (UTC ISO text, which compares as text) is after now.
    """
    cursor = db.execute(
        "SELECT i.id, s.step_id, s.summary, s.local_when, s.start, s.end, s.all_day"
        " FROM interviews i JOIN steps s ON s.interview_id = i.id AND s.state = 'ahead'"
        " AND s.start = (SELECT min(x.start) FROM steps x WHERE x.interview_id = i.id"
        " AND x.state = 'ahead' AND x.ends_utc > ?)"
        " WHERE i.state = 'active' ORDER BY s.id DESC",
        (now.astimezone(timezone.utc).isoformat(),),
    )
    return {str(values[0]): NextStep(*values) for values in cursor}


def interview_steps(db: sqlite3.Connection, interview_id: str) -> list[StepRow]:
    """An interview's recorded steps, in time order."""
    cursor = db.execute(
        f"SELECT {', '.join(STEP_COLUMNS)} FROM steps WHERE interview_id = ? ORDER BY start, id",
        (interview_id,),
    )
    return [step_row(tuple(row)) for row in cursor]


def nothing_recorded(text: str) -> InputError:
    """The error for an id when no interview is recorded at all."""
    from icsfollow.errors import InputError

    return InputError("ID", text, "is not a recorded interview: none is recorded yet")
