"""Zones and countries: links canonicalised, legacy zones refused, TZ paths, regions, aliases."""

from __future__ import annotations

import importlib.util
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import holidays
import pytest
import pytz
from click.testing import CliRunner

from icsfollow.api import make_plan
from icsfollow.cli import cli
from icsfollow.core.regions import ZONE_REGIONS
from icsfollow.core.zone_links import LINKS
from icsfollow.core.zones import LEGACY_TARGETS, LEGACY_ZONES
from icsfollow.inputs.date_order import DAY_FIRST, MONTH_FIRST, YEAR_FIRST
from icsfollow.inputs.options import PlanOptions, parse_country
from icsfollow.inputs.parse import parse_zone
from icsfollow.inputs.system import find_system_zone

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
BASE = ["plan", "today 9am", "--context", "direct", "--now", "2026-11-25T12:00:00Z"]


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("US/Eastern", "America/New_York"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("GB", "Europe/London"),
        ("Etc/UTC", "UTC"),
        ("europe/paris", "Europe/Paris"),
    ],
)
def test_links_become_the_canonical_zone(typed: str, zone: str) -> None:
    assert parse_zone("--tz", typed) == zone


@pytest.mark.parametrize(("typed", "country"), [("US/Eastern", "US"), ("Asia/Calcutta", "IN")])
def test_a_link_keeps_holiday_skipping(typed: str, country: str) -> None:
    result = make_plan(PlanOptions("today 9am", "direct", typed), NOW)
    assert result.plan.settings.country == country
    assert not [warning for warning in result.warnings if "holidays" in warning]


