"""What people type, turned into values, or an InputError naming the option and value."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytz

from icsfollow.core.model import Person
from icsfollow.core.zones import gap_around, get_zone, suggest_zones, to_local
from icsfollow.errors import InputError

__all__ = [
    "clean_text",
    "localize",
    "parse_date",
    "parse_hours",
    "parse_instant",
    "parse_person",
    "parse_when",
    "parse_zone",
]

ISO_SHAPE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}")
RELATIVE = re.compile(r"^\s*(today|yesterday|tomorrow)\b\s*(?:at\s+)?(.*)$", re.IGNORECASE)
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
EMAIL = re.compile(r"^[^@\s<>,;:\"()\[\]\\]+@[^@\s<>,;:\"()\[\]\\]+\.[^@\s<>,;:\"()\[\]\\.]+$")
PERSON = re.compile(r"^(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?$")
HOURS = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?$")
DEFAULT_A = datetime(2000, 1, 1, 0, 0)
DEFAULT_B = datetime(2004, 2, 2, 13, 37)
NAMED_TIMES = re.compile(r"\b(noon|midnight)\b", re.IGNORECASE)
DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def clean_text(option: str, value: str) -> tuple[str, bool]:
    """Fold line breaks and control characters to spaces; keep all other Unicode.

    Returns:
        The cleaned text, and whether anything was folded.

    Raises:
        InputError: If the text cannot be encoded as UTF-8 (e.g. lone surrogates).
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(option, value, "is not valid UTF-8 text") from None
    cleaned = CONTROL.sub(" ", value).strip()
    return cleaned, cleaned != value.strip()


def parse_zone(option: str, name: str) -> str:
    """Return the canonical IANA name of a zone, or suggest the closest real names."""
    try:
        return str(pytz.timezone(name.strip()).zone)
    except (pytz.UnknownTimeZoneError, ValueError, UnicodeError):
        close = suggest_zones(name)
        hint = f"; did you mean {' or '.join(close)}?" if close else " (use an IANA name)"
        raise InputError(option, name, f"is not a known time zone{hint}") from None


def parse_person(option: str, text: str) -> Person:
    """Read ``Name <email>``, ``Name`` or ``email``; the email must look like one."""
    cleaned, _ = clean_text(option, text)
    if EMAIL.match(cleaned):
        return Person(cleaned, cleaned)
    match = PERSON.match(cleaned)
    if match is None or not (match["name"] or match["email"]):
        raise InputError(option, text, 'is not "Name <email>", "Name" or an email address')
    email = match["email"]
    if email is not None and not EMAIL.match(email.strip()):
        raise InputError(option, text, f"has {email!r}, which is not an email address")
    email = email.strip() if email else None
    return Person(match["name"].strip().strip('"').strip() or email or "", email)


def parse_hours(option: str, text: str) -> tuple[time, time]:
    """Read business hours ``HH:MM-HH:MM``: end after start, at least one hour long."""
    match = HOURS.match(text.strip())
    if match is None:
        raise InputError(option, text, "is not a time range like 09:00-17:00")
    try:
        opens = time(int(match[1]), int(match[2] or 0))
        closes = time(int(match[3]), int(match[4] or 0))
    except ValueError:
        raise InputError(option, text, "holds a time that does not exist") from None
    if closes <= opens:
        raise InputError(option, text, "must end after it starts")
    length = datetime.combine(date.min, closes) - datetime.combine(date.min, opens)
    if length < timedelta(hours=1):
        raise InputError(option, text, "must be at least one hour long")
    return opens, closes


def parse_instant(option: str, text: str) -> datetime:
    """Read an ISO 8601 instant that carries an offset or ``Z`` (for ``--now``)."""
    from dateutil.parser import isoparse

    try:
        value = isoparse(text.strip())
    except (ValueError, OverflowError):
        raise InputError(option, text, "is not an ISO 8601 date and time") from None
    if value.tzinfo is None:
        raise InputError(option, text, "needs an offset or Z, e.g. 2026-11-24T14:00Z")
    return value.astimezone(pytz.utc)


def parse_when(
    option: str, text: str, zone: str, now: datetime, dayfirst: bool = False
) -> tuple[datetime, list[str]]:
    """Read the interview start as people type it, local to ``zone``.

    Returns:
        The aware UTC instant, and warnings (an ambiguous local time).
    """
    stripped = text.strip()
    if stripped.lower() == "now":
        return now.replace(second=0, microsecond=0), []
    if ISO_SHAPE.match(stripped):
        parsed = _parse_iso(option, text)
    else:
        parsed = _parse_free(option, text, to_local(now, zone).replace(tzinfo=None), dayfirst)
    if parsed.tzinfo is not None:
        return parsed.astimezone(pytz.utc), []
    return localize(option, text, parsed, zone)


