"""reschedule: fresh UIDs by default, first UIDs + SEQUENCE in place, the old events printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from store_support import PLAN, invoke, query

NOW = ("--now", "2026-05-11T16:05:00Z")
LATER = ("--now", "2026-05-11T17:00:00Z")
UPDATE = Path("followup-acme-2026-05-12-update-1.ics")


@pytest.fixture(autouse=True)
def planned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke(*PLAN, *NOW).exit_code == 0


def events(path: Path) -> dict[str, tuple[str, int, str]]:
    """Each event's step id: (UID, SEQUENCE, STATUS) from the file."""
    calendar = Calendar.from_ical(path.read_bytes())
    return {
        str(event["X-ICSFOLLOW-STEP"]): (
            str(event.uid),
            event.sequence,
            str(event.get("STATUS", "")),
        )
        for event in calendar.events
    }


def steps() -> dict[str, tuple[str, str, int, str]]:
    rows = query("SELECT step_id, first_uid, uid, sequence, state FROM steps")
    return {str(r[0]): (str(r[1]), str(r[2]), int(r[3]), str(r[4])) for r in rows}  # type: ignore[call-overload]


def test_moved_interview_gets_an_update_under_fresh_uids_and_the_old_events_listed() -> None:
    before = steps()
    result = invoke("reschedule", "acme", "2026-05-13 11:00", *LATER)
    assert result.exit_code == 0, result.output
    assert "Rescheduled acme-2026-05-12 (steps: 6 changed)." in result.output
    assert "  Tue 12 May 2026 12:30 EDT  Email a thank-you to Dana Lee at Acme\n" in result.output
    assert (
        "  Fri 15 May 2026 10:00 EDT  Decide whether to check in with Dana Lee at Acme\n"
        in result.output
    )
    assert f"Wrote {UPDATE}\n" in result.output
    calendar = Calendar.from_ical(UPDATE.read_bytes())
    assert calendar["METHOD"] == "PUBLISH"
    after = steps()
    for step_id, (uid, sequence, _) in events(UPDATE).items():
        first, current, recorded_sequence, state = after[step_id]
        assert first == before[step_id][0] != uid == current
        assert (sequence, recorded_sequence, state) == (0, 1, "ahead")
    assert {str(e["DTSTAMP"].dt) for e in calendar.events} == {"2026-05-11 17:00:00+00:00"}
    assert query("SELECT count(*) FROM step_uids") == [(12,)]  # six steps, two UIDs each


def test_in_place_writes_first_uids_with_sequence_plus_one_and_cancels_what_went() -> None:
    result = invoke("reschedule", "acme", "2026-05-13 11:00", *LATER, "--in-place")
    assert result.exit_code == 0, result.output
    first = {step_id: values[0] for step_id, values in steps().items()}
    assert {k: v[:2] for k, v in events(UPDATE).items()} == {k: (v, 1) for k, v in first.items()}
    result = invoke("reschedule", "acme", "2026-05-13 11:00", *LATER, "--in-place",
                    "--interviewer", "Dana Lee")  # fmt: skip
    assert result.exit_code == 0, result.output
    # The email goes; the letter moves up, and the check-ins lose their mailto drafts.
    assert "(steps: 3 changed, 1 withdrawn)" in result.output
    cancel = Path("followup-acme-2026-05-12-update-2-cancel.ics")
    assert Calendar.from_ical(cancel.read_bytes())["METHOD"] == "CANCEL"
    assert events(cancel) == {"thank-you-email": (first["thank-you-email"], 2, "CANCELLED")}
    assert steps()["thank-you-email"][2:] == (2, "withdrawn")


def test_calendar_app_evolution_means_in_place_and_new_uids_overrides_it(tmp_path: Path) -> None:
    invoke(*PLAN, *NOW, "--calendar-app", "evolution", "--force")
    first = {step_id: values[0] for step_id, values in steps().items()}
    assert invoke("reschedule", "acme", "2026-05-13 11:00", *LATER).exit_code == 0
    assert {k: v[0] for k, v in events(UPDATE).items()} == first
    assert invoke("reschedule", "acme", "2026-05-14 11:00", *LATER, "--new-uids").exit_code == 0
    update = Path("followup-acme-2026-05-12-update-2.ics")
    assert not set(first.values()) & {v[0] for v in events(update).values()}


