"""Real CalDAV servers for the tests, on loopback, and a counting proxy in front of them.

Radicale (plain http on 127.0.0.1, htpasswd) and Xandikos (https on localhost with its
self-signed certificate, htpasswd) run as subprocesses the tests start and stop. The
proxy forwards every request to the server unchanged and counts them; a test can make
it stop the server after a given write, hold a write's answer, or delay answers.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

USER = "tester"
PASSWORD = "s3cret-pass"
WRITES = frozenset({"PUT", "DELETE", "MKCALENDAR", "MKCOL", "PROPPATCH", "POST", "MOVE", "COPY"})
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade"}


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(host: str, port: int, process: subprocess.Popen[bytes], seconds: float) -> None:
    """Wait until the server accepts connections; fail with its output if it exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"server did not listen on {host}:{port} within {seconds} s")


class Server:
    """A CalDAV server process on loopback with one user; stop() and start() keep its data."""

    name = "server"
    scheme = "http"
    host = "127.0.0.1"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.ca_file: Path | None = None
        self.cert_and_key: tuple[Path, Path] | None = None

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}/"

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> None:
        log = (self.folder / "server.log").open("ab")
        self.process = subprocess.Popen(self.command(), stdout=log, stderr=log)
        log.close()
        wait_for_port("127.0.0.1", self.port, self.process, 30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def ssl_context(self) -> ssl.SSLContext | None:
        return None


class Radicale(Server):
    """Radicale over plain http on 127.0.0.1 (loopback: allowed), htpasswd users.

    With ``calendars``, the user has those calendars (by display name) and may change
    events in them but not make new calendars (Radicale's rights file).
    """

    name = "radicale"

    def __init__(self, folder: Path, calendars: tuple[str, ...] = ()) -> None:
        super().__init__(folder)
        self.calendars = calendars

    def _fixed_calendars(self) -> list[str]:
        root = self.folder / "collections" / "collection-root" / USER
        for number, name in enumerate(self.calendars):
            props = {"tag": "VCALENDAR", "D:displayname": name}
            (root / f"calendar-{number}").mkdir(parents=True, exist_ok=True)
            (root / f"calendar-{number}" / ".Radicale.props").write_text(json.dumps(props))
        rights = self.folder / "rights"
        rights.write_text(
            "[root]\nuser: .+\ncollection:\npermissions: R\n\n"
            "[principal]\nuser: .+\ncollection: {user}\npermissions: R\n\n"
            "[calendars]\nuser: .+\ncollection: {user}/calendar-[0-9]+\npermissions: rw\n"
        )
        return ["--rights-type", "from_file", "--rights-file", str(rights)]

    def command(self) -> list[str]:
        users = self.folder / "users"
        users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
        return [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            "",
            "--server-hosts",
            f"127.0.0.1:{self.port}",
            "--storage-filesystem-folder",
            str(self.folder / "collections"),
            "--auth-type",
            "htpasswd",
            "--auth-htpasswd-filename",
            str(users),
            "--auth-htpasswd-encryption",
            "plain",
            "--auth-delay",
            "0",
            *(self._fixed_calendars() if self.calendars else []),
        ]


class Xandikos(Server):
    """Xandikos over https on localhost with its own self-signed certificate, htpasswd users."""

    name = "xandikos"
    scheme = "https"
    host = "localhost"

    def __init__(self, folder: Path, route_prefix: str = "/", login: bool = True) -> None:
        super().__init__(folder)
        self.route_prefix = route_prefix
        self.login = login
        if not login:  # no logins: plain http, as Xandikos refuses logins without TLS
            self.scheme = "http"

    def command(self) -> list[str]:
        digest = base64.b64encode(hashlib.sha1(PASSWORD.encode()).digest()).decode()
        users = self.folder / "users"
        users.write_text(f"{USER}:{{SHA}}{digest}\n", encoding="utf-8")
        state = self.folder / "state"
        certs = state / "certs"
        self.ca_file = certs / "selfsigned.crt"
        self.cert_and_key = (self.ca_file, certs / "selfsigned.key")
        executable = shutil.which("xandikos", path=str(Path(sys.executable).parent)) or "xandikos"
        return [
            executable,
            "serve",
            "-d",
            str(self.folder / "data"),
            "--defaults",
            "--current-user-principal",
            f"/{USER}/",
            "-l",
            "localhost",
            "-p",
            str(self.port),
            *(["--autocert", "--htpasswd", str(users)] if self.login else []),
            "--state-dir",
            str(state),
            "--route-prefix",
            self.route_prefix,
        ]

    def start(self) -> None:
        super().start()
        if not self.login:
            self.ca_file = self.cert_and_key = None
            return
        deadline = time.monotonic() + 10
        while not self.ca_file or not self.ca_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("xandikos wrote no certificate")
            time.sleep(0.05)

    def ssl_context(self) -> ssl.SSLContext | None:
        return ssl.create_default_context(cafile=str(self.ca_file)) if self.ca_file else None


class CountingProxy:
    """A loopback HTTP(S) proxy in front of a server: counts requests, injects faults.

    Attributes:
        requests: ``(method, path)`` of every request, in order.
        after_write: Called with the count of writes so far after each write is answered
            by the server, before the answer is passed on.
        hold_write: If set to n, the n-th write's answer waits for ``release`` (after the
            server applied it), with ``held`` set meanwhile.
        delay: Seconds to wait before each answer.
        fail_with: If set, ``(methods, status)``: answer those methods with that status
            without forwarding them.
    """

    def __init__(self, server: Server) -> None:
        self.server = server
        self.requests: list[tuple[str, str]] = []
        self.after_write: Callable[[int], None] | None = None
        self.hold_write: int | None = None
        self.held = threading.Event()
        self.release = threading.Event()
        self.delay = 0.0
        self.fail_with: tuple[frozenset[str], int] | None = None
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((server.host, 0), _handler_for(self))
        self._httpd.daemon_threads = True
        # A client that went away (Ctrl-C) is not an error of the proxy: print nothing.
        self._httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
        if server.cert_and_key is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*map(str, server.cert_and_key))
            self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"{self.server.scheme}://{self.server.host}:{self.port}/"

    @property
    def writes(self) -> list[tuple[str, str]]:
        return [request for request in self.requests if request[0] in WRITES]

    def reset(self) -> None:
        self.requests.clear()
        self.after_write = None
        self.hold_write = None
        self.held.clear()
        self.release.clear()
        self.delay = 0.0
        self.fail_with = None

    def close(self) -> None:
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def forward(
        self, method: str, path: str, headers: Any, body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes] | None:
        """Send one request to the server; None when it cannot be reached."""
        with self._lock:
            self.requests.append((method, path))
            writes = len(self.writes) if method in WRITES else 0
        if self.fail_with and method in self.fail_with[0]:
            return self.fail_with[1], [("Content-Type", "text/plain")], b"injected failure\n"
        answer = _send(self.server, method, path, headers, body)
        if writes and self.after_write is not None:
            self.after_write(writes)
        if writes and writes == self.hold_write:
            self.held.set()
            self.release.wait(60)
        if self.delay:
            time.sleep(self.delay)
        return answer


