"""One sync: read what is pending from the record, send it, keep each outcome at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, NamedTuple

from icsfollow.sync.engine import pending_actions, run_actions
from icsfollow.sync.settings import CalDAVSettings
from icsfollow.sync.values import Report

if TYPE_CHECKING:
    from icsfollow.store.remote import RecordLedger

__all__ = ["SyncResult", "sync_record"]

OpenRecord = Callable[[], AbstractContextManager[sqlite3.Connection]]


class SyncResult(NamedTuple):
    """What a sync did.

    Attributes:
        calendar: The calendar's display name and URL, or None when nothing was pending
            (then no request was made).
        reports: One report per object written, in order.
    """

    calendar: tuple[str, str] | None
    reports: list[Report]

    def counts(self) -> Mapping[str, int]:
        """How many objects each outcome had (created, updated, deleted, user-...)."""
        counted: dict[str, int] = {}
        for report in self.reports:
            counted[report.kind] = counted.get(report.kind, 0) + 1
        return counted


def sync_record(
    settings: CalDAVSettings, password: Callable[[], str | None], open_record: OpenRecord
) -> SyncResult:
    """Make the calendar server match the record.

    Args:
        settings: The ``[caldav]`` settings.
        password: Gives the password; called only when something is pending.
        open_record: Opens the record in one transaction (called once to read, then
            once per outcome, so an interrupted sync keeps what it did).

    Raises:
        SyncError: For any failure of the server; what was done before it is kept.
    """
    from icsfollow.store.remote import desired_objects, remote_objects

    with open_record() as db:
        actions = pending_actions(desired_objects(db), remote_objects(db))
    if not actions:
        return SyncResult(None, [])
    from icsfollow.sync.server import connect

    connection, found = connect(settings, password())
    try:
        reports = run_actions(actions, connection, _CommittingLedger(open_record))
    finally:
        connection.close()
    return SyncResult((found.name, connection.calendar_url), reports)


class _CommittingLedger:
    """The record ledger, one short transaction per outcome (no lock held while waiting)."""

    def __init__(self, open_record: OpenRecord) -> None:
        self._open = open_record

    def intend(self, step_row: int, uid: str, href: str) -> None:
        with self._ledger() as ledger:
            ledger.intend(step_row, uid, href)

    def stored(self, href: str, etag: str | None, sequence: int) -> None:
        with self._ledger() as ledger:
            ledger.stored(href, etag, sequence)

    def removed(self, href: str) -> None:
        with self._ledger() as ledger:
            ledger.removed(href)

    def yielded(self, href: str) -> None:
        with self._ledger() as ledger:
            ledger.yielded(href)

    @contextmanager
    def _ledger(self) -> Iterator[RecordLedger]:
        from icsfollow.store.remote import RecordLedger

        with self._open() as db:
            yield RecordLedger(db)
