"""The plan as a small self-contained HTML page: a button per step, no script, no network."""

from __future__ import annotations

import os
from html import escape
from urllib.parse import quote

from icsfollow.core.model import Plan, PlannedStep
from icsfollow.render.drafts import step_draft
from icsfollow.render.links import step_links
from icsfollow.render.timeline import Style, plan_title, step_when, timeline_days, zones_note
from icsfollow.render.urls import outlook_label

__all__ = ["render_page"]

STYLE = """
body{font:16px/1.45 system-ui,sans-serif;margin:0;padding:1em;color:#1b1b1b;background:#fafafa}
main{max-width:40em;margin:auto}
ol{padding-left:1.2em}
li{margin:0 0 1.2em}
h3{margin:.2em 0;font-size:1.05em}
.when{margin:.1em 0 .5em;color:#555}
a.button{display:inline-block;margin:.2em .4em .2em 0;padding:.6em 1em;border-radius:.4em;
background:#1a5fb4;color:#fff;text-decoration:none}
a.outlook{background:#0f6cbd}
pre{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:.8em;overflow-x:auto}
.plan{background:#fff;border:1px solid #ddd;padding:.6em .8em}
.plan h3{margin:.8em 0 .3em}
.row{display:grid;grid-template-columns:max-content 1.1em minmax(0,1fr);column-gap:.5em;
margin:.3em 0}
.clock{white-space:nowrap;font-variant-numeric:tabular-nums;color:#555}
.note{display:block;color:#555;font-size:.9em}
"""


def render_page(plan: Plan, ics_name: str | None = None, office365: bool = False) -> str:
    """Render the page: steps with add-to-calendar buttons, the draft, the timeline.

    Args:
        plan: The scheduler's plan.
        ics_name: The .ics file's path relative to the page, linked (percent-encoded)
            for download, if any.
        office365: Link to outlook.office.com instead of outlook.live.com.
    """
    title = f"Follow-up for {plan.interview.company or 'your interview'}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>",
        f"<body><main><h1>{escape(title)}</h1>",
        *_steps(plan, office365),
        "<h2>The plan</h2>",
        *_plan(plan),
        *_download(ics_name),
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _steps(plan: Plan, office365: bool) -> list[str]:
    outlook = outlook_label(office365)
    lines = ["<h2>Add each step to your calendar</h2>", "<ol>"]
    for step, links in zip(plan.steps, step_links(plan, office365), strict=True):
        lines += [
            f'<li class="step" id="{escape(links.step_id)}">',
            f"<h3>{escape(links.title)}</h3>",
            f'<p class="when">{escape(step_when(plan, step))}</p>',
            f'<p><a class="button google" href="{escape(links.google)}">Add to Google Calendar</a>',
            f'<a class="button outlook" href="{escape(links.outlook)}">Add to {outlook}</a></p>',
            *_draft(plan, step),
            "</li>",
        ]
    return [*lines, "</ol>"]


def _draft(plan: Plan, step: PlannedStep) -> list[str]:
    draft = step_draft(plan, step)
    if draft is None:
        return []
    lines = [f"<p>Subject: {escape(draft.subject)}</p>", f"<pre>{escape(draft.body)}</pre>"]
    if draft.mailto is not None:
        lines.append(
            f'<p><a class="button mailto" href="{escape(draft.mailto)}">Open the draft in your '
            "mail program</a></p>"
        )
    return lines


def _plan(plan: Plan) -> list[str]:
    """The timeline in columns (clock, marker, title) that keep their place on a phone."""
    style = Style()
    lines = ['<div class="plan">', f"<p><strong>{escape(plan_title(plan))}</strong></p>"]
    if plan.interview.contact_zone != plan.interview.candidate_zone:
        lines.append(f"<p>{escape(zones_note(plan))}</p>")
    for header, rows in timeline_days(plan):
        lines.append(f"<h3>{escape(header)}</h3>")
        for row in rows:
            notes = "".join(f'<span class="note">{escape(note)}</span>' for note in row.notes)
            lines.append(
                f'<div class="row"><span class="clock">{escape(row.clock.strip())}</span>'
                f'<span class="mark">{escape(style.marker(row.kind))}</span>'
                f'<span class="what">{escape(row.title)}{notes}</span></div>'
            )
    return [*lines, "</div>"]


def _download(ics_name: str | None) -> list[str]:
    if ics_name is None:
        return []
    href = escape(quote(os.fsencode(ics_name.replace(os.sep, "/"))))
    return [f'<p><a href="{href}" download>The whole plan as an .ics file</a></p>']
