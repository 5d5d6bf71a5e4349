"""What every command shares: context settings and the error mapping."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

__all__ = ["CONTEXT_SETTINGS", "errors_as_click"]

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@contextmanager
def errors_as_click() -> Iterator[None]:
    """Turn the core's InputError into click's usage error (exit 2), others into exit 1."""
    from icsfollow.errors import IcsFollowError, InputError

    try:
        yield
    except InputError as error:
        hint = f"'{error.option}'"
        raise click.BadParameter(f"{error.value!r} {error.reason}", param_hint=hint) from None
    except IcsFollowError as error:
        raise click.ClickException(str(error)) from None
