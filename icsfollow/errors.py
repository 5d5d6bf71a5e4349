"""The one exception family of icsfollow."""

from __future__ import annotations

__all__ = ["IcsFollowError", "InputError", "OutputError", "StoreError", "SyncError"]


class IcsFollowError(Exception):
    """Anything that stops a run of icsfollow."""


class InputError(IcsFollowError):
    """A value the user gave cannot be used.

    Attributes:
        option: The option or argument the value came from, e.g. ``--tz``.
        value: The value as the user typed it.
        reason: What is wrong with it, and what to do instead.
    """

    def __init__(self, option: str, value: str, reason: str) -> None:
        super().__init__(f"{option} {value!r}: {reason}")
        self.option = option
        self.value = value
        self.reason = reason


class OutputError(IcsFollowError):
    """The plan could not be written where it was asked to go."""


class StoreError(IcsFollowError):
    """The record of plans cannot be opened or used (corrupt, foreign, newer, locked)."""


class SyncError(IcsFollowError):
    """The calendar server could not be reached or refused the sync (never shows the password)."""
