"""Finding recorded interviews: by id, unique id prefix or unique company name."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone

from icsfollow.core.model import Interview
from icsfollow.core.naming import company_slug, interview_slug
from icsfollow.core.zones import to_local
from icsfollow.errors import InputError
from icsfollow.store.rows import STEP_COLUMNS, InterviewRow, StepRow, step_row

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

_COLUMNS = (
    "id, company, context, start_utc, local_date, candidate_zone, state, outcome, note,"
    " updates, options_json, interview_json"
)


def list_interviews(db: sqlite3.Connection, include_closed: bool = False) -> list[InterviewRow]:
    """The recorded interviews in date order: the active ones, or all."""
    where = "" if include_closed else " WHERE state = 'active'"
    cursor = db.execute(f"SELECT {_COLUMNS} FROM interviews{where} ORDER BY start_utc, id")
    return [_interview(tuple(row)) for row in cursor]


def find_interview(db: sqlite3.Connection, text: str) -> InterviewRow:
    """The interview an id, a unique id prefix or a unique company name names.

    Raises:
        InputError: (``ID``) For no match, naming the closest ids; for several, listing them.
    """
    wanted = text.strip().lower()
    rows = list_interviews(db, include_closed=True)
    for finder in (_exact, _prefixed, _of_company):
        found = finder(rows, wanted)
        if len(found) == 1:
            return found[0]
        if found:
            ids = ", ".join(row.id for row in found)
            raise InputError("ID", text, f"matches {ids}: give more of the id")
    raise InputError("ID", text, _not_found_hint(rows, wanted))


def _exact(rows: list[InterviewRow], wanted: str) -> list[InterviewRow]:
    return [row for row in rows if row.id == wanted]


def _prefixed(rows: list[InterviewRow], wanted: str) -> list[InterviewRow]:
    return [row for row in rows if wanted and row.id.startswith(wanted)]


def _of_company(rows: list[InterviewRow], wanted: str) -> list[InterviewRow]:
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
    row = InterviewRow(*values)  # type: ignore[arg-type]
    return row._replace(
        start=datetime.fromisoformat(str(row.start)),
        local_date=date.fromisoformat(str(row.local_date)),
    )


def next_steps(db: sqlite3.Connection, now: datetime) -> dict[str, StepRow]:
    """Each active interview's next step still ahead at ``now``, by interview id."""
    cursor = db.execute(
        f"SELECT {', '.join('s.' + name for name in STEP_COLUMNS)}, i.candidate_zone"
        " FROM steps s JOIN interviews i ON i.id = s.interview_id"
        " WHERE s.state = 'ahead' AND s.end >= ? ORDER BY s.start, s.id",
        (now.astimezone(timezone.utc).date().isoformat(),),
    )
    found: dict[str, StepRow] = {}
    for values in cursor:
        step = step_row(tuple(values)[:-1])
        if step.interview_id not in found and step.state_at(now, values[-1]) == "ahead":
            found[step.interview_id] = step
    return found


def interview_steps(db: sqlite3.Connection, interview_id: str) -> list[StepRow]:
    """An interview's recorded steps, in time order."""
    cursor = db.execute(
        f"SELECT {', '.join(STEP_COLUMNS)} FROM steps WHERE interview_id = ? ORDER BY start, id",
        (interview_id,),
    )
    return [step_row(tuple(row)) for row in cursor]


def nothing_recorded(text: str) -> InputError:
    """The error for an id when no interview is recorded at all."""
    return InputError("ID", text, "is not a recorded interview: none is recorded yet")
