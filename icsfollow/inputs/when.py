"""WHEN and dates as people type them, read as they meant them, or an InputError.

Forms: ISO 8601 (``2026-11-24 14:00``, ``2026-11-24T14:00Z``), month names
(``Nov 24 2pm``, ``24 Nov 14:00``), numeric dates by the country's order
(``11/24 2pm``, ``24/11 14:00``, ``24.11.2026 14:00``), day words (``today 14:00``,
``10am tomorrow``, ``tomorrow at 10``), weekdays (``friday 2pm``, ``last friday 2pm``,
``next tuesday 11am``) and a zone inside the text (``11:00 EDT``, ``11:00 +01:00``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo

import pytz

from icsfollow.core.zones import to_local
from icsfollow.errors import InputError
from icsfollow.inputs.day_words import DayWords, cut_day_words, on_day, on_named_day
from icsfollow.inputs.numeric_dates import spell_numeric_dates
from icsfollow.inputs.parse import localize
from icsfollow.inputs.zone_words import split_zone

__all__ = ["parse_date", "parse_when"]

ISO_SHAPE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}")
AT_HOUR = re.compile(r"\bat\s+(\d{1,2})\b(?![:.]\d|\s*(?:[ap]\.?m\b|h\b|o'clock))", re.IGNORECASE)
LONE_HOUR = re.compile(r"^\s*(\d{1,2})\s*$")
DOTTED_CLOCK = re.compile(r"\b(\d{1,2})\.(\d{2})(?=\s*[ap]\.?m\b)", re.IGNORECASE)
RANGE = re.compile(
    r"\d\s*(?:[ap]\.?m\.?)?\s*(?:-|\u2013|\u2014|\bto\b|\buntil\b|\btill\b)\s*\d", re.IGNORECASE
)
CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\b\d{1,2}[:h]\d{2}\b", re.IGNORECASE)
FULL_YEAR = re.compile(r"\b\d{4}\b")
SMALL_HOURS = range(1, 7)  # a bare "at 2": 02:00 or 14:00? Asked, never guessed.
DEFAULT_A = datetime(2000, 1, 1, 0, 0)
DEFAULT_B = datetime(2004, 2, 2, 13, 37)
TRY_INSTEAD = "type it like '2026-11-24 14:00', 'Nov 24 2pm' or 'friday 2pm'"


def parse_when(
    option: str, text: str, zone: str, now: datetime, dayfirst: bool | None = False
) -> tuple[datetime, list[str]]:
    """Read the interview start as people type it, local to ``zone`` unless it names one.

    Args:
        dayfirst: How to read a numeric date valid both ways (``02/12``): True for
            2 December, False for February 12, None to refuse it.

    Returns:
        The aware UTC instant, and warnings (an ambiguous local time).
    """
    stripped = text.strip()
    if stripped.lower() == "now":
        return now.replace(second=0, microsecond=0), []
    if not stripped:
        raise InputError(option, text, f"is empty; {TRY_INSTEAD}")
    rest, written_zone = split_zone(option, stripped)
    local_now = to_local(now, zone).replace(tzinfo=None)
    wall = _read(option, text, rest, local_now, dayfirst, need_time=True)
    if wall.tzinfo is not None:
        if written_zone is not None:
            raise InputError(option, text, "names two zones; give one")
        return wall.astimezone(pytz.utc), []
    if written_zone is None:
        return localize(option, text, wall, zone)
    if isinstance(written_zone, str):
        return localize(option, text, wall, written_zone)
    return _fixed(wall, written_zone), []


def parse_date(
    option: str,
    text: str,
    zone: str,
    now: datetime,
    dayfirst: bool | None = False,
    after: date | None = None,
) -> date:
    """Read a date (no time needed); a bare weekday is the first one after ``after``.

    Without ``after``, and for ``last friday``, weekdays are read as in WHEN.
    """
    stripped = text.strip()
    if not stripped:
        raise InputError(option, text, "is empty; type a date like 2026-11-27 or 'friday'")
    local_now = to_local(now, zone).replace(tzinfo=None)
    words = cut_day_words(option, text, stripped)
    if after is not None and words.weekday is not None and words.qualifier != "last":
        if words.rest or words.offset is not None:
            raise InputError(option, text, "is not a date I can read; type it like 'friday'")
        return after + timedelta(days=(words.weekday - after.weekday() - 1) % 7 + 1)
    try:
        return _read(option, text, stripped, local_now, dayfirst, need_time=False).date()
    except InputError as error:
        if not error.reason.startswith("is not a date and time"):
            raise
        hint = "type it like 2026-11-27, 'Nov 27', 'friday' or 'next monday'"
        raise InputError(option, text, f"is not a date I can read; {hint}") from None


def _fixed(wall: datetime, offset: tzinfo) -> datetime:
    return wall.replace(tzinfo=offset).astimezone(pytz.utc)


def _read(
    option: str,
    text: str,
    value: str,
    local_now: datetime,
    dayfirst: bool | None,
    need_time: bool,
) -> datetime:
    """Read a wall-clock date and time (aware when the text carries an offset)."""
    if ISO_SHAPE.match(value):
        iso = _iso(option, text, value, need_time)
        if iso is not None:
            return iso
    words = cut_day_words(option, text, value)
    rest = _bare_hours(option, text, words)
    rest = spell_numeric_dates(option, text, rest, dayfirst).strip()
    if not rest and (need_time or (words.offset is None and words.weekday is None)):
        raise InputError(option, text, "needs a time of day, e.g. 'Nov 24 2pm' or 'friday 2pm'")
    _check_one_time(option, text, rest)
    first, second = (
        (_dateutil(option, text, rest, default) if rest else default)
        for default in (DEFAULT_A, DEFAULT_B)
    )
    if need_time and first.hour != second.hour:
        raise InputError(option, text, "needs a time of day, e.g. 'Nov 24 2pm' or 'friday 2pm'")
    has_date = _has_date(option, text, rest, first, second)
    if has_date and first.year != second.year:
        first = _nearest_year(option, text, first, local_now)
    if words.offset is not None or words.weekday is not None:
        return on_named_day(option, text, first, words, local_now, has_date)
    return first if has_date else on_day(first, local_now.date())


def _check_one_time(option: str, text: str, rest: str) -> None:
    """A range (``11am-12pm``) or two times (``11:00 11:30``) is refused, never cut."""
    if RANGE.search(rest):
        raise InputError(
            option,
            text,
            "looks like a range; give the start only (an offset goes after a space: "
            "'11:00 -05:00')",
        )
    if len(CLOCK_TIME.findall(rest)) > 1:
        raise InputError(option, text, "names more than one time; give the start only")


def _has_date(option: str, text: str, rest: str, first: datetime, second: datetime) -> bool:
    """Whether a day and month were given; half a date or a short year is refused."""
    same_month, same_day = first.month == second.month, first.day == second.day
    if same_month != same_day:
        raise InputError(option, text, "needs both a day and a month, e.g. 'Dec 1 11am'")
    if first.year == second.year and not FULL_YEAR.search(rest):
        raise InputError(option, text, "has a number I cannot place; write a year in full")
    return same_month


def _bare_hours(option: str, text: str, words: DayWords) -> str:
    """``at 10`` and ``tomorrow 10`` are 10:00; ``11.30am`` is 11:30am; ``at 2`` is asked."""
    rest = DOTTED_CLOCK.sub(r"\1:\2", words.rest)
    bare = [match[1] for match in AT_HOUR.finditer(rest)]
    lone = LONE_HOUR.match(rest) if words.offset is not None or words.weekday is not None else None
    bare += [lone[1]] if lone else []
    for hour in bare:
        if int(hour) in SMALL_HOURS:
            raise InputError(option, text, f"has the bare hour {hour}: write {hour}am or {hour}pm")
    rest = AT_HOUR.sub(r"\1:00", rest)
    return LONE_HOUR.sub(r"\1:00", rest) if lone else rest


def _iso(option: str, text: str, value: str, need_time: bool) -> datetime | None:
    """Read strict ISO 8601; None when it is not (``2026-12-01 11am`` is read freely)."""
    from dateutil.parser import isoparse

    try:
        parsed = isoparse(value)
    except (ValueError, OverflowError) as error:
        if re.fullmatch(r"[\d\-T:.+Z ]+", value):
            raise InputError(
                option, text, f"is not a valid ISO 8601 date and time ({error})"
            ) from None
        return None
    if need_time and len(value.strip()) <= 10:
        raise InputError(option, text, "needs a time of day, e.g. '2026-11-24 14:00'")
    return parsed


def _dateutil(option: str, text: str, value: str, default: datetime) -> datetime:
    import warnings

    from dateutil.parser import ParserError, UnknownTimezoneWarning, parse

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", UnknownTimezoneWarning)
            return parse(value, default=default)
    except UnknownTimezoneWarning:
        raise InputError(
            option, text, "has a word I cannot read as a zone; give an offset like -05:00"
        ) from None
    except (ParserError, ValueError, OverflowError, TypeError):
        reason = f"is not a date and time I can read; {TRY_INSTEAD}"
        raise InputError(option, text, reason) from None


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
