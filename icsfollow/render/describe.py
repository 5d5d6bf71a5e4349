"""The words of each step: its title, what to do and why, from the rules' texts."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple

from icsfollow.core.model import Interview, Person, Plan, PlannedStep
from icsfollow.core.rules import ARTICLE, IF_WELCOME, Context, rule_by_id
from icsfollow.core.rules_text import (
    AGENCY_PHONE_NOTE,
    EMAIL_DEBRIEF,
    LATE_SUMMARY,
    LATE_TODO,
    NO_OVERLAP,
    PHONE_CHECK_IN,
    QUIET_PERIOD_DONTS,
)
from icsfollow.core.zones import format_local, format_span
from icsfollow.render.drafts import check_in_addressee, step_draft

__all__ = ["StepText", "describe_step", "format_skipped", "join_names"]

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


def _fields(interview: Interview, step: PlannedStep) -> dict[str, str]:
    recruiter = interview.recruiter.name if interview.recruiter else ""
    who = step.person or interview.phone_ok
    contact = check_in_addressee(interview) if interview.context is Context.DIRECT else None
    letters = (
        "one handwritten thank-you letter each"
        if len(interview.interviewers) > 1
        else ("a handwritten thank-you letter")
    )
    fields = {
        "name": interview.candidate or "[your name]",
        "company": interview.company or "the company",
        "interviewers": join_names(interview.interviewers, "your interviewer(s)"),
        "contact": contact.name if contact and contact.name else "the hiring manager",
        "person": who.name if who and who.name else "your interviewer",
        "recruiter": recruiter or "your recruiter",
        "letters": letters,
    }
    fields["if_welcome"] = IF_WELCOME.format(**fields)
    return fields


@lru_cache(maxsize=64)
def describe_step(plan: Plan, step: PlannedStep) -> StepText:
    """Return the title, description and alarm text of a planned step.

    Cached: the calendar, the record's objects, UIDs and fingerprints all ask for the
    same step's words, and plans and steps are immutable values.
    """
    interview = plan.interview
    rule = rule_by_id(step.step_id)
    summary, todo = _texts(interview, step)
    fields = _fields(interview, step)
    parts = [todo.format(**fields)]
    if step.late:
        summary = LATE_SUMMARY.format(title=summary[:1].lower() + summary[1:])
        parts.insert(0, LATE_TODO)
    if step.is_all_day:
        parts[0] += "".join(f"\n- {dont}" for dont in QUIET_PERIOD_DONTS[interview.context])
    parts += _notes(plan, step, fields)
    parts.append(_timing(plan, step))
    why = rule.why[interview.context]
    parts.append("Why: " + " ".join(f'"{quote}"' for quote in why) + f" ({ARTICLE})")
    parts.append(_interview_line(interview))
    parts.append(NOTICE)
    title = summary.format(**fields)
    return StepText(title, "\n\n".join(part for part in parts if part), title)


def _texts(interview: Interview, step: PlannedStep) -> tuple[str, str]:
    """The step's title and what-to-do templates: the rule's, or a variant's."""
    rule = rule_by_id(step.step_id)
    if step.by_email:
        return EMAIL_DEBRIEF
    if step.rule_id == "check-in" and _phone_check_in(interview):
        return PHONE_CHECK_IN
    return rule.summary[interview.context], rule.todo[interview.context]


def _notes(plan: Plan, step: PlannedStep, fields: dict[str, str]) -> list[str]:
    """The step's extra paragraphs: the phone request, the hours, feedback-by, the draft."""
    interview, notes = plan.interview, []
    if (
        interview.context is Context.AGENCY
        and interview.phone_ok is not None
        and step.rule_id in ("recruiter-debrief", "check-in")
    ):
        person = interview.phone_ok.name or "The hiring manager"
        notes.append(AGENCY_PHONE_NOTE.format(**{**fields, "person": person}))
    if step.their_hours_only:
        own = plan.settings.own_hours
        notes.append(NO_OVERLAP.format(own=f"{own[0]:%H:%M}-{own[1]:%H:%M}"))
    if step.rule_id == "check-in" and interview.feedback_by is not None:
        notes.append(f"Feedback was promised by {interview.feedback_by:%a %d %b %Y}.")
    draft = step_draft(plan, step)
    if draft is not None:
        notes.append(f"Subject: {draft.subject}\n\nDraft:\n{draft.body}")
        if draft.mailto is not None:
            notes.append(f"Open this draft in your mail program:\n{draft.mailto}")
    return notes


def _phone_check_in(interview: Interview) -> bool:
    return interview.context is Context.DIRECT and interview.phone_ok is not None


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
