"""Numeric dates (``02/12``, ``24.11.2026``, ``2026/12/01``) spelled out by the date order.

A date valid both ways (``02/12``) is read by the order given (the user's country,
or ``--dayfirst`` / ``--monthfirst``); without one it is refused, never guessed.
"""

from __future__ import annotations

import re
from datetime import date

from icsfollow.errors import InputError

__all__ = ["spell_numeric_dates"]

NUMERIC_DATE = re.compile(
    r"(?<![\w.:/\-+])(\d{1,4})([/.\-])(\d{1,2})(?:\2(\d{1,4}))?(\.?)(?![\w:/\-+]|\.\d)"
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LEAP_YEAR = 2000


def spell_numeric_dates(option: str, text: str, value: str, dayfirst: bool | None) -> str:
    """Replace each numeric date in ``value`` by ``2 Dec 2026`` (or ``2 Dec``).

    Args:
        option: The option, for errors.
        text: The whole text as typed, for errors.
        value: The part being read.
        dayfirst: True: ``02/12`` is 2 December; False: February 12; None: refuse it.

    Raises:
        InputError: For a date that does not exist, or one valid both ways with no order.
    """
    return NUMERIC_DATE.sub(lambda match: _spell(option, text, match, dayfirst), value)


def _spell(option: str, text: str, match: re.Match[str], dayfirst: bool | None) -> str:
    first, separator, second, year_text, final_dot = match.groups()
    written = match[0].strip()
    if len(first) > 2:
        if year_text is None or len(first) != 4:
            raise InputError(option, text, f"has {written!r}, which is not a date I can read")
        return _spelled(option, text, written, int(year_text), int(second), int(first))
    if separator == "." and year_text is None and not final_dot:
        raise InputError(
            option,
            text,
            f"has {written!r}, which could be a date or a time; "
            f"write '{written}.' for a date or '{written.replace('.', ':')}' for a time",
        )
    year = _full_year(year_text)
    readings = _readings(int(first), int(second), year)
    if not readings:
        raise InputError(option, text, f"has {written!r}, which is not a date that exists")
    if len(readings) == 1:
        return _format(*readings[0], year)
    if dayfirst is None:
        day_first, month_first = (f"{d} {MONTHS[m - 1]}" for d, m in readings)
        raise InputError(
            option,
            text,
            f"has {written!r}, which could be {day_first} or {month_first}; "
            "add --dayfirst or --monthfirst, or write the month's name",
        )
    return _format(*readings[0 if dayfirst else 1], year)


def _readings(first: int, second: int, year: int | None) -> list[tuple[int, int]]:
    """The (day, month) readings that exist: day first, then month first (one if equal)."""
    found = []
    for day, month in ((first, second), (second, first)):
        if (day, month) not in found and _exists(year or LEAP_YEAR, month, day):
            found.append((day, month))
    return found


def _spelled(option: str, text: str, written: str, day: int, month: int, year: int) -> str:
    if not _exists(year, month, day):
        raise InputError(option, text, f"has {written!r}, which is not a date that exists")
    return _format(day, month, year)


def _exists(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _full_year(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) + 2000 if len(text) == 2 else int(text)


def _format(day: int, month: int, year: int | None) -> str:
    return f" {day} {MONTHS[month - 1]}" + (f" {year} " if year is not None else " ")