def test_the_same_time_again_changes_nothing_and_writes_nothing() -> None:
    result = invoke("reschedule", "acme-2026-05-12", "2026-05-12 11:00", *NOW)
    assert result.exit_code == 0, result.output
    assert "Nothing changed for acme-2026-05-12: no file written." in result.output
    assert not UPDATE.exists()
    assert {v[2] for v in steps().values()} == {0}


def test_only_the_options_given_change_the_recorded_inputs() -> None:
    invoke("reschedule", "acme", "2026-05-12 11:00", *NOW, "--linkedin-ok")
    assert "linkedin-connect" in steps()
    assert {str(row[0]) for row in query("SELECT company FROM interviews")} == {"Acme"}
    result = invoke("reschedule", "acme", "2026-05-12 11:00", *NOW)
    assert "Nothing changed" in result.output


def test_no_phone_ok_and_no_linkedin_ok_withdraw_what_was_asked() -> None:
    invoke("reschedule", "acme", "2026-05-12 11:00", *NOW, "--phone-ok", "--linkedin-ok")
    summaries = {str(row[0]): str(row[1]) for row in query("SELECT step_id, summary FROM steps")}
    assert summaries["check-in"] == "Call Dana Lee at Acme"
    assert "linkedin-connect" in summaries

    result = invoke("reschedule", "acme", "2026-05-12 11:00", *LATER, "--no-phone-ok")
    assert result.exit_code == 0, result.output
    assert "  Fri 15 May 2026 10:00 EDT  Call Dana Lee at Acme\n" in result.output  # to delete
    ahead = dict(query("SELECT step_id, summary FROM steps WHERE state = 'ahead'"))
    assert ahead["check-in"] == "Decide whether to check in with Dana Lee at Acme"
    assert "linkedin-connect" in ahead

    assert (
        invoke("reschedule", "acme", "2026-05-12 11:00", *LATER, "--no-linkedin-ok").exit_code == 0
    )
    assert "linkedin-connect" not in dict(
        query("SELECT step_id, state FROM steps WHERE state = 'ahead'")
    )
    saved = str(query("SELECT options_json FROM interviews")[0][0])
    assert '"phone_ok": null' in saved and '"linkedin_ok": null' in saved


def test_an_option_and_its_no_form_together_are_bad_input() -> None:
    before = query("SELECT * FROM steps")
    result = invoke("reschedule", "acme", "2026-05-13 11:00", *LATER, "--phone-ok", "--no-phone-ok")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: --phone-ok and --no-phone-ok cannot be used together"
    )
    assert query("SELECT * FROM steps") == before


def test_moved_later_before_it_happened_replans_the_thank_yous_whose_old_slot_passed() -> None:
    # Planned for 11:00; at 14:00 EDT (before it took place) it moves to 15:00. The old
    # thank-yous (12:30, 13:00) are past, but they followed an interview that had not
    # happened: they are planned again, written, and their old events listed to delete.
    result = invoke("reschedule", "acme", "2026-05-12 15:00", "--now", "2026-05-12T18:00:00Z")
    assert result.exit_code == 0, result.output
    assert "  Tue 12 May 2026 12:30 EDT  Email a thank-you to Dana Lee at Acme\n" in result.output
    assert set(events(UPDATE)) >= {"thank-you-email", "thank-you-letter"}
    starts = dict(query("SELECT step_id, start FROM steps WHERE state = 'ahead'"))
    assert starts["thank-you-email"] == "2026-05-12T20:30:00+00:00"  # 16:30 EDT


def test_reschedule_can_switch_to_agency_with_a_recruiter() -> None:
    result = invoke("reschedule", "acme", "2026-05-12 11:00", *NOW, "--context", "agency",
                    "--recruiter", "Sam Ortiz <sam@staffing.example>")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "recruiter-debrief" in steps()
    twice = ("--recruiter", "A <a@x.example>", "--recruiter", "B <b@x.example>")
    result = invoke("reschedule", "acme", "2026-05-12 11:00", *NOW, *twice)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--recruiter': 'B <b@x.example>' repeats --recruiter;"
        " give one recruiter"
    )


