"""The scheduler: an interview, the settings and *now* in, the planned steps out.

Pure: no clock, no files, no click, no icalendar.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from icsfollow.core.hours import OwnHours, both_slot
from icsfollow.core.model import Interview, Plan, PlannedStep, Settings
from icsfollow.core.rules import (
    BOTH_HOURS_SEARCH_DAYS,
    CHECK_IN_TIME,
    DEFAULTS,
    THANK_YOU_WINDOW,
    Context,
    StepRule,
    rule_by_id,
)
from icsfollow.core.thank_yous import Chain, own_slot, own_tasks, place_chain
from icsfollow.core.workdays import WorkCalendar, holiday_lookup, working_days_after
from icsfollow.core.zones import UTC, format_local, local_instant, to_local

__all__ = ["schedule_steps"]

Moves = tuple[tuple[date, str], ...]


class _Run(NamedTuple):
    """What every placement needs: the interview, both people's hours and *now*."""

    interview: Interview
    settings: Settings
    work: WorkCalendar
    own: OwnHours
    now: datetime

    @property
    def deadline(self) -> datetime:
        return self.interview.end + THANK_YOU_WINDOW


def schedule_steps(interview: Interview, settings: Settings, now: datetime) -> Plan:
    """Place every step that applies to an interview.

    Args:
        interview: The interview, with an aware start.
        settings: Both people's hours, holiday country, check-ins and alarm.
        now: The aware reference instant (the run's "now").

    Returns:
        The plan: steps in rule order, and warnings for the user.
    """
    work = WorkCalendar(
        interview.contact_zone, settings.business_hours, holiday_lookup(settings.country)
    )
    interview = interview._replace(start=interview.start.astimezone(UTC))
    own = OwnHours(interview.candidate_zone, settings.own_hours)
    run = _Run(interview, settings, work, own, _ceil_minute(now.astimezone(UTC)))
    debrief, chain = _place_first_day(run)
    check_in = _place_check_in(run, debrief)
    last = _place_last_check_in(run, check_in)
    early = (*([debrief] if debrief else []), *chain.steps)
    placed = [
        *early,
        _place_quiet(run, "quiet-period", early, check_in),
        check_in,
        _place_quiet(run, "quiet-until-last-check-in", (*early, check_in), last),
        last,
    ]
    steps = tuple(step for step in placed if step is not None)
    warnings = (*_date_warnings(interview, now), *chain.warnings)
    return Plan(interview, settings, now, steps, warnings)


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


def _place_first_day(run: _Run) -> tuple[PlannedStep | None, Chain]:
    """The debrief (agency) and the own tasks, which reach the client only after it."""
    interview, tasks = run.interview, own_tasks(run.interview)
    if interview.context is not Context.AGENCY:
        return None, place_chain(interview, run.own, tasks, run.now)
    call = _call_debrief(run)
    after_call = place_chain(interview, run.own, tasks, run.now, _end(call))
    if not any(step.late for step in after_call.steps) and not after_call.warnings:
        return call, after_call
    email = _email_debrief(run)
    after_email = place_chain(interview, run.own, tasks, run.now, _end(email))
    if after_email.score > after_call.score:
        return email, after_email
    return call, after_call


def _end(step: PlannedStep) -> datetime:
    assert isinstance(step.end, datetime)
    return step.end


def _call_debrief(run: _Run) -> PlannedStep:
    rule = rule_by_id("recruiter-debrief")
    earliest = max(run.interview.end + rule.offset, run.now)
    return _contact_step(run, rule, rule.step_id, earliest, earliest)


def _email_debrief(run: _Run) -> PlannedStep:
    rule = rule_by_id("recruiter-debrief")
    assert rule.length is not None
    earliest = max(run.interview.end + rule.offset, run.now)
    start = own_slot(run.own, earliest, rule.length, run.deadline)
    if start is None:
        start = run.own.first_start(earliest, rule.length)
    return PlannedStep(rule.step_id, rule.kind, start, start + rule.length, by_email=True)


def _contact_step(
    run: _Run, rule: StepRule, step_id: str, preferred: datetime, floor: datetime, moves: Moves = ()
) -> PlannedStep:
    """A contact slot in both people's hours: at ``preferred`` or later that contact day,
    else the first from ``floor``; in the contact's hours alone when the two never meet."""
    assert rule.length is not None
    length, work = rule.length, run.work
    found = both_slot(work, run.own, max(preferred, run.now), length, 1) or both_slot(
        work, run.own, max(floor, run.now), length, BOTH_HOURS_SEARCH_DAYS
    )
    their_only = found is None
    if found is None:
        found = work.first_business_slot(max(preferred, run.now), length)
    start, more = found
    return PlannedStep(
        step_id,
        rule.kind,
        start,
        start + length,
        moved_by=moves + more,
        their_hours_only=their_only,
    )


def _contact_on_day(
    run: _Run, step_id: str, day: date, floor: datetime, moves: Moves
) -> PlannedStep:
    """A check-in on a contact's working day: 10:00 their time, or when both people can."""
    rule = rule_by_id(step_id)
    assert rule.length is not None
    opens, closes = run.work.window(day)
    ten = local_instant(day, CHECK_IN_TIME, run.work.zone)
    preferred = ten if opens <= ten and ten + rule.length <= closes else opens
    return _contact_step(run, rule, step_id, max(preferred, floor), max(opens, floor), moves)


def _place_check_in(run: _Run, debrief: PlannedStep | None) -> PlannedStep:
    day, moves = _check_in_day(run)
    floor = run.interview.end
    if debrief is not None:
        debrief_day = to_local(_end(debrief), run.work.zone).date()
        after, skipped = run.work.next_working_day(debrief_day)
        if after > day:
            day, moves = after, skipped
        floor = run.work.window(after)[0]
    return _contact_on_day(run, "check-in", day, floor, moves)


def _check_in_day(run: _Run) -> tuple[date, Moves]:
    interview_day = to_local(run.interview.end, run.work.zone).date()
    day, moves = working_days_after(run.work, interview_day, run.settings.check_in_after)
    feedback_by = run.interview.feedback_by
    if feedback_by is not None:
        after_feedback, feedback_moves = run.work.next_working_day(feedback_by)
        if after_feedback > day:
            return after_feedback, feedback_moves
    return day, moves


def _place_last_check_in(run: _Run, check_in: PlannedStep) -> PlannedStep | None:
    count = run.settings.last_check_in_after
    if count == 0:
        return None
    check_in_day = to_local(_end(check_in), run.work.zone).date()
    day, moves = working_days_after(run.work, check_in_day, count)
    floor = run.work.window(run.work.next_working_day(check_in_day)[0])[0]
    return _contact_on_day(run, "last-check-in", day, floor, moves)


def _place_quiet(
    run: _Run, step_id: str, before: tuple[PlannedStep, ...], until: PlannedStep | None
) -> PlannedStep | None:
    """The days strictly after the interview day and the steps ``before``, up to ``until``."""
    if until is None:
        return None
    zone = run.interview.candidate_zone
    days = [to_local(run.interview.end, zone).date(), *(_day_of(step, zone) for step in before)]
    first = max(max(days) + timedelta(days=1), to_local(run.now, zone).date())
    assert isinstance(until.start, datetime)
    last = to_local(until.start, zone).date()
    if first >= last:
        return None
    return PlannedStep(step_id, rule_by_id(step_id).kind, first, last)


def _day_of(step: PlannedStep, zone: str) -> date:
    return to_local(_end(step) - timedelta(microseconds=1), zone).date()
