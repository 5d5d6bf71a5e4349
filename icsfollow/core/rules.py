"""The follow-up rules as data: steps, timings and texts, read by everything else."""

from __future__ import annotations

from datetime import time, timedelta
from enum import Enum
from typing import NamedTuple

__all__ = [
    "ARTICLE",
    "CHECK_IN_TIME",
    "DEFAULTS",
    "OWN_HOURS",
    "PHONE_CHECK_IN",
    "QUIET_PERIOD_DONTS",
    "STEP_RULES",
    "THANK_YOU_DRAFT",
    "THANK_YOU_WINDOW",
    "Context",
    "Defaults",
    "StepKind",
    "StepRule",
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
    closed_after_days: int = 14

    @property
    def hours_text(self) -> str:
        """The default business hours as typed: ``09:00-17:00``."""
        opens, closes = self.business_hours
        return f"{opens:%H:%M}-{closes:%H:%M}"


DEFAULTS = Defaults()
OWN_HOURS = (time(8, 0), time(21, 0))
CHECK_IN_TIME = time(10, 0)
THANK_YOU_WINDOW = timedelta(hours=24)


class StepRule(NamedTuple):
    """One step of the follow-up: when it applies, how long it is, and why it exists.

    Texts may use the placeholders ``{contact}``, ``{interviewers}``,
    ``{recruiter}``, ``{name}``, ``{company}`` and ``{n}``.
    """

    step_id: str
    contexts: tuple[Context, ...]
    kind: StepKind
    length: timedelta | None
    condition: str
    timing: str
    summary: dict[Context, str]
    todo: dict[Context, str]
    why: tuple[str, ...]
    offset: timedelta = timedelta(0)
    has_deadline: bool = False


BOTH = (Context.DIRECT, Context.AGENCY)
AGENCY_IF = "Only if {recruiter} says the client welcomes it. "

STEP_RULES: tuple[StepRule, ...] = (
    StepRule(
        step_id="recruiter-debrief",
        contexts=(Context.AGENCY,),
        kind=StepKind.CONTACT,
        length=timedelta(minutes=30),
        offset=timedelta(minutes=15),
        condition="always",
        timing="first business-hours slot at or after the interview end + 15 min",
        summary={Context.AGENCY: "Debrief {recruiter} on your interview at {company}"},
        todo={
            Context.AGENCY: (
                "Call and/or email {recruiter} to discuss how the interview went, your "
                "interest level, and what to expect next.\n"
                "- Ask when they expect feedback from the client. If you are unsure, ask!\n"
                "- Ask about the best policy for follow-up with this particular client.\n"
                "- Their cell phone is for emergencies only (lost on the way, unable to make it)."
            )
        },
        why=(
            "Be sure to call and/or email your recruiter after your interview to discuss "
            "how it went ... gauge the interview outcome and your interest level and to "
            "set expectations.",
            "Ask your recruiter about the best policy for follow up with that particular client.",
        ),
    ),
    StepRule(
        step_id="thank-you-email",
        contexts=BOTH,
        kind=StepKind.OWN,
        length=timedelta(minutes=30),
        offset=timedelta(minutes=30),
        has_deadline=True,
        condition="an interviewer email was given",
        timing="first own-hours slot at or after the interview end + 30 min; "
        "ends within 24 h of the interview end",
        summary={ctx: "Email a thank-you to {contact}" for ctx in BOTH},
        todo={
            Context.DIRECT: (
                "Send a brief thank-you email, only to an address you were given.\n"
                "Subject: Thank you from {name}"
            ),
            Context.AGENCY: (
                AGENCY_IF + "Send a brief thank-you email, only to an address you were "
                "given.\nSubject: Thank you from {name}"
            ),
        },
        why=(
            "Within 24 hours, if you have been given the hiring manager's email address, "
            "send a brief 'thank you' email with a specific subject line such as "
            "'Thank you from Joe Smith.'",
            "If he/she did not provide an email address, do not look one up.",
        ),
    ),
    StepRule(
        step_id="thank-you-letter",
        contexts=BOTH,
        kind=StepKind.OWN,
        length=timedelta(minutes=45),
        offset=timedelta(minutes=30),
        has_deadline=True,
        condition="always",
        timing="first own-hours slot at or after the email's end (interview end + 30 min "
        "without an email); ends within 24 h of the interview end",
        summary={ctx: "Write a handwritten thank-you letter to {interviewers}" for ctx in BOTH},
        todo={
            Context.DIRECT: (
                "Write and send a short handwritten thank-you letter to {interviewers}: "
                "thank them for their time and mention one thing from the conversation."
            ),
            Context.AGENCY: (
                AGENCY_IF + "Write and send a short handwritten thank-you letter to "
                "{interviewers}: thank them for their time and mention one thing from "
                "the conversation."
            ),
        },
        why=("Within 24 hours, also send a handwritten thank you letter to your interviewer(s).",),
    ),
    StepRule(
        step_id="linkedin-connect",
        contexts=BOTH,
        kind=StepKind.OWN,
        length=timedelta(minutes=10),
        has_deadline=True,
        condition="the interviewer asked you to connect on LinkedIn",
        timing="first own-hours slot at or after the letter's end; "
        "ends within 24 h of the interview end",
        summary={ctx: "Connect on LinkedIn with {interviewers}" for ctx in BOTH},
        todo={
            ctx: "You were asked to connect: send one LinkedIn request to {interviewers}, "
            "with a one-line note. Only to the people who asked."
            for ctx in BOTH
        },
        why=(
            "Do not try to 'connect' with your interviewer unless they requested that you "
            "do so. Allow him/her to reach out to you.",
        ),
    ),
    StepRule(
        step_id="quiet-period",
        contexts=BOTH,
        kind=StepKind.ALL_DAY,
        length=None,
        condition="at least one day lies between the interview day and the check-in day",
        timing="every day after the interview day, up to (not including) the check-in day",
        summary={ctx: "Quiet period: no follow-up with {company}" for ctx in BOTH},
        todo={
            ctx: "Wait. Too much follow-up can be as detrimental as no follow-up. Do not:"
            for ctx in BOTH
        },
        why=(
            "Too much follow up can be as detrimental as no follow up.",
            "Patience is a virtue!",
        ),
    ),
    StepRule(
        step_id="check-in",
        contexts=BOTH,
        kind=StepKind.CONTACT,
        length=timedelta(minutes=15),
        condition="always",
        timing="working day {n} after the interview day (or the first working day after "
        "feedback-by when later), at 10:00 in the contact's zone",
        summary={
            Context.AGENCY: "Check in with {recruiter} about {company}",
            Context.DIRECT: "Decide whether to check in with {contact}",
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
        why=(
            "If 3-4 days has passed without any word, contact your representative and see "
            "if they can help provide expectations.",
            "Unless the hiring manager specifically asked you to follow up via phone, do "
            "not reach out to him/her directly.",
        ),
    ),
)

THANK_YOU_DRAFT = (
    "{greeting}\n\n"
    "Thank you for taking the time to meet with me on {weekday}{about}. I enjoyed our "
    "conversation and learning more about the team, and I am very interested in the "
    "opportunity.\n\n"
    "Best regards,\n{name}"
)

PHONE_CHECK_IN = (
    "Call {contact}",
    "{contact} asked you to follow up by phone: call once, during business hours, "
    "and keep it short. If you reach voicemail, leave one brief message.",
)

QUIET_PERIOD_DONTS = (
    "hunt for email addresses you were not given",
    "call anyone unless they asked you to",
    "send LinkedIn requests unless asked",
    "call the recruiter 2-3 times per day",
    "call after hours or on Saturday mornings",
)


def rules_for(context: Context) -> tuple[StepRule, ...]:
    """Return the step rules that apply in a context, in plan order.

    Args:
        context: The interview's context.

    Returns:
        The rules whose contexts include ``context``.
    """
    return tuple(rule for rule in STEP_RULES if context in rule.contexts)


def rule_by_id(step_id: str) -> StepRule:
    """Return the rule of a step id.

    Raises:
        KeyError: If no step has that id.
    """
    for rule in STEP_RULES:
        if rule.step_id == step_id:
            return rule
    raise KeyError(step_id)
