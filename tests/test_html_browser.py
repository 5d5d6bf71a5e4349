"""The HTML page in a real headless Chromium: one working link pair per step."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from icsfollow.cli import cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Anchors(HTMLParser):
    """Collects the href and text of every link in the DOM Chromium built."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self.links.append((self._href, ""))

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None


def dump_dom(page: Path, profile: Path) -> str:
    assert CHROMIUM is not None
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (.ci/run installs Debian's chromium when it can)",
)
def test_page_opens_in_chromium_with_one_working_link_pair_per_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["plan", "2026-07-03 15:30", "--context", "agency", "--tz", "America/Chicago"]
    args += ["--company", "Acme & Söhne", "--recruiter", "Sam <sam@staffing.example>"]
    args += ["--interviewer", "Dana <dana@acme.example>", "--now", "2026-07-03T21:45:00Z"]
    result = CliRunner().invoke(cli, [*args, "--links", "html"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = tmp_path / "followup-acme-sohne-2026-07-03.html"
    events = Calendar.from_ical(page.with_suffix(".ics").read_bytes()).events
    parser = Anchors()
    parser.feed(dump_dom(page, tmp_path / "profile"))
    for event in events:
        title = str(event["SUMMARY"])
        google = [h for h, _ in parser.links if _field(h, "text") == title]
        outlook = [h for h, _ in parser.links if _field(h, "subject") == title]
        assert len(google) == 1 and google[0].startswith("https://calendar.google.com/")
        assert len(outlook) == 1 and urlsplit(outlook[0]).netloc == "outlook.live.com"
    assert any(href.startswith("mailto:dana@acme.example?") for href, _ in parser.links)


def _field(url: str, name: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get(name)
    return values[0] if values else None
