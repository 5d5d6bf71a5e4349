"""Every common zone: interviews across its 2026-2027 clock changes keep every invariant.

A zone without clock changes gets one ordinary day. Each plan is checked with the
independent checker; one plan per zone also goes through the library's input
path (``make_plan``), and its file (rendered twice: same bytes) through both
parsers and the file rules. UID stability is a property test's job.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
import pytz

from icsfollow.api import make_plan
from icsfollow.core.model import Interview, Person, Settings
from icsfollow.core.rules import Context
from icsfollow.core.schedule import schedule_steps
from icsfollow.inputs.options import PlanOptions
from icsfollow.render.ics import render_calendar

from support import (
    assert_file_invariants,
    assert_invariants,
    local_to_utc,
    offset_changes,
    parse_both,
    wall,
    zone_country,
)

ORDINARY_DAY = date(2026, 6, 10)
DANA = Person("Dana Lee", "dana@acme.example")
SAM = Person("Sam Ortiz", "sam@staffing.example")


def interview_starts(zone: str) -> list[datetime]:
    """Half an hour before each clock change, so the interview spans it; else noon."""
    changes = offset_changes(zone, 2026, 2027)
    if not changes:
        return [local_to_utc(ORDINARY_DAY, time(12, 0), zone)]
    return [change - timedelta(minutes=30) for change in changes]


def interview(zone: str, start: datetime, index: int) -> Interview:
    agency = index % 2 == 0
    return Interview(
        start=start.astimezone(pytz.utc),
        context=Context.AGENCY if agency else Context.DIRECT,
        candidate_zone=zone,
        contact_zone=zone,
        candidate="Joe Smith",
        company="Acme",
        interviewers=(DANA,),
        recruiter=SAM if agency else None,
        linkedin_ok=DANA,
    )


@pytest.mark.parametrize("zone", pytz.common_timezones)
def test_plans_across_clock_changes_keep_the_invariants(zone: str) -> None:
    starts = interview_starts(zone)
    settings = Settings(country=zone_country(zone))
    for index, start in enumerate(starts):
        plan = schedule_steps(interview(zone, start, index), settings, start - timedelta(days=7))
        assert_invariants(plan, files=False)
        assert len(plan.steps) >= 4


@pytest.mark.parametrize("zone", pytz.common_timezones)
def test_the_input_path_writes_a_valid_file(zone: str) -> None:
    day = wall(interview_starts(zone)[0], zone).date()
    options = PlanOptions(
        when=f"{day:%Y-%m-%d} 12:00",
        context="agency",
        tz=zone,
        name="Joe Smith",
        company="Acme",
        interviewers=("Dana Lee <dana@acme.example>",),
        recruiter="Sam Ortiz <sam@staffing.example>",
        linkedin_ok="",
    )
    result = make_plan(options, local_to_utc(day, time(12, 0), zone) - timedelta(days=3))
    assert result.plan.settings.country == zone_country(zone)
    assert_invariants(result.plan, files=False)
    assert render_calendar(result.plan) == result.ics
    assert_file_invariants(result.ics)
    steps = [record.step for record in parse_both(result.ics)]
    assert steps[:4] == [
        "recruiter-debrief",
        "thank-you-email",
        "thank-you-letter",
        "linkedin-connect",
    ]
