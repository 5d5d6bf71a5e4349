"""Text is data, never markup: any Unicode comes back unchanged; line breaks cannot inject."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from icsfollow.cli import cli

HOSTILE = [
    "漢字カンパニー株式会社",
    "שלום עולם شركة",
    "Café 👩‍💻 Ünïcödé e\u0301",
    'Acme, Inc.; "quoted" \\back\\slash\\ : colon',
    "x" * 5000,
    "{company} {name} %s $HOME",
]


def plan_bytes(*extra: str) -> tuple[bytes, str]:
    args = ["plan", "2026-05-12 11:00", "--context", "agency", "--tz", "Asia/Kolkata"]
    args += ["--now", "2026-05-12T00:00:00Z", "-o", "-", *extra]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes, result.stderr


def strict_summaries(ics: bytes) -> list[str]:
    calendar_stream = pytest.importorskip("ical.calendar_stream")
    stream = calendar_stream.IcsCalendarStream.calendar_from_ics(ics.decode("utf-8"))
    return [event.summary for event in stream.events]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_comes_back_unchanged(text: str) -> None:
    ics, _ = plan_bytes("--company", text, "--recruiter", f"{text[:40]} <sam@x.example>")
    quiet = [e for e in Calendar.from_ical(ics).events if e["X-ICSFOLLOW-STEP"] == "quiet-period"]
    assert quiet[0]["SUMMARY"] == f"Quiet period: no follow-up with {text}"
    assert f"Quiet period: no follow-up with {text}" in strict_summaries(ics)
    debrief = [e for e in Calendar.from_ical(ics).events if "Debrief" in e["SUMMARY"]]
    assert debrief[0]["SUMMARY"] == f"Debrief {text[:40]} on your interview at {text}"


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r", "\x00", "\x1b", "\u2028", "\x85"])
def test_line_breaks_cannot_add_properties_or_components(newline: str) -> None:
    attack = f"Acme{newline}BEGIN:VEVENT{newline}SUMMARY:pwned{newline}END:VEVENT"
    ics, stderr = plan_bytes("--company", attack, "--role", f"dev{newline}ATTENDEE:x@y")
    calendar = Calendar.from_ical(ics)
    assert len(calendar.events) == 6
    assert not any(line.startswith((b"SUMMARY:pwned", b"ATTENDEE")) for line in ics.split(b"\r\n"))
    folded = attack.replace(newline, " ")
    assert any(str(e["SUMMARY"]).endswith(folded) for e in calendar.events)
    assert len(strict_summaries(ics)) == 6
    assert "Warning: --company: line breaks and control characters became spaces" in stderr
