"""What every command shares: context settings and the error mapping."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

__all__ = ["CONTEXT_SETTINGS", "current_path", "errors_as_click"]

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


def current_path() -> Path:
    """The config file in use: ``$ICSFOLLOW_CONFIG``, else in click's app dir."""
    from icsfollow.inputs.config import config_path

    return config_path(click.get_app_dir("icsfollow"), os.environ)
