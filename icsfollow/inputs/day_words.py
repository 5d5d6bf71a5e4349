"""Day words in a date: ``today``, ``tomorrow``, ``friday``, ``last friday``, ``next tuesday``.

Cut out of the text and resolved against today's date: a weekday alone is the nearest
one (today on that weekday), ``last`` the most recent past one, ``next`` the next one.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from icsfollow.errors import InputError

__all__ = ["WEEKDAY_NAMES", "DayWords", "cut_day_words", "on_day", "on_named_day"]

DAY_WORD = re.compile(r"\b(today|tonight|tomorrow|yesterday)\b", re.IGNORECASE)
DAY_OFFSETS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
WEEKDAY = re.compile(
    r"\b(?:(last|next|this)\s+)?(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|"
    r"thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?,?",
    re.IGNORECASE,
)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NAMED_TIMES = re.compile(r"\b(noon|midnight)\b", re.IGNORECASE)


class DayWords(NamedTuple):
    """The day words cut out of a text: ``tomorrow`` (+1), ``last friday`` (4, "last")."""

    rest: str
    offset: int | None = None
    weekday: int | None = None
    qualifier: str = ""
    weekday_word: str = ""


def cut_day_words(option: str, text: str, value: str) -> DayWords:
    """Cut the day word and weekday out of ``value`` (noon and midnight become times).

    Raises:
        InputError: When the text names more than one day.
    """
    days = DAY_WORD.findall(value)
    weekdays = WEEKDAY.findall(value)
    if len(days) + len(weekdays) > 1 and not (len(days) == 1 and len(weekdays) == 1):
        raise InputError(option, text, "names more than one day; give one")
    rest = WEEKDAY.sub(" ", DAY_WORD.sub(" ", value))
    rest = NAMED_TIMES.sub(_named_time, " ".join(rest.split()))
    offset = DAY_OFFSETS[days[0].lower()] if days else None
    if not weekdays:
        return DayWords(rest, offset)
    qualifier, word = weekdays[0]
    weekday = next(i for i, name in enumerate(WEEKDAY_NAMES) if name.startswith(word[:3].lower()))
    return DayWords(rest, offset, weekday, qualifier.lower(), word)


def on_named_day(
    option: str,
    text: str,
    parsed: datetime,
    words: DayWords,
    local_now: datetime,
    has_date: bool,
) -> datetime:
    """Put a parsed time on the day its words name, checking a weekday against a date."""
    today = local_now.date()
    if has_date and words.offset is not None:
        raise InputError(option, text, "names the day twice (a day word and a date); give one")
    if has_date:
        if parsed.weekday() != words.weekday:
            assert words.weekday is not None
            raise InputError(
                option,
                text,
                f"says {WEEKDAY_NAMES[words.weekday].title()} but {parsed:%d %b %Y} is a "
                f"{parsed:%A}; fix the weekday or the date",
            )
        return parsed
    day = today + timedelta(days=words.offset) if words.offset is not None else None
    if words.weekday is not None:
        by_weekday = _weekday_near(today, words.weekday, words.qualifier)
        if day is not None and day != by_weekday:
            raise InputError(
                option, text, f"says {words.weekday_word} but that day is a {day:%A}; give one"
            )
        day = by_weekday
    assert day is not None
    return on_day(parsed, day)


def _weekday_near(today: date, weekday: int, qualifier: str) -> date:
    """``last``: the most recent past one; ``next``: the next future one; else the nearest."""
    ahead = (weekday - today.weekday()) % 7
    behind = (today.weekday() - weekday) % 7
    if qualifier == "last":
        return today - timedelta(days=behind or 7)
    if qualifier == "next":
        return today + timedelta(days=ahead or 7)
    return today + timedelta(days=ahead) if ahead <= behind else today - timedelta(days=behind)


def on_day(parsed: datetime, day: date) -> datetime:
    """The same wall-clock time on another day."""
    return parsed.replace(year=day.year, month=day.month, day=day.day)


def _named_time(match: re.Match[str]) -> str:
    return "12:00" if match[1].lower() == "noon" else "00:00"
