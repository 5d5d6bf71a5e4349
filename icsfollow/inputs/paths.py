"""Paths people type: ``~`` and ``~user`` expanded, or refused with one line."""

from __future__ import annotations

import os
from pathlib import Path

from icsfollow.errors import InputError

__all__ = ["expand_home"]


def expand_home(option: str, text: str | Path) -> Path:
    """Expand a leading ``~`` or ``~user`` as a shell does.

    Raises:
        InputError: If the home folder is unknown (HOME unset and no password entry,
            or no such user).
    """
    text = str(text)
    if not text.startswith("~"):
        return Path(text)
    expanded = os.path.expanduser(text)
    if expanded.startswith("~"):
        user = text[1:].split(os.sep, 1)[0]
        reason = f"there is no user {user!r}" if user else "HOME is not set"
        raise InputError(option, text, f"cannot be expanded: {reason}")
    return Path(expanded)
