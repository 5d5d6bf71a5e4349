"""The config file: TOML defaults for the plan command's options, checked key by key."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Mapping
from datetime import date, datetime, time
from pathlib import Path

from icsfollow.errors import InputError

__all__ = [
    "CONFIG_ENVVAR",
    "FILE_NAME",
    "KEYS",
    "TABLES",
    "TEMPLATE",
    "caldav_is_configured",
    "config_path",
    "envvar_of",
    "line_of",
    "parse_config",
    "read_config",
]

CONFIG_ENVVAR = "ICSFOLLOW_CONFIG"
FILE_NAME = "config.toml"
MAX_BYTES = 1024 * 1024

# Each key, the TOML types it accepts (bool is checked apart: it is an int in Python).
KEYS: dict[str, tuple[type, ...]] = {
    "name": (str,),
    "tz": (str,),
    "their_tz": (str,),
    "context": (str,),
    "hours": (str,),
    "country": (str,),
    "check_in_after": (int,),
    "last_check_in_after": (int,),
    "own_hours": (str,),
    "alarm": (int, str),
    "duration": (int, str),
    "output_dir": (str,),
    "dayfirst": (bool,),
    "record": (bool,),
    "calendar_app": (str,),
    "feed": (str,),
    "push": (bool,),
}

# Each table (``[caldav]``), its keys and the TOML types they accept; no key is required here.
TABLES: dict[str, dict[str, tuple[type, ...]]] = {
    "caldav": {
        "url": (str,),
        "username": (str,),
        "calendar": (str,),
        "password_command": (str,),
        "ca_file": (str,),
        "timeout": (int,),
    },
}

# A key set to unquoted text (compiled on first use by re's cache, so only for a bad config).
BARE_TEXT = r"^\s*(?P<key>[A-Za-z_][\w-]*)\s*=\s*(?P<value>[^\s\"'\[{#][^#]*?)\s*(?:#.*)?$"

_TYPE_NAMES: dict[type, str] = {
    bool: "a boolean (true or false)",
    int: "an integer",
    float: "a float",
    str: "a string",
    list: "an array",
    dict: "a table",
    datetime: "a date-time",
    date: "a date",
    time: "a time",
}

TEMPLATE = """\
# icsfollow configuration: defaults for `icsfollow plan`.
# Precedence: command line > ICSFOLLOW_<OPTION> environment variables > this file > built-in.
# Remove the '# ' before a setting to use it; `icsfollow config show` prints what is in effect.

# Your name, for "Thank you from <name>".
# name = "Joe Smith"

# Your IANA time zone (default: the system's).
# tz = "Europe/London"

# The contacts' IANA time zone (default: tz).
# their_tz = "America/New_York"

# "direct" (you interviewed with the company) or "agency" (a recruiter placed you).
# context = "direct"

# The contacts' business hours, in their_tz ("09:00-17:00", "9-5", "9am-5pm").
# hours = "09:00-17:00"

# Public-holiday country or region code, or "none" (default: from their_tz).
# country = "GB"   # or "US-CA", "AU-NSW", "DE-BY"

# Working days without word before the check-in (1-15).
# check_in_after = 3

# Working days after the check-in for a last check-in (0-15; 0: none).
# last_check_in_after = 5

# Your own hours, in tz: your tasks, and calls when their hours allow.
# own_hours = "08:00-21:00"

# Reminder before each timed step, in minutes (0-1440), or "none".
# alarm = 15

# How long your interviews last: minutes (1-720), or "1h", "90m", "1h30".
# duration = 60

# Folder for the .ics files (default: the current folder; -o still wins).
# output_dir = "~/Documents/interviews"

# true: read 01/02 as 1 February; false: as January 2 (default: as the country of
# tz writes dates, e.g. day first in GB, month first in the US).
# dayfirst = true

# Keep each plan in the record, to reschedule or close it later.
# record = true

# The calendar you import into: apple, evolution (they apply update files by
# themselves: reschedule writes in place), thunderbird, google, outlook or other.
# calendar_app = "google"

# A feed of every plan to subscribe to, rewritten by plan, reschedule and close.
# Never publish it at a public URL: it would show your job search to anyone.
# feed = "~/job-followups.ics"

# After each plan, reschedule and close, sync the record to the [caldav] calendar below.
# push = false

