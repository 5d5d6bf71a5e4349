"""Planned steps into iCalendar bytes, with icalendar 7's builders."""

from __future__ import annotations

import zlib
from datetime import date, datetime, timedelta

from icalendar import CLASS, TRANSP, Alarm, Calendar, Event

from icsfollow import __version__
from icsfollow.core.model import Interview, Plan, PlannedStep
from icsfollow.core.zones import UTC
from icsfollow.render.describe import StepText, describe_step

__all__ = ["PRODID", "render_calendar", "render_split", "step_uid"]

PRODID = f"-//icsfollow//icsfollow {__version__}//EN"


def render_calendar(plan: Plan) -> bytes:
    """Render a plan as an .ics file that every calendar imports.

    Args:
        plan: The scheduler's plan.

    Returns:
        The iCalendar bytes (UTF-8, CRLF, folded by icalendar).
    """
    return _calendar_bytes(plan, [render_event(plan, step) for step in plan.steps])


def render_split(plan: Plan) -> list[tuple[str, bytes]]:
    """Render one single-event calendar per step, for a double-click each in Outlook.

    Returns:
        ``(file name, bytes)`` pairs such as ``01-recruiter-debrief.ics``, in plan order;
        each event is the same as in :func:`render_calendar`.
    """
    return [
        (f"{number:02d}-{step.step_id}.ics", _calendar_bytes(plan, [render_event(plan, step)]))
        for number, step in enumerate(plan.steps, start=1)
    ]


def _calendar_bytes(plan: Plan, events: list[Event]) -> bytes:
    calendar = Calendar.new(
        prodid=PRODID,
        calscale="GREGORIAN",
        method="PUBLISH",
        uid=_digest(_identity(plan.interview)) + "@icsfollow",
        subcomponents=events,
    )
    ics: bytes = calendar.to_ical()
    return ics


def render_event(plan: Plan, step: PlannedStep) -> Event:
    """Build the VEVENT of one step."""
    text = describe_step(plan, step)
    event: Event = Event.new(
        uid=step_uid(plan, step, text),
        stamp=plan.now.astimezone(UTC).replace(microsecond=0),
        start=_utc(step.start),
        end=_utc(step.end),
        summary=text.summary,
        description=text.description,
        classification=CLASS.PRIVATE,
        transparency=TRANSP.TRANSPARENT,
        sequence=0,
    )
    event.add("X-MICROSOFT-CDO-BUSYSTATUS", "FREE")
    event.add("X-ICSFOLLOW-STEP", step.step_id)
    minutes = plan.settings.alarm_minutes
    if minutes is not None and not step.is_all_day:
        alarm = Alarm.new_display(description=text.alarm, trigger=timedelta(minutes=-minutes))
        event.add_component(alarm)
    return event


def step_uid(plan: Plan, step: PlannedStep, text: StepText) -> str:
    """A UID that stays the same while the step's times and text do.

    It hashes the interview's identity, the step id and the step's own content,
    never the time of the run.
    """
    alarm = plan.settings.alarm_minutes if not step.is_all_day else None
    content = (
        _identity(plan.interview),
        step.step_id,
        _utc(step.start).isoformat(),
        _utc(step.end).isoformat(),
        text.summary,
        text.description,
        str(alarm),
    )
    return _digest(*content) + "@icsfollow"


def _identity(interview: Interview) -> str:
    start = interview.start.astimezone(UTC).isoformat()
    return "\x1f".join((start, interview.context.value, interview.company, interview.role))


def _digest(*parts: str) -> str:
    """A stable 64-bit fingerprint: CRC-32 and Adler-32 of the parts, as 16 hex digits.

    Both are standard, the same on every platform and Python, and enough to tell one
    user's reminders apart; hashlib would load OpenSSL, a fifth of the tool's own
    start-up time (see benchmarks/).
    """
    data = "\x1e".join(parts).encode("utf-8")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _utc(value: datetime | date) -> datetime | date:
    return value.astimezone(UTC) if isinstance(value, datetime) else value
