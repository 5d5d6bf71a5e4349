"""What a fresh process imports: help stays light, a plan loads one country's holidays.

Each case runs the command line in a new interpreter and reads its ``sys.modules``
afterwards, so nothing imported by the test process itself can hide a regression.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

RUN_AND_DUMP = """
import json, sys
path = sys.argv.pop()
from icsfollow.script import main
try:
    main()
except SystemExit as exit:
    if exit.code not in (None, 0):
        raise
with open(path, "w", encoding="utf-8") as out:
    json.dump(list(sys.modules), out)
"""
SCRIPT_STATE = """
import gc, json, os, sys
path = sys.argv.pop()
import icsfollow.script
before = list(sys.modules)
try:
    icsfollow.script.main()
except SystemExit as exit:
    if exit.code not in (None, 0):
        raise
state = {"before": before, "gc": gc.isenabled(), "pytz": os.environ.get("PYTZ_SKIPEXISTSCHECK")}
with open(path, "w", encoding="utf-8") as out:
    json.dump(state, out)
"""
ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("icalendar", "holidays", "dateutil", "nameparser")
COUNTRIES = "holidays.countries."
PLAN = (
    "plan",
    "2026-12-23 14:00",
    "--context",
    "direct",
    "--company",
    "Acme",
    "--now",
    "2026-12-20T12:00:00Z",
    "-o",
    "-",
)


def modules_after(args: list[str], folder: Path) -> list[str]:
    """Run ``icsfollow ARGS`` in a fresh interpreter; return what it left in sys.modules."""
    dump = folder / "modules.json"
    command = [sys.executable, "-c", RUN_AND_DUMP, *args, str(dump)]
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(dump.read_text(encoding="utf-8"))
    return loaded


def top_level(modules: list[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_imports_no_calendar_holiday_or_date_parser(flag: str, tmp_path: Path) -> None:
    loaded = top_level(modules_after([flag], tmp_path))

    assert "icsfollow" in loaded
    assert sorted(loaded & set(HEAVY)) == []


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("America/New_York", None),
        ("Europe/Berlin", None),
        ("Asia/Tokyo", None),
        ("Europe/London", "FR"),
        ("Australia/Sydney", None),
        ("Europe/London", "AU-NSW"),
        ("Europe/London", "UK"),
    ],
)
def test_plan_imports_at_most_one_country(zone: str, country: str | None, tmp_path: Path) -> None:
    args = [*PLAN, "--tz", zone, *(["--country", country] if country else [])]
    loaded = modules_after(args, tmp_path)

    countries = [name for name in loaded if name.startswith(COUNTRIES)]
    assert "holidays" in top_level(loaded)
    assert len(countries) <= 1, f"{len(countries)} country modules: {countries[:5]}"


def test_plan_imports_no_other_command(tmp_path: Path) -> None:
    loaded = set(modules_after([*PLAN, "--tz", "Europe/London"], tmp_path))
    # (cli.config stays: it holds ConfiguredCommand, which reads plan's config defaults)
    others = ("records", "reschedule", "close", "forget", "feed", "rules")
    assert "icsfollow.cli.plan" in loaded
    assert sorted(loaded & {f"icsfollow.cli.{name}" for name in others}) == []


def test_console_script_tunes_the_process_before_any_library(tmp_path: Path) -> None:
    dump = tmp_path / "state.json"
    command = [sys.executable, "-c", SCRIPT_STATE, "--version", str(dump)]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    state = json.loads(dump.read_text(encoding="utf-8"))

    assert "click" not in top_level(state["before"])  # nothing third-party before the settings
    assert state["gc"] is False
    assert state["pytz"] == "1"


def test_the_icsfollow_script_is_the_tuned_entry_point() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

    assert project["project"]["scripts"] == {"icsfollow": "icsfollow.script:main"}