def _send(
    server: Server, method: str, path: str, headers: Any, body: bytes
) -> tuple[int, list[tuple[str, str]], bytes] | None:
    if server.scheme == "https":
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            server.host, server.port, timeout=30, context=server.ssl_context()
        )
    else:
        connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
    sent = {key: value for key, value in headers.items() if key.lower() not in _HOP_BY_HOP}
    sent["Host"] = f"{server.host}:{server.port}"
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        content = response.read()
    except OSError:
        return None
    finally:
        connection.close()
    kept = [(key, value) for key, value in response.getheaders() if key.lower() not in _HOP_BY_HOP]
    return response.status, kept, content


def _handler_for(proxy: CountingProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            answer = proxy.forward(self.command, self.path, self.headers, body)
            if answer is None:  # the server is down: so is the proxy, for this client
                self.close_connection = True
                return
            status, headers, content = answer
            self.send_response(status)
            for key, value in headers:
                if key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def __getattr__(self, name: str) -> Any:
            if name.startswith("do_"):
                return self._any
            raise AttributeError(name)

    return Handler


def server_events(server: Server, calendar: str) -> dict[str, tuple[str, str, bytes]]:
    """What the server holds in a calendar, straight from it: UID -> (href, ETag, object)."""
    import caldav
    import niquests
    from icalendar import Calendar

    verify: bool | str = str(server.ca_file) if server.ca_file else True
    with caldav.DAVClient(
        url=server.url, username=USER, password=PASSWORD, ssl_verify_cert=verify
    ) as client:
        found = [c for c in client.principal().get_calendars() if c.get_display_name() == calendar]
        if not found:
            return {}
        held: dict[str, tuple[str, str, bytes]] = {}
        for item in found[0].get_events():
            response = niquests.get(str(item.url), auth=(USER, PASSWORD), verify=verify)
            body = bytes(response.content or b"")  # as stored: the library's .raw rewrites CRLF
            uid = str(Calendar.from_ical(body).walk("VEVENT")[0]["UID"])
            assert uid not in held, f"two objects with UID {uid}"
            held[uid] = (str(item.url), str(response.headers.get("ETag")), body)
        return held


def user_request(server: Server, method: str, href: str, body: bytes = b"", **headers: str) -> int:
    """A request as the user's own calendar app would make it, straight to the server."""
    import niquests

    verify: bool | str = str(server.ca_file) if server.ca_file else True
    path = href.split("/", 3)[3]
    response = niquests.request(
        method, server.url + path, data=body, headers=headers, auth=(USER, PASSWORD), verify=verify
    )
    return int(response.status_code or 0)
