"""All the outputs of one run, put in place together or not at all: :class:`OutputSet`."""

from __future__ import annotations

import contextlib
import io
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, NamedTuple

from icsfollow.errors import OutputError
from icsfollow.output.steps import (
    TEMP_PREFIX,
    Output,
    put_file,
    put_folder,
    remove,
    remove_created,
    stage_file,
    stage_folder,
    sync_folder,
    undo,
)
from icsfollow.output.streams import write_stream
from icsfollow.output.targets import check_file, check_folder, resolved, shown

__all__ = ["TEMP_PREFIX", "OutputSet", "deferred_signals"]

DEFERRED = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class _Stream(NamedTuple):
    stream: BinaryIO | None
    data: bytes
    what: str
    where: str


class OutputSet:
    """The outputs of one run, staged, then put in place together, or not at all.

    Add every output, then call :meth:`place` inside a ``with`` block. Leaving the block
    normally makes the outputs final; leaving it by any exception, Ctrl-C and signals
    included, undoes them: every file and folder the set created goes, and every one it
    replaced comes back::

        with OutputSet() as outputs:
            outputs.add_file(Path("plan.ics"), ics)
            outputs.add_file(Path("plan.html"), page, force=True)
            outputs.add_folder(Path("plan"), [("01-check-in.ics", event)])
            outputs.add_stream(sys.stdout.buffer, ics)
            outputs.place()           # checks all, stages all, then puts all in place
            connection.commit()       # more work that must succeed with the files

    :meth:`place` first checks every target (nothing is written when one is refused),
    writes each output to a synced temporary beside its target (a short hidden name
    ``.icsfollow-<random>.tmp``, so a legal name never becomes too long), and then puts
    them in place, keeping replaced files as hidden backups until the set is final.
    Streams are written last, in full. SIGINT, SIGTERM and SIGHUP are held back while
    files are put in place or undone, and delivered right after.

    Raises:
        OutputError: From :meth:`check` and :meth:`place`, with one line naming the path.
    """

    def __init__(self) -> None:
        self._outputs: list[Output] = []
        self._streams: list[_Stream] = []
        self._placed = False

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None and self._placed:
            self.finish()
        else:
            self.rollback()

    def add_file(
        self, path: Path, data: bytes, *, force: bool = False, parents: bool = False
    ) -> None:
        """Add a file.

        Args:
            path: Where it goes.
            data: All its bytes.
            force: Let it replace a regular file or a symlink (never anything else).
            parents: Make missing folders on the way (mode 700); undone with the rest.
        """
        self._outputs.append(Output(path, data, None, force=force, parents=parents))

    def add_folder(
        self,
        path: Path,
        files: Sequence[tuple[str, bytes]],
        *,
        force: bool = False,
        parents: bool = False,
    ) -> None:
        """Add a folder of ``(name, bytes)`` files.

        Args:
            path: Where the folder goes.
            files: Its files, by plain name.
            force: Let it replace a symlink, or a whole folder that holds only .ics files.
            parents: Make missing folders on the way (mode 700); undone with the rest.
        """
        self._outputs.append(Output(path, b"", list(files), force=force, parents=parents))

    def add_stream(
        self,
        stream: BinaryIO | None,
        data: bytes,
        *,
        what: str = "the calendar",
        where: str = "standard output",
    ) -> None:
        """Add bytes for a stream (None: a closed one), written after the files are placed."""
        self._streams.append(_Stream(stream, data, what, where))

    def check(self) -> None:
        """Check every target: its folder, name, what is there now, no path used twice.

        Raises:
            OutputError: For the first output that cannot go where it was asked to.
        """
        seen: list[Path] = []
        for output in self._outputs:
            check = check_folder if output.is_folder else check_file
            output.existing = check(output.path, output.force, output.parents).existing
            place = resolved(output.path)
            if place in seen:
                raise OutputError(f"two outputs of this run would both be {shown(output.path)}")
            seen.append(place)
        folders = [resolved(output.path) for output in self._outputs if output.is_folder]
        for output in self._outputs:
            if any(folder in resolved(output.path).parents for folder in folders):
                raise OutputError(f"{shown(output.path)} is inside a folder this run replaces")
        for stream in self._streams:
            self._check_stream(stream)

    def _check_stream(self, stream: _Stream) -> None:
        failed = f"could not write {stream.what} to {stream.where}"
        if stream.stream is None:
            raise OutputError(f"{failed}: it is closed")
        identity = _identity_of(stream.stream)
        for output in self._outputs:
            old = output.existing
            if old is not None and (old.st_dev, old.st_ino) == identity:
                raise OutputError(f"{failed}: it is {shown(output.path)}, which this run replaces")

    def place(self) -> list[Path]:
        """Check, stage and put every output in place, then write the streams.

        Returns:
            The paths of the files and folders, in the order they were added.

        Raises:
            OutputError: After undoing everything, when any output fails.
        """
        if self._placed:
            raise RuntimeError("this OutputSet was already placed")
        try:
            self.check()
            for output in self._outputs:
                self._guarded(output, stage_folder if output.is_folder else stage_file)
            with deferred_signals():
                for output in self._outputs:
                    self._guarded(output, put_folder if output.is_folder else put_file)
                for folder in {output.path.parent for output in self._outputs}:
                    sync_folder(folder)
                for output in self._outputs:
                    for created in output.created:
                        sync_folder(created.parent)
            for stream in self._streams:
                _write(stream)
        except BaseException:
            self.rollback()
            raise
        self._placed = True
        return [output.path for output in self._outputs]

    def finish(self) -> None:
        """Make the placed outputs final: drop the backups of what they replaced."""
        with deferred_signals():
            for output in self._outputs:
                if output.backup_made:
                    remove(output.backup)
                    output.backup_made = False
                remove(output.staged)
        self._placed = False
        self._outputs.clear()

    def rollback(self) -> None:
        """Undo: remove what this set created, put back what it replaced (idempotent)."""
        with deferred_signals():
            for output in reversed(self._outputs):
                with contextlib.suppress(OSError):
                    undo(output)
                remove(output.staged)
                remove_created(output)
        self._placed = False

    @staticmethod
    def _guarded(output: Output, step: Callable[[Output], None]) -> None:
        try:
            step(output)
        except OSError as error:
            reason = error.strerror or str(error)
            raise OutputError(f"cannot write {shown(output.path)}: {reason}") from None


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back during the block; they arrive right after it."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:  # pragma: no cover - not POSIX
        yield
        return
    previous = mask(signal.SIG_BLOCK, DEFERRED)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, previous)


def _identity_of(stream: BinaryIO) -> tuple[int, int] | None:
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None
    return status.st_dev, status.st_ino


def _write(stream: _Stream) -> None:
    assert stream.stream is not None
    try:
        write_stream(stream.stream, stream.data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(f"could not write {stream.what} to {stream.where}: {reason}") from None
