"""What real calendars do with plan, update and cancel files, measured with client-check.

The per-calendar instructions that reschedule and close print (render/notices.py) rest
on these results. Each client is pinned where it ran; one that client-check reports as
skipped is skipped here, saying why.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from store_support import PLAN, invoke

ROOT = Path(__file__).resolve().parent.parent
CLIENT_CHECK = ROOT.parent / "shared" / "tools" / "client-check" / "client-check"
DEPS = Path(os.environ.get("CLIENT_CHECK_DEPS", Path.home() / ".cache" / "client-check"))
NOW = ("--now", "2026-05-11T16:05:00Z")
LATER = ("--now", "2026-05-11T17:00:00Z")
EVENING = ("--now", "2026-05-12T22:00:00Z")

pytestmark = [
    pytest.mark.skipif(
        not CLIENT_CHECK.exists(), reason="client-check is not beside this checkout"
    ),
    pytest.mark.skipif(
        not (DEPS / "venv" / "bin" / "python").exists(),
        reason="client-check is not set up: run ../shared/tools/client-check/setup.sh",
    ),
]

Report = dict[str, Any]


def client_check(*files: Path) -> Report:
    command = [str(CLIENT_CHECK), "--json", "--tz", "America/New_York", *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=200, check=False)
    report: Report = json.loads(done.stdout)
    return report


def ran(report: Report, client: str) -> Report:
    result: Report = report[client]
    if result["skipped"]:
        pytest.skip(f"{client}: {result['skipped']}")
    assert result["error"] is None, result["error"]
    return result


def summaries(result: Report) -> list[tuple[str, str | None]]:
    return sorted((event["summary"], event.get("status")) for event in result["events"])


@contextmanager
def in_folder(folder: Path) -> Iterator[None]:
    """Run in ``folder`` with the record in ``folder/data`` (module fixtures cannot use
    the function-scoped isolation of conftest.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("ICSFOLLOW_DATA_DIR", str(folder / "data"))
        patch.setenv("ICSFOLLOW_CONFIG", str(folder / "none.toml"))
        yield


@pytest.fixture(scope="module")
def fresh_update(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Plan, then a reschedule under fresh UIDs (the default)."""
    folder = tmp_path_factory.mktemp("fresh")
    with in_folder(folder):
        invoke(*PLAN, *NOW, "-o", "plan.ics")
        invoke("reschedule", "acme", "2026-05-13 11:00", *LATER)
    return client_check(folder / "plan.ics", folder / "followup-acme-2026-05-12-update-1.ics")


@pytest.fixture(scope="module")
def in_place_then_close(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Plan, a reschedule in place, then close on an offer after the thank-yous."""
    folder = tmp_path_factory.mktemp("in-place")
    with in_folder(folder):
        invoke(*PLAN, *NOW, "-o", "plan.ics")
        invoke("reschedule", "acme", "2026-05-12 14:00", *LATER, "--in-place")
        invoke("close", "acme", "--outcome", "offer", *EVENING)
    names = [
        "plan.ics",
        "followup-acme-2026-05-12-update-1.ics",
        "followup-acme-2026-05-12-cancel.ics",
    ]
    return client_check(*(folder / name for name in names))


@pytest.mark.parametrize("client", ["thunderbird", "eds", "khal", "calcurse"])
def test_fresh_uids_import_everywhere_and_the_old_events_stay(
    fresh_update: Report, client: str
) -> None:
    result = ran(fresh_update, client)
    assert all(entry["ok"] for entry in result["imports"])
    assert len(result["events"]) == 8  # so the old four must be deleted by hand


def test_thunderbird_refuses_in_place_updates_and_cancellations(
    in_place_then_close: Report,
) -> None:
    result = ran(in_place_then_close, "thunderbird")
    assert [entry["ok"] for entry in result["imports"]] == [True, False, False]
    assert all("ID already exists" in entry["error"] for entry in result["imports"][1:])
    assert {event["sequence"] for event in result["events"]} == {0}


def test_evolution_updates_in_place_and_removes_cancelled_events(
    in_place_then_close: Report,
) -> None:
    result = ran(in_place_then_close, "eds")
    assert all(entry["ok"] for entry in result["imports"])
    assert summaries(result) == [
        ("Email a thank-you to Dana Lee", None),
        ("Write a handwritten thank-you letter to Dana Lee", None),
    ]
    assert {event["sequence"] for event in result["events"]} == {1}
    assert {event["start"][:16] for event in result["events"]} == {
        "2026-05-12T15:30",
        "2026-05-12T16:00",
    }


def test_khal_updates_in_place_and_marks_cancelled_events(in_place_then_close: Report) -> None:
    result = ran(in_place_then_close, "khal")
    statuses = sorted(event.get("status") or "" for event in result["events"])
    assert statuses == ["", "", "CANCELLED", "CANCELLED"]
    assert len({event["uid"] for event in result["events"]}) == 4


def test_calcurse_adds_every_file_as_new_events(in_place_then_close: Report) -> None:
    result = ran(in_place_then_close, "calcurse")
    assert len(result["events"]) == 4 + 4 + 2
