"""The years icsfollow plans in: dates outside them are refused as bad input."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from icsfollow.core.zones import to_local
from icsfollow.errors import InputError

__all__ = ["FIRST_YEAR", "LAST_YEAR", "within_years"]

FIRST_YEAR, LAST_YEAR = 1900, 2200
OUTSIDE = f"is outside the years {FIRST_YEAR}-{LAST_YEAR}"
T = TypeVar("T")


def within_years(option: str, text: str, read: Callable[[], T], zone: str | None = None) -> T:
    """Read a value with ``read`` and refuse it when a date in it is outside 1900-2200.

    Args:
        option: The option the text came from, for the error.
        text: The text as typed.
        read: Parses the text; returns a date or datetime, or a tuple holding them.
        zone: The zone the text was typed in: its years are counted there, not in UTC.

    Raises:
        InputError: If a date lies outside the years, or is too far out to compute with.
    """
    try:
        value = read()
    except OverflowError:
        raise InputError(option, text, OUTSIDE) from None
    for item in value if isinstance(value, tuple) else (value,):
        if isinstance(item, datetime) and zone is not None:
            item = to_local(item, zone)
        if isinstance(item, date) and not FIRST_YEAR <= item.year <= LAST_YEAR:
            raise InputError(option, text, OUTSIDE)
    return value
