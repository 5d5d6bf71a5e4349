"""The command line: parse, call the library, write. Nothing else."""

from __future__ import annotations

import importlib

import click

from icsfollow import __version__
from icsfollow.cli.common import CONTEXT_SETTINGS
from icsfollow.cli.process import run

__all__ = ["COMMANDS", "LazyGroup", "cli", "main"]

# Each command's module and attribute, in --help order: only the one that runs is imported.
COMMANDS = {
    "plan": "icsfollow.cli.plan:plan",
    "list": "icsfollow.cli.records:list_command",
    "show": "icsfollow.cli.records:show",
    "reschedule": "icsfollow.cli.reschedule:reschedule",
    "close": "icsfollow.cli.close:close",
    "forget": "icsfollow.cli.forget:forget",
    "feed": "icsfollow.cli.feed:feed",
    "rules": "icsfollow.cli.rules:rules",
    "config": "icsfollow.cli.config:config",
    "caldav": "icsfollow.cli.caldav:caldav",
    "sync": "icsfollow.cli.sync:sync",
}


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that command is used.

    Click's documented pattern for lazily loaded subcommands: ``icsfollow plan`` does
    not pay for the record, feed and config commands' imports.
    """

    def __init__(self, *args: object, lazy: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The commands in --help order."""
        return [*self.lazy, *(name for name in super().list_commands(ctx) if name not in self.lazy)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import the command's module on first use."""
        if cmd_name not in self.lazy:
            return super().get_command(ctx, cmd_name)
        module, _, attribute = self.lazy[cmd_name].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="icsfollow")
def cli() -> None:
    """Plan an interview's follow-up as an .ics file for any calendar.

    Set your name, zone and country once with 'icsfollow config init'.

    \b
    Examples:
        icsfollow plan "2026-11-24 14:00" --context direct --company Acme
        icsfollow config init
    """


def main() -> None:
    """Run the command line with its signal and error handling (see ``icsfollow.script``)."""
    run(lambda: cli(prog_name="icsfollow"))
