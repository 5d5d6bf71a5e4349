"""``icsfollow plan``: parse the options, call the library, write the file."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.config import ConfiguredCommand
from icsfollow.cli.console import say
from icsfollow.cli.process import interruptible, outputs_final
from icsfollow.cli.recorded import CALENDAR_APPS, RecordRequest, record_plan_outputs
from icsfollow.cli.sync import push_after_commit, push_option
from icsfollow.cli.writing import OutputRequest, add_outputs, check_request
from icsfollow.core.rules import DEFAULTS
from icsfollow.errors import OutputError
from icsfollow.inputs.paths import expand_home

if TYPE_CHECKING:
    from icsfollow.api import PlanResult

__all__ = ["OUTPUT_FLAGS", "one_recruiter", "plan"]

OUTPUT_FLAGS = ("force", "dry_run", "split", "links", "links_only", "office365", "page")


class ContextChoice(click.Choice[str]):
    """``direct`` or ``agency``, in any case; a missing one is named on one line."""

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None) -> str:
        """Say what to add, on one line."""
        return "Add --context direct (you met the company) or --context agency (a recruiter)"


@click.command(
    cls=ConfiguredCommand, context_settings={**CONTEXT_SETTINGS, "allow_extra_args": True}
)
@click.argument("when")
@click.option(
    "--context",
    type=ContextChoice(["direct", "agency"], case_sensitive=False),
    required=True,
    envvar="ICSFOLLOW_CONTEXT",
    help="direct: interviewed with the company; agency: placed by a recruiter.",
)
@click.option(
    "--duration",
    default=str(DEFAULTS.duration_minutes),
    show_default=True,
    envvar="ICSFOLLOW_DURATION",
    metavar="LENGTH",
    help="How long the interview lasted: minutes (45), 90m, 1h or 1h30.",
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
@click.option(
    "--recruiter",
    "recruiters",
    multiple=True,
    metavar='"NAME <EMAIL>"',
    help="Your recruiter (agency only).",
)
@click.option("--agency-name", default="", help="The agency's name (agency only).")
@click.option(
    "--feedback-by",
    metavar="DATE",
    help="When feedback was promised: a date, 'friday', 'next monday'.",
)
@click.option(
    "--phone-ok",
    is_flag=False,
    flag_value="",
    metavar="[NAME]",
    help="NAME (default: the first --interviewer) asked for a call: direct, the check-in "
    "calls them; agency, ask your recruiter first.",
)
@click.option(
    "--linkedin-ok",
    is_flag=False,
    flag_value="",
    metavar="[NAME]",
    help="NAME (default: the first --interviewer) asked you to connect on LinkedIn.",
)
@click.option(
    "--hours",
    default=DEFAULTS.hours_text,
    show_default=True,
    envvar="ICSFOLLOW_HOURS",
    metavar="HOURS",
    help="The contact's business hours, in --their-tz: 09:00-17:00, 9-5, 9am-5pm.",
)
@click.option(
    "--country",
    envvar="ICSFOLLOW_COUNTRY",
    metavar="CODE|none",
    help="Holiday country or region: GB, US, AU-NSW (default: from --their-tz; none: none).",
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
    "--last-check-in-after",
    type=click.IntRange(0, DEFAULTS.max_last_check_in_after),
    default=DEFAULTS.last_check_in_after,
    show_default=True,
    envvar="ICSFOLLOW_LAST_CHECK_IN_AFTER",
    metavar="N",
    help="Working days after the check-in for a last one (0: none).",
)
@click.option(
    "--own-hours",
    default=DEFAULTS.own_hours_text,
    show_default=True,
    envvar="ICSFOLLOW_OWN_HOURS",
    metavar="HOURS",
    help="Your own hours, in --tz (08:00-21:00, 8am-9pm): tasks, and calls when both can.",
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
    "--dayfirst/--monthfirst",
    default=None,
    envvar="ICSFOLLOW_DAYFIRST",
    help="Read 01/02 as 1 February / as January 2 (default: as --tz's country writes dates).",
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
@click.option(
    "--page",
    metavar="PATH",
    help="Where --links html writes the page (default: beside the .ics; needed with -o -).",
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

    WHEN is the interview's start in your zone (quote it): "2026-11-24 14:00",
    "Nov 24 2pm", "24/11 14:00" (your country's order), "today 14:00", "10am tomorrow",
    "friday 2pm", "last friday 2pm", "11:00 EDT", "11:00 +01:00" or "now".

    \b
    Examples:
        icsfollow plan "2026-11-24 14:00" --context direct --name "Joe Smith" \\
            --company Acme --interviewer "Dana Lee <dana@acme.example>"
        icsfollow plan "yesterday 3pm" --context agency --company Acme \\
            --recruiter "Sam Ortiz <sam@staffing.example>" -o -
    """
    from icsfollow.api import default_file_name, make_plan
    from icsfollow.inputs.options import PlanOptions
    from icsfollow.output import OutputSet

    outputs = {key: raw.pop(key) for key in OUTPUT_FLAGS}
    with errors_as_click():
        _check_one_when(when, click.get_current_context().args)
        raw["recruiter"] = one_recruiter(raw.pop("recruiters"))
        tz = raw.pop("tz")
        tz = _system_zone() if tz is None else tz
        options = PlanOptions(when=when, tz=tz, **raw)
        now = _now(now_text)
        result = make_plan(options, now)
        path = _target(output, output_dir, default_file_name(result.plan.interview))
        page = outputs.pop("page")
        page = expand_home("--page", page) if page else None
        request = OutputRequest(path, to_stdout=output == "-", page=page, **outputs)
        check_request(request)
        for warning in result.warnings:
            say(f"Warning: {warning}", err=True)
        with OutputSet() as files:
            add_outputs(files, result, request)
            if record and request.writes_files:
                recorded = RecordRequest(new, calendar_app, feed)
                report = partial(_report, result, request)
                record_plan_outputs(files, result, options, now, recorded, report)
            else:
                _report(result, request, files.place())
            outputs_final()
    if push and record and request.writes_files:
        interruptible()
        push_after_commit(err=request.to_stdout)


