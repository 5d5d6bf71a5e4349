"""The rules as people read them, from the same data the scheduler uses."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from icsfollow.core.rules import ARTICLE, DEFAULTS, OWN_HOURS, Context, StepRule, rules_for

__all__ = ["format_rules"]

WIDTH = 78
CONTEXT_TITLES = {
    Context.DIRECT: "Direct hire (you interviewed with the company)",
    Context.AGENCY: "Agency (a recruiter placed you)",
}


def format_rules(contexts: Iterable[Context]) -> list[str]:
    """Return the lines describing each context's steps, timings and reasons."""
    lines = [
        f"Reasons quoted from {ARTICLE}.",
        f"Contact only in business hours ({DEFAULTS.hours_text} by default), on working days;",
        f"own tasks in your own hours ({OWN_HOURS[0]:%H:%M}-{OWN_HOURS[1]:%H:%M}).",
    ]
    for context in contexts:
        lines += ["", CONTEXT_TITLES[context], "=" * len(CONTEXT_TITLES[context])]
        for rule in rules_for(context):
            lines += _rule_lines(rule)
    return lines


def _rule_lines(rule: StepRule) -> list[str]:
    length = f", {int(rule.length.total_seconds() // 60)} min" if rule.length else ""
    timing = rule.timing.format(n=DEFAULTS.check_in_after)
    lines = ["", f"{rule.step_id} ({rule.kind.value}{length})"]
    lines += _wrapped(f"when: {timing}")
    lines += _wrapped(f"if: {rule.condition}")
    for quote in rule.why:
        lines += _wrapped(f'why: "{quote}"')
    return lines


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="  ", subsequent_indent="      ")
