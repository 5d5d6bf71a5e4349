"""The follow-up rules as data: steps, timings and texts, read by everything else."""

from __future__ import annotations

from datetime import time, timedelta
from enum import Enum
from typing import NamedTuple

__all__ = [
    "ARTICLE",
    "BOTH_HOURS_SEARCH_DAYS",
    "CHECK_IN_TIME",
    "DEFAULTS",
    "IF_WELCOME",
    "LATE_LIMIT",
    "OWN_HOURS",
    "STEP_RULES",
    "THANK_YOU_WINDOW",
    "Context",
    "Defaults",
    "StepKind",
    "StepRule",
    "per_person_id",
    "rule_by_id",
    "rules_for",
]

ARTICLE = "Clearpoint, 'After the interview: follow up vs. too much follow up' (2014)"


class Context(str, Enum):
    """Who the candidate interviewed through."""

    DIRECT = "direct"
    AGENCY = "agency"


class StepKind(str, Enum):
    """What kind of time a step needs."""

    CONTACT = "contact"
    OWN = "own task"
    ALL_DAY = "all-day"


class Defaults(NamedTuple):
    """The product's default settings (the options' defaults)."""

    duration_minutes: int = 60
    business_hours: tuple[time, time] = (time(9, 0), time(17, 0))
    check_in_after: int = 3
    alarm_minutes: int = 15
    min_check_in_after: int = 1
    max_check_in_after: int = 15
    max_duration_minutes: int = 12 * 60
    max_alarm_minutes: int = 1440
    far_days: int = 60
    own_hours: tuple[time, time] = (time(8, 0), time(21, 0))
    last_check_in_after: int = 5
    max_last_check_in_after: int = 15
    closed_after_days: int = 14

    @property
    def hours_text(self) -> str:
        """The default business hours as typed: ``09:00-17:00``."""
        opens, closes = self.business_hours
        return f"{opens:%H:%M}-{closes:%H:%M}"

    @property
    def own_hours_text(self) -> str:
        """The default own hours as typed: ``08:00-21:00``."""
        opens, closes = self.own_hours
        return f"{opens:%H:%M}-{closes:%H:%M}"


DEFAULTS = Defaults()
OWN_HOURS = DEFAULTS.own_hours
CHECK_IN_TIME = time(10, 0)
THANK_YOU_WINDOW = timedelta(hours=24)


class StepRule(NamedTuple):
    """One step of the follow-up: when it applies, how long it is, and why it exists.

    Texts may use the placeholders ``{contact}``, ``{person}``, ``{interviewers}``,
    ``{letters}``, ``{recruiter}``, ``{name}``, ``{company}`` and ``{if_welcome}``;
    timings ``{n}`` (check-in after) and ``{m}`` (last check-in after). ``reaches_client``
    marks a step that, in an agency plan, waits for the debrief.
    """

    step_id: str
    contexts: tuple[Context, ...]
    kind: StepKind
    length: timedelta | None
    condition: str
    timing: str
    summary: dict[Context, str]
    todo: dict[Context, str]
    why: dict[Context, tuple[str, ...]]
    offset: timedelta = timedelta(0)
    has_deadline: bool = False
    reaches_client: bool = False


BOTH = (Context.DIRECT, Context.AGENCY)
AGENCY_IF = "Only if {recruiter} says the client welcomes it. "
IF_WELCOME = "only if {recruiter} says the client welcomes it"
LATE_LIMIT = timedelta(days=3)
BOTH_HOURS_SEARCH_DAYS = 21


def _same(text: str) -> dict[Context, str]:
    return {ctx: text for ctx in BOTH}


THANK_YOU_WHY = (
    "Within 24 hours, if you have been given the hiring manager's email address, "
    "send a brief 'thank you' email with a specific subject line such as "
    "'Thank you from Joe Smith.'",
    "If he/she did not provide an email address, do not look one up.",
)
LETTER_WHY = ("Within 24 hours, also send a handwritten thank you letter to your interviewer(s).",)
CLIENT_POLICY_WHY = (
    "Ask your recruiter about the best policy for follow up with that particular client.",
)
DIRECT_CHECK_IN_WHY = (
    "Unless the hiring manager specifically asked you to follow up via phone, do "
    "not reach out to him/her directly because this can often come across as overzealous.",
    "Patience is a virtue!",
)
AGENCY_CHECK_IN_WHY = (
    "If 3-4 days has passed without any word, contact your representative and see "
    "if they can help provide expectations.",
)
LAST_WHY = (
    "Too much follow up can be as detrimental as no follow up.",
    "Hold tight... good things are coming!",
)

