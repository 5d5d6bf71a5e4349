"""Random values for every option: exit 0, 1 or 2, never a traceback; on 0, a valid file."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from filesystem import error_lines, leftovers, snapshot
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
# Not given, the bare flag (the first interviewer), a name that may or may not match.
ASKED_BY = st.sampled_from([None, "", "Dana", "dana lee", "Nobody"])
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
    "phone_ok": ASKED_BY,
    "linkedin_ok": ASKED_BY,
    "hours": st.sampled_from(["09:00-17:00", "07:30-19:00", "9-10", "13:00-23:59", "9-5"]),
    "country": st.sampled_from([None, "US", "gb", "none", "JP", "UK", "AU-NSW", "US-CA"]),
    "check_in_after": st.integers(1, 15).map(str),
    "alarm": st.sampled_from(["none", "0", "15", "1440"]),
    "now": NEAR.map(lambda moment: moment.replace(" ", "T") + "Z"),
}
ANYTHING: dict[str, st.SearchStrategy[Any]] = {
    **{key: TEXT for key in PLAUSIBLE},
    "interviewers": st.lists(TEXT, min_size=1, max_size=2),
    "phone_ok": ASKED_BY,
    "linkedin_ok": ASKED_BY,
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
    "phone_ok": None,
    "linkedin_ok": None,
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
        if value == "" and key in ("phone_ok", "linkedin_ok"):
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


# -- output options over whatever is already at the targets ---------------------------

OUTPUT_ARGS = ["plan", "2026-05-12 11:00", "--context", "direct", "--tz", "America/New_York"]
OUTPUT_ARGS += ["--company", "Acme", "--interviewer", "Dana <d@acme.example>"]
OUTPUT_ARGS += ["--now", "2026-05-12T15:00:00Z", "--name", "Joe Smith"]
DEFAULT_ICS = "followup-acme-2026-05-12.ics"
NAMES = [DEFAULT_ICS, "followup-acme-2026-05-12.html", "followup-acme-2026-05-12"]
NAMES += ["plan.ics", "plan.html", "plan", "page.html", "sub"]
OUTPUTS = [None, None, "-", "-", "plan.ics", "plan.html", "plan", ".", "sub/p.ics"]
PAGES = [None, None, None, None, "page.html", "page.html", "plan.html", "plan/p.html"]
THINGS = ["file", "ics-folder", "other-folder", "fifo", "link", "dangling"]


def make_thing(path: Path, thing: str) -> None:
    if thing == "file":
        path.write_bytes(b"before")
    elif thing in ("ics-folder", "other-folder"):
        path.mkdir()
        (path / ("01-old.ics" if thing == "ics-folder" else "notes.txt")).write_bytes(b"old")
    elif thing == "fifo":
        os.mkfifo(path)
    elif thing == "link":
        path.symlink_to("linked-target")
        (path.parent / "linked-target").write_bytes(b"target")
    else:
        path.symlink_to("nowhere")


@st.composite
def output_runs(draw: st.DrawFn) -> tuple[list[str], dict[str, str]]:
    """Output options, and what already sits at the names they may use."""
    extra: list[str] = []
    output = draw(st.sampled_from(OUTPUTS))
    if output is not None:
        extra += ["-o", output]
    links = draw(st.sampled_from([None, None, "text", "html"]))
    if links:
        extra += ["--links", links]
    page = draw(st.sampled_from(PAGES))
    if page:
        extra += ["--page", page]
    for flag in ("--split", "--force", "--dry-run"):
        if draw(st.booleans() if flag != "--dry-run" else st.sampled_from([False] * 5 + [True])):
            extra.append(flag)
    existing = draw(st.dictionaries(st.sampled_from(NAMES), st.sampled_from(THINGS), max_size=3))
    return extra, existing


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=output_runs())
def test_output_options_over_existing_targets(case: tuple[list[str], dict[str, str]]) -> None:
    """Any mix of -o, --split, --links html, --page and --force, over files, folders,
    pipes and links already there: one outcome, and nothing else touched."""
    extra, existing = case
    folder = Path(tempfile.mkdtemp(prefix="fuzz-outputs-"))
    here = os.getcwd()
    try:
        os.chdir(folder)
        for name, thing in existing.items():
            make_thing(folder / name, thing)
        before = snapshot(folder)
        result = CliRunner().invoke(cli, [*OUTPUT_ARGS, *extra])
        event(f"exit {result.exit_code}")
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert leftovers(folder) == []
        if result.exit_code != 0:
            assert result.exit_code in (1, 2)
            assert result.stdout_bytes == b""
            assert len(error_lines(result.stderr)) == 1, result.stderr
            assert snapshot(folder) == before
            return
        assert_outputs(folder, extra, before, snapshot(folder), result.stdout_bytes)
    finally:
        os.chdir(here)
        shutil.rmtree(folder, ignore_errors=True)


def assert_outputs(
    folder: Path, extra: list[str], before: dict[str, Any], after: dict[str, Any], stdout: bytes
) -> None:
    """Every output where it belongs, complete; every other name as it was."""
    options = dict(zip(extra, [*extra[1:], ""], strict=False))
    output = options.get("-o", DEFAULT_ICS)
    written: set[str] = set()
    if "--dry-run" not in extra:
        if output == "-":
            assert stdout.startswith(b"BEGIN:VCALENDAR") and stdout.endswith(b"END:VCALENDAR\r\n")
        elif "--split" in extra:
            split = str(Path(output).with_suffix(""))
            names = [name for name in after if name.startswith(split + "/")]
            assert names and all(after[name][1].startswith(b"BEGIN:VCALENDAR") for name in names)
            written |= {split, *names}
        else:
            assert after[output][1].startswith(b"BEGIN:VCALENDAR"), after.get(output)
            written.add(output)
        if options.get("--links") == "html":
            page = options.get("--page") or str(Path(output).with_suffix(".html"))
            assert after[page][1].startswith(b"<!DOCTYPE html>")
            written.add(page)
    for name, entry in before.items():
        inside = any(name == out or name.startswith(out + "/") for out in written)
        if not inside:
            assert after.get(name) == entry, name
