"""``icsfollow caldav``: check the connection to the calendar server, keep its password."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.console import say

if TYPE_CHECKING:
    from icsfollow.sync.server import CalendarFound
    from icsfollow.sync.settings import CalDAVSettings

__all__ = ["caldav", "load_caldav_settings"]


def load_caldav_settings() -> CalDAVSettings:
    """The ``[caldav]`` settings of the config file in use, with the caldav extra present.

    Raises:
        InputError: For a missing or bad ``[caldav]`` table.
        SyncError: When the caldav extra is not installed.
    """
    from icsfollow.cli.common import current_path
    from icsfollow.inputs.config import read_config
    from icsfollow.sync.server import require_caldav
    from icsfollow.sync.settings import caldav_settings

    path = current_path()
    settings = caldav_settings(read_config(path), path)
    require_caldav()
    return settings


@click.group(context_settings=CONTEXT_SETTINGS)
def caldav() -> None:
    """Connect to your calendar server (CalDAV): iCloud, Fastmail, Nextcloud, ...

    Set url and username in the [caldav] table of the config file; the password comes
    from ICSFOLLOW_CALDAV_PASSWORD, password_command, or the keyring ('caldav login').

    \b
    Examples:
        icsfollow caldav check
        icsfollow caldav login
    """


@caldav.command(context_settings=CONTEXT_SETTINGS)
def check() -> None:
    """Connect, find the calendar, and print what was found.

    Nothing is changed on the server: a missing calendar is made by the first sync.

    \b
    Examples:
        icsfollow caldav check
        ICSFOLLOW_CALDAV_PASSWORD="$(pass show caldav)" icsfollow caldav check
    """
    from icsfollow.sync.password import find_password
    from icsfollow.sync.server import connect

    with errors_as_click():
        settings = load_caldav_settings()
        password, source = find_password(settings, os.environ)
        connection, found = connect(settings, password, create=False)
        connection.close()
    who = f"as {settings.username} (password from {source})" if password else "(no password)"
    say(f"Server: {settings.url} {who}")
    _echo_found(found)


@caldav.command(context_settings=CONTEXT_SETTINGS)
def login() -> None:
    """Ask for the password, test it, and keep it in the system keyring.

    The password is read from the terminal (or standard input), never from an option.

    \b
    Examples:
        icsfollow caldav login
    """
    from icsfollow.sync.password import keyring_entry, store_in_keyring
    from icsfollow.sync.server import connect

    with errors_as_click():
        settings = load_caldav_settings()
    password = click.prompt(
        f"Password for {settings.username} at {settings.url}", hide_input=True, err=True
    )
    with errors_as_click():
        connection, found = connect(settings, password, create=False)
        connection.close()
        store_in_keyring(settings, password)
    _echo_found(found)
    service, _ = keyring_entry(settings)
    say(f"Stored the password in the system keyring (service {service!r})")


def _echo_found(found: CalendarFound) -> None:
    say(f"Principal: {found.principal_url}")
    if found.calendar_url:
        say(f"Calendar: {found.name!r} at {found.calendar_url}")
    else:
        say(f"Calendar: {found.name!r} is not there yet; the first sync creates it")
    others = ", ".join(repr(name) for name in found.others) or "none"
    say(f"Other calendars: {others}")
