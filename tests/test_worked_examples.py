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
    EventRecord,
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
    late: tuple[str, ...] = ()
    quiet_after: tuple[date, date] | None = None

    def plan_options(self) -> PlanOptions:
        return PlanOptions(when=self.when, **self.options)  # type: ignore[arg-type]

    def cli_args(self) -> list[str]:
        args = ["plan", self.when, "-o", "-", "--now", self.now]
        for key, value in self.options.items():
            flag = "--interviewer" if key == "interviewers" else "--" + key.replace("_", "-")
            if value == "":
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
        if self.quiet_after:
            rows.append(("quiet-until-last-check-in", *self.quiet_after))
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
PANEL = (
    "Ana Ruiz <ana@acme.example>",
    "Ben Cho <ben@acme.example>",
    "Dev Rao",
    "Eve Park <eve@acme.example>",
)
EX1_TIMES = {
    "thank-you-email": ("2026-05-12 16:30", "2026-05-12 17:00"),
    "thank-you-letter": ("2026-05-12 17:00", "2026-05-12 17:45"),
    "check-in": ("2026-05-15 14:00", "2026-05-15 14:15"),
}
EX1_QUIET = (date(2026, 5, 13), date(2026, 5, 15))
# Five working days after Fri 15 May: Mon 18 to Fri 22 May.
EX1_LAST = {"last-check-in": ("2026-05-22 14:00", "2026-05-22 14:15")}
EX1_QUIET_AFTER = (date(2026, 5, 16), date(2026, 5, 22))
NO_LAST = {"last_check_in_after": 0}
LATE_NIGHT_EMAIL = {
    "context": "direct",
    "tz": "America/New_York",
    "interviewers": ("Dana Lee <dana@acme.example>",),
    "linkedin_ok": "",
    **NO_LAST,
}

WORKED = [
    Worked(
        "1-direct-new-york",
        "2026-05-12 11:00",
        NEW_YORK,
        "2026-05-11T12:00:00Z",
        {**EX1_TIMES, **EX1_LAST},
        EX1_QUIET,
        texts={
            "thank-you-email": ("Thank you from Joe Smith", "Dear Dana,", "meet with me today"),
            "check-in": ("Following up from Joe Smith", "mailto:dana@acme.example"),
            "last-check-in": ("then move on",),
        },
        quiet_after=EX1_QUIET_AFTER,
    ),
    # Issue 9: a call to Sam is possible only on Monday (Friday is a holiday), too late
    # for the thank-yous, so the debrief is an email that evening, and the letter follows.
    Worked(
        "2-agency-chicago-holiday",
        "2026-07-03 15:30",
        CHICAGO,
        "2026-07-02T12:00:00Z",
        {
            "recruiter-debrief": ("2026-07-03 21:45", "2026-07-03 22:15"),
            "thank-you-letter": ("2026-07-03 22:15", "2026-07-03 23:00"),
            "check-in": ("2026-07-08 15:00", "2026-07-08 15:15"),
            "last-check-in": ("2026-07-15 15:00", "2026-07-15 15:15"),
        },
        (date(2026, 7, 4), date(2026, 7, 8)),
        texts={
            "recruiter-debrief": ("Email Sam Ortiz a debrief", "too late for your thank-yous"),
            "thank-you-letter": ("only if Sam Ortiz says the client welcomes it",),
            "check-in": ("mailto:sam@staffing.example", "Dear Sam,"),
        },
        quiet_after=(date(2026, 7, 9), date(2026, 7, 15)),
    ),
    # The US leaves summer time on 1 November: the last check-in, Thu 5 Nov, is 10:00 PST.
    Worked(
        "3-london-los-angeles",
        "2026-10-26 17:00",
        LONDON_LA,
        "2026-10-25T12:00:00Z",
        {
            "thank-you-email": ("2026-10-26 18:30", "2026-10-26 19:00"),
            "thank-you-letter": ("2026-10-26 19:00", "2026-10-26 19:45"),
            "check-in": ("2026-10-29 17:00", "2026-10-29 17:15"),
            "last-check-in": ("2026-11-05 18:00", "2026-11-05 18:15"),
        },
        (date(2026, 10, 27), date(2026, 10, 29)),
        texts={"check-in": ("17:00-17:15 GMT", "10:00-10:15 PDT")},
        quiet_after=(date(2026, 10, 30), date(2026, 11, 5)),
    ),
    # The letter is on Thu 17 Sep (JST), so the quiet period starts on Fri 18.
    Worked(
        "4-tokyo-silver-week",
        "2026-09-16 20:15",
        TOKYO,
        "2026-09-15T12:00:00Z",
        {
            "thank-you-letter": ("2026-09-16 23:00", "2026-09-16 23:45"),
            "check-in": ("2026-09-24 01:00", "2026-09-24 01:15"),
            "last-check-in": ("2026-10-01 01:00", "2026-10-01 01:15"),
        },
        (date(2026, 9, 18), date(2026, 9, 24)),
        quiet_after=(date(2026, 9, 25), date(2026, 10, 1)),
    ),
]

