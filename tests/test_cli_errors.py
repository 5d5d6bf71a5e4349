"""Every bad value: exit 2, one Error line naming the option and the value, no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from icsfollow.cli import cli

BASE = ["--now", "2026-05-12T15:00:00Z", "--tz", "America/New_York"]
WHEN = "2026-05-12 11:00"

BAD_INPUTS = [
    (
        ["not a date", "--context", "direct"],
        "Invalid value for 'WHEN': 'not a date' is not a date and time I can read; "
        "type it like '2026-11-24 14:00', 'Nov 24 2pm' or 'friday 2pm'",
    ),
    (
        ["2026-13-02 10:00", "--context", "direct"],
        "Invalid value for 'WHEN': '2026-13-02 10:00' is not a valid ISO 8601 date and time "
        "(month must be in 1..12)",
    ),
    (
        ["2026-05-12", "--context", "direct"],
        "Invalid value for 'WHEN': '2026-05-12' needs a time of day, e.g. '2026-11-24 14:00'",
    ),
    (
        ["2026-03-08 02:30", "--context", "direct"],
        "Invalid value for 'WHEN': '2026-03-08 02:30' does not exist in America/New_York "
        "(the clocks skip from 02:00 to 03:00); use 01:59 or 03:00",
    ),
    (
        [WHEN, "--context", "direct", "--feedback-by", "someday"],
        "Invalid value for '--feedback-by': 'someday' is not a date I can read; "
        "type it like 2026-11-27, 'Nov 27', 'friday' or 'next monday'",
    ),
    (
        [WHEN, "--context", "direct", "--feedback-by", "2026-05-01"],
        "Invalid value for '--feedback-by': '2026-05-01' is before the interview "
        "(Tue 12 May 2026 11:00 EDT)",
    ),
    (
        [WHEN, "--context", "direct", "--now", "yesterday"],
        "Invalid value for '--now': 'yesterday' is not an ISO 8601 date and time",
    ),
    (
        [WHEN, "--context", "direct", "--now", ""],
        "Invalid value for '--now': '' is not an ISO 8601 date and time",
    ),
    (
        [WHEN, "--context", "direct", "--tz", ""],
        "Invalid value for '--tz': '' is not a known time zone (use an IANA name)",
    ),
    (
        [WHEN, "--context", "direct", "--now", "2026-05-12T15:00"],
        "Invalid value for '--now': '2026-05-12T15:00' needs an offset or Z, "
        "e.g. 2026-11-24T14:00Z",
    ),
    (
        [WHEN, "--context", "direct", "--tz", "America/Chicgo"],
        "Invalid value for '--tz': 'America/Chicgo' is not a known time zone; did you mean "
        "America/Chicago or America/Maceio or America/Marigot?",
    ),
    (
        [WHEN, "--context", "direct", "--their-tz", "Mars/Olympus"],
        "Invalid value for '--their-tz': 'Mars/Olympus' is not a known time zone "
        "(use an IANA name)",
    ),
    (
        [WHEN, "--context", "direct", "--interviewer", "Dana <dana-at-acme>"],
        "Invalid value for '--interviewer': 'Dana <dana-at-acme>' has 'dana-at-acme', "
        "which is not an email address (e.g. dana@acme.example)",
    ),
    (
        [WHEN, "--context", "agency", "--recruiter", "<>"],
        "Invalid value for '--recruiter': '<>' is not \"Name <email>\", \"Name\", or an "
        "email address",
    ),
    (
        [WHEN, "--context", "direct", "--duration", "0"],
        "Invalid value for '--duration': '0' must be 1 to 720 minutes (12h)",
    ),
    (
        [WHEN, "--context", "direct", "--duration", "721"],
        "Invalid value for '--duration': '721' must be 1 to 720 minutes (12h)",
    ),
    (
        [WHEN, "--context", "direct", "--check-in-after", "0"],
        "Invalid value for '--check-in-after': 0 is not in the range 1<=x<=15.",
    ),
    (
        [WHEN, "--context", "direct", "--check-in-after", "16"],
        "Invalid value for '--check-in-after': 16 is not in the range 1<=x<=15.",
    ),
    (
        [WHEN, "--context", "direct", "--hours", "9 until 5"],
        "Invalid value for '--hours': '9 until 5' is not a time range; "
        "type them like 09:00-17:00, 9-5 or 9am-5pm",
    ),
    (
        [WHEN, "--context", "direct", "--hours", "17:00-09:00"],
        "Invalid value for '--hours': '17:00-09:00' must end after it starts; "
        "type them like 09:00-17:00, 9-5 or 9am-5pm",
    ),
    (
        [WHEN, "--context", "direct", "--hours", "09:00-09:45"],
        "Invalid value for '--hours': '09:00-09:45' must be at least one hour long, "
        "e.g. 09:00-17:00",
    ),
    (
        [WHEN, "--context", "direct", "--hours", "09:00-25:00"],
        "Invalid value for '--hours': '09:00-25:00' holds a time that does not exist; "
        "type them like 09:00-17:00, 9-5 or 9am-5pm",
    ),
    (
        [WHEN, "--context", "direct", "--alarm", "-1"],
        "Invalid value for '--alarm': '-1' must be 0 to 1440 minutes",
    ),
    (
        [WHEN, "--context", "direct", "--alarm", "1441"],
        "Invalid value for '--alarm': '1441' must be 0 to 1440 minutes",
    ),
    (
        [WHEN, "--context", "direct", "--alarm", "soon"],
        "Invalid value for '--alarm': 'soon' is not a number of minutes or 'none'",
    ),
    (
        [WHEN, "--context", "direct", "--country", "XX"],
        "Invalid value for '--country': 'XX' is not a country the holidays data knows; "
        "use a code such as GB, US or AU-NSW, or none",
    ),
    (
        [WHEN, "--context", "direct", "--country", "JAN"],
        "Invalid value for '--country': 'JAN' is not a country the holidays data knows; "
        "use a code such as GB, US or AU-NSW, or none",
    ),
    (
        [WHEN, "--context", "direct", "--country", "NYSE"],
        "Invalid value for '--country': 'NYSE' is not a country the holidays data knows; "
        "use a code such as GB, US or AU-NSW, or none",
    ),
    (
        [WHEN, "--context", "friend"],
        "Invalid value for '--context': 'friend' is not one of 'direct', 'agency'.",
    ),
    (
        [WHEN, "--context", "direct", "--recruiter", "Sam <sam@staffing.example>"],
        "Invalid value for '--recruiter': 'Sam <sam@staffing.example>' is for "
        "--context agency only",
    ),
    (
        [WHEN, "--context", "direct", "--agency-name", "Staffing Co"],
        "Invalid value for '--agency-name': 'Staffing Co' is for --context agency only",
    ),
]


@pytest.mark.parametrize(("args", "error"), BAD_INPUTS)
def test_bad_input_exits_2_with_one_error_line_and_no_file(
    args: list[str], error: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["plan", *BASE, *args])
    assert result.exit_code == 2, result.output
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert error_lines == [f"Error: {error}"]
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert list(tmp_path.iterdir()) == []


def test_missing_context_names_the_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["plan", WHEN, *BASE])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Missing option '--context'. Add --context direct (you met the company) "
        "or --context agency (a recruiter)"
    )
    assert list(tmp_path.iterdir()) == []


def test_bad_source_date_epoch_is_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    result = CliRunner().invoke(cli, ["plan", WHEN, "--context", "direct", "--tz", "UTC"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for 'SOURCE_DATE_EPOCH': 'soon' is not a Unix timestamp"
    )
