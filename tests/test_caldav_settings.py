"""The [caldav] settings, the password sources, and what runs without the caldav extra.

No server is needed here: each case fails before any request (the server suite is in
tests/caldav/).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st
from test_imports import modules_after, top_level

from icsfollow.cli import cli
from icsfollow.errors import InputError, SyncError
from icsfollow.sync.password import find_password
from icsfollow.sync.settings import caldav_settings, check_url, is_loopback

CONFIG = Path("config.toml")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="icsfollow", catch_exceptions=False)


def config_file() -> Path:
    return Path(os.environ["ICSFOLLOW_CONFIG"])


def error_line(result: Result) -> str:
    return result.output.splitlines()[-1]


@pytest.mark.parametrize("command", [("sync",), ("caldav", "check"), ("caldav", "login")])
def test_plain_http_to_another_host_is_refused(command: tuple[str, ...]) -> None:
    path = config_file()
    path.write_text('[caldav]\nurl = "http://caldav.example.com/"\nusername = "me"\n')

    result = run(*command)

    assert result.exit_code == 2
    assert error_line(result) == (
        f"Error: Invalid value for 'config': {str(path)!r} [caldav] url"
        " 'http://caldav.example.com/' must use https:// (plain http only to this machine)"
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('name = "A"\n', "has no [caldav] url: add a [caldav] table with url and username"),
        ('[caldav]\nurl = "https://x.example/"\n', "[caldav] needs a username"),
        ('[caldav]\nurl = "ftp://x.example/"\nusername = "me"\n', (
            "[caldav] url 'ftp://x.example/' is not an http(s) URL,"
            " e.g. https://caldav.example.com/"
        )),
        ('[caldav]\nurl = "https://x.example/"\nusername = "me"\nca_file = "/nope.pem"\n', (
            "[caldav] ca_file '/nope.pem' is not a file"
        )),
        ('[caldav]\nurl = "https://x.example/"\nusername = "me"\ntimeout = 0\n', (
            "[caldav] timeout must be 1-600 s"
        )),
        ('name = "A"\n\n[caldav]\nurl = "https://x.example/"\nurll = "x"\n', (
            "line 5: unknown key [caldav] 'urll' (did you mean 'url'?)"
        )),
        ('[caldav]\nurl = "https://x.example/"\ntimeout = "5"\n', (
            "line 3: [caldav] 'timeout' must be an integer, not a string"
        )),
        ('caldav = "https://x.example/"\n', "line 1: 'caldav' must be a table, not a string"),
    ],
)  # fmt: skip
def test_bad_caldav_settings_are_bad_input_naming_file_and_key(text: str, problem: str) -> None:
    path = config_file()
    path.write_text(text)

    result = run("sync")

    assert result.exit_code == 2
    assert error_line(result) == f"Error: Invalid value for 'config': {str(path)!r} {problem}"


@settings(max_examples=40)
@given(st.ip_addresses(v=4))
def test_http_is_allowed_only_to_loopback_addresses(address: object) -> None:
    url = f"http://{address}:5232/"
    loopback = str(address).startswith("127.")
    assert is_loopback(str(address)) == loopback
    if loopback:
        assert check_url(url, CONFIG) == url
    else:
        with pytest.raises(InputError):
            check_url(url, CONFIG)


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST", "127.0.0.1", "127.8.9.10", "[::1]"])
def test_loopback_hosts_may_use_http(host: str) -> None:
    assert check_url(f"http://{host}:8080/dav/", CONFIG) == f"http://{host}:8080/dav/"


@pytest.mark.parametrize("host", ["localhost.example.com", "10.0.0.1", "[::2]", "128.0.0.1"])
def test_other_hosts_need_https(host: str) -> None:
    with pytest.raises(InputError, match="must use https://"):
        check_url(f"http://{host}/", CONFIG)
    assert check_url(f"https://{host}/", CONFIG) == f"https://{host}/"


def settings_with(command: str | None = None) -> object:
    table: dict[str, object] = {"url": "https://x.example/", "username": "me"}
    if command is not None:
        table["password_command"] = command
    return caldav_settings({"caldav": table}, CONFIG)


def test_the_environment_wins_over_the_command() -> None:
    chosen = settings_with("echo from-command")
    assert find_password(chosen, {"ICSFOLLOW_CALDAV_PASSWORD": "from-env"}) == (  # type: ignore[arg-type]
        "from-env",
        "ICSFOLLOW_CALDAV_PASSWORD",
    )


def test_the_command_gives_its_first_line() -> None:
    chosen = settings_with("printf 'first line\\nsecond line\\n'")
    assert find_password(chosen, {}) == ("first line", "password_command")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("command", "problem"),
    [
        ("echo hunter2-secret; exit 3", "failed (exit status 3)"),
        ("printf ''", "printed no password on its first line"),
    ],
)
def test_a_failing_command_is_one_line_without_its_output(command: str, problem: str) -> None:
    with pytest.raises(SyncError) as raised:
        find_password(settings_with(command), {})  # type: ignore[arg-type]
    assert str(raised.value) == f"password_command {command!r} {problem}"


def test_no_password_anywhere_means_no_login() -> None:
    from file_keyring import keyring_backend, no_keyring

    with keyring_backend(no_keyring()):
        found = find_password(settings_with(), {})  # type: ignore[arg-type]
    assert found == (None, "none: no login")


def test_the_password_is_never_an_option() -> None:
    for command in (("sync",), ("caldav", "check"), ("caldav", "login")):
        node = cli
        for name in command:
            node = node.get_command(click.Context(node), name)  # type: ignore[attr-defined]
        assert not [param for param in node.params if "pass" in (param.name or "")]


def test_without_the_extra_the_commands_say_how_to_install_it(tmp_path: Path) -> None:
    config_file().write_text('[caldav]\nurl = "https://x.example/"\nusername = "me"\n')
    hide = "import sys; sys.modules['caldav'] = None; from icsfollow.cli import main; main()"
    for command in (["sync"], ["caldav", "check"]):
        done = subprocess.run(
            [sys.executable, "-c", hide, *command], capture_output=True, text=True, check=False
        )
        assert done.returncode == 1
        assert (
            done.stderr == 'Error: CalDAV needs the caldav extra: pip install "icsfollow[caldav]"\n'
        )


PLAN = ["plan", "2026-12-23 14:00", "--context", "direct", "--now", "2026-12-20T12:00:00Z"]


@pytest.mark.parametrize("args", [[*PLAN, "-o", "-"], [*PLAN, "-o", "plan.ics"], ["list"]])
def test_plan_and_list_never_import_the_caldav_library(args: list[str], tmp_path: Path) -> None:
    config_file().write_text('[caldav]\nurl = "https://x.example/"\nusername = "me"\n')
    loaded = top_level(modules_after(args, tmp_path))
    assert sorted(loaded & {"caldav", "niquests", "keyring", "lxml", "urllib3"}) == []
