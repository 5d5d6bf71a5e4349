"""The CalDAV commands against real servers: caldav check and login, discovery from the
root URL, TLS, reschedule/close --push, and what list and show say is pending."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from caldav_servers import (
    PASSWORD,
    USER,
    CountingProxy,
    Radicale,
    Server,
    Xandikos,
    server_events,
)
from click.testing import CliRunner
from conftest import write_config
from store_support import DANA, NOW, NY, invoke

from icsfollow.cli import cli

pytest.importorskip("caldav", reason="the caldav extra is not installed")

PLAN = ("plan", "2026-05-12 11:00", "--context", "direct", *NY, "--company", "Acme", *DANA)
EVENING = ("--now", "2026-05-12T22:00:00Z")


def planned() -> None:
    result = invoke(*PLAN, *NOW)
    assert result.exit_code == 0, result.output


def test_check_discovers_from_the_root_and_changes_nothing(
    config_file: Path, proxy: CountingProxy, calendar_name: str
) -> None:
    result = invoke("caldav", "check")

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Server: {proxy.url} as {USER} (password from ICSFOLLOW_CALDAV_PASSWORD)"
    assert lines[1] == f"Principal: {proxy.url}{USER}/"
    assert lines[2] == f"Calendar: {calendar_name!r} is not there yet; the first sync creates it"
    assert lines[3].startswith("Other calendars: ")
    assert proxy.writes == []
    assert PASSWORD not in result.output


@pytest.fixture(scope="module")
def xandikos_under_dav(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Xandikos served under /dav/, as behind a reverse proxy: its root only redirects."""
    from conftest import started

    server = started(Xandikos(tmp_path_factory.mktemp("xandikos-dav"), route_prefix="/dav/"))
    yield server
    server.stop()


def test_discovery_follows_the_well_known_redirect_from_the_root(
    xandikos_under_dav: Server, monkeypatch: pytest.MonkeyPatch, calendar_name: str
) -> None:
    proxy = CountingProxy(xandikos_under_dav)
    try:
        config = Path(os.environ["ICSFOLLOW_CONFIG"])
        write_config(config, proxy.url, xandikos_under_dav, calendar=calendar_name)
        monkeypatch.setenv("ICSFOLLOW_CALDAV_PASSWORD", PASSWORD)

        result = invoke("caldav", "check")

        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[1] == f"Principal: {proxy.url}dav/{USER}/"
        assert proxy.requests[0] == ("GET", "/.well-known/caldav")
        planned()
        assert invoke("sync").output == f"Synced calendar {calendar_name!r}: 6 created\n"
    finally:
        proxy.close()


