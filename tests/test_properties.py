"""Property tests: random interviews, zones, DST days, holidays and run times.

The scheduler must keep every invariant of followup-rules.md; its file must parse
the same way in two parsers, follow ics-interop.md, and stay stable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from functools import cache

import holidays
import pytz
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from icsfollow.core.model import Interview, Person, Plan, Settings
from icsfollow.core.rules import Context
from icsfollow.core.schedule import schedule_steps
from icsfollow.render.ics import render_calendar

from support import (
    UTC,
    Facts,
    assert_file_invariants,
    assert_invariants,
    assert_shape,
    dst_days,
    local_to_utc,
    offset_changes,
    parse_both,
    wall,
    zone_country,
)

FIRST_YEAR, LAST_YEAR = 2025, 2028
KEY_ZONES = (
    "America/New_York",
    "Europe/London",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Jerusalem",
    "Africa/Cairo",
)
EXTRA_COUNTRIES = ("US", "GB", "JP", "IN", "DE", "AU", "NZ", "IL", "EG")
NAMES = ("Dana Lee", "Raj Patel", "Zoë Ñúñez", "李雷", "O'Brien, Pat")
COMMON_HOURS = (
    (time(9), time(17)),
    (time(8), time(18)),
    (time(11), time(17)),
    (time(10), time(11)),
)
LATEST_OPEN = 22 * 60 + 59
NIGHT = 4 * 60  # business hours opening before 04:00 can hold a night-time DST change
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Case:
    """One generated run of the scheduler."""

    interview: Interview
    settings: Settings
    now: datetime

    def plan(self, now: datetime | None = None) -> Plan:
        return schedule_steps(self.interview, self.settings, now or self.now)


# ---------------------------------------------------------------------- strategies


@cache
def holiday_days(country: str | None) -> tuple[date, ...]:
    if country is None:
        return ()
    code, _, region = country.partition("-")
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    table = holidays.country_holidays(code, subdiv=region or None, years=years)
    return tuple(sorted(table))


zones = st.one_of(st.sampled_from(KEY_ZONES), st.sampled_from(pytz.common_timezones))


@st.composite
def interview_days(draw: st.DrawFn, zone: str, country: str | None) -> date:
    """Any day, a day the clocks change, a holiday, or the day before one."""
    options = [st.dates(date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31))]
    if changes := dst_days(zone, FIRST_YEAR, LAST_YEAR):
        options.append(st.sampled_from(changes))
    if days := holiday_days(country):
        options.append(st.sampled_from(days).map(lambda day: day - timedelta(days=1)))
        options.append(st.sampled_from(days))
    return draw(st.one_of(options))


@st.composite
def interview_starts(draw: st.DrawFn, zone: str, country: str | None) -> datetime:
    """A start on a wall-clock time of a chosen day, or within 14 h of a clock change."""
    changes = offset_changes(zone, FIRST_YEAR, LAST_YEAR)
    if changes and draw(st.booleans()):
        change = draw(st.sampled_from(changes))
        return change + timedelta(minutes=draw(st.integers(-14 * 60, 14 * 60)))
    day = draw(interview_days(zone, country))
    clock = time(draw(st.integers(0, 23)), draw(st.integers(0, 59)))
    return local_to_utc(day, clock, zone)


def business_hours(min_open: int) -> st.SearchStrategy:
    """A window of at least one hour, opening at ``min_open`` minutes or later."""

    @st.composite
    def window(draw: st.DrawFn) -> tuple[time, time]:
        opens = draw(st.integers(min_open, LATEST_OPEN))
        closes = draw(st.integers(opens + 60, 23 * 60 + 59))
        return time(*divmod(opens, 60)), time(*divmod(closes, 60))

    common = [hours for hours in COMMON_HOURS if hours[0].hour * 60 >= min_open]
    return st.one_of(st.sampled_from(common), window()) if common else window()


people = st.builds(
    Person,
    name=st.sampled_from(NAMES),
    email=st.one_of(st.none(), st.sampled_from(["dana@acme.example", "raj@acme.example"])),
)


def asked_by(interviewers: tuple[Person, ...]) -> st.SearchStrategy[Person | None]:
    """Nobody, or the one person who asked (an interviewer, or an unnamed hiring manager)."""
    return st.one_of(st.none(), st.sampled_from(interviewers or (Person(""),)))


@st.composite
def interviews(draw: st.DrawFn, zone: str, contact: str, country: str | None) -> Interview:
    context = draw(st.sampled_from(list(Context)))
    start = draw(interview_starts(zone, country))
    agency = context is Context.AGENCY
    interview = Interview(
        start=start.astimezone(pytz.utc),
        context=context,
        candidate_zone=zone,
        contact_zone=contact,
        duration=timedelta(minutes=draw(st.integers(1, 720))),
        candidate=draw(st.sampled_from(["", "Joe Smith", "Zoë"])),
        company=draw(st.sampled_from(["", "Acme", "Société Générale"])),
        role=draw(st.sampled_from(["", "Data Analyst"])),
        interviewers=tuple(draw(st.lists(people, max_size=4))),
        recruiter=draw(st.one_of(st.none(), people)) if agency else None,
        agency="Bright Staffing" if agency and draw(st.booleans()) else "",
    )
    interview = interview._replace(
        phone_ok=draw(asked_by(interview.interviewers)),
        linkedin_ok=draw(asked_by(interview.interviewers)),
    )
    return interview._replace(feedback_by=draw(feedback_days(interview)))


def feedback_days(interview: Interview) -> st.SearchStrategy[date | None]:
    day = interview.start.astimezone(pytz.timezone(interview.candidate_zone)).date()
    later = st.integers(0, 25).map(lambda days: day + timedelta(days=days))
    return st.one_of(st.none(), later)


def plan_settings(country: str | None, min_open: int) -> st.SearchStrategy:
    return st.builds(
        Settings,
        business_hours=business_hours(min_open),
        country=st.one_of(st.just(country), st.none(), st.sampled_from(EXTRA_COUNTRIES)),
        check_in_after=st.integers(1, 15),
        alarm_minutes=st.one_of(st.none(), st.integers(0, 1440)),
        own_hours=st.one_of(st.just((time(8), time(21))), business_hours(0)),
        last_check_in_after=st.integers(0, 15),
    )


def run_times(start: datetime, end: datetime, when: str) -> st.SearchStrategy[datetime]:
    """Now before the interview ends, or after it (soon, or up to 400 days later)."""
    seconds = {
        "on time": st.integers(-60 * 86400, int((end - start).total_seconds())),
        "late": st.one_of(st.integers(1, 3 * 86400), st.integers(1, 400 * 86400)),
    }[when]
    base = start if when == "on time" else end
    return seconds.map(lambda offset: base + timedelta(seconds=offset))


@st.composite
def cases(
    draw: st.DrawFn, when: str = "on time", min_open: int = NIGHT, zone_pool: tuple = ()
) -> Case:
    zone = draw(st.sampled_from(zone_pool) if zone_pool else zones)
    contact = draw(st.one_of(st.just(zone), st.sampled_from(zone_pool) if zone_pool else zones))
    country = zone_country(contact)
    interview = draw(interviews(zone, contact, country))
    found = draw(plan_settings(country, min_open))
    now = draw(run_times(interview.start, interview.end, when))
    return Case(interview, found, now)


WEEKDAY_CHANGE_ZONES = ("Asia/Jerusalem", "Africa/Cairo")  # clocks change on a Thu or Fri


@st.composite
def check_in_on_a_night_change(draw: st.DrawFn) -> Case:
    """Business hours around a weekday clock change, and the check-in due that day."""
    zone = draw(st.sampled_from(WEEKDAY_CHANGE_ZONES))
    changes = [c for c in offset_changes(zone, FIRST_YEAR, LAST_YEAR) if c.weekday() < 5]
    change = draw(st.sampled_from(changes))
    before = wall(change - timedelta(minutes=1), zone) + timedelta(minutes=1)
    opens = max(0, before.hour * 60 + before.minute - draw(st.integers(0, 60)))
    closes = min(opens + draw(st.integers(60, 120)), 23 * 60 + 59)
    day = before.date() - timedelta(days=1)
    interview = Interview(
        start=local_to_utc(day, time(draw(st.integers(0, 22))), zone).astimezone(pytz.utc),
        context=draw(st.sampled_from(list(Context))),
        candidate_zone=zone,
        contact_zone=zone,
    )
    hours = (time(*divmod(opens, 60)), time(*divmod(closes, 60)))
    found = Settings(business_hours=hours, country=None, check_in_after=1)
    return Case(interview, found, interview.start - timedelta(days=3))


# ----------------------------------------------------------------------- examples

# Regression (fixed in eff87f5): run at 11:50 EDT, ten minutes before the 12:00 EDT
# deadline, inside own hours: the 30-minute email must be left out, not end at 12:20.
LATE_IN_OWN_HOURS = Case(
    Interview(
        start=datetime(2026, 5, 12, 15, 0, tzinfo=pytz.utc),
        context=Context.DIRECT,
        candidate_zone="America/New_York",
        contact_zone="America/New_York",
        interviewers=(Person("Dana Lee", "dana@acme.example"),),
    ),
    Settings(country="US"),
    datetime(2026, 5, 13, 15, 50, tzinfo=pytz.utc),
)
# Bug: run the morning after, when the email goes "right away" at now: 09:00 EDT.
MORNING_AFTER = replace(LATE_IN_OWN_HOURS, now=datetime(2026, 5, 13, 13, 0, tzinfo=pytz.utc))
# Bug: on Friday 27 March 2026 Israel's clocks skip 02:00-03:00, so business
# hours 02:00-03:10 last ten minutes; the check-in still takes 03:00-03:15.
CHECK_IN_IN_SHORT_DST_DAY = Case(
    Interview(
        start=datetime(2026, 3, 23, 23, 0, tzinfo=pytz.utc),
        context=Context.DIRECT,
        candidate_zone="Asia/Jerusalem",
        contact_zone="Asia/Jerusalem",
    ),
    Settings(business_hours=(time(2, 0), time(3, 10)), country="IL"),
    datetime(2026, 3, 1, tzinfo=pytz.utc),
)


# Bug: with one own hour a day, two thank-you emails and the letter run late past the
# check-in; the quiet period before the last check-in covered the letter's day.
LETTER_AFTER_CHECK_IN = Case(
    Interview(
        start=datetime(2025, 3, 30, 1, 0, tzinfo=pytz.utc),
        context=Context.AGENCY,
        candidate_zone="Europe/London",
        contact_zone="America/New_York",
        duration=timedelta(minutes=1),
        interviewers=(Person("Dana Lee"), Person("Dana Lee", "dana@acme.example")),
    ),
    Settings(
        country="US",
        check_in_after=1,
        alarm_minutes=None,
        own_hours=(time(10, 0), time(11, 0)),
        last_check_in_after=2,
    ),
    datetime(2025, 3, 31, 0, 1, 1, tzinfo=pytz.utc),
)


# ----------------------------------------------------------------------- properties


@SETTINGS
@given(cases())
def test_invariants_hold_when_run_before_the_interview_ends(case: Case) -> None:
    assert_invariants(case.plan())


@SETTINGS
@given(cases(when="late"))
@example(LATE_IN_OWN_HOURS)
def test_invariants_hold_when_run_late(case: Case) -> None:
    assert_invariants(case.plan())


@SETTINGS
@given(st.one_of(check_in_on_a_night_change(), cases(min_open=0, zone_pool=WEEKDAY_CHANGE_ZONES)))
@example(CHECK_IN_IN_SHORT_DST_DAY)
def test_invariants_hold_with_night_business_hours(case: Case) -> None:
    assert_invariants(case.plan())


@SETTINGS
@given(st.one_of(cases(), cases(when="late")))
def test_file_is_valid_and_matches_the_plan(case: Case) -> None:
    plan = case.plan()
    ics = render_calendar(plan)
    assert_file_invariants(ics)
    records = parse_both(ics)
    assert [record.step for record in records] == [step.step_id for step in plan.steps]
    assert [(r.start, r.end) for r in records] == [(s.start, s.end) for s in plan.steps]
    alarm = 0 if plan.settings.alarm_minutes is None else 1
    assert [r.alarms for r in records] == [0 if s.is_all_day else alarm for s in plan.steps]
    stamp = plan.now.astimezone(UTC).strftime("DTSTAMP:%Y%m%dT%H%M%SZ").encode()
    assert ics.count(stamp) == len(plan.steps)


@SETTINGS
@given(st.one_of(cases(), cases(when="late")))
def test_same_inputs_and_now_give_the_same_bytes(case: Case) -> None:
    first = render_calendar(case.plan())
    again = Case(case.interview._replace(), case.settings._replace(), case.now)
    assert render_calendar(again.plan()) == first


@SETTINGS
@given(cases(), st.integers(-30 * 86400, 400 * 86400))
def test_a_step_keeps_its_uid_while_its_times_and_text_do(case: Case, shift: int) -> None:
    one = parse_both(render_calendar(case.plan()))
    other = parse_both(render_calendar(case.plan(case.now + timedelta(seconds=shift))))
    for before in one:
        for after in (record for record in other if record.step == before.step):
            same = (before.start, before.end, before.summary, before.description) == (
                after.start,
                after.end,
                after.summary,
                after.description,
            )
            assert (before.uid == after.uid) == same, (before.step, same)


@SETTINGS
@given(cases(when="late"), st.integers(-12 * 60, 14 * 60))
@example(MORNING_AFTER, 120)
def test_now_in_any_offset_gives_the_same_file(case: Case, minutes: int) -> None:
    shifted = case.now.astimezone(timezone(timedelta(minutes=minutes)))
    plan = case.plan(shifted)
    assert render_calendar(plan) == render_calendar(case.plan())
    assert_shape(Facts.of(plan))


FAR_APART = ("Australia/Sydney", "America/Los_Angeles", "Asia/Kolkata", "Europe/London")


@st.composite
def far_apart_cases(draw: st.DrawFn) -> Case:
    """Both people's hours short and far apart in zones, so they may never meet."""
    case = draw(cases(zone_pool=FAR_APART))
    own = draw(business_hours(6 * 60).filter(lambda hours: hours[1].hour - hours[0].hour <= 3))
    found = case.settings._replace(own_hours=own, business_hours=(time(9), time(11)))
    return replace(case, settings=found)


@SETTINGS
@given(st.one_of(far_apart_cases(), cases(when="late", zone_pool=FAR_APART)))
def test_contact_steps_keep_both_peoples_hours_when_they_meet(case: Case) -> None:
    assert_invariants(case.plan())


@st.composite
def agency_panels(draw: st.DrawFn, when: str) -> Case:
    """Agency interviews with panels of two to four, some addresses missing, one who asked."""
    case = draw(cases(when=when))
    panel = tuple(draw(st.lists(people, min_size=2, max_size=4)))
    interview = case.interview._replace(
        context=Context.AGENCY,
        interviewers=panel,
        recruiter=draw(st.one_of(st.none(), people)),
        phone_ok=draw(asked_by(panel)),
        linkedin_ok=draw(asked_by(panel)),
    )
    return replace(case, interview=interview)


@SETTINGS
@given(st.one_of(agency_panels("on time"), agency_panels("late")))
@example(LETTER_AFTER_CHECK_IN)
def test_agency_panels_reach_the_client_only_after_the_debrief(case: Case) -> None:
    """Debrief first, one email per address, deadlines, both hours, quiet periods, texts."""
    assert_invariants(case.plan())
