"""Planned steps into add-to-calendar links, one pair per step, and their email drafts."""

from __future__ import annotations

from typing import NamedTuple

from icsfollow.core.model import Plan
from icsfollow.render.describe import describe_step
from icsfollow.render.drafts import step_draft
from icsfollow.render.urls import google_link, outlook_label, outlook_link

__all__ = ["StepLinks", "format_links", "step_links"]


class StepLinks(NamedTuple):
    """One step's title and its add-to-calendar links."""

    step_id: str
    title: str
    google: str
    outlook: str
    mailto: str | None = None


def step_links(plan: Plan, office365: bool = False) -> list[StepLinks]:
    """Both add-to-calendar links of every step, carrying the event's title, times and text."""
    links = []
    for step in plan.steps:
        text = describe_step(plan, step)
        google = google_link(text.summary, text.description, step, plan.interview.candidate_zone)
        outlook = outlook_link(text.summary, text.description, step, office365)
        draft = step_draft(plan, step)
        mailto = draft.mailto if draft else None
        links.append(StepLinks(step.step_id, text.summary, google, outlook, mailto))
    return links


def format_links(plan: Plan, office365: bool = False) -> list[str]:
    """The links as terminal lines: a title per step, then its two links."""
    lines = []
    for links in step_links(plan, office365):
        lines += ["", f"{links.step_id}: {links.title}"]
        lines += [f"  Add to Google Calendar: {links.google}"]
        lines += [f"  Add to {outlook_label(office365)}: {links.outlook}"]
        if links.mailto is not None:
            lines += [f"  Email draft: {links.mailto}"]
    return lines
