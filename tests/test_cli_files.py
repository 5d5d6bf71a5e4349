"""Writing files: stdout mode, never overwriting, never a partial file, one-line failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from icsfollow.cli import cli

ARGS = [
    "plan",
    "2026-05-12 11:00",
    "--context",
    "direct",
    "--tz",
    "America/New_York",
    "--name",
    "Joe Smith",
    "--company",
    "Acme",
    "--interviewer",
    "Dana Lee <dana@acme.example>",
    "--now",
    "2026-05-12T15:00:00Z",
]
DEFAULT_NAME = "followup-acme-2026-05-12.ics"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*extra: str) -> object:
    return CliRunner().invoke(cli, [*ARGS, *extra], catch_exceptions=False)


def test_default_file_name_and_summary(in_tmp: Path) -> None:
    result = CliRunner().invoke(cli, ARGS, catch_exceptions=False)
    assert result.exit_code == 0
    assert [path.name for path in in_tmp.iterdir()] == [DEFAULT_NAME]
    assert f"Wrote {DEFAULT_NAME}" in result.stdout
    assert "Fri 15 May 2026" in result.stdout
    assert "Import it:" in result.stdout


def test_stdout_mode_writes_only_the_calendar(in_tmp: Path) -> None:
    result = CliRunner().invoke(cli, [*ARGS, "-o", "-"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert result.stdout_bytes.endswith(b"END:VCALENDAR\r\n")
    assert len(Calendar.from_ical(result.stdout_bytes).events) == 6
    assert "Follow-up for Acme" in result.stderr
    assert list(in_tmp.iterdir()) == []


def test_same_inputs_same_bytes(in_tmp: Path) -> None:
    first = CliRunner().invoke(cli, [*ARGS, "-o", "-"], catch_exceptions=False)
    second = CliRunner().invoke(cli, [*ARGS, "-o", "-"], catch_exceptions=False)
    assert first.stdout_bytes == second.stdout_bytes


def test_existing_file_is_kept_without_force(in_tmp: Path) -> None:
    target = in_tmp / DEFAULT_NAME
    target.write_bytes(b"precious")
    result = CliRunner().invoke(cli, ARGS, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {DEFAULT_NAME} already exists; use --force to replace it\n"
    assert target.read_bytes() == b"precious"
    assert sorted(path.name for path in in_tmp.iterdir()) == [DEFAULT_NAME]


def test_force_replaces(in_tmp: Path) -> None:
    target = in_tmp / DEFAULT_NAME
    target.write_bytes(b"old")
    result = CliRunner().invoke(cli, [*ARGS, "--force"], catch_exceptions=False)
    assert result.exit_code == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (
            "missing/plan.ics",
            "Error: cannot write missing/plan.ics: the folder missing does not exist",
        ),
        (".", "Error: . is a folder; give a file name, e.g. followup.ics"),
    ],
)
def test_unwritable_places_exit_1_with_one_line(in_tmp: Path, output: str, message: str) -> None:
    result = CliRunner().invoke(cli, [*ARGS, "-o", output], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [message]
    assert [path.name for path in in_tmp.iterdir()] == []


def test_write_error_mid_way_leaves_nothing(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_fsync(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    result = CliRunner().invoke(cli, ARGS, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {DEFAULT_NAME}: No space left on device\n"
    assert list(in_tmp.iterdir()) == []


def test_ctrl_c_mid_way_leaves_nothing(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted_fsync(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted_fsync)
    result = CliRunner().invoke(cli, ARGS)
    assert result.exit_code == 1
    assert "Aborted!" in result.stderr
    assert list(in_tmp.iterdir()) == []


def test_installed_script_runs_in_a_real_process(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("icsfollow")
    env = {**os.environ, "ICSFOLLOW_CONFIG": str(tmp_path / "none.toml"), "NO_COLOR": "1"}
    done = subprocess.run(
        [str(script), *ARGS, "-o", "-"], capture_output=True, env=env, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(b"BEGIN:VEVENT") == 6
    assert b"\r\n" in done.stdout and b"\n" not in done.stdout.replace(b"\r\n", b"")
    assert b"Follow-up for Acme" in done.stderr


def test_python_dash_m_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "icsfollow", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("icsfollow, version ")
