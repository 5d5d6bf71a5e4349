"""Real CalDAV servers on loopback for the sync tests: Radicale, and Xandikos if it starts.

Each server runs once per session; each test gets a counting proxy in front of it, its
own calendar (a fresh display name), a config file that points there, and the password
in ICSFOLLOW_CALDAV_PASSWORD.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from caldav_servers import PASSWORD, USER, CountingProxy, Radicale, Server, Xandikos


def started(server: Server) -> Server:
    """Start a server, or skip saying why it cannot start here."""
    try:
        server.start()
    except (RuntimeError, OSError) as error:
        log = server.folder / "server.log"
        tail = log.read_text(errors="replace")[-300:] if log.exists() else ""
        pytest.skip(f"{server.name} does not start here: {error} {tail}")
    return server


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = started(Radicale(tmp_path_factory.mktemp("radicale")))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def xandikos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = started(Xandikos(tmp_path_factory.mktemp("xandikos")))
    yield server
    server.stop()


@pytest.fixture(params=["radicale", "xandikos"])
def server(request: pytest.FixtureRequest) -> Server:
    """Each server test runs against both servers."""
    chosen: Server = request.getfixturevalue(request.param)
    if chosen.process is None:  # a test stopped it and failed before restarting it
        chosen.start()
    return chosen


@pytest.fixture
def proxy(server: Server) -> Iterator[CountingProxy]:
    counting = CountingProxy(server)
    yield counting
    counting.close()


@pytest.fixture
def calendar_name() -> str:
    return f"Job follow-ups {uuid.uuid4().hex[:8]}"


@pytest.fixture
def config_file(
    proxy: CountingProxy, server: Server, calendar_name: str, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The [caldav] config of this test's calendar, reached through the proxy."""
    path = Path(os.environ["ICSFOLLOW_CONFIG"])
    write_config(path, proxy.url, server, calendar=calendar_name)
    monkeypatch.setenv("ICSFOLLOW_CALDAV_PASSWORD", PASSWORD)
    return path


def write_config(path: Path, url: str, server: Server, **extra: object) -> None:
    """Write a [caldav] table; ``extra`` keys (calendar, timeout, ...) add or override."""
    values: dict[str, object] = {"url": url, "username": USER, "timeout": 5}
    if server.ca_file is not None:
        values["ca_file"] = str(server.ca_file)
    values.update(extra)
    lines = ["[caldav]"] + [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Plans write their files into the test's own folder."""
    monkeypatch.chdir(tmp_path)
