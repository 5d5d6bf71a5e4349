"""Where the record lives: the user's data folder, or ``$ICSFOLLOW_DATA_DIR``."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATA_DIR_ENVVAR", "RECORD_FILE", "data_dir", "record_path"]

DATA_DIR_ENVVAR = "ICSFOLLOW_DATA_DIR"
RECORD_FILE = "record.sqlite3"


def data_dir() -> Path:
    """The data folder: ``$ICSFOLLOW_DATA_DIR``, else platformdirs' user data dir."""
    chosen = os.environ.get(DATA_DIR_ENVVAR, "")
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("icsfollow", appauthor=False))


def record_path() -> Path:
    """The record's database file, e.g. ``~/.local/share/icsfollow/record.sqlite3``."""
    return data_dir() / RECORD_FILE
