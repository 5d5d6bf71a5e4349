"""The plan as people read it in a terminal."""

from __future__ import annotations

from datetime import date, datetime

from icsfollow.describe import describe_step
from icsfollow.model import Plan, PlannedStep
from icsfollow.zones import format_local, to_local

__all__ = ["IMPORT_HINT", "format_plan", "step_when"]

IMPORT_HINT = (
    "Import it: Google Calendar (desktop browser) Settings > Import & export; "
    "Outlook File > Open & Export > Import/Export; Apple Calendar File > Import; "
    "Thunderbird Events and Tasks > Import."
)


def step_when(plan: Plan, step: PlannedStep) -> str:
    """A step's time on the candidate's clock (and the contact's, when different)."""
    if not isinstance(step.start, datetime) or not isinstance(step.end, datetime):
        assert isinstance(step.start, date) and isinstance(step.end, date)
        return f"{step.start:%a %d %b} up to {step.end:%a %d %b} (all day)"
    zone, contact_zone = plan.interview.candidate_zone, plan.interview.contact_zone
    when = f"{format_local(step.start, zone)}-{to_local(step.end, zone):%H:%M}"
    if contact_zone != zone:
        when += f" ({to_local(step.start, contact_zone):%a %H:%M %Z} theirs)"
    return when


def format_plan(plan: Plan) -> list[str]:
    """Return the plan's lines: one per step, in time order, with deadlines."""
    zone = plan.interview.candidate_zone
    lines = [f"Interview: {format_local(plan.interview.start, zone)}"]
    for step in sorted(plan.steps, key=lambda step: _sort_key(plan, step)):
        text = describe_step(plan, step)
        lines.append(f"  {step_when(plan, step)}  {text.summary}")
        if step.deadline is not None:
            lines.append(f"      deadline {format_local(step.deadline, zone)}")
    return lines


def _sort_key(plan: Plan, step: PlannedStep) -> str:
    if isinstance(step.start, datetime):
        return to_local(step.start, plan.interview.candidate_zone).isoformat()
    return step.start.isoformat() + "T00"
