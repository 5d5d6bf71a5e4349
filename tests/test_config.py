"""The config file: precedence, bad files, and the config init / show / path commands."""

from __future__ import annotations

import os
import re
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click
import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar, Event

from icsfollow.cli import cli
from icsfollow.inputs.config import KEYS, TABLES, TEMPLATE, parse_config

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

NOW = ["--now", "2026-05-11T00:00:00Z"]
WHEN = "2026-05-12 11:00"
LAYERS = ["default", "config", "environment", "command line"]
TZ = {
    "default": "Pacific/Auckland",
    "config": "Europe/London",
    "environment": "Asia/Tokyo",
    "command line": "America/New_York",
}
NAME = {"config": "Ada Config", "environment": "Bea Environment", "command line": "Cy Command"}
CONTEXT = {"config": "agency", "environment": "direct", "command line": "agency"}


@pytest.fixture(autouse=True)
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No real home, config or ICSFOLLOW_* variable; the system zone is Pacific/Auckland."""
    home = tmp_path / "home"
    home.mkdir()
    for name in list(os.environ):
        if name.startswith("ICSFOLLOW_"):
            monkeypatch.delenv(name)
    for name in ("HOME", "XDG_CONFIG_HOME", "APPDATA", "LOCALAPPDATA"):
        monkeypatch.setenv(name, str(home if name == "HOME" else home / ".config"))
    monkeypatch.setenv("TZ", TZ["default"])
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "config.toml"
    monkeypatch.setenv("ICSFOLLOW_CONFIG", str(path))
    return path


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    runner = CliRunner()
    return runner.invoke(cli, list(args), env=env, prog_name="icsfollow", catch_exceptions=False)


def error_line(result: Result) -> str:
    """The one Error line of a usage error (exit 2), after the command's usage."""
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Usage: icsfollow "), result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def events(ics: bytes) -> dict[str, Event]:
    """The VEVENTs of a calendar, by step id."""
    calendar = Calendar.from_ical(ics)
    return {str(event["X-ICSFOLLOW-STEP"]): event for event in calendar.walk("VEVENT")}


def starts_at(event: Event, zone: str, text: str) -> bool:
    wanted = datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))
    start: datetime = event.decoded("DTSTART")
    return start == wanted


# Precedence: command line > environment > config file > built-in default.


def layered_run(level: str, config_file: Path) -> Result:
    """Plan with tz, name and context set by every layer up to ``level``."""
    upto = LAYERS[: LAYERS.index(level) + 1]
    if "config" in upto:
        c = NAME["config"]
        config_file.write_text(f'tz = "{TZ["config"]}"\nname = "{c}"\ncontext = "agency"\n')
    env = {}
    if "environment" in upto:
        env = {"ICSFOLLOW_TZ": TZ["environment"], "ICSFOLLOW_CONTEXT": CONTEXT["environment"]}
        env["ICSFOLLOW_NAME"] = NAME["environment"]
    args = ["plan", WHEN, *NOW, "--interviewer", "Dana <dana@acme.example>", "-o", "-"]
    if "command line" in upto:
        args += ["--tz", TZ["command line"], "--name", NAME["command line"]]
        args += ["--context", CONTEXT["command line"]]
    elif level == "default":
        args += ["--context", "direct"]
    return run(*args, env=env)


@pytest.mark.parametrize("level", LAYERS)
def test_each_layer_overrides_the_one_below(level: str, config_file: Path) -> None:
    result = layered_run(level, config_file)
    assert result.exit_code == 0, result.output
    steps = events(result.stdout_bytes)
    name = NAME.get(level, "[your name]")
    assert f"Subject: Thank you from {name}\n" in str(steps["thank-you-email"]["DESCRIPTION"])
    agency = CONTEXT.get(level, "direct") == "agency"
    assert ("recruiter-debrief" in steps) is agency
    if agency:  # the thank-you follows the debrief, which starts 15 minutes after the end
        debrief_end = steps["recruiter-debrief"].decoded("DTEND")
        assert steps["thank-you-email"].decoded("DTSTART") == debrief_end
        assert starts_at(steps["recruiter-debrief"], TZ[level], "2026-05-12 12:15")
    else:
        assert starts_at(steps["thank-you-email"], TZ[level], "2026-05-12 12:30")


