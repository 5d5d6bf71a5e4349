"""Working days and business hours of the contact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from icsfollow.errors import IcsFollowError
from icsfollow.zones import local_instant, to_local

__all__ = ["WorkCalendar", "holiday_lookup", "working_days_after"]

MAX_SEARCH_DAYS = 366
HolidayLookup = Callable[[date], "str | None"]


@cache
def holiday_lookup(country: str | None) -> HolidayLookup:
    """Return a function naming the public holiday on a date in a country (None: none).

    Raises:
        NotImplementedError: If the holidays library does not know the country.
    """
    if country is None:
        return lambda day: None
    import holidays

    calendar = holidays.country_holidays(country)
    return lambda day: calendar.get(day)


def _no_holidays(day: date) -> str | None:
    return None


@dataclass(frozen=True)
class WorkCalendar:
    """When the contact can be reached: weekdays, business hours, not holidays."""

    zone: str
    hours: tuple[time, time]
    holiday_name: HolidayLookup = field(default=_no_holidays)

    def why_not_working(self, day: date) -> str | None:
        """Name why a day is not a working day ("Saturday", a holiday), or None."""
        if day.weekday() >= 5:
            return day.strftime("%A")
        return self.holiday_name(day)

    def is_working_day(self, day: date) -> bool:
        """True on Monday to Friday when it is not a public holiday."""
        return self.why_not_working(day) is None

    def first_business_slot(
        self, earliest: datetime, length: timedelta
    ) -> tuple[datetime, tuple[tuple[date, str], ...]]:
        """Return the first start at or after ``earliest`` of a slot inside business hours.

        Returns:
            The UTC start, and the non-working days passed over on the way.
        """
        day = to_local(earliest, self.zone).date()
        skipped: list[tuple[date, str]] = []
        for _ in range(MAX_SEARCH_DAYS):
            reason = self.why_not_working(day)
            if reason is None:
                opens, closes = self.window(day)
                start = max(earliest, opens)
                if start + length <= closes:
                    return start, tuple(skipped)
            else:
                skipped.append((day, reason))
            day += timedelta(days=1)
        raise IcsFollowError(f"no working day within {MAX_SEARCH_DAYS} days of {earliest}")

    def window(self, day: date) -> tuple[datetime, datetime]:
        """Return the UTC instants business hours open and close on a day."""
        opens, closes = self.hours
        return local_instant(day, opens, self.zone), local_instant(day, closes, self.zone)

    def next_working_day(self, day: date) -> tuple[date, tuple[tuple[date, str], ...]]:
        """Return the first working day strictly after ``day`` and the days skipped."""
        skipped: list[tuple[date, str]] = []
        for _ in range(MAX_SEARCH_DAYS):
            day += timedelta(days=1)
            reason = self.why_not_working(day)
            if reason is None:
                return day, tuple(skipped)
            skipped.append((day, reason))
        raise IcsFollowError(f"no working day within {MAX_SEARCH_DAYS} days of {day}")


def working_days_after(
    calendar: WorkCalendar, day: date, count: int
) -> tuple[date, tuple[tuple[date, str], ...]]:
    """Return working day number ``count`` after ``day``, and the days skipped on the way."""
    skipped: list[tuple[date, str]] = []
    for _ in range(count):
        day, passed = calendar.next_working_day(day)
        skipped.extend(passed)
    return day, tuple(skipped)
