"""A zone written inside WHEN: ``11:00 EDT``, ``11:00 +01:00``, ``11:00 Europe/London``.

Found, checked and cut out of the text, so that the date and time are read apart and
placed in that zone. A zone that does not name one offset for sure is refused.
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from typing import NamedTuple

from icsfollow.errors import InputError

__all__ = [
    "AMBIGUOUS_ABBREVIATIONS",
    "GENERIC_ZONES",
    "ZONE_ABBREVIATIONS",
    "ZoneInText",
    "split_zone",
]

# Abbreviations that name one UTC offset (minutes) in everyday use.
ZONE_ABBREVIATIONS: dict[str, int] = {
    "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0, "WEST": 60, "CET": 60, "CEST": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "IDT": 180, "EAT": 180, "WAT": 60, "CAT": 120,
    "SAST": 120, "PKT": 300, "NPT": 345, "ICT": 420, "WIB": 420, "HKT": 480, "SGT": 480,
    "PHT": 480, "AWST": 480, "JST": 540, "KST": 540, "ACST": 570, "ACDT": 630,
    "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780, "NST": -210, "NDT": -150,
    "ADT": -180, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "HDT": -540,
    "BRT": -180, "ART": -180,
}  # fmt: skip
# US names of a zone, standard or daylight time as the date has it.
GENERIC_ZONES: dict[str, str] = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}
# Abbreviations used for several offsets, and zones to write instead.
AMBIGUOUS_ABBREVIATIONS: dict[str, str] = {
    "IST": "Asia/Kolkata, Europe/Dublin or Asia/Jerusalem",
    "CST": "America/Chicago, Asia/Shanghai or America/Havana",
    "BST": "Europe/London or Asia/Dhaka",
    "AST": "America/Halifax or Asia/Riyadh",
    "SST": "Pacific/Pago_Pago or Asia/Singapore",
    "GST": "Asia/Dubai or Atlantic/South_Georgia",
    "AMT": "America/Manaus or Asia/Yerevan",
    "ECT": "America/Guayaquil or America/Port_of_Spain",
}
# Capitalised words of a date that are no zone.
NOT_ZONES = frozenset({
    "AM", "PM", "A", "P", "AT", "ON", "THE", "OF", "NOW", "NOON", "JAN", "FEB", "MAR", "APR",
    "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "MON", "TUE", "TUES",
    "WED", "THU", "THUR", "THURS", "FRI", "SAT", "SUN", "LAST", "NEXT", "THIS"
})  # fmt: skip
NAMED_ZONE = re.compile(r"(?<![\w/])[A-Za-z][\w+\-]*(?:/[\w+\-]+)+(?![\w/])")
OFFSET = re.compile(
    r"(?<![\w:+\-])(?:(?:UTC|GMT|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?![\w:])", re.IGNORECASE
)
# "11:00+01:00"; a glued "-" stays out: "11:00-12:00" is more likely a range.
GLUED_OFFSET = re.compile(r"(?<=\d:\d\d)(\+)(\d{2}):?(\d{2})(?![\w:])")
WORD = re.compile(r"(?<![\w/])[A-Za-z]{1,5}(?![\w/])")


class ZoneInText(NamedTuple):
    """The text without its zone, and the zone: an IANA name, a fixed offset, or None."""

    rest: str
    zone: str | tzinfo | None


def split_zone(option: str, text: str) -> ZoneInText:
    """Find the one zone written in ``text`` and cut it out.

    Raises:
        InputError: For an unknown or ambiguous zone, or two zones.
    """
    found: list[tuple[re.Match[str], str | tzinfo]] = []
    for pattern in (NAMED_ZONE, OFFSET, GLUED_OFFSET, WORD):
        for match in pattern.finditer(text):
            if any(_overlap(match, seen) for seen, _ in found):
                continue
            zone = _zone_of(option, text, pattern, match)
            if zone is not None:
                found.append((match, zone))
    if not found:
        return ZoneInText(text, None)
    if len(found) > 1:
        names = " and ".join(repr(match[0].strip()) for match, _ in found)
        raise InputError(option, text, f"names two zones ({names}); give one")
    match, zone = found[0]
    rest = text[: match.start()] + " " + text[match.end() :]
    return ZoneInText(" ".join(rest.split()), zone)


def _overlap(one: re.Match[str], other: re.Match[str]) -> bool:
    return one.start() < other.end() and other.start() < one.end()


def _zone_of(
    option: str, text: str, pattern: re.Pattern[str], match: re.Match[str]
) -> str | tzinfo | None:
    if pattern is NAMED_ZONE:
        return _named_zone(option, text, match[0])
    if pattern is OFFSET or pattern is GLUED_OFFSET:
        return _offset_zone(option, text, match)
    return _abbreviated_zone(option, text, match[0])


def _named_zone(option: str, text: str, name: str) -> str:
    from icsfollow.inputs.parse import parse_zone

    try:
        return parse_zone(option, name)
    except InputError as error:
        raise InputError(option, text, f"has {name!r}, which {error.reason}") from None


def _offset_zone(option: str, text: str, match: re.Match[str]) -> tzinfo:
    sign, hours, minutes = match[1], int(match[2]), int(match[3] or 0)
    if hours > 14 or minutes >= 60:
        raise InputError(option, text, f"has {match[0].strip()!r}, which is not a UTC offset")
    offset = timedelta(hours=hours, minutes=minutes)
    return timezone(-offset if sign == "-" else offset)


def _abbreviated_zone(option: str, text: str, word: str) -> str | tzinfo | None:
    upper = word.upper()
    if word in GENERIC_ZONES:
        return GENERIC_ZONES[word]
    if upper in ZONE_ABBREVIATIONS and (word.isupper() or len(word) >= 3):
        return timezone(timedelta(minutes=ZONE_ABBREVIATIONS[upper]))
    if upper in AMBIGUOUS_ABBREVIATIONS:
        raise InputError(
            option,
            text,
            f"has {word!r}, which names several zones; give an offset (e.g. +05:30) "
            f"or the zone: {AMBIGUOUS_ABBREVIATIONS[upper]}",
        )
    if word.isupper() and len(word) >= 2 and upper not in NOT_ZONES:
        raise InputError(
            option,
            text,
            f"has {word!r}, which is not a zone I know; give an offset (e.g. -05:00) "
            "or an IANA zone (e.g. America/New_York)",
        )
    return None
