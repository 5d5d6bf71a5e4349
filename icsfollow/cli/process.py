"""The process around a command: standard streams that never traceback, signals that clean up."""

from __future__ import annotations

import io
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType

from icsfollow.cli.console import say, silence
from icsfollow.errors import IcsFollowError

__all__ = ["Stopped", "interruptible", "outputs_final", "run"]

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


_HANDLED: set[int] = set()


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like Ctrl-C (outputs undone), then exit 128 + N.

    Attributes:
        signum: The signal's number.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def run(command: Callable[[], object]) -> None:
    """Run a command (a click group in standalone mode) in a prepared process.

    Closed descriptors 0-2 are taken by /dev/null (so no file of the run gets their
    number), text that a terminal cannot encode is replaced, SIGTERM and SIGHUP unwind
    the run, and a standard stream that fails ends it with one line, not a traceback.
    """
    claim_standard_fds()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    for number in STOP_SIGNALS:
        if signal.getsignal(number) == signal.SIG_DFL:  # nohup's SIG_IGN is kept
            signal.signal(number, _stop)
            _HANDLED.add(number)
    if _HANDLED and hasattr(signal, "setitimer"):
        sys.unraisablehook = _unraisable
    try:
        command()
    except Stopped as stop:
        say(f"Error: stopped by {signal.Signals(stop.signum).name}", err=True)
        sys.exit(128 + stop.signum)
    except OSError as error:  # a standard stream failed outside any output of the run
        if sys.stdout is not None:
            silence(sys.stdout)
        reason = error.strerror or str(error)
        where = (
            error.filename if error.filename is not None else "could not write to standard output"
        )
        say(f"Error: {where}: {reason}", err=True)
        sys.exit(1)
    except IcsFollowError as error:  # e.g. say() outside a command's own error mapping
        if sys.stdout is not None:
            silence(sys.stdout)
        say(f"Error: {error}", err=True)
        sys.exit(1)


def outputs_final() -> None:
    """Mark the commit point: everything is written, only exiting is left.

    From here on Ctrl-C, SIGTERM and SIGHUP are ignored, so a run that wrote all its
    outputs never exits as interrupted. Does nothing unless :func:`run` set the process
    up (not under a test runner).
    """
    if not _HANDLED:
        return
    for number in (*STOP_SIGNALS, signal.SIGINT):
        signal.signal(number, signal.SIG_IGN)
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, 0)  # a stop raised again later is dropped


def interruptible() -> None:
    """End :func:`outputs_final`'s calm for a phase after the outputs (the CalDAV push):
    Ctrl-C, SIGTERM and SIGHUP stop the run again, the outputs staying as they are."""
    if not _HANDLED:
        return
    for number in _HANDLED:
        signal.signal(number, _stop)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def claim_standard_fds() -> None:
    """Open /dev/null on a closed descriptor 0, 1 or 2.

    Python leaves ``sys.stdout`` None then, and it stays None: writing the calendar or
    the plan there fails the run. A closed standard error becomes /dev/null: its text is
    lost, not the run.
    """
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != descriptor:
                os.dup2(null, descriptor)
                os.close(null)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process


def _unraisable(hook: sys.UnraisableHookArgs) -> None:
    """A stop that arrives inside a weakref callback or ``__del__`` (an import's lock
    clean-up, say) cannot propagate from there: Python would print it and go on, the
    signal lost. Raise it again a moment later instead, from wherever the run is then."""
    stop = hook.exc_value
    if not isinstance(stop, (Stopped, KeyboardInterrupt)):
        sys.__unraisablehook__(hook)
        return

    def again(signum: int, frame: FrameType | None) -> None:
        raise stop

    signal.signal(signal.SIGALRM, again)
    signal.setitimer(signal.ITIMER_REAL, 0.01)


def _stop(signum: int, frame: FrameType | None) -> None:
    for number in STOP_SIGNALS:  # a second signal must not cut the clean-up short
        signal.signal(number, signal.SIG_IGN)
    raise Stopped(signum)
