"""Random values for every option: exit 0, 1 or 2, never a traceback; on 0, a valid file."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from icsfollow.api import make_plan
from icsfollow.cli import cli
from icsfollow.inputs.options import PlanOptions
from icsfollow.inputs.parse import parse_instant

from support import assert_file_invariants, assert_invariants, parse_both

ZONES = ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe"]
ZONES += ["Pacific/Chatham", "UTC", "America/Sao_Paulo", "Asia/Tokyo"]
TEXT = st.text(max_size=60)
NUMBER_TEXT = st.one_of(st.integers(-30, 2000).map(str), TEXT)


NEAR = st.builds(
    "2026-{:02d}-{:02d} {:02d}:{:02d}".format,
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 23),
    st.sampled_from([0, 7, 15, 30, 45]),
)
NAME = st.text(alphabet=st.characters(blacklist_characters="<>"), max_size=30)
PERSON = st.one_of(
    st.builds("{} <{}>".format, NAME.filter(str.strip), st.sampled_from(["d@acme.example"])),
    NAME.filter(str.strip),
)
ZONE = st.sampled_from(ZONES)
SAID = st.sampled_from(
    ["now", "today 14:00", "yesterday 3pm", "Nov 24 2pm", "11/24 2pm", "friday 2pm",
     "last friday 10am", "next tuesday 11am", "10am tomorrow", "Nov 24 11:00 EDT",
     "Nov 24 11:00 +01:00", "24.11. 14:00", "Wed Dec 1 11am", "02/12 10am"]
)  # fmt: skip
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "when": st.one_of(NEAR, NEAR, NEAR, SAID),
    "context": st.sampled_from(["direct", "agency"]),
    "duration": st.one_of(st.integers(1, 720).map(str), st.sampled_from(["1h", "1h30", "90m"])),
    "tz": ZONE,
    "their_tz": st.one_of(st.none(), ZONE),
    "name": TEXT,
    "company": TEXT,
    "role": TEXT,
    "interviewers": st.lists(PERSON, max_size=3),
    "recruiter": st.none(),
    "agency_name": st.none(),
    "feedback_by": st.one_of(st.none(), st.sampled_from(["2026-12-30", "Dec 31"])),
    "phone_ok": st.booleans(),
    "linkedin_ok": st.booleans(),
    "hours": st.sampled_from(["09:00-17:00", "07:30-19:00", "9-10", "13:00-23:59", "9-5"]),
    "country": st.sampled_from([None, "US", "gb", "none", "JP", "UK", "AU-NSW", "US-CA"]),
    "check_in_after": st.integers(1, 15).map(str),
    "alarm": st.sampled_from(["none", "0", "15", "1440"]),
    "now": NEAR.map(lambda moment: moment.replace(" ", "T") + "Z"),
}
ANYTHING: dict[str, st.SearchStrategy[Any]] = {
    **{key: TEXT for key in PLAUSIBLE},
    "interviewers": st.lists(TEXT, min_size=1, max_size=2),
    "phone_ok": st.booleans(),
    "linkedin_ok": st.booleans(),
    "duration": NUMBER_TEXT,
    "check_in_after": NUMBER_TEXT,
    "alarm": NUMBER_TEXT,
    "recruiter": PERSON,
    "agency_name": TEXT,
}


LATE_RUN = {
    "context": "direct",
    "duration": "1",
    "tz": "America/New_York",
    "their_tz": None,
    "name": "",
    "company": "",
    "role": "",
    "interviewers": [],
    "recruiter": None,
    "agency_name": None,
    "feedback_by": None,
    "phone_ok": False,
    "linkedin_ok": False,
    "hours": "09:00-17:00",
    "country": None,
    "check_in_after": "1",
    "alarm": "none",
}


@st.composite
def arguments(draw: st.DrawFn) -> dict[str, Any]:
    """Every option: plausible values, with up to two of them anything at all."""
    wild = draw(st.sets(st.sampled_from(sorted(PLAUSIBLE)), max_size=2))
    values = {key: draw((ANYTHING if key in wild else PLAUSIBLE)[key]) for key in PLAUSIBLE}
    if values["context"] == "agency" and "recruiter" not in wild:
        values["recruiter"] = draw(st.one_of(st.none(), PERSON))
    return values


def argv(values: dict[str, Any]) -> list[str]:
    args = ["plan", values["when"], "-o", "-"]
    for key, value in values.items():
        flag = "--" + key.replace("_", "-")
        if key == "when" or value is None or value is False:
            continue
        if value is True:
            args.append(flag)
        elif key == "interviewers":
            for person in value:
                args += ["--interviewer", person]
        else:
            args += [flag, value]
    return args


def same_plan_from_the_library(values: dict[str, Any]) -> Any:
    return make_plan(_options(values), parse_instant("--now", values["now"]))


def _options(values: dict[str, Any]) -> PlanOptions:
    fields = {k: v for k, v in values.items() if v is not None and k != "now"}
    fields["check_in_after"] = int(fields["check_in_after"])
    fields["interviewers"] = tuple(fields["interviewers"])
    return PlanOptions(**fields)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(values=arguments())
@example(values={**LATE_RUN, "when": "yesterday 3pm", "now": "2026-01-01T00:00Z"})
@example(values={**LATE_RUN, "when": "now", "now": ""})
def test_any_option_values(values: dict[str, Any]) -> None:
    result = CliRunner().invoke(cli, argv(values))
    event(f"exit {result.exit_code}")
    assert result.exit_code in {0, 1, 2}, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    if result.exit_code != 0:
        assert result.stdout_bytes == b""
        error_lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert len(error_lines) == 1, result.stderr
        return
    ics = result.stdout_bytes
    records = parse_both(ics)
    assert_file_invariants(ics)
    again = same_plan_from_the_library(values)
    assert again.ics == ics
    assert_invariants(again.plan)
    interview = again.plan.interview
    shown = ", ".join(part for part in (interview.company, interview.role) if part)
    for record in records:
        assert f"Interview: {shown or 'your interview'}" in record.description