@pytest.mark.parametrize(
    ("option", "zone", "reason"),
    [
        ("--tz", "EST", "use a city zone such as America/New_York"),
        ("--tz", "EST5EDT", "use a city zone such as America/New_York"),
        ("--tz", "MST", "use a city zone such as America/Denver (or America/Phoenix)"),
        ("--tz", "HST", "use a city zone such as Pacific/Honolulu"),
        ("--their-tz", "PST8PDT", "use a city zone such as America/Los_Angeles"),
        ("--their-tz", "CET", "use a city zone such as Europe/Paris"),
    ],
)
def test_legacy_zones_are_refused(
    option: str, zone: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [*BASE, "--tz", "UTC", option, zone])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '{option}': '{zone}' is a legacy zone (a fixed offset "
        f"or old US rules), not a place; {reason}"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["--tz", "Etc/GMT+5"],
            "Invalid value for '--tz': 'Etc/GMT+5' is a fixed offset with its sign reversed "
            "(Etc/GMT+5 is UTC-5); use the city zone of the place, e.g. America/New_York",
        ),
        (
            ["--tz", "UTC", "--their-tz", ""],
            "Invalid value for '--their-tz': '' is not a known time zone (use an IANA name)",
        ),
    ],
)
def test_other_zone_refusals(args: list[str], error: str) -> None:
    result = CliRunner().invoke(cli, [*BASE, *args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {error}"


def test_every_link_shows_the_offsets_of_its_target() -> None:
    moments = [NOW - timedelta(days=97 * step, hours=step) for step in range(200)]
    for link, target in LINKS.items():
        one, other = pytz.timezone(link), pytz.timezone(target)
        for moment in moments:
            assert moment.astimezone(one).utcoffset() == moment.astimezone(other).utcoffset()


def test_every_zone_is_a_place_a_link_or_refused() -> None:
    places = {zone for zones in pytz.country_timezones.values() for zone in zones}
    for zone in pytz.all_timezones:
        if zone in places or zone in LINKS or zone in LEGACY_ZONES or zone == "UTC":
            continue
        assert zone.startswith("Etc/GMT"), zone
    assert set(LEGACY_TARGETS) == set(LEGACY_ZONES)


# ---------------------------------------------------------------- the system's zone


@pytest.fixture
def localtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Pacific/Chatham")
    monkeypatch.setattr("icsfollow.inputs.system.LOCALTIME", link)
    monkeypatch.setattr("icsfollow.inputs.system.TIMEZONE_FILE", tmp_path / "none")
    return link


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        (":/etc/localtime", "Pacific/Chatham"),
        ("/etc/localtime", "Pacific/Chatham"),
        ("US/Eastern", "America/New_York"),
        ("EST5EDT", "America/New_York"),
        (":Etc/UTC", "UTC"),
    ],
)
def test_tz_naming_the_zone_or_its_file(
    tz: str, zone: str, localtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", tz.replace("/etc/localtime", str(localtime)))
    assert find_system_zone() == (zone, None)


@pytest.mark.parametrize("tz", ["CET-1CEST,M3.5.0,M10.5.0/3", "EST+5EDT,M3.2.0/2,M11.1.0/2", "Foo"])
def test_a_posix_tz_falls_back_to_the_system_files(
    tz: str, localtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", tz)
    assert find_system_zone() == (
        "Pacific/Chatham",
        f"TZ={tz!r} names no place's IANA zone; using Pacific/Chatham",
    )
    localtime.unlink()
    assert find_system_zone() == (None, f"TZ={tz!r} names no place's IANA zone; using UTC")


def test_a_posix_tz_is_a_warning_not_an_error(
    localtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    localtime.unlink()
    monkeypatch.setenv("TZ", "CET-1CEST")
    result = CliRunner().invoke(cli, [*BASE, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "Warning: TZ='CET-1CEST' names no place's IANA zone; using UTC (set --tz)"
    )
    assert "09:00 UTC" in result.stdout


# ---------------------------------------------------------------- countries and regions


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("UK", "GB"),
        ("gbr", "GB"),
        ("us", "US"),
        ("AU-NSW", "AU-NSW"),
        ("au-nsw", "AU-NSW"),
        ("US-CA", "US-CA"),
        ("DE-BY", "DE-BY"),
        ("CA-ON", "CA-ON"),
        ("UK-SCT", "GB-SCT"),
        ("AU-New South Wales", "AU-NSW"),
        ("none", None),
    ],
)
def test_country_codes_aliases_and_regions(typed: str, code: str | None) -> None:
    assert parse_country(typed, "UTC") == (code, [])


@pytest.mark.parametrize(
    ("zone", "code"),
    [
        ("Australia/Sydney", "AU-NSW"),
        ("Australia/Melbourne", "AU-VIC"),
        ("America/Phoenix", "US-AZ"),
        ("America/New_York", "US"),
        ("Europe/Berlin", "DE"),
    ],
)
def test_a_zone_in_one_region_infers_it(zone: str, code: str) -> None:
    assert parse_country(None, zone) == (code, [])


def test_an_unknown_region_is_refused() -> None:
    result = CliRunner().invoke(cli, [*BASE, "--tz", "UTC", "--country", "AU-XX"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--country': 'AU-XX' is not a region of AU the holidays "
        "data knows (ACT, NSW, NSW Western, NT, QLD, SA, TAS, VIC, WA)"
    )


def test_sydney_skips_a_day_every_australian_state_has_off() -> None:
    options = PlanOptions(
        "2026-12-22 10:00", "direct", "Australia/Sydney", interviewers=("Dana <d@acme.example>",)
    )
    plan = make_plan(options, datetime(2026, 12, 21, tzinfo=timezone.utc)).plan
    assert plan.settings.country == "AU-NSW"
    check_in = next(step for step in plan.steps if step.step_id == "check-in")
    assert isinstance(check_in.start, datetime)
    assert check_in.start.astimezone(pytz.timezone("Australia/Sydney")).date() == date(2026, 12, 29)
    assert (date(2026, 12, 28), "Boxing Day (observed)") in check_in.moved_by


def test_region_table_names_real_regions_of_the_zone_country() -> None:
    for zone, code in ZONE_REGIONS.items():
        country, _, region = code.partition("-")
        assert zone in pytz.country_timezones[country], zone
        assert region in holidays.country_holidays(country).subdivisions, code


# ---------------------------------------------------------------- date order


def test_date_order_table_is_disjoint_and_matches_cldr() -> None:
    assert not DAY_FIRST & MONTH_FIRST and not DAY_FIRST & YEAR_FIRST
    assert not MONTH_FIRST & YEAR_FIRST
    assert {"GB", "DE", "AU", "IN", "FR"} <= DAY_FIRST and "US" in MONTH_FIRST
    if importlib.util.find_spec("babel") is None:
        pytest.skip("babel (a test extra) is not installed")
    from babel import Locale

    for code in DAY_FIRST | MONTH_FIRST | YEAR_FIRST:
        pattern = Locale.parse(f"und_{code}").date_formats["short"].pattern
        first = next(letter for letter in pattern if letter in "dMy")
        table = {"d": DAY_FIRST, "M": MONTH_FIRST, "y": YEAR_FIRST}[first]
        assert code in table, (code, pattern)


def test_tz_path_to_a_copied_zone_file_uses_etc_timezone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "localtime"
    copy.write_bytes(Path("/usr/share/zoneinfo/Europe/Paris").read_bytes())
    named = tmp_path / "timezone"
    named.write_text("Europe/Paris\n", encoding="utf-8")
    monkeypatch.setattr("icsfollow.inputs.system.LOCALTIME", copy)
    monkeypatch.setattr("icsfollow.inputs.system.TIMEZONE_FILE", named)
    monkeypatch.setenv("TZ", f":{copy}")
    assert find_system_zone() == ("Europe/Paris", None)
    named.unlink()
    assert find_system_zone() == (
        None,
        f"TZ=':{copy}': cannot tell which zone that file is; using UTC",
    )


def test_a_region_adds_its_own_holidays() -> None:
    from icsfollow.core.workdays import holiday_lookup

    epiphany = date(2027, 1, 6)
    assert holiday_lookup("DE-BY")(epiphany) is not None
    assert holiday_lookup("DE")(epiphany) is None
    assert holiday_lookup("CA-ON")(date(2026, 2, 16)) == "Family Day"
    assert holiday_lookup("CA")(date(2026, 2, 16)) is None
    assert holiday_lookup("US-CA")(date(2027, 3, 31)) is not None  # Cesar Chavez Day
