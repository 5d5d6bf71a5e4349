"""Writing a run's outputs: every one complete and in place, or none of them.

:class:`OutputSet` is the transaction every command writes through.
"""

from __future__ import annotations

from icsfollow.output.streams import write_stream
from icsfollow.output.transaction import TEMP_PREFIX, OutputSet, deferred_signals

__all__ = [
    "TEMP_PREFIX",
    "OutputSet",
    "deferred_signals",
    "write_stream",
]