# Worked by hand from followup-rules.md and issue 9.
EXTRA = [
    # Run during the interview: nothing has passed yet, so nothing moves.
    Worked(
        "run-during-interview",
        "2026-05-12 11:00",
        NEW_YORK,
        "2026-05-12T15:30:00Z",
        {**EX1_TIMES, **EX1_LAST},
        EX1_QUIET,
        quiet_after=EX1_QUIET_AFTER,
    ),
    # Run Wed 23:00 EDT, 11 hours after the Wed 12:00 EDT deadline: both thank-yous go
    # late, at the next own-hours start, Thu 08:00 EDT.
    Worked(
        "late-at-night-after-the-deadline",
        "2026-05-12 11:00",
        {**NEW_YORK, **NO_LAST},
        "2026-05-14T03:00:00Z",
        {
            "thank-you-email": ("2026-05-14 12:00", "2026-05-14 12:30"),
            "thank-you-letter": ("2026-05-14 12:30", "2026-05-14 13:15"),
            "check-in": EX1_TIMES["check-in"],
        },
        None,
        late=("thank-you-email", "thank-you-letter"),
        texts={"thank-you-email": ("Send your thank-you today (late)", "on Tuesday")},
    ),
    # Run more than 3 days after the deadline: the thank-yous are left out.
    Worked(
        "more-than-three-days-late",
        "2026-05-12 11:00",
        {**NEW_YORK, **NO_LAST, "check_in_after": 6},
        "2026-05-16T17:00:00Z",
        {"check-in": ("2026-05-20 14:00", "2026-05-20 14:15")},
        (date(2026, 5, 16), date(2026, 5, 20)),
        left_out={
            "thank-you-email": "Wed 13 May 2026 12:00 EDT",
            "thank-you-letter": "Wed 13 May 2026 12:00 EDT",
        },
    ),
    # Feedback promised by Wed 20 May, later than working day 3 (Fri 15): Thu 21 May.
    Worked(
        "feedback-by-later-than-day-3",
        "2026-05-12 11:00",
        {**NEW_YORK, **NO_LAST, "feedback_by": "2026-05-20"},
        "2026-05-11T12:00:00Z",
        {**EX1_TIMES, "check-in": ("2026-05-21 14:00", "2026-05-21 14:15")},
        (date(2026, 5, 13), date(2026, 5, 21)),
    ),
    # Business hours 11:00-17:00: 10:00 is outside them, so the check-in is at 11:00.
    Worked(
        "hours-from-11",
        "2026-05-12 11:00",
        {**NEW_YORK, **NO_LAST, "hours": "11:00-17:00"},
        "2026-05-11T12:00:00Z",
        {**EX1_TIMES, "check-in": ("2026-05-15 15:00", "2026-05-15 15:15")},
        EX1_QUIET,
    ),
    # Own hours from 12:00: 10:00 is outside them, so the check-in is at 12:00 EDT.
    Worked(
        "own-hours-from-noon",
        "2026-05-12 11:00",
        {**NEW_YORK, **NO_LAST, "own_hours": "12:00-22:00"},
        "2026-05-11T12:00:00Z",
        {**EX1_TIMES, "check-in": ("2026-05-15 16:00", "2026-05-15 16:15")},
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
        (date(2026, 5, 14), date(2026, 5, 15)),
    ),
    # Same interview, run Wed 23:10 EDT: 20 minutes left, room for the 10-minute step
    # only; the email and the letter go late, Thu 08:00 EDT, and LinkedIn follows them.
    Worked(
        "deadline-leaves-room-for-linkedin-only",
        "2026-05-12 22:30",
        LATE_NIGHT_EMAIL,
        "2026-05-14T03:10:00Z",
        {
            "thank-you-email": ("2026-05-14 12:00", "2026-05-14 12:30"),
            "thank-you-letter": ("2026-05-14 12:30", "2026-05-14 13:15"),
            "linkedin-connect": ("2026-05-14 13:15", "2026-05-14 13:25"),
            "check-in": ("2026-05-15 14:00", "2026-05-15 14:15"),
        },
        None,
        late=("thank-you-email", "thank-you-letter", "linkedin-connect"),
    ),
    # T1 Sat 28 Mar 21:00 GMT; the UK springs forward on Sun 29 Mar. 24 elapsed hours
    # end Sun 22:00 BST. Own hours reopen Sun 08:00 BST (07:00Z). Working days in the
    # UK: Mon 30, Tue 31, Wed 1 Apr (Good Friday is 3 Apr) -> check-in 10:00 BST.
    Worked(
        "spring-forward-london",
        "2026-03-28 20:00",
        {**NEW_YORK, **NO_LAST, "tz": "Europe/London"},
        "2026-03-27T12:00:00Z",
        {
            "thank-you-email": ("2026-03-29 07:00", "2026-03-29 07:30"),
            "thank-you-letter": ("2026-03-29 07:30", "2026-03-29 08:15"),
            "check-in": ("2026-04-01 09:00", "2026-04-01 09:15"),
        },
        (date(2026, 3, 30), date(2026, 4, 1)),
        texts={"thank-you-email": ("Deadline: Sun 29 Mar 2026 22:00 BST",)},
    ),
    # Example 2 run Mon 6 Jul 09:10:30 CDT: the debrief call moves to the next whole
    # minute, 09:11 CDT; the letter's deadline (Sat 16:30 CDT) passed less than 3 days
    # ago, so it goes late, after the debrief; quiet from Tuesday.
    Worked(
        "agency-run-late-on-monday",
        "2026-07-03 15:30",
        {**CHICAGO, **NO_LAST},
        "2026-07-06T14:10:30Z",
        {
            "recruiter-debrief": ("2026-07-06 14:11", "2026-07-06 14:41"),
            "thank-you-letter": ("2026-07-06 14:41", "2026-07-06 15:26"),
            "check-in": ("2026-07-08 15:00", "2026-07-08 15:15"),
        },
        (date(2026, 7, 7), date(2026, 7, 8)),
        late=("thank-you-letter",),
    ),
]

