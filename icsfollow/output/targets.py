"""Where an output may go: checked before anything of a run is written.

Every check raises :class:`~icsfollow.errors.OutputError` with one line that names the
path and says what to do.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from icsfollow.errors import OutputError

__all__ = [
    "DEFAULT_NAME_MAX",
    "Target",
    "check_file",
    "check_folder",
    "resolved",
    "same_place",
    "shown",
]

DEFAULT_NAME_MAX = 255
# Files an operating system leaves in a folder it has shown; a folder of .ics files with
# these is still only icsfollow's, and --split --force may replace it.
SYSTEM_LITTER = frozenset([".DS_Store", "Thumbs.db", "desktop.ini"])
KIND_NAMES = {
    stat.S_IFREG: "a file",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


class Target(NamedTuple):
    """A checked place for one output.

    Attributes:
        path: Where the output goes.
        existing: What is at the path now (``os.lstat``), or None.
    """

    path: Path
    existing: os.stat_result | None


def shown(path: Path | str) -> str:
    """The path for a message, shortened in the middle when it is very long."""
    text = str(path)
    return text if len(text) <= 100 else f"{text[:60]}…{text[-30:]}"


def check_file(path: Path, force: bool = False, parents: bool = False) -> Target:
    """Check that a file can be written at ``path``.

    ``force`` allows replacing a regular file, or a symlink (the link itself is replaced)
    unless it points at a folder, device or pipe; nothing else is ever replaced.
    ``parents`` accepts missing folders on the way, under an existing one.
    """
    if path.name in ("", ".", ".."):
        raise OutputError(f"{path} is a folder; give a file name, e.g. {path / 'followup.ics'}")
    target = _target(path, parents)
    existing = target.existing
    if existing is None:
        return target
    if stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"{path} is a folder; give a file name, e.g. {path / 'followup.ics'}")
    if stat.S_ISLNK(existing.st_mode):
        _check_link(path)
    elif not stat.S_ISREG(existing.st_mode):
        raise OutputError(f"{shown(path)} is {_kind(existing)}, not a file; pick another name")
    if not force:
        raise OutputError(f"{shown(path)} already exists; use --force to replace it")
    return target


def check_folder(path: Path, force: bool = False, parents: bool = False) -> Target:
    """Check that a folder of new files can take the place of ``path``.

    ``force`` allows replacing a folder that holds only .ics files (what an earlier run
    wrote), or a symlink; the old folder goes only after the new one is in place.
    ``parents`` accepts missing folders on the way, under an existing one.
    """
    if path.name in ("", ".", ".."):
        raise OutputError(f"{path} cannot be replaced by a new folder; give a file name")
    target = _target(path, parents)
    existing = target.existing
    if existing is None:
        return target
    if not (stat.S_ISDIR(existing.st_mode) or stat.S_ISLNK(existing.st_mode)):
        raise OutputError(f"{shown(path)} is {_kind(existing)}, not a folder; pick another name")
    if not force:
        raise OutputError(f"{shown(path)} already exists; use --force to replace it")
    if stat.S_ISDIR(existing.st_mode):
        _check_only_calendars(path)
    return target


def same_place(first: Path, second: Path) -> bool:
    """Tell whether two paths name one place (symlinked folders, ``./`` and ``..`` included)."""
    return resolved(first) == resolved(second)


def resolved(path: Path) -> Path:
    """The path with its folder's symlinks and ``..`` resolved (not the last name's)."""
    return Path(os.path.realpath(path.parent)) / path.name


def _target(path: Path, parents: bool) -> Target:
    folder = _existing_folder(path, parents)
    _check_name_length(path, folder)
    if folder != path.parent:  # the folders on the way do not exist yet: nor does the path
        return Target(path, None)
    try:
        existing: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise OutputError(f"cannot write {shown(path)}: {error.strerror}") from None
    return Target(path, existing)


def _existing_folder(path: Path, parents: bool) -> Path:
    """The path's folder, or with ``parents`` its nearest existing ancestor; checked."""
    folder = path.parent
    while parents and not os.path.lexists(folder) and folder != folder.parent:
        folder = folder.parent
    try:
        folder_stat = os.stat(folder)
    except FileNotFoundError:
        missing = f"cannot write {shown(path)}: the folder {folder} does not exist"
        raise OutputError(missing) from None
    except OSError as error:
        raise OutputError(f"cannot write {shown(path)}: {error.strerror}") from None
    if not stat.S_ISDIR(folder_stat.st_mode):
        raise OutputError(f"cannot write {shown(path)}: {folder} is not a folder")
    return folder


def _check_name_length(path: Path, folder: Path) -> None:
    length = len(os.fsencode(path.name))
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = DEFAULT_NAME_MAX
    if length > limit:
        raise OutputError(
            f"cannot write {shown(path)}: the name is {length} bytes long, "
            f"over the limit of {limit}; pick a shorter name"
        )


def _check_link(path: Path) -> None:
    try:
        pointed = os.stat(path)
    except OSError:  # a dangling link: replacing it loses nothing
        return
    if not stat.S_ISREG(pointed.st_mode):
        raise OutputError(f"{shown(path)} is a symlink to {_kind(pointed)}; pick another name")


def _check_only_calendars(folder: Path) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError as error:
        raise OutputError(f"cannot replace {shown(folder)}: {error.strerror}") from None
    for entry in entries:
        is_calendar = entry.name.endswith(".ics") and entry.is_file(follow_symlinks=False)
        if not (is_calendar or entry.name in SYSTEM_LITTER):
            raise OutputError(
                f"{shown(folder)} holds more than .ics files ({entry.name}); "
                "not replacing it: pick another name"
            )


def _kind(status: os.stat_result) -> str:
    return KIND_NAMES.get(stat.S_IFMT(status.st_mode), "not a regular file")
