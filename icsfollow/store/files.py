"""Files and the record succeed or fail together: write the files, then commit.

The one place that writes a command's new files (switch it to the staged output API
when that lands); on any failure, what this run created is removed again.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from icsfollow.output import write_atomically

__all__ = ["NewFiles", "write_files"]


def write_files(files: list[tuple[Path, bytes]], force: bool = False) -> list[Path]:
    """Write each file atomically; an existing one only with ``force``.

    Returns:
        The paths written, in order.

    Raises:
        OutputError: For the first file that cannot be written (those before it stay:
            use :class:`NewFiles` around the call to remove them).
    """
    written = []
    for path, data in files:
        write_atomically(path, data, force=force)
        written.append(path)
    return written


class NewFiles:
    """Removes, if the block fails, the expected paths that did not exist when expected.

    Use it outside the record's transaction, so that a failed commit removes them too::

        with NewFiles() as new, open_record() as db:
            new.expect(paths)
            write_files(...)
    """

    def __init__(self) -> None:
        self.paths: list[Path] = []

    def expect(self, paths: list[Path]) -> None:
        """Note files (or folders) the block may create."""
        self.paths += [path for path in paths if not os.path.lexists(path)]

    def __enter__(self) -> NewFiles:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None:
            for path in self.paths:
                _remove(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path, ignore_errors=True)
        return
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
