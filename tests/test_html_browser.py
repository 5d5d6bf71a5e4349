"""The HTML page in a real headless Chromium: one working link pair per step, and a plan
that keeps its columns on a 390-px phone screen."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
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


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (.ci/run installs Debian's chromium when it can)",
)


def dump_dom(page: Path, profile: Path, *flags: str) -> str:
    assert CHROMIUM is not None
    command = [CHROMIUM, *FLAGS, *flags, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def agency_page(company: str) -> Path:
    """Plan a late-Friday agency interview with --links html, in the current folder."""
    args = ["plan", "2026-07-03 15:30", "--context", "agency", "--tz", "America/Chicago"]
    args += ["--company", company, "--recruiter", "Sam <sam@staffing.example>"]
    args += ["--interviewer", "Dana <dana@acme.example>", "--now", "2026-07-03T21:45:00Z"]
    result = CliRunner().invoke(cli, [*args, "--links", "html"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (page,) = Path().glob("*.html")
    return page.resolve()


@needs_chromium
def test_page_opens_in_chromium_with_one_working_link_pair_per_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    page = agency_page("Acme & Söhne")
    assert page.name == "followup-acme-sohne-2026-07-03.html"
    events = Calendar.from_ical(page.with_suffix(".ics").read_bytes()).events
    parser = Anchors()
    parser.feed(dump_dom(page, tmp_path / "profile"))
    titles = Counter(str(event["SUMMARY"]) for event in events)  # two quiet periods
    for title, count in titles.items():
        google = [h for h, _ in parser.links if _field(h, "text") == title]
        outlook = [h for h, _ in parser.links if _field(h, "subject") == title]
        assert len(google) == count
        assert all(h.startswith("https://calendar.google.com/") for h in google)
        assert len(outlook) == count
        assert all(urlsplit(h).netloc == "outlook.live.com" for h in outlook)
    assert any(href.startswith("mailto:dana@acme.example?") for href, _ in parser.links)


def _field(url: str, name: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get(name)
    return values[0] if values else None


# Lays the page out 390 px wide (headless Chromium keeps its window wider than a phone;
# the page has no media queries, so the width of its root box is what a phone gives it),
# then measures where each plan row's clock ends and where every line of its text
# starts. The result goes into the DOM for --dump-dom.
MEASURE = """<script>
document.documentElement.style.width = '390px';
const rows = [...document.querySelectorAll('.plan .row')].map(row => {
  const clock = row.querySelector('.clock').getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(row.querySelector('.what'));
  const rects = [...range.getClientRects()];
  return {
    clockRight: clock.right,
    lineLefts: rects.map(rect => rect.left),
    lineTops: rects.map(rect => Math.round(rect.top)),
  };
});
document.body.setAttribute('data-layout', JSON.stringify(
  {width: document.documentElement.getBoundingClientRect().width, rows: rows}));
</script>"""


@needs_chromium
def test_on_a_390_px_phone_the_plan_keeps_its_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    page = agency_page("Acme Industrial Holdings")
    measured = tmp_path / "measured.html"
    measured.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"))
    dom = dump_dom(measured, tmp_path / "profile", "--window-size=390,844")
    layout = json.loads(_data_layout(dom))
    assert layout["width"] == 390
    wrapped = [row for row in layout["rows"] if len(set(row["lineTops"])) > 1]
    assert wrapped, "no title wrapped at 390 px: the test would prove nothing"
    for row in layout["rows"]:
        assert min(row["lineLefts"]) > row["clockRight"], row


def _data_layout(dom: str) -> str:
    class Body(HTMLParser):
        found = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "body":
                self.found = dict(attrs).get("data-layout") or ""

    body = Body()
    body.feed(dom)
    assert body.found, "the page's measuring script did not run"
    return body.found
