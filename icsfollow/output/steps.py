"""The file-system steps of an OutputSet: stage beside the target, put in place, undo.

Each step records what it is about to create before creating it, so that an undo
after any failure (or a signal between two steps) finds everything to remove.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from icsfollow.errors import OutputError
from icsfollow.output.streams import write_all
from icsfollow.output.targets import shown

__all__ = [
    "TEMP_PREFIX",
    "Output",
    "put_file",
    "put_folder",
    "remove",
    "remove_created",
    "stage_file",
    "stage_folder",
    "sync_folder",
    "undo",
]

TEMP_PREFIX = ".icsfollow-"
STAGED, BACKUP = ".tmp", ".old"
NAME_ATTEMPTS = 20
CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
T = TypeVar("T")


class Output:
    """One file or folder of the set, and how far it got."""

    def __init__(
        self,
        path: Path,
        data: bytes,
        files: list[tuple[str, bytes]] | None,
        *,
        force: bool,
        parents: bool,
    ):
        self.path, self.data, self.files = path, data, files
        self.force, self.parents = force, parents
        self.created: list[Path] = []  # folders made on the way, named before they exist
        self.existing: os.stat_result | None = None
        self.staged: Path | None = None  # the temporary, named before it is created
        self.identity: tuple[int, int] | None = None  # (device, inode) of what was staged
        self.backup: Path | None = None  # the old version's hidden name, while kept
        self.backup_made = False
        self.old_moved = False  # the old version is only at the backup name
        self.placed = False

    @property
    def is_folder(self) -> bool:
        return self.files is not None


def _claim(output: Output, suffix: str, create: Callable[[Path], T]) -> tuple[Path, T]:
    """Create a new hidden name beside the output, remembered before it exists."""
    for _ in range(NAME_ATTEMPTS):
        name = output.path.parent / f"{TEMP_PREFIX}{os.urandom(6).hex()}{suffix}"
        if suffix == STAGED:
            output.staged = name
        else:
            output.backup = name
        try:
            return name, create(name)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {output.path.parent}")


def make_parents(output: Output) -> None:
    """Make the missing folders on the way to the output (mode 700), remembering each."""
    if not output.parents:
        return
    folders = [output.path.parent, *output.path.parent.parents]
    for folder in reversed([folder for folder in folders if not os.path.lexists(folder)]):
        output.created.append(folder)
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            output.created.pop()


def stage_file(output: Output) -> None:
    make_parents(output)
    _, descriptor = _claim(output, STAGED, lambda name: os.open(name, CREATE_FLAGS, 0o600))
    output.identity = _write_synced(descriptor, output.data)


def stage_folder(output: Output) -> None:
    make_parents(output)
    staged, _ = _claim(output, STAGED, lambda name: os.mkdir(name, 0o700))
    for name, data in output.files or []:
        if not name or os.sep in name or name in (".", ".."):
            raise ValueError(f"not a file name: {name!r}")
        _write_synced(os.open(staged / name, CREATE_FLAGS, 0o600), data)
    sync_folder(staged)
    status = os.lstat(staged)
    output.identity = (status.st_dev, status.st_ino)


def _write_synced(descriptor: int, data: bytes) -> tuple[int, int]:
    try:
        write_all(descriptor, data)
        os.fsync(descriptor)
        status = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    return status.st_dev, status.st_ino


def put_file(output: Output) -> None:
    assert output.staged is not None
    path = output.path
    if output.existing is not None:
        _keep_old(output)
        os.replace(output.staged, path)
        output.placed = True
        return
    try:
        os.link(output.staged, path)
    except FileExistsError:
        raise OutputError(f"{shown(path)} already exists; use --force to replace it") from None
    except OSError:  # no hard links here: rename, after one more look
        if os.path.lexists(path):
            raise OutputError(f"{shown(path)} already exists; use --force to replace it") from None
        os.rename(output.staged, path)
    output.placed = True
    remove(output.staged)


def _keep_old(output: Output) -> None:
    """Keep the file being replaced under a hidden name (a second link, or a rename)."""

    def link(name: Path) -> None:
        os.link(output.path, name, follow_symlinks=False)

    try:
        _claim(output, BACKUP, link)
    except FileExistsError:
        raise
    except OSError:
        _claim(output, BACKUP, lambda name: os.rename(output.path, name))
        output.old_moved = True
    output.backup_made = True


def put_folder(output: Output) -> None:
    assert output.staged is not None
    if output.existing is not None:
        _claim(output, BACKUP, lambda name: os.rename(output.path, name))
        output.backup_made = output.old_moved = True
    if os.path.lexists(output.path):
        raise OutputError(f"{shown(output.path)} already exists; use --force to replace it")
    os.rename(output.staged, output.path)
    output.placed = True


def undo(output: Output) -> None:
    """Put one output's place back as it was."""
    if output.placed and not _is_ours(output):
        output.placed = False  # something else took the place since: leave it alone
        output.old_moved = False
    if output.placed and (output.is_folder or not output.backup_made):
        assert output.staged is not None
        os.rename(output.path, output.staged)  # removed with the staged leftovers
    if output.backup_made and output.backup is not None:
        if output.placed or output.old_moved:
            os.replace(output.backup, output.path)
        else:
            os.unlink(output.backup)
    output.placed = output.backup_made = output.old_moved = False


def _is_ours(output: Output) -> bool:
    try:
        status = os.lstat(output.path)
    except OSError:
        return False
    return (status.st_dev, status.st_ino) == output.identity


def remove_created(output: Output) -> None:
    """Remove the folders made on the way, deepest first, if they are empty."""
    while output.created:
        with contextlib.suppress(OSError):
            os.rmdir(output.created[-1])
        output.created.pop()


def remove(path: Path | None) -> None:
    """Remove a temporary or backup name, file or folder; best effort."""
    if path is None:
        return
    try:
        status = os.lstat(path)
    except OSError:
        return
    if stat.S_ISDIR(status.st_mode):
        import shutil

        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            os.unlink(path)


def sync_folder(folder: Path) -> None:
    """Make the names in a folder durable (where the system allows syncing a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
