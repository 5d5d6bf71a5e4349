"""The sync engine on plain values: what the server must change, and doing it safely.

It compares the record's steps (:class:`Desired`) with what was pushed (:class:`Remote`),
and sends only the differences through a :class:`Transport`: a create with
``If-None-Match: *``, an update or delete at the stored href with ``If-Match``. It never
looks an object up by UID. Each outcome goes to the :class:`Ledger` at once, and a
create's href is written there *before* the request, so an interrupted sync is finished,
not repeated, by the next one: a create whose answer was lost meets 412 and is adopted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from icsfollow.errors import SyncError
from icsfollow.sync.values import (
    OURS,
    Action,
    Desired,
    Ledger,
    Remote,
    Reply,
    Report,
    Transport,
)

__all__ = ["pending_actions", "pending_rows", "run_actions"]

_PRECONDITION_FAILED = 412
_NOT_FOUND = 404
_IDENTITY = ("UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION")


def pending_actions(desired: Sequence[Desired], remote: Sequence[Remote]) -> list[Action]:
    """The writes that make the server match the record, in step order, then tombstones."""
    by_row = {item.step_row: item for item in remote if item.step_row is not None}
    actions = [
        action
        for step in _one_step_per_uid(desired)
        if (action := _action_for(step, by_row.get(step.step_row))) is not None
    ]
    # A forgotten step's object is deleted, unless a step with its UID took it over.
    wanted = {step.uid for step in desired if step.ics is not None}
    for item in remote:
        if item.step_row is None and not item.deleted and item.owner == OURS:
            if item.uid in wanted:
                continue
            actions.append(
                Action("delete", None, item.uid, item.uid, item.href, item.etag, 0, None)
            )
    return actions


def pending_rows(desired: Sequence[Desired], remote: Sequence[Remote]) -> set[int]:
    """The step row ids with a change not yet on the server."""
    return {
        action.step_row
        for action in pending_actions(desired, remote)
        if action.step_row is not None
    }


def _one_step_per_uid(desired: Sequence[Desired]) -> list[Desired]:
    """The steps that own a calendar object, in row order.

    A calendar holds one object per UID, and two recorded interviews can share a step's
    first UID (the same plan recorded twice with ``--new``): the object then follows the
    oldest of them still wanted (not withdrawn), else the oldest.
    """
    owners: dict[str, Desired] = {}
    for step in sorted(desired, key=lambda step: (step.ics is None, step.step_row)):
        owners.setdefault(step.uid, step)
    return sorted(owners.values(), key=lambda step: step.step_row)


def _action_for(step: Desired, pushed: Remote | None) -> Action | None:
    if pushed is not None and pushed.owner != OURS:
        return None
    if step.ics is None:
        if pushed is None or pushed.deleted:
            return None
        return Action(
            "delete", step.step_row, step.uid, step.label, pushed.href, pushed.etag, 0, None
        )
    fields = (step.step_row, step.uid, step.label)
    if pushed is None or pushed.deleted or pushed.etag is None:
        href = None if pushed is None else pushed.href
        return Action("create", *fields, href, None, step.sequence, step.ics)
    if pushed.pushed_sequence < step.sequence:
        return Action("update", *fields, pushed.href, pushed.etag, step.sequence, step.ics)
    return None


def run_actions(actions: Iterable[Action], transport: Transport, ledger: Ledger) -> list[Report]:
    """Send each action and keep its outcome; stop at the first failure (SyncError).

    Returns:
        One report per action, in order.
    """
    handlers = {"create": _create, "update": _update, "delete": _delete}
    return [handlers[action.kind](action, transport, ledger) for action in actions]


def _create(action: Action, transport: Transport, ledger: Ledger) -> Report:
    assert action.ics is not None and action.step_row is not None
    href = action.href
    if href is None:
        href = transport.href_for(action.uid)
        ledger.intend(action.step_row, action.uid, href)
    reply = transport.create(href, action.ics)
    if reply.status == _PRECONDITION_FAILED:
        return _adopt(action, href, transport, ledger)
    if reply.status == _NOT_FOUND:
        raise SyncError(f"the calendar at {href} is gone (404): check calendar in [caldav]")
    ledger.stored(href, _etag_of(reply, href, transport), action.sequence)
    return Report("created", action.label)


def _adopt(action: Action, href: str, transport: Transport, ledger: Ledger) -> Report:
    """A create met an object at our href: an earlier create whose answer was lost."""
    there = transport.fetch(href)
    fields = _fields(there.body) if there.status < 300 else {}
    if fields.get("UID") != action.uid.encode("utf-8"):
        ledger.yielded(href)
        return Report("user-edited", action.label)
    sequence = int(fields.get("SEQUENCE", b"0"))
    ledger.stored(href, there.etag, sequence)
    if sequence < action.sequence and there.etag:
        update = action._replace(kind="update", href=href, etag=there.etag)
        return _update(update, transport, ledger)
    return Report("created", action.label)


def _update(action: Action, transport: Transport, ledger: Ledger) -> Report:
    assert action.ics is not None and action.href is not None and action.etag is not None
    reply = transport.update(action.href, action.ics, action.etag)
    if reply.status == _PRECONDITION_FAILED:  # some servers say 412, not 404, for a gone one
        there = transport.fetch(action.href)
        reply = there if there.status == _NOT_FOUND else reply
    if reply.status == _NOT_FOUND:
        ledger.yielded(action.href)
        return Report("user-deleted", action.label)
    if reply.status == _PRECONDITION_FAILED:
        if there.status >= 300 or not _same_event(there.body, action.ics):
            ledger.yielded(action.href)
            return Report("user-edited", action.label)
        reply = there  # our own earlier write, whose answer was lost
    ledger.stored(action.href, _etag_of(reply, action.href, transport), action.sequence)
    return Report("updated", action.label)


def _delete(action: Action, transport: Transport, ledger: Ledger) -> Report:
    assert action.href is not None
    etag = action.etag
    if etag is None:  # a create whose answer was lost: is the object there?
        there = transport.fetch(action.href)
        if there.status == _NOT_FOUND:
            ledger.removed(action.href)
            return Report("deleted", action.label)
        if _fields(there.body).get("UID") != action.uid.encode("utf-8") or not there.etag:
            ledger.yielded(action.href)
            return Report("user-edited", action.label)
        etag = there.etag
    reply = transport.delete(action.href, etag)
    if reply.status == _PRECONDITION_FAILED and transport.fetch(action.href).status != _NOT_FOUND:
        ledger.yielded(action.href)
        return Report("user-edited", action.label)
    ledger.removed(action.href)
    return Report("deleted", action.label)


def _etag_of(reply: Reply, href: str, transport: Transport) -> str | None:
    """The new ETag; a server that changed the object sends none, so ask for it."""
    return reply.etag if reply.etag else transport.fetch(href).etag


def _same_event(held: bytes, ours: bytes) -> bool:
    """Whether the server holds our version (a server may refold or reorder lines)."""
    theirs = _fields(held)
    return bool(theirs) and theirs == _fields(ours)


def _fields(ics: bytes) -> Mapping[str, bytes]:
    """The identifying properties of the first VEVENT, as iCalendar text; {} if unreadable."""
    from icalendar import Calendar

    try:
        events = Calendar.from_ical(ics).walk("VEVENT")
    except ValueError:
        return {}
    if not events:
        return {}
    event = events[0]
    fields: dict[str, bytes] = {}
    for name in _IDENTITY:
        if name in event:
            text = event[name].to_ical()
            fields[name] = text if isinstance(text, bytes) else str(text).encode("utf-8")
    return fields
