"""The plain values the sync engine works on, and the two interfaces it drives."""

from __future__ import annotations

from typing import NamedTuple, Protocol

__all__ = [
    "OURS",
    "USERS",
    "Action",
    "Desired",
    "Ledger",
    "Remote",
    "Reply",
    "Report",
    "Transport",
]

OURS = "icsfollow"
USERS = "user"


class Desired(NamedTuple):
    """A step as the record has it now.

    Attributes:
        step_row: The step's row id in the record.
        uid: Its first UID: the identity its calendar object keeps.
        sequence: Its current SEQUENCE.
        ics: The object to store (one VEVENT, no METHOD), or None when withdrawn.
        label: How reports name it, e.g. ``acme-2026-05-12 check-in``.
    """

    step_row: int
    uid: str
    sequence: int
    ics: bytes | None
    label: str


class Remote(NamedTuple):
    """What this tool put on the server for one step.

    Attributes:
        step_row: The step's row id, or None once the step was forgotten.
        uid: The object's UID (the step's first UID).
        href: The object's URL, chosen before it was created.
        etag: Its ETag as last seen, or None while a create's answer is unknown.
        pushed_sequence: The SEQUENCE the server holds.
        deleted: Whether this tool deleted it.
        owner: ``icsfollow``, or ``user`` once the user edited or deleted it.
    """

    step_row: int | None
    uid: str
    href: str
    etag: str | None
    pushed_sequence: int
    deleted: bool
    owner: str


class Action(NamedTuple):
    """One write to make: ``create``, ``update`` or ``delete``."""

    kind: str
    step_row: int | None
    uid: str
    label: str
    href: str | None
    etag: str | None
    sequence: int
    ics: bytes | None


class Reply(NamedTuple):
    """A server's answer: status, ETag header, body."""

    status: int
    etag: str | None
    body: bytes


class Report(NamedTuple):
    """What happened to one step: created, updated, deleted, user-edited, user-deleted."""

    kind: str
    label: str


class Transport(Protocol):
    """The calendar collection's requests. Other statuses than 2xx, 404, 412 raise SyncError."""

    def href_for(self, uid: str) -> str:
        """The URL a new object with this UID gets."""

    def create(self, href: str, ics: bytes) -> Reply:
        """PUT with ``If-None-Match: *``."""

    def update(self, href: str, ics: bytes, etag: str) -> Reply:
        """PUT with ``If-Match: etag``."""

    def delete(self, href: str, etag: str) -> Reply:
        """DELETE with ``If-Match: etag``."""

    def fetch(self, href: str) -> Reply:
        """GET the object."""


class Ledger(Protocol):
    """Where outcomes are kept, each committed at once."""

    def intend(self, step_row: int, uid: str, href: str) -> None:
        """Remember the href of an object about to be created (no ETag yet)."""

    def stored(self, href: str, etag: str | None, sequence: int) -> None:
        """The server holds this SEQUENCE at href, with this ETag."""

    def removed(self, href: str) -> None:
        """The object at href is gone."""

    def yielded(self, href: str) -> None:
        """The user edited or deleted the object: it is theirs from now on."""
