"""close, list, show, forget and feed, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar
from store_support import PLAN, invoke, query, recorded_ids

NOW = ("--now", "2026-05-11T16:05:00Z")
# After the thank-yous (Tue 12 May), before the quiet period and the check-in.
EVENING = ("--now", "2026-05-12T22:00:00Z")
CANCEL = Path("followup-acme-2026-05-12-cancel.ics")
GLOBEX = ("plan", "2026-05-14 09:00", "--context", "agency", "--tz", "Europe/London",
          "--company", "Globex", "--recruiter", "Sam Ortiz <sam@staffing.example>")  # fmt: skip


@pytest.fixture(autouse=True)
def planned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke(*PLAN, *NOW).exit_code == 0


def test_close_withdraws_the_steps_ahead_and_writes_a_cancel_file() -> None:
    first = dict(query("SELECT step_id, first_uid FROM steps"))
    result = invoke("close", "acme", "--outcome", "offer", "--note", "start June", *EVENING)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:7] == [
        "Closed acme-2026-05-12: offer, 4 steps withdrawn.",
        "Delete these events from your calendar:",
        "  Wed 13 May to Thu 14 May 2026 (all day)  Quiet period: no follow-up with Acme",
        "  Fri 15 May 2026 10:00 EDT  Decide whether to check in with Dana Lee at Acme",
        "  Sat 16 May to Thu 21 May 2026 (all day)  Quiet period: no follow-up with Acme",
        "  Fri 22 May 2026 10:00 EDT  Still no word from Acme? One short last note to Dana Lee",
        f"Wrote {CANCEL}",
    ]
    calendar = Calendar.from_ical(CANCEL.read_bytes())
    assert calendar["METHOD"] == "CANCEL"
    for event in calendar.events:
        step_id = str(event["X-ICSFOLLOW-STEP"])
        assert str(event.uid) == first[step_id]
        assert (event.sequence, event["STATUS"]) == (1, "CANCELLED")
        assert event["DTSTAMP"].dt.isoformat() == "2026-05-12T22:00:00+00:00"
        assert not event.subcomponents
    assert sorted(str(e["X-ICSFOLLOW-STEP"]) for e in calendar.events) == [
        "check-in",
        "last-check-in",
        "quiet-period",
        "quiet-until-last-check-in",
    ]
    assert query("SELECT state, outcome, note FROM interviews") == [
        ("closed", "offer", "start June")
    ]
    assert dict(query("SELECT step_id, state FROM steps")) == {
        "thank-you-email": "done",
        "thank-you-letter": "done",
        "quiet-period": "withdrawn",
        "check-in": "withdrawn",
        "quiet-until-last-check-in": "withdrawn",
        "last-check-in": "withdrawn",
    }


def test_heard_back_withdraws_only_the_waiting_steps() -> None:
    result = invoke("close", "acme-2026", "--outcome", "heard-back", *NOW)
    assert result.exit_code == 0, result.output
    assert "heard-back, 4 steps withdrawn (thank-yous stay;" in result.output
    states = dict(query("SELECT step_id, state FROM steps"))
    assert states["thank-you-email"] == states["thank-you-letter"] == "ahead"
    waiting = ("quiet-period", "check-in", "quiet-until-last-check-in", "last-check-in")
    assert {states[step_id] for step_id in waiting} == {"withdrawn"}


def test_closing_twice_is_bad_input_and_nothing_ahead_writes_no_file() -> None:
    late = ("--now", "2026-06-01T12:00:00Z")
    result = invoke("close", "acme", "--outcome", "rejected", *late)
    assert "Closed acme-2026-05-12: rejected, 0 steps withdrawn." in result.output
    assert not CANCEL.exists()
    again = invoke("close", "acme", "--outcome", "offer", *late)
    assert again.exit_code == 2
    assert again.output.splitlines()[-1] == (
        "Error: Invalid value for 'ID': 'acme-2026-05-12' is closed (rejected):"
        " there is nothing to close"
    )


def test_list_shows_the_active_interviews_and_all_adds_the_closed() -> None:
    invoke(*GLOBEX, *NOW)
    invoke("close", "globex", "--outcome", "withdrew", *NOW)
    assert invoke("list", *EVENING).output.splitlines() == [
        "ID               COMPANY  CONTEXT  INTERVIEW                  NEXT STEP",
        "acme-2026-05-12  Acme     direct   Tue 12 May 2026 11:00 EDT  Wed 13 May to Thu"
        " 14 May 2026 (all day)  Quiet period: no follow-up with Acme",
    ]
    closed = invoke("list", "--all", *EVENING).output.splitlines()[2]
    assert closed.startswith("globex-2026-05-14  Globex   agency   Thu 14 May 2026 09:00 BST")
    assert closed.endswith("closed: withdrew")
    listed = json.loads(invoke("list", "--all", "--json", *EVENING).output)
    assert [(item["id"], item["state"], item["outcome"]) for item in listed] == [
        ("acme-2026-05-12", "active", None),
        ("globex-2026-05-14", "closed", "withdrew"),
    ]
    assert listed[0]["next_step"]["step_id"] == "quiet-period"


def test_with_only_closed_interviews_list_says_so() -> None:
    invoke("close", "acme", "--outcome", "rejected", *EVENING)
    assert invoke("list", *EVENING).output == (
        "No active interviews (1 closed: icsfollow list --all).\n"
    )


def test_steps_are_in_time_order_when_an_evening_letter_is_next_day_in_utc() -> None:
    # 19:30 PDT is 02:30 UTC on the next day: the letter comes before that day's
    # all-day quiet period, in list, show and close alike.
    late = ("--now", "2026-05-13T02:00:00Z")
    laco = ("plan", "2026-05-12 18:00", "--context", "direct", "--tz", "America/Los_Angeles",
            "--company", "Laco", "--name", "Jo", *late)  # fmt: skip
    assert invoke(*laco).exit_code == 0
    letter = "Tue 12 May 2026 19:30 PDT  Write a handwritten thank-you letter to your"
    assert letter in invoke("list", *late).output.splitlines()[2]
    shown = invoke("show", "laco", *late).output.splitlines()
    assert shown[1].startswith(f"  ahead      {letter}")
    assert shown[2].startswith("  ahead      Wed 13 May to Thu 14 May 2026 (all day)  Quiet")
    closed = invoke("close", "laco", "--outcome", "rejected", *late).output.splitlines()
    assert closed[2].startswith(f"  {letter}")


def test_show_gives_each_step_its_state() -> None:
    invoke("close", "acme", "--outcome", "offer", *EVENING)
    assert invoke("show", "Acme", *EVENING).output.splitlines() == [
        "acme-2026-05-12: Acme (direct), Tue 12 May 2026 11:00 EDT [closed: offer]",
        "  done       Tue 12 May 2026 12:30 EDT  Email a thank-you to Dana Lee at Acme",
        "  done       Tue 12 May 2026 13:00 EDT  Write a handwritten thank-you letter to Dana Lee"
        " at Acme",
        "  withdrawn  Wed 13 May to Thu 14 May 2026 (all day)  Quiet period: no follow-up"
        " with Acme",
        "  withdrawn  Fri 15 May 2026 10:00 EDT  Decide whether to check in with Dana Lee at Acme",
        "  withdrawn  Sat 16 May to Thu 21 May 2026 (all day)  Quiet period: no follow-up"
        " with Acme",
        "  withdrawn  Fri 22 May 2026 10:00 EDT  Still no word from Acme? One short last note"
        " to Dana Lee",
    ]
    shown = json.loads(invoke("show", "acme", "--json", *EVENING).output)
    states = [step["state"] for step in shown["steps"]]
    assert states == ["done", "done", "withdrawn", "withdrawn", "withdrawn", "withdrawn"]


def test_no_record_yet_lists_nothing_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ICSFOLLOW_DATA_DIR", str(tmp_path / "empty"))
    assert invoke("list").output == "No interviews recorded yet.\n"
    assert invoke("list", "--json").output == "[]\n"
    result = invoke("show", "acme")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for 'ID': 'acme' is not a recorded interview: none is recorded yet"
    )
    assert not (tmp_path / "empty").exists()


def test_forget_asks_first_unless_yes() -> None:
    result = invoke_with_input("n\n", "forget", "acme")
    assert result.exit_code == 1
    assert recorded_ids() == ["acme-2026-05-12"]
    result = invoke_with_input("y\n", "forget", "acme")
    assert result.exit_code == 0
    assert "Forget acme-2026-05-12 (Acme, 2026-05-12)? [y/N]" in result.output
    assert recorded_ids() == []
    assert query("SELECT count(*) FROM steps") == [(0,)]
    invoke(*PLAN, *NOW, "--force")
    assert invoke("forget", "acme", "--yes").output == (
        "Forgot acme-2026-05-12. Its events stay in your calendars: delete them there.\n"
    )


def invoke_with_input(text: str, *args: str):  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from icsfollow.cli import cli

    return CliRunner().invoke(cli, list(args), input=text, catch_exceptions=False)


def test_feed_holds_the_active_plans_and_refreshes() -> None:
    invoke(*GLOBEX, *NOW)
    invoke("close", "acme", "--outcome", "offer", *EVENING)
    result = invoke("feed")
    calendar = Calendar.from_ical(result.stdout_bytes)
    assert calendar["REFRESH-INTERVAL"].dt.total_seconds() == 3600
    assert "X-PUBLISHED-TTL:PT1H" in result.output
    assert "NAME:Job follow-ups" in result.output
    steps = sorted(str(e["X-ICSFOLLOW-STEP"]) for e in calendar.events)
    withdrawn = {str(r[0]) for r in query("SELECT uid FROM steps WHERE state = 'withdrawn'")}
    assert len(steps) == 6  # Globex's debrief, letter, two quiet periods, two check-ins
    assert not withdrawn & {str(e.uid) for e in calendar.events}


def test_config_feed_is_rewritten_by_plan_reschedule_and_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('feed = "jobs.ics"\n', encoding="utf-8")
    monkeypatch.setenv("ICSFOLLOW_CONFIG", str(config))
    feed = tmp_path / "jobs.ics"

    def uids() -> set[str]:
        return {str(event.uid) for event in Calendar.from_ical(feed.read_bytes()).events}

    assert invoke(*GLOBEX, *NOW).exit_code == 0
    assert len(uids()) == 6 + 6  # Acme's and Globex's six steps
    assert invoke("reschedule", "globex", "2026-05-15 09:00", *NOW).exit_code == 0
    assert uids() == {str(r[0]) for r in query("SELECT first_uid FROM steps")}
    assert invoke("close", "globex", "--outcome", "offer", *NOW).exit_code == 0
    assert len(uids()) == 6


def test_after_heard_back_the_feed_keeps_the_thank_yous_ahead() -> None:
    invoke("close", "acme", "--outcome", "heard-back", *NOW)
    calendar = Calendar.from_ical(invoke("feed").stdout_bytes)
    assert sorted(str(e["X-ICSFOLLOW-STEP"]) for e in calendar.events) == [
        "thank-you-email",
        "thank-you-letter",
    ]
