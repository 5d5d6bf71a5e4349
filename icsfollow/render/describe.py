"""The words of each step: its title, what to do and why, from the rules' texts."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from icsfollow.core.model import Interview, Person, Plan, PlannedStep
from icsfollow.core.rules import (
    ARTICLE,
    PHONE_CHECK_IN,
    QUIET_PERIOD_DONTS,
    THANK_YOU_DRAFT,
    Context,
    rule_by_id,
)
from icsfollow.core.zones import format_local, format_span, to_local
from icsfollow.render.greeting import addressed_as, greeting
from icsfollow.render.urls import mailto_link

__all__ = [
    "StepText",
    "describe_step",
    "draft_email",
    "format_skipped",
    "join_names",
    "thank_you_mailto",
    "thank_you_subject",
]

NOTICE = "icsfollow never contacts anyone: each step is yours to do, or to skip."


class StepText(NamedTuple):
    """A step's words: calendar title, description and alarm text."""

    summary: str
    description: str
    alarm: str


def join_names(people: tuple[Person, ...], fallback: str) -> str:
    """Join names as people write them: ``A``, ``A and B``, ``A, B and C``."""
    names = [person.name for person in people if person.name]
    if not names:
        return fallback
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def thank_you_subject(interview: Interview) -> str:
    """The thank-you email's subject line, as the article words it."""
    return f"Thank you from {interview.candidate or '[your name]'}"


def _fields(interview: Interview) -> dict[str, str]:
    emailed = tuple(p for p in interview.interviewers if p.email)
    recruiter = interview.recruiter.name if interview.recruiter else ""
    return {
        "name": interview.candidate or "[your name]",
        "company": interview.company or "the company",
        "interviewers": join_names(interview.interviewers, "your interviewer(s)"),
        "contact": join_names(emailed or interview.interviewers, "the hiring manager"),
        "recruiter": recruiter or "your recruiter",
    }


def describe_step(plan: Plan, step: PlannedStep) -> StepText:
    """Return the title, description and alarm text of a planned step."""
    interview = plan.interview
    rule = rule_by_id(step.step_id)
    fields = _fields(interview)
    summary, todo = rule.summary[interview.context], rule.todo[interview.context]
    if step.step_id == "check-in" and _phone_check_in(interview):
        summary, todo = PHONE_CHECK_IN
    parts = [todo.format(**fields)]
    if step.step_id == "thank-you-email":
        parts.append("Draft:\n" + _draft(interview, fields))
        mailto = thank_you_mailto(interview)
        if mailto is not None:
            parts.append(f"Open this draft in your mail program:\n{mailto}")
    if step.step_id == "quiet-period":
        parts[0] += "".join(f"\n- {dont}" for dont in QUIET_PERIOD_DONTS)
    if step.step_id == "check-in" and interview.feedback_by is not None:
        parts.append(f"Feedback was promised by {interview.feedback_by:%a %d %b %Y}.")
    parts.append(_timing(plan, step))
    parts.append("Why: " + " ".join(f'"{quote}"' for quote in rule.why) + f" ({ARTICLE})")
    parts.append(_interview_line(interview))
    parts.append(NOTICE)
    title = summary.format(**fields)
    return StepText(title, "\n\n".join(part for part in parts if part), title)


def _phone_check_in(interview: Interview) -> bool:
    return interview.context is Context.DIRECT and interview.phone_ok


def draft_email(interview: Interview) -> str:
    """The thank-you email's short draft body."""
    return _draft(interview, _fields(interview))


def thank_you_mailto(interview: Interview) -> str | None:
    """The thank-you draft as a mailto: link, or None when no address was given."""
    return mailto_link(interview, thank_you_subject(interview), draft_email(interview))


def _draft(interview: Interview, fields: dict[str, str]) -> str:
    role = f" about the {interview.role} role" if interview.role else ""
    weekday = to_local(interview.start, interview.candidate_zone).strftime("%A")
    return THANK_YOU_DRAFT.format(
        greeting=_greeting(tuple(p for p in interview.interviewers if p.email)),
        weekday=weekday,
        about=role + (f" at {interview.company}" if interview.company else ""),
        name=fields["name"],
    )


def _greeting(people: tuple[Person, ...]) -> str:
    """One greeting for everyone the draft goes to: ``Dear Dr. Lee and Dana,``."""
    if len(people) == 1:
        return greeting(people[0])
    names = [addressed_as(person) for person in people]
    if not names or None in names:
        return "Hello,"
    return "Dear " + " and ".join(name for name in names if name) + ","


def _timing(plan: Plan, step: PlannedStep) -> str:
    interview = plan.interview
    if not isinstance(step.start, datetime) or not isinstance(step.end, datetime):
        return _span_text(step)
    lines = [f"When: {format_span(step.start, step.end, interview.candidate_zone)}"]
    if interview.contact_zone != interview.candidate_zone:
        their_time = format_span(step.start, step.end, interview.contact_zone)
        lines.append(f"Their time: {their_time}")
    if step.deadline is not None:
        lines.append(f"Deadline: {format_local(step.deadline, interview.candidate_zone)}")
    if step.moved_by:
        lines.append(f"Skips: {format_skipped(step.moved_by)}")
    return "\n".join(lines)


def _span_text(step: PlannedStep) -> str:
    assert isinstance(step.start, date) and isinstance(step.end, date)
    return f"From {step.start:%a %d %b %Y} up to (not including) {step.end:%a %d %b %Y}."


def format_skipped(days: tuple[tuple[date, str], ...]) -> str:
    """Name the days a step skips: ``Fri 03 Jul: Independence Day; Sat 04 Jul``."""
    return "; ".join(
        f"{day:%a %d %b}" + ("" if why == f"{day:%A}" else f": {why}") for day, why in days
    )


def _interview_line(interview: Interview) -> str:
    what = ", ".join(part for part in (interview.company, interview.role) if part)
    when = format_local(interview.start, interview.candidate_zone)
    through = f" through {interview.agency}" if interview.agency else ""
    return f"Interview: {what or 'your interview'}{through}, {when}."
