"""Table tests: the four worked examples, and extra cases worked by hand from the spec.

Each case runs through the library (``make_plan``) and through the command line
(``-o -``), and must give exactly the listed UTC times and quiet-period dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pytest
from click.testing import CliRunner

from icsfollow.api import make_plan
from icsfollow.cli import cli
from icsfollow.inputs.options import PlanOptions
from icsfollow.inputs.parse import parse_instant

from support import (
    assert_file_invariants,
    assert_invariants,
    parse_both,
    utc,
)


@dataclass(frozen=True)
class Worked:
    """An interview, a run time, and every step's expected UTC times."""

    id: str
    when: str
    options: dict[str, object]
    now: str
    times: dict[str, tuple[str, str]]
    quiet: tuple[date, date] | None
    left_out: dict[str, str] = field(default_factory=dict)
    texts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def plan_options(self) -> PlanOptions:
        return PlanOptions(when=self.when, **self.options)  # type: ignore[arg-type]

    def cli_args(self) -> list[str]:
        args = ["plan", self.when, "-o", "-", "--now", self.now]
        for key, value in self.options.items():
            flag = "--interviewer" if key == "interviewers" else "--" + key.replace("_", "-")
            if value is True:
                args.append(flag)
            elif isinstance(value, tuple):
                args += [part for item in value for part in (flag, item)]
            else:
                args += [flag, str(value)]
        return args

    def expected(self) -> list[tuple[str, object, object]]:
        rows = [(step, utc(start), utc(end)) for step, (start, end) in self.times.items()]
        if self.quiet:
            rows.append(("quiet-period", *self.quiet))
        return sorted(rows, key=lambda row: row[0])


NEW_YORK = {
    "context": "direct",
    "tz": "America/New_York",
    "name": "Joe Smith",
    "company": "Acme",
    "interviewers": ("Dana Lee <dana@acme.example>",),
}
CHICAGO = {
    "context": "agency",
    "tz": "America/Chicago",
    "name": "Joe Smith",
    "company": "Acme",
    "recruiter": "Sam Ortiz <sam@staffing.example>",
}
LONDON_LA = {
    "context": "direct",
    "tz": "Europe/London",
    "their_tz": "America/Los_Angeles",
    "name": "Joe Smith",
    "company": "West",
    "interviewers": ("Pat Kim <pat@west.example>",),
}
TOKYO = {"context": "direct", "tz": "Asia/Tokyo", "name": "Joe Smith", "company": "Kaisha"}
EX1_TIMES = {
    "thank-you-email": ("2026-05-12 16:30", "2026-05-12 17:00"),
    "thank-you-letter": ("2026-05-12 17:00", "2026-05-12 17:45"),
    "check-in": ("2026-05-15 14:00", "2026-05-15 14:15"),
}
EX1_QUIET = (date(2026, 5, 13), date(2026, 5, 15))
LATE_NIGHT_EMAIL = {
    "context": "direct",
    "tz": "America/New_York",
    "interviewers": ("Dana Lee <dana@acme.example>",),
    "linkedin_ok": True,
}

WORKED = [
    Worked(
        "1-direct-new-york",
        "2026-05-12 11:00",
        NEW_YORK,
        "2026-05-11T12:00:00Z",
        EX1_TIMES,
        EX1_QUIET,
        texts={"thank-you-email": ("Thank you from Joe Smith",)},
    ),
    Worked(
        "2-agency-chicago-holiday",
        "2026-07-03 15:30",
        CHICAGO,
        "2026-07-02T12:00:00Z",
        {
            "recruiter-debrief": ("2026-07-06 14:00", "2026-07-06 14:30"),
            "thank-you-letter": ("2026-07-03 22:00", "2026-07-03 22:45"),
            "check-in": ("2026-07-08 15:00", "2026-07-08 15:15"),
        },
        (date(2026, 7, 4), date(2026, 7, 8)),
        texts={
            "thank-you-letter": ("Sam Ortiz says the client welcomes it",),
            "recruiter-debrief": ("Independence Day",),
        },
    ),
    Worked(
        "3-london-los-angeles",
        "2026-10-26 17:00",
        LONDON_LA,
        "2026-10-25T12:00:00Z",
        {
            "thank-you-email": ("2026-10-26 18:30", "2026-10-26 19:00"),
            "thank-you-letter": ("2026-10-26 19:00", "2026-10-26 19:45"),
            "check-in": ("2026-10-29 17:00", "2026-10-29 17:15"),
        },
        (date(2026, 10, 27), date(2026, 10, 29)),
        texts={"check-in": ("17:00-17:15 GMT", "10:00-10:15 PDT")},
    ),
    Worked(
        "4-tokyo-silver-week",
        "2026-09-16 20:15",
        TOKYO,
        "2026-09-15T12:00:00Z",
        {
            "thank-you-letter": ("2026-09-16 23:00", "2026-09-16 23:45"),
            "check-in": ("2026-09-24 01:00", "2026-09-24 01:15"),
        },
        (date(2026, 9, 17), date(2026, 9, 24)),
    ),
]

