"""The README stays true: its examples run as written and its --help copy matches."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from icsfollow.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def console_examples() -> list[tuple[str, str]]:
    """Each ``$ icsfollow …`` line of a console block, with the output printed under it."""
    examples = []
    for kind, body in FENCE.findall(README):
        if kind != "console":
            continue
        for chunk in re.split(r"^(?=\$ )", body, flags=re.MULTILINE):
            if chunk.startswith("$ icsfollow"):
                command, _, output = chunk.partition("\n")
                examples.append((command[2:], output))
    return examples


def bash_commands() -> list[str]:
    return [body.strip() for kind, body in FENCE.findall(README) if kind == "bash"]


def run(command: str) -> str:
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(
        cli, args, terminal_width=80, prog_name="icsfollow", catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="module")
def readme_session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Run every console example in README order, in one folder with one record (the
    "When things change" examples build on the plans before them); output by command."""
    folder = tmp_path_factory.mktemp("readme")
    outputs = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("NO_COLOR", "1")
        patch.setenv("ICSFOLLOW_DATA_DIR", str(folder / "data"))
        patch.setenv("ICSFOLLOW_CONFIG", str(folder / "none.toml"))
        for command, _ in console_examples():
            outputs[command] = run(command)
    return outputs


@pytest.mark.parametrize(("command", "output"), console_examples())
def test_console_example_prints_what_the_readme_shows(
    command: str, output: str, readme_session: dict[str, str]
) -> None:
    assert readme_session[command] == output


def test_readme_has_console_examples_for_both_contexts() -> None:
    commands = " ".join(command for command, _ in console_examples())
    assert "--context direct" in commands
    assert "--context agency" in commands
    assert "plan --help" in commands


def test_quick_start_plan_command_runs() -> None:
    install_and_plan = bash_commands()[0]
    plan_command = install_and_plan.split(" && ")[-1]
    assert plan_command.startswith("icsfollow plan ")
    run(plan_command)
    assert Path("followup-acme-2026-11-24.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_ci_runs_the_readme_test_command() -> None:
    test_command = bash_commands()[1]
    assert test_command.endswith("python -m pytest")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


def bash_lines() -> list[str]:
    """The ``icsfollow …`` lines of the README's bash blocks past the quick start."""
    lines = "\n".join(bash_commands()[2:]).splitlines()
    return [line for line in lines if line.startswith("icsfollow ")]


@pytest.mark.parametrize("line", bash_lines())
def test_bash_example_runs(line: str) -> None:
    args = shlex.split(line, comments=True)[1:]
    result = CliRunner().invoke(cli, args, prog_name="icsfollow", catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_documented_shell_completion_works(shell: str) -> None:
    line = next(line for line in README.splitlines() if f"={shell}_source" in line)
    variable = re.search(r"(_ICSFOLLOW_COMPLETE)=(\w+)", line)
    assert variable is not None
    script = Path(sys.executable).with_name("icsfollow")
    env = {**os.environ, variable[1]: variable[2]}
    done = subprocess.run([str(script)], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0
    assert "_ICSFOLLOW_COMPLETE" in done.stdout
