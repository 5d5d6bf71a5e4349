"""Sync under faults, against real servers: down, slow, refusing, stopped or interrupted mid-sync.

Every failure is one line and exit 1, without the password; the record keeps what is
pending, and the next sync delivers exactly that: nothing lost, nothing twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from caldav_servers import PASSWORD, CountingProxy, Server, free_port, server_events
from conftest import write_config
from store_support import DANA, NOW, NY, invoke, query

pytest.importorskip("caldav", reason="the caldav extra is not installed")

PLAN = ("plan", "2026-05-12 11:00", "--context", "direct", *NY, "--company", "Acme", *DANA)
MOVED = ("plan", "2026-05-12 13:00", "--context", "direct", *NY, "--company", "Acme", *DANA)


def planned(*args: str) -> None:
    result = invoke(*args, *NOW, "--force")
    assert result.exit_code == 0, result.output


def pending_count() -> int:
    from icsfollow.store.db import open_record
    from icsfollow.store.remote import pending_steps

    with open_record() as db:
        return len(pending_steps(db))


def assert_one_line_error(output: str, expected: str) -> None:
    assert output.splitlines() == [f"Error: {expected}"]
    assert PASSWORD not in output


def assert_exactly_the_record(server: Server, calendar: str) -> None:
    held = server_events(server, calendar)
    rows = query("SELECT first_uid, sequence FROM steps WHERE state != 'withdrawn'")
    assert set(held) == {str(uid) for uid, _ in rows}
    for uid, sequence in rows:
        assert f"SEQUENCE:{sequence}".encode() in held[str(uid)][2] or sequence == 0


def test_server_stopped_mid_sync_then_restarted_gets_exactly_the_rest(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    planned(*PLAN)
    assert invoke("sync").exit_code == 0
    planned(*MOVED)
    assert pending_count() == 6
    proxy.reset()
    proxy.after_write = lambda count: server.stop() if count == 2 else None
    try:
        result = invoke("sync")
    finally:
        server.start()

    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot reach {proxy.url.rstrip('/')}")
    assert len(result.output.splitlines()) == 1
    assert pending_count() == 4
    proxy.reset()

    again = invoke("sync")

    assert again.exit_code == 0, again.output
    assert again.output == f"Synced calendar {calendar_name!r}: 4 updated\n"
    assert [method for method, _ in proxy.writes] == ["PUT"] * 4
    assert_exactly_the_record(server, calendar_name)


@pytest.mark.parametrize(
    ("before", "held", "outcome"),
    [
        ([PLAN], 3, "6 created"),  # MKCALENDAR, PROPPATCH, then the first create
        ([PLAN, "sync", MOVED], 1, "6 updated"),  # the first update
    ],
)
def test_ctrl_c_mid_sync_loses_and_duplicates_nothing(
    before: list[object],
    held: int,
    outcome: str,
    config_file: Path,
    proxy: CountingProxy,
    server: Server,
    calendar_name: str,
) -> None:
    for step in before:
        if step == "sync":
            assert invoke("sync").exit_code == 0
        else:
            planned(*step)  # type: ignore[misc]
    proxy.reset()
    proxy.hold_write = held  # the server applies it; its answer waits for Ctrl-C
    command = [sys.executable, "-m", "icsfollow", "sync"]
    running = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proxy.held.wait(60), "the sync never reached the held write"
        running.send_signal(signal.SIGINT)
        _, stderr = running.communicate(timeout=60)
    finally:
        proxy.release.set()
        if running.poll() is None:
            running.kill()

    assert running.returncode == 1
    assert PASSWORD.encode() not in stderr
    assert pending_count() == 6  # the write reached the server, its answer did not reach us
    proxy.reset()

    result = invoke("sync")

    assert result.exit_code == 0, result.output
    assert result.output == f"Synced calendar {calendar_name!r}: {outcome}\n"
    assert [method for method, _ in proxy.writes] == ["PUT"] * 6  # one meets 412: adopted
    assert_exactly_the_record(server, calendar_name)
    proxy.reset()
    assert invoke("sync").output == "Nothing to sync: your calendar has every change.\n"
    assert proxy.writes == []


def test_no_password_at_all_is_one_line_saying_where_to_put_one(
    config_file: Path, proxy: CountingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from file_keyring import keyring_backend, no_keyring

    planned(*PLAN)
    monkeypatch.delenv("ICSFOLLOW_CALDAV_PASSWORD")

    with keyring_backend(no_keyring()):
        result = invoke("sync")

    assert result.exit_code == 1
    assert_one_line_error(result.output, (
        f"{proxy.url.rstrip('/')} wants a password (401): no CalDAV password: set"
        " ICSFOLLOW_CALDAV_PASSWORD, or password_command in [caldav], or run"
        " 'icsfollow caldav login'"
    ))  # fmt: skip
    assert pending_count() == 6


def test_wrong_password_is_one_line_and_keeps_everything_pending(
    config_file: Path, proxy: CountingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned(*PLAN)
    monkeypatch.setenv("ICSFOLLOW_CALDAV_PASSWORD", "not-the-password")

    result = invoke("sync")

    assert result.exit_code == 1
    host = proxy.url.rstrip("/")
    assert_one_line_error(result.output, f"{host} refused the username or password (401)")
    assert "not-the-password" not in result.output
    assert pending_count() == 6
    assert proxy.writes == []


@pytest.mark.parametrize(
    ("methods", "status", "expected"),
    [
        ({"PUT"}, 500, "failed with a server error (500) on PUT"),
        ({"PUT"}, 502, "failed with a server error (502) on PUT"),
        ({"PUT"}, 403, "refused access (403) for 'tester'"),
        ({"PROPFIND"}, 403, "refused access (403) for 'tester'"),
        ({"PROPFIND"}, 404, ": not found (404): check url and calendar in [caldav]"),
        ({"PROPFIND", "PUT"}, 503, ""),
    ],
)
def test_server_refusals_are_one_line_and_lose_nothing(
    methods: set[str],
    status: int,
    expected: str,
    config_file: Path,
    proxy: CountingProxy,
    server: Server,
    calendar_name: str,
) -> None:
    planned(*PLAN)
    proxy.fail_with = (frozenset(methods), status)

    result = invoke("sync")

    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith(f"Error: {proxy.url.rstrip('/')}")
    assert expected in result.output
    assert PASSWORD not in result.output
    assert pending_count() == 6
    proxy.reset()
    assert invoke("sync").output == f"Synced calendar {calendar_name!r}: 6 created\n"
    assert_exactly_the_record(server, calendar_name)


def test_a_server_that_does_not_answer_in_time(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    planned(*PLAN)
    write_config(config_file, proxy.url, server, calendar=calendar_name, timeout=1)
    proxy.delay = 3

    result = invoke("sync")

    assert result.exit_code == 1
    assert_one_line_error(result.output, f"{proxy.url.rstrip('/')} did not answer within 1 s")
    assert pending_count() == 6


def test_nobody_listening(config_file: Path, server: Server) -> None:
    planned(*PLAN)
    url = f"{server.scheme}://{server.host}:{free_port()}/"
    write_config(config_file, url, server)

    result = invoke("sync")

    assert result.exit_code == 1
    assert_one_line_error(result.output, f"cannot reach {url.rstrip('/')}: connection refused")
    assert pending_count() == 6


def test_the_password_never_reaches_argv_or_the_record(
    config_file: Path, proxy: CountingProxy
) -> None:
    planned(*PLAN)
    env = {**os.environ}
    done = subprocess.run(
        [sys.executable, "-m", "icsfollow", "sync"], env=env, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert PASSWORD.encode() not in done.stdout + done.stderr
    data = Path(os.environ["ICSFOLLOW_DATA_DIR"])
    for path in data.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes()
    assert PASSWORD not in config_file.read_text()
