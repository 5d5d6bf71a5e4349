"""The scheduler: an interview, the settings and *now* in, the planned steps out.

Pure: no clock, no files, no click, no icalendar.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from icsfollow.core.model import Interview, Plan, PlannedStep, Settings
from icsfollow.core.rules import (
    CHECK_IN_TIME,
    DEFAULTS,
    OWN_HOURS,
    THANK_YOU_WINDOW,
    StepRule,
    rule_by_id,
    rules_for,
)
from icsfollow.core.workdays import WorkCalendar, holiday_lookup, working_days_after
from icsfollow.core.zones import UTC, format_local, local_instant, to_local

__all__ = ["schedule_steps", "step_applies"]

Moves = tuple[tuple[date, str], ...]


class _Run(NamedTuple):
    """What every placement needs: the interview, the contact's calendar and *now*."""

    interview: Interview
    settings: Settings
    work: WorkCalendar
    now: datetime

    @property
    def deadline(self) -> datetime:
        return self.interview.end + THANK_YOU_WINDOW


def schedule_steps(interview: Interview, settings: Settings, now: datetime) -> Plan:
    """Place every step that applies to an interview.

    Args:
        interview: The interview, with an aware start.
        settings: Business hours, holiday country, check-in delay and alarm.
        now: The aware reference instant (the run's "now").

    Returns:
        The plan: steps in rule order, and warnings for the user.
    """
    work = WorkCalendar(
        interview.contact_zone, settings.business_hours, holiday_lookup(settings.country)
    )
    interview = interview._replace(start=interview.start.astimezone(UTC))
    run = _Run(interview, settings, work, _ceil_minute(now.astimezone(UTC)))
    steps: list[PlannedStep] = []
    warnings = list(_date_warnings(interview, now))
    own_cursor: datetime | None = None
    check_in = _place_check_in(run)
    for rule in rules_for(interview.context):
        if not step_applies(rule, interview):
            continue
        if rule.step_id == "quiet-period":
            step: PlannedStep | None = _place_quiet_period(run, check_in)
        elif rule.step_id == "check-in":
            step = check_in
        elif rule.step_id == "recruiter-debrief":
            step = _place_debrief(run, rule)
        else:
            step = _place_own_task(run, rule, own_cursor or interview.end + rule.offset)
            if step is None:
                warnings.append(_left_out(run, rule))
            else:
                assert isinstance(step.end, datetime)
                own_cursor = step.end
        if step is not None:
            steps.append(step)
    return Plan(interview, settings, now, tuple(steps), tuple(warnings))


def step_applies(rule: StepRule, interview: Interview) -> bool:
    """Tell whether a step's condition holds for an interview (quiet period: always)."""
    if rule.step_id == "thank-you-email":
        return any(person.email for person in interview.interviewers)
    if rule.step_id == "linkedin-connect":
        return interview.linkedin_ok
    return interview.context in rule.contexts


def _ceil_minute(instant: datetime) -> datetime:
    whole = instant.replace(second=0, microsecond=0)
    return whole if whole == instant else whole + timedelta(minutes=1)


def _date_warnings(interview: Interview, now: datetime) -> list[str]:
    if abs(interview.start - now) <= timedelta(days=DEFAULTS.far_days):
        return []
    when = format_local(interview.start, interview.candidate_zone)
    return [
        f"the interview ({when}) is more than {DEFAULTS.far_days} days from now: check the date"
    ]


def _place_debrief(run: _Run, rule: StepRule) -> PlannedStep:
    assert rule.length is not None
    earliest = max(run.interview.end + rule.offset, run.now)
    start, moves = run.work.first_business_slot(earliest, rule.length)
    return PlannedStep(rule.step_id, rule.kind, start, start + rule.length, moved_by=moves)


def _place_own_task(run: _Run, rule: StepRule, anchor: datetime) -> PlannedStep | None:
    assert rule.length is not None
    start = _own_slot(run, max(anchor, run.now), rule.length)
    if start is None:
        return None
    return PlannedStep(rule.step_id, rule.kind, start, start + rule.length, run.deadline)


def _own_slot(run: _Run, earliest: datetime, length: timedelta) -> datetime | None:
    """First own-hours start that still ends by the deadline; else right away; else None."""
    zone = run.interview.candidate_zone
    day = to_local(earliest, zone).date()
    opens, closes = (local_instant(day, wall, zone) for wall in OWN_HOURS)
    next_open = opens if earliest < opens else local_instant(day + timedelta(1), OWN_HOURS[0], zone)
    in_own_hours = opens <= earliest and earliest + length <= closes
    for start in (earliest,) if in_own_hours else (next_open, earliest):
        if start + length <= run.deadline:
            return start
    return None


def _left_out(run: _Run, rule: StepRule) -> str:
    deadline = format_local(run.deadline, run.interview.candidate_zone)
    return f"{rule.step_id} left out: its deadline, {deadline}, has passed or leaves no time"


def _place_check_in(run: _Run) -> PlannedStep:
    rule = rule_by_id("check-in")
    assert rule.length is not None
    day, moves = _check_in_day(run)
    opens, closes = run.work.window(day)
    start = local_instant(day, CHECK_IN_TIME, run.work.zone)
    if not (opens <= start and start + rule.length <= closes):
        start, more = run.work.first_business_slot(opens, rule.length)
        moves += more
    if start < run.now:
        start, moves = run.work.first_business_slot(run.now, rule.length)
    return PlannedStep(rule.step_id, rule.kind, start, start + rule.length, moved_by=moves)


def _check_in_day(run: _Run) -> tuple[date, Moves]:
    interview_day = to_local(run.interview.end, run.work.zone).date()
    day, moves = working_days_after(run.work, interview_day, run.settings.check_in_after)
    feedback_by = run.interview.feedback_by
    if feedback_by is not None:
        after_feedback, feedback_moves = run.work.next_working_day(feedback_by)
        if after_feedback > day:
            return after_feedback, feedback_moves
    return day, moves


def _place_quiet_period(run: _Run, check_in: PlannedStep) -> PlannedStep | None:
    zone = run.interview.candidate_zone
    interview_day = to_local(run.interview.end, zone).date()
    assert isinstance(check_in.start, datetime)
    check_in_day = to_local(check_in.start, zone).date()
    first = max(interview_day + timedelta(days=1), to_local(run.now, zone).date())
    if first >= check_in_day:
        return None
    rule = rule_by_id("quiet-period")
    return PlannedStep(rule.step_id, rule.kind, first, check_in_day)