# CalDAV sync (pip install "icsfollow[caldav]"; the README has each provider's set-up).
# The password never goes here: set ICSFOLLOW_CALDAV_PASSWORD or password_command,
# or run `icsfollow caldav login` to keep it in the system keyring.
# [caldav]
# url = "https://caldav.icloud.com/"
# username = "you@icloud.com"
# calendar = "Job follow-ups"
# password_command = "pass show caldav"
# ca_file = "~/.config/icsfollow/my-ca.pem"
# timeout = 30
"""


def config_path(app_dir: str, environ: Mapping[str, str]) -> Path:
    """Return the config file: ``$ICSFOLLOW_CONFIG`` if set, else ``<app_dir>/config.toml``.

    Raises:
        InputError: If a ``~`` in either cannot be expanded (no such user, HOME unset).
    """
    from icsfollow.inputs.paths import expand_home

    chosen = environ.get(CONFIG_ENVVAR, "")
    if chosen:
        return expand_home(CONFIG_ENVVAR, chosen)
    return expand_home("config", str(Path(app_dir) / FILE_NAME))


def caldav_is_configured(config: Mapping[str, object]) -> bool:
    """Whether a config read by :func:`read_config` has a ``[caldav]`` table with a url."""
    table = config.get("caldav")
    return isinstance(table, dict) and bool(table.get("url"))


def envvar_of(key: str) -> str:
    """Return the environment variable of a key or option, e.g. ``ICSFOLLOW_THEIR_TZ``."""
    return "ICSFOLLOW_" + key.replace("-", "_").upper()


def read_config(path: Path) -> dict[str, object]:
    """Read and check the config file; a missing file is an empty config.

    Raises:
        InputError: If the file cannot be read, is not TOML, or has a bad key or value.
    """
    try:
        data = _read_limited(path)
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise InputError("config", str(path), f"cannot be read: {error.strerror}") from None
    if data is None:
        raise InputError("config", str(path), "is not a regular file")
    if len(data) > MAX_BYTES:
        raise InputError("config", str(path), "is larger than 1 MiB")
    try:
        return parse_config(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError("config", str(path), "is not UTF-8 text") from None


def _read_limited(path: Path) -> bytes | None:
    """Read at most ``MAX_BYTES + 1`` bytes of a regular file; None for anything else.

    The file is opened without blocking, so a FIFO cannot hang the run, and checked
    after opening, so a device such as /dev/zero is never read.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        return None
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(MAX_BYTES + 1)


def parse_config(path: Path, text: str) -> dict[str, object]:
    """Parse config text and check every key and value type.

    Args:
        path: Where the text came from, for the error messages.
        text: The TOML text.

    Returns:
        The settings, by key (the option's name with underscores).

    Raises:
        InputError: With option ``config`` and the path as value, naming key and line.
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    try:
        data: dict[str, object] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        hint = _quote_hint(text, str(error))
        raise InputError("config", str(path), f"is not valid TOML: {error}{hint}") from None
    for key, value in data.items():
        problem = _problem(key, value)
        line = line_of(text, key)
        if problem is None and isinstance(value, dict):
            problem, line = _table_problem(text, key, value)
        if problem:
            where = f"line {line}: " if line else ""
            raise InputError("config", str(path), where + problem)
    return data


def line_of(text: str, key: str) -> int | None:
    """Return the first line (from 1) that sets a top-level key, or None."""
    quoted = re.escape(key)
    pattern = re.compile(rf"""^\s*(?:\[+\s*)?(?:{quoted}|"{quoted}"|'{quoted}')\s*[=.\]]""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _quote_hint(text: str, error: str) -> str:
    """For ``tz = Europe/London``: the line as it should be, with the text in quotes."""
    where = re.search(r"line (\d+)", error)
    lines = text.splitlines()
    if where is None or not 0 < int(where[1]) <= len(lines):
        return ""
    bare = re.match(BARE_TEXT, lines[int(where[1]) - 1])
    if bare is None:
        return ""
    return f'; put text in quotes: {bare["key"]} = "{bare["value"]}"'


def _table_problem(
    text: str, table: str, values: dict[str, object]
) -> tuple[str | None, int | None]:
    """The first bad key or value of a table, and its line (counted from the table's header)."""
    header = line_of(text, table) or 0
    for key, value in values.items():
        problem = _problem(key, value, TABLES[table], f"[{table}] ")
        if problem:
            below = line_of("\n".join(text.splitlines()[header:]), key)
            return problem, header + below if below else None
    return None, None


def _problem(
    key: str, value: object, known: Mapping[str, tuple[type, ...]] | None = None, where: str = ""
) -> str | None:
    if known is None and key in TABLES:
        return (
            None if isinstance(value, dict) else f"{key!r} must be a table, not {_type_name(value)}"
        )
    known = KEYS if known is None else known
    if key not in known:
        import difflib

        close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else "known keys: " + ", ".join(known)
        return f"unknown key {where}{key!r} ({hint})"
    wanted = known[key]
    if isinstance(value, bool) != (bool in wanted) or not isinstance(value, wanted):
        names = " or ".join(_TYPE_NAMES[kind] for kind in wanted)
        return f"{where}{key!r} must be {names}, not {_type_name(value)}"
    return None


def _type_name(value: object) -> str:
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__
