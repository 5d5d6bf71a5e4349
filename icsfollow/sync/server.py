"""The calendar server through the ``caldav`` library: discovery, the calendar, the requests.

The only module that imports ``caldav``. Every failure becomes one :class:`SyncError` line
naming the host and what went wrong, never the password.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote, urljoin, urlsplit

from icsfollow.errors import SyncError
from icsfollow.sync.password import NO_PASSWORD
from icsfollow.sync.settings import CalDAVSettings, is_loopback
from icsfollow.sync.values import Reply

if TYPE_CHECKING:
    from caldav.davclient import DAVClient

__all__ = ["INSTALL_HINT", "CalendarFound", "Connection", "connect", "require_caldav"]

INSTALL_HINT = 'CalDAV needs the caldav extra: pip install "icsfollow[caldav]"'
_ICS = "text/calendar; charset=utf-8"
_WELL_KNOWN = "/.well-known/caldav"
_MAX_REDIRECTS = 5


class CalendarFound(NamedTuple):
    """What discovery found.

    Attributes:
        principal_url: The user's principal.
        calendar_url: The calendar's URL, or None when it is missing (and not created).
        name: Its display name (or the one wanted).
        created: Whether this run made it.
        others: The display names of the other calendars.
    """

    principal_url: str
    calendar_url: str | None
    name: str
    created: bool
    others: list[str]


def require_caldav() -> None:
    """Check that the caldav extra is installed.

    Raises:
        SyncError: Saying in one line how to install it.
    """
    try:
        import caldav  # noqa: F401
    except ImportError:
        raise SyncError(INSTALL_HINT) from None


class Connection:
    """One calendar collection on the server: the engine's :class:`Transport`."""

    def __init__(
        self, client: DAVClient, settings: CalDAVSettings, calendar_url: str, anonymous: bool
    ):
        self._client = client
        self._settings = settings
        self._anonymous = anonymous
        self.calendar_url = calendar_url if calendar_url.endswith("/") else calendar_url + "/"

    def href_for(self, uid: str) -> str:
        """The object URL for a UID: the calendar's URL plus the quoted UID and ``.ics``."""
        return self.calendar_url + quote(uid, safe="@-_.") + ".ics"

    def create(self, href: str, ics: bytes) -> Reply:
        """PUT a new object; 412 if one is there already."""
        return self._send("PUT", href, ics, {"If-None-Match": "*", "Content-Type": _ICS})

    def update(self, href: str, ics: bytes, etag: str) -> Reply:
        """PUT over the object with this ETag; 412 if it changed, 404 if it is gone."""
        return self._send("PUT", href, ics, {"If-Match": etag, "Content-Type": _ICS})

    def delete(self, href: str, etag: str) -> Reply:
        """DELETE the object with this ETag; 412 if it changed, 404 if it is gone."""
        return self._send("DELETE", href, b"", {"If-Match": etag})

    def fetch(self, href: str) -> Reply:
        """GET the object."""
        return self._send("GET", href, b"", {"Accept": "text/calendar"})

    def close(self) -> None:
        """Close the HTTP session."""
        self._client.close()

    def _send(self, method: str, href: str, body: bytes, headers: dict[str, str]) -> Reply:
        with server_errors(self._settings, self._anonymous):
            response = self._client.request(href, method, body.decode("utf-8"), headers)
        status = int(response.status)
        if status in (401, 403) or status >= 500 or (status >= 300 and status not in (404, 412)):
            raise SyncError(_status_line(self._settings, method, href, status, self._anonymous))
        raw = response.raw
        content = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw or b"")
        return Reply(status, response.headers.get("ETag"), content)


def connect(
    settings: CalDAVSettings, password: str | None, *, create: bool = True
) -> tuple[Connection, CalendarFound]:
    """Log in, discover the principal from the URL, and find (or make) the calendar.

    With ``create=False`` a missing calendar is not an error: ``calendar_url`` is None.

    Raises:
        SyncError: Server down, timeout, TLS, 401/403/404/5xx, or a calendar that is
            missing and cannot be made.
    """
    from caldav.davclient import DAVClient

    anonymous = password is None
    client = DAVClient(
        url=settings.url,
        username=None if anonymous else settings.username,
        password=password,
        timeout=settings.timeout,
        ssl_verify_cert=_verify(settings),
        enable_rfc6764=False,
    )
    with server_errors(settings, anonymous):
        principal = _principal(client, settings, password)
        found = _calendar(principal, settings, create)
    for url in (found.principal_url, found.calendar_url or settings.url):
        _check_scheme(url, settings)
    return Connection(client, settings, found.calendar_url or "", anonymous), found


def _principal(client: DAVClient, settings: CalDAVSettings, password: str | None) -> Any:
    """The user's principal, found from the service URL (RFC 6764) by the library."""
    from caldav.lib.url import URL

    service = _service_url(settings, password)
    if service != settings.url:
        client.url = URL.objectify(service)
    return client.get_principal()


def _service_url(settings: CalDAVSettings, password: str | None) -> str:
    """For a root URL, where ``/.well-known/caldav`` redirects (RFC 6764 section 5).

    The redirects are followed here because the HTTP library would turn a PROPFIND into
    a GET on a 302; the login goes only to the configured host, over https (or loopback).
    No redirect: the root is the service.
    """
    from caldav.lib.http_sync import requests

    if urlsplit(settings.url).path not in ("", "/"):
        return settings.url
    url = urljoin(settings.url, _WELL_KNOWN)
    for _ in range(_MAX_REDIRECTS):
        response = requests.get(
            url,
            auth=None if password is None else (settings.username, password),
            allow_redirects=False,
            timeout=settings.timeout,
            verify=_verify(settings),
        )
        location = response.headers.get("Location")
        if response.status_code not in (301, 302, 303, 307, 308) or not location:
            break
        target = urljoin(url, location)
        if urlsplit(target).hostname != urlsplit(settings.url).hostname:
            break
        _check_scheme(target, settings)
        url = target
        if not urlsplit(url).path.rstrip("/").endswith(_WELL_KNOWN):
            return url  # the context path; its own redirects are for browsers
    return settings.url