def test_reschedule_has_no_output_only_plan_options() -> None:
    result = invoke("reschedule", "acme", "2026-05-12 11:00", *NOW, "--page", "x.html")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1].startswith("Error: No such option '--page'.")


def test_only_withdrawing_writes_no_file_and_uses_no_update_number() -> None:
    result = invoke("reschedule", "acme", "2026-05-12 11:00", *NOW, "--last-check-in-after", "0")
    assert result.exit_code == 0, result.output
    assert "(steps: 2 withdrawn)" in result.output
    assert "Delete these events from your calendar:\n" in result.output
    assert "Wrote" not in result.output
    assert invoke("reschedule", "acme", "2026-05-13 11:00", *LATER).exit_code == 0
    assert UPDATE.exists()


def test_a_recorded_value_the_move_makes_wrong_is_named_as_recorded() -> None:
    given = invoke("reschedule", "acme", "2026-05-12 11:00", *NOW, "--feedback-by", "friday")
    assert given.exit_code == 0, given.output
    result = invoke("reschedule", "acme", "2026-05-18 11:00", *LATER)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--feedback-by': '2026-05-15' is before the interview"
        " (Mon 18 May 2026 11:00 EDT); that is the recorded value: give --feedback-by to"
        " change it"
    )


def test_a_failed_write_leaves_the_record_as_it_was() -> None:
    UPDATE.write_bytes(b"mine")
    before = query("SELECT * FROM steps")
    result = invoke("reschedule", "acme", "2026-05-13 11:00", *LATER)
    assert result.exit_code == 1
    assert (
        result.output.splitlines()[-1]
        == f"Error: {UPDATE} already exists; use --force to replace it"
    )
    assert query("SELECT * FROM steps") == before
    assert UPDATE.read_bytes() == b"mine"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ("acne",),
            "Error: Invalid value for 'ID': 'acne' is not a recorded interview"
            " (closest: acme-2026-05-12, acme-2026-05-12-2, acme-2026-05-12-3;"
            " see 'icsfollow list --all')",
        ),
        (
            ("acme-2026-05-12-",),
            "Error: Invalid value for 'ID': 'acme-2026-05-12-' matches acme-2026-05-12-2,"
            " acme-2026-05-12-3: give more of the id",
        ),
    ],
)
def test_unknown_and_ambiguous_ids_are_bad_input(args: tuple[str, ...], error: str) -> None:
    invoke(*PLAN, *NOW, "--new", "-o", "b.ics")
    invoke(*PLAN, *NOW, "--new", "-o", "c.ics")
    result = invoke("reschedule", *args, "2026-05-13 11:00", *LATER)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == error


def test_a_closed_interview_cannot_be_rescheduled() -> None:
    assert invoke("close", "acme", "--outcome", "rejected", *LATER).exit_code == 0
    result = invoke("reschedule", "acme", "2026-05-13 11:00", *LATER)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for 'ID': 'acme-2026-05-12' is closed (rejected):"
        " there is nothing to reschedule"
    )


def test_a_bad_option_value_is_bad_input_and_changes_nothing() -> None:
    before = query("SELECT * FROM steps")
    result = invoke("reschedule", "acme", "2026-05-13 11:00", *LATER, "--tz", "Mars/Base")
    assert result.exit_code == 2
    assert "Invalid value for '--tz'" in result.output
    assert query("SELECT * FROM steps") == before


def test_config_calendar_app_apple_means_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('calendar_app = "apple"\n', encoding="utf-8")
    monkeypatch.setenv("ICSFOLLOW_CONFIG", str(config))
    first = {step_id: values[0] for step_id, values in steps().items()}
    result = invoke("reschedule", "acme", "2026-05-13 11:00", *LATER)
    assert "Apple Calendar, Evolution: open the files above" in result.output
    assert {k: v[:2] for k, v in events(UPDATE).items()} == {k: (v, 1) for k, v in first.items()}
