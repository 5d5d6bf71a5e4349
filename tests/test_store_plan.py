"""plan records each interview: inputs, steps with their identities and objects, files."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from icalendar import Calendar
from store_support import NOW, PLAN, invoke, query, record_file, recorded_ids

from support import event_uids


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_plan_records_the_interview_and_says_its_id() -> None:
    result = invoke(*PLAN, *NOW)
    assert result.exit_code == 0, result.output
    assert "Saved as acme-2026-05-12 " in result.output
    assert stat.S_IMODE(record_file().stat().st_mode) == 0o600
    [(interview_id, state, options)] = query("SELECT id, state, options_json FROM interviews")
    assert (interview_id, state) == ("acme-2026-05-12", "active")
    assert json.loads(str(options))["when"] == "2026-05-12 11:00"
    files = query("SELECT kind, path FROM files")
    assert files == [("plan", "followup-acme-2026-05-12.ics")]


def test_step_objects_are_what_a_caldav_server_holds() -> None:
    invoke(*PLAN, *NOW)
    written = Path("followup-acme-2026-05-12.ics").read_bytes()
    rows = query("SELECT step_id, first_uid, uid, sequence, state, object_ics FROM steps")
    assert sorted(str(row[1]) for row in rows) == sorted(event_uids(written))
    for step_id, first_uid, uid, sequence, state, blob in rows:
        assert (uid, sequence, state) == (first_uid, 0, "ahead")
        calendar = Calendar.from_ical(bytes(blob))  # type: ignore[arg-type]
        assert "METHOD" not in calendar and "UID" not in calendar
        [event] = calendar.events
        assert (str(event.uid), event.sequence) == (first_uid, 0)
        assert event["X-ICSFOLLOW-STEP"] == step_id


def test_same_plan_again_changes_nothing_and_keeps_the_uids() -> None:
    invoke(*PLAN, *NOW)
    before = query("SELECT step_id, uid, sequence, object_ics FROM steps ORDER BY id")
    result = invoke(*PLAN, *NOW, "--force")
    assert "Updated acme-2026-05-12, the recorded interview of that company and day" in (
        result.output
    )
    assert "(nothing changed;" in result.output
    assert query("SELECT step_id, uid, sequence, object_ics FROM steps ORDER BY id") == before
    assert query("SELECT count(*) FROM interviews") == [(1,)]


def test_new_records_a_separate_interview_with_a_suffixed_id() -> None:
    invoke(*PLAN, *NOW)
    result = invoke(*PLAN, *NOW, "--new", "-o", "second.ics")
    assert "Saved as acme-2026-05-12-2 " in result.output
    assert query("SELECT id FROM interviews ORDER BY id") == [
        ("acme-2026-05-12",),
        ("acme-2026-05-12-2",),
    ]


@pytest.mark.parametrize("skip", [("--no-record",), ("--dry-run",), ("--links-only",)])
def test_no_record_dry_run_and_links_only_record_nothing(skip: tuple[str, ...]) -> None:
    result = invoke(*PLAN, *NOW, *skip)
    assert result.exit_code == 0, result.output
    assert "Saved as" not in result.output
    assert not record_file().exists()


def test_config_record_false_records_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("record = false\n", encoding="utf-8")
    monkeypatch.setenv("ICSFOLLOW_CONFIG", str(config))
    assert invoke(*PLAN, *NOW).exit_code == 0
    assert not record_file().exists()


def test_a_failed_write_leaves_no_record(tmp_path: Path) -> None:
    Path("followup-acme-2026-05-12.ics").write_bytes(b"mine")
    result = invoke(*PLAN, *NOW)
    assert result.exit_code == 1
    assert recorded_ids() == []
    assert Path("followup-acme-2026-05-12.ics").read_bytes() == b"mine"
