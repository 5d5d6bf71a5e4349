"""The UID and SEQUENCE rules of a plan that changes (core/changes.py), by table and property."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from icsfollow.core.changes import (
    ChangeKind,
    NewStep,
    RecordedStep,
    diff_steps,
    fresh_uid,
    is_waiting_step,
)


def recorded(step_id: str, text: str, state: str = "ahead", sequence: int = 0) -> RecordedStep:
    first = f"{step_id}-{text}@icsfollow"
    return RecordedStep(step_id, first, first, sequence, state, text, frozenset([first]))


def new(step_id: str, text: str) -> NewStep:
    return NewStep(step_id, f"{step_id}-{text}@icsfollow", text)


def test_the_same_plan_changes_nothing() -> None:
    old = [recorded("thank-you-letter", "a"), recorded("check-in", "b")]
    changes = diff_steps(old, [new("thank-you-letter", "a"), new("check-in", "b")])
    assert [change.kind for change in changes] == [ChangeKind.UNCHANGED] * 2
    assert [(c.uid, c.sequence, c.old_uid) for c in changes] == [
        ("thank-you-letter-a@icsfollow", 0, None),
        ("check-in-b@icsfollow", 0, None),
    ]


def test_a_changed_step_keeps_its_first_uid_takes_sequence_plus_one_and_a_fresh_uid() -> None:
    [change] = diff_steps([recorded("check-in", "a", sequence=2)], [new("check-in", "b")])
    assert change.kind is ChangeKind.CHANGED
    assert change.first_uid == "check-in-a@icsfollow"
    assert change.uid == "check-in-b@icsfollow"
    assert change.sequence == 3
    assert change.old_uid == "check-in-a@icsfollow"


def test_a_step_the_new_plan_lacks_is_withdrawn_with_sequence_plus_one() -> None:
    changes = diff_steps([recorded("linkedin-connect", "a"), recorded("check-in", "b")], [])
    assert [(c.step_id, c.kind, c.sequence) for c in changes] == [
        ("linkedin-connect", ChangeKind.REMOVED, 1),
        ("check-in", ChangeKind.REMOVED, 1),
    ]


def test_a_new_step_starts_at_sequence_0_under_its_own_uid() -> None:
    [change] = diff_steps([], [new("linkedin-connect", "a")])
    assert (change.kind, change.first_uid, change.uid, change.sequence) == (
        ChangeKind.ADDED,
        "linkedin-connect-a@icsfollow",
        "linkedin-connect-a@icsfollow",
        0,
    )


def test_done_steps_stay_as_they_were() -> None:
    old = [recorded("thank-you-letter", "a", state="done"), recorded("check-in", "b")]
    changes = diff_steps(old, [new("check-in", "c")])
    assert [(c.step_id, c.kind) for c in changes] == [("check-in", ChangeKind.CHANGED)]
    [kept] = diff_steps(old[:1], [new("thank-you-letter", "z")])
    assert kept.kind is ChangeKind.UNCHANGED


def test_a_withdrawn_step_that_comes_back_gets_a_fresh_uid_and_a_higher_sequence() -> None:
    old = recorded("check-in", "a", state="withdrawn", sequence=1)
    [change] = diff_steps([old], [new("check-in", "a")])
    assert change.kind is ChangeKind.ADDED
    assert change.first_uid == old.first_uid
    assert change.uid != old.first_uid
    assert change.sequence == 2
    assert change.old_uid is None


def test_content_back_to_an_earlier_version_gets_a_uid_never_seen() -> None:
    old = RecordedStep(
        "check-in",
        "check-in-a@icsfollow",
        "check-in-b@icsfollow",
        1,
        "ahead",
        "b",
        frozenset(["check-in-a@icsfollow", "check-in-b@icsfollow"]),
    )
    [change] = diff_steps([old], [new("check-in", "a")])
    assert change.uid == "check-in-a-2@icsfollow"


def test_only_the_waiting_steps_go_on_heard_back() -> None:
    waiting = [s for s in ("quiet-period", "check-in", "last-check-in") if is_waiting_step(s)]
    assert waiting == ["quiet-period", "check-in", "last-check-in"]
    others = ("thank-you-email", "thank-you-email-2", "thank-you-letter", "recruiter-debrief")
    assert not any(is_waiting_step(step) for step in others)


step_ids = st.sampled_from(["a", "b", "c", "d", "e"])
texts = st.sampled_from(["x", "y", "z"])
states = st.sampled_from(["ahead", "done", "withdrawn"])


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[RecordedStep], list[NewStep]]:
    old_ids = draw(st.lists(step_ids, unique=True))
    old = []
    for step_id in old_ids:
        text, state, sequence = draw(texts), draw(states), draw(st.integers(0, 5))
        uids = {f"{step_id}-{t}@icsfollow" for t in draw(st.sets(texts))}
        first = f"{step_id}-first@icsfollow"
        current = f"{step_id}-{text}@icsfollow"
        old.append(
            RecordedStep(
                step_id, first, current, sequence, state, text, frozenset({first, current, *uids})
            )
        )
    fresh = [new(step_id, draw(texts)) for step_id in draw(st.lists(step_ids, unique=True))]
    return old, fresh


@settings(max_examples=200, deadline=None)
@given(histories())
def test_identity_rules_hold_for_any_history(
    history: tuple[list[RecordedStep], list[NewStep]],
) -> None:
    old, fresh = history
    by_id = {step.step_id: step for step in old}
    changes = diff_steps(old, fresh)
    for change in changes:
        before = by_id.get(change.step_id)
        if before is None:
            assert (change.kind, change.sequence, change.first_uid) == (
                ChangeKind.ADDED,
                0,
                change.uid,
            )
            continue
        assert change.first_uid == before.first_uid
        if change.kind is ChangeKind.UNCHANGED:
            assert (change.uid, change.sequence) == (before.uid, before.sequence)
        else:
            assert change.sequence == before.sequence + 1
            assert before.state != "done"
        if change.writes_event:
            assert change.uid not in before.uids
    assert [c.step_id for c in changes][: len(fresh)] == [step.step_id for step in fresh]
    removed = {c.step_id for c in changes if c.kind is ChangeKind.REMOVED}
    assert removed == {s.step_id for s in old if s.state == "ahead"} - {s.step_id for s in fresh}


@given(st.text(min_size=1, max_size=8), st.sets(st.text(max_size=12), max_size=6))
def test_a_fresh_uid_is_never_one_already_seen(candidate: str, seen: set[str]) -> None:
    uid = fresh_uid(candidate + "@icsfollow", seen)
    assert uid not in seen
    assert uid.endswith("@icsfollow")
