"""Test helpers for outputs: a folder's exact state, before and after a run."""

from __future__ import annotations

import os
import stat
from pathlib import Path

TEMP_MARK = ".icsfollow-"

Entry = tuple[str, bytes]


def snapshot(folder: Path) -> dict[str, Entry]:
    """Every entry under a folder: kind and content (a file's bytes, a link's target)."""
    state: dict[str, Entry] = {}
    for root, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            path = Path(root) / name
            state[str(path.relative_to(folder))] = _entry(path)
            if path.is_symlink() and name in folders:
                folders.remove(name)
    return state


def _entry(path: Path) -> Entry:
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return "link", os.fsencode(os.readlink(path))
    if stat.S_ISREG(mode):
        return "file", path.read_bytes()
    if stat.S_ISDIR(mode):
        return "folder", b""
    return "other", b""


def leftovers(folder: Path) -> list[str]:
    """Temporary or backup names of icsfollow anywhere under a folder."""
    return [name for name in snapshot(folder) if TEMP_MARK in name]


def error_lines(stderr: str) -> list[str]:
    """The lines of stderr that are not click's usage preamble."""
    skip = ("Usage:", "Try '")
    return [line for line in stderr.splitlines() if line and not line.startswith(skip)]
