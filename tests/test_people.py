"""People as they are written, every address checked, each person once, greeted properly."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from icsfollow.cli import cli
from icsfollow.core.model import Person
from icsfollow.errors import InputError
from icsfollow.inputs.people import parse_person, unique_people
from icsfollow.render.drafts import step_draft
from icsfollow.render.greeting import greeting

DANA = Person("Dana Lee", "dana@acme.example")
FORMS = [
    ("Dana Lee <dana@acme.example>", DANA),
    ('"Dana Lee" <dana@acme.example>', DANA),
    ("Dana Lee dana@acme.example", DANA),
    ("Dana Lee (dana@acme.example)", DANA),
    ("dana@acme.example (Dana Lee)", DANA),
    ("  Dana Lee   <dana@acme.example> ", DANA),
    ("Lee, Dana <dana@acme.example>", Person("Lee, Dana", "dana@acme.example")),
    ('"Lee, Dana" <dana@acme.example>', Person("Lee, Dana", "dana@acme.example")),
    ("Dr. Dana Lee <dana@acme.example>", Person("Dr. Dana Lee", "dana@acme.example")),
    ("dana@acme.example", Person("dana@acme.example", "dana@acme.example")),
    ("<dana@acme.example>", Person("dana@acme.example", "dana@acme.example")),
    ("Dana Lee", Person("Dana Lee")),
    ("José Ñúñez <jose@acme.example>", Person("José Ñúñez", "jose@acme.example")),
]


@pytest.mark.parametrize(("text", "person"), FORMS)
def test_every_common_form_is_read(text: str, person: Person) -> None:
    assert parse_person("--interviewer", text) == person


REFUSED = [
    ("dana@acme", "has 'dana@acme', which is not an email address (e.g. dana@acme.example)"),
    (
        "Dana <dana@acme>",
        "has 'dana@acme', which is not an email address (e.g. dana@acme.example)",
    ),
    (
        "Dana Lee dana@acme",
        "has 'dana@acme', which is not an email address (e.g. dana@acme.example)",
    ),
    (
        "Dana (dana@@acme.example)",
        "has 'dana@@acme.example', which is not an email address (e.g. dana@acme.example)",
    ),
    (
        "Dana <dana-at-acme>",
        "has 'dana-at-acme', which is not an email address (e.g. dana@acme.example)",
    ),
    ("<>", 'is not "Name <email>", "Name", or an email address'),
    (
        "Dana <dana@acme.example>, Ben <ben@acme.example>",
        "holds more than one address; give --interviewer once each",
    ),
    ("", 'is not "Name <email>", "Name", or an email address'),
]


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_an_invalid_address_is_refused_however_written(
    text: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InputError) as raised:
        parse_person("--interviewer", text)
    assert raised.value.reason == reason
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [*PLAN, "--interviewer", text])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '--interviewer': {text!r} {reason}"
    )
    assert list(tmp_path.iterdir()) == []


PLAN = ["plan", "today 9am", "--context", "direct", "--tz", "Europe/London"]
PLAN += ["--now", "2026-11-25T12:00:00Z", "--dry-run", "--name", "Joe Smith"]


def test_name_then_email_keeps_the_thank_you_email() -> None:
    result = CliRunner().invoke(cli, [*PLAN, "--interviewer", "Dana Lee dana@acme.example"])
    assert result.exit_code == 0, result.output
    assert "Email a thank-you to Dana Lee" in result.stdout


def test_a_repeated_person_is_kept_once_with_a_warning() -> None:
    args = ["--interviewer", "Dana Lee <dana@acme.example>", "--interviewer", "dana@ACME.example"]
    args += ["--interviewer", "Ben", "--interviewer", "ben"]
    result = CliRunner().invoke(cli, [*PLAN, *args])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Warning: --interviewer 'dana@ACME.example' repeats a person given before; kept once",
        "Warning: --interviewer 'ben' repeats a person given before; kept once",
    ]
    assert "Email a thank-you to Dana Lee at" in result.stdout
    assert "letter each to Dana Lee and Ben\n" in result.stdout


def test_a_name_given_again_with_its_address_keeps_the_address() -> None:
    texts = ("Dana Lee", "Dana Lee <dana@acme.example>")
    people = [parse_person("--interviewer", text) for text in texts]
    assert unique_people("--interviewer", texts, people) == ((DANA,), [])


def test_a_repeated_recruiter_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["plan", "today 9am", "--context", "agency", "--tz", "UTC", "--now", "2026-11-25T12Z"]
    args += ["--recruiter", "Sam <sam@staffing.example>", "--recruiter", "Ana <ana@x.example>"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--recruiter': 'Ana <ana@x.example>' repeats --recruiter; "
        "give one recruiter"
    )
    assert list(tmp_path.iterdir()) == []


def test_without_name_the_placeholder_is_announced() -> None:
    args = [arg for arg in PLAN if arg not in ("--name", "Joe Smith")]
    result = CliRunner().invoke(cli, [*args, "--interviewer", "Dana <dana@acme.example>"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "Warning: no --name: the thank-you email's subject and signature say '[your name]'"
    ]


GREETINGS = [
    (Person("Dr. Dana Lee", "d@acme.example"), "Dear Dr. Lee,"),
    (Person("Lee, Dana", "d@acme.example"), "Dear Dana,"),
    (Person("Dana", "d@acme.example"), "Dear Dana,"),
    (Person("Dana Lee"), "Dear Dana,"),
    (Person("Prof. Ana Ruiz", "a@acme.example"), "Dear Prof. Ruiz,"),
    (Person("Ms Dana Lee", "d@acme.example"), "Dear Ms Lee,"),
    (Person("d@acme.example", "d@acme.example"), "Hello,"),
    (Person(""), "Hello,"),
]


@pytest.mark.parametrize(("person", "line"), GREETINGS)
def test_greeting(person: Person, line: str) -> None:
    assert greeting(person) == line


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_greeting_is_one_line_ending_in_a_comma(name: str) -> None:
    line = greeting(Person(name, "d@acme.example"))
    assert line.endswith(",") and "\n" not in line
    assert line == "Hello," or line.startswith("Dear ")


@pytest.mark.parametrize(
    ("interviewer", "first_line"),
    [
        ("Dr. Dana Lee <dana@acme.example>", "Dear Dr. Lee,"),
        ("Lee, Dana <dana@acme.example>", "Dear Dana,"),
        ("dana@acme.example", "Hello,"),
    ],
)
def test_the_draft_greets_by_the_name_rules(interviewer: str, first_line: str) -> None:
    from datetime import datetime, timezone

    from icsfollow.api import make_plan
    from icsfollow.inputs.options import PlanOptions

    options = PlanOptions("today 9am", "direct", "UTC", interviewers=(interviewer,))
    plan = make_plan(options, datetime(2026, 11, 25, 12, tzinfo=timezone.utc)).plan
    (email,) = [step for step in plan.steps if step.step_id == "thank-you-email"]
    draft = step_draft(plan, email)
    assert draft is not None
    assert draft.body.splitlines()[0] == first_line


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zoë & 漢字; Lee <zoe@acme.example>", "Zoë & 漢字; Lee"),
        ('Dana "DJ" Lee <dana@acme.example>', 'Dana "DJ" Lee'),
        ("Dana: Lee <dana@acme.example>", "Dana: Lee"),
    ],
)
def test_special_characters_in_a_display_name_split_nothing(text: str, name: str) -> None:
    assert parse_person("--interviewer", text) == Person(name, text.rsplit("<")[1][:-1])
