"""Email drafts: one thank-you per addressed interviewer, the check-in and the last check-in."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from icsfollow.core.model import Interview, Person, Plan, PlannedStep
from icsfollow.core.rules import IF_WELCOME, Context
from icsfollow.core.rules_text import CHECK_IN_DRAFT, LAST_CHECK_IN_DRAFT, THANK_YOU_DRAFT
from icsfollow.core.zones import to_local
from icsfollow.render.greeting import greeting
from icsfollow.render.urls import mailto_link

__all__ = ["Draft", "check_in_addressee", "step_draft", "thank_you_subject"]


class Draft(NamedTuple):
    """An email to write: to whom, its subject, its body, and a mailto: when an address is known."""

    to: Person
    subject: str
    body: str
    mailto: str | None


def thank_you_subject(interview: Interview) -> str:
    """The thank-you email's subject line, as the article words it."""
    return f"Thank you from {_name(interview)}"


def check_in_addressee(interview: Interview) -> Person | None:
    """Whom a check-in goes to: the recruiter, else the hiring manager (the first addressed)."""
    if interview.context is Context.AGENCY:
        return interview.recruiter
    addressed = [person for person in interview.interviewers if person.email]
    people = addressed or list(interview.interviewers)
    return people[0] if people else None


def step_draft(plan: Plan, step: PlannedStep) -> Draft | None:
    """The email a step asks for, or None (letters, quiet periods, calls, no addressee)."""
    interview = plan.interview
    if step.rule_id == "thank-you-email" and step.person is not None:
        return _draft(step.person, thank_you_subject(interview), _thank_you_body(plan, step))
    if step.rule_id in ("check-in", "last-check-in"):
        return _check_in_draft(plan, step)
    return None


def _draft(person: Person, subject: str, body: str) -> Draft:
    return Draft(person, subject, body, mailto_link((person,), subject, body))


def _thank_you_body(plan: Plan, step: PlannedStep) -> str:
    interview = plan.interview
    assert step.person is not None and isinstance(step.start, datetime)
    zone = interview.candidate_zone
    met = to_local(interview.start, zone)
    same_day = to_local(step.start, zone).date() == met.date()
    body = THANK_YOU_DRAFT.format(
        greeting=greeting(step.person),
        day="today" if same_day else f"on {met:%A}",
        about=_about(interview),
        name=_name(interview),
    )
    if interview.context is Context.AGENCY:
        condition = IF_WELCOME.format(recruiter=_recruiter(interview))
        body = f"[Send {condition}; delete this line.]\n\n{body}"
    return body


def _check_in_draft(plan: Plan, step: PlannedStep) -> Draft | None:
    interview = plan.interview
    person = check_in_addressee(interview)
    calls = interview.context is Context.DIRECT and interview.phone_ok is not None
    if person is None or (calls and step.rule_id == "check-in"):
        return None
    texts = CHECK_IN_DRAFT if step.rule_id == "check-in" else LAST_CHECK_IN_DRAFT
    met = to_local(interview.start, interview.candidate_zone)
    body = texts[interview.context].format(
        greeting=greeting(person),
        about=_about(interview),
        day=f"{met:%A} {met.day} {met:%B}",
        name=_name(interview),
    )
    return _draft(person, f"Following up from {_name(interview)}", body)


def _about(interview: Interview) -> str:
    role = f" for the {interview.role} role" if interview.role else ""
    return role + (f" at {interview.company}" if interview.company else "")


def _name(interview: Interview) -> str:
    return interview.candidate or "[your name]"


def _recruiter(interview: Interview) -> str:
    return (
        interview.recruiter.name
        if interview.recruiter and interview.recruiter.name
        else ("your recruiter")
    )
