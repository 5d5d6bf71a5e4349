"""The record's rows as plain values (no iCalendar needed to read them)."""

# No "from __future__ import annotations": NamedTuple fields given as real types
# cost nothing at import, as strings each costs a compile (start-up, see benchmarks/).

from datetime import date, datetime
from typing import NamedTuple

__all__ = ["STEP_COLUMNS", "InterviewRow", "ListedInterview", "NextStep", "StepRow", "step_row"]

STEP_COLUMNS = (
    "id", "interview_id", "step_id", "first_uid", "uid", "sequence", "state", "all_day",
    "start", "end", "summary", "text_hash", "object_ics",
)  # fmt: skip


class InterviewRow(NamedTuple):
    """One recorded interview."""

    id: str
    company: str
    context: str
    start: datetime
    local_date: date
    local_start: str
    candidate_zone: str
    state: str
    outcome: str | None
    note: str | None
    updates: int
    options_json: str
    interview_json: str

    @property
    def active(self) -> bool:
        """False once closed."""
        return self.state == "active"

    @property
    def start_utc(self) -> str:
        """The start as stored: UTC ISO text."""
        return self.start.isoformat()


class ListedInterview(NamedTuple):
    """What ``list`` and the id lookup read of an interview: index columns, as stored."""

    id: str
    company: str
    context: str
    start_utc: str
    local_start: str
    candidate_zone: str
    state: str
    outcome: str | None
    note: str | None

    @property
    def active(self) -> bool:
        """False once closed."""
        return self.state == "active"


class StepRow(NamedTuple):
    """One recorded step: its identities, state, times and calendar object."""

    row: int
    interview_id: str
    step_id: str
    first_uid: str
    uid: str
    sequence: int
    state: str
    all_day: bool
    start: datetime | date
    end: datetime | date
    summary: str
    text_hash: str
    object_ics: bytes

    def state_at(self, now: datetime, zone: str) -> str:
        """``withdrawn``, ``done`` (recorded so, or its end has passed) or ``ahead``."""
        if self.state != "ahead":
            return self.state
        if isinstance(self.end, datetime):
            return "done" if self.end <= now else "ahead"
        from icsfollow.core.zones import to_local

        return "done" if self.end <= to_local(now, zone).date() else "ahead"


def step_row(values: tuple[object, ...]) -> StepRow:
    """A StepRow from its columns, in the order :func:`interview_steps` selects them."""
    row = StepRow(*values)  # type: ignore[arg-type]
    read = date.fromisoformat if row.all_day else datetime.fromisoformat
    return row._replace(
        all_day=bool(row.all_day), start=read(str(row.start)), end=read(str(row.end))
    )


class NextStep(NamedTuple):
    """What ``list`` shows of an interview's next step (times as stored: ISO text)."""

    interview_id: str
    step_id: str
    summary: str
    local_when: str
    start: str
    end: str
    all_day: bool
