"""A keyring backend for the tests: a JSON file named by FILE_KEYRING_PATH.

Tests select it with keyring's public ``set_keyring`` (see :func:`keyring_backend`), or
subprocesses by name with PYTHON_KEYRING_BACKEND, so they go through keyring's real API
without touching the developer's keyring.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    """Passwords in a JSON file (for tests only: plain text)."""

    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ["FILE_KEYRING_PATH"])

    def _read(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        stored = self._read()
        stored[f"{service}\x1f{username}"] = password
        self._path().write_text(json.dumps(stored))

    def delete_password(self, service: str, username: str) -> None:
        stored = self._read()
        stored.pop(f"{service}\x1f{username}", None)
        self._path().write_text(json.dumps(stored))


@contextmanager
def keyring_backend(backend: KeyringBackend) -> Iterator[None]:
    """Use this keyring backend in this process (keyring's public set_keyring), then restore."""
    import keyring

    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(before)


def no_keyring() -> KeyringBackend:
    """keyring's own backend for "no keyring here"."""
    from keyring.backends.fail import Keyring

    return Keyring()