def test_context_is_required_when_nothing_sets_it() -> None:
    result = run("plan", WHEN, *NOW, "-o", "-")
    assert error_line(result).startswith("Error: Missing option '--context'")


def test_environment_overrides_config_for_a_flag(config_file: Path, tmp_path: Path) -> None:
    config_file.write_text(f'dayfirst = true\noutput_dir = "{tmp_path.as_posix()}/out"\n')
    (tmp_path / "out").mkdir()
    now = ["--now", "2026-12-01T00:00:00Z", "--context", "direct", "--company", "Acme"]
    assert run("plan", "01/02/2027 10:00", *now).exit_code == 0
    assert (tmp_path / "out" / "followup-acme-2027-02-01.ics").is_file()
    off = {"ICSFOLLOW_DAYFIRST": "0"}
    assert run("plan", "01/02/2027 10:00", *now, env=off).exit_code == 0
    assert (tmp_path / "out" / "followup-acme-2027-01-02.ics").is_file()


def test_output_dir_from_config_then_command_line_then_o(config_file: Path, tmp_path: Path) -> None:
    config_file.write_text('output_dir = "~/calendar"\n')
    for folder in ("home/calendar", "cli", "o"):
        (tmp_path / folder).mkdir()
    base = ["plan", WHEN, *NOW, "--context", "direct", "--company", "Acme"]
    assert run(*base).exit_code == 0
    assert run(*base, "--output-dir", "cli").exit_code == 0
    assert run(*base, "--output-dir", "cli", "-o", "o/mine.ics").exit_code == 0
    name = "followup-acme-2026-05-12.ics"
    assert (tmp_path / "home" / "calendar" / name).is_file()
    assert (tmp_path / "cli" / name).is_file()
    assert (tmp_path / "o" / "mine.ics").is_file()


@pytest.mark.parametrize(("alarm", "triggers"), [("30", {"-PT30M"}), ('"none"', set())])
def test_alarm_takes_a_number_or_none(alarm: str, triggers: set[str], config_file: Path) -> None:
    config_file.write_text(f"alarm = {alarm}\n")
    result = run("plan", WHEN, *NOW, "--context", "direct", "-o", "-")
    assert result.exit_code == 0, result.output
    found = set(re.findall(r"TRIGGER:(\S+)", result.stdout))
    assert found == triggers


# The goal: set name, zone and country once, then plan with only the interview's details.


