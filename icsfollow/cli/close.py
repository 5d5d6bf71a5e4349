"""``icsfollow close``: the answer came; withdraw the steps still ahead."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.config import ConfiguredCommand
from icsfollow.cli.console import say
from icsfollow.cli.recorded import (
    change_options,
    change_run_of,
    deletion_lines,
    echo_paths,
    run_now,
)
from icsfollow.cli.sync import push_after_commit, push_option

if TYPE_CHECKING:
    from icsfollow.store.revise import Closing
    from icsfollow.store.rows import InterviewRow

__all__ = ["close"]

OUTCOMES = ("offer", "rejected", "withdrew", "heard-back")


@click.command(cls=ConfiguredCommand, context_settings=CONTEXT_SETTINGS)
@click.argument("interview_id", metavar="ID")
@click.option(
    "--outcome",
    type=click.Choice(OUTCOMES),
    required=True,
    help="heard-back: feedback came and a next round is expected (the check-ins and quiet "
    "periods go; the thank-yous stay).",
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

    def report(row: InterviewRow, closing: Closing, written: list[Path]) -> None:
        kept = " (thank-yous stay; plan the next round when it is set)"
        count = len(closing.withdrawn)
        say(
            f"Closed {row.id}: {outcome}, {count} step{'s' * (count != 1)} withdrawn"
            f"{kept if outcome == 'heard-back' else ''}."
        )
        if closing.withdrawn:
            say("Delete these events from your calendar:")
            for line in deletion_lines(closing.withdrawn, row.candidate_zone):
                say(line)
        echo_paths(written)
        for line in close_instructions(written[0].name if written else None):
            say(line)

    with errors_as_click():
        now = run_now(now_text)
        change_run(
            interview_id,
            lambda db, row: close_record(db, row, outcome, note, now),
            lambda closing: closing.files,
            "cancel",
            change_run_of(output_dir, force, feed),
            now,
            report,
        )
    if push:
        push_after_commit()
