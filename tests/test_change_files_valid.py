"""Every update, cancel and feed file passes the strict ics-check validator and both parsers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from store_support import PLAN, invoke
from test_samples import ICS_CHECK, ICS_CHECK_DEPS

from support import parse_both

NOW = ("--now", "2026-05-11T16:05:00Z")
LATER = ("--now", "2026-05-11T17:00:00Z")


@pytest.fixture
def change_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each kind: a fresh-UID update, an in-place update and its cancel file, a close's
    cancel file, and the feed."""
    monkeypatch.chdir(tmp_path)
    invoke(*PLAN, *NOW)
    invoke("reschedule", "acme", "2026-05-13 11:00", *LATER)
    invoke("reschedule", "acme", "2026-05-13 14:00", *LATER, "--in-place", "--interviewer", "Dana")
    invoke("close", "acme", "--outcome", "offer", "--now", "2026-05-13T22:00:00Z")
    invoke("plan", "2026-05-14 09:00", "--context", "agency", "--tz", "Europe/London",
           "--company", "Globex", "--recruiter", "Sam <sam@x.example>", *NOW)  # fmt: skip
    assert invoke("feed", "-o", "feed.ics").exit_code == 0
    files = [*sorted(tmp_path.glob("followup-acme-2026-05-12-*.ics")), tmp_path / "feed.ics"]
    assert [path.name for path in files] == [
        "followup-acme-2026-05-12-cancel.ics",
        "followup-acme-2026-05-12-update-1.ics",
        "followup-acme-2026-05-12-update-2-cancel.ics",
        "followup-acme-2026-05-12-update-2.ics",
        "feed.ics",
    ]
    return files


def test_change_files_parse_in_both_parsers(change_files: list[Path]) -> None:
    for path in change_files:
        assert parse_both(path.read_bytes()), path


@pytest.mark.skipif(not ICS_CHECK.exists(), reason="ics-check is not beside this checkout")
def test_change_files_pass_the_strict_validator(change_files: list[Path]) -> None:
    if shutil.which("node") is None:
        pytest.skip("ics-check needs node")
    if not (ICS_CHECK_DEPS / "venv" / "bin" / "python").exists():
        pytest.skip("ics-check is not set up: run ../shared/tools/ics-check/setup.sh")
    command = [str(ICS_CHECK), *map(str, change_files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 failed" in done.stdout
