"""icsfollow sync against real servers (Radicale, Xandikos) the tests start on loopback.

Every write the server receives is counted by the proxy in front of it; faults are real
(a stopped server, a held answer, an edit made straight on the server).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from caldav_servers import CountingProxy, Server, server_events, user_request
from click.testing import Result
from store_support import DANA, NOW, NY, invoke, query

pytest.importorskip("caldav", reason="the caldav extra is not installed")

PLAN = ("plan", "2026-05-12 11:00", "--context", "direct", *NY, "--company", "Acme")
MOVED = ("plan", "2026-05-12 13:00", "--context", "direct", *NY, "--company", "Acme")


def plan(*args: str) -> Result:
    result = invoke(*args, *NOW, "--force")
    assert result.exit_code == 0, result.output
    return result


def sync() -> Result:
    return invoke("sync")


def steps() -> dict[str, tuple[str, int, str]]:
    """The record's steps: first UID -> (step id, sequence, state)."""
    rows = query("SELECT first_uid, step_id, sequence, state FROM steps")
    return {str(uid): (str(step), int(str(seq)), str(state)) for uid, step, seq, state in rows}


def assert_server_matches_record(server: Server, calendar: str) -> None:
    """The calendar holds exactly the steps not withdrawn, each at its current SEQUENCE."""
    held = server_events(server, calendar)
    wanted = {uid: seq for uid, (_, seq, state) in steps().items() if state != "withdrawn"}
    assert set(held) == set(wanted)
    for uid, (_, _, body) in held.items():
        assert f"SEQUENCE:{wanted[uid]}".encode() in body or wanted[uid] == 0


