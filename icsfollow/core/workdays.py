"""Working days and business hours of the contact."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import NamedTuple

from icsfollow.core.zones import local_instant, to_local
from icsfollow.errors import IcsFollowError

__all__ = ["WorkCalendar", "country_code", "holiday_lookup", "regions_of", "working_days_after"]

MAX_SEARCH_DAYS = 366
COUNTRIES_PACKAGE = "holidays.countries"
HolidayLookup = Callable[[date], "str | None"]


@cache
def holiday_lookup(country: str | None) -> HolidayLookup:
    """Return a function naming the public holiday on a date in a country (None: none).

    Args:
        country: An ISO 3166 alpha-2 or alpha-3 code the holidays library lists,
            optionally with one of its regions (``AU-NSW``), or None.

    Raises:
        NotImplementedError: If the holidays library has no such country or region.
    """
    if country is None:
        return lambda day: None
    import holidays

    code, _, region = country.partition("-")
    _import_country_module(code)
    calendar = holidays.country_holidays(code, subdiv=region or None)
    return lambda day: calendar.get(day)


def country_code(text: str) -> str | None:
    """Return the alpha-2 code of a country code or alias the holidays data lists (UK: GB)."""
    from holidays.registry import COUNTRIES

    wanted = text.upper()
    return next((codes[1] for codes in COUNTRIES.values() if wanted in codes[1:]), None)


def regions_of(code: str) -> dict[str, str]:
    """Return a country's regions by code and name, upper-cased: ``{"NSW": "NSW", ...}``.

    Raises:
        NotImplementedError: If the holidays library has no country with that code.
    """
    import holidays

    _import_country_module(code)
    calendar = holidays.country_holidays(code)
    names = {region.upper(): region for region in calendar.subdivisions}
    aliases = getattr(calendar, "subdivisions_aliases", {})
    return {**{alias.upper(): region for alias, region in aliases.items()}, **names}


def _import_country_module(code: str) -> None:
    """Import the one ``holidays.countries`` module that defines ``code``.

    ``holidays/countries/__init__.py`` imports all ~250 countries, and
    ``country_holidays`` imports a country through that package. So the package goes
    into ``sys.modules`` unexecuted first, with a module ``__getattr__`` that runs its
    real ``__init__`` on the first name it lacks: importing a country then loads that
    module (and what it imports) only, and any other use of the package still finds
    every name. ``country_holidays`` then builds the calendar as it always does.

    Raises:
        NotImplementedError: If no country has that ISO code (``JAN``, ``NYSE``, ``XX``).
    """
    from holidays.registry import COUNTRIES, IMPORT_LOCK

    module = next((name for name, codes in COUNTRIES.items() if code in codes[1:3]), None)
    if module is None:
        raise NotImplementedError(f"no country with the code {code!r}")
    with IMPORT_LOCK:
        if COUNTRIES_PACKAGE not in sys.modules:
            _install_lazy_package(COUNTRIES_PACKAGE, IMPORT_LOCK)
        importlib.import_module(f"{COUNTRIES_PACKAGE}.{module}")


def _install_lazy_package(name: str, lock: AbstractContextManager[object]) -> None:
    """Put package ``name`` in ``sys.modules`` unexecuted; it runs on its first missing name."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # pragma: no cover - not a package on disk
        return
    package = importlib.util.module_from_spec(spec)
    loader = spec.loader
    started = False

    def load_all(attribute: str) -> object:
        nonlocal started
        with lock:  # other threads wait here until the package has run
            if not started:
                started = True
                loader.exec_module(package)
                del package.__dict__["__getattr__"]
        try:
            return package.__dict__[attribute]
        except KeyError:
            raise AttributeError(f"module {name!r} has no attribute {attribute!r}") from None

    package.__dict__["__getattr__"] = load_all
    parent, _, child = name.rpartition(".")
    sys.modules[name] = package
    setattr(sys.modules[parent], child, package)


def _no_holidays(day: date) -> str | None:
    return None


class WorkCalendar(NamedTuple):
    """When the contact can be reached: weekdays, business hours, not holidays."""

    zone: str
    hours: tuple[time, time]
    holiday_name: HolidayLookup = _no_holidays

    def why_not_working(self, day: date) -> str | None:
        """Name why a day is not a working day ("Saturday", a holiday), or None."""
        if day.weekday() >= 5:
            return day.strftime("%A")
        return self.holiday_name(day)

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
