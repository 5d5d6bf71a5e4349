"""``icsfollow feed``: one calendar of every plan's steps, to subscribe to."""

from __future__ import annotations

import sys

import click

from icsfollow.cli.common import CONTEXT_SETTINGS, errors_as_click
from icsfollow.cli.config import ConfiguredCommand
from icsfollow.cli.recorded import feed_path

__all__ = ["feed"]

SUBSCRIBE_HINT = (
    "Subscribe to it: Thunderbird New Calendar > On the Network > the file's path;\n"
    "Apple Calendar File > New Calendar Subscription. Both re-read it by themselves.\n"
    "Keep it private: a feed at a public URL shows your job search to anyone."
)


@click.command(cls=ConfiguredCommand, context_settings=CONTEXT_SETTINGS)
@click.option(
    "-o",
    "--output",
    "feed",
    metavar="PATH|-",
    envvar="ICSFOLLOW_FEED",
    help="Where to write (default: config feed, else -: stdout).",
)
def feed(feed: str | None) -> None:
    """Write one calendar of every active plan's steps, to subscribe to.

    \b
    Examples:
        icsfollow feed -o job-followups.ics
        icsfollow feed -o - > ~/Calendars/job-followups.ics
    """
    from icsfollow.render.changes import render_feed
    from icsfollow.store.db import open_record
    from icsfollow.store.paths import record_path
    from icsfollow.store.runs import feed_objects, write_feed

    with errors_as_click():
        if feed in (None, "-"):
            objects = []
            if record_path().exists():
                with open_record(create=False, write=False) as db:
                    objects = feed_objects(db)
            sys.stdout.buffer.write(render_feed(objects))
            sys.stdout.flush()
            return
        target = feed_path(feed)
        assert target is not None
        with open_record() as db:
            write_feed(db, target)
    click.echo(f"Wrote {target}")
    click.echo(SUBSCRIBE_HINT)
