"""All the outputs of one run, put in place together or not at all: :class:`OutputSet`."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, NamedTuple, TypeVar

from icsfollow.errors import OutputError
from icsfollow.output.streams import write_all, write_stream
from icsfollow.output.targets import check_file, check_folder, resolved, shown

__all__ = ["TEMP_PREFIX", "OutputSet"]

TEMP_PREFIX = ".icsfollow-"
STAGED, BACKUP = ".tmp", ".old"
NAME_ATTEMPTS = 20
DEFERRED = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
T = TypeVar("T")


class _Output:
    """One file or folder of the set, and how far it got."""

    def __init__(self, path: Path, force: bool, data: bytes, files: list[tuple[str, bytes]] | None):
        self.path, self.force, self.data, self.files = path, force, data, files
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
        self._outputs: list[_Output] = []
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

    def add_file(self, path: Path, data: bytes, *, force: bool = False) -> None:
        """Add a file; ``force`` lets it replace a regular file or a symlink."""
        self._outputs.append(_Output(path, force, data, None))

    def add_folder(
        self, path: Path, files: Sequence[tuple[str, bytes]], *, force: bool = False
    ) -> None:
        """Add a folder of ``(name, bytes)`` files; ``force`` lets it replace a whole folder
        that holds only .ics files, or a symlink."""
        self._outputs.append(_Output(path, force, b"", list(files)))

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
            output.existing = check(output.path, output.force).existing
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
                self._guarded(output, _stage_folder if output.is_folder else _stage_file)
            with deferred_signals():
                for output in self._outputs:
                    self._guarded(output, _put_folder if output.is_folder else _put_file)
                for folder in {output.path.parent for output in self._outputs}:
                    _sync_folder(folder)
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
                    _remove(output.backup)
                    output.backup_made = False
                _remove(output.staged)
        self._placed = False
        self._outputs.clear()

    def rollback(self) -> None:
        """Undo: remove what this set created, put back what it replaced (idempotent)."""
        with deferred_signals():
            for output in reversed(self._outputs):
                with contextlib.suppress(OSError):
                    _undo(output)
                _remove(output.staged)
        self._placed = False

    @staticmethod
    def _guarded(output: _Output, step: Callable[[_Output], None]) -> None:
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


def _claim(output: _Output, suffix: str, create: Callable[[Path], T]) -> tuple[Path, T]:
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


def _stage_file(output: _Output) -> None:
    _, descriptor = _claim(output, STAGED, lambda name: os.open(name, CREATE_FLAGS, 0o600))
    output.identity = _write_synced(descriptor, output.data)


def _stage_folder(output: _Output) -> None:
    staged, _ = _claim(output, STAGED, lambda name: os.mkdir(name, 0o700))
    for name, data in output.files or []:
        if not name or os.sep in name or name in (".", ".."):
            raise ValueError(f"not a file name: {name!r}")
        _write_synced(os.open(staged / name, CREATE_FLAGS, 0o600), data)
    _sync_folder(staged)
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


def _put_file(output: _Output) -> None:
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
    _remove(output.staged)


def _keep_old(output: _Output) -> None:
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


def _put_folder(output: _Output) -> None:
    assert output.staged is not None
    if output.existing is not None:
        _claim(output, BACKUP, lambda name: os.rename(output.path, name))
        output.backup_made = output.old_moved = True
    if os.path.lexists(output.path):
        raise OutputError(f"{shown(output.path)} already exists; use --force to replace it")
    os.rename(output.staged, output.path)
    output.placed = True


def _undo(output: _Output) -> None:
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


def _is_ours(output: _Output) -> bool:
    try:
        status = os.lstat(output.path)
    except OSError:
        return False
    return (status.st_dev, status.st_ino) == output.identity


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


def _remove(path: Path | None) -> None:
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


def _sync_folder(folder: Path) -> None:
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
