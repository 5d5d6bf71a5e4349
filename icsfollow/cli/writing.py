"""Where a plan goes: one .ics, a folder of one-event files, stdout, an HTML page."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from icsfollow.errors import OutputError
from icsfollow.output.targets import same_place

if TYPE_CHECKING:
    from icsfollow.api import PlanResult
    from icsfollow.output import OutputSet

__all__ = ["OutputRequest", "add_outputs", "check_request"]

PAGE = {"param_hint": "'--page'"}


class OutputRequest(NamedTuple):
    """What the user asked to be written, and where."""

    path: Path
    to_stdout: bool = False
    force: bool = False
    dry_run: bool = False
    split: bool = False
    links: str | None = None
    links_only: bool = False
    office365: bool = False
    page: Path | None = None

    @property
    def writes_files(self) -> bool:
        """False for --dry-run and --links-only, which write nothing."""
        return not (self.dry_run or self.links_only)

    @property
    def prints_links(self) -> bool:
        """True when the add-to-calendar links go to the terminal."""
        return self.links == "text" or self.links_only

    @property
    def calendar_path(self) -> Path | None:
        """The .ics file, or the --split folder; None for stdout."""
        if self.to_stdout:
            return None
        return self.path.with_suffix("") if self.split else self.path

    @property
    def page_path(self) -> Path | None:
        """The HTML page: --page, else beside the calendar; None without --links html."""
        if self.links != "html" or not self.writes_files:
            return None
        return self.page or self.path.with_suffix(".html")


def check_request(request: OutputRequest) -> None:
    """Reject combinations that cannot be honoured (exit 2) and paths that are folders.

    Raises:
        click.BadParameter: For options that cannot go together.
        OutputError: For a calendar path that names a folder (``.``, ``/``, ``..``).
    """
    if request.split and request.to_stdout:
        raise click.BadParameter("a folder cannot go to stdout (-o -)", param_hint="'--split'")
    if request.links_only and request.links == "html":
        raise click.BadParameter(
            "'html' writes a page, but --links-only writes no file", param_hint="'--links'"
        )
    _check_page(request)
    if not request.to_stdout and request.path.name in ("", ".", ".."):
        path = request.path
        raise OutputError(f"{path} is a folder; give a file name, e.g. {path / 'followup.ics'}")
    calendar, page = request.calendar_path, request.page_path
    if calendar is not None and page is not None and same_place(calendar, page):
        hint = "'--page'" if request.page else "'--links'"
        raise click.BadParameter(
            f"the page would be {page}, where the calendar goes; "
            "give the page its own name with --page",
            param_hint=hint,
        )


def _check_page(request: OutputRequest) -> None:
    page = request.page
    if page is not None and request.links != "html":
        raise click.BadParameter(
            "names the page of --links html; add --links html", None, None, "'--page'"
        )
    if page is not None and str(page) == "-":
        raise click.BadParameter(
            "the page cannot go to stdout; give a file name", None, None, "'--page'"
        )
    if request.links == "html" and request.to_stdout and page is None and request.writes_files:
        raise click.BadParameter(
            "the calendar goes to stdout (-o -), so the page needs a name: add --page PATH",
            param_hint="'--links'",
        )


def add_outputs(outputs: OutputSet, result: PlanResult, request: OutputRequest) -> None:
    """Add what the request asks for to the run's outputs (nothing for --dry-run)."""
    if not request.writes_files:
        return
    calendar = request.calendar_path
    if calendar is None:
        outputs.add_stream(sys.stdout.buffer if sys.stdout is not None else None, result.ics)
    elif request.split:
        from icsfollow.render.ics import render_split

        outputs.add_folder(calendar, render_split(result.plan), force=request.force)
    else:
        outputs.add_file(calendar, result.ics, force=request.force)
    page = request.page_path
    if page is not None:
        from icsfollow.render.html import render_page

        beside = None if request.split or calendar is None else _relative(calendar, page.parent)
        html = render_page(result.plan, beside, request.office365).encode("utf-8")
        outputs.add_file(page, html, force=request.force)


def _relative(path: Path, folder: Path) -> str:
    """The path as seen from a folder (a link from a page there)."""
    return os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
