"""Business hours and lengths as people write them: ``9-5``, ``9am-5pm``, ``1h30``, ``90m``."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from icsfollow.errors import InputError

__all__ = ["parse_duration", "parse_hours"]

CLOCK = r"(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?m\.?)?"
HOURS = re.compile(rf"^{CLOCK}\s*(?:-|\u2013|\u2014|to)\s*{CLOCK}$", re.IGNORECASE)
DURATION = re.compile(
    r"^(?:(?P<hours>\d+(?:\.\d+)?)\s*(?:hours|hour|hrs|hr|h)(?![a-z])\s*)?"
    r"(?:(?P<minutes>\d+)\s*(?:m|min|mins|minute|minutes)?)?$",
    re.IGNORECASE,
)
H_MM = re.compile(r"^(\d{1,2}):(\d{2})$")
HOURS_HINT = "type them like 09:00-17:00, 9-5 or 9am-5pm"


def parse_hours(option: str, text: str) -> tuple[time, time]:
    """Read business hours: ``09:00-17:00``, ``9-17``, ``9-5`` (5 is 17:00), ``9am-5pm``.

    Raises:
        InputError: Unless they end after they start and last at least one hour.
    """
    match = HOURS.match(text.strip())
    if match is None:
        raise InputError(option, text, f"is not a time range; {HOURS_HINT}")
    start_hour, start_minute, start_half, end_hour, end_minute, end_half = match.groups()
    end = _hour(int(end_hour), end_half)
    start = _hour(int(start_hour), start_half or _same_half(int(start_hour), end_half, end))
    if not (start_half or end_half or end_hour.startswith("0")) and end < start <= 12:
        end += 12  # "9-5": office hours end in the afternoon
    try:
        opens, closes = time(start, int(start_minute or 0)), time(end, int(end_minute or 0))
    except ValueError:
        raise InputError(option, text, f"holds a time that does not exist; {HOURS_HINT}") from None
    if closes <= opens:
        raise InputError(option, text, f"must end after it starts; {HOURS_HINT}")
    length = datetime.combine(date.min, closes) - datetime.combine(date.min, opens)
    if length < timedelta(hours=1):
        raise InputError(option, text, "must be at least one hour long, e.g. 09:00-17:00")
    return opens, closes


def _hour(hour: int, half: str | None) -> int:
    if not half or hour > 12:
        return hour
    return hour % 12 + (12 if half.lower().startswith("p") else 0)


def _same_half(start: int, end_half: str | None, end: int) -> str | None:
    """``1-5pm`` is 13:00-17:00, ``9-5pm`` is 09:00-17:00: the start takes pm when it fits."""
    if end_half and end_half.lower().startswith("p") and start < 12 and start + 12 < end:
        return "pm"
    return None


def parse_duration(option: str, text: str, longest: int) -> int:
    """Read a length in minutes: ``45``, ``90m``, ``1h``, ``1h30``, ``1.5h``, ``1:30``.

    Raises:
        InputError: Unless it is 1 to ``longest`` minutes.
    """
    stripped = text.strip()
    clock = H_MM.match(stripped)
    match = DURATION.match(stripped)
    if clock:
        minutes = int(clock[1]) * 60 + int(clock[2])
    elif match and stripped and (match["hours"] or match["minutes"]):
        hours = float(match["hours"] or 0)
        minutes = round(hours * 60) + int(match["minutes"] or 0)
    else:
        raise InputError(option, text, "is not a length; type it like 45, 90m, 1h or 1h30")
    if not 1 <= minutes <= longest:
        raise InputError(option, text, f"must be 1 to {longest} minutes ({longest // 60}h)")
    return minutes
