"""Writing the plan: atomically, never over an existing file without --force."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from icsfollow.errors import OutputError

__all__ = ["write_atomically", "write_folder"]


def write_atomically(path: Path, data: bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a synced temporary file in the same folder.

    The file appears whole or not at all; an existing file is replaced only with
    ``force``. The temporary file is removed on any failure, Ctrl-C included.

    Raises:
        OutputError: If the path exists (without force), is a folder, or cannot be written.
    """
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name, e.g. {path / 'followup.ics'}")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    if path.exists() and not force:
        raise OutputError(f"{path} already exists; use --force to replace it")
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _move_into_place(Path(temporary), path, force)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _move_into_place(temporary: Path, path: Path, force: bool) -> None:
    if force:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputError(f"{path} already exists; use --force to replace it") from None
    except OSError:
        if path.exists():
            raise OutputError(f"{path} already exists; use --force to replace it") from None
        os.replace(temporary, path)


def write_folder(folder: Path, files: list[tuple[str, bytes]], force: bool = False) -> None:
    """Write files into a new folder that appears whole, or into an existing one with force.

    Raises:
        OutputError: If the folder exists (without force), its parent is missing, or a
            file cannot be written.
    """
    if folder.exists() and not force:
        raise OutputError(f"{folder} already exists; use --force to replace its files")
    if folder.exists():
        for name, data in files:
            write_atomically(folder / name, data, force=True)
        return
    if not folder.parent.is_dir():
        raise OutputError(f"cannot write {folder}: the folder {folder.parent} does not exist")
    try:
        staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    except OSError as error:
        raise OutputError(f"cannot write {folder}: {error.strerror}") from None
    try:
        for name, data in files:
            write_atomically(staging / name, data)
        os.rename(staging, folder)
    except OSError as error:
        raise OutputError(f"cannot write {folder}: {error.strerror}") from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
