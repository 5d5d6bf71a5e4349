"""What people read after a change: the events to delete, and what to do per calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icsfollow.core.zones import to_local

__all__ = ["event_line", "saved_line"]


def event_line(start: datetime | date, end: datetime | date, summary: str, zone: str) -> str:
    """One calendar event as people find it: ``Tue 12 May 2026 12:30 EDT  Email a thank-you``."""
    if isinstance(start, datetime):
        local = to_local(start, zone)
        return f"{local:%a %d %b %Y %H:%M} {local.tzname()}  {summary}"
    assert isinstance(end, date)
    last = end - timedelta(days=1)
    days = f"{start:%a %d %b %Y}" if last == start else f"{start:%a %d %b} to {last:%a %d %b %Y}"
    return f"{days} (all day)  {summary}"


def saved_line(interview_id: str, updated: bool, changed: int) -> str:
    """The line after planning: ``Saved as acme-2026-05-12 …``."""
    if not updated:
        return f"Saved as {interview_id} (icsfollow show {interview_id}; --no-record skips this)"
    what = f"{changed} step{'s' if changed != 1 else ''} changed" if changed else "nothing changed"
    return (
        f"Updated {interview_id}, the recorded interview of that company and day"
        f" ({what}; --new records a separate one)"
    )
