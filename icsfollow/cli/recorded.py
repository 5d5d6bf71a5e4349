"""What the recording commands share: the record's settings from the config file, and lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

if TYPE_CHECKING:
    from icsfollow.api import PlanResult
    from icsfollow.cli.writing import OutputRequest
    from icsfollow.inputs.options import PlanOptions
    from icsfollow.store.record import StepRow
    from icsfollow.store.runs import ChangeRun

__all__ = [
    "CALENDAR_APPS",
    "IN_PLACE_APPS",
    "RecordRequest",
    "change_options",
    "change_run_of",
    "deletion_lines",
    "echo_paths",
    "feed_path",
    "now_option",
    "record_and_write",
    "run_now",
]

CALENDAR_APPS = ("apple", "evolution", "thunderbird", "google", "outlook", "other")
IN_PLACE_APPS = frozenset(["apple", "evolution"])


class RecordRequest(NamedTuple):
    """How to record a plan: a separate record, the user's calendar app, the feed to rewrite."""

    new: bool = False
    calendar_app: str | None = None
    feed: str | None = None


def feed_path(text: str | None) -> Path | None:
    """The feed file a ``--feed`` / ``feed`` value names (``~`` expanded), if any."""
    return Path(text).expanduser() if text else None


def record_and_write(
    result: PlanResult,
    options: PlanOptions,
    request: OutputRequest,
    now: datetime,
    recorded: RecordRequest,
) -> tuple[list[Path], list[str]]:
    """Record the plan and write its files as one outcome; return the paths and lines to print."""
    from icsfollow.cli.writing import write_outputs
    from icsfollow.render.notices import saved_line
    from icsfollow.store.runs import record_plan_run

    recording, written = record_plan_run(
        result.plan,
        {**options._asdict(), "calendar_app": recorded.calendar_app},
        now,
        lambda: write_outputs(result, request),
        _targets(request),
        new=recorded.new,
        feed=feed_path(recorded.feed),
    )
    zone = result.plan.interview.candidate_zone
    lines = [saved_line(recording.interview_id, recording.updated, len(recording.changed))]
    if recording.replaced:
        lines += ["Delete these old events before importing the file:"]
        lines += deletion_lines(recording.replaced, zone)
    return written, lines


def _targets(request: OutputRequest) -> list[Path]:
    """The paths a plan's outputs may create (removed again if the run fails)."""
    path = request.path
    if request.to_stdout or not path.name:
        return []
    targets = [path.with_suffix("") if request.split else path]
    return [*targets, path.with_suffix(".html")] if request.links == "html" else targets


def deletion_lines(rows: tuple[StepRow, ...] | list[StepRow], zone: str) -> list[str]:
    """The events to delete, one indented line each."""
    from icsfollow.render.notices import event_line

    return [f"  {event_line(row.start, row.end, row.summary, zone)}" for row in rows]


def now_option(function: Callable[..., None]) -> Callable[..., None]:
    """``--now``: the reference now, as for plan."""
    return click.option(
        "--now",
        "now_text",
        metavar="DATETIME",
        help="The reference now, ISO 8601 with offset or Z (default: the clock).",
    )(function)


def change_options(function: Callable[..., None]) -> Callable[..., None]:
    """``--output-dir``, ``--force`` and ``--feed``: where a change's files go."""
    for decorator in reversed(
        (
            click.option(
                "--output-dir",
                type=click.Path(file_okay=False, path_type=Path),
                envvar="ICSFOLLOW_OUTPUT_DIR",
                metavar="DIR",
                help="The folder for the files (default: the current folder).",
            ),
            click.option("--force", is_flag=True, help="Replace existing files."),
            click.option(
                "--feed",
                metavar="PATH",
                envvar="ICSFOLLOW_FEED",
                help="Also rewrite this subscription feed.",
            ),
        )
    ):
        function = decorator(function)
    return now_option(function)


def change_run_of(output_dir: Path | None, force: bool, feed: str | None) -> ChangeRun:
    """Where a change's files go: --output-dir (or the current folder), --force, the feed."""
    from icsfollow.store.runs import ChangeRun

    folder = output_dir.expanduser() if output_dir else Path()
    return ChangeRun(folder, force, feed_path(feed))


def run_now(text: str | None) -> datetime:
    """``--now``, or the clock (SOURCE_DATE_EPOCH honoured)."""
    if text is None:
        from icsfollow.inputs.system import run_now as clock

        return clock()
    from icsfollow.inputs.parse import parse_instant

    return parse_instant("--now", text)


def echo_paths(paths: list[Path]) -> None:
    """``Wrote PATH`` per file."""
    for path in paths:
        click.echo(f"Wrote {path}")
