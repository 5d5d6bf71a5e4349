"""What the recording commands share: the record's settings from the config file, and lines."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from icsfollow.api import PlanResult
    from icsfollow.cli.writing import OutputRequest
    from icsfollow.inputs.options import PlanOptions
    from icsfollow.store.record import StepRow

__all__ = [
    "CALENDAR_APPS",
    "IN_PLACE_APPS",
    "RecordRequest",
    "deletion_lines",
    "feed_path",
    "record_and_write",
]

CALENDAR_APPS = ("apple", "evolution", "thunderbird", "google", "outlook", "other")
IN_PLACE_APPS = frozenset(["apple", "evolution"])


class RecordRequest(NamedTuple):
    """How to record a plan: a separate record, the user's calendar app, the feed to rewrite."""

    new: bool = False
    calendar_app: str | None = None
    feed: str | None = None


def feed_path(text: str | None) -> Path | None:
    """The feed file a ``--feed`` / ``feed`` value names; a relative one is in the data folder."""
    if not text:
        return None
    from icsfollow.store.paths import data_dir

    return data_dir() / Path(text).expanduser()


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
