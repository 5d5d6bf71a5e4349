"""Independent checkers for the tests: the spec's invariants, the file rules, two parsers.

Nothing here uses the package's scheduling helpers. Working days, business hours,
own hours and wall-clock instants are recomputed from followup-rules.md, with
pytz's zone data and the holidays library called directly.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import cache

import holidays
import pytz
from icalendar import Calendar
from icalendar.prop import vDuration

from icsfollow.core.model import Interview, Plan, PlannedStep
from icsfollow.core.regions import ZONE_REGIONS
from icsfollow.core.rules import Context
from icsfollow.core.zone_links import LINKS
from icsfollow.render.describe import describe_step
from icsfollow.render.ics import render_calendar

UTC = timezone.utc
MINUTE = timedelta(minutes=1)
ONE_DAY = timedelta(days=1)
CHECK_IN_AT = time(10, 0)
THANK_YOU_WINDOW = timedelta(hours=24)
LATE_LIMIT = timedelta(days=3)
DEBRIEF_OFFSET = timedelta(minutes=15)
OWN_TASK_OFFSET = timedelta(minutes=30)
BOTH_HOURS_DAYS = 14
ORDER = (
    "recruiter-debrief",
    "thank-you-email",
    "thank-you-letter",
    "linkedin-connect",
    "quiet-period",
    "check-in",
    "quiet-until-last-check-in",
    "last-check-in",
)
LENGTHS = {
    "recruiter-debrief": timedelta(minutes=30),
    "thank-you-email": timedelta(minutes=30),
    "thank-you-letter": timedelta(minutes=45),
    "linkedin-connect": timedelta(minutes=10),
    "check-in": timedelta(minutes=15),
    "last-check-in": timedelta(minutes=15),
}
OWN_TASKS = ("thank-you-email", "thank-you-letter", "linkedin-connect")
QUIET = ("quiet-period", "quiet-until-last-check-in")
AGENCY_WORDS = ("recruiter", "representative")
HAS_ICAL = importlib.util.find_spec("ical") is not None

# --------------------------------------------------------------------------- time


def base_id(step_id: str) -> str:
    """The rule of a step id: ``thank-you-email-2`` is a ``thank-you-email``."""
    return re.sub(r"^(thank-you-email)-\d+$", r"\1", step_id)


def email_id(number: int) -> str:
    """The email step of the ``number``-th addressed interviewer (from 1)."""
    return "thank-you-email" if number == 1 else f"thank-you-email-{number}"


def utc(text: str) -> datetime:
    """``"2026-05-12 16:30"`` read as a UTC instant."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


def ceil_minute(instant: datetime) -> datetime:
    """Round an instant up to a whole minute."""
    floor = instant.replace(second=0, microsecond=0)
    return floor if floor == instant else floor + MINUTE


def wall(instant: datetime, zone: str) -> datetime:
    """An instant on a zone's wall clock."""
    return instant.astimezone(pytz.timezone(zone))


def local_day(instant: datetime, zone: str) -> date:
    """The date an instant falls on in a zone."""
    return wall(instant, zone).date()


def _offset_at(tz: pytz.BaseTzInfo, naive_utc: datetime) -> timedelta:
    offset = pytz.utc.localize(naive_utc).astimezone(tz).utcoffset()
    assert offset is not None
    return offset


def local_to_utc(day: date, clock: time, zone: str) -> datetime:
    """The first instant the zone's wall clock shows ``clock`` on ``day``.

    A repeated wall time gives the earlier instant; a skipped one gives the end
    of the gap (the first instant whose wall clock reads that time or later).
    """
    tz = pytz.timezone(zone)
    naive = datetime.combine(day, clock)
    offsets = {_offset_at(tz, naive + timedelta(hours=hours)) for hours in (-30, 30)}
    starts = sorted((naive - offset).replace(tzinfo=UTC) for offset in offsets)
    shown = [start for start in starts if wall(start, zone).replace(tzinfo=None) == naive]
    return shown[0] if shown else _gap_end(zone, naive, starts[0], starts[-1])


