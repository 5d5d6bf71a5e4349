"""WHEN as people type it: every form read to the instant they meant, or one exact error line.

Now is fixed at Wed 25 Nov 2026 12:00 UTC (04:00 in Los Angeles, 12:00 in London).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import pytz
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from icsfollow.api import make_plan
from icsfollow.cli import cli
from icsfollow.inputs.options import PlanOptions
from icsfollow.inputs.when import parse_date, parse_when

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
NOW_TEXT = "2026-11-25T12:00:00Z"
LA = "America/Los_Angeles"


def utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)


READ_AS = [
    # weekdays: the nearest one, past or future; today on that weekday
    ("friday 2pm", LA, None, "2026-11-27 22:00"),
    ("Fri 14:00", LA, None, "2026-11-27 22:00"),
    ("monday 3pm", LA, None, "2026-11-23 23:00"),
    ("wednesday 9am", LA, None, "2026-11-25 17:00"),
    ("Sat, 10:30", LA, None, "2026-11-28 18:30"),
    ("last friday 2pm", LA, None, "2026-11-20 22:00"),
    ("last wednesday 9am", LA, None, "2026-11-18 17:00"),
    ("next tuesday 11am", LA, None, "2026-12-01 19:00"),
    ("next wednesday 9am", LA, None, "2026-12-02 17:00"),
    # day words
    ("tomorrow at 10", LA, None, "2026-11-26 18:00"),
    ("10am tomorrow", LA, None, "2026-11-26 18:00"),
    ("tomorrow 10", LA, None, "2026-11-26 18:00"),
    ("noon tomorrow", LA, None, "2026-11-26 20:00"),
    ("yesterday at 3pm", LA, None, "2026-11-24 23:00"),
    ("today 14:00", LA, None, "2026-11-25 22:00"),
    ("2pm", LA, None, "2026-11-25 22:00"),
    ("11.30am", LA, None, "2026-11-25 19:30"),
    ("friday 9", LA, None, "2026-11-27 17:00"),
    ("at 14", LA, None, "2026-11-25 22:00"),
    # dates
    ("2026-12-01 11am", LA, None, "2026-12-01 19:00"),
    ("Dec 1 11am", LA, None, "2026-12-01 19:00"),
    ("Dec 1 at 11am", LA, None, "2026-12-01 19:00"),
    ("Tue Dec 1 11am", LA, None, "2026-12-01 19:00"),
    ("Tuesday, 1 December 2026, 11:00", LA, None, "2026-12-01 19:00"),
    ("2026-11-24 14:00", LA, None, "2026-11-24 22:00"),
    # a zone inside WHEN, converted to the user's zone
    ("Nov 24 11:00 EDT", LA, None, "2026-11-24 15:00"),
    ("Nov 24 11:00 PST", LA, None, "2026-11-24 19:00"),
    ("2026-11-24 11:00 PST", LA, None, "2026-11-24 19:00"),
    ("Nov 24 11:00 +01:00", LA, None, "2026-11-24 10:00"),
    ("Nov 24 11:00 UTC+1", LA, None, "2026-11-24 10:00"),
    ("Nov 24 11:00 GMT-5", LA, None, "2026-11-24 16:00"),
    ("Nov 24 11:00 Europe/London", LA, None, "2026-11-24 11:00"),
    ("Nov 24 11:00 US/Eastern", LA, None, "2026-11-24 16:00"),
    ("11/24 2:30pm ET", LA, None, "2026-11-24 19:30"),
    ("Jul 14 2:30pm ET", LA, None, "2026-07-14 18:30"),
    ("2026-11-24T14:00Z", LA, None, "2026-11-24 14:00"),
    ("2026-11-24 11:00 -05:00", LA, None, "2026-11-24 16:00"),
    ("Nov 24 11:00+01:00", LA, None, "2026-11-24 10:00"),
    ("2026-11-24 11:00-05:00", LA, None, "2026-11-24 16:00"),
    ("Nov 24 11:00 Z", LA, None, "2026-11-24 11:00"),
    ("tomorrow 9am Asia/Tokyo", LA, None, "2026-11-26 00:00"),
    # numeric dates by the country of --tz, or by --dayfirst / --monthfirst
    ("11/24 2pm", LA, None, "2026-11-24 22:00"),
    ("11/24/2026 2pm", LA, None, "2026-11-24 22:00"),
    ("02/12 10am", "Europe/London", None, "2026-12-02 10:00"),
    ("24/11 14:00", "Europe/London", None, "2026-11-24 14:00"),
    ("24.11.2026 14:00", "Europe/Berlin", None, "2026-11-24 13:00"),
    ("24.11. 14:00", "Europe/Berlin", None, "2026-11-24 13:00"),
    ("02/12 10am", LA, None, "2027-02-12 18:00"),
    ("02/12 10am", LA, True, "2026-12-02 18:00"),
    ("02/12 10am", "Europe/London", False, "2027-02-12 10:00"),
    ("12/05 10:00", "Asia/Tokyo", None, "2026-12-05 01:00"),
    ("02/12/26 10am", "Australia/Sydney", None, "2026-12-01 23:00"),
    ("Fri 11/27 2pm", LA, None, "2026-11-27 22:00"),
]


@pytest.mark.parametrize(("when", "zone", "dayfirst", "instant"), READ_AS)
def test_when_is_read_as_meant(when: str, zone: str, dayfirst: bool | None, instant: str) -> None:
    assert parse_when("WHEN", when, zone, NOW, dayfirst if dayfirst is not None else _by(zone))[
        0
    ] == utc(instant)
    options = PlanOptions(when=when, context="direct", tz=zone, dayfirst=dayfirst)
    if utc(instant) > NOW - timedelta(days=14):
        assert make_plan(options, NOW).plan.interview.start == utc(instant)


def _by(zone: str) -> bool | None:
    from icsfollow.core.zones import country_of_zone
    from icsfollow.inputs.date_order import reads_day_first

    return reads_day_first(country_of_zone(zone))


REFUSED = [
    (
        ["Wed Dec 1 11am"],
        "'Wed Dec 1 11am' says Wednesday but 01 Dec 2026 is a Tuesday; fix the weekday or the date",
    ),
    (
        ["Nov 24 11:00 IST"],
        "'Nov 24 11:00 IST' has 'IST', which names several zones; give an offset "
        "(e.g. +05:30) or the zone: Asia/Kolkata, Europe/Dublin or Asia/Jerusalem",
    ),
    (
        ["Nov 24 11:00 CST"],
        "'Nov 24 11:00 CST' has 'CST', which names several zones; give an offset "
        "(e.g. +05:30) or the zone: America/Chicago, Asia/Shanghai or America/Havana",
    ),
    (
        ["Nov 24 11:00 XYZ"],
        "'Nov 24 11:00 XYZ' has 'XYZ', which is not a zone I know; give an offset "
        "(e.g. -05:00) or an IANA zone (e.g. America/New_York)",
    ),
    (
        ["Nov 24 11:00 Mars/Base"],
        "'Nov 24 11:00 Mars/Base' has 'Mars/Base', which is not a known time zone "
        "(use an IANA name)",
    ),
    (
        ["Nov 24 11:00 EDT +01:00"],
        "'Nov 24 11:00 EDT +01:00' names two zones ('+01:00' and 'EDT'); give one",
    ),
    (
        ["Nov 24 11:00 UTC+15"],
        "'Nov 24 11:00 UTC+15' has 'UTC+15', which is not a UTC offset",
    ),
    (
        ["Aug 3 2pm"],
        "'Aug 3 2pm' was 113 days ago; its follow-up window has closed "
        "(plans start up to 14 days after); check the date",
    ),
    (
        ["Nov 10 9am"],
        "'Nov 10 9am' was 14 days ago; its follow-up window has closed "
        "(plans start up to 14 days after); check the date",
    ),
    (
        ["02/12 10am", "--tz", "UTC"],
        "'02/12 10am' has '02/12', which could be 2 Dec or 12 Feb; add --dayfirst or "
        "--monthfirst, or write the month's name",
    ),
    (
        ["24.11 14:00"],
        "'24.11 14:00' has '24.11', which could be a date or a time; write '24.11.' for "
        "a date or '24:11' for a time",
    ),
    (
        ["31/02 10am", "--tz", "Europe/London"],
        "'31/02 10am' has '31/02', which is not a date that exists",
    ),
    (["2026-12-01"], "'2026-12-01' needs a time of day, e.g. '2026-11-24 14:00'"),
    (["friday"], "'friday' needs a time of day, e.g. 'Nov 24 2pm' or 'friday 2pm'"),
    (["today at 2"], "'today at 2' has the bare hour 2: write 2am or 2pm"),
    (
        ["Dec 1 11am-12pm"],
        "'Dec 1 11am-12pm' looks like a range; give the start only (an offset goes after a "
        "space: '11:00 -05:00')",
    ),
    (["Dec 1 11am 2pm"], "'Dec 1 11am 2pm' names more than one time; give the start only"),
    (["Dec 11am"], "'Dec 11am' needs both a day and a month, e.g. 'Dec 1 11am'"),
    (["Dec 1 2 11am"], "'Dec 1 2 11am' has a number I cannot place; write a year in full"),
    (["tomorrow"], "'tomorrow' needs a time of day, e.g. 'Nov 24 2pm' or 'friday 2pm'"),
    (
        ["tomorrow Dec 1 10am"],
        "'tomorrow Dec 1 10am' names the day twice (a day word and a date); give one",
    ),
    (["friday monday 2pm"], "'friday monday 2pm' names more than one day; give one"),
    (
        ["today friday 2pm"],
        "'today friday 2pm' says friday but that day is a Wednesday; give one",
    ),
    (["  "], "'  ' is empty; type it like '2026-11-24 14:00', 'Nov 24 2pm' or 'friday 2pm'"),
    (
        ["Dec", "1", "11am"],
        "'Dec 1 11am' is split over 3 arguments; quote it: \"Dec 1 11am\"",
    ),
    (
        ["the day after tomorrow 9am"],
        "'the day after tomorrow 9am' is not a date and time I can read; "
        "type it like '2026-11-24 14:00', 'Nov 24 2pm' or 'friday 2pm'",
    ),
]


@pytest.mark.parametrize(("args", "error"), REFUSED)
def test_when_is_refused_with_one_line(
    args: list[str], error: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    base = ["plan", "--context", "direct", "--now", NOW_TEXT, "--tz", LA]
    result = CliRunner().invoke(cli, [*base, *args])
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: Invalid value for 'WHEN': {error}"]
    assert list(tmp_path.iterdir()) == []


def test_up_to_14_days_late_is_planned_with_the_late_rules() -> None:
    options = PlanOptions(when="Nov 11 9am", context="direct", tz=LA)
    result = make_plan(options, NOW)
    assert result.plan.interview.start == utc("2026-11-11 17:00")
    assert any("left out" in warning for warning in result.warnings)


FEEDBACK_BY = [
    ("friday", "2026-11-27"),
    ("Fri", "2026-11-27"),
    ("monday", "2026-11-30"),
    ("next monday", "2026-11-30"),
    ("tuesday", "2026-12-01"),
    ("tomorrow", "2026-11-26"),
    ("2026-12-04", "2026-12-04"),
    ("Dec 4", "2026-12-04"),
    ("12/04", "2026-12-04"),
]


@pytest.mark.parametrize(("text", "day"), FEEDBACK_BY)
def test_feedback_by_is_the_first_such_day_after_the_interview(text: str, day: str) -> None:
    options = PlanOptions(when="today 9am", context="direct", tz=LA, feedback_by=text)
    interview = make_plan(options, NOW).plan.interview
    assert str(interview.feedback_by) == day


def test_feedback_by_weekday_of_the_interview_means_the_week_after() -> None:
    monday = datetime(2026, 11, 23).date()
    assert str(parse_date("--feedback-by", "monday", LA, NOW, after=monday)) == "2026-11-30"


def test_feedback_by_is_printed_as_a_date_in_the_plan() -> None:
    args = ["plan", "today 9am", "--context", "direct", "--tz", LA, "--now", NOW_TEXT]
    result = CliRunner().invoke(cli, [*args, "--feedback-by", "friday", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Feedback promised by Fri 27 Nov 2026." in result.stdout


# ------------------------------------------------------------------ round trip

ZONES = ["America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Berlin",
         "Asia/Kolkata", "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo", "UTC"]  # fmt: skip
DAY_FIRST_ZONES = ["Europe/London", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata"]
instants = st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31)).map(
    lambda moment: moment.replace(second=0, microsecond=0, tzinfo=timezone.utc)
)


def _wall_is_unique(instant: datetime, zone: str) -> bool:
    """A wall time read back needs to be neither skipped nor repeated in the zone."""
    wall = instant.astimezone(pytz.timezone(zone)).replace(tzinfo=None)
    try:
        pytz.timezone(zone).localize(wall, is_dst=None)
    except (pytz.AmbiguousTimeError, pytz.NonExistentTimeError):
        return False
    return True


def _clock(local: datetime) -> str:
    hour = local.hour % 12 or 12
    return f"{hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


@settings(max_examples=150, deadline=None)
@given(instants, st.sampled_from(ZONES), st.integers(-3 * 24 * 60, 3 * 24 * 60))
def test_weekday_and_time_read_back(now: datetime, zone: str, minutes: int) -> None:
    instant = now + timedelta(minutes=minutes)
    local = instant.astimezone(pytz.timezone(zone))
    local_now = now.astimezone(pytz.timezone(zone))
    assume(abs((local.date() - local_now.date()).days) <= 3)
    assume(_wall_is_unique(instant, zone))
    for text in (f"{local:%a %H:%M}", f"{local:%A} {_clock(local)}"):
        assert parse_when("WHEN", text, zone, now)[0] == instant, text


@settings(max_examples=150, deadline=None)
@given(instants, st.sampled_from(DAY_FIRST_ZONES), st.integers(-150, 150))
def test_day_first_numeric_date_reads_back(now: datetime, zone: str, days: int) -> None:
    instant = now + timedelta(days=days, minutes=days * 37)
    local = instant.astimezone(pytz.timezone(zone))
    assume(_wall_is_unique(instant, zone))
    text = f"{local.day:02d}/{local.month:02d} {_clock(local)}"
    assert parse_when("WHEN", text, zone, now, dayfirst=_by(zone))[0] == instant, text


@settings(max_examples=150, deadline=None)
@given(instants, st.sampled_from(ZONES), st.sampled_from(ZONES), st.integers(-150, 150))
def test_time_with_an_offset_reads_back_in_any_zone(
    now: datetime, their_zone: str, my_zone: str, days: int
) -> None:
    instant = now + timedelta(days=days, minutes=days * 53)
    local = instant.astimezone(pytz.timezone(their_zone))
    offset = local.strftime("%z")
    for text in (
        f"{local:%b} {local.day} {local:%H:%M} {offset[:3]}:{offset[3:]}",
        f"{local:%Y-%m-%d %H:%M} {offset}",
        f"{local:%d %b %Y %H:%M} {their_zone}" if _wall_is_unique(instant, their_zone) else "",
    ):
        if text:
            assert parse_when("WHEN", text, my_zone, now, dayfirst=None)[0] == instant, text
