"""What people type, turned into values, or an InputError naming the option and value."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytz

from icsfollow.core.zones import (
    LEGACY_ZONES,
    canonical_zone,
    gap_around,
    get_zone,
    suggest_zones,
    to_local,
)
from icsfollow.errors import InputError

__all__ = [
    "clean_text",
    "localize",
    "parse_instant",
    "parse_zone",
]

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
FIXED_OFFSET_ZONE = re.compile(r"^Etc/GMT[+-]\d+$")


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
    """Return the canonical IANA name of a place's zone, or suggest the closest real names.

    Links become their target (``US/Eastern`` -> ``America/New_York``); legacy zones
    (``EST``, ``EST5EDT``) and the sign-reversed ``Etc/GMT+5`` are refused.
    """
    try:
        zone = str(pytz.timezone(name.strip()).zone)
    except (pytz.UnknownTimeZoneError, ValueError, UnicodeError):
        close = suggest_zones(name)
        hint = f"; did you mean {' or '.join(close)}?" if close else " (use an IANA name)"
        raise InputError(option, name, f"is not a known time zone{hint}") from None
    if zone in LEGACY_ZONES:
        raise InputError(
            option,
            name,
            "is a legacy zone (a fixed offset or old US rules), not a place; "
            f"use a city zone such as {LEGACY_ZONES[zone]}",
        )
    if FIXED_OFFSET_ZONE.match(zone):
        raise InputError(
            option,
            name,
            f"is a fixed offset with its sign reversed ({zone} is UTC{_posix_sign(zone)}); "
            "use the city zone of the place, e.g. America/New_York",
        )
    return canonical_zone(zone)


def _posix_sign(zone: str) -> str:
    sign, hours = zone[len("Etc/GMT")], zone[len("Etc/GMT") + 1 :]
    return ("-" if sign == "+" else "+") + hours


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
