"""Plain values to JSON and back, generically: NamedTuples by field, times as ISO text.

The plan's inputs change shape as options are added; nothing here names a field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from enum import Enum

__all__ = ["dump_json", "load_options", "to_plain"]


def to_plain(value: object) -> object:
    """A JSON-ready copy: NamedTuples and mappings as objects, tuples as arrays,
    dates and times as ISO 8601 text, durations as seconds, enums as their values."""
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {key: to_plain(item) for key, item in value._asdict().items()}
    if isinstance(value, Mapping):
        return {str(key): to_plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(item) for item in value]
    if isinstance(value, Enum):
        return to_plain(value.value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    return value


def dump_json(value: object) -> str:
    """``value`` as compact, sorted JSON text."""
    return json.dumps(to_plain(value), sort_keys=True, ensure_ascii=False)


def load_options(text: str, fields: tuple[str, ...]) -> dict[str, object]:
    """The recorded options that the current code still knows, arrays back as tuples.

    Options recorded by an older or newer icsfollow that this one lacks are dropped;
    options it has but the record lacks take their defaults.
    """
    data = json.loads(text)
    return {
        key: tuple(value) if isinstance(value, list) else value
        for key, value in data.items()
        if key in fields
    }