# Worked by hand from followup-rules.md.
EXTRA = [
    # Run during the interview: nothing has passed yet, so nothing moves.
    Worked(
        "run-during-interview",
        "2026-05-12 11:00",
        NEW_YORK,
        "2026-05-12T15:30:00Z",
        EX1_TIMES,
        EX1_QUIET,
    ),
    # Run Wed 23:00 EDT, after the Wed 12:00 EDT deadline: both thank-yous left out.
    Worked(
        "late-at-night-after-the-deadline",
        "2026-05-12 11:00",
        NEW_YORK,
        "2026-05-14T03:00:00Z",
        {"check-in": EX1_TIMES["check-in"]},
        EX1_QUIET,
        left_out={
            "thank-you-email": "Wed 13 May 2026 12:00 EDT",
            "thank-you-letter": "Wed 13 May 2026 12:00 EDT",
        },
    ),
    # Feedback promised by Wed 20 May, later than working day 3 (Fri 15): Thu 21 May.
    Worked(
        "feedback-by-later-than-day-3",
        "2026-05-12 11:00",
        {**NEW_YORK, "feedback_by": "2026-05-20"},
        "2026-05-11T12:00:00Z",
        {**EX1_TIMES, "check-in": ("2026-05-21 14:00", "2026-05-21 14:15")},
        (date(2026, 5, 13), date(2026, 5, 21)),
    ),
    # Business hours 11:00-17:00: 10:00 is outside them, so the check-in is at 11:00.
    Worked(
        "hours-from-11",
        "2026-05-12 11:00",
        {**NEW_YORK, "hours": "11:00-17:00"},
        "2026-05-11T12:00:00Z",
        {**EX1_TIMES, "check-in": ("2026-05-15 15:00", "2026-05-15 15:15")},
        EX1_QUIET,
    ),
    # T1 Tue 23:30 EDT, deadline Wed 23:30 EDT; run Wed 21:10 EDT, after own hours.
    # Thu 08:00 is after the deadline, so all three own tasks go right away.
    Worked(
        "deadline-beats-own-hours",
        "2026-05-12 22:30",
        LATE_NIGHT_EMAIL,
        "2026-05-14T01:10:00Z",
        {
            "thank-you-email": ("2026-05-14 01:10", "2026-05-14 01:40"),
            "thank-you-letter": ("2026-05-14 01:40", "2026-05-14 02:25"),
            "linkedin-connect": ("2026-05-14 02:25", "2026-05-14 02:35"),
            "check-in": ("2026-05-15 14:00", "2026-05-15 14:15"),
        },
        (date(2026, 5, 13), date(2026, 5, 15)),
    ),
    # Same interview, run Wed 23:10 EDT: 20 minutes left, room for the 10-minute step only.
    Worked(
        "deadline-leaves-room-for-linkedin-only",
        "2026-05-12 22:30",
        LATE_NIGHT_EMAIL,
        "2026-05-14T03:10:00Z",
        {
            "linkedin-connect": ("2026-05-14 03:10", "2026-05-14 03:20"),
            "check-in": ("2026-05-15 14:00", "2026-05-15 14:15"),
        },
        (date(2026, 5, 13), date(2026, 5, 15)),
        left_out={
            "thank-you-email": "Wed 13 May 2026 23:30 EDT",
            "thank-you-letter": "Wed 13 May 2026 23:30 EDT",
        },
    ),
    # T1 Sat 28 Mar 21:00 GMT; the UK springs forward on Sun 29 Mar. 24 elapsed hours
    # end Sun 22:00 BST. Own hours reopen Sun 08:00 BST (07:00Z). Working days in the
    # UK: Mon 30, Tue 31, Wed 1 Apr (Good Friday is 3 Apr) -> check-in 10:00 BST.
    Worked(
        "spring-forward-london",
        "2026-03-28 20:00",
        {**NEW_YORK, "tz": "Europe/London"},
        "2026-03-27T12:00:00Z",
        {
            "thank-you-email": ("2026-03-29 07:00", "2026-03-29 07:30"),
            "thank-you-letter": ("2026-03-29 07:30", "2026-03-29 08:15"),
            "check-in": ("2026-04-01 09:00", "2026-04-01 09:15"),
        },
        (date(2026, 3, 29), date(2026, 4, 1)),
        texts={"thank-you-email": ("Deadline: Sun 29 Mar 2026 22:00 BST",)},
    ),
    # Example 2 run Mon 6 Jul 09:10:30 CDT: the debrief moves to the next whole minute,
    # 09:11 CDT; the letter's deadline (Sat 16:30 CDT) has passed; quiet from today.
    Worked(
        "agency-run-late-on-monday",
        "2026-07-03 15:30",
        CHICAGO,
        "2026-07-06T14:10:30Z",
        {
            "recruiter-debrief": ("2026-07-06 14:11", "2026-07-06 14:41"),
            "check-in": ("2026-07-08 15:00", "2026-07-08 15:15"),
        },
        (date(2026, 7, 6), date(2026, 7, 8)),
        left_out={"thank-you-letter": "Sat 04 Jul 2026 16:30 CDT"},
    ),
    # Run Thu 11:00 EDT, in own hours, a day after the Wed 12:00 EDT deadline.
    Worked(
        "late-in-own-hours-after-the-deadline",
        "2026-05-12 11:00",
        NEW_YORK,
        "2026-05-14T15:00:00Z",
        {"check-in": EX1_TIMES["check-in"]},
        (date(2026, 5, 14), date(2026, 5, 15)),
        left_out={
            "thank-you-email": "Wed 13 May 2026 12:00 EDT",
            "thank-you-letter": "Wed 13 May 2026 12:00 EDT",
        },
    ),
]
CASES = [pytest.param(case, id=case.id) for case in WORKED + EXTRA]


