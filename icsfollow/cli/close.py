"""``icsfollow close``: the answer came; withdraw the steps still ahead."""

from __future__ import annotations

from pathlib import Path

import click

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.config import ConfiguredCommand
from icsfollow.cli.recorded import (
    change_options,
    change_run_of,
    deletion_lines,
    echo_paths,
    run_now,
)
from icsfollow.cli.sync import push_after_commit, push_option

__all__ = ["close"]

OUTCOMES = ("offer", "rejected", "withdrew", "heard-back")


@click.command(cls=ConfiguredCommand, context_settings=CONTEXT_SETTINGS)
@click.argument("interview_id", metavar="ID")
@click.option(
    "--outcome",
    type=click.Choice(OUTCOMES),
    required=True,
    help="heard-back: feedback came and a next round is expected (only the check-ins go).",
)
@click.option("--note", metavar="TEXT", help="A note to keep with the record.")
@change_options
@push_option
def close(
    interview_id: str,
    outcome: str,
    note: str | None,
    output_dir: Path | None,
    force: bool,
    feed: str | None,
    now_text: str | None,
    push: bool,
) -> None:
    """Close an interview: withdraw its steps still ahead and write a cancel file.

    It prints those steps as the events to delete, and writes
    followup-<id>-cancel.ics for the calendars that apply it.

    \b
    Examples:
        icsfollow close acme-2026-05-12 --outcome offer
        icsfollow close acme --outcome heard-back --note "second round on the 20th"
    """
    from icsfollow.render.notices import close_instructions
    from icsfollow.store.revise import close as close_record
    from icsfollow.store.runs import change_run

    with errors_as_click():
        now = run_now(now_text)
        row, closing, written = change_run(
            interview_id,
            lambda db, row: close_record(db, row, outcome, note, now),
            lambda closing: closing.files,
            "cancel",
            change_run_of(output_dir, force, feed),
            now,
        )
    kept = (
        " (thank-yous stay; plan the next round when it is set)" if outcome == "heard-back" else ""
    )
    count = len(closing.withdrawn)
    click.echo(f"Closed {row.id}: {outcome}, {count} step{'s' * (count != 1)} withdrawn{kept}.")
    if closing.withdrawn:
        click.echo("Delete these events from your calendar:")
        for line in deletion_lines(closing.withdrawn, row.candidate_zone):
            click.echo(line)
    echo_paths(written)
    for line in close_instructions(written[0].name if written else None):
        click.echo(line)
    if push:
        push_after_commit()
