"""The ``icsfollow`` console script: settings for a short-lived process, then the CLI.

This module imports nothing at the top, so the settings apply before click, icalendar
or any other library is imported.
"""

from __future__ import annotations

import gc
import os

__all__ = ["main", "prepare_process"]


def prepare_process() -> None:
    """Tune the interpreter for one short run of the command line.

    * The cyclic garbage collector is off: a run lasts well under a second,
      reference counting frees almost everything, and the collector's passes over
      every imported library's objects were about a tenth of ``plan``'s time.
    * pytz's documented start-up switch: trust its bundled zone list instead of
      opening all ~600 zone files on the first lookup (unknown names still fail).
    """
    gc.disable()
    os.environ.setdefault("PYTZ_SKIPEXISTSCHECK", "1")


def main() -> None:
    """Run the command line as the ``icsfollow`` script."""
    prepare_process()
    from icsfollow.cli import main as run_command_line

    run_command_line()
