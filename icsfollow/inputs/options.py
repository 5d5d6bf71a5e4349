"""The plan command's raw options, checked and turned into an Interview and Settings."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import NamedTuple

from icsfollow.core.model import Interview, Person, Settings
from icsfollow.core.regions import region_of_zone
from icsfollow.core.rules import DEFAULTS, Context
from icsfollow.core.zones import country_of_zone, format_local, to_local
from icsfollow.errors import InputError
from icsfollow.inputs.bounds import within_years
from icsfollow.inputs.date_order import reads_day_first
from icsfollow.inputs.parse import clean_text, parse_zone
from icsfollow.inputs.people import parse_person, unique_people
from icsfollow.inputs.spans import parse_duration, parse_hours
from icsfollow.inputs.when import parse_date, parse_when

__all__ = [
    "PlanOptions",
    "asked_by",
    "build_interview",
    "build_settings",
    "parse_alarm",
    "parse_country",
]

COUNTRY_HINT = "use a code such as GB, US or AU-NSW, or none"


class PlanOptions(NamedTuple):
    """The plan command's options as typed (after click's own type checks).

    ``phone_ok`` and ``linkedin_ok``: None when not given, ``""`` for the bare flag
    (the first interviewer), else the name of the interviewer who asked.
    ``dayfirst``: True reads ``02/12`` as 2 December, False as February 12, None by the
    way the country of ``tz`` writes dates.
    """

    when: str
    context: str
    tz: str
    their_tz: str | None = None
    duration: int | str = DEFAULTS.duration_minutes
    name: str = ""
    company: str = ""
    role: str = ""
    interviewers: tuple[str, ...] = ()
    recruiter: str | None = None
    agency_name: str = ""
    feedback_by: str | None = None
    phone_ok: str | None = None
    linkedin_ok: str | None = None
    hours: str = DEFAULTS.hours_text
    country: str | None = None
    check_in_after: int = DEFAULTS.check_in_after
    alarm: str = str(DEFAULTS.alarm_minutes)
    dayfirst: bool | None = None
    own_hours: str = DEFAULTS.own_hours_text
    last_check_in_after: int = DEFAULTS.last_check_in_after


def build_interview(options: PlanOptions, now: datetime) -> tuple[Interview, list[str]]:
    """Check every interview option and build the Interview.

    Returns:
        The interview, and warnings for the user.

    Raises:
        InputError: For the first value that cannot be used.
    """
    context = Context(options.context.strip().lower())
    _check_agency_only(options, context)
    zone = parse_zone("--tz", options.tz)
    contact_zone = (
        parse_zone("--their-tz", options.their_tz) if options.their_tz is not None else zone
    )
    dayfirst = date_order(options, zone)
    read = partial(parse_when, "WHEN", options.when, zone, now, dayfirst)
    start, warnings = within_years("WHEN", options.when, read, zone)
    duration = parse_duration("--duration", str(options.duration), DEFAULTS.max_duration_minutes)
    _check_not_closed(options.when, start + timedelta(minutes=duration), now)
    texts, folded = _texts(options)
    interviewers, repeated = _interviewers(options.interviewers)
    warnings += folded + repeated + _name_warning(texts["name"], interviewers)
    interview = Interview(
        start=start,
        context=context,
        candidate_zone=zone,
        contact_zone=contact_zone,
        duration=timedelta(minutes=duration),
        candidate=texts["name"],
        company=texts["company"],
        role=texts["role"],
        agency=texts["agency_name"],
        interviewers=interviewers,
        recruiter=_recruiter(options),
        phone_ok=asked_by("--phone-ok", options.phone_ok, interviewers),
        linkedin_ok=asked_by("--linkedin-ok", options.linkedin_ok, interviewers),
    )
    return _with_feedback_by(interview, options, now, dayfirst), warnings


def date_order(options: PlanOptions, zone: str) -> bool | None:
    """Day first (True), month first (False) or not known (None): the option, else the country."""
    if options.dayfirst is not None:
        return options.dayfirst
    return reads_day_first(country_of_zone(zone))


def build_settings(options: PlanOptions, contact_zone: str) -> tuple[Settings, list[str]]:
    """Check the planning options and build the Settings."""
    country, warnings = parse_country(options.country, contact_zone)
    settings = Settings(
        business_hours=parse_hours("--hours", options.hours),
        country=country,
        check_in_after=options.check_in_after,
        alarm_minutes=parse_alarm(options.alarm),
        own_hours=parse_hours("--own-hours", options.own_hours),
        last_check_in_after=options.last_check_in_after,
    )
    return settings, warnings


def parse_alarm(text: str) -> int | None:
    """Read ``--alarm``: minutes before the step (0-1440), or ``none``."""
    if text.strip().lower() == "none":
        return None
    try:
        minutes = int(text.strip())
    except ValueError:
        raise InputError("--alarm", text, "is not a number of minutes or 'none'") from None
    if not 0 <= minutes <= DEFAULTS.max_alarm_minutes:
        raise InputError("--alarm", text, f"must be 0 to {DEFAULTS.max_alarm_minutes} minutes")
    return minutes


def parse_country(text: str | None, contact_zone: str) -> tuple[str | None, list[str]]:
    """Read ``--country`` (``GB``, ``UK``, ``AU-NSW`` or ``none``); else infer it from the zone.

    A zone that lies in one region (``Australia/Sydney``) gives that region.

    Returns:
        The country code (``CC`` or ``CC-REGION``) or None, and warnings.
    """
    from icsfollow.core.workdays import holiday_lookup

    if text is not None:
        return (None if text.strip().lower() == "none" else _country_option(text)), []
    code = region_of_zone(contact_zone) or country_of_zone(contact_zone)
    if code is None:
        return None, [f"no country for {contact_zone}: public holidays are not skipped"]
    try:
        holiday_lookup(code)
    except NotImplementedError:
        return None, [f"no public holidays known for {code}: they are not skipped"]
    return code, []


def asked_by(option: str, text: str | None, interviewers: tuple[Person, ...]) -> Person | None:
    """Read ``--phone-ok`` / ``--linkedin-ok``: the one interviewer who asked.

    The bare flag (``""``) names the first interviewer, the hiring manager. A value
    names an interviewer by full name, one word of it, or email, case-insensitively.

    Raises:
        InputError: If the value names no interviewer, or more than one.
    """
    if text is None:
        return None
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return interviewers[0] if interviewers else Person("")
    if not interviewers:
        return parse_person(option, text)
    exact = [p for p in interviewers if wanted in (p.name.casefold(), (p.email or "").casefold())]
    found = exact or [p for p in interviewers if wanted in p.name.casefold().split()]
    if len(found) == 1:
        return found[0]
    names = ", ".join(p.name or p.email or "?" for p in (found or interviewers))
    if found:
        raise InputError(option, text, f"matches more than one --interviewer ({names})")
    raise InputError(option, text, f"names no --interviewer; give one of: {names}")


def _country_option(text: str) -> str:
    from icsfollow.core.workdays import country_code, holiday_lookup, regions_of

    country, dash, region = text.strip().partition("-")
    code = country_code(country.strip())
    if code is None:
        raise InputError(
            "--country", text, f"is not a country the holidays data knows; {COUNTRY_HINT}"
        )
    if not dash:
        holiday_lookup(code)
        return code
    regions = regions_of(code)
    found = regions.get(region.strip().upper())
    if found is None:
        known = ", ".join(sorted(set(regions.values()))) or "none"
        raise InputError(
            "--country", text, f"is not a region of {code} the holidays data knows ({known})"
        )
    return f"{code}-{found}"


def _check_not_closed(when: str, end: datetime, now: datetime) -> None:
    late = now - end
    if late > timedelta(days=DEFAULTS.closed_after_days):
        raise InputError(
            "WHEN",
            when,
            f"was {late.days} days ago; its follow-up window has closed "
            f"(plans start up to {DEFAULTS.closed_after_days} days after); check the date",
        )


def _texts(options: PlanOptions) -> tuple[dict[str, str], list[str]]:
    texts, warnings = {}, []
    for option in ("name", "company", "role", "agency_name"):
        texts[option], folded = clean_text(_flag(option), getattr(options, option))
        if folded:
            warnings.append(f"{_flag(option)}: line breaks and control characters became spaces")
    return texts, warnings


def _interviewers(texts: tuple[str, ...]) -> tuple[tuple[Person, ...], list[str]]:
    people = [parse_person("--interviewer", text) for text in texts]
    return unique_people("--interviewer", texts, people)


def _name_warning(name: str, interviewers: tuple[Person, ...]) -> list[str]:
    if name or not any(person.email for person in interviewers):
        return []
    return ["no --name: the thank-you email's subject and signature say '[your name]'"]


def _flag(field: str) -> str:
    return "--" + field.replace("_", "-")


def _check_agency_only(options: PlanOptions, context: Context) -> None:
    if context is Context.AGENCY:
        return
    if options.recruiter:
        raise InputError("--recruiter", options.recruiter, "is for --context agency only")
    if options.agency_name:
        raise InputError("--agency-name", options.agency_name, "is for --context agency only")


def _recruiter(options: PlanOptions) -> Person | None:
    return parse_person("--recruiter", options.recruiter) if options.recruiter else None


def _with_feedback_by(
    interview: Interview, options: PlanOptions, now: datetime, dayfirst: bool | None
) -> Interview:
    if not options.feedback_by:
        return interview
    zone = interview.candidate_zone
    interview_day = to_local(interview.start, zone).date()
    read = partial(
        parse_date, "--feedback-by", options.feedback_by, zone, now, dayfirst, after=interview_day
    )
    day = within_years("--feedback-by", options.feedback_by, read)
    if day < interview_day:
        raise InputError(
            "--feedback-by",
            options.feedback_by,
            f"is before the interview ({format_local(interview.start, zone)})",
        )
    return interview._replace(feedback_by=day)
