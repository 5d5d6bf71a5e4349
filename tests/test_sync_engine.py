"""The sync engine's plan on plain values: what to write for each step, and nothing twice.

The requests themselves are tested against real servers in tests/caldav/.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icsfollow.sync.engine import pending_actions
from icsfollow.sync.values import OURS, USERS, Action, Desired, Remote

ICS = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def desired(row: int, sequence: int = 0, withdrawn: bool = False) -> Desired:
    return Desired(row, f"u{row}@icsfollow", sequence, None if withdrawn else ICS, f"i s{row}")


def pushed(row: int | None, sequence: int = 0, **changes: object) -> Remote:
    uid = f"u{row}@icsfollow"
    remote = Remote(row, uid, f"/cal/{uid}.ics", '"e1"', sequence, False, OURS)
    return remote._replace(**changes)  # type: ignore[arg-type]


def kinds(actions: list[Action]) -> list[tuple[str, int | None]]:
    return [(action.kind, action.step_row) for action in actions]


@pytest.mark.parametrize(
    ("step", "remote", "expected"),
    [
        (desired(1), None, [("create", 1)]),
        (desired(1, withdrawn=True), None, []),
        (desired(1), pushed(1), []),
        (desired(1, 2), pushed(1, 1), [("update", 1)]),
        (desired(1, 2), pushed(1, 2), []),
        (desired(1, 3, withdrawn=True), pushed(1, 2), [("delete", 1)]),
        (desired(1, 3, withdrawn=True), pushed(1, 2, deleted=True, etag=None), []),
        (desired(1, 4), pushed(1, 2, deleted=True, etag=None), [("create", 1)]),
        (desired(1, 2), pushed(1, 1, owner=USERS), []),
        (desired(1, 3, withdrawn=True), pushed(1, 1, owner=USERS), []),
        (desired(1), pushed(1, etag=None), [("create", 1)]),  # the answer was lost
        (desired(1, 1, withdrawn=True), pushed(1, etag=None), [("delete", 1)]),
    ],
)  # fmt: skip
def test_one_step_needs(step: Desired, remote: Remote | None, expected: list[object]) -> None:
    assert kinds(pending_actions([step], [remote] if remote else [])) == expected


def test_a_create_whose_answer_was_lost_goes_to_the_same_href() -> None:
    [action] = pending_actions([desired(1)], [pushed(1, etag=None)])
    assert action.href == "/cal/u1@icsfollow.ics"
    assert action.etag is None


def test_updates_and_deletes_carry_the_stored_href_and_etag() -> None:
    actions = pending_actions([desired(1, 2), desired(2, 1, withdrawn=True)], [
        pushed(1, 1, etag='"a"'), pushed(2, 0, etag='"b"')
    ])  # fmt: skip
    assert [(a.kind, a.href, a.etag) for a in actions] == [
        ("update", "/cal/u1@icsfollow.ics", '"a"'),
        ("delete", "/cal/u2@icsfollow.ics", '"b"'),
    ]


def test_a_forgotten_steps_object_is_deleted_unless_a_step_took_its_uid() -> None:
    tombstone = pushed(None)._replace(uid="u7@icsfollow", href="/cal/u7.ics")
    assert kinds(pending_actions([], [tombstone])) == [("delete", None)]
    again = Desired(9, "u7@icsfollow", 0, ICS, "i s9")
    assert kinds(pending_actions([again], [tombstone])) == [("create", 9)]


def test_two_steps_with_one_uid_share_one_object_without_flip_flopping() -> None:
    first, second = desired(1), desired(2)._replace(uid="u1@icsfollow")
    assert kinds(pending_actions([first, second], [])) == [("create", 1)]
    assert pending_actions([first, second], [pushed(1)]) == []
    closed = first._replace(ics=None, sequence=1)  # the first interview closed
    [action] = pending_actions([closed, second], [pushed(1)])
    assert (action.kind, action.step_row, action.href) == ("create", 2, None)
    taken_over = pushed(1)._replace(step_row=2)  # the ledger moved the object to step 2
    assert pending_actions([closed, second], [taken_over]) == []


def settle(steps: list[Desired], remote: list[Remote], actions: list[Action]) -> list[Remote]:
    """The remote state after every action succeeded, as the ledger records it."""
    state = {item.href: item for item in remote}
    by_row = {step.step_row: step for step in steps}
    for action in actions:
        href = action.href or f"/cal/{action.uid}.ics"
        if action.kind == "delete":
            state[href] = state[href]._replace(deleted=True, etag=None)
        else:
            row = by_row[action.step_row]  # type: ignore[index]
            state[href] = Remote(row.step_row, row.uid, href, '"new"', row.sequence, False, OURS)
    return list(state.values())


step_states = st.tuples(
    st.integers(0, 5),  # current sequence
    st.booleans(),  # withdrawn
    st.sampled_from(["none", "pushed", "lost", "deleted", "user"]),
    st.integers(0, 5),  # pushed sequence
)


@settings(max_examples=150)
@given(st.lists(step_states, max_size=8), st.integers(0, 3))
def test_after_one_successful_sync_nothing_is_pending(
    states: list[tuple[int, bool, str, int]], tombstones: int
) -> None:
    steps = [desired(row, seq, gone) for row, (seq, gone, _, _) in enumerate(states)]
    remote = [
        pushed(row, min(old, seq), etag=None if kind == "lost" else '"e"',
               deleted=kind == "deleted", owner=USERS if kind == "user" else OURS)
        for row, (seq, _, kind, old) in enumerate(states)
        if kind != "none"
    ]  # fmt: skip
    remote += [pushed(100 + n)._replace(step_row=None) for n in range(tombstones)]
    actions = pending_actions(steps, remote)

    touched = [action.step_row for action in actions if action.step_row is not None]
    assert len(touched) == len(set(touched))  # at most one write per step
    users = {item.step_row for item in remote if item.owner == USERS}
    assert not users & set(touched)  # the user's objects are never touched
    assert pending_actions(steps, settle(steps, remote, actions)) == []
