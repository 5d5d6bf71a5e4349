"""What people read after a change: the events to delete, and what to do per calendar."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from icsfollow.core.zones import to_local

if TYPE_CHECKING:
    from icsfollow.core.changes import StepChange

__all__ = [
    "SEPARATE_CALENDAR",
    "change_summary",
    "close_instructions",
    "event_line",
    "reschedule_instructions",
    "saved_line",
    "when_text",
]


def event_line(start: datetime | date, end: datetime | date, summary: str, zone: str) -> str:
    """One calendar event as people find it: ``Tue 12 May 2026 12:30 EDT  Email a thank-you``."""
    return f"{when_text(start, end, zone)}  {summary}"


def when_text(start: datetime | date, end: datetime | date, zone: str) -> str:
    """When an event is, as people find it: ``Tue 12 May 2026 12:30 EDT``, or
    ``Wed 13 May to Thu 14 May 2026 (all day)``."""
    if isinstance(start, datetime):
        local = to_local(start, zone)
        return f"{local:%a %d %b %Y %H:%M} {local.tzname()}"
    assert isinstance(end, date)
    last = end - timedelta(days=1)
    days = f"{start:%a %d %b %Y}" if last == start else f"{start:%a %d %b} to {last:%a %d %b %Y}"
    return f"{days} (all day)"


def saved_line(interview_id: str, updated: bool, changed: int) -> str:
    """The line after planning: ``Saved as acme-2026-05-12 …``."""
    if not updated:
        return f"Saved as {interview_id} (icsfollow show {interview_id}; --no-record skips this)"
    what = f"{changed} step{'s' if changed != 1 else ''} changed" if changed else "nothing changed"
    return (
        f"Updated {interview_id}, the recorded interview of that company and day"
        f" ({what}; --new records a separate one)"
    )


def change_summary(interview_id: str, changes: Sequence[StepChange]) -> str:
    """``Rescheduled acme-2026-05-12 (steps: 3 changed, 1 added, 1 withdrawn).``"""
    from icsfollow.core.changes import ChangeKind

    counts = Counter(change.kind for change in changes)
    parts = [
        f"{counts[kind]} {label}"
        for kind, label in (
            (ChangeKind.CHANGED, "changed"),
            (ChangeKind.ADDED, "added"),
            (ChangeKind.REMOVED, "withdrawn"),
        )
        if counts[kind]
    ]
    if not parts:
        return f"Nothing changed for {interview_id}: no file written."
    return f"Rescheduled {interview_id} (steps: {', '.join(parts)})."


SEPARATE_CALENDAR = (
    '  A separate "Job follow-ups" calendar: delete it, make it again, and import\n'
    "  'icsfollow feed -o job-followups.ics' into it."
)


def reschedule_instructions(files: Sequence[str], in_place: bool) -> list[str]:
    """Per calendar, what to do with a reschedule's files.

    Measured with client-check (Thunderbird 140, Evolution 3.46, khal 0.14, calcurse
    4.7; pinned in tests/test_client_check.py); Apple, Google and Outlook as reported
    in the issue.
    """
    if not files:
        return []
    if not in_place:
        return [
            "In each calendar:",
            "  Google, Outlook, Thunderbird, calcurse: delete the old events above, then",
            f"  import {files[0]}.",
            "  Apple Calendar, Evolution: the same (or use --in-place next time: they apply it).",
            SEPARATE_CALENDAR,
        ]
    return [
        "In each calendar:",
        "  Apple Calendar, Evolution: open the files above, in order; they update the events",
        "  imported from the plan or --in-place updates (delete any from other updates first).",
        "  khal: import them; it updates the events (withdrawn steps show as cancelled).",
        "  Thunderbird (refuses them: ID already exists), calcurse (adds copies): delete the",
        f"  old events above, then import {files[0]}.",
        "  Google, Outlook (they skip or duplicate known UIDs): use a separate calendar.",
        SEPARATE_CALENDAR,
    ]


def close_instructions(cancel: str | None) -> list[str]:
    """Per calendar, what to do after a close (measured like :func:`reschedule_instructions`)."""
    if cancel is None:
        return []
    return [
        "In each calendar:",
        "  Apple Calendar, Evolution: open the file above; it removes the events imported",
        "  from the plan or --in-place updates (delete any from other updates by hand).",
        "  khal: import it; it marks them cancelled.",
        "  Google, Outlook (ignore the file), Thunderbird (refuses it), calcurse (adds copies):",
        "  delete the events above by hand.",
        SEPARATE_CALENDAR,
    ]
