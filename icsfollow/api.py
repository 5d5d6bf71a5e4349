"""The library entry point: options in, a plan and its file out."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from icsfollow.core.model import Interview, Plan
from icsfollow.core.naming import interview_slug
from icsfollow.core.schedule import schedule_steps
from icsfollow.inputs.options import PlanOptions, build_interview, build_settings

__all__ = ["PlanResult", "default_file_name", "make_plan"]


class PlanResult(NamedTuple):
    """A plan, its warnings, and its calendar file."""

    plan: Plan
    warnings: tuple[str, ...]
    ics: bytes


def make_plan(options: PlanOptions, now: datetime) -> PlanResult:
    """Check the options, schedule the steps and render the calendar.

    Raises:
        InputError: For a value that cannot be used.
    """
    from icsfollow.render.ics import render_calendar

    interview, warnings = build_interview(options, now)
    settings, more = build_settings(options, interview.contact_zone)
    plan = schedule_steps(interview, settings, now)
    all_warnings = (*warnings, *more, *plan.warnings)
    return PlanResult(plan, all_warnings, render_calendar(plan))


def default_file_name(interview: Interview) -> str:
    """``followup-<company-slug>-<YYYY-MM-DD>.ics`` (the interview's local date)."""
    return f"followup-{interview_slug(interview)}.ics"
