"""What changed between a recorded plan and a new one, and which identity each step gets.

Pure: plain values in, plain values out. Each step keeps its *first* UID (for calendars
that replace an event by UID, with SEQUENCE+1) and gets a UID no calendar has seen when
it changes (for calendars that skip, refuse or remember known UIDs).
"""

# No "from __future__ import annotations": NamedTuple fields given as real types
# cost nothing at import, as strings each costs a compile (start-up, see benchmarks/).

from collections.abc import Iterable, Sequence
from enum import Enum
from typing import NamedTuple

__all__ = [
    "ChangeKind",
    "NewStep",
    "RecordedStep",
    "StepChange",
    "diff_steps",
    "fresh_uid",
    "is_waiting_step",
]


class RecordedStep(NamedTuple):
    """A step as the record holds it."""

    step_id: str
    first_uid: str
    uid: str
    sequence: int
    state: str
    text_hash: str
    uids: frozenset[str]

    @property
    def withdrawn(self) -> bool:
        """True when the step was taken out of the calendars."""
        return self.state == "withdrawn"

    @property
    def done(self) -> bool:
        """True when the step's time has passed: it is history, and a new plan keeps it."""
        return self.state == "done"


class NewStep(NamedTuple):
    """A step of the new plan: its content-based UID and the hash of its times and texts."""

    step_id: str
    uid: str
    text_hash: str


class ChangeKind(str, Enum):
    """What happens to one step."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


class StepChange(NamedTuple):
    """One step's fate: its identities after the change, and the event to delete first."""

    step_id: str
    kind: ChangeKind
    first_uid: str
    uid: str
    sequence: int
    old_uid: str | None = None

    @property
    def writes_event(self) -> bool:
        """True for a step whose new version goes into the calendars."""
        return self.kind in (ChangeKind.CHANGED, ChangeKind.ADDED)


def diff_steps(recorded: Sequence[RecordedStep], new: Sequence[NewStep]) -> tuple[StepChange, ...]:
    """Compare the recorded steps with a new plan's.

    Returns:
        The new plan's steps in its order, then the recorded steps it no longer has.
        A changed step keeps its first UID, takes SEQUENCE+1 and a fresh UID; a removed
        one takes SEQUENCE+1 (for its cancellation); an unchanged one keeps everything.
        A step that is done (its time has passed) stays as it was.
    """
    by_id = {step.step_id: step for step in recorded}
    changes = [_change(by_id.get(step.step_id), step) for step in new]
    kept = {step.step_id for step in new}
    for old in recorded:
        if old.step_id not in kept and old.state == "ahead":
            changes.append(
                StepChange(
                    old.step_id,
                    ChangeKind.REMOVED,
                    old.first_uid,
                    old.uid,
                    old.sequence + 1,
                    old.uid,
                )
            )
    return tuple(changes)


def _change(old: RecordedStep | None, step: NewStep) -> StepChange:
    if old is None:
        return StepChange(step.step_id, ChangeKind.ADDED, step.uid, step.uid, 0)
    if old.done or (old.text_hash == step.text_hash and not old.withdrawn):
        return StepChange(step.step_id, ChangeKind.UNCHANGED, old.first_uid, old.uid, old.sequence)
    uid = fresh_uid(step.uid, old.uids)
    if old.withdrawn:
        return StepChange(step.step_id, ChangeKind.ADDED, old.first_uid, uid, old.sequence + 1)
    return StepChange(
        step.step_id, ChangeKind.CHANGED, old.first_uid, uid, old.sequence + 1, old.uid
    )


def fresh_uid(candidate: str, seen: Iterable[str]) -> str:
    """Return ``candidate``, or ``<local>-<n>@<domain>`` when a calendar may have seen it.

    A step whose content returns to an earlier version would get back an earlier UID,
    one that Google remembers as deleted; the suffix makes it new.
    """
    used = set(seen)
    if candidate not in used:
        return candidate
    local, at, domain = candidate.partition("@")
    number = 2
    while f"{local}-{number}{at}{domain}" in used:
        number += 1
    return f"{local}-{number}{at}{domain}"


def is_waiting_step(step_id: str) -> bool:
    """True for the steps that wait for an answer: the quiet period and the check-ins.

    These go when feedback comes (``close --outcome heard-back``); thank-yous stay.
    """
    return step_id == "quiet-period" or step_id.endswith("check-in")
