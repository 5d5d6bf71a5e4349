"""Names people type: an interview's slug, ``acme-2026-05-12``."""

from __future__ import annotations

import re

from icsfollow.core.model import Interview
from icsfollow.core.zones import to_local

__all__ = ["company_slug", "interview_slug"]


def company_slug(company: str) -> str:
    """``Söhne & Co.`` → ``sohne-co`` (ASCII, at most 40 characters; ``interview`` if empty)."""
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(company).lower()).strip("-")[:40].strip("-")
    return slug or "interview"


def interview_slug(interview: Interview) -> str:
    """The company slug and the interview's local date: ``acme-2026-05-12``."""
    day = to_local(interview.start, interview.candidate_zone).date()
    return f"{company_slug(interview.company)}-{day.isoformat()}"


def _ascii(text: str) -> str:
    """Spell text in ASCII where it can be (``Söhne`` → ``Sohne``); drop what cannot."""
    if text.isascii():
        return text
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
