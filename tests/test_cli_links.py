"""The plan command's link options: --links, --links-only, --links html, --outlook-365."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from icsfollow.cli import cli

ARGS = ["plan", "2026-05-12 11:00", "--context", "direct", "--tz", "America/New_York"]
ARGS += ["--company", "Acme", "--interviewer", "Dana Lee <dana@acme.example>"]
ARGS += ["--now", "2026-05-12T15:00:00Z"]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*extra: str) -> Result:
    return CliRunner().invoke(cli, [*ARGS, *extra], catch_exceptions=False)


def test_links_only_prints_a_pair_per_step_and_writes_nothing(in_tmp: Path) -> None:
    result = invoke("--links-only")
    assert result.exit_code == 0
    assert result.stdout.count("Add to Google Calendar: https://calendar.google.com/") == 6
    assert result.stdout.count("Add to Outlook: https://outlook.live.com/") == 6
    assert "  Email draft: mailto:dana@acme.example?subject=Thank%20you" in result.stdout
    assert list(in_tmp.iterdir()) == []


def test_links_with_outlook_365_and_a_file(in_tmp: Path) -> None:
    result = invoke("--links", "--outlook-365")
    assert result.exit_code == 0
    assert result.stdout.count("Add to Outlook (Microsoft 365): https://outlook.office.com/") == 6
    assert [path.name for path in in_tmp.iterdir()] == ["followup-acme-2026-05-12.ics"]


def test_links_go_to_stderr_when_the_calendar_goes_to_stdout() -> None:
    result = invoke("--links", "-o", "-")
    assert result.exit_code == 0
    assert len(Calendar.from_ical(result.stdout_bytes).events) == 6
    assert result.stderr.count("Add to Google Calendar:") == 6


def test_links_html_writes_the_page_beside_the_file(in_tmp: Path) -> None:
    result = invoke("--links", "html")
    assert result.exit_code == 0
    names = sorted(path.name for path in in_tmp.iterdir())
    assert names == ["followup-acme-2026-05-12.html", "followup-acme-2026-05-12.ics"]
    page = (in_tmp / names[0]).read_text(encoding="utf-8")
    assert page.count('class="button google"') == 6
    assert 'href="followup-acme-2026-05-12.ics" download' in page
    assert "Wrote followup-acme-2026-05-12.html" in result.stdout


def test_links_only_cannot_write_a_page(in_tmp: Path) -> None:
    result = invoke("--links-only", "--links", "html")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--links': 'html' writes a page, but --links-only writes no file"
    )
    assert list(in_tmp.iterdir()) == []
