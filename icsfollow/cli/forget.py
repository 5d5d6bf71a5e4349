"""``icsfollow forget``: delete an interview's record."""

from __future__ import annotations

import click

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.config import ConfiguredCommand
from icsfollow.cli.recorded import feed_path

__all__ = ["forget"]


@click.command(cls=ConfiguredCommand, context_settings=CONTEXT_SETTINGS)
@click.argument("interview_id", metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option(
    "--feed",
    metavar="PATH",
    envvar="ICSFOLLOW_FEED",
    help="Also rewrite this subscription feed.",
)
def forget(interview_id: str, yes: bool, feed: str | None) -> None:
    """Delete an interview's record (its events stay in your calendars).

    \b
    Examples:
        icsfollow forget acme-2026-05-12
        icsfollow forget acme --yes
    """
    from icsfollow.store.db import open_record
    from icsfollow.store.lookup import find_interview, nothing_recorded
    from icsfollow.store.paths import record_path
    from icsfollow.store.revise import forget as forget_record
    from icsfollow.store.runs import write_feed

    with errors_as_click():
        if not record_path().exists():
            raise nothing_recorded(interview_id)
        with open_record(create=False, write=False) as db:
            row = find_interview(db, interview_id)
        if not yes:
            question = f"Forget {row.id} ({row.company or 'interview'}, {row.local_date})?"
            click.confirm(question, abort=True)
        target = feed_path(feed)
        with open_record(create=False) as db:
            forget_record(db, find_interview(db, row.id))
            if target is not None:
                write_feed(db, target)
    click.echo(f"Forgot {row.id}. Its events stay in your calendars: delete them there.")
