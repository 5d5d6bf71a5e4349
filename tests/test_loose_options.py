"""Options people write loosely: --hours 9-5, --duration 1h30, --context Direct, config values."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from icsfollow.cli import cli
from icsfollow.errors import InputError
from icsfollow.inputs.spans import parse_duration, parse_hours

BASE = ["plan", "today 9am", "--tz", "UTC", "--now", "2026-11-25T12:00:00Z"]


@pytest.mark.parametrize(
    ("text", "opens", "closes"),
    [
        ("09:00-17:00", time(9), time(17)),
        ("9-5", time(9), time(17)),
        ("9-17", time(9), time(17)),
        ("9am-5pm", time(9), time(17)),
        ("9 AM - 5 PM", time(9), time(17)),
        ("9:30-17:30", time(9, 30), time(17, 30)),
        ("9:30-5:30", time(9, 30), time(17, 30)),
        ("8.30am-6pm", time(8, 30), time(18)),
        ("1-5pm", time(13), time(17)),
        ("9-5pm", time(9), time(17)),
        ("12pm-8pm", time(12), time(20)),
        ("9 to 5", time(9), time(17)),
        ("9\u20135", time(9), time(17)),
        ("14-22", time(14), time(22)),
    ],
)
def test_hours(text: str, opens: time, closes: time) -> None:
    assert parse_hours("--hours", text) == (opens, closes)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("17:00-09:00", "must end after it starts; type them like 09:00-17:00, 9-5 or 9am-5pm"),
        ("10pm-2am", "must end after it starts; type them like 09:00-17:00, 9-5 or 9am-5pm"),
        ("09:00-09:45", "must be at least one hour long, e.g. 09:00-17:00"),
        ("nine to five", "is not a time range; type them like 09:00-17:00, 9-5 or 9am-5pm"),
    ],
)
def test_hours_refused(text: str, reason: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_hours("--hours", text)
    assert raised.value.reason == reason


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("45", 45), ("90m", 90), ("90 min", 90), ("1h", 60), ("1h30", 90), ("1h30m", 90),
     ("1h 30m", 90), ("1.5h", 90), ("1:30", 90), ("2 hours", 120), ("12h", 720)],
)  # fmt: skip
def test_duration(text: str, minutes: int) -> None:
    assert parse_duration("--duration", text, 720) == minutes


def test_duration_on_the_command_line_sets_the_interview_end() -> None:
    result = CliRunner().invoke(
        cli, [*BASE, "--context", "direct", "--duration", "1h30", "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    assert "interview Wed 25 Nov 2026 09:00 UTC" in result.stderr


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("1d", "is not a length; type it like 45, 90m, 1h or 1h30"),
        ("0", "must be 1 to 720 minutes (12h)"),
        ("13h", "must be 1 to 720 minutes (12h)"),
    ],
)
def test_duration_refused(value: str, reason: str) -> None:
    result = CliRunner().invoke(cli, [*BASE, "--context", "direct", "--duration", value])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '--duration': {value!r} {reason}"
    )


@pytest.mark.parametrize("context", ["Direct", "DIRECT", "Agency"])
def test_context_in_any_case(context: str) -> None:
    result = CliRunner().invoke(cli, [*BASE, "--context", context, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert f"({context.lower()}" in result.stdout.replace("direct hire", "direct")


def test_missing_context_is_one_line() -> None:
    result = CliRunner().invoke(cli, BASE)
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if line.strip()][-1] == (
        "Error: Missing option '--context'. Add --context direct (you met the company) "
        "or --context agency (a recruiter)"
    )
    assert "\t" not in result.stderr


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("tz = Europe/London", 'tz = "Europe/London"'),
        ("hours = 9-5", 'hours = "9-5"'),
        ("duration = 1h30  # long", 'duration = "1h30"'),
    ],
)
def test_config_text_without_quotes_gets_a_hint(line: str, fixed: str, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'name = "Joe"\n{line}\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli, [*BASE, "--context", "direct"], env={"ICSFOLLOW_CONFIG": str(config)}
    )
    assert result.exit_code == 2
    error = result.stderr.splitlines()[-1]
    assert error.startswith(f"Error: Invalid value for 'config': '{config}' is not valid TOML: ")
    assert "(at line 2, column " in error
    assert error.endswith(f"); put text in quotes: {fixed}")


def test_config_day_first_and_month_first(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    args = ["plan", "02/12 10am", "--context", "direct", "--tz", "America/New_York"]
    args += ["--now", "2026-11-25T12:00:00Z", "--dry-run"]
    env = {"ICSFOLLOW_CONFIG": str(config)}
    config.write_text("dayfirst = true\n", encoding="utf-8")
    assert "interview Wed 02 Dec 2026" in CliRunner().invoke(cli, args, env=env).stdout
    config.write_text("dayfirst = false\n", encoding="utf-8")
    month_first = CliRunner().invoke(cli, [*args, "--tz", "Europe/London"], env=env)
    assert "interview Fri 12 Feb 2027" in month_first.stdout
    assert (
        "interview Wed 02 Dec 2026"
        in CliRunner().invoke(cli, [*args, "--dayfirst"], env=env).stdout
    )
