"""What the machine says: its time zone and the current instant."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from icsfollow.errors import InputError

__all__ = ["SystemZone", "find_system_zone", "run_now", "system_zone"]

ZONEINFO_MARK = "zoneinfo/"
LOCALTIME = Path("/etc/localtime")
TIMEZONE_FILE = Path("/etc/timezone")


class SystemZone(NamedTuple):
    """The system's IANA zone (None: not found), and why another source was used."""

    zone: str | None
    note: str | None = None


def system_zone() -> str | None:
    """Return the system's canonical IANA zone, or None when it cannot be found."""
    return find_system_zone().zone


def find_system_zone() -> SystemZone:
    """Find the system's zone: ``TZ``, then ``/etc/localtime``, then ``/etc/timezone``.

    ``TZ`` may name a zone (``Europe/Paris``, ``:Europe/Paris``), or a zone file by
    its path (``:/etc/localtime``, ``/usr/share/zoneinfo/Asia/Tokyo``). Anything else
    (a POSIX rule such as ``CET-1CEST``) is noted, and the system files are used.
    """
    raw = os.environ.get("TZ", "")
    name = raw.lstrip(":")
    if not name:
        return SystemZone(_zone_of_files())
    if name.startswith("/"):
        zone = _zone_of_path(Path(name)) or _zone_of_files()
        note = None if zone else f"TZ={raw!r}: cannot tell which zone that file is; using UTC"
        return SystemZone(zone, note)
    zone = _known(name)
    if zone is not None:
        return SystemZone(zone)
    files = _zone_of_files()
    fallback = files or "UTC"
    return SystemZone(files, f"TZ={raw!r} names no place's IANA zone; using {fallback}")


def _zone_of_files() -> str | None:
    zone = _zone_of_path(LOCALTIME)
    if zone is not None:
        return zone
    try:
        return _known(TIMEZONE_FILE.read_text(encoding="utf-8").strip())
    except OSError:
        return None


def _zone_of_path(path: Path) -> str | None:
    """The zone a zone file's path names, following symbolic links to the zoneinfo folder."""
    for candidate in (str(path), str(path.resolve()) if path.is_symlink() else ""):
        if ZONEINFO_MARK in candidate:
            zone = _known(candidate.split(ZONEINFO_MARK, 1)[1])
            if zone is not None:
                return zone
    return None


def _known(name: str) -> str | None:
    """The canonical name of a zone pytz knows (legacy names: their tzdata target), or None."""
    import pytz

    from icsfollow.core.zones import LEGACY_TARGETS, canonical_zone

    if not name or name.startswith("/"):
        return None
    try:
        zone = str(pytz.timezone(name).zone)
    except (pytz.UnknownTimeZoneError, ValueError, UnicodeError):
        return None
    if zone.startswith("Etc/GMT") and zone != "Etc/GMT":
        return None
    return canonical_zone(LEGACY_TARGETS.get(zone, zone))


def run_now() -> datetime:
    """The run's "now": ``SOURCE_DATE_EPOCH`` when set, else the clock, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise InputError("SOURCE_DATE_EPOCH", epoch, "is not a Unix timestamp") from None
    return datetime.now(tz=timezone.utc)
