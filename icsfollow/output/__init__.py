"""Writing a run's outputs: every one complete and in place, or none of them.

:class:`OutputSet` is the transaction every command writes through; the two functions
below are its one-output shorthands.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from icsfollow.output.streams import write_stream
from icsfollow.output.transaction import TEMP_PREFIX, OutputSet, deferred_signals

__all__ = [
    "TEMP_PREFIX",
    "OutputSet",
    "deferred_signals",
    "write_atomically",
    "write_folder",
    "write_stream",
]


def write_atomically(path: Path, data: bytes, force: bool = False) -> None:
    """Write one file through a synced temporary: it appears whole or not at all.

    Raises:
        OutputError: If the path exists (without ``force``), is not a regular file or
            symlink, or cannot be written.
    """
    with OutputSet() as outputs:
        outputs.add_file(path, data, force=force)
        outputs.place()


def write_folder(folder: Path, files: Sequence[tuple[str, bytes]], force: bool = False) -> None:
    """Write a folder of files that appears whole; ``force`` swaps out an existing one.

    Raises:
        OutputError: As :meth:`OutputSet.check` and :meth:`OutputSet.place`.
    """
    with OutputSet() as outputs:
        outputs.add_folder(folder, files, force=force)
        outputs.place()
