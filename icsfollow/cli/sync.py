"""``icsfollow sync`` and ``--push``: make the CalDAV calendar match the record."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.console import say

if TYPE_CHECKING:
    from icsfollow.sync.run import SyncResult

__all__ = ["push_after_commit", "push_option", "result_lines", "sync"]

_KINDS = ("created", "updated", "deleted")

push_option = click.option(
    "--push",
    is_flag=True,
    envvar="ICSFOLLOW_PUSH",
    help="Then sync the record to your CalDAV calendar (see 'icsfollow sync').",
)
_YOURS = {"user-edited": "you edited it", "user-deleted": "you deleted it"}


@click.command(context_settings=CONTEXT_SETTINGS)
def sync() -> None:
    """Make your CalDAV calendar match the record: add, move and delete the steps.

    Only what changed since the last sync is sent. An event you edited or deleted in
    your calendar is left as you made it, and reported.

    \b
    Examples:
        icsfollow sync
        ICSFOLLOW_CALDAV_PASSWORD="$(pass show caldav)" icsfollow sync
    """
    with errors_as_click():
        result = _run()
    for line in result_lines(result):
        say(line)


def push_after_commit(err: bool = False) -> None:
    """Sync right after a command committed its record (``--push`` or config ``push``).

    Args:
        err: Report on stderr (the calendar is on stdout).

    Raises:
        click.ClickException: Exit 1, saying the record is kept and how to retry.
    """
    from icsfollow.errors import IcsFollowError

    try:
        result = _run()
    except IcsFollowError as error:
        message = f"{error}; the record is saved: run 'icsfollow sync' to send it"
        raise click.ClickException(message) from None
    for line in result_lines(result):
        say(line, err=err)


def _run() -> SyncResult:
    from icsfollow.cli.caldav import load_caldav_settings
    from icsfollow.store.db import open_record
    from icsfollow.store.paths import record_path
    from icsfollow.sync.password import find_password
    from icsfollow.sync.run import SyncResult, sync_record

    settings = load_caldav_settings()
    if not record_path().exists():
        return SyncResult(None, [])
    return sync_record(settings, lambda: find_password(settings, os.environ)[0], open_record)


def result_lines(result: SyncResult) -> list[str]:
    """What a sync did, for people: the counts, then each step left to the user."""
    if result.calendar is None:
        return ["Nothing to sync: your calendar has every change."]
    counts = result.counts()
    done = ", ".join(f"{counts[kind]} {kind}" for kind in _KINDS if counts.get(kind))
    lines = [f"Synced calendar {result.calendar[0]!r}: {done or 'nothing to write'}"]
    for report in result.reports:
        if report.kind in _YOURS:
            why = _YOURS[report.kind]
            lines.append(f"Left alone: {report.label} ({why} in your calendar; it is yours now)")
    return lines
