"""The plan command's outputs: one outcome per run, every path checked before writing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from filesystem import error_lines, leftovers, snapshot
from icalendar import Calendar

from icsfollow.cli import cli

ARGS = ["plan", "2026-05-12 11:00", "--context", "direct", "--tz", "America/New_York"]
ARGS += ["--company", "Acme", "--interviewer", "Dana Lee <dana@acme.example>"]
ARGS += ["--now", "2026-05-12T15:00:00Z", "--name", "Joe Smith"]
ICS = "followup-acme-2026-05-12.ics"
FOLDER = "followup-acme-2026-05-12"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*extra: str) -> Result:
    return CliRunner().invoke(cli, [*ARGS, *extra], catch_exceptions=False)


def assert_refused(result: Result, code: int, line: str, before: dict[str, object]) -> None:
    assert result.exit_code == code, result.output
    assert error_lines(result.stderr) == [line]
    assert result.stdout_bytes == b""
    assert snapshot(Path.cwd()) == before


def test_stdout_carries_only_the_calendar_and_every_human_line_goes_to_stderr(
    in_tmp: Path,
) -> None:
    result = invoke("-o", "-", "--links", "html", "--page", "plan.html", "--links-only")
    assert result.exit_code == 2
    result = invoke("-o", "-", "--links", "html", "--page", "plan.html")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.endswith(b"END:VCALENDAR\r\n")
    # thank-you email and letter, two quiet periods, check-in and last check-in
    assert len(Calendar.from_ical(result.stdout_bytes).events) == 6
    assert "Wrote plan.html" in result.stderr
    assert snapshot(in_tmp).keys() == {"plan.html"}


def test_html_with_stdout_needs_a_page_name(in_tmp: Path) -> None:
    assert_refused(
        invoke("-o", "-", "--links", "html"),
        2,
        "Error: Invalid value for '--links': the calendar goes to stdout (-o -), "
        "so the page needs a name: add --page PATH",
        {},
    )


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        (
            ["-o", "plan.html", "--links", "html"],
            "Error: Invalid value for '--links': the page would be plan.html, where the "
            "calendar goes; give the page its own name with --page",
        ),
        (
            ["-o", "plan.ics", "--links", "html", "--page", "./plan.ics"],
            "Error: Invalid value for '--page': the page would be plan.ics, where the "
            "calendar goes; give the page its own name with --page",
        ),
        (
            ["--page", "p.html"],
            "Error: Invalid value for '--page': names the page of --links html; add --links html",
        ),
        (
            ["--links", "html", "--page", "-"],
            "Error: Invalid value for '--page': the page cannot go to stdout; give a file name",
        ),
    ],
)
def test_two_outputs_never_share_a_path(extra: list[str], line: str) -> None:
    assert_refused(invoke(*extra, "--force"), 2, line, {})


def test_the_page_and_the_calendar_appear_together_or_not_at_all(in_tmp: Path) -> None:
    (in_tmp / "followup-acme-2026-05-12.html").write_bytes(b"my page")
    before = snapshot(in_tmp)
    result = invoke("--links", "html")
    line = "Error: followup-acme-2026-05-12.html already exists; use --force to replace it"
    assert_refused(result, 1, line, before)


def test_split_force_swaps_the_whole_folder(in_tmp: Path) -> None:
    (in_tmp / FOLDER).mkdir()
    stale = ["01-thank-you-email.ics", "02-recruiter-debrief.ics", "09-check-in.ics"]
    for name in stale:
        (in_tmp / FOLDER / name).write_bytes(b"stale")
    assert invoke("--split", "--force").exit_code == 0
    names = sorted(path.name for path in (in_tmp / FOLDER).iterdir())
    assert names == [
        "01-thank-you-email.ics",
        "02-thank-you-letter.ics",
        "03-quiet-period.ics",
        "04-check-in.ics",
        "05-quiet-until-last-check-in.ics",
        "06-last-check-in.ics",
    ]
    assert b"stale" not in (in_tmp / FOLDER / "01-thank-you-email.ics").read_bytes()
    assert leftovers(in_tmp) == []


def test_split_force_never_replaces_a_folder_of_other_things(in_tmp: Path) -> None:
    (in_tmp / FOLDER).mkdir()
    (in_tmp / FOLDER / "cv.pdf").write_bytes(b"precious")
    before = snapshot(in_tmp)
    line = (
        f"Error: {FOLDER} holds more than .ics files (cv.pdf); not replacing it: pick another name"
    )
    assert_refused(invoke("--split", "--force"), 1, line, before)


@pytest.mark.parametrize("kind", ["fifo", "folder", "link-to-folder"])
def test_force_replaces_only_files_and_symlinks(in_tmp: Path, kind: str) -> None:
    target = in_tmp / ICS
    if kind == "fifo":
        os.mkfifo(target)
        line = f"Error: {ICS} is a named pipe, not a file; pick another name"
    elif kind == "folder":
        target.mkdir()
        line = f"Error: {ICS} is a folder; give a file name, e.g. {ICS}/followup.ics"
    else:
        (in_tmp / "somewhere").mkdir()
        target.symlink_to("somewhere")
        line = f"Error: {ICS} is a symlink to a folder; pick another name"
    before = snapshot(in_tmp)
    assert_refused(invoke("--force"), 1, line, before)


def test_force_replaces_a_symlink_itself_not_its_target(in_tmp: Path) -> None:
    (in_tmp / "elsewhere.ics").write_bytes(b"keep")
    (in_tmp / ICS).symlink_to("elsewhere.ics")
    assert invoke("--force").exit_code == 0
    assert not (in_tmp / ICS).is_symlink()
    assert (in_tmp / "elsewhere.ics").read_bytes() == b"keep"


@pytest.mark.parametrize(
    ("extra", "code", "line"),
    [
        (["-o", "."], 1, "Error: . is a folder; give a file name, e.g. followup.ics"),
        (["-o", ".", "--split"], 1, "Error: . is a folder; give a file name, e.g. followup.ics"),
        (["-o", "/"], 1, "Error: / is a folder; give a file name, e.g. /followup.ics"),
        (["-o", ".."], 1, "Error: .. is a folder; give a file name, e.g. ../followup.ics"),
        (
            ["-o", "out/"],
            1,
            "Error: out/ is a folder; give a file name, e.g. out/followup.ics",
        ),
        (
            ["-o", "a" * 252 + ".ics"],
            1,
            "Error: cannot write " + "a" * 60 + "…" + "a" * 26 + ".ics: the name is 256 bytes "
            "long, over the limit of 255; pick a shorter name",
        ),
        (
            ["-o", "~nosuchuser/plan.ics"],
            2,
            "Error: Invalid value for '--output': '~nosuchuser/plan.ics' cannot be expanded: "
            "there is no user 'nosuchuser'",
        ),
        (
            ["--output-dir", "~nosuchuser"],
            2,
            "Error: Invalid value for '--output-dir': '~nosuchuser' cannot be expanded: "
            "there is no user 'nosuchuser'",
        ),
        (
            ["--links", "html", "--page", "~nosuchuser/p.html"],
            2,
            "Error: Invalid value for '--page': '~nosuchuser/p.html' cannot be expanded: "
            "there is no user 'nosuchuser'",
        ),
    ],
)
def test_paths_that_cannot_be_written_get_one_line(extra: list[str], code: int, line: str) -> None:
    assert_refused(invoke(*extra), code, line, {})


def test_a_legal_name_just_under_the_limit_is_written(in_tmp: Path) -> None:
    name = "a" * 251 + ".ics"
    assert invoke("-o", name).exit_code == 0
    assert snapshot(in_tmp).keys() == {name}


def test_tilde_expands_in_output(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(in_tmp))
    assert invoke("-o", "~/plan.ics").exit_code == 0
    assert (in_tmp / "plan.ics").is_file()


@pytest.mark.parametrize(
    ("name", "href"),
    [
        ("plan #2?.ics", "plan%20%232%3F.ics"),
        ("a:b.ics", "a%3Ab.ics"),
        ("Söhne & co.ics", "S%C3%B6hne%20%26%20co.ics"),
        ("\udcff.ics", "%FF.ics"),
    ],
)
def test_the_page_links_its_calendar_percent_encoded(in_tmp: Path, name: str, href: str) -> None:
    assert invoke("-o", name, "--links", "html").exit_code == 0
    page = next(in_tmp.glob("*.html")).read_text(encoding="utf-8")
    assert f'<a href="{href}" download>' in page


def test_a_page_elsewhere_links_the_calendar_by_its_relative_path(in_tmp: Path) -> None:
    (in_tmp / "pages").mkdir()
    result = invoke("-o", "my plan.ics", "--links", "html", "--page", "pages/p.html")
    assert result.exit_code == 0, result.output
    page = (in_tmp / "pages" / "p.html").read_text(encoding="utf-8")
    assert '<a href="../my%20plan.ics" download>' in page


def test_a_failing_stdout_in_file_mode_leaves_nothing(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import icsfollow.cli.console as console

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(console.click, "echo", full)
    result = CliRunner().invoke(cli, ARGS, catch_exceptions=False)
    assert result.exit_code == 1
    assert snapshot(in_tmp) == {}


def test_split_over_a_file_of_the_folder_name(in_tmp: Path) -> None:
    (in_tmp / FOLDER).write_bytes(b"mine")
    before = snapshot(in_tmp)
    line = f"Error: {FOLDER} is a file, not a folder; pick another name"
    assert_refused(invoke("--split", "--force"), 1, line, before)
