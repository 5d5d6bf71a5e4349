"""``icsfollow config``: the config file's path, template and values in effect."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from icsfollow.cli.common import CONTEXT_SETTINGS, current_path, errors_as_click
from icsfollow.cli.console import say
from icsfollow.cli.process import outputs_final
from icsfollow.inputs.config import KEYS, TEMPLATE, envvar_of, read_config

__all__ = ["ConfiguredCommand", "config", "plan_defaults"]

_PATH_KEY = "icsfollow.config_path"
_HELP_NAMES = frozenset(["-h", "--help"])


def plan_defaults(ctx: click.Context, args: Sequence[str] = ()) -> dict[str, object]:
    """Read the config file and remember its path for error messages.

    Raises:
        click.BadParameter: For a bad file; unless help is asked for (then it warns)
            or the parse is resilient (shell completion: then it is ignored).
    """
    try:
        with errors_as_click():
            path = current_path()
            ctx.meta[_PATH_KEY] = path
            return read_config(path)
    except click.BadParameter as error:
        if ctx.resilient_parsing:
            return {}
        if not _HELP_NAMES.intersection(args):
            error.ctx = ctx
            raise
        click.echo(f"Warning: {error.format_message()} (ignored for --help)", err=True)
        return {}


class ConfiguredCommand(click.Command):
    """A command whose defaults come from the config file (its ``ctx.default_map``).

    Its errors say when a bad value came from the config file or the environment.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Load the config file, then parse as click does, naming a bad value's source."""
        ctx.default_map = {**plan_defaults(ctx, args), **(ctx.default_map or {})}
        with _source_named(ctx):
            return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run as click does, naming the source of a bad value."""
        with _source_named(ctx):
            return super().invoke(ctx)


@contextmanager
def _source_named(ctx: click.Context) -> Iterator[None]:
    try:
        yield
    except click.BadParameter as error:
        name = _param_name(ctx, error)
        note = _source_note(ctx, name) if name else None
        if not note:
            raise
        hint = error.param_hint
        message = f"{error.message} ({note})"
        raise click.BadParameter(message, error.ctx, error.param, hint) from None


def _param_name(ctx: click.Context, error: click.BadParameter) -> str | None:
    if error.param is not None:
        return error.param.name
    hint = error.param_hint if isinstance(error.param_hint, str) else None
    for param in ctx.command.params:
        if hint and hint.strip("'\"") in param.opts:
            return param.name
    return None


def _source_note(ctx: click.Context, name: str) -> str | None:
    source = ctx.get_parameter_source(name)
    if source is ParameterSource.ENVIRONMENT:
        return f"from {envvar_of(name)}"
    if source is ParameterSource.DEFAULT_MAP and name in KEYS:
        return f"from {name!r} in {ctx.meta.get(_PATH_KEY, 'the config file')}"
    return None


@click.group(context_settings=CONTEXT_SETTINGS)
def config() -> None:
    """Keep your name, zone, country and defaults in a file.

    Precedence: command line > ICSFOLLOW_<OPTION> variables > config file > built-in.
    ICSFOLLOW_CONFIG names another file.

    \b
    Examples:
        icsfollow config init
        icsfollow config show
        "$EDITOR" "$(icsfollow config path)"
    """


@config.command(context_settings=CONTEXT_SETTINGS)
def path() -> None:
    """Print the config file's path (it may not exist yet).

    \b
    Examples:
        icsfollow config path
        ICSFOLLOW_CONFIG=~/work.toml icsfollow config path
    """
    with errors_as_click():
        say(str(current_path()))


@config.command(context_settings=CONTEXT_SETTINGS)
@click.option("--force", is_flag=True, help="Replace an existing config file.")
def init(force: bool) -> None:
    """Write a commented config template to edit.

    An existing file is kept unless --force is given.

    \b
    Examples:
        icsfollow config init
        icsfollow config init --force
    """
    from icsfollow.output import OutputSet

    with errors_as_click(), OutputSet() as outputs:
        target = current_path()
        outputs.add_file(target, TEMPLATE.encode("utf-8"), force=force, parents=True)
        outputs.place()
        say(f"Wrote {target}")
        say("Remove the '# ' before the settings you want; check them with: icsfollow config show")
        outputs_final()


@config.command(context_settings=CONTEXT_SETTINGS)
@click.pass_context
def show(ctx: click.Context) -> None:
    """Print each setting in effect for plan, and where it comes from.

    \b
    Examples:
        icsfollow config show
        ICSFOLLOW_TZ=Asia/Tokyo icsfollow config show
    """
    from icsfollow.cli.plan import plan

    settings = plan_defaults(ctx)
    target = ctx.meta[_PATH_KEY]
    found = "" if Path(target).is_file() else "  (not found: built-in defaults)"
    plan_ctx = plan.make_context("plan", [], parent=ctx, resilient_parsing=True)
    with errors_as_click():
        say(f"# {target}{found}")
        for line in _effective_lines(plan_ctx, plan_ctx.default_map or {}):
            say(line)
        for table, values in settings.items():
            if isinstance(values, dict):
                say(f"[{table}]  (config file)")
                for key, value in values.items():
                    say(f"{key} = {_as_text(value)}")


def _effective_lines(plan_ctx: click.Context, values: Mapping[str, Any]) -> Iterator[str]:
    shown: dict[str, str] = {}
    for key in KEYS:
        source = plan_ctx.get_parameter_source(key)
        if source is ParameterSource.ENVIRONMENT:
            shown[key] = os.environ[envvar_of(key)]
            yield f"{key} = {shown[key]}  (environment {envvar_of(key)})"
        elif source is ParameterSource.DEFAULT_MAP:
            shown[key] = _as_text(values[key])
            yield f"{key} = {shown[key]}  (config file)"
        else:
            shown[key], why = _default_of(plan_ctx, key, shown)
            yield f"{key} = {shown[key]}  ({why})"


def _default_of(plan_ctx: click.Context, key: str, shown: dict[str, str]) -> tuple[str, str]:
    if key == "tz":
        from icsfollow.inputs.system import system_zone

        return system_zone() or "UTC", "default: the system's zone"
    if key == "their_tz":
        return shown["tz"], "default: tz"
    if key == "country":
        from icsfollow.core.regions import region_of_zone
        from icsfollow.core.zones import canonical_zone, country_of_zone

        zone = canonical_zone(shown["their_tz"])
        code = region_of_zone(zone) or country_of_zone(zone)
        return code or "none", "default: from their_tz"
    if key == "dayfirst":
        return _date_order_of(shown["tz"])
    if key == "context":
        return "(not set)", "default: give --context"
    if key == "output_dir":
        return ".", "default: the current folder"
    if plan_ctx.params[key] is None:
        return "(not set)", "default"
    return _as_text(plan_ctx.params[key]), "default"


def _date_order_of(zone: str) -> tuple[str, str]:
    from icsfollow.core.zones import canonical_zone, country_of_zone
    from icsfollow.inputs.date_order import reads_day_first

    country = country_of_zone(canonical_zone(zone))
    dayfirst = reads_day_first(country)
    if dayfirst is None:
        return "(not set)", f"default: no country for {zone}; 02/12 needs --dayfirst/--monthfirst"
    order = "day" if dayfirst else "month"
    return _as_text(dayfirst), f"default: {country}, the country of tz, writes the {order} first"


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if value != "" else "(empty)"
