"""What the machine says: its time zone and the current instant."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from icsfollow.errors import InputError

__all__ = ["run_now", "system_zone"]

ZONEINFO_MARK = "zoneinfo/"
LOCALTIME = Path("/etc/localtime")


def system_zone() -> str | None:
    """Return the system's IANA zone from ``TZ``, ``/etc/localtime`` or ``/etc/timezone``."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        return name.split(ZONEINFO_MARK, 1)[-1]
    if LOCALTIME.is_symlink():
        target = str(LOCALTIME.resolve())
        if ZONEINFO_MARK in target:
            return target.split(ZONEINFO_MARK, 1)[1]
    try:
        return Path("/etc/timezone").read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def run_now() -> datetime:
    """The run's "now": ``SOURCE_DATE_EPOCH`` when set, else the clock, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise InputError("SOURCE_DATE_EPOCH", epoch, "is not a Unix timestamp") from None
    return datetime.now(tz=timezone.utc)
