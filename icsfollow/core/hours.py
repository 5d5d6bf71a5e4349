"""The candidate's own hours, and slots that suit both people."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from icsfollow.core.workdays import WorkCalendar
from icsfollow.core.zones import local_instant, to_local
from icsfollow.errors import IcsFollowError

__all__ = ["OwnHours", "both_slot"]

Moves = tuple[tuple[date, str], ...]


class OwnHours(NamedTuple):
    """When the candidate does their own tasks and takes calls, in their zone."""

    zone: str
    hours: tuple[time, time]

    def window(self, day: date) -> tuple[datetime, datetime]:
        """Return the UTC instants own hours open and close on a local day."""
        opens, closes = self.hours
        return local_instant(day, opens, self.zone), local_instant(day, closes, self.zone)

    def windows_between(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """Return the own-hours windows that meet ``[start, end]``, in time order."""
        first = to_local(start, self.zone).date() - timedelta(days=1)
        last = to_local(end, self.zone).date()
        days = (first + timedelta(days=n) for n in range((last - first).days + 1))
        windows = (self.window(day) for day in days)
        return [(opens, closes) for opens, closes in windows if opens < end and start < closes]

    def holds(self, start: datetime, end: datetime) -> bool:
        """True if ``[start, end]`` lies inside one own-hours window."""
        windows = self.windows_between(start, end)
        return any(opens <= start and end <= closes for opens, closes in windows)

    def first_start(self, earliest: datetime, length: timedelta) -> datetime:
        """Return the first start at or after ``earliest`` of a slot inside own hours."""
        for opens, closes in self.windows_between(earliest, earliest + timedelta(days=3)):
            start = max(earliest, opens)
            if start + length <= closes:
                return start
        raise IcsFollowError(f"no own-hours slot of {length} after {earliest}")


def both_slot(
    work: WorkCalendar, own: OwnHours, earliest: datetime, length: timedelta, days: int
) -> tuple[datetime, Moves] | None:
    """Return the first slot in the contact's business hours and the candidate's own hours.

    Args:
        work: The contact's working days and business hours.
        own: The candidate's own hours.
        earliest: The slot starts at or after this instant.
        length: How long the slot lasts.
        days: How many of the contact's days to search, from the day of ``earliest``.

    Returns:
        The UTC start and the non-working days passed over, or None if none is found.
    """
    day = to_local(earliest, work.zone).date()
    skipped: list[tuple[date, str]] = []
    for _ in range(days):
        reason = work.why_not_working(day)
        if reason is not None:
            skipped.append((day, reason))
        else:
            opens, closes = work.window(day)
            for own_opens, own_closes in own.windows_between(opens, closes):
                start = max(earliest, opens, own_opens)
                if start + length <= min(closes, own_closes):
                    return start, tuple(skipped)
        day += timedelta(days=1)
    return None
