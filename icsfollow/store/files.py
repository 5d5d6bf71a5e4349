"""Files and the record succeed or fail together: write the files, then commit.

The one place that writes a command's new files (switch it to the staged output API
when that lands); on any failure, what this run created is removed again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from icsfollow.output import write_atomically

__all__ = ["created_files", "write_files"]


def write_files(files: list[tuple[Path, bytes]], force: bool = False) -> list[Path]:
    """Write each file atomically; an existing one only with ``force``.

    Returns:
        The paths written, in order.

    Raises:
        OutputError: For the first file that cannot be written (those before it stay:
            use :func:`created_files` around the call to remove them).
    """
    written = []
    for path, data in files:
        write_atomically(path, data, force=force)
        written.append(path)
    return written


@contextlib.contextmanager
def created_files(paths: list[Path]) -> Iterator[list[Path]]:
    """Remove the listed paths that do not exist yet, if the block fails.

    Args:
        paths: The files (or folders) the block may create.
    """
    new = [path for path in paths if not os.path.lexists(path)]
    try:
        yield new
    except BaseException:
        for path in new:
            _remove(path)
        raise


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path, ignore_errors=True)
        return
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
