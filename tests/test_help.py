"""CLI conventions: every command has -h/--help with examples, and --version."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from icsfollow import __version__
from icsfollow.cli import cli


def command_paths(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    context = click.Context(group)
    for name in sorted(group.list_commands(context)):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_examples(path: tuple[str, ...], flag: str) -> None:
    result = CliRunner().invoke(cli, [*path, flag], prog_name="icsfollow")
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"icsfollow {' '.join(path)}".strip() in result.output.split("Examples:")[1]


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"], prog_name="icsfollow")
    assert result.output == f"icsfollow, version {__version__}\n"


def test_commands_are_the_documented_ones() -> None:
    assert command_paths() == [
        (),
        ("caldav",),
        ("caldav", "check"),
        ("caldav", "login"),
        ("close",),
        ("config",),
        ("config", "init"),
        ("config", "path"),
        ("config", "show"),
        ("feed",),
        ("forget",),
        ("list",),
        ("plan",),
        ("reschedule",),
        ("rules",),
        ("show",),
        ("sync",),
    ]
