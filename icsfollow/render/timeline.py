"""The plan as people read it in a terminal: a day-by-day timeline within 80 columns."""

from __future__ import annotations

import textwrap
from datetime import date, datetime
from typing import NamedTuple

import click

from icsfollow.core.model import Plan, PlannedStep
from icsfollow.core.rules import StepKind
from icsfollow.core.zones import format_local, format_span, to_local
from icsfollow.render.describe import describe_step, format_skipped

__all__ = [
    "IMPORT_HINT",
    "Row",
    "Style",
    "format_timeline",
    "plan_title",
    "step_when",
    "timeline_days",
    "zones_note",
]

WIDTH = 80
IMPORT_HINT = (
    "Import it: Google Calendar (in a desktop browser) Settings > Import & export;\n"
    "Outlook File > Open & Export > Import/Export; Apple Calendar File > Import;\n"
    "Thunderbird Events and Tasks > Import."
)


class Style(NamedTuple):
    """How to draw: colour and symbols for a terminal, plain ASCII otherwise."""

    color: bool = False

    def marker(self, kind: StepKind) -> str:
        """The marker of a kind of step."""
        fancy = {StepKind.CONTACT: "☎", StepKind.OWN: "✎", StepKind.ALL_DAY: "☾"}
        plain = {StepKind.CONTACT: ">", StepKind.OWN: "*", StepKind.ALL_DAY: "~"}
        symbol = (fancy if self.color else plain)[kind]
        colors = {StepKind.CONTACT: "yellow", StepKind.OWN: "cyan", StepKind.ALL_DAY: "blue"}
        return self.paint(symbol, fg=colors[kind])

    def paint(self, text: str, **styles: str | bool) -> str:
        """Colour text when colour is on."""
        return click.style(text, **styles) if self.color else text  # type: ignore[arg-type]


class Row(NamedTuple):
    """One step on the timeline: its clock column, kind, title and notes."""

    clock: str
    kind: StepKind
    title: str
    notes: tuple[str, ...]


def timeline_days(plan: Plan) -> list[tuple[str, list[Row]]]:
    """Return the plan as dated groups of rows, in time order (the page and terminal share it)."""
    days: list[tuple[str, list[Row]]] = []
    for step in sorted(plan.steps, key=lambda step: _sort_key(plan, step)):
        header = _header(plan, step)
        if not days or days[-1][0] != header:
            days.append((header, []))
        title = describe_step(plan, step).summary
        days[-1][1].append(Row(_clock(plan, step), step.kind, title, _notes(plan, step)))
    return days


def format_timeline(plan: Plan, style: Style) -> list[str]:
    """Return the plan as a timeline: a header per date, then its steps in time order."""
    interview, zone = plan.interview, plan.interview.candidate_zone
    lines = [style.paint(line, bold=True) for line in textwrap.wrap(plan_title(plan), WIDTH)]
    if interview.contact_zone != zone:
        lines += textwrap.wrap(zones_note(plan), WIDTH)
    if interview.feedback_by is not None:
        lines.append(f"Feedback promised by {interview.feedback_by:%a %d %b %Y}.")
    for header, rows in timeline_days(plan):
        lines += ["", style.paint(header, bold=True, underline=True)]
        for row in rows:
            lines += _row_lines(row, style)
    legend = (StepKind.OWN, "your task"), (StepKind.CONTACT, "contact"), (StepKind.ALL_DAY, "wait")
    return [*lines, "", "   ".join(f"{style.marker(kind)} {text}" for kind, text in legend)]


def zones_note(plan: Plan) -> str:
    """Which clock the times are on, when the two people's zones differ."""
    zone, theirs = plan.interview.candidate_zone, plan.interview.contact_zone
    return f"Times are yours ({zone}); theirs ({theirs}) in brackets."


def step_when(plan: Plan, step: PlannedStep) -> str:
    """A step's day and time on the candidate's clock (and the contact's, when different)."""
    if not isinstance(step.start, datetime):
        return f"{_header(plan, step)}, all day"
    assert isinstance(step.end, datetime)
    zone, theirs = plan.interview.candidate_zone, plan.interview.contact_zone
    when = format_span(step.start, step.end, zone)
    if theirs != zone:
        when += f" ({to_local(step.start, theirs):%a %H:%M %Z} theirs)"
    return when


def plan_title(plan: Plan) -> str:
    """The plan's heading: company, context and the interview's time."""
    interview = plan.interview
    what = interview.company or "your interview"
    context = "direct hire" if interview.context.value == "direct" else "agency"
    when = format_local(interview.start, interview.candidate_zone)
    return f"Follow-up for {what} ({context}), interview {when}"


def _header(plan: Plan, step: PlannedStep) -> str:
    if isinstance(step.start, datetime):
        return f"{to_local(step.start, plan.interview.candidate_zone):%a %d %b %Y}"
    assert isinstance(step.end, date)
    last = date.fromordinal(step.end.toordinal() - 1)
    if last == step.start:
        return f"{step.start:%a %d %b %Y}"
    return f"{step.start:%a %d %b} to {last:%a %d %b %Y}"


def _row_lines(row: Row, style: Style) -> list[str]:
    lead = f"  {row.clock} {style.marker(row.kind)} "
    width = WIDTH - len(click.unstyle(lead))
    wrapped = textwrap.wrap(row.title, width) or [""]
    indent = " " * len(click.unstyle(lead))
    lines = [lead + wrapped[0]] + [indent + more for more in wrapped[1:]]
    for note in row.notes:
        lines += [indent + part for part in textwrap.wrap(note, width)]
    return lines


def _notes(plan: Plan, step: PlannedStep) -> tuple[str, ...]:
    notes = []
    if step.deadline is not None and not step.late:
        notes.append(f"deadline {format_local(step.deadline, plan.interview.candidate_zone)}")
    if step.their_hours_only:
        notes.append("their hours only: schedule the email for then, or call then")
    if step.moved_by:
        notes.append(f"skips {format_skipped(step.moved_by)}")
    return tuple(notes)


def _clock(plan: Plan, step: PlannedStep) -> str:
    if not isinstance(step.start, datetime) or not isinstance(step.end, datetime):
        return "all day".ljust(11)
    zone, theirs = plan.interview.candidate_zone, plan.interview.contact_zone
    clock = f"{to_local(step.start, zone):%H:%M}-{to_local(step.end, zone):%H:%M}"
    if theirs != zone:
        clock += f" ({to_local(step.start, theirs):%H:%M %Z})"
    return clock


def _sort_key(plan: Plan, step: PlannedStep) -> tuple[date, int, str]:
    if isinstance(step.start, datetime):
        local = to_local(step.start, plan.interview.candidate_zone)
        return local.date(), 1, local.strftime("%H:%M")
    assert isinstance(step.start, date)
    return step.start, 0, ""