def test_sync_creates_one_object_per_step_then_writes_nothing(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    plan(*PLAN, *DANA)

    first = sync()
    assert first.exit_code == 0, first.output
    assert first.output == f"Synced calendar {calendar_name!r}: 6 created\n"
    methods = [method for method, _ in proxy.writes]
    assert methods[0] == "MKCALENDAR"  # the calendar is made (its name set with PROPPATCH)
    assert [method for method in methods if method in ("PUT", "DELETE")] == ["PUT"] * 6
    assert_server_matches_record(server, calendar_name)
    proxy.reset()

    again = sync()
    assert again.output == "Nothing to sync: your calendar has every change.\n"
    assert proxy.requests == []


def test_objects_have_one_vevent_no_method_and_are_stored_with_href_and_etag(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    plan(*PLAN, *DANA)
    assert sync().exit_code == 0

    held = server_events(server, calendar_name)
    stored = {str(uid): (str(href), str(etag)) for uid, href, etag in query(
        "SELECT uid, href, etag FROM remote_objects"
    )}  # fmt: skip
    assert set(stored) == set(held)
    for uid, (href, etag, body) in held.items():
        assert body.count(b"BEGIN:VEVENT") == 1
        assert b"METHOD:" not in body
        assert unquote(stored[uid][0].split("/", 3)[3]) == unquote(href.split("/", 3)[3])
        assert stored[uid][1] == etag


def test_a_moved_interview_updates_in_place_with_if_match(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    plan(*PLAN, *DANA)
    assert sync().exit_code == 0
    before = server_events(server, calendar_name)
    proxy.reset()

    plan(*MOVED, *DANA)
    result = sync()

    assert result.exit_code == 0, result.output
    assert result.output == f"Synced calendar {calendar_name!r}: 6 updated\n"
    assert [method for method, _ in proxy.writes] == ["PUT"] * 6
    after = server_events(server, calendar_name)
    assert {uid: href for uid, (href, _, _) in after.items()} == {
        uid: href for uid, (href, _, _) in before.items()
    }
    assert_server_matches_record(server, calendar_name)


def test_a_withdrawn_step_is_deleted(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    plan(*PLAN, *DANA)
    assert sync().exit_code == 0
    proxy.reset()

    plan(*PLAN)  # without Dana's address: no thank-you email
    result = sync()

    assert result.exit_code == 0, result.output
    assert "1 deleted" in result.output
    assert [method for method, _ in proxy.writes].count("DELETE") == 1
    assert_server_matches_record(server, calendar_name)
    assert ("thank-you-email", "withdrawn") in {(s, state) for s, _, state in steps().values()}


def test_an_event_the_user_edited_is_left_alone_and_reported(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    plan(*PLAN, *DANA)
    assert sync().exit_code == 0
    held = server_events(server, calendar_name)
    uid, (href, etag, body) = sorted(held.items())[0]
    edited = body.replace(b"SUMMARY:", b"SUMMARY:My own words: ")
    assert user_request(server, "PUT", href, edited, **{"If-Match": etag}) in (200, 201, 204)
    step = steps()[uid][0]

    plan(*MOVED, *DANA)
    result = sync()

    assert result.exit_code == 0, result.output
    assert f"Left alone: acme-2026-05-12 {step} (you edited it in your calendar" in result.output
    assert "5 updated" in result.output  # the other five steps of the moved plan

    def unfolded(body: bytes) -> bytes:  # servers may fold the longer line anew
        return body.replace(b"\r\n ", b"")

    assert unfolded(server_events(server, calendar_name)[uid][2]) == unfolded(edited)
    assert query("SELECT owner FROM remote_objects WHERE uid = ?", uid) == [("user",)]
    proxy.reset()
    assert sync().output == "Nothing to sync: your calendar has every change.\n"


def test_an_event_the_user_deleted_is_not_recreated(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    plan(*PLAN, *DANA)
    assert sync().exit_code == 0
    uid, (href, _, _) = sorted(server_events(server, calendar_name).items())[0]
    assert user_request(server, "DELETE", href) in (200, 204)

    plan(*MOVED, *DANA)
    result = sync()

    assert result.exit_code == 0, result.output
    assert "(you deleted it in your calendar; it is yours now)" in result.output
    assert uid not in server_events(server, calendar_name)
    assert query("SELECT owner FROM remote_objects WHERE uid = ?", uid) == [("user",)]


def test_plan_push_syncs_after_recording(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    result = invoke(*PLAN, *DANA, *NOW, "--push")

    assert result.exit_code == 0, result.output
    assert result.output.endswith(f"Synced calendar {calendar_name!r}: 6 created\n")
    assert_server_matches_record(server, calendar_name)


def test_config_push_true_syncs_after_plan(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    config_file.write_text("push = true\n" + config_file.read_text())

    result = invoke(*PLAN, *DANA, *NOW)

    assert result.exit_code == 0, result.output
    assert f"Synced calendar {calendar_name!r}: 6 created" in result.output


def test_forget_leaves_a_tombstone_that_the_next_sync_deletes(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    plan(*PLAN, *DANA)
    assert sync().exit_code == 0
    query_write("DELETE FROM interviews")  # what forget does: its steps go with it
    proxy.reset()

    result = sync()

    assert result.exit_code == 0, result.output
    assert "6 deleted" in result.output
    assert server_events(server, calendar_name) == {}


def query_write(sql: str) -> None:
    import sqlite3

    from store_support import record_file

    with sqlite3.connect(record_file()) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(sql)


def test_what_the_server_holds_passes_the_strict_validator(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str, tmp_path: Path
) -> None:
    import shutil
    import subprocess

    from test_samples import ICS_CHECK, ICS_CHECK_DEPS

    if not ICS_CHECK.exists() or shutil.which("node") is None:
        pytest.skip("ics-check is not beside this checkout (or node is missing)")
    if not (ICS_CHECK_DEPS / "venv" / "bin" / "python").exists():
        pytest.skip("ics-check is not set up: run ../shared/tools/ics-check/setup.sh")
    plan(*PLAN, *DANA)
    assert sync().exit_code == 0
    plan(*MOVED)  # updated objects, and a withdrawn one
    assert sync().exit_code == 0
    files = []
    for number, (_, _, body) in enumerate(server_events(server, calendar_name).values()):
        files.append(tmp_path / f"object-{number}.ics")
        files[-1].write_bytes(body)

    done = subprocess.run(
        [str(ICS_CHECK), *map(str, files)], capture_output=True, text=True, timeout=180, check=False
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 failed" in done.stdout


def test_the_same_plan_recorded_twice_shares_its_objects(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    plan(*PLAN)
    plan(*PLAN, "--new")  # acme-2026-05-12-2: the same steps, the same first UIDs
    # letter, two quiet periods, check-in and last check-in (no address: no email)
    assert sync().output == f"Synced calendar {calendar_name!r}: 5 created\n"
    assert sync().output == "Nothing to sync: your calendar has every change.\n"

    closed = invoke("close", "acme-2026-05-12", "--outcome", "offer", "--now", "2026-05-12T22:00Z")
    assert closed.exit_code == 0, closed.output
    proxy.reset()

    result = sync()

    assert result.exit_code == 0, result.output
    assert "deleted" not in result.output  # the second interview still wants them
    # the four steps closed in the first are taken over by the second (412s)
    assert [method for method, _ in proxy.writes] == ["PUT"] * 4
    assert len(server_events(server, calendar_name)) == 5
    assert sync().output == "Nothing to sync: your calendar has every change.\n"
