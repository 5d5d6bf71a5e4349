"""--split: one valid single-event file per step, together equal to the combined file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from icsfollow.cli import cli

from support import assert_file_invariants, parse_both

ARGS = ["plan", "2026-07-03 15:30", "--context", "agency", "--tz", "America/Chicago"]
ARGS += ["--company", "Acme, Inc.; 漢字", "--recruiter", "Sam Ortiz <sam@staffing.example>"]
ARGS += ["--interviewer", "Dana Lee <dana@acme.example>", "--linkedin-ok"]
ARGS += ["--now", "2026-07-03T21:45:00Z"]
FOLDER = "followup-acme-inc-2026-07-03"
NAMES = [
    "01-recruiter-debrief.ics",
    "02-thank-you-email.ics",
    "03-thank-you-letter.ics",
    "04-linkedin-connect.ics",
    "05-quiet-period.ics",
    "06-check-in.ics",
    "07-quiet-until-last-check-in.ics",
    "08-last-check-in.ics",
]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*ARGS, *extra], catch_exceptions=False)
    return result.exit_code, result.output


def events_by_uid(ics: bytes) -> dict[str, bytes]:
    return {str(event["UID"]): event.to_ical() for event in Calendar.from_ical(ics).events}


def test_split_files_each_valid_and_together_equal_the_combined_file(in_tmp: Path) -> None:
    assert invoke("--split")[0] == 0
    assert invoke("-o", "combined.ics")[0] == 0
    folder = in_tmp / FOLDER
    assert sorted(path.name for path in folder.iterdir()) == NAMES
    combined = (in_tmp / "combined.ics").read_bytes()
    together: dict[str, bytes] = {}
    for name in NAMES:
        ics = (folder / name).read_bytes()
        assert_file_invariants(ics)
        (record,) = parse_both(ics)
        assert record.step == name[3:-4]
        together.update(events_by_uid(ics))
    assert together == events_by_uid(combined)
    assert [r.uid for r in parse_both(combined)] == list(together)


def test_split_never_overwrites_without_force(in_tmp: Path) -> None:
    (in_tmp / FOLDER).mkdir()
    (in_tmp / FOLDER / NAMES[0]).write_bytes(b"keep")
    code, output = invoke("--split")
    assert code == 1
    assert output.splitlines()[-1] == (f"Error: {FOLDER} already exists; use --force to replace it")
    assert (in_tmp / FOLDER / NAMES[0]).read_bytes() == b"keep"
    assert invoke("--split", "--force")[0] == 0
    assert (in_tmp / FOLDER / NAMES[0]).read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_split_to_stdout_is_bad_input(in_tmp: Path) -> None:
    code, output = invoke("--split", "-o", "-")
    assert code == 2
    assert output.splitlines()[-1] == (
        "Error: Invalid value for '--split': a folder cannot go to stdout (-o -)"
    )
    assert list(in_tmp.iterdir()) == []
