"""The rules as people read them, from the same data the scheduler uses."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from icsfollow.core.rules import (
    ARTICLE,
    DEFAULTS,
    IF_WELCOME,
    LATE_LIMIT,
    Context,
    StepRule,
    rules_for,
)

__all__ = [
    "AGENCY_PHONE_NOTE",
    "CHECK_IN_DRAFT",
    "CHECK_IN_SUBJECT",
    "EMAIL_DEBRIEF",
    "LAST_CHECK_IN_DRAFT",
    "LATE_SUMMARY",
    "LATE_TODO",
    "NO_OVERLAP",
    "PHONE_CHECK_IN",
    "QUIET_PERIOD_DONTS",
    "THANK_YOU_DRAFT",
    "format_rules",
]

WIDTH = 78
PLACEHOLDERS = {
    "company": "<company>",
    "person": "<interviewer>",
    "contact": "<hiring manager>",
    "interviewers": "<interviewers>",
    "letters": "one handwritten thank-you letter each",
    "recruiter": "<recruiter>",
    "if_welcome": IF_WELCOME.format(recruiter="<recruiter>"),
}
CONTEXT_TITLES = {
    Context.DIRECT: "Direct hire (you interviewed with the company)",
    Context.AGENCY: "Agency (a recruiter placed you)",
}


THANK_YOU_DRAFT = (
    "{greeting}\n\n"
    "Thank you for taking the time to meet with me {day}{about}. I enjoyed our "
    "conversation, especially [one thing from our conversation], and I am very interested "
    "in the opportunity.\n\n"
    "Best regards,\n{name}"
)

CHECK_IN_DRAFT = {
    Context.DIRECT: (
        "{greeting}\n\n"
        "I hope you are well. I am following up on my interview{about} on {day}. I remain "
        "very interested in the opportunity; is there any update on the next steps?\n\n"
        "Best regards,\n{name}"
    ),
    Context.AGENCY: (
        "{greeting}\n\n"
        "I have not heard anything yet about my interview{about} on {day}. Could you help me "
        "understand what to expect, and when?\n\n"
        "Thank you,\n{name}"
    ),
}

LAST_CHECK_IN_DRAFT = {
    Context.DIRECT: (
        "{greeting}\n\n"
        "I wanted to follow up one last time on my interview{about} on {day}. I am still "
        "very interested; if the decision has been made, I would be grateful to know.\n\n"
        "Best regards,\n{name}"
    ),
    Context.AGENCY: (
        "{greeting}\n\n"
        "One last note about my interview{about} on {day}: is there any news from the "
        "client? If it is not moving forward, I would be glad to hear about other roles.\n\n"
        "Thank you,\n{name}"
    ),
}

CHECK_IN_SUBJECT = "Following up: {name}"
LATE_SUMMARY = "Send your thank-you today (late): {title}"
LATE_TODO = (
    "Your 24 hours have passed, but late is better than never: send it today, and do not "
    "apologise at length."
)
EMAIL_DEBRIEF = (
    "Email {recruiter} a debrief of your interview at {company}",
    "A call would come too late for your thank-yous, so email {recruiter} this evening "
    "instead: how the interview went, your interest level, when they expect client feedback, "
    "and whether the client welcomes a thank-you email, letter or LinkedIn request. "
    "Send the thank-yous only after they say so.",
)
NO_OVERLAP = (
    "Their business hours and your own hours ({own}) never overlap on a working day, so "
    "this is in their hours: schedule the email to send at this time, or call then."
)

PHONE_CHECK_IN = (
    "Call {person} at {company}",
    "{person} asked you to follow up by phone: call once, during business hours, "
    "and keep it short. If you reach voicemail, leave one brief message.",
)
AGENCY_PHONE_NOTE = (
    "{person} asked you to follow up by phone. In an agency placement, tell {recruiter} "
    "and call {person} only if {recruiter} agrees; never anyone else."
)

QUIET_PERIOD_DONTS = {
    Context.DIRECT: (
        "hunt for email addresses you were not given",
        "call anyone unless they asked you to",
        "send LinkedIn requests unless asked",
        "email or call the company again and again",
        "call after hours or on Saturday mornings",
    ),
    Context.AGENCY: (
        "hunt for email addresses you were not given",
        "call anyone unless they asked you to",
        "send LinkedIn requests unless asked",
        "call the recruiter 2-3 times per day",
        "call after hours or on Saturday mornings",
    ),
}


def format_rules(contexts: Iterable[Context]) -> list[str]:
    """Return the lines describing each context's steps, timings and reasons."""
    lines = [
        f"Reasons quoted from {ARTICLE}.",
        f"Contact steps lie in the contact's business hours ({DEFAULTS.hours_text} by "
        "default) on their working days, and in your own hours "
        f"({DEFAULTS.own_hours_text} by default) whenever the two overlap; own tasks lie in "
        "your own hours. A thank-you whose 24 hours passed less than "
        f"{LATE_LIMIT.days} days ago is still sent, late.",
    ]
    lines = [part for line in lines for part in textwrap.wrap(line, WIDTH)]
    for context in contexts:
        lines += ["", CONTEXT_TITLES[context], "=" * len(CONTEXT_TITLES[context])]
        for rule in rules_for(context):
            lines += _rule_lines(rule, context)
    return lines


def _rule_lines(rule: StepRule, context: Context) -> list[str]:
    length = f", {int(rule.length.total_seconds() // 60)} min" if rule.length else ""
    timing = rule.timing.format(n=DEFAULTS.check_in_after, m=DEFAULTS.last_check_in_after)
    lines = ["", f"{rule.step_id} ({rule.kind.value}{length})"]
    lines += _wrapped(f"when: {timing}")
    lines += _wrapped(f"if: {rule.condition}")
    lines += _wrapped(f"title: {rule.summary[context].format(**PLACEHOLDERS)}")
    for quote in rule.why[context]:
        lines += _wrapped(f'why: "{quote}"')
    return lines


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="  ", subsequent_indent="      ")