STEP_RULES: tuple[StepRule, ...] = (
    StepRule(
        step_id="recruiter-debrief",
        contexts=(Context.AGENCY,),
        kind=StepKind.CONTACT,
        length=timedelta(minutes=30),
        offset=timedelta(minutes=15),
        condition="always; an email instead of a call when a call would come too late for "
        "the thank-yous to meet their deadline",
        timing="first slot in their business hours and your own hours at or after the "
        "interview end + 15 min; as an email, the first slot in your own hours",
        summary={Context.AGENCY: "Debrief {recruiter} on your interview at {company}"},
        todo={
            Context.AGENCY: (
                "Call and/or email {recruiter} to discuss how the interview went, your "
                "interest level, and what to expect next.\n"
                "- Ask when they expect feedback from the client. If you are unsure, ask!\n"
                "- Ask about the best policy for follow-up with this particular client: "
                "may you send a thank-you email or letter, or connect on LinkedIn?\n"
                "- Their cell phone is for emergencies only (lost on the way, unable to make it)."
            )
        },
        why={
            Context.AGENCY: (
                "Be sure to call and/or email your recruiter after your interview to discuss "
                "how it went ... gauge the interview outcome and your interest level and to "
                "set expectations.",
                *CLIENT_POLICY_WHY,
            )
        },
    ),
    StepRule(
        step_id="thank-you-email",
        contexts=BOTH,
        kind=StepKind.OWN,
        length=timedelta(minutes=30),
        offset=timedelta(minutes=30),
        has_deadline=True,
        reaches_client=True,
        condition="one step per interviewer who gave you an email address",
        timing="first own-hours slot at or after the interview end + 30 min, and after the "
        "debrief where there is one; one after the other; each ends within 24 h of the "
        "interview end (late: within 3 days after that)",
        summary={
            Context.DIRECT: "Email a thank-you to {person} at {company}",
            Context.AGENCY: "Email a thank-you to {person} at {company}, {if_welcome}",
        },
        todo={
            Context.DIRECT: (
                "Send {person} a brief thank-you email, only to the address they gave you, "
                "with a specific subject line and one thing from your conversation."
            ),
            Context.AGENCY: (
                AGENCY_IF + "Send {person} a brief thank-you email, only to the address they "
                "gave you, with a specific subject line and one thing from your conversation."
            ),
        },
        why={
            Context.DIRECT: THANK_YOU_WHY,
            Context.AGENCY: THANK_YOU_WHY + CLIENT_POLICY_WHY,
        },
    ),
    StepRule(
        step_id="thank-you-letter",
        contexts=BOTH,
        kind=StepKind.OWN,
        length=timedelta(minutes=45),
        offset=timedelta(minutes=30),
        has_deadline=True,
        reaches_client=True,
        condition="always: one step, one letter each",
        timing="first own-hours slot at or after the last email's end (interview end + 30 min "
        "without an email, and after the debrief where there is one); ends within 24 h of the "
        "interview end (late: within 3 days after that)",
        summary={
            Context.DIRECT: "Write {letters} to {interviewers} at {company}",
            Context.AGENCY: "Write {letters} to {interviewers} at {company}, {if_welcome}",
        },
        todo={
            Context.DIRECT: (
                "Write and send {letters} to {interviewers}: thank them for their time "
                "and mention one thing from the conversation."
            ),
            Context.AGENCY: (
                AGENCY_IF + "Write and send {letters} to {interviewers}: thank them for "
                "their time and mention one thing from the conversation."
            ),
        },
        why={Context.DIRECT: LETTER_WHY, Context.AGENCY: LETTER_WHY + CLIENT_POLICY_WHY},
    ),
    StepRule(
        step_id="linkedin-connect",
        contexts=BOTH,
        kind=StepKind.OWN,
        length=timedelta(minutes=10),
        has_deadline=True,
        reaches_client=True,
        condition="the interviewer named by --linkedin-ok asked you to connect",
        timing="first own-hours slot at or after the letter's end; "
        "ends within 24 h of the interview end",
        summary={
            Context.DIRECT: "Connect on LinkedIn with {person} at {company}",
            Context.AGENCY: "Connect on LinkedIn with {person} at {company}, {if_welcome}",
        },
        todo={
            Context.DIRECT: "{person} asked you to connect: send them one LinkedIn request, "
            "with a one-line note. Nobody else.",
            Context.AGENCY: AGENCY_IF + "{person} asked you to connect: send them one "
            "LinkedIn request, with a one-line note. Nobody else.",
        },
        why={
            ctx: (
                "Do not try to 'connect' with your interviewer unless they requested that you "
                "do so. Allow him/her to reach out to you.",
            )
            for ctx in BOTH
        },
    ),
    StepRule(
        step_id="quiet-period",
        contexts=BOTH,
        kind=StepKind.ALL_DAY,
        length=None,
        condition="at least one day lies between the earlier steps and the check-in day",
        timing="every day after the interview day and the debrief and thank-you days, up to "
        "(not including) the check-in day",
        summary=_same("Quiet period: no follow-up with {company}"),
        todo={
            Context.DIRECT: (
                "Wait. Hiring managers often go quiet simply because they are busy: silence "
                "is not a no. Too much follow-up can be as detrimental as no follow-up. Do not:"
            ),
            Context.AGENCY: (
                "Wait. {recruiter} wants you to get the job and will pass feedback on as soon "
                "as they have it; hiring managers often go quiet simply because they are busy. "
                "Too much follow-up can be as detrimental as no follow-up. Do not:"
            ),
        },
        why={
            Context.DIRECT: (
                "Many hiring managers have their pants on fire to schedule interviews and "
                "then go radio silent.",
                "Too much follow up can be as detrimental as no follow up.",
                "Patience is a virtue!",
            ),
            Context.AGENCY: (
                "Please bear in mind that we WANT to provide insight as soon as we have it.",
                "Many hiring managers have their pants on fire to schedule interviews and "
                "then go radio silent.",
                "Too much follow up can be as detrimental as no follow up.",
            ),
        },
    ),
    StepRule(
        step_id="check-in",
        contexts=BOTH,
        kind=StepKind.CONTACT,
        length=timedelta(minutes=15),
        condition="always; with --phone-ok, a call to the one person who asked (direct), or "
        "a question to your agency about calling them (agency)",
        timing="working day {n} after the interview day (or the first working day after "
        "feedback-by when later, and a later working day than the debrief where there is "
        "one), at 10:00 in the contact's zone or the first slot in both people's hours",
        summary={
            Context.AGENCY: "Check in with {recruiter} about {company}",
            Context.DIRECT: "Decide whether to check in with {contact} at {company}",
        },
        todo={
            Context.AGENCY: (
                "No word yet? Contact {recruiter} once and ask whether they can help "
                "provide expectations. Once, not 2-3 times a day."
            ),
            Context.DIRECT: (
                "A decision point, not a duty. If you have heard nothing, you may send "
                "{contact} one brief, polite note through a channel you were given. "
                "Without such a channel, do nothing: allow them to reach out to you."
            ),
        },
        why={Context.AGENCY: AGENCY_CHECK_IN_WHY, Context.DIRECT: DIRECT_CHECK_IN_WHY},
    ),
    StepRule(
        step_id="quiet-until-last-check-in",
        contexts=BOTH,
        kind=StepKind.ALL_DAY,
        length=None,
        condition="a last check-in is planned and at least one day lies before it",
        timing="every day after the check-in day, up to (not including) the last check-in day",
        summary=_same("Quiet period: no follow-up with {company}"),
        todo={
            Context.DIRECT: (
                "You checked in: now wait again. Hiring managers often go quiet simply "
                "because they are busy. Do not:"
            ),
            Context.AGENCY: (
                "You checked in: now wait again. {recruiter} will pass feedback on as soon "
                "as they have it. Do not:"
            ),
        },
        why={
            ctx: (
                "Too much follow up can be as detrimental as no follow up.",
                "Patience is a virtue!",
            )
            for ctx in BOTH
        },
    ),
    StepRule(
        step_id="last-check-in",
        contexts=BOTH,
        kind=StepKind.CONTACT,
        length=timedelta(minutes=15),
        condition="--last-check-in-after is not 0",
        timing="working day {m} after the check-in day, at 10:00 in the contact's zone or "
        "the first slot in both people's hours that day",
        summary={
            Context.AGENCY: "Still no word from {company}? One short last note to {recruiter}",
            Context.DIRECT: "Still no word from {company}? One short last note to {contact}",
        },
        todo={
            Context.AGENCY: (
                "Still no word? One short last note to {recruiter}, then move on: keep "
                "applying elsewhere, and let them come back to you."
            ),
            Context.DIRECT: (
                "Still no word? One short last note to {contact}, only through a channel you "
                "were given, then move on: keep applying elsewhere. Without such a channel, "
                "just move on."
            ),
        },
        why={ctx: LAST_WHY for ctx in BOTH},
    ),
)


def per_person_id(rule_id: str, number: int) -> str:
    """The step id of a per-person step: the rule's id, then ``-2``, ``-3``... from the second.

    The first person's step keeps the rule's id, so adding a person later changes no id.
    """
    return rule_id if number == 1 else f"{rule_id}-{number}"


def rules_for(context: Context) -> tuple[StepRule, ...]:
    """Return the step rules that apply in a context, in plan order.

    Args:
        context: The interview's context.

    Returns:
        The rules whose contexts include ``context``.
    """
    return tuple(rule for rule in STEP_RULES if context in rule.contexts)


def rule_by_id(step_id: str) -> StepRule:
    """Return the rule of a step id (``thank-you-email-2`` is a ``thank-you-email``).

    Raises:
        KeyError: If no step has that id.
    """
    for rule in STEP_RULES:
        number = step_id.removeprefix(rule.step_id + "-")
        if step_id == rule.step_id or (number != step_id and number.isdigit()):
            return rule
    raise KeyError(step_id)
