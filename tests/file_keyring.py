"""A keyring backend for the tests: a JSON file named by FILE_KEYRING_PATH.

keyring loads it by name from PYTHON_KEYRING_BACKEND, as it loads any backend, so the
tests go through keyring's real API without touching the developer's keyring.
"""

from __future__ import annotations

import json
import os
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