def _gap_end(zone: str, naive: datetime, low: datetime, high: datetime) -> datetime:
    while high - low > MINUTE:
        middle = low + ((high - low) // MINUTE // 2) * MINUTE
        if wall(middle, zone).replace(tzinfo=None) >= naive:
            high = middle
        else:
            low = middle
    return high


def offset_changes(zone: str, first_year: int, last_year: int) -> list[datetime]:
    """The instants a zone's UTC offset changes (from pytz's transition table)."""
    tz = pytz.timezone(zone)
    times = getattr(tz, "_utc_transition_times", [])
    infos = getattr(tz, "_transition_info", [])
    return [
        moment.replace(tzinfo=UTC)
        for index, moment in enumerate(times)
        if index
        and first_year <= moment.year <= last_year
        and infos[index][0] != infos[index - 1][0]
    ]


def dst_days(zone: str, first_year: int, last_year: int) -> list[date]:
    """The local dates on which a zone's clocks change."""
    changes = offset_changes(zone, first_year, last_year)
    return sorted({local_day(moment, zone) for moment in changes})


@cache
def zone_country(zone: str) -> str | None:
    """The country (or region, from the zone->region table) of a zone, if it has holidays."""
    countries = {z: code for code, zones in pytz.country_timezones.items() for z in zones}
    canonical = LINKS.get(zone, zone)
    code = ZONE_REGIONS.get(canonical) or countries.get(canonical)
    return code if code and code[:2] in holidays.list_supported_countries() else None


# --------------------------------------------------------------------- working days


@cache
def _holiday_table(country: str) -> holidays.HolidayBase:
    code, _, region = country.partition("-")
    return holidays.country_holidays(code, subdiv=region or None)


@dataclass(frozen=True)
class WorkDays:
    """The contact's working days and business hours, recomputed from the spec."""

    zone: str
    hours: tuple[time, time]
    country: str | None

    def why_not(self, day: date) -> str | None:
        """Why a day is not a working day (weekday name or holiday), or None."""
        if day.weekday() >= 5:
            return day.strftime("%A")
        return _holiday_table(self.country).get(day) if self.country else None

    def is_working(self, day: date) -> bool:
        return self.why_not(day) is None

    def window(self, day: date) -> tuple[datetime, datetime]:
        opens, closes = self.hours
        return local_to_utc(day, opens, self.zone), local_to_utc(day, closes, self.zone)

    def after(self, day: date, count: int = 1) -> date:
        """Working day number ``count`` strictly after ``day``."""
        for _ in range(count):
            day += ONE_DAY
            while not self.is_working(day):
                day += ONE_DAY
        return day

    def holds(self, start: datetime, end: datetime) -> bool:
        """True if ``[start, end]`` lies in business hours of a working day."""
        day = local_day(start, self.zone)
        opens, closes = self.window(day)
        return self.is_working(day) and opens <= start and end <= closes

    def first_slot(self, earliest: datetime, length: timedelta) -> datetime:
        """The first start at or after ``earliest`` of a slot in business hours."""
        day = local_day(earliest, self.zone)
        for _ in range(400):
            opens, closes = self.window(day)
            start = max(earliest, opens)
            if self.is_working(day) and start + length <= closes:
                return start
            day += ONE_DAY
        raise AssertionError(f"no business slot within 400 days of {earliest}")


# -------------------------------------------------------------------- plan checker


@dataclass(frozen=True)
class Facts:
    """What every check needs: the plan, T1, the rounded now, the contact's calendar."""

    plan: Plan
    t1: datetime
    now: datetime
    work: WorkDays

    @classmethod
    def of(cls, plan: Plan) -> Facts:
        interview, settings = plan.interview, plan.settings
        work = WorkDays(interview.contact_zone, settings.business_hours, settings.country)
        return cls(plan, interview.start + interview.duration, ceil_minute(plan.now), work)

    @property
    def deadline(self) -> datetime:
        return self.t1 + THANK_YOU_WINDOW

    @property
    def zone(self) -> str:
        return self.plan.interview.candidate_zone

    @property
    def steps(self) -> dict[str, PlannedStep]:
        return {step.step_id: step for step in self.plan.steps}

    @property
    def agency(self) -> bool:
        return self.plan.interview.context is Context.AGENCY

    def timed(self) -> list[PlannedStep]:
        return [step for step in self.plan.steps if isinstance(step.start, datetime)]

    def show(self, instant: datetime) -> str:
        local, utc_time = wall(instant, self.zone), instant.astimezone(UTC)
        return f"{local:%a %d %b %Y %H:%M %Z} ({utc_time:%Y-%m-%d %H:%M}Z)"


def assert_invariants(plan: Plan, files: bool = True) -> None:
    """Check every invariant of the rules (followup-rules.md as issue 9 changed them).

    ``files=False`` skips the file and text checks, which render the plan.
    """
    facts = Facts.of(plan)
    assert_shape(facts)
    assert_conditions(facts)
    assert_not_before_t1_or_now(facts)
    assert_thank_yous_by_deadline(facts)
    assert_own_tasks(facts)
    assert_contact_steps(facts)
    assert_quiet_periods(facts)
    if files:
        assert_texts(plan)
        assert_file_keeps_promises(plan)


def assert_shape(facts: Facts) -> None:
    """Rule order, no repeats, UTC instants or dates, step lengths, deadlines."""
    ids = [step.step_id for step in facts.plan.steps]
    assert len(set(ids)) == len(ids), ids
    bases = [base_id(step_id) for step_id in ids]
    assert bases == sorted(bases, key=ORDER.index), ids
    for step in facts.plan.steps:
        if step.step_id in QUIET:
            assert type(step.start) is date and type(step.end) is date, step
            assert step.start < step.end, step
            continue
        assert isinstance(step.start, datetime) and isinstance(step.end, datetime), step
        assert step.start.utcoffset() == timedelta(0), f"{step.step_id} not in UTC: {step.start}"
        assert step.end - step.start == LENGTHS[base_id(step.step_id)], step
        expected = facts.deadline if base_id(step.step_id) in OWN_TASKS else None
        assert step.deadline == expected, step


def assert_conditions(facts: Facts) -> None:
    """One email step per addressed interviewer, LinkedIn and calls for who asked, and so on."""
    interview, steps = facts.plan.interview, facts.steps
    addressed = [person for person in interview.interviewers if person.email]
    emails = [step for step in facts.plan.steps if base_id(step.step_id) == "thank-you-email"]
    assert all(step.person in addressed for step in emails), "email to someone not addressed"
    for number, person in enumerate(addressed, start=1):
        step = steps.get(email_id(number))
        if step is None:
            assert_left_out_warning(facts, email_id(number))
        else:
            assert step.person == person, (step, person)
    if "linkedin-connect" in steps:
        assert interview.linkedin_ok is not None, "linkedin-connect without linkedin-ok"
        assert steps["linkedin-connect"].person == interview.linkedin_ok
    assert ("recruiter-debrief" in steps) == facts.agency, f"debrief and {interview.context}"
    assert "check-in" in steps, "no check-in"
    wants_last = facts.plan.settings.last_check_in_after > 0
    assert ("last-check-in" in steps) == wants_last, "last-check-in and its setting"
    for step in facts.plan.steps:
        assert not step.late or base_id(step.step_id) in OWN_TASKS, step
        assert not step.by_email or step.step_id == "recruiter-debrief", step


def assert_not_before_t1_or_now(facts: Facts) -> None:
    """Invariant 1, and nothing before now (the quiet periods: not before now's date)."""
    for step in facts.plan.steps:
        if isinstance(step.start, datetime):
            assert step.start >= facts.t1, f"{step.step_id} before T1: {facts.show(step.start)}"
            assert step.start >= facts.plan.now, f"{step.step_id} before now {facts.plan.now}"
        else:
            assert step.start > local_day(facts.t1, facts.zone), step
            assert step.start >= local_day(facts.plan.now, facts.zone), step


def assert_thank_yous_by_deadline(facts: Facts) -> None:
    """Invariant 2: own tasks end by T1 + 24 h, or are marked late and end within 3 days after."""
    for step in facts.plan.steps:
        if base_id(step.step_id) not in OWN_TASKS:
            continue
        assert isinstance(step.end, datetime)
        on_time = step.end <= facts.deadline
        assert on_time != step.late, (
            f"{step.step_id} ends {facts.show(step.end)}, deadline {facts.show(facts.deadline)}, "
            f"late={step.late}"
        )
        assert step.end <= facts.deadline + LATE_LIMIT, step


# ---------------------------------------------------------------------- own tasks


def wanted_own_tasks(interview: Interview) -> list[tuple[str, timedelta]]:
    """The own tasks whose condition holds, in plan order, with their lengths."""
    addressed = [person for person in interview.interviewers if person.email]
    tasks = [(email_id(n), LENGTHS["thank-you-email"]) for n in range(1, len(addressed) + 1)]
    tasks.append(("thank-you-letter", LENGTHS["thank-you-letter"]))
    if interview.linkedin_ok is not None:
        tasks.append(("linkedin-connect", LENGTHS["linkedin-connect"]))
    return tasks


def own_window(facts: Facts, day: date) -> tuple[datetime, datetime]:
    opens, closes = facts.plan.settings.own_hours
    return local_to_utc(day, opens, facts.zone), local_to_utc(day, closes, facts.zone)


def first_own_hours_start(facts: Facts, earliest: datetime, length: timedelta) -> datetime:
    """The first start at or after ``earliest`` of a slot inside own hours."""
    day = local_day(earliest, facts.zone)
    for days in range(-1, 3):
        opens, closes = own_window(facts, day + days * ONE_DAY)
        start = max(earliest, opens)
        if start + length <= closes:
            return start
    raise AssertionError(f"no own-hours slot after {earliest}")


def own_start(
    facts: Facts, earliest: datetime, length: timedelta, limit: datetime
) -> datetime | None:
    """Own hours if the limit allows; else right away if it allows; else None."""
    for start in (first_own_hours_start(facts, earliest, length), earliest):
        if start + length <= limit:
            return start
    return None


def in_own_hours(facts: Facts, start: datetime, end: datetime) -> bool:
    day = local_day(start, facts.zone)
    for days in (-1, 0):
        opens, closes = own_window(facts, day + days * ONE_DAY)
        if opens <= start and end <= closes:
            return True
    return False


def expected_own_tasks(facts: Facts) -> dict[str, tuple[datetime, datetime, bool] | None]:
    """Each wanted own task's expected times and lateness, or None when left out."""
    anchor = facts.t1 + OWN_TASK_OFFSET
    debrief = facts.steps.get("recruiter-debrief")
    if debrief is not None:
        assert isinstance(debrief.end, datetime)
        anchor = max(anchor, debrief.end)
    expected: dict[str, tuple[datetime, datetime, bool] | None] = {}
    for step_id, length in wanted_own_tasks(facts.plan.interview):
        earliest = max(anchor, facts.now)
        start, late = own_start(facts, earliest, length, facts.deadline), False
        if start is None:
            start, late = own_start(facts, earliest, length, facts.deadline + LATE_LIMIT), True
        expected[step_id] = None if start is None else (start, start + length, late)
        anchor = anchor if start is None else start + length
    return expected


def assert_own_tasks(facts: Facts) -> None:
    """Own tasks: exact slots after the debrief, own hours unless a limit forced them out."""
    expected = expected_own_tasks(facts)
    actual = {
        step.step_id: (step.start, step.end, step.late)
        for step in facts.plan.steps
        if base_id(step.step_id) in OWN_TASKS
    }
    assert actual == {key: value for key, value in expected.items() if value}, (
        f"own tasks {actual} != expected {expected}"
    )
    for step_id, (start, end, late) in actual.items():
        assert isinstance(start, datetime) and isinstance(end, datetime)
        if not in_own_hours(facts, start, end):
            own = first_own_hours_start(facts, start, end - start)
            limit = facts.deadline + (LATE_LIMIT if late else timedelta(0))
            assert own + (end - start) > limit, f"{step_id} left own hours needlessly"
    for step_id in (key for key, value in expected.items() if value is None):
        assert_left_out_warning(facts, step_id)


def assert_left_out_warning(facts: Facts, step_id: str) -> None:
    """A left-out step is named in a warning, with its deadline in the candidate's zone."""
    deadline = f"{wall(facts.deadline, facts.zone):%a %d %b %Y %H:%M}"
    named = [text for text in facts.plan.warnings if step_id in text and deadline in text]
    assert named, f"no warning names {step_id} and {deadline}: {facts.plan.warnings}"


# ------------------------------------------------------------------- contact steps


def both_hours_slot(facts: Facts, start: datetime, length: timedelta, days: int) -> bool:
    """True if a slot in business hours and own hours starts within ``days`` after ``start``."""
    day = local_day(start, facts.work.zone)
    for offset in range(days):
        current = day + offset * ONE_DAY
        if not facts.work.is_working(current):
            continue
        opens, closes = facts.work.window(current)
        own_day = local_day(opens, facts.zone)
        for own_offset in (-1, 0, 1):
            own_opens, own_closes = own_window(facts, own_day + own_offset * ONE_DAY)
            begin = max(start, opens, own_opens)
            if begin + length <= min(closes, own_closes):
                return True
    return False


def contact_steps(facts: Facts) -> list[PlannedStep]:
    steps = [facts.steps.get(key) for key in ("recruiter-debrief", "check-in", "last-check-in")]
    return [step for step in steps if step is not None and not step.by_email]


def assert_both_hours(facts: Facts, step: PlannedStep) -> None:
    """A contact step is in business hours, and in own hours whenever the two overlap."""
    assert isinstance(step.start, datetime) and isinstance(step.end, datetime)
    assert facts.work.holds(step.start, step.end), (
        f"{step.step_id} outside business hours in {facts.work.zone}: "
        f"{wall(step.start, facts.work.zone):%a %d %b %Y %H:%M %Z}-"
        f"{wall(step.end, facts.work.zone):%H:%M %Z}, hours {facts.work.hours}"
    )
    length = step.end - step.start
    if step.their_hours_only:
        assert not both_hours_slot(facts, step.start, length, BOTH_HOURS_DAYS), (
            f"{step.step_id} in their hours only at {facts.show(step.start)}, "
            "though both people's hours overlap"
        )
    else:
        assert in_own_hours(facts, step.start, step.end), (
            f"{step.step_id} outside own hours: {facts.show(step.start)}"
        )
    for day, why in step.moved_by:
        assert why == facts.work.why_not(day), (step.step_id, day, why)


def expected_check_in_day(facts: Facts) -> date:
    """Working day N after the interview day (in C), later for feedback-by or the debrief."""
    interview, work = facts.plan.interview, facts.work
    day = work.after(local_day(facts.t1, work.zone), facts.plan.settings.check_in_after)
    if interview.feedback_by is not None:
        day = max(day, work.after(interview.feedback_by))
    debrief = facts.steps.get("recruiter-debrief")
    if debrief is not None:
        assert isinstance(debrief.end, datetime)
        day = max(day, work.after(local_day(debrief.end, work.zone)))
    return day


def assert_day_and_time(facts: Facts, step: PlannedStep, day: date) -> None:
    """On its working day or later; at 10:00 there when both people can and it has not passed."""
    assert isinstance(step.start, datetime)
    work, length = facts.work, LENGTHS[step.step_id]
    assert local_day(step.start, work.zone) >= day, (step.step_id, day, facts.show(step.start))
    ten = local_to_utc(day, CHECK_IN_AT, work.zone)
    if (
        ten >= facts.now
        and work.holds(ten, ten + length)
        and in_own_hours(facts, ten, ten + length)
    ):
        assert step.start == ten, f"{step.step_id} at {facts.show(step.start)}, not 10:00 {day}"


def assert_contact_steps(facts: Facts) -> None:
    """Invariants 3 and 4 with both people's hours; the check-in after the debrief's day."""
    for step in contact_steps(facts):
        assert_both_hours(facts, step)
    debrief = facts.steps.get("recruiter-debrief")
    if debrief is not None:
        assert isinstance(debrief.start, datetime)
        assert debrief.start >= max(facts.t1 + DEBRIEF_OFFSET, facts.now), debrief
        if debrief.by_email:
            right_away = debrief.start == max(facts.t1 + DEBRIEF_OFFSET, facts.now)
            assert right_away or in_own_hours(facts, debrief.start, _end(debrief)), debrief
        for step in facts.plan.steps:
            if base_id(step.step_id) in OWN_TASKS:
                assert step.start >= debrief.end, f"{step.step_id} before the debrief ends"
    check_in = facts.steps["check-in"]
    assert_day_and_time(facts, check_in, expected_check_in_day(facts))
    last = facts.steps.get("last-check-in")
    if last is not None:
        check_in_day = local_day(_end(check_in), facts.work.zone)
        count = facts.plan.settings.last_check_in_after
        assert_day_and_time(facts, last, facts.work.after(check_in_day, count))


def _end(step: PlannedStep) -> datetime:
    assert isinstance(step.end, datetime)
    return step.end


def assert_quiet_periods(facts: Facts) -> None:
    """Days strictly between the earlier steps and each check-in, in Z; no contact inside."""
    early = [
        step
        for step in facts.timed()
        if step.step_id == "recruiter-debrief" or base_id(step.step_id) in OWN_TASKS
    ]
    spans = [("quiet-period", early, facts.steps["check-in"])]
    if "last-check-in" in facts.steps:
        # late own tasks can follow the check-in: the second period starts after them too
        after = [*early, facts.steps["check-in"]]
        spans.append(("quiet-until-last-check-in", after, facts.steps["last-check-in"]))
    for step_id, before, until in spans:
        days = [local_day(facts.t1, facts.zone)]
        days += [local_day(_end(step) - timedelta(microseconds=1), facts.zone) for step in before]
        first = max(max(days) + ONE_DAY, local_day(facts.plan.now, facts.zone))
        assert isinstance(until.start, datetime)
        last = local_day(until.start, facts.zone)
        quiet = facts.steps.get(step_id)
        if first >= last:
            assert quiet is None, f"{step_id} {quiet} with no day to cover"
            continue
        assert quiet is not None, f"no {step_id}, though {first} to {last} lies between"
        assert (quiet.start, quiet.end) == (first, last), (quiet, first, last)
    for quiet in (facts.steps[key] for key in QUIET if key in facts.steps):
        for step in facts.timed():
            for instant in (step.start, _end(step) - timedelta(microseconds=1)):
                assert isinstance(instant, datetime)
                day = local_day(instant, facts.zone)
                assert not quiet.start <= day < quiet.end, f"{step.step_id} inside {quiet}"


def assert_texts(plan: Plan) -> None:
    """No agency wording in direct plans; the company in every title; the agency condition."""
    interview = plan.interview
    for step in plan.steps:
        text = describe_step(plan, step)
        if interview.context is Context.DIRECT:
            words = f"{text.summary} {text.description}".lower()
            for word in AGENCY_WORDS:
                assert word not in words, (step.step_id, word)
        if interview.company:
            assert interview.company in text.summary, (step.step_id, text.summary)
        if interview.context is Context.AGENCY and base_id(step.step_id) in OWN_TASKS:
            assert "says the client welcomes it" in text.summary, text.summary


def assert_file_keeps_promises(plan: Plan) -> None:
    """Invariants 6 and 7 on the plan's file: stable bytes and UIDs, nobody invited."""
    ics = render_calendar(plan)
    assert render_calendar(plan) == ics
    later = render_calendar(plan._replace(now=plan.now + timedelta(days=400, seconds=7)))
    assert event_uids(later) == event_uids(ics)
    assert not any(record.invites for record in parse_both(ics))


# ----------------------------------------------------------------------- the file


@dataclass(frozen=True)
class EventRecord:
    """One VEVENT, as both parsers must agree on it."""

    step: str
    uid: str
    start: datetime | date
    end: datetime | date
    summary: str
    description: str
    invites: bool
    alarms: int


def _instant(value: datetime | date) -> datetime | date:
    if isinstance(value, datetime):
        assert value.utcoffset() == timedelta(0), f"not UTC: {value!r}"
        return value.astimezone(UTC)
    return value


def _icalendar_records(ics: bytes) -> list[EventRecord]:
    calendar = Calendar.from_ical(ics)
    errors = [(part.name, error) for part in calendar.walk() for error in part.errors]
    assert not errors, errors
    return [
        EventRecord(
            step=str(event.get("X-ICSFOLLOW-STEP")),
            uid=str(event["UID"]),
            start=_instant(event.decoded("DTSTART")),
            end=_instant(event.decoded("DTEND")),
            summary=str(event.get("SUMMARY")),
            description=str(event.get("DESCRIPTION")),
            invites="ATTENDEE" in event or "ORGANIZER" in event,
            alarms=sum(1 for part in event.subcomponents if part.name == "VALARM"),
        )
        for event in calendar.walk("VEVENT")
    ]


def _ical_records(ics: bytes) -> list[EventRecord]:
    from ical.calendar_stream import IcsCalendarStream

    calendar = IcsCalendarStream.calendar_from_ics(ics.decode("utf-8"))
    return [
        EventRecord(
            step=next(x.value for x in event.extras if x.name.upper() == "X-ICSFOLLOW-STEP"),
            uid=str(event.uid),
            start=_instant(event.dtstart),
            end=_instant(event.dtend),
            summary=str(event.summary),
            description=str(event.description),
            invites=bool(event.attendees) or event.organizer is not None,
            alarms=len(event.alarm),
        )
        for event in calendar.events
    ]


def parse_both(ics: bytes) -> list[EventRecord]:
    """Parse with icalendar and (Python 3.11+) the strict ``ical``; both must agree."""
    records = _icalendar_records(ics)
    if HAS_ICAL:
        assert _ical_records(ics) == records
    return records


# ------------------------------------------------------------------ the file rules


@dataclass
class Block:
    """A component of the file: its properties in order, and its subcomponents."""

    name: str
    props: list[tuple[str, str, str]]
    children: list[Block]
    prop_after_child: bool = False

    def values(self, name: str) -> list[str]:
        return [value for key, _, value in self.props if key == name]

    def one(self, name: str) -> tuple[str, str]:
        found = [(params, value) for key, params, value in self.props if key == name]
        assert len(found) == 1, f"{self.name} has {len(found)} {name}"
        return found[0]


def content_lines(ics: bytes) -> list[str]:
    """Check CRLF, 75-octet folding on whole UTF-8 characters; return unfolded lines."""
    assert ics.endswith(b"\r\n"), "the file does not end with CRLF"
    physical = ics[:-2].split(b"\r\n")
    lines: list[bytes] = []
    for line in physical:
        assert b"\n" not in line and b"\r" not in line, f"bare line break in {line!r}"
        assert len(line) <= 75, f"line longer than 75 octets: {line!r}"
        line.decode("utf-8")
        if line[:1] in (b" ", b"\t"):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return [line.decode("utf-8") for line in lines]


def split_line(line: str) -> tuple[str, str, str]:
    """``NAME;PARAMS:VALUE`` into its parts (a colon inside quotes is a parameter's)."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            name, _, params = line[:index].partition(";")
            return name.upper(), params, line[index + 1 :]
    raise AssertionError(f"no colon in {line!r}")


def parse_blocks(lines: list[str]) -> Block:
    """Nest the content lines into components; return the single root."""
    stack = [Block("ROOT", [], [])]
    for line in lines:
        name, params, value = split_line(line)
        if name == "BEGIN":
            stack.append(Block(value.upper(), [], []))
        elif name == "END":
            done = stack.pop()
            assert done.name == value.upper(), f"END:{value} closes {done.name}"
            stack[-1].children.append(done)
        else:
            stack[-1].props.append((name, params, value))
            stack[-1].prop_after_child |= bool(stack[-1].children)
    assert len(stack) == 1 and len(stack[0].children) == 1, "unbalanced BEGIN/END"
    return stack[0].children[0]


UTC_STAMP = re.compile(r"^\d{8}T\d{6}Z$")
DATE_VALUE = re.compile(r"^\d{8}$")
EVENT_VALUES = {
    "TRANSP": "TRANSPARENT",
    "X-MICROSOFT-CDO-BUSYSTATUS": "FREE",
    "CLASS": "PRIVATE",
    "SEQUENCE": "0",
}
FORBIDDEN = ("ATTENDEE", "ORGANIZER", "X-WR-CALNAME", "DURATION")


def event_uids(ics: bytes) -> list[str]:
    """The UIDs of the file's events, in order."""
    return [event.one("UID")[1] for event in parse_blocks(content_lines(ics)).children]


def assert_file_invariants(ics: bytes) -> None:
    """The rules of ics-interop.md, read from the bytes with no iCalendar library."""
    lines = content_lines(ics)
    for line in lines:
        name, params, _ = split_line(line)
        assert name not in FORBIDDEN, f"forbidden property {name}"
        assert "TZID" not in params.upper(), f"TZID in {line!r}"
    calendar = parse_blocks(lines)
    assert calendar.name == "VCALENDAR"
    assert calendar.one("VERSION")[1] == "2.0"
    assert calendar.one("PRODID")[1]
    assert calendar.one("CALSCALE")[1] == "GREGORIAN"
    assert calendar.one("METHOD")[1] == "PUBLISH"
    assert {child.name for child in calendar.children} <= {"VEVENT"}
    for event in calendar.children:
        assert_event_rules(event)
    uids = [event.one("UID")[1] for event in calendar.children]
    assert len(set(uids)) == len(uids), f"repeated UIDs: {uids}"


def assert_event_rules(event: Block) -> None:
    """One VEVENT: fixed values, UTC or date times, one well-formed alarm at most."""
    for name, value in EVENT_VALUES.items():
        assert event.one(name) == ("", value), (name, event.values(name))
    assert event.one("UID")[1].endswith("@icsfollow")
    assert base_id(event.one("X-ICSFOLLOW-STEP")[1]) in ORDER
    assert event.one("SUMMARY")[1]
    stamp = event.one("DTSTAMP")
    assert stamp[0] == "" and UTC_STAMP.match(stamp[1]), stamp
    start, end = event.one("DTSTART"), event.one("DTEND")
    assert start[0] == end[0], (start, end)
    pattern = DATE_VALUE if start[0] == "VALUE=DATE" else UTC_STAMP
    assert start[0] in ("", "VALUE=DATE"), start
    assert pattern.match(start[1]) and pattern.match(end[1]), (start, end)
    assert start[1] < end[1], (start, end)
    assert not event.prop_after_child, "a property comes after the VALARM"
    assert [child.name for child in event.children] in ([], ["VALARM"]), event.children
    for alarm in event.children:
        assert_alarm_rules(alarm)


def assert_alarm_rules(alarm: Block) -> None:
    """ACTION:DISPLAY, a DESCRIPTION, a relative TRIGGER at or before the start."""
    assert alarm.one("ACTION") == ("", "DISPLAY")
    assert alarm.one("DESCRIPTION")[1]
    params, value = alarm.one("TRIGGER")
    assert params in ("", "RELATED=START"), params
    assert vDuration.from_ical(value) <= timedelta(0), value
    assert not alarm.children
