"""Links that skip the import dialog: add-to-calendar URLs and the thank-you mailto."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import quote, urlencode

from icsfollow.core.model import Person, PlannedStep
from icsfollow.core.zones import UTC

__all__ = ["google_link", "mailto_link", "outlook_label", "outlook_link"]

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK_HOSTS = {False: "outlook.live.com", True: "outlook.office.com"}
OUTLOOK_PATH = "/calendar/0/deeplink/compose"


def google_link(title: str, details: str, step: PlannedStep, zone: str) -> str:
    """Google Calendar's event template URL, with UTC times (dates for all-day)."""
    start, end = (_google_time(value) for value in (step.start, step.end))
    query = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{start}/{end}",
        "details": details,
        "ctz": zone,
    }
    return f"{GOOGLE}?{_query(query)}"


def outlook_link(title: str, details: str, step: PlannedStep, office365: bool = False) -> str:
    """Outlook on the web's compose deep link (outlook.office.com for Microsoft 365)."""
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": _outlook_time(step.start),
        "enddt": _outlook_time(step.end),
        "body": details,
    }
    if step.is_all_day:
        query["allday"] = "true"
    return f"https://{OUTLOOK_HOSTS[office365]}{OUTLOOK_PATH}?{_query(query)}"


def outlook_label(office365: bool = False) -> str:
    """The name of the Outlook the links open, for buttons and labels."""
    return "Outlook (Microsoft 365)" if office365 else "Outlook"


def mailto_link(people: tuple[Person, ...], subject: str, body: str) -> str | None:
    """An RFC 6068 mailto: to the addresses the candidate was given, or None without one."""
    addresses = [person.email for person in people if person.email]
    if not addresses:
        return None
    to = ",".join(quote(address, safe="@") for address in addresses)
    crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{to}?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"


def _query(fields: dict[str, str]) -> str:
    return urlencode(fields, safe="/", quote_via=quote)


def _google_time(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def _outlook_time(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()
