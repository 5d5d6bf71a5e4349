"""Finding recorded interviews: by id, unique id prefix or unique company name."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from icsfollow.store.rows import (
    STEP_COLUMNS,
    InterviewRow,
    ListedInterview,
    NextStep,
    StepRow,
    step_row,
)

if TYPE_CHECKING:
    from icsfollow.core.model import Interview
    from icsfollow.errors import InputError

__all__ = [
    "active_match",
    "count_closed",
    "find_interview",
    "interview_row",
    "interview_steps",
    "list_interviews",
    "next_steps",
    "nothing_recorded",
    "unique_id",
]

_LISTED = "id, company, context, start_utc, local_start, candidate_zone, state, outcome, note"
_COLUMNS = (
    "id, company, context, start_utc, local_date, local_start, candidate_zone, state, outcome,"
    " note, updates, options_json, interview_json"
)


def list_interviews(db: sqlite3.Connection, include_closed: bool = False) -> list[ListedInterview]:
    """The recorded interviews in date order: the active ones, or all.

    Only the columns a list shows, from the covering index ``interviews_listed``, as
    stored: :func:`interview_row` reads an interview in full.
    """
    where = "state = 'active'" if not include_closed else "state IN ('active', 'closed')"
    cursor = _plain_cursor(db)
    cursor.execute(f"SELECT {_LISTED} FROM interviews WHERE {where} ORDER BY start_utc, id")
    return list(map(ListedInterview._make, cursor))


def count_closed(db: sqlite3.Connection) -> int:
    """How many recorded interviews are closed."""
    return int(db.execute("SELECT count(*) FROM interviews WHERE state = 'closed'").fetchone()[0])


def _plain_cursor(db: sqlite3.Connection) -> sqlite3.Cursor:
    """A cursor that yields plain tuples: a thousand rows need no ``sqlite3.Row`` each."""
    cursor = db.cursor()
    cursor.row_factory = None
    return cursor


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


def _exact(rows: list[ListedInterview], wanted: str) -> list[ListedInterview]:
    return [row for row in rows if row.id == wanted]


def _prefixed(rows: list[ListedInterview], wanted: str) -> list[ListedInterview]:
    return [row for row in rows if wanted and row.id.startswith(wanted)]


def _of_company(rows: list[ListedInterview], wanted: str) -> list[ListedInterview]:
    from icsfollow.core.naming import company_slug

    slug = company_slug(wanted)
    return [
        row for row in rows if row.company.lower() == wanted or company_slug(row.company) == slug
    ]


def _not_found_hint(rows: list[ListedInterview], wanted: str) -> str:
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


def _interview(values: tuple[Any, ...]) -> InterviewRow:
    identity, company, context, start, day, *rest = values
    return InterviewRow(
        identity, company, context, datetime.fromisoformat(start), date.fromisoformat(day), *rest
    )


def next_steps(db: sqlite3.Connection, now: datetime) -> dict[str, NextStep]:
    """Each interview's next step still ahead at ``now``, by interview id.

    One scan of the covering index ``steps_next``, which is in interview order: a step
    is ahead while its ``ends_utc`` (UTC ISO text, which compares as text) is after
    now, and the next is the one that ends first (SQLite takes the other columns from
    that row). Steps never overlap, so that is also the first to start; ``start``
    itself does not compare across steps: a local date for all-day ones, UTC for others.
    A closed interview keeps its thank-yous ahead after ``heard-back``, so callers
    showing active interviews only keep those.
    """
    cursor = _plain_cursor(db)
    cursor.execute(
        "SELECT interview_id, step_id, summary, local_when, start, end, all_day, min(ends_utc)"
        " FROM steps WHERE state = 'ahead' AND ends_utc > ? GROUP BY interview_id",
        (now.astimezone(timezone.utc).isoformat(),),
    )
    return {values[0]: NextStep._make(values[:-1]) for values in cursor}


def interview_steps(db: sqlite3.Connection, interview_id: str) -> list[StepRow]:
    """An interview's recorded steps, in time order (by their end instants: steps never overlap)."""
    cursor = db.execute(
        f"SELECT {', '.join(STEP_COLUMNS)} FROM steps WHERE interview_id = ? ORDER BY ends_utc, id",
        (interview_id,),
    )
    return [step_row(tuple(row)) for row in cursor]


def nothing_recorded(text: str) -> InputError:
    """The error for an id when no interview is recorded at all."""
    from icsfollow.errors import InputError

    return InputError("ID", text, "is not a recorded interview: none is recorded yet")
