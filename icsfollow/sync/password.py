"""The CalDAV password, from the environment, a command, or the system keyring; never a file."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping

from icsfollow.errors import SyncError
from icsfollow.sync.settings import CalDAVSettings

__all__ = [
    "NO_PASSWORD",
    "PASSWORD_ENVVAR",
    "find_password",
    "keyring_entry",
    "password_from_command",
    "password_from_keyring",
    "store_in_keyring",
]

PASSWORD_ENVVAR = "ICSFOLLOW_CALDAV_PASSWORD"
NO_PASSWORD = (
    f"no CalDAV password: set {PASSWORD_ENVVAR}, or password_command in [caldav], "
    "or run 'icsfollow caldav login'"
)


def find_password(settings: CalDAVSettings, environ: Mapping[str, str]) -> tuple[str | None, str]:
    """Return the password from the first source that has one, and that source's name.

    The order: ``ICSFOLLOW_CALDAV_PASSWORD``; ``password_command``; the keyring. With
    none, ``(None, "none: no login")``: a server without logins still works, and one
    that wants a password answers 401, which is then reported as :data:`NO_PASSWORD`.

    Raises:
        SyncError: If password_command fails.
    """
    if environ.get(PASSWORD_ENVVAR):
        return environ[PASSWORD_ENVVAR], PASSWORD_ENVVAR
    if settings.password_command:
        return password_from_command(settings.password_command), "password_command"
    password = password_from_keyring(settings)
    if password is None:
        return None, "none: no login"
    return password, "the system keyring"


def password_from_command(command: str) -> str:
    """Run the user's command (its stdin and stderr stay the terminal's); return line one.

    Raises:
        SyncError: If it cannot run, fails, or prints nothing. The message names the
            command and its exit status, never its output.
    """
    try:
        done = subprocess.run(command, shell=True, stdout=subprocess.PIPE, check=False)
    except OSError as error:
        raise SyncError(f"password_command {command!r} cannot run: {error.strerror}") from None
    if done.returncode != 0:
        raise SyncError(f"password_command {command!r} failed (exit status {done.returncode})")
    lines = done.stdout.decode("utf-8", errors="replace").splitlines()
    if not lines or not lines[0]:
        raise SyncError(f"password_command {command!r} printed no password on its first line")
    return lines[0]


def keyring_entry(settings: CalDAVSettings) -> tuple[str, str]:
    """The keyring's (service, username) for this server and login."""
    return f"icsfollow caldav {settings.url}", settings.username


def password_from_keyring(settings: CalDAVSettings) -> str | None:
    """The stored password, or None when keyring is missing, has no backend or no entry."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        password: str | None = keyring.get_password(*keyring_entry(settings))
    except Exception:  # any backend failure (no D-Bus, a locked store) means "no entry"
        return None
    return password


def store_in_keyring(settings: CalDAVSettings, password: str) -> None:
    """Keep the password in the system keyring.

    Raises:
        SyncError: If keyring is not installed or has no usable backend.
    """
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        raise SyncError(
            "the keyring package is not installed: pip install keyring"
            f" (or set {PASSWORD_ENVVAR} or password_command instead)"
        ) from None
    try:
        keyring.set_password(*keyring_entry(settings), password)
    except KeyringError as error:
        raise SyncError(
            f"no system keyring to store the password in ({type(error).__name__});"
            f" set {PASSWORD_ENVVAR} or password_command instead"
        ) from None
