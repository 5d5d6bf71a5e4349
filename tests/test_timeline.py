"""The timeline: content of a hand-worked case, 80 columns, colour only on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icsfollow.api import make_plan
from icsfollow.inputs.options import PlanOptions
from icsfollow.render.timeline import Style, format_timeline

NOW = datetime(2026, 10, 26, 17, 0, tzinfo=timezone.utc)
CROSS_ZONES = PlanOptions(
    when="2026-10-26 17:00",
    context="direct",
    tz="Europe/London",
    their_tz="America/Los_Angeles",
    name="Joe Smith",
    company="West",
    interviewers=("Pat Kim <pat@west.example>",),
)

EXPECTED = """\
Follow-up for West (direct hire), interview Mon 26 Oct 2026 17:00 GMT
Times are yours (Europe/London); theirs (America/Los_Angeles) in brackets.

Mon 26 Oct 2026
  18:30-19:00 (11:30 PDT) * Email a thank-you to Pat Kim at West
                            deadline Tue 27 Oct 2026 18:00 GMT
  19:00-19:45 (12:00 PDT) * Write a handwritten thank-you letter to Pat Kim at
                            West
                            deadline Tue 27 Oct 2026 18:00 GMT

Tue 27 Oct to Wed 28 Oct 2026
  all day     ~ Quiet period: no follow-up with West

Thu 29 Oct 2026
  17:00-17:15 (10:00 PDT) > Decide whether to check in with Pat Kim at West

Fri 30 Oct to Wed 04 Nov 2026
  all day     ~ Quiet period: no follow-up with West

Thu 05 Nov 2026
  18:00-18:15 (10:00 PST) > Still no word from West? One short last note to Pat
                            Kim
                            skips Sat 31 Oct; Sun 01 Nov

* your task   > contact   ~ wait"""


def test_plain_timeline_of_worked_example_3() -> None:
    plan = make_plan(CROSS_ZONES, NOW).plan
    assert "\n".join(format_timeline(plan, Style(color=False))) == EXPECTED


def test_holiday_that_moves_a_step_is_named() -> None:
    options = PlanOptions(
        when="2026-07-02 15:30",
        context="agency",
        tz="America/Chicago",
        company="Acme",
        check_in_after=1,
    )
    lines = format_timeline(make_plan(options, NOW.replace(month=7, day=2)).plan, Style())
    check_in = lines.index("  10:00-10:15 > Check in with your recruiter about Acme")
    assert lines[check_in + 1].strip().startswith("skips Fri 03 Jul: Independence Day (observed)")


def test_a_one_day_quiet_period_is_headed_by_its_day_alone() -> None:
    options = CROSS_ZONES._replace(when="2026-05-12 11:00", tz="America/New_York",
                                   their_tz=None, check_in_after=2)  # fmt: skip
    lines = format_timeline(make_plan(options, NOW.replace(month=5, day=11)).plan, Style())
    quiet = lines.index("  all day     ~ Quiet period: no follow-up with West")
    assert lines[quiet - 1] == "Wed 13 May 2026"


def test_colour_style_uses_ansi_and_symbols_and_unstyles_to_plain_layout() -> None:
    plan = make_plan(CROSS_ZONES, NOW).plan
    coloured = format_timeline(plan, Style(color=True))
    assert any("\x1b[" in line for line in coloured)
    assert any("☎" in line for line in coloured)
    plain = format_timeline(plan, Style(color=False))
    assert all("\x1b[" not in line and line.isascii() for line in plain)
    assert len(coloured) == len(plain)


@settings(max_examples=60, deadline=None)
@given(
    company=st.text(min_size=1, max_size=300).filter(str.isprintable),
    name=st.text(max_size=120).filter(str.isprintable),
)
def test_every_line_fits_80_columns(company: str, name: str) -> None:
    options = PlanOptions(
        when="2026-10-26 17:00",
        context="agency",
        tz="Europe/London",
        their_tz="Pacific/Chatham",
        company=company.strip() or "x",
        recruiter=(name.replace("<", "").replace(">", "").replace("@", "").strip() or "Sam"),
        linkedin_ok="",
    )
    for line in format_timeline(make_plan(options, NOW).plan, Style(color=True)):
        assert len(click.unstyle(line)) <= 80, line


def run_in_terminal(env: dict[str, str], cwd: Path) -> bytes:
    """Run a plan with stdout on a pseudo-terminal; return what the terminal showed."""
    leader, follower = pty.openpty()
    command = [str(Path(sys.executable).with_name("icsfollow")), "plan", "2026-10-26 17:00"]
    command += ["--context", "direct", "--tz", "Europe/London", "--now", "2026-10-26T17:00Z"]
    with subprocess.Popen(command, stdout=follower, stderr=subprocess.PIPE, env=env, cwd=cwd):
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    os.close(leader)
    return shown


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pty test for Linux")
def test_colour_on_a_terminal_off_with_no_color(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["ICSFOLLOW_CONFIG"] = str(tmp_path / "none.toml")
    assert b"\x1b[" in run_in_terminal(env, tmp_path)
    for name in os.listdir(tmp_path):
        os.unlink(tmp_path / name)
    shown = run_in_terminal({**env, "NO_COLOR": "1"}, tmp_path)
    assert b"Follow-up for your interview" in shown
    assert b"\x1b[" not in shown


def test_colour_off_when_piped(tmp_path: Path) -> None:
    command = [str(Path(sys.executable).with_name("icsfollow")), "plan", "2026-10-26 17:00"]
    command += ["--context", "direct", "--tz", "Europe/London", "--dry-run"]
    command += ["--now", "2026-10-26T17:00Z"]
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    done = subprocess.run(command, capture_output=True, env=env, cwd=tmp_path, check=True)
    assert b"Follow-up for your interview" in done.stdout
    assert b"\x1b[" not in done.stdout + done.stderr