def test_the_goal_command_uses_name_zone_and_country_from_config(
    config_file: Path, tmp_path: Path
) -> None:
    config_file.write_text('name = "Ada Lovelace"\ntz = "Europe/London"\ncountry = "GB"\n')
    out = tmp_path / "acme.ics"
    result = run(
        "plan", "today 2pm", "--context", "agency", "--company", "Acme",
        "--recruiter", "Sam <sam@x.com>", "--now", "2026-05-21T08:00:00Z", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    steps = events(out.read_bytes())
    assert starts_at(steps["recruiter-debrief"], "Europe/London", "2026-05-21 15:15")
    # Monday 25 May 2026 is the Spring Bank Holiday in GB: the check-in skips it.
    assert starts_at(steps["check-in"], "Europe/London", "2026-05-27 10:00")


def test_the_name_from_config_signs_the_thank_you(config_file: Path) -> None:
    config_file.write_text('name = "Ada Lovelace"\ncontext = "direct"\n')
    result = run("plan", WHEN, *NOW, "--interviewer", "Dana <dana@acme.example>", "-o", "-")
    description = str(events(result.stdout_bytes)["thank-you-email"]["DESCRIPTION"])
    assert "Subject: Thank you from Ada Lovelace\n" in description


# A bad file: exit 2, one Error line naming the file, the key and the line.


def plan_with(config_file: Path, text: str, env: dict[str, str] | None = None) -> Result:
    """Plan with this config text; --context comes from ``env`` when it sets it."""
    config_file.write_text(text)
    context = [] if env is not None else ["--context", "direct"]
    return run("plan", WHEN, *NOW, *context, "-o", "-", env=env)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('name = "A"\ntzz = "UTC"\n', "line 2: unknown key 'tzz' (did you mean 'tz'?)"),
        ("[plan]\nname = 'A'\n", f"line 1: unknown key 'plan' (known keys: {', '.join(KEYS)})"),
        ('name = "A"\n\n# three\ncheck_in_after = "3"\n', (
            "line 4: 'check_in_after' must be an integer, not a string"
        )),
        ("dayfirst = 1\n", "line 1: 'dayfirst' must be a boolean (true or false), not an integer"),
        ("alarm = true\n", (
            "line 1: 'alarm' must be an integer or a string, not a boolean (true or false)"
        )),
        ("  tz = ['UTC']\n", "line 1: 'tz' must be a string, not an array"),
        ("[tz]\nzone = 'UTC'\n", "line 1: 'tz' must be a string, not a table"),
    ],
)  # fmt: skip
def test_bad_key_or_type_names_file_key_and_line(
    text: str, problem: str, config_file: Path, tmp_path: Path
) -> None:
    result = plan_with(config_file, text)
    assert (
        error_line(result) == f"Error: Invalid value for 'config': {str(config_file)!r} {problem}"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["config.toml", "home"]


def test_toml_syntax_error_passes_the_parsers_message(config_file: Path) -> None:
    text = 'name = "Ada\ntz = "UTC"\n'
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    assert "line 1" in str(raised.value)
    expected = f"{str(config_file)!r} is not valid TOML: {raised.value}"
    assert (
        error_line(plan_with(config_file, text)) == f"Error: Invalid value for 'config': {expected}"
    )


def test_bad_values_from_config_fail_as_on_the_command_line(config_file: Path) -> None:
    on_line = error_line(run("plan", WHEN, *NOW, "--context", "direct", "--tz", "Mars/Base"))
    from_file = error_line(plan_with(config_file, 'tz = "Mars/Base"\n'))
    assert from_file == f"{on_line} (from 'tz' in {config_file})"
    env = {"ICSFOLLOW_TZ": "Mars/Base", "ICSFOLLOW_CONTEXT": "direct"}
    from_env = error_line(plan_with(config_file, "", env=env))
    assert from_env == f"{on_line} (from ICSFOLLOW_TZ)"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("check_in_after = 99\n", "'--check-in-after': 99 is not in the range 1<=x<=15."),
        ('context = "friend"\n', "'--context': 'friend' is not one of 'direct', 'agency'."),
        (
            'hours = "09:00-25:00"\n',
            "'--hours': '09:00-25:00' holds a time that does not exist; "
            "type them like 09:00-17:00, 9-5 or 9am-5pm",
        ),
        (
            'country = "XX"\n',
            "'--country': 'XX' is not a country the holidays data knows; "
            "use a code such as GB, US or AU-NSW, or none",
        ),
        (
            'duration = "2 days"\n',
            "'--duration': '2 days' is not a length; type it like 45, 90m, 1h or 1h30",
        ),
    ],
)
def test_click_and_core_checks_apply_to_config_values(
    text: str, error: str, config_file: Path
) -> None:
    key = text.split(" ")[0]
    env = {} if key == "context" else {"ICSFOLLOW_CONTEXT": "direct"}
    result = plan_with(config_file, text, env=env)
    assert error_line(result) == f"Error: Invalid value for {error} (from {key!r} in {config_file})"


def test_a_missing_config_file_means_built_in_defaults(config_file: Path) -> None:
    assert not config_file.exists()
    assert run("plan", WHEN, *NOW, "--context", "direct", "-o", "-").exit_code == 0


# config init


def test_init_writes_a_commented_template_that_loads_cleanly(
    config_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new" / "folder" / "config.toml"
    monkeypatch.setenv("ICSFOLLOW_CONFIG", str(target))
    result = run("config", "init")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"Wrote {target}"
    text = target.read_text(encoding="utf-8")
    assert text == TEMPLATE
    assert parse_config(target, text) == {}
    assert run("plan", WHEN, *NOW, "--context", "direct", "-o", "-").exit_code == 0


def test_every_setting_in_the_template_is_valid(config_file: Path) -> None:
    uncommented = re.sub(r"^# (\w+ = |\[)", r"\1", TEMPLATE, flags=re.MULTILINE)
    parsed = parse_config(config_file, uncommented)
    assert set(parsed) == set(KEYS) | set(TABLES)
    assert all(set(parsed[table]) == set(keys) for table, keys in TABLES.items())  # type: ignore[arg-type]
    config_file.write_text(uncommented)
    result = run("plan", WHEN, *NOW, "-o", "-")
    assert result.exit_code == 0, result.output
    assert "BEGIN:VCALENDAR" in result.stdout


def test_init_never_overwrites_without_force(config_file: Path) -> None:
    config_file.write_text('name = "Mine"\n')
    result = run("config", "init")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: {config_file} already exists; use --force to replace it"
    )
    assert config_file.read_text() == 'name = "Mine"\n'
    assert run("config", "init", "--force").exit_code == 0
    assert config_file.read_text(encoding="utf-8") == TEMPLATE


