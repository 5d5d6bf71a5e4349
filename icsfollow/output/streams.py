"""Complete writes: every byte written and flushed, or an OSError."""

from __future__ import annotations

import errno
import io
import os
import stat
from typing import BinaryIO

__all__ = ["write_all", "write_stream"]


def write_all(descriptor: int, data: bytes) -> None:
    """Write all of ``data`` to a file descriptor, looping over short writes.

    Raises:
        OSError: When the system refuses a write (a full disk, a broken pipe, a file
            size limit), or accepts no byte at all.
    """
    view = memoryview(data)
    while view:
        try:
            count = os.write(descriptor, view)
        except BlockingIOError:  # a descriptor shared in non-blocking mode: wait, go on
            import select

            select.select([], [descriptor], [])
            continue
        if count <= 0:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[count:]


def write_stream(stream: BinaryIO, data: bytes) -> None:
    """Write all of ``data`` to a binary stream such as ``sys.stdout.buffer``, then flush it.

    A stream with a file descriptor is written through the descriptor (what the stream
    holds is flushed first); a regular file behind it is also synced, so a full disk is
    noticed now rather than lost later. A stream without one (an in-memory buffer) is
    written and flushed as it is.

    Raises:
        OSError: When any byte could not be written.
    """
    stream.flush()
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        written = stream.write(data)
        stream.flush()
        if written is not None and written != len(data):
            raise OSError(errno.EIO, f"wrote {written} of {len(data)} bytes") from None
        return
    write_all(descriptor, data)
    if stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.fsync(descriptor)
