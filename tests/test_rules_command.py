"""``icsfollow rules`` prints the scheduler's own rule data, per context."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from icsfollow.cli import cli
from icsfollow.core import rules as rules_module
from icsfollow.core.rules import STEP_RULES, Context, rules_for


def rules_output(*args: str) -> str:
    result = CliRunner().invoke(cli, ["rules", *args], catch_exceptions=False)
    assert result.exit_code == 0
    return " ".join(result.output.split())


@pytest.mark.parametrize("context", list(Context))
def test_each_context_lists_its_steps_in_order(context: Context) -> None:
    output = rules_output("--context", context.value)
    positions = [output.index(f"{rule.step_id} (") for rule in rules_for(context)]
    assert positions == sorted(positions)
    others = {rule.step_id for rule in STEP_RULES} - {rule.step_id for rule in rules_for(context)}
    assert all(f"{step_id} (" not in output for step_id in others)


def test_reasons_are_the_rule_data_not_a_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    reason = ("A reason that exists only in this test.",)
    changed = STEP_RULES[-1]._replace(why=dict.fromkeys(Context, reason))
    monkeypatch.setattr(rules_module, "STEP_RULES", (*STEP_RULES[:-1], changed))
    assert '"A reason that exists only in this test."' in rules_output()


def test_both_contexts_by_default_with_lengths() -> None:
    output = rules_output()
    assert "Direct hire" in output and "Agency" in output
    assert "recruiter-debrief (contact, 30 min)" in output
    assert "thank-you-letter (own task, 45 min)" in output
    assert "working day 3 after the interview day" in output
    assert "last-check-in (contact, 15 min)" in output
    assert "working day 5 after the check-in day" in output


def test_direct_rules_use_no_recruiter_words() -> None:
    output = rules_output("--context", "direct").lower()
    assert "recruiter" not in output and "representative" not in output


def test_agency_rules_put_the_recruiter_first() -> None:
    output = rules_output("--context", "agency")
    for step in ("thank-you-email", "thank-you-letter", "linkedin-connect"):
        part = output.split(f"{step} (")[1].split(" why:")[0]
        assert "only if <recruiter> says the client welcomes it" in part
    assert "a question to your agency about calling them" in output


def test_rules_help_has_examples() -> None:
    result = CliRunner().invoke(cli, ["rules", "-h"], catch_exceptions=False)
    assert "icsfollow rules --context agency" in result.output
