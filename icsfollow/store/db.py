"""Opening the record: one transaction per command, WAL, a bounded wait, mode 600."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from icsfollow.errors import StoreError
from icsfollow.store.paths import record_path
from icsfollow.store.schema import check_identity, migrate

__all__ = ["LOCK_TIMEOUT_ENVVAR", "open_record"]

LOCK_TIMEOUT_ENVVAR = "ICSFOLLOW_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 10.0


@contextlib.contextmanager
def open_record(
    path: Path | None = None,
    *,
    timeout: float | None = None,
    create: bool = True,
    write: bool = True,
) -> Iterator[sqlite3.Connection]:
    """Open the record in one write transaction; commit on success, roll back on error.

    Args:
        path: The database file (default: :func:`record_path`).
        timeout: Seconds to wait for another icsfollow holding the lock
            (default: ``$ICSFOLLOW_LOCK_TIMEOUT``, else 10).
        create: Create the file (mode 600) and its folder when missing.
        write: Take the write lock at once (``BEGIN IMMEDIATE``); False for a reader,
            which never waits for a writer (WAL).

    Raises:
        StoreError: For a corrupt, foreign or newer database, or a lock held too long.
    """
    path = record_path() if path is None else path
    wait = _lock_timeout() if timeout is None else timeout
    connection = _connect(path, create, wait)
    try:
        with _as_store_errors(path):
            check_identity(connection, path)  # before WAL: a foreign file stays untouched
            _begin(connection, wait, write)
            migrate(connection, path)
            yield connection
            connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


def _lock_timeout() -> float:
    text = os.environ.get(LOCK_TIMEOUT_ENVVAR, "")
    try:
        return max(0.0, float(text)) if text else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def _connect(path: Path, create: bool, wait: float) -> sqlite3.Connection:
    if not path.exists():
        if not create:
            raise StoreError(f"no record at {path} yet: plan an interview first")
        _create_file(path)
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=wait)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open the record {path}: {error}") from None
    connection.row_factory = sqlite3.Row
    return connection


def _create_file(path: Path) -> None:
    """Create an empty database file readable only by its owner (a job search is private)."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as error:
        raise StoreError(f"cannot create the record {path}: {error.strerror}") from None
    os.close(descriptor)


def _begin(connection: sqlite3.Connection, wait: float, write: bool) -> None:
    """Switch to WAL and take the write lock, retrying while another run holds it."""
    deadline = time.monotonic() + wait  # each statement also waits (connect's timeout)
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA foreign_keys = ON")
            # WAL with NORMAL: a commit is atomic and never corrupts the record; only a
            # power cut right after it can lose it (SQLite's advice for WAL; one fsync less).
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            return
        except sqlite3.OperationalError as error:
            if not _is_busy(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def _is_busy(error: sqlite3.OperationalError) -> bool:
    text = str(error)
    return "locked" in text or "busy" in text


@contextlib.contextmanager
def _as_store_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.OperationalError as error:
        if _is_busy(error):
            raise StoreError(
                f"the record {path} is locked by another icsfollow run; try again"
            ) from None
        raise StoreError(f"the record {path} cannot be used: {error}") from None
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not an icsfollow record ({error}); move it away") from None
