"""The command line: parse, call the library, write. Nothing else."""

from __future__ import annotations

import os

import click

from icsfollow import __version__
from icsfollow.cli.caldav import caldav
from icsfollow.cli.close import close
from icsfollow.cli.common import CONTEXT_SETTINGS
from icsfollow.cli.config import config
from icsfollow.cli.feed import feed
from icsfollow.cli.forget import forget
from icsfollow.cli.plan import plan
from icsfollow.cli.records import list_command, show
from icsfollow.cli.reschedule import reschedule
from icsfollow.cli.rules import rules
from icsfollow.cli.sync import sync

__all__ = ["cli", "main"]


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="icsfollow")
def cli() -> None:
    """Plan an interview's follow-up as an .ics file for any calendar.

    Set your name, zone and country once with 'icsfollow config init'.

    \b
    Examples:
        icsfollow plan "2026-11-24 14:00" --context direct --company Acme
        icsfollow config init
    """


cli.add_command(plan)
cli.add_command(list_command)
cli.add_command(show)
cli.add_command(reschedule)
cli.add_command(close)
cli.add_command(forget)
cli.add_command(feed)
cli.add_command(rules)
cli.add_command(config)
cli.add_command(caldav)
cli.add_command(sync)


def main() -> None:
    """Run the command line (the ``icsfollow`` script)."""
    # pytz's documented start-up switch: trust its bundled zone list instead of
    # opening all ~600 zone files on the first lookup (unknown names still fail).
    os.environ.setdefault("PYTZ_SKIPEXISTSCHECK", "1")
    cli(prog_name="icsfollow")
