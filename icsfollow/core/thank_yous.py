"""The candidate's own tasks after the interview: one thank-you email each, the letter, LinkedIn.

Pure: no clock, no files, no click, no icalendar.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from icsfollow.core.hours import OwnHours
from icsfollow.core.model import Interview, Person, PlannedStep
from icsfollow.core.rules import LATE_LIMIT, THANK_YOU_WINDOW, StepRule, per_person_id, rule_by_id
from icsfollow.core.zones import format_local

__all__ = ["Chain", "OwnTask", "own_slot", "own_tasks", "place_chain"]


class OwnTask(NamedTuple):
    """An own task to place: its step id, its rule, and whom it is for."""

    step_id: str
    rule: StepRule
    person: Person | None = None


class Chain(NamedTuple):
    """Own tasks placed one after the other, and the warnings of those left out."""

    steps: tuple[PlannedStep, ...]
    warnings: tuple[str, ...]

    @property
    def score(self) -> tuple[int, int]:
        """How well the chain keeps the deadlines: steps on time, then steps placed."""
        return sum(not step.late for step in self.steps), len(self.steps)


def own_tasks(interview: Interview) -> list[OwnTask]:
    """The own tasks whose condition holds, in plan order: one email per addressed person."""
    email = rule_by_id("thank-you-email")
    addressed = [person for person in interview.interviewers if person.email]
    tasks = [
        OwnTask(per_person_id(email.step_id, number), email, person)
        for number, person in enumerate(addressed, start=1)
    ]
    tasks.append(OwnTask("thank-you-letter", rule_by_id("thank-you-letter")))
    if interview.linkedin_ok is not None:
        tasks.append(
            OwnTask("linkedin-connect", rule_by_id("linkedin-connect"), interview.linkedin_ok)
        )
    return tasks


def place_chain(
    interview: Interview,
    own: OwnHours,
    tasks: list[OwnTask],
    now: datetime,
    client_after: datetime | None = None,
) -> Chain:
    """Place own tasks one after another; late, or left out, past the deadline.

    The first starts at the interview end + 30 min; a task that reaches the client
    starts no earlier than ``client_after`` (the end of the agency's debrief). A task
    that cannot end by its deadline (the interview end + 24 h) is sent late, in the
    first own-hours slot it can, if that ends within 3 days of the deadline.
    """
    deadline = interview.end + THANK_YOU_WINDOW
    steps: list[PlannedStep] = []
    warnings: list[str] = []
    anchor = interview.end + tasks[0].rule.offset if tasks else interview.end
    for task in tasks:
        assert task.rule.length is not None
        earliest = max(anchor, now)
        if client_after is not None and task.rule.reaches_client:
            earliest = max(earliest, client_after)
        start = own_slot(own, earliest, task.rule.length, deadline)
        late = start is None
        if start is None:
            start = own_slot(own, earliest, task.rule.length, deadline + LATE_LIMIT)
        if start is None:
            warnings.append(_left_out(task.step_id, deadline, interview.candidate_zone))
            continue
        end = start + task.rule.length
        steps.append(
            PlannedStep(
                task.step_id, task.rule.kind, start, end, deadline, person=task.person, late=late
            )
        )
        anchor = end
    return Chain(tuple(steps), tuple(warnings))


def own_slot(
    own: OwnHours, earliest: datetime, length: timedelta, limit: datetime
) -> datetime | None:
    """First own-hours start that still ends by ``limit``; else right away; else None."""
    for start in (own.first_start(earliest, length), earliest):
        if start + length <= limit:
            return start
    return None


def _left_out(step_id: str, deadline: datetime, zone: str) -> str:
    when = format_local(deadline, zone)
    return (
        f"{step_id} left out: its deadline, {when}, passed more than "
        f"{LATE_LIMIT.days} days ago or leaves no time"
    )