def _calendar(principal: Any, settings: CalDAVSettings, create: bool) -> CalendarFound:
    wanted = settings.calendar
    calendars = principal.get_calendars()
    names = [str(calendar.get_display_name() or calendar.url) for calendar in calendars]
    for calendar, name in zip(calendars, names, strict=True):
        if wanted in (name, str(calendar.url)) or _same_url(wanted, str(calendar.url)):
            others = [other for other in names if other != name]
            return CalendarFound(str(principal.url), str(calendar.url), name, False, others)
    if wanted.startswith(("http://", "https://")):
        raise SyncError(_no_calendar(settings, names))
    if not create:
        return CalendarFound(str(principal.url), None, wanted, False, names)
    from caldav.lib.error import DAVError

    try:
        made = principal.make_calendar(name=wanted)
    except DAVError:
        raise SyncError(_no_calendar(settings, names, tried=True)) from None
    return CalendarFound(str(principal.url), str(made.url), wanted, True, names)


def _no_calendar(settings: CalDAVSettings, names: list[str], tried: bool = False) -> str:
    where = ", ".join(repr(name) for name in names) or "none"
    made = " and the server would not create it" if tried else ""
    return (
        f"no calendar {settings.calendar!r} at {_host(settings)}{made};"
        f" calendars there: {where} (set calendar in [caldav])"
    )


def _same_url(wanted: str, url: str) -> bool:
    return wanted.startswith(("http://", "https://")) and wanted.rstrip("/") == url.rstrip("/")


def _verify(settings: CalDAVSettings) -> bool | str:
    """Always verify TLS; ca_file adds its CAs to the system's (a PEM bundle string)."""
    if settings.ca_file is None:
        return True
    import wassima  # niquests' own trust store, which verify=True would use

    extra = settings.ca_file.read_text(encoding="utf-8")
    return wassima.generate_ca_bundle() + "\n" + extra


def _check_scheme(url: str, settings: CalDAVSettings) -> None:
    parts = urlsplit(url)
    if parts.scheme != "https" and not is_loopback(parts.hostname or ""):
        raise SyncError(f"{_host(settings)} sent us to plain-http {url}: refused (https only)")


@contextmanager
def server_errors(settings: CalDAVSettings, anonymous: bool = False) -> Iterator[None]:
    """Turn the library's and the HTTP library's exceptions into one SyncError line."""
    from caldav.lib import error
    from caldav.lib.http_sync import requests

    try:
        yield
    except error.DAVError as failure:
        raise SyncError(_dav_line(settings, failure, None, anonymous)) from None
    except requests.exceptions.Timeout:
        raise SyncError(f"{_host(settings)} did not answer within {settings.timeout} s") from None
    except requests.exceptions.SSLError as failure:
        raise SyncError(
            f"{_host(settings)}: TLS certificate not trusted ({_first_line(failure)});"
            " add its CA as ca_file in [caldav]"
        ) from None
    except requests.exceptions.RequestException as failure:
        raise SyncError(f"cannot reach {_host(settings)}: {_first_line(failure)}") from None


def _dav_line(
    settings: CalDAVSettings, failure: Any, status: int | None = None, anonymous: bool = False
) -> str:
    status = status or getattr(failure, "status", None)
    if status == 401 and anonymous:
        return f"{_host(settings)} wants a password (401): {NO_PASSWORD}"
    if status == 401:
        return f"{_host(settings)} refused the username or password (401)"
    if status == 403:
        return f"{_host(settings)} refused access (403) for {settings.username!r}"
    if status == 404 or type(failure).__name__ == "NotFoundError":
        return f"{_host(settings)}: not found (404): check url and calendar in [caldav]"
    if type(failure).__name__ == "RateLimitError":
        return f"{_host(settings)} is busy (rate limited): try again later"
    shown = f" ({status})" if status else ""
    return f"{_host(settings)} failed{shown}: {type(failure).__name__}"


def _status_line(
    settings: CalDAVSettings, method: str, href: str, status: int, anonymous: bool
) -> str:
    if status in (401, 403):
        return _dav_line(settings, SyncError(), status, anonymous)
    if status >= 500:
        return f"{_host(settings)} failed with a server error ({status}) on {method} {href}"
    return f"{_host(settings)} answered {status} to {method} {href}"


def _host(settings: CalDAVSettings) -> str:
    parts = urlsplit(settings.url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def _first_line(failure: BaseException) -> str:
    """The root cause in a few words (connection refused, self-signed certificate, ...)."""
    import socket
    import ssl

    seen: list[BaseException] = [failure]
    for cause in seen:
        if isinstance(cause, socket.gaierror):
            return "unknown host name"
        if isinstance(cause, ssl.SSLCertVerificationError) and cause.verify_message:
            return str(cause.verify_message)
        if isinstance(cause, OSError) and cause.strerror:
            return str(cause.strerror).lower()
        linked = [cause.__cause__, cause.__context__, getattr(cause, "reason", None), *cause.args]
        seen += [link for link in linked if isinstance(link, BaseException) and link not in seen]
    text = str(failure).strip().splitlines()
    return text[0][:120] if text else type(failure).__name__
