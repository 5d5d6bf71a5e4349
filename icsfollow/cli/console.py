"""Text for people: to stdout in full or a clear failure, to stderr as far as it goes."""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO

import click

from icsfollow.errors import OutputError

__all__ = ["say", "silence"]


def say(text: str = "", *, err: bool = False, color: bool | None = None) -> None:
    """Print a line for people.

    Standard output may be what the user keeps (``> plan.txt``), so a line that cannot
    be written there fails the run; standard error only informs, so there a closed or
    broken stream loses the line, never the run. A character the stream cannot encode
    becomes a replacement character.

    Raises:
        OutputError: When standard output is closed or refuses the line.
    """
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        if err:
            return
        raise OutputError("could not write to standard output: it is closed")
    try:
        _echo(text, stream, color)
    except OSError as error:
        silence(stream)
        if not err:
            reason = error.strerror or str(error)
            raise OutputError(f"could not write to standard output: {reason}") from None


def silence(stream: TextIO) -> None:
    """Point a failed stream's descriptor at /dev/null, so exiting does not fail on it again."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


def _echo(text: str, stream: TextIO, color: bool | None) -> None:
    try:
        click.echo(text, file=stream, color=color)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        readable = text.encode(encoding, "replace").decode(encoding)
        click.echo(readable, file=stream, color=color)