def run_library(case: Worked) -> tuple[list[tuple[str, object, object]], list[str], bytes]:
    result = make_plan(case.plan_options(), parse_instant("--now", case.now))
    assert_invariants(result.plan)
    rows = [(step.step_id, step.start, step.end) for step in result.plan.steps]
    return sorted(rows, key=lambda row: row[0]), list(result.warnings), result.ics


def run_cli(case: Worked) -> tuple[list[tuple[str, object, object]], list[str], bytes]:
    result = CliRunner().invoke(cli, case.cli_args(), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    records = parse_both(result.stdout_bytes)
    rows = sorted(((r.step, r.start, r.end) for r in records), key=lambda row: row[0])
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    return rows, warnings, result.stdout_bytes


def assert_worked(case: Worked, rows: list, warnings: list[str], ics: bytes) -> None:
    assert rows == case.expected()
    for step, deadline in case.left_out.items():
        assert any(step in text and deadline in text for text in warnings), warnings
    # Cases without --name also warn that the draft says "[your name]".
    warnings = [text for text in warnings if "no --name" not in text]
    assert len(warnings) == len(case.left_out), warnings
    assert_file_invariants(ics)
    records = {record.step: record for record in parse_both(ics)}
    for step, texts in case.texts.items():
        for text in texts:
            assert text in records[step].description or text in records[step].summary


@pytest.mark.parametrize("case", CASES)
def test_library(case: Worked) -> None:
    assert_worked(case, *run_library(case))


@pytest.mark.parametrize("case", CASES)
def test_command_line(case: Worked) -> None:
    assert_worked(case, *run_cli(case))


@pytest.mark.parametrize("case", CASES)
def test_library_and_command_line_write_the_same_file(case: Worked) -> None:
    assert run_library(case)[2] == run_cli(case)[2]


def test_run_time_before_anything_moves_keeps_every_uid() -> None:
    """Invariant 6: runs before, during and just after the interview give the same UIDs."""
    nows = ("2026-05-01T00:00:00Z", "2026-05-12T15:30:00Z", "2026-05-12T16:29:59Z")
    files = [make_plan(WORKED[0].plan_options(), parse_instant("--now", now)).ics for now in nows]
    uids = [[record.uid for record in parse_both(ics)] for ics in files]
    assert uids[0] == uids[1] == uids[2]
    assert len(set(uids[0])) == 4
    stamps = [re.sub(rb"DTSTAMP:\S+", b"", ics) for ics in files]
    assert files[0] != files[1]
    assert stamps[0] == stamps[1] == stamps[2]


def test_phone_ok_makes_the_direct_check_in_a_call() -> None:
    options = PlanOptions(when="2026-05-12 11:00", phone_ok=True, **NEW_YORK)  # type: ignore[arg-type]
    result = make_plan(options, utc("2026-05-11 12:00"))
    check_in = next(record for record in parse_both(result.ics) if record.step == "check-in")
    assert check_in.summary.startswith("Call Dana Lee")
    assert check_in.start == utc("2026-05-15 14:00")
