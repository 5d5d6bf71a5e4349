"""The ``[caldav]`` table of the config file, checked: where the calendar lives and who logs in."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from icsfollow.errors import InputError
from icsfollow.inputs.config import caldav_is_configured

__all__ = [
    "DEFAULT_CALENDAR",
    "DEFAULT_TIMEOUT",
    "CalDAVSettings",
    "caldav_settings",
    "check_url",
]

DEFAULT_CALENDAR = "Job follow-ups"
DEFAULT_TIMEOUT = 30
_MAX_TIMEOUT = 600


class CalDAVSettings(NamedTuple):
    """Where to sync and as whom; never the password.

    Attributes:
        url: The server's URL (its root is enough: discovery finds the rest).
        username: The login name.
        calendar: A calendar's display name, or its URL.
        password_command: A shell command whose first output line is the password.
        ca_file: A PEM file of CA certificates trusted on top of the system's.
        timeout: Seconds to wait for each answer.
        source: The config file, for messages.
    """

    url: str
    username: str
    calendar: str
    password_command: str | None
    ca_file: Path | None
    timeout: int
    source: Path


def caldav_settings(config: Mapping[str, object], source: Path) -> CalDAVSettings:
    """Read the ``[caldav]`` table of a config already checked by ``read_config``.

    Raises:
        InputError: With option ``config``: no table, no url or username, a bad url,
            a timeout out of range or a missing ca_file.
    """
    if not caldav_is_configured(config):
        reason = "has no [caldav] url: add a [caldav] table with url and username"
        raise InputError("config", str(source), reason)
    table = config["caldav"]
    assert isinstance(table, dict)  # caldav_is_configured checked it
    url = check_url(str(table["url"]), source)
    username = str(table.get("username", ""))
    if not username:
        raise InputError("config", str(source), "[caldav] needs a username")
    timeout = int(table.get("timeout", DEFAULT_TIMEOUT))
    if not 1 <= timeout <= _MAX_TIMEOUT:
        raise InputError("config", str(source), f"[caldav] timeout must be 1-{_MAX_TIMEOUT} s")
    return CalDAVSettings(
        url=url,
        username=username,
        calendar=str(table.get("calendar") or DEFAULT_CALENDAR),
        password_command=str(table["password_command"]) if table.get("password_command") else None,
        ca_file=_ca_file(table.get("ca_file"), source),
        timeout=timeout,
        source=source,
    )


def check_url(url: str, source: Path) -> str:
    """Return the URL if it is https, or http to a loopback host; else refuse it.

    Raises:
        InputError: For another scheme, no host, or plain http to a non-loopback host.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        reason = f"[caldav] url {url!r} is not an http(s) URL, e.g. https://caldav.example.com/"
        raise InputError("config", str(source), reason)
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        reason = f"[caldav] url {url!r} must use https:// (plain http only to this machine)"
        raise InputError("config", str(source), reason)
    return url


def is_loopback(host: str) -> bool:
    """Whether a host name is this machine: localhost, 127.0.0.0/8 or ::1."""
    if host.lower() == "localhost":
        return True
    import ipaddress  # only when a CalDAV url is checked: list and show stay light

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _ca_file(value: object, source: Path) -> Path | None:
    if not value:
        return None
    path = Path(str(value)).expanduser()
    if not path.is_file():
        raise InputError("config", str(source), f"[caldav] ca_file {str(value)!r} is not a file")
    return path