# The three cases issue 9 names.
ISSUE_9 = [
    # Fri 15 May 2026, T1 16:30 CDT: no 30-minute call fits before 17:00, and Monday is
    # too late for the thank-yous (deadline Sat 16:30). So the debrief is an email to Sam
    # at 16:45, then the email and the letter. Working days: Mon 18, Tue 19, Wed 20 ->
    # check-in; Thu 21, Fri 22, (Memorial Day Mon 25), Tue 26, Wed 27, Thu 28 -> last.
    Worked(
        "friday-afternoon-agency",
        "2026-05-15 15:30",
        {**CHICAGO, "interviewers": ("Dana Lee <dana@acme.example>",)},
        "2026-05-15T21:35:00Z",
        {
            "recruiter-debrief": ("2026-05-15 21:45", "2026-05-15 22:15"),
            "thank-you-email": ("2026-05-15 22:15", "2026-05-15 22:45"),
            "thank-you-letter": ("2026-05-15 22:45", "2026-05-15 23:30"),
            "check-in": ("2026-05-20 15:00", "2026-05-20 15:15"),
            "last-check-in": ("2026-05-28 15:00", "2026-05-28 15:15"),
        },
        (date(2026, 5, 16), date(2026, 5, 20)),
        texts={
            "thank-you-email": (
                "Email a thank-you to Dana Lee at Acme, only if Sam Ortiz says the client",
                "[Send only if Sam Ortiz says the client welcomes it; delete this line.]",
            ),
            "recruiter-debrief": ("Email Sam Ortiz a debrief of your interview at Acme",),
        },
        quiet_after=(date(2026, 5, 21), date(2026, 5, 28)),
    ),
    # Sydney (AEDT, UTC+11) and Los Angeles (PDT, UTC-7): 10:00 PDT is 04:00 in Sydney.
    # Their 09:00-17:00 is Sydney's 03:00-11:00, so both people's hours meet 14:00-17:00
    # PDT (08:00-11:00 AEDT): the check-ins are at 14:00 PDT = 21:00Z.
    Worked(
        "sydney-los-angeles",
        "2026-10-20 09:00",
        {**NEW_YORK, **{"tz": "Australia/Sydney", "their_tz": "America/Los_Angeles"}},
        "2026-10-19T20:00:00Z",
        {
            "thank-you-email": ("2026-10-19 23:30", "2026-10-20 00:00"),
            "thank-you-letter": ("2026-10-20 00:00", "2026-10-20 00:45"),
            "check-in": ("2026-10-22 21:00", "2026-10-22 21:15"),
            "last-check-in": ("2026-10-29 21:00", "2026-10-29 21:15"),
        },
        (date(2026, 10, 21), date(2026, 10, 23)),
        texts={"check-in": ("Fri 23 Oct 2026 08:00-08:15 AEDT", "14:00-14:15 PDT")},
        quiet_after=(date(2026, 10, 24), date(2026, 10, 30)),
    ),
    # Own hours 12:00-20:00 in Sydney never meet 03:00-11:00: the check-in stays at
    # 10:00 PDT (04:00 AEDT), and the text says to schedule the email for then.
    Worked(
        "sydney-los-angeles-hours-never-meet",
        "2026-10-20 09:00",
        {
            **NEW_YORK,
            **NO_LAST,
            **{"tz": "Australia/Sydney", "their_tz": "America/Los_Angeles"},
            "own_hours": "12:00-20:00",
        },
        "2026-10-19T20:00:00Z",
        {
            "thank-you-email": ("2026-10-20 01:00", "2026-10-20 01:30"),
            "thank-you-letter": ("2026-10-20 01:30", "2026-10-20 02:15"),
            "check-in": ("2026-10-22 17:00", "2026-10-22 17:15"),
        },
        (date(2026, 10, 21), date(2026, 10, 23)),
        texts={"check-in": ("schedule the email to send at this time, or call then",)},
    ),
    # A panel of four, Dev gave no address: three email steps, one letter to all four.
    Worked(
        "panel-of-four-one-address-missing",
        "2026-05-12 11:00",
        {**NEW_YORK, **NO_LAST, "interviewers": PANEL},
        "2026-05-11T12:00:00Z",
        {
            "thank-you-email": ("2026-05-12 16:30", "2026-05-12 17:00"),
            "thank-you-email-2": ("2026-05-12 17:00", "2026-05-12 17:30"),
            "thank-you-email-3": ("2026-05-12 17:30", "2026-05-12 18:00"),
            "thank-you-letter": ("2026-05-12 18:00", "2026-05-12 18:45"),
            "check-in": EX1_TIMES["check-in"],
        },
        EX1_QUIET,
        texts={
            "thank-you-email": ("Email a thank-you to Ana Ruiz at Acme", "Dear Ana,"),
            "thank-you-email-2": ("Email a thank-you to Ben Cho at Acme", "mailto:ben@acme"),
            "thank-you-email-3": ("Email a thank-you to Eve Park at Acme", "Dear Eve,"),
            "thank-you-letter": (
                "one handwritten thank-you letter each to Ana Ruiz, Ben Cho, Dev Rao and "
                "Eve Park at Acme",
            ),
        },
    ),
]
CASES = [pytest.param(case, id=case.id) for case in WORKED + EXTRA + ISSUE_9]


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
            assert text in records[step].description or text in records[step].summary, text
    late = [step for step, record in records.items() if "(late)" in record.summary]
    assert late == list(case.late)


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
    assert len(set(uids[0])) == 6
    stamps = [re.sub(rb"DTSTAMP:\S+", b"", ics) for ics in files]
    assert files[0] != files[1]
    assert stamps[0] == stamps[1] == stamps[2]


