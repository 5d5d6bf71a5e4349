"""Calendars for plans that change: the record's step objects, updates, cancellations, the feed.

All built with icalendar 7 from the step objects the record keeps (one VEVENT each).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from datetime import datetime, timedelta

from icalendar import Calendar, Event, vDuration

from icsfollow.core.model import Plan, PlannedStep
from icsfollow.core.zones import UTC
from icsfollow.render.describe import describe_step
from icsfollow.render.ics import PRODID, render_event

__all__ = [
    "FEED_NAME",
    "FEED_REFRESH",
    "cancelled_object",
    "object_event",
    "render_cancel",
    "render_feed",
    "render_object",
    "render_update",
    "step_fingerprint",
]

FEED_NAME = "Job follow-ups"
FEED_REFRESH = timedelta(hours=1)


def step_fingerprint(plan: Plan, step: PlannedStep) -> str:
    """A hash of what a calendar shows of a step: its times, texts and alarm."""
    text = describe_step(plan, step)
    alarm = plan.settings.alarm_minutes if not step.is_all_day else None
    parts = (step.start.isoformat(), step.end.isoformat(), text.summary, text.description)
    data = "\x1e".join((*parts, str(alarm))).encode("utf-8")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def render_object(plan: Plan, step: PlannedStep, uid: str, sequence: int, stamp: datetime) -> bytes:
    """One step as a calendar object resource: one VEVENT, no METHOD (RFC 4791).

    Args:
        plan: The plan the step belongs to.
        step: The step.
        uid: The UID to give it (its first UID, or a fresh one).
        sequence: Its SEQUENCE.
        stamp: DTSTAMP: the time of the change.
    """
    event = render_event(plan, step)
    _reidentify(event, uid, sequence, stamp)
    return _calendar([event], method=None)


def object_event(object_ics: bytes) -> Event:
    """The VEVENT of a step object."""
    event: Event = Calendar.from_ical(object_ics).events[0]
    return event


def cancelled_object(object_ics: bytes, stamp: datetime) -> bytes:
    """A step object withdrawn: STATUS:CANCELLED, SEQUENCE+1, no alarm, DTSTAMP ``stamp``."""
    event = object_event(object_ics)
    event.subcomponents = [c for c in event.subcomponents if c.name != "VALARM"]
    _reidentify(event, str(event.uid), event.sequence + 1, stamp)
    event.status = "CANCELLED"
    return _calendar([event], method=None)


def render_update(objects: Sequence[bytes]) -> bytes:
    """An update file: the given step objects' events, METHOD:PUBLISH."""
    return _calendar([object_event(blob) for blob in objects], method="PUBLISH")


def render_cancel(objects: Sequence[bytes]) -> bytes:
    """A cancellation file: the given (cancelled) step objects' events, METHOD:CANCEL."""
    return _calendar([object_event(blob) for blob in objects], method="CANCEL")


def render_feed(objects: Sequence[bytes]) -> bytes:
    """A subscription feed of step objects, re-read hourly (REFRESH-INTERVAL, X-PUBLISHED-TTL)."""
    events = [object_event(blob) for blob in objects]
    calendar = Calendar.new(
        prodid=PRODID,
        calscale="GREGORIAN",
        method="PUBLISH",
        name=FEED_NAME,
        refresh_interval=FEED_REFRESH,
        subcomponents=events,
    )
    calendar.add("X-PUBLISHED-TTL", vDuration(FEED_REFRESH))
    return _bytes(calendar)


def _reidentify(event: Event, uid: str, sequence: int, stamp: datetime) -> None:
    event.uid = uid
    event.sequence = sequence
    event.DTSTAMP = stamp.astimezone(UTC).replace(microsecond=0)


def _calendar(events: list[Event], method: str | None) -> bytes:
    calendar = Calendar.new(
        prodid=PRODID, calscale="GREGORIAN", method=method, subcomponents=events
    )
    return _bytes(calendar)


def _bytes(calendar: Calendar) -> bytes:
    calendar.pop("UID", None)  # Calendar.new adds a random one; these files need none
    ics: bytes = calendar.to_ical()
    return ics
