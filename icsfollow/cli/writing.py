"""Where a plan goes: one .ics, a folder of one-event files, stdout, an HTML page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from icsfollow.output import write_atomically, write_folder

if TYPE_CHECKING:
    from icsfollow.api import PlanResult

__all__ = ["OutputRequest", "check_request", "write_outputs"]


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

    @property
    def writes_files(self) -> bool:
        """False for --dry-run and --links-only, which write nothing."""
        return not (self.dry_run or self.links_only)

    @property
    def prints_links(self) -> bool:
        """True when the add-to-calendar links go to the terminal."""
        return self.links == "text" or self.links_only


def check_request(request: OutputRequest) -> None:
    """Reject combinations that cannot be honoured (exit 2)."""
    if request.split and request.to_stdout:
        raise click.BadParameter("a folder cannot go to stdout (-o -)", param_hint="'--split'")
    if request.links_only and request.links == "html":
        raise click.BadParameter(
            "'html' writes a page, but --links-only writes no file", param_hint="'--links'"
        )


def write_outputs(result: PlanResult, request: OutputRequest) -> list[Path]:
    """Write what was asked for; return the paths written (a folder for --split)."""
    if not request.writes_files:
        return []
    written = [_write_calendar(result, request)]
    if request.links == "html":
        from icsfollow.render.html import render_page

        page = request.path.with_suffix(".html")
        beside = None if request.to_stdout or request.split else request.path.name
        html = render_page(result.plan, beside, request.office365).encode("utf-8")
        write_atomically(page, html, force=request.force)
        written.append(page)
    return [path for path in written if path is not None]


def _write_calendar(result: PlanResult, request: OutputRequest) -> Path | None:
    if request.split:
        from icsfollow.render.ics import render_split

        folder = request.path.with_suffix("")
        write_folder(folder, render_split(result.plan), force=request.force)
        return folder
    if request.to_stdout:
        sys.stdout.buffer.write(result.ics)
        sys.stdout.flush()
        return None
    write_atomically(request.path, result.ics, force=request.force)
    return request.path