def records_of(when: str = "2026-05-12 11:00", **options: object) -> dict[str, EventRecord]:
    plan_options = PlanOptions(when=when, **{**NEW_YORK, **options})  # type: ignore[arg-type]
    result = make_plan(plan_options, utc("2026-05-11 12:00"))
    assert_invariants(result.plan)
    return {record.step: record for record in parse_both(result.ics)}


def test_bare_phone_ok_makes_the_direct_check_in_a_call_to_the_first_interviewer() -> None:
    check_in = records_of(phone_ok="", interviewers=PANEL)["check-in"]
    assert check_in.summary == "Call Ana Ruiz at Acme"
    assert check_in.start == utc("2026-05-15 14:00")
    assert "mailto:" not in check_in.description


@pytest.mark.parametrize("who", ["Dev Rao", "dev", "RAO", "eve@acme.example"])
def test_phone_ok_names_the_one_person_who_asked(who: str) -> None:
    wanted = "Eve Park" if "@" in who else "Dev Rao"
    records = records_of(phone_ok=who, interviewers=PANEL)
    assert records["check-in"].summary == f"Call {wanted} at Acme"
    others = [name for name in ("Ana", "Ben", "Dev", "Eve") if name not in wanted]
    assert not any(f"Call {name}" in r.summary for r in records.values() for name in others)


