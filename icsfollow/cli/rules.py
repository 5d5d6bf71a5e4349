"""``icsfollow rules``: the steps of each context and the article's reasons for them."""

from __future__ import annotations

import click

from icsfollow.cli.common import CONTEXT_SETTINGS
from icsfollow.cli.console import say

__all__ = ["rules"]


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--context",
    type=click.Choice(["direct", "agency"]),
    help="Show one context only (default: both).",
)
def rules(context: str | None) -> None:
    """Print the follow-up steps of each context and why they exist.

    \b
    Examples:
        icsfollow rules
        icsfollow rules --context agency
    """
    from icsfollow.core.rules import Context
    from icsfollow.core.rules_text import format_rules

    contexts = [Context(context)] if context else list(Context)
    for line in format_rules(contexts):
        say(line)
