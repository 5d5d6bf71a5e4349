"""Properties of the record over any run of re-plans: identities only ever grow."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from icsfollow.api import make_plan
from icsfollow.inputs.options import PlanOptions
from icsfollow.store.db import open_record
from icsfollow.store.lookup import find_interview
from icsfollow.store.record import record_plan
from icsfollow.store.revise import reschedule

NOW = datetime(2026, 5, 11, 12, 0, tzinfo=timezone.utc)
BASE = PlanOptions(
    when="2026-05-12 11:00",
    context="direct",
    tz="America/New_York",
    company="Acme",
    interviewers=("Dana Lee <dana@acme.example>",),
)

changes = st.fixed_dictionaries(
    {"when": st.sampled_from(["2026-05-12 11:00", "2026-05-12 15:00", "2026-05-13 09:30"])},
    optional={
        "linkedin_ok": st.booleans(),
        "check_in_after": st.integers(1, 5),
        "interviewers": st.sampled_from([("Dana Lee <dana@acme.example>",), ("Dana Lee",)]),
    },
)


@settings(max_examples=15, deadline=None)
@given(st.lists(changes, min_size=1, max_size=4), st.booleans())
def test_first_uids_stay_sequences_grow_and_no_uid_is_reused(
    runs: list[dict[str, object]], in_place: bool
) -> None:
    """Plan once, then reschedule with any changes: per step, the first UID never
    changes, SEQUENCE never falls, the UID history only grows, and no two steps
    share a UID."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "record.sqlite3"
        seen: dict[str, tuple[str, int, set[str]]] = {}
        for number, change in enumerate(runs):
            now = NOW + timedelta(minutes=number)
            with open_record(path) as db:
                if number == 0:
                    options = BASE._replace(**change)  # type: ignore[arg-type]
                    record_plan(db, make_plan(options, now).plan, options._asdict(), now)
                else:
                    row = find_interview(db, "acme")
                    reschedule(db, row, change, now, in_place)
                rows = db.execute("SELECT id, step_id, first_uid, uid, sequence FROM steps")
                steps = [tuple(row) for row in rows]
                history = {
                    row[0]: {uid for (uid,) in db.execute(
                        "SELECT uid FROM step_uids WHERE step_row = ?", (row[0],))}
                    for row in steps
                }  # fmt: skip
            uids = [step[3] for step in steps]
            assert len(set(uids)) == len(uids)
            for row, step_id, first, uid, sequence in steps:
                assert {first, uid} <= history[row]
                if step_id in seen:
                    old_first, old_sequence, old_history = seen[step_id]
                    assert first == old_first
                    assert sequence >= old_sequence
                    assert old_history <= history[row]
                seen[step_id] = (first, sequence, history[row])