# config show and config path


def test_show_prints_each_value_and_its_source(config_file: Path) -> None:
    config_file.write_text('tz = "Europe/London"\nname = "Ada Config"\ncheck_in_after = 5\n')
    result = run("config", "show", env={"ICSFOLLOW_NAME": "Bea Environment"})
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"# {config_file}",
        "name = Bea Environment  (environment ICSFOLLOW_NAME)",
        "tz = Europe/London  (config file)",
        "their_tz = Europe/London  (default: tz)",
        "context = (not set)  (default: give --context)",
        "hours = 09:00-17:00  (default)",
        "country = GB  (default: from their_tz)",
        "check_in_after = 5  (config file)",
        "last_check_in_after = 5  (default)",
        "own_hours = 08:00-21:00  (default)",
        "alarm = 15  (default)",
        "duration = 60  (default)",
        "output_dir = .  (default: the current folder)",
        "dayfirst = true  (default: GB, the country of tz, writes the day first)",
        "record = true  (default)",
        "calendar_app = (not set)  (default)",
        "feed = (not set)  (default)",
        "push = false  (default)",
    ]


def test_show_prints_the_caldav_table_never_a_password(config_file: Path) -> None:
    config_file.write_text('[caldav]\nurl = "https://caldav.icloud.com/"\nusername = "me"\n')
    result = run("config", "show", env={"ICSFOLLOW_CALDAV_PASSWORD": "secret-value"})
    assert result.stdout.splitlines()[-3:] == [
        "[caldav]  (config file)",
        "url = https://caldav.icloud.com/",
        "username = me",
    ]
    assert "secret-value" not in result.output


def test_show_without_a_file_shows_the_built_in_defaults(config_file: Path) -> None:
    lines = run("config", "show").stdout.splitlines()
    assert lines[0] == f"# {config_file}  (not found: built-in defaults)"
    assert "name = (empty)  (default)" in lines
    assert "tz = Pacific/Auckland  (default: the system's zone)" in lines
    assert "country = NZ  (default: from their_tz)" in lines


def test_show_reports_a_bad_file(config_file: Path) -> None:
    config_file.write_text("tzz = 'UTC'\n")
    error = error_line(run("config", "show"))
    assert error.endswith("line 1: unknown key 'tzz' (did you mean 'tz'?)")


def test_path_honours_icsfollow_config(config_file: Path) -> None:
    result = run("config", "path")
    assert result.stdout == f"{config_file}\n"


def test_path_defaults_to_the_app_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ICSFOLLOW_CONFIG")
    printed = Path(run("config", "path").stdout.strip())
    assert printed == Path(click.get_app_dir("icsfollow")) / "config.toml"
    assert printed.is_relative_to(tmp_path)


def test_path_init_and_help_work_with_a_broken_file(config_file: Path) -> None:
    config_file.write_text("this is not toml\n")
    assert run("config", "path").exit_code == 0
    assert run("--help").exit_code == 0
    assert run("rules").exit_code == 0
    helped = run("plan", "--help")
    assert helped.exit_code == 0
    assert helped.stdout.startswith("Usage: icsfollow plan [OPTIONS] WHEN")
    assert helped.stderr.startswith(f"Warning: Invalid value for 'config': {str(config_file)!r}")
    assert helped.stderr.endswith(" (ignored for --help)\n")
    assert run("config", "init", "--force").exit_code == 0
    assert run("config", "show").exit_code == 0


def test_every_key_is_a_plan_option_with_its_environment_variable() -> None:
    from icsfollow.cli.plan import plan
    from icsfollow.inputs.config import envvar_of

    options = {param.name: param for param in plan.params}
    for key in KEYS:
        assert options[key].envvar == envvar_of(key) == f"ICSFOLLOW_{key.upper()}"
