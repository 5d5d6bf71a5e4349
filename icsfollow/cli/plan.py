"""``icsfollow plan``: parse the options, call the library, write the file."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.config import ConfiguredCommand
from icsfollow.cli.recorded import CALENDAR_APPS, RecordRequest, record_and_write
from icsfollow.cli.sync import push_after_commit, push_option
from icsfollow.cli.writing import OutputRequest, check_request, write_outputs
from icsfollow.core.rules import DEFAULTS

if TYPE_CHECKING:
    from icsfollow.api import PlanResult

__all__ = ["plan"]

OUTPUT_FLAGS = ("force", "dry_run", "split", "links", "links_only", "office365")


@click.command(cls=ConfiguredCommand, context_settings=CONTEXT_SETTINGS)
@click.argument("when")
@click.option(
    "--context",
    type=click.Choice(["direct", "agency"]),
    required=True,
    envvar="ICSFOLLOW_CONTEXT",
    help="direct: interviewed with the company; agency: placed by a recruiter.",
)
@click.option(
    "--duration",
    type=click.IntRange(1, DEFAULTS.max_duration_minutes),
    default=DEFAULTS.duration_minutes,
    show_default=True,
    envvar="ICSFOLLOW_DURATION",
    metavar="MINUTES",
    help="How long the interview lasted.",
)
@click.option(
    "--tz", envvar="ICSFOLLOW_TZ", metavar="ZONE", help="Your IANA zone (default: the system's)."
)
@click.option(
    "--their-tz",
    envvar="ICSFOLLOW_THEIR_TZ",
    metavar="ZONE",
    help="The contact's zone (default: --tz).",
)
@click.option(
    "--name", default="", envvar="ICSFOLLOW_NAME", help="Your name, for 'Thank you from <name>'."
)
@click.option("--company", default="", help="The company you interviewed with.")
@click.option("--role", default="", help="The role you interviewed for.")
@click.option(
    "--interviewer",
    "interviewers",
    multiple=True,
    metavar='"NAME <EMAIL>"',
    help="Repeatable. Give the email only if they gave it to you.",
)
@click.option("--recruiter", metavar='"NAME <EMAIL>"', help="Your recruiter (agency only).")
@click.option("--agency-name", default="", help="The agency's name (agency only).")
@click.option("--feedback-by", metavar="DATE", help="When feedback was promised.")
@click.option("--phone-ok", is_flag=True, help="The hiring manager asked for a call.")
@click.option("--linkedin-ok", is_flag=True, help="The interviewer asked you to connect.")
@click.option(
    "--hours",
    default=DEFAULTS.hours_text,
    show_default=True,
    envvar="ICSFOLLOW_HOURS",
    metavar="HH:MM-HH:MM",
    help="The contact's business hours, in --their-tz.",
)
@click.option(
    "--country",
    envvar="ICSFOLLOW_COUNTRY",
    metavar="CODE|none",
    help="Holiday country (default: from --their-tz; none: no holidays).",
)
@click.option(
    "--check-in-after",
    type=click.IntRange(DEFAULTS.min_check_in_after, DEFAULTS.max_check_in_after),
    default=DEFAULTS.check_in_after,
    show_default=True,
    envvar="ICSFOLLOW_CHECK_IN_AFTER",
    metavar="N",
    help="Working days without word before the check-in.",
)
@click.option(
    "--alarm",
    default=str(DEFAULTS.alarm_minutes),
    show_default=True,
    envvar="ICSFOLLOW_ALARM",
    metavar="MINUTES|none",
    help=f"Reminder before each timed step (0-{DEFAULTS.max_alarm_minutes}), or none.",
)
@click.option(
    "--dayfirst", is_flag=True, envvar="ICSFOLLOW_DAYFIRST", help="Read 01/02 as 1 February."
)
@click.option(
    "-o",
    "--output",
    metavar="PATH|-",
    help="Where to write (default: followup-<company>-<date>.ics in --output-dir; -: stdout).",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="ICSFOLLOW_OUTPUT_DIR",
    metavar="DIR",
    help="The folder for the default file name (default: the current folder).",
)
@click.option("--force", is_flag=True, help="Replace an existing file.")
@click.option("--dry-run", is_flag=True, help="Show the plan; write nothing.")
@click.option(
    "--split",
    is_flag=True,
    help="Write one single-event .ics per step into a folder (for Outlook).",
)
@click.option(
    "--links",
    type=click.Choice(["text", "html"]),
    is_flag=False,
    flag_value="text",
    help="Print add-to-calendar links per step, or write them as an HTML page (html).",
)
@click.option("--links-only", is_flag=True, help="Print the links; write no file.")
@click.option(
    "--outlook-365", "office365", is_flag=True, help="Link to outlook.office.com (Microsoft 365)."
)
@click.option(
    "--record/--no-record",
    default=True,
    envvar="ICSFOLLOW_RECORD",
    help="Keep the plan in the record, to reschedule or close it later.  [default: record]",
)
@click.option("--new", is_flag=True, help="Record a separate interview, even on a known date.")
@click.option(
    "--calendar-app",
    type=click.Choice(CALENDAR_APPS),
    envvar="ICSFOLLOW_CALENDAR_APP",
    help="The calendar you import into (apple, evolution: reschedule updates in place).",
)
@click.option(
    "--feed",
    metavar="PATH",
    envvar="ICSFOLLOW_FEED",
    help="Also rewrite this subscription feed of every plan.",
)
@push_option
@click.option(
    "--now",
    "now_text",
    metavar="DATETIME",
    help="The reference now, ISO 8601 with offset or Z (default: the clock).",
)
def plan(
    when: str,
    output: str | None,
    output_dir: Path | None,
    now_text: str | None,
    record: bool,
    new: bool,
    calendar_app: str | None,
    feed: str | None,
    push: bool,
    **raw: Any,
) -> None:
    """Plan the follow-up of one interview and write it as an .ics file.

    WHEN is the interview's start in your zone: "2026-11-24 14:00", "Nov 24 2pm",
    "11/24 2pm", "today 14:00", "yesterday 3pm" or "now".

    \b
    Examples:
        icsfollow plan "2026-11-24 14:00" --context direct --name "Joe Smith" \\
            --company Acme --interviewer "Dana Lee <dana@acme.example>"
        icsfollow plan "yesterday 3pm" --context agency --company Acme \\
            --recruiter "Sam Ortiz <sam@staffing.example>" -o -
    """
    from icsfollow.api import default_file_name, make_plan
    from icsfollow.inputs.options import PlanOptions
    from icsfollow.render.timeline import IMPORT_HINT, Style, format_timeline

    outputs = {key: raw.pop(key) for key in OUTPUT_FLAGS}
    with errors_as_click():
        tz = raw.pop("tz")
        tz = _system_zone() if tz is None else tz
        options = PlanOptions(when=when, tz=tz, **raw)
        now = _now(now_text)
        result = make_plan(options, now)
        path = _target(output, output_dir, default_file_name(result.plan.interview))
        request = OutputRequest(path, to_stdout=output == "-", **outputs)
        check_request(request)
        for warning in result.warnings:
            click.echo(f"Warning: {warning}", err=True)
        if record and request.writes_files:
            recorded = RecordRequest(new, calendar_app, feed)
            written, saved = record_and_write(result, options, request, now, recorded)
        else:
            written, saved = write_outputs(result, request), []
    to_stderr = request.to_stdout and request.writes_files
    style = Style(color=_wants_color(to_stderr))
    for line in format_timeline(result.plan, style):
        click.echo(line, err=to_stderr, color=style.color)
    if request.prints_links:
        _echo_links(result, request.office365, to_stderr)
    for path in written:
        click.echo(f"Wrote {path}{'/' if path.is_dir() else ''}")
    if written:
        click.echo(IMPORT_HINT, err=to_stderr)
    for line in saved:
        click.echo(line, err=to_stderr)
    if push and saved:
        push_after_commit()


def _echo_links(result: PlanResult, office365: bool, to_stderr: bool) -> None:
    from icsfollow.render.links import format_links

    for line in format_links(result.plan, office365):
        click.echo(line, err=to_stderr)


def _target(output: str | None, output_dir: Path | None, file_name: str) -> Path:
    if output:
        return Path(output)
    return output_dir.expanduser() / file_name if output_dir else Path(file_name)


def _wants_color(to_stderr: bool) -> bool:
    stream = sys.stderr if to_stderr else sys.stdout
    return stream.isatty() and "NO_COLOR" not in os.environ


def _now(text: str | None) -> datetime:
    from icsfollow.inputs.parse import parse_instant
    from icsfollow.inputs.system import run_now

    return run_now() if text is None else parse_instant("--now", text)


def _system_zone() -> str:
    from icsfollow.inputs.system import system_zone

    zone = system_zone()
    if zone is None:
        click.echo("Warning: could not find the system's time zone; using UTC (set --tz)", err=True)
        return "UTC"
    return zone
