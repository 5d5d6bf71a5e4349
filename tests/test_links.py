"""Add-to-calendar links, the mailto draft and the HTML page parse back to the events."""

from __future__ import annotations

from datetime import date, datetime, timezone
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icsfollow.api import make_plan
from icsfollow.core.model import Plan
from icsfollow.inputs.options import PlanOptions
from icsfollow.render.describe import describe_step
from icsfollow.render.drafts import step_draft
from icsfollow.render.html import render_page
from icsfollow.render.links import step_links

NOW = datetime(2026, 7, 3, 21, 45, tzinfo=timezone.utc)
TRICKY = "Ünïcödé 漢字 👩‍💻 & <b>bold</b> \"q\" 's' a+b=c 100% #1 ?x=y;z, back\\slash /"


def make(company: str = "Acme", name: str = "Joe Smith", context: str = "agency") -> Plan:
    options = PlanOptions(
        when="2026-07-03 15:30",
        context=context,
        tz="America/Chicago",
        name=name,
        company=company,
        interviewers=(f"{name} Lee <dana+{len(name)}@acme.example>", "Raj Patel"),
        recruiter="Sam Ortiz <sam@staffing.example>" if context == "agency" else None,
        linkedin_ok="",
    )
    return make_plan(options, NOW).plan


def mailtos(plan: Plan) -> list[str]:
    drafts = (step_draft(plan, step) for step in plan.steps)
    return [draft.mailto for draft in drafts if draft is not None and draft.mailto is not None]


def query(url: str) -> dict[str, str]:
    fields = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(values) == 1 for values in fields.values())
    return {key: values[0] for key, values in fields.items()}


def utc(value: datetime | date, google: bool) -> str:
    if isinstance(value, datetime):
        pattern = "%Y%m%dT%H%M%SZ" if google else "%Y-%m-%dT%H:%M:%SZ"
        return value.astimezone(timezone.utc).strftime(pattern)
    return value.strftime("%Y%m%d") if google else value.isoformat()


def assert_links_match_events(plan: Plan, office365: bool = False) -> None:
    links = step_links(plan, office365)
    assert [link.step_id for link in links] == [step.step_id for step in plan.steps]
    for step, link in zip(plan.steps, links, strict=True):
        text = describe_step(plan, step)
        google = query(link.google)
        assert link.google.startswith("https://calendar.google.com/calendar/render?")
        assert google["action"] == "TEMPLATE"
        assert (google["text"], google["details"]) == (text.summary, text.description)
        assert google["dates"] == f"{utc(step.start, True)}/{utc(step.end, True)}"
        assert google["ctz"] == plan.interview.candidate_zone
        host = "outlook.office.com" if office365 else "outlook.live.com"
        assert urlsplit(link.outlook).netloc == host
        outlook = query(link.outlook)
        assert (outlook["subject"], outlook["body"]) == (text.summary, text.description)
        assert (outlook["startdt"], outlook["enddt"]) == (
            utc(step.start, False),
            utc(step.end, False),
        )
        assert (outlook.get("allday") == "true") == step.is_all_day


@pytest.mark.parametrize("office365", [False, True])
def test_links_carry_exact_title_times_and_text(office365: bool) -> None:
    assert_links_match_events(make(company=TRICKY, name="Zoë &amp; 漢字 👩‍💻 a+b"), office365)


@settings(max_examples=40, deadline=None)
@given(
    company=st.text(min_size=1, max_size=80).filter(lambda s: s.strip() and s.isprintable()),
    context=st.sampled_from(["direct", "agency"]),
)
def test_links_round_trip_any_text(company: str, context: str) -> None:
    assert_links_match_events(make(company=company.strip(), context=context))


def test_quiet_period_links_are_all_day_with_exclusive_end() -> None:
    link = next(link for link in step_links(make()) if link.step_id == "quiet-period")
    assert query(link.google)["dates"] == "20260704/20260708"
    assert (query(link.outlook)["startdt"], query(link.outlook)["enddt"]) == (
        "2026-07-04",
        "2026-07-08",
    )


def test_mailto_round_trips_rfc_6068() -> None:
    plan = make(company=TRICKY, name="Zoë Ångström")
    step = next(step for step in plan.steps if step.step_id == "thank-you-email")
    draft = step_draft(plan, step)
    assert draft is not None and draft.mailto is not None
    mailto = draft.mailto
    address, _, fields = mailto.removeprefix("mailto:").partition("?")
    assert unquote(address) == "dana+12@acme.example"
    parsed = query("?" + fields)
    assert parsed["subject"] == "Thank you from Zoë Ångström"
    assert parsed["body"] == draft.body.replace("\n", "\r\n")
    assert parsed["body"].startswith("[Send only if Sam Ortiz says the client welcomes it")
    assert "%0D%0A" in fields and "\n" not in mailto and " " not in mailto
    assert mailto in describe_step(plan, step).description


def test_no_mailto_for_an_address_not_given() -> None:
    options = PlanOptions(
        when="2026-07-03 15:30", context="direct", tz="America/Chicago", interviewers=("Raj",)
    )
    plan = make_plan(options, NOW).plan
    assert mailtos(plan) == []
    page = render_page(plan)
    assert "mailto:" not in page
    assert all("mailto:" not in describe_step(plan, step).description for step in plan.steps)


class PageLinks(HTMLParser):
    """Collects every link and every attribute that could load something."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.loads: list[tuple[str, str]] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name == "href" and tag == "a":
                self.hrefs.append(value or "")
            elif name in {"src", "href", "srcset", "action", "poster", "data"}:
                self.loads.append((tag, value or ""))


def test_html_page_has_every_link_and_loads_nothing() -> None:
    plan = make(company=TRICKY)
    page = render_page(plan, ics_name="followup-acme-2026-07-03.ics")
    parser = PageLinks()
    parser.feed(page)
    parser.close()
    links = step_links(plan)
    expected = [url for link in links for url in (link.google, link.outlook)]
    assert [href for href in parser.hrefs if href.startswith("https://")] == expected
    assert [href for href in parser.hrefs if href.startswith("mailto:")] == mailtos(plan)
    assert len(mailtos(plan)) == 3  # the thank-you to Dana, the check-in and last one to Sam
    assert "followup-acme-2026-07-03.ics" in parser.hrefs
    assert parser.loads == []
    assert not parser.tags & {"script", "img", "link", "iframe", "object", "embed"}
    assert "url(" not in page and "@import" not in page
    assert "<b>bold</b>" not in page


class PlanRows(HTMLParser):
    """The plan's rows on the page: the class of each cell, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "div" and classes == "row":
            self.rows.append([])
            self.depth = 1
        elif self.depth:
            if self.depth == 1:
                self.rows[-1].append(f"{tag}.{classes}")
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1


def test_html_plan_keeps_its_columns_on_a_phone() -> None:
    """Each plan line is a grid row (clock, marker, text): wrapped text stays in its column."""
    plan = make(company="A company with a long name, to wrap on a 390-pixel phone screen")
    page = render_page(plan)
    parser = PlanRows()
    parser.feed(page)
    timed_and_all_day = len(plan.steps)
    assert parser.rows == [["span.clock", "span.mark", "span.what"]] * timed_and_all_day
    assert ".row{display:grid;grid-template-columns:max-content 1.1em minmax(0,1fr)" in page
    assert ".clock{white-space:nowrap" in page
    assert "<pre>Follow-up for" not in page