def test_linkedin_ok_names_the_one_person_who_asked() -> None:
    records = records_of(linkedin_ok="Ben", interviewers=PANEL)
    assert records["linkedin-connect"].summary == "Connect on LinkedIn with Ben Cho at Acme"
    assert "Ana" not in records["linkedin-connect"].description.split("Interview:")[0]


def test_agency_phone_ok_asks_the_recruiter_first_and_says_so() -> None:
    records = records_of(
        **{**CHICAGO, "interviewers": ("Dana Lee",), "phone_ok": ""}, when="2026-07-07 10:00"
    )
    for step in ("recruiter-debrief", "check-in"):
        assert "Dana Lee asked you to follow up by phone" in records[step].description
        assert "call Dana Lee only if Sam Ortiz agrees" in records[step].description
    assert not any(record.summary.startswith("Call") for record in records.values())


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("Zed", "names no --interviewer; give one of: Ana Ruiz, Ben Cho, Dev Rao, Eve Park"),
        ("acme", "names no --interviewer"),
    ],
)
def test_phone_ok_naming_nobody_is_refused(value: str, error: str) -> None:
    args = ["plan", "2026-05-12 11:00", "--context", "direct", "--tz", "America/New_York"]
    args += ["--now", "2026-05-12T16:05:00Z"]
    args += [part for person in PANEL for part in ("--interviewer", person)]
    result = CliRunner().invoke(cli, [*args, "--phone-ok", value, "--dry-run"])
    assert result.exit_code == 2
    assert f"Error: Invalid value for '--phone-ok': {value!r} {error}" in result.output


def test_phone_ok_matching_two_people_is_refused() -> None:
    args = ["plan", "2026-05-12 11:00", "--context", "direct", "--tz", "America/New_York"]
    args += ["--now", "2026-05-12T16:05:00Z"]
    args += ["--interviewer", "Dana Lee", "--interviewer", "Dana Kim", "--linkedin-ok", "dana"]
    result = CliRunner().invoke(cli, [*args, "--dry-run"])
    assert result.exit_code == 2
    assert "matches more than one --interviewer (Dana Lee, Dana Kim)" in result.output
