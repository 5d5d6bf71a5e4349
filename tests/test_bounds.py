"""Limits: dates outside 1900-2200 are bad input; every loop over days ends in an error."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from icsfollow.cli import cli
from icsfollow.core.workdays import MAX_SEARCH_DAYS, WorkCalendar, working_days_after
from icsfollow.errors import IcsFollowError

BASE = ["plan", "--context", "direct", "--tz", "Asia/Tokyo", "-o", "-"]
NOW = ["--now", "2026-05-12T15:00:00Z"]
OUTSIDE = "is outside the years 1900-2200"


@pytest.mark.parametrize(
    ("args", "env", "line"),
    [
        (["0001-01-01 00:00", *NOW], {}, f"'WHEN': '0001-01-01 00:00' {OUTSIDE}"),
        (["9999-12-31 23:00", *NOW], {}, f"'WHEN': '9999-12-31 23:00' {OUTSIDE}"),
        (["Dec 31 9999 11pm", *NOW], {}, f"'WHEN': 'Dec 31 9999 11pm' {OUTSIDE}"),
        (["1899-12-31 12:00", *NOW], {}, f"'WHEN': '1899-12-31 12:00' {OUTSIDE}"),
        (["2201-01-01 12:00", *NOW], {}, f"'WHEN': '2201-01-01 12:00' {OUTSIDE}"),
        (["now", "--now", "9999-12-31T23:59Z"], {}, f"'--now': '9999-12-31T23:59Z' {OUTSIDE}"),
        (
            ["today 10:00", "--now", "0001-01-01T00:00+05:00"],
            {},
            f"'--now': '0001-01-01T00:00+05:00' {OUTSIDE}",
        ),
        (
            ["2026-05-12 10:00", *NOW, "--feedback-by", "9999-12-31"],
            {},
            f"'--feedback-by': '9999-12-31' {OUTSIDE}",
        ),
        (
            ["now"],
            {"SOURCE_DATE_EPOCH": "253402300799"},
            f"'SOURCE_DATE_EPOCH': '253402300799' {OUTSIDE}",
        ),
        (
            ["now"],
            {"SOURCE_DATE_EPOCH": "-62135596800"},
            f"'SOURCE_DATE_EPOCH': '-62135596800' {OUTSIDE}",
        ),
    ],
)
def test_dates_outside_the_years_are_bad_input(
    args: list[str], env: dict[str, str], line: str, tmp_path: Path
) -> None:
    result = CliRunner().invoke(cli, [*BASE, *args], env=env)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for {line}"
    assert result.stdout_bytes == b""


@pytest.mark.parametrize(
    ("when", "now", "zone"),
    [
        ("1900-01-01 09:00", "1900-01-01T00:00Z", "Asia/Tokyo"),
        ("2200-12-31 23:00", "2200-12-31T20:00Z", "America/New_York"),
    ],
)
def test_the_edge_years_are_planned(when: str, now: str, zone: str) -> None:
    args = ["plan", when, "--context", "agency", "--tz", zone, "--now", now, "-o", "-"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.endswith(b"END:VCALENDAR\r\n")


@settings(max_examples=40, deadline=None)
@given(
    year=st.integers(1, 9999),
    option=st.sampled_from(["WHEN", "--now", "--feedback-by", "SOURCE_DATE_EPOCH"]),
)
def test_any_year_is_planned_or_refused_never_a_traceback(year: int, option: str) -> None:
    when, now, env, extra = "2026-05-12 10:00", "2026-05-12T00:00Z", {}, []
    if option == "WHEN":  # a now in the same year: older interviews are refused as closed
        when, now = f"{year:04d}-06-15 10:00", f"{year:04d}-06-15T16:00Z"
    elif option == "--now":
        now = f"{year:04d}-06-15T00:00Z"
        when = "today 10:00"
    elif option == "--feedback-by":
        extra = ["--feedback-by", f"{year:04d}-06-15"]
    else:
        epoch = datetime.combine(date(year, 6, 15), time(), timezone.utc).timestamp()
        env = {"SOURCE_DATE_EPOCH": str(int(epoch))}
        when = "today 10:00"
    now_args = [] if option == "SOURCE_DATE_EPOCH" else ["--now", now]
    result = CliRunner().invoke(cli, [*BASE, when, *now_args, *extra], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    inside = 1900 <= year <= 2200
    if option == "--feedback-by" and year < 2026:
        assert result.exit_code == 2
    else:
        assert result.exit_code == (0 if inside else 2), result.output
    if not inside:
        assert result.stderr.splitlines()[-1].endswith(OUTSIDE)


def test_a_loop_over_days_ends_in_an_error_not_an_overflow() -> None:
    every_day_a_holiday = WorkCalendar("UTC", (time(9), time(17)), lambda day: "Holiday")
    with pytest.raises(IcsFollowError, match=f"no working day within {MAX_SEARCH_DAYS} days"):
        working_days_after(every_day_a_holiday, date(2200, 12, 1), 3)
    with pytest.raises(IcsFollowError, match=f"no working day within {MAX_SEARCH_DAYS} days"):
        start = datetime(2200, 12, 1, tzinfo=timezone.utc)
        every_day_a_holiday.first_business_slot(start, start - start)
