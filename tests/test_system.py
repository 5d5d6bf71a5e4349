"""What the machine says: the default zone (TZ, /etc/localtime) and SOURCE_DATE_EPOCH."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from icsfollow.cli import cli
from icsfollow.inputs.system import system_zone

PLAN = ["plan", "2026-09-16 20:15", "--context", "direct", "-o", "-"]


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        ("Asia/Tokyo", "Asia/Tokyo"),
        (":Europe/Paris", "Europe/Paris"),
        ("/usr/share/zoneinfo/America/Chicago", "America/Chicago"),
    ],
)
def test_zone_from_tz_variable(tz: str, zone: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", tz)
    assert system_zone() == zone


def test_zone_from_etc_localtime_link(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TZ", raising=False)
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Pacific/Chatham")
    monkeypatch.setattr("icsfollow.inputs.system.LOCALTIME", link)
    assert system_zone() == "Pacific/Chatham"


def test_plan_without_tz_uses_the_system_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    result = CliRunner().invoke(cli, [*PLAN, "--now", "2026-09-16T12:00Z"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "interview Wed 16 Sep 2026 20:15 JST" in result.stderr


def test_source_date_epoch_is_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1789560000")
    result = CliRunner().invoke(cli, [*PLAN, "--tz", "Asia/Tokyo"], catch_exceptions=False)
    assert result.exit_code == 0
    stamps = {
        str(e["DTSTAMP"].to_ical().decode()) for e in Calendar.from_ical(result.stdout_bytes).events
    }
    assert stamps == {"20260916T120000Z"}
