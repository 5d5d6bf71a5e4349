"""Plain immutable values passed between the layers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from icsfollow.core.rules import DEFAULTS, Context, StepKind, rule_by_id

__all__ = ["Interview", "Person", "Plan", "PlannedStep", "Settings"]


class Person(NamedTuple):
    """Someone the candidate deals with; ``email`` only if it was given to them."""

    name: str
    email: str | None = None


class Interview(NamedTuple):
    """What happened: when, with whom, through whom.

    ``start`` is an aware datetime; zones are IANA names. ``phone_ok`` and
    ``linkedin_ok`` name the one person who asked for a call or a LinkedIn request.
    """

    start: datetime
    context: Context
    candidate_zone: str
    contact_zone: str
    duration: timedelta = timedelta(minutes=DEFAULTS.duration_minutes)
    candidate: str = ""
    company: str = ""
    role: str = ""
    interviewers: tuple[Person, ...] = ()
    recruiter: Person | None = None
    agency: str = ""
    feedback_by: date | None = None
    phone_ok: Person | None = None
    linkedin_ok: Person | None = None

    @property
    def end(self) -> datetime:
        """The interview's end, ``T1``."""
        return self.start + self.duration


class Settings(NamedTuple):
    """How to plan: both people's hours, holidays, check-ins, alarm.

    ``business_hours`` are the contact's, in their zone; ``own_hours`` the candidate's,
    in theirs. ``last_check_in_after`` 0 plans no last check-in.
    """

    business_hours: tuple[time, time] = DEFAULTS.business_hours
    country: str | None = None
    check_in_after: int = DEFAULTS.check_in_after
    alarm_minutes: int | None = DEFAULTS.alarm_minutes
    own_hours: tuple[time, time] = DEFAULTS.own_hours
    last_check_in_after: int = DEFAULTS.last_check_in_after


class PlannedStep(NamedTuple):
    """One step of the plan, placed in time.

    Timed steps have aware UTC ``start``/``end``; all-day steps have dates with an
    exclusive ``end``. ``moved_by`` names the days (weekends, holidays) that pushed
    the step later. ``person`` is whom a per-person step is for; ``late`` marks a
    thank-you sent after its deadline; ``by_email`` a debrief by email instead of a
    call; ``their_hours_only`` a contact step outside the candidate's own hours,
    because the two never overlap.
    """

    step_id: str
    kind: StepKind
    start: datetime | date
    end: datetime | date
    deadline: datetime | None = None
    moved_by: tuple[tuple[date, str], ...] = ()
    person: Person | None = None
    late: bool = False
    by_email: bool = False
    their_hours_only: bool = False

    @property
    def rule_id(self) -> str:
        """The id of the rule this step follows (``thank-you-email`` for ``...-email-2``)."""
        return rule_by_id(self.step_id).step_id

    @property
    def is_all_day(self) -> bool:
        """True for the quiet period's all-day span."""
        return self.kind is StepKind.ALL_DAY


class Plan(NamedTuple):
    """The scheduler's answer: the steps, and what the user should be warned of."""

    interview: Interview
    settings: Settings
    now: datetime
    steps: tuple[PlannedStep, ...]
    warnings: tuple[str, ...] = ()