def test_a_server_that_will_not_make_the_calendar_names_the_ones_it_has(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import started

    server = started(Radicale(tmp_path_factory.mktemp("fixed"), calendars=("Home", "Work")))
    try:
        write_config(Path(os.environ["ICSFOLLOW_CONFIG"]), server.url, server)
        monkeypatch.setenv("ICSFOLLOW_CALDAV_PASSWORD", PASSWORD)
        planned()

        refused = invoke("sync")

        assert refused.exit_code == 1
        assert refused.output == (
            f"Error: no calendar 'Job follow-ups' at {server.url.rstrip('/')} and the server"
            " would not create it; calendars there: 'Home', 'Work' (set calendar in [caldav])\n"
        )
        write_config(Path(os.environ["ICSFOLLOW_CONFIG"]), server.url, server, calendar="Work")
        assert invoke("sync").output == "Synced calendar 'Work': 6 created\n"
    finally:
        server.stop()


def test_a_server_without_logins_needs_no_password(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from conftest import started
    from file_keyring import keyring_backend, no_keyring

    server = started(Xandikos(tmp_path_factory.mktemp("open"), login=False))
    try:
        write_config(Path(os.environ["ICSFOLLOW_CONFIG"]), server.url, server)
        planned()

        with keyring_backend(no_keyring()):
            checked = invoke("caldav", "check")
            synced = invoke("sync")

        assert checked.output.splitlines()[0] == f"Server: {server.url} (no password)"
        assert synced.output == "Synced calendar 'Job follow-ups': 6 created\n"
    finally:
        server.stop()


def test_check_finds_the_calendar_after_a_sync_and_accepts_its_url(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    planned()
    assert invoke("sync").exit_code == 0
    found = invoke("caldav", "check").output.splitlines()[2]
    assert found.startswith(f"Calendar: {calendar_name!r} at {proxy.url}{USER}/")
    calendar_url = found.split(" at ", 1)[1]
    write_config(config_file, proxy.url + f"{USER}/", server, calendar=calendar_url)

    result = invoke("caldav", "check")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2] == f"Calendar: {calendar_name!r} at {calendar_url}"


def test_a_missing_calendar_url_names_the_calendars_there(
    config_file: Path, proxy: CountingProxy, server: Server
) -> None:
    missing = f"{proxy.url}{USER}/no-such-calendar/"
    write_config(config_file, proxy.url, server, calendar=missing)

    result = invoke("caldav", "check")

    assert result.exit_code == 1
    assert result.output.startswith(f"Error: no calendar {missing!r} at {proxy.url.rstrip('/')};")
    assert "calendars there: " in result.output
    assert len(result.output.splitlines()) == 1


def test_tls_is_verified_without_ca_file(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    if server.ca_file is None:
        pytest.skip(f"{server.name} runs plain http on loopback here")
    config_file.write_text(
        "\n".join(line for line in config_file.read_text().splitlines() if "ca_file" not in line)
    )

    result = invoke("caldav", "check")

    assert result.exit_code == 1
    assert result.output == (
        f"Error: {proxy.url.rstrip('/')}: TLS certificate not trusted (self-signed certificate);"
        " add its CA as ca_file in [caldav]\n"
    )


def test_login_tests_the_password_then_keeps_it_in_the_keyring(
    config_file: Path, proxy: CountingProxy, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from file_keyring import FileKeyring, keyring_backend

    monkeypatch.delenv("ICSFOLLOW_CALDAV_PASSWORD")
    monkeypatch.setenv("FILE_KEYRING_PATH", str(tmp_path / "keyring.json"))
    with keyring_backend(FileKeyring()):
        logged_in(proxy, tmp_path)


def logged_in(proxy: CountingProxy, tmp_path: Path) -> None:
    wrong = CliRunner().invoke(cli, ["caldav", "login"], input="nope\n", prog_name="icsfollow")
    assert wrong.exit_code == 1
    assert wrong.output.endswith("refused the username or password (401)\n")
    assert not (tmp_path / "keyring.json").exists()

    right = CliRunner().invoke(cli, ["caldav", "login"], input=f"{PASSWORD}\n")
    assert right.exit_code == 0, right.output
    assert right.output.splitlines()[-1] == (
        f"Stored the password in the system keyring (service 'icsfollow caldav {proxy.url}')"
    )
    assert PASSWORD not in right.output
    checked = invoke("caldav", "check")
    assert checked.exit_code == 0, checked.output
    assert "(password from the system keyring)" in checked.output


def test_reschedule_push_moves_the_events(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    planned()
    assert invoke("sync").exit_code == 0
    proxy.reset()

    result = invoke("reschedule", "acme", "2026-05-12 13:00", *NOW, "--push")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"Synced calendar {calendar_name!r}: 6 updated"
    assert [method for method, _ in proxy.writes] == ["PUT"] * 6


def test_close_push_deletes_the_withdrawn_steps(
    config_file: Path, proxy: CountingProxy, server: Server, calendar_name: str
) -> None:
    planned()
    assert invoke("sync").exit_code == 0
    proxy.reset()

    result = invoke("close", "acme", "--outcome", "offer", *EVENING, "--push")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"Synced calendar {calendar_name!r}: 4 deleted"
    assert [method for method, _ in proxy.writes] == ["DELETE"] * 4
    assert len(server_events(server, calendar_name)) == 2


def test_push_that_fails_keeps_the_record_and_says_how_to_retry(
    config_file: Path, proxy: CountingProxy
) -> None:
    proxy.fail_with = (frozenset({"PROPFIND"}), 500)

    result = invoke(*PLAN, *NOW, "--push")

    assert result.exit_code == 1
    assert result.output.splitlines()[-1].endswith(
        "; the record is saved: run 'icsfollow sync' to send it"
    )
    assert invoke("list", *EVENING).exit_code == 0
    proxy.reset()
    assert invoke("sync").exit_code == 0


def test_list_and_show_say_what_is_not_on_the_server_yet(
    config_file: Path, proxy: CountingProxy, calendar_name: str
) -> None:
    planned()
    shown = invoke("show", "acme", *EVENING).output.splitlines()
    assert all(line.endswith("(not on the server yet)") for line in shown[1:])
    assert "(6 not on the server yet)" in invoke("list", *EVENING).output
    assert json.loads(invoke("list", "--json", *EVENING).output)[0]["pending_steps"] == 6

    assert invoke("sync").exit_code == 0

    assert "not on the server" not in invoke("show", "acme", *EVENING).output
    assert "not on the server" not in invoke("list", *EVENING).output
    steps = json.loads(invoke("show", "acme", "--json", *EVENING).output)["steps"]
    assert [step["pending"] for step in steps] == [False] * 6
    invoke("close", "acme", "--outcome", "offer", *EVENING)
    assert json.loads(invoke("list", "--all", "--json", *EVENING).output)[0]["pending_steps"] == 4


def test_without_caldav_config_nothing_is_pending() -> None:
    planned()
    assert "not on the server" not in invoke("show", "acme", *EVENING).output
    assert json.loads(invoke("list", "--json", *EVENING).output)[0]["pending_steps"] == 0
