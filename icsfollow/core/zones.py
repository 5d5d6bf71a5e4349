"""Time zones: names, local instants and the contact's country."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache

import pytz
from pytz.tzinfo import BaseTzInfo

__all__ = [
    "LEGACY_TARGETS",
    "LEGACY_ZONES",
    "UTC",
    "canonical_zone",
    "country_of_zone",
    "format_local",
    "format_span",
    "gap_around",
    "get_zone",
    "local_instant",
    "suggest_zones",
    "to_local",
]

UTC = pytz.utc

# Legacy names that are one fixed offset or a bare US rule, and the city zone to use instead.
LEGACY_ZONES: dict[str, str] = {
    "EST": "America/New_York",
    "EST5EDT": "America/New_York",
    "CST6CDT": "America/Chicago",
    "MST": "America/Denver (or America/Phoenix)",
    "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles",
    "HST": "Pacific/Honolulu",
    "CET": "Europe/Paris",
    "MET": "Europe/Paris",
    "EET": "Europe/Athens",
    "WET": "Europe/Lisbon",
}
# tzdata's targets for the legacy names (2024b and later), for a system zone named so.
LEGACY_TARGETS: dict[str, str] = {
    "EST": "America/Panama",
    "EST5EDT": "America/New_York",
    "CST6CDT": "America/Chicago",
    "MST": "America/Phoenix",
    "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles",
    "HST": "Pacific/Honolulu",
    "CET": "Europe/Brussels",
    "MET": "Europe/Brussels",
    "EET": "Europe/Athens",
    "WET": "Europe/Lisbon",
}


@cache
def get_zone(name: str) -> BaseTzInfo:
    """Return the pytz zone for an IANA name.

    Raises:
        pytz.UnknownTimeZoneError: If the name is not a zone.
    """
    return pytz.timezone(name)


def canonical_zone(name: str) -> str:
    """Return the canonical name of a zone link (``US/Eastern`` -> ``America/New_York``)."""
    from icsfollow.core.zone_links import LINKS

    return LINKS.get(name, name)


def suggest_zones(name: str, limit: int = 3) -> list[str]:
    """Return the real zone names closest to a mistyped one."""
    import difflib

    by_lower = {zone.lower(): zone for zone in pytz.common_timezones}
    matches = difflib.get_close_matches(name.lower(), list(by_lower), n=limit, cutoff=0.6)
    return [by_lower[match] for match in matches]


@cache
def _zone_countries() -> dict[str, str]:
    return {zone: code for code, zones in pytz.country_timezones.items() for zone in zones}


def country_of_zone(zone: str) -> str | None:
    """Return the ISO country code a zone belongs to, or None (e.g. for UTC)."""
    return _zone_countries().get(zone)


def to_local(instant: datetime, zone: str) -> datetime:
    """Show an aware instant on a zone's wall clock."""
    return instant.astimezone(get_zone(zone))


def local_instant(day: date, wall: time, zone: str) -> datetime:
    """Return the UTC instant of a wall-clock time on a day, for computed times.

    A time in a spring-forward gap moves to the first instant after the gap; an
    ambiguous one takes the earlier instant.
    """
    tz = get_zone(zone)
    naive = datetime.combine(day, wall)
    try:
        return tz.localize(naive, is_dst=None).astimezone(UTC)
    except pytz.AmbiguousTimeError:
        return min(tz.localize(naive, is_dst=flag) for flag in (True, False)).astimezone(UTC)
    except pytz.NonExistentTimeError:
        return gap_around(naive, zone)[1]


def gap_around(naive: datetime, zone: str) -> tuple[datetime, datetime]:
    """Return the UTC instants just before and at the end of the gap holding ``naive``."""
    tz = get_zone(zone)
    low, high = sorted(tz.localize(naive, is_dst=flag).astimezone(UTC) for flag in (True, False))
    before = tz.normalize(low).utcoffset()
    minutes = int((high - low).total_seconds() // 60)
    lo, hi = 0, minutes
    while hi - lo > 1:
        middle = (lo + hi) // 2
        if tz.normalize(low + timedelta(minutes=middle)).utcoffset() == before:
            lo = middle
        else:
            hi = middle
    return low + timedelta(minutes=lo), low + timedelta(minutes=hi)


def format_local(instant: datetime, zone: str) -> str:
    """Format an instant for people, on the zone's wall clock: ``Tue 12 May 2026 12:00 EDT``."""
    local = to_local(instant, zone)
    return f"{local:%a %d %b %Y %H:%M} {local.tzname()}"


def format_span(start: datetime, end: datetime, zone: str) -> str:
    """Format a span on the zone's wall clock: ``Tue 12 May 2026 12:30-13:00 EDT``."""
    return f"{to_local(start, zone):%a %d %b %Y %H:%M}-{to_local(end, zone):%H:%M %Z}"
