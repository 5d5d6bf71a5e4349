"""``icsfollow reschedule``: re-plan a recorded interview and write what changed."""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.config import ConfiguredCommand
from icsfollow.cli.console import say
from icsfollow.cli.plan import OUTPUT_FLAGS, one_recruiter, plan
from icsfollow.cli.recorded import (
    IN_PLACE_APPS,
    change_options,
    change_run_of,
    deletion_lines,
    echo_paths,
    run_now,
)
from icsfollow.cli.sync import push_after_commit, push_option

if TYPE_CHECKING:
    from icsfollow.store.record import InterviewRow
    from icsfollow.store.revise import Revision

__all__ = ["reschedule"]

# The plan options that are not inputs of the plan itself.
NOT_PLANNING = frozenset(
    ["when", "output", "output_dir", "record", "new", "calendar_app", "feed", "now_text",
     "help", "push", *OUTPUT_FLAGS]
)  # fmt: skip


def planning_options() -> list[click.Parameter]:
    """Plan's input options, optional here: only those given change the recorded plan."""
    options: list[click.Parameter] = []
    for param in plan.params:
        if param.name in NOT_PLANNING or not isinstance(param, click.Option):
            continue
        option = copy.copy(param)
        option.required, option.default, option.show_default = False, None, False
        option.envvar = None
        # Plan's defaults do not apply here: what is not given stays as recorded.
        option.help = re.sub(r"\s*\(default:[^)]*\)", "", option.help or "")
        options.append(option)
    return options


@click.command(cls=ConfiguredCommand, context_settings=CONTEXT_SETTINGS)
@click.argument("interview_id", metavar="ID")
@click.argument("when")
@click.option(
    "--in-place/--new-uids",
    "in_place",
    default=None,
    help="Changed steps under their first UIDs, SEQUENCE+1, for Apple Calendar and Evolution "
    "(default: with --calendar-app or calendar_app apple/evolution).",
)
@click.option(
    "--no-phone-ok", is_flag=True, help="Nobody asked for a call any more: check in by email."
)
@click.option("--no-linkedin-ok", is_flag=True, help="Drop the LinkedIn request.")
@change_options
@push_option
@click.pass_context
def reschedule(
    ctx: click.Context,
    /,
    interview_id: str,
    when: str,
    in_place: bool | None,
    no_phone_ok: bool,
    no_linkedin_ok: bool,
    output_dir: Path | None,
    force: bool,
    feed: str | None,
    now_text: str | None,
    push: bool,
    **raw: Any,
) -> None:
    """Re-plan an interview that moved, and write the changed steps as an update file.

    ID is the id printed by plan (acme-2026-05-12), a unique prefix or the company.
    WHEN is the new start; any plan option given changes that input, the rest stay.
    It prints the old events to delete before importing the update.

    \b
    Examples:
        icsfollow reschedule acme-2026-05-12 "2026-05-14 15:00"
        icsfollow reschedule acme "2026-05-14 15:00" --in-place
        icsfollow reschedule acme "2026-05-12 11:00" --feedback-by 2026-05-20
        icsfollow reschedule acme "2026-05-12 11:00" --no-phone-ok
    """
    from icsfollow.store.revise import reschedule as revise
    from icsfollow.store.revise import saved_calendar_app
    from icsfollow.store.runs import change_run

    given = {
        name: value
        for name, value in raw.items()
        if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE
    }
    given.update(_turned_off(given, phone_ok=no_phone_ok, linkedin_ok=no_linkedin_ok))
    default_app = os.environ.get("ICSFOLLOW_CALENDAR_APP") or (ctx.default_map or {}).get(
        "calendar_app"
    )

    def in_place_for(row: InterviewRow) -> bool:
        if in_place is not None:
            return in_place
        return (saved_calendar_app(row) or default_app) in IN_PLACE_APPS

    with errors_as_click():
        if "recruiters" in given:
            given["recruiter"] = one_recruiter(given.pop("recruiters"))
        now = run_now(now_text)
        change_run(
            interview_id,
            lambda db, row: revise(db, row, {**given, "when": when}, now, in_place_for(row)),
            lambda revision: revision.files,
            "update",
            change_run_of(output_dir, force, feed),
            now,
            _report,
        )
    if push:
        push_after_commit()


reschedule.params[2:2] = planning_options()


def _turned_off(given: dict[str, Any], **off: bool) -> dict[str, None]:
    """The recorded asks that ``--no-phone-ok`` / ``--no-linkedin-ok`` withdraw.

    Raises:
        click.UsageError: When an option and its ``--no-`` form are both given.
    """
    for name, flag in off.items():
        if flag and name in given:
            option = name.replace("_", "-")
            raise click.UsageError(f"--{option} and --no-{option} cannot be used together")
    return {name: None for name, flag in off.items() if flag}


def _report(row: InterviewRow, revision: Revision, written: list[Path]) -> None:
    from icsfollow.render.notices import change_summary, reschedule_instructions
    from icsfollow.render.timeline import Style, format_timeline

    for warning in revision.warnings:
        say(f"Warning: {warning}", err=True)
    for line in format_timeline(revision.plan, Style()):
        say(line)
    say(change_summary(row.id, revision.changes))
    zone = revision.plan.interview.candidate_zone
    if revision.replaced:
        say(
            "The old events (delete them first where the file says so):"
            if written
            else "Delete these events from your calendar:"
        )
        for line in deletion_lines(revision.replaced, zone):
            say(line)
    echo_paths(written)
    for line in reschedule_instructions([path.name for path in written], revision.in_place):
        say(line)