def _report(
    result: PlanResult, request: OutputRequest, written: list[Path], saved: Sequence[str] = ()
) -> None:
    """Print the plan, links, written paths and the record's lines (stderr with ``-o -``)."""
    from icsfollow.render.timeline import IMPORT_HINT, Style, format_timeline

    to_stderr = request.to_stdout and request.writes_files
    style = Style(color=_wants_color(to_stderr))
    for line in format_timeline(result.plan, style):
        say(line, err=to_stderr, color=style.color)
    if request.prints_links:
        _echo_links(result, request.office365, to_stderr)
    for path in written:
        say(f"Wrote {path}{os.sep if path.is_dir() else ''}", err=to_stderr)
    if request.calendar_path is not None and written:
        say(IMPORT_HINT, err=to_stderr)
    for line in saved:
        say(line, err=to_stderr)


def _check_one_when(when: str, extra: list[str]) -> None:
    """WHEN split over several arguments (``plan Dec 1 11am``): ask for quotes."""
    from icsfollow.errors import InputError

    if extra:
        whole = " ".join([when, *extra])
        raise InputError(
            "WHEN", whole, f'is split over {len(extra) + 1} arguments; quote it: "{whole}"'
        )


def one_recruiter(recruiters: tuple[str, ...]) -> str | None:
    """The one ``--recruiter`` given, if any.

    Raises:
        InputError: When ``--recruiter`` is repeated.
    """
    from icsfollow.errors import InputError

    if len(recruiters) > 1:
        raise InputError("--recruiter", recruiters[1], "repeats --recruiter; give one recruiter")
    return recruiters[0] if recruiters else None


def _echo_links(result: PlanResult, office365: bool, to_stderr: bool) -> None:
    from icsfollow.render.links import format_links

    for line in format_links(result.plan, office365):
        say(line, err=to_stderr)


def _target(output: str | None, output_dir: Path | None, file_name: str) -> Path:
    if output:
        if output.endswith(("/", os.sep)):
            example = Path(output) / "followup.ics"
            raise OutputError(f"{output} is a folder; give a file name, e.g. {example}")
        return expand_home("--output", output)
    return expand_home("--output-dir", output_dir) / file_name if output_dir else Path(file_name)


def _wants_color(to_stderr: bool) -> bool:
    stream = sys.stderr if to_stderr else sys.stdout
    return stream is not None and stream.isatty() and "NO_COLOR" not in os.environ


def _now(text: str | None) -> datetime:
    from icsfollow.inputs.bounds import within_years
    from icsfollow.inputs.parse import parse_instant
    from icsfollow.inputs.system import run_now

    if text is None:
        return within_years("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", ""), run_now)
    return within_years("--now", text, lambda: parse_instant("--now", text))


def _system_zone() -> str:
    from icsfollow.inputs.system import find_system_zone

    found = find_system_zone()
    if found.note:
        say(f"Warning: {found.note} (set --tz)", err=True)
    elif found.zone is None:
        say("Warning: could not find the system's time zone; using UTC (set --tz)", err=True)
    return found.zone or "UTC"
