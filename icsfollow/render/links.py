"""Planned steps into add-to-calendar links, one pair per step."""

from __future__ import annotations

from typing import NamedTuple

from icsfollow.core.model import Plan
from icsfollow.render.describe import describe_step
from icsfollow.render.describe import thank_you_mailto as draft_mailto
from icsfollow.render.urls import google_link, outlook_label, outlook_link

__all__ = ["StepLinks", "format_links", "step_links", "thank_you_mailto"]


class StepLinks(NamedTuple):
    """One step's title and its add-to-calendar links."""

    step_id: str
    title: str
    google: str
    outlook: str


def step_links(plan: Plan, office365: bool = False) -> list[StepLinks]:
    """Both add-to-calendar links of every step, carrying the event's title, times and text."""
    links = []
    for step in plan.steps:
        text = describe_step(plan, step)
        google = google_link(text.summary, text.description, step, plan.interview.candidate_zone)
        outlook = outlook_link(text.summary, text.description, step, office365)
        links.append(StepLinks(step.step_id, text.summary, google, outlook))
    return links


def thank_you_mailto(plan: Plan) -> str | None:
    """The thank-you email as a mailto: link, when the plan has that step."""
    if not any(step.step_id == "thank-you-email" for step in plan.steps):
        return None
    return draft_mailto(plan.interview)


def format_links(plan: Plan, office365: bool = False) -> list[str]:
    """The links as terminal lines: a title per step, then its two links."""
    lines = []
    for links in step_links(plan, office365):
        lines += ["", f"{links.step_id}: {links.title}"]
        lines += [f"  Add to Google Calendar: {links.google}"]
        lines += [f"  Add to {outlook_label(office365)}: {links.outlook}"]
    mailto = thank_you_mailto(plan)
    if mailto is not None:
        lines += ["", f"Thank-you email draft: {mailto}"]
    return lines