def parse_date(option: str, text: str, zone: str, now: datetime, dayfirst: bool = False) -> date:
    """Read a date (no time needed), ISO first; without a year, the nearest to now."""
    stripped = text.strip()
    if ISO_SHAPE.match(stripped):
        from dateutil.parser import isoparse

        try:
            return isoparse(stripped).date()
        except (ValueError, OverflowError):
            raise InputError(option, text, "is not a valid date") from None
    local_now = to_local(now, zone).replace(tzinfo=None)
    return _parse_free(option, text, local_now, dayfirst, need_time=False).date()


def localize(option: str, text: str, naive: datetime, zone: str) -> tuple[datetime, list[str]]:
    """Place a wall-clock time in a zone; a gap is an error, a repeat takes the earlier."""
    tz = get_zone(zone)
    try:
        return tz.localize(naive, is_dst=None).astimezone(pytz.utc), []
    except pytz.NonExistentTimeError:
        before, after = (to_local(edge, zone) for edge in gap_around(naive, zone))
        raise InputError(
            option,
            text,
            f"does not exist in {zone} (the clocks skip from "
            f"{before + timedelta(minutes=1):%H:%M} to {after:%H:%M}); "
            f"use {before:%H:%M} or {after:%H:%M}",
        ) from None
    except pytz.AmbiguousTimeError:
        earlier = min(tz.localize(naive, is_dst=flag) for flag in (True, False))
        warning = (
            f"{naive:%Y-%m-%d %H:%M} happens twice in {zone}; using the earlier one "
            f"({earlier:%H:%M %Z}, UTC{earlier:%z})"
        )
        return earlier.astimezone(pytz.utc), [warning]


def _parse_iso(option: str, text: str) -> datetime:
    from dateutil.parser import isoparse

    stripped = text.strip()
    try:
        value = isoparse(stripped)
    except (ValueError, OverflowError) as error:
        raise InputError(option, text, f"is not a valid ISO 8601 date and time ({error})") from None
    if len(stripped) <= 10:
        raise InputError(option, text, "needs a time of day, e.g. '2026-11-24 14:00'")
    return value


def _parse_free(
    option: str, text: str, local_now: datetime, dayfirst: bool, need_time: bool = True
) -> datetime:
    relative = RELATIVE.match(text)
    if relative:
        base = local_now + timedelta(days=DAY_OFFSETS[relative[1].lower()])
        if not relative[2]:
            raise InputError(option, text, "needs a time of day, e.g. 'today 14:00'")
        parsed = _with_time(option, text, relative[2], base.replace(hour=0, minute=0), dayfirst)
        return parsed.replace(year=base.year, month=base.month, day=base.day)
    first = _dateutil(option, text, text, DEFAULT_A, dayfirst)
    second = _dateutil(option, text, text, DEFAULT_B, dayfirst)
    if need_time and first.hour != second.hour:
        raise InputError(option, text, "needs a time of day, e.g. 'Nov 24 2pm'")
    if (first.month, first.day) != (second.month, second.day):
        first = first.replace(year=local_now.year, month=local_now.month, day=local_now.day)
    elif first.year != second.year:
        first = _nearest_year(option, text, first, local_now)
    return first


def _with_time(option: str, text: str, value: str, default: datetime, dayfirst: bool) -> datetime:
    """Parse ``value`` and insist that it names an hour (minutes default to 0)."""
    first = _dateutil(option, text, value, default.replace(hour=0, minute=0), dayfirst)
    second = _dateutil(option, text, value, default.replace(hour=13, minute=37), dayfirst)
    if first.hour != second.hour:
        raise InputError(option, text, "needs a time of day, e.g. 'today 14:00'")
    return first


def _dateutil(option: str, text: str, value: str, default: datetime, dayfirst: bool) -> datetime:
    import warnings

    from dateutil.parser import ParserError, UnknownTimezoneWarning, parse

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UnknownTimezoneWarning)
            return parse(NAMED_TIMES.sub(_named_time, value), default=default, dayfirst=dayfirst)
    except (ParserError, ValueError, OverflowError, TypeError):
        raise InputError(option, text, "is not a date and time I can read") from None


def _named_time(match: re.Match[str]) -> str:
    return "12:00" if match[1].lower() == "noon" else "00:00"


def _nearest_year(option: str, text: str, parsed: datetime, local_now: datetime) -> datetime:
    candidates = []
    for year in (local_now.year - 1, local_now.year, local_now.year + 1):
        try:
            candidates.append(parsed.replace(year=year))
        except ValueError:
            continue
    if not candidates:
        raise InputError(option, text, "is not a date that exists near now")
    return min(candidates, key=lambda candidate: abs(candidate.replace(tzinfo=None) - local_now))
