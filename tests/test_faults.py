"""Fault injection on a real process: full disks, size limits, closed and broken streams,
signals mid-write, unreadable configs, terminals that cannot encode.

Each case checks the exit code, exactly one line on stderr, no traceback, no temporary or
backup file left, and every file that was there before unchanged.
"""

from __future__ import annotations

import fcntl
import os
import random
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from filesystem import leftovers, snapshot

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="Linux conditions: /dev/full, pipe sizes, tmpfs"
)
SCRIPT = str(Path(sys.executable).with_name("icsfollow"))
ARGS = ["plan", "2026-05-12 11:00", "--context", "direct", "--tz", "America/New_York"]
ARGS += ["--company", "Acme", "--interviewer", "Dana Lee <dana@acme.example>"]
ARGS += ["--now", "2026-05-12T15:00:00Z", "--name", "Joe Smith"]
ICS = "followup-acme-2026-05-12.ics"
PAGE = "followup-acme-2026-05-12.html"
Disk = Callable[[int], tuple[Path, dict[str, object]]]
NO_SPACE = "No space left on device"
F_SETPIPE_SZ = 1031  # Linux: fcntl.F_SETPIPE_SZ from Python 3.10 on some builds only


class Run:
    """A finished child process and the folder it ran in."""

    def __init__(self, done: subprocess.CompletedProcess[bytes], folder: Path) -> None:
        self.code = done.returncode
        self.stdout = done.stdout or b""
        self.stderr = (done.stderr or b"").decode("utf-8", "replace")
        self.folder = folder

    def assert_failed(self, code: int, line: str, before: dict[str, object]) -> None:
        assert self.code == code, self.stderr
        assert "Traceback" not in self.stderr
        assert self.stderr.splitlines() == [line]
        assert leftovers(self.folder) == []
        assert snapshot(self.folder) == before


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("ICSFOLLOW_")}
    config = {"ICSFOLLOW_CONFIG": "/nonexistent/config.toml", "NO_COLOR": "1"}
    data = {"ICSFOLLOW_DATA_DIR": os.environ["ICSFOLLOW_DATA_DIR"]}  # the test's, never the user's
    return {**base, **config, **data, **extra}


def run(folder: Path, *extra: str, **popen: object) -> Run:
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    popen.setdefault("env", env())
    done = subprocess.run(
        [SCRIPT, *ARGS, *extra],
        cwd=folder,
        timeout=60,
        check=False,
        **popen,  # type: ignore[call-overload]
    )
    return Run(done, folder)


def seed(folder: Path) -> dict[str, object]:
    """Files that must survive every failed run untouched."""
    (folder / "keep.ics").write_bytes(b"precious")
    (folder / "plans").mkdir()
    (folder / "plans" / "01-old.ics").write_bytes(b"old event")
    return snapshot(folder)


# -- a full disk --------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], tuple[Path, dict[str, object]]]]:
    """A 256 KiB tmpfs. The callable seeds it, fills it to leave that many bytes free,
    and returns it with its snapshot."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=700", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip() or 'not root'}")

    def leave(free: int) -> tuple[Path, dict[str, object]]:
        seed(disk)
        status = os.statvfs(disk)
        available = status.f_bavail * status.f_frsize
        (disk / "filler").write_bytes(b"\0" * (available - free))
        return disk, snapshot(disk)

    try:
        yield leave
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_full_disk_refuses_the_calendar_and_keeps_what_was_there(
    small_disk: Disk,
) -> None:
    disk, before = small_disk(4096)
    result = run(disk, "-o", "keep.ics", "--force")
    result.assert_failed(1, "Error: cannot write keep.ics: No space left on device", before)


def test_full_disk_for_the_page_leaves_no_calendar_either(
    small_disk: Disk,
) -> None:
    disk, before = small_disk(12288)  # room for the .ics (2 pages), not for the page (4)
    result = run(disk, "--links", "html")
    result.assert_failed(1, f"Error: cannot write {PAGE}: No space left on device", before)


def test_full_disk_keeps_the_old_split_folder(small_disk: Disk) -> None:
    disk, before = small_disk(8192)
    result = run(disk, "-o", "plans.ics", "--split", "--force")
    assert result.code == 1
    assert result.stderr.startswith("Error: cannot write plans: No space left on device")
    result.assert_failed(1, result.stderr.strip(), before)


def test_full_disk_behind_stdout_fails_the_run(small_disk: Disk) -> None:
    disk, _ = small_disk(4096)
    with open(disk / "plan.ics", "wb") as target:
        result = run(disk, "-o", "-", stdout=target)
    assert result.code == 1
    assert result.stderr.splitlines() == [
        "Error: could not write the calendar to standard output: No space left on device"
    ]


def test_a_write_that_fails_part_way_is_never_success(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no tmpfs can be mounted: a patched write that stops after 4,096 bytes."""
    from click.testing import CliRunner

    from icsfollow.cli import cli

    real_write = os.write

    def short_then_full(descriptor: int, data: bytes) -> int:
        if len(data) > 4096:
            return real_write(descriptor, bytes(data[:4096]))
        raise OSError(28, "No space left on device")

    monkeypatch.chdir(tmp_path)
    before = seed(tmp_path)
    monkeypatch.setattr(os, "write", short_then_full)
    result = CliRunner().invoke(cli, [*ARGS, "--links", "html"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {ICS}: No space left on device\n"
    assert snapshot(tmp_path) == before


# -- a file size limit (ulimit -f) ------------------------------------------------------


def limit_files_to(size: int) -> Callable[[], None]:
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def test_ulimit_f_refuses_the_file(tmp_path: Path) -> None:
    before = seed(tmp_path)
    result = run(tmp_path, "-o", "keep.ics", "--force", preexec_fn=limit_files_to(2048))
    result.assert_failed(1, "Error: cannot write keep.ics: File too large", before)


def test_ulimit_f_behind_stdout_fails_the_run(tmp_path: Path) -> None:
    with open(tmp_path / "plan.ics", "wb") as target:
        result = run(tmp_path, "-o", "-", stdout=target, preexec_fn=limit_files_to(2048))
    assert result.code == 1
    assert result.stderr.splitlines() == [
        "Error: could not write the calendar to standard output: File too large"
    ]


# -- /dev/full, closed and broken streams ---------------------------------------------


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        (
            ["-o", "-"],
            "Error: could not write the calendar to standard output: No space left on device",
        ),
        ([], "Error: could not write to standard output: No space left on device"),
        (["--dry-run"], "Error: could not write to standard output: No space left on device"),
        (["--links", "html"], "Error: could not write to standard output: No space left on device"),
    ],
)
def test_dev_full_as_stdout(tmp_path: Path, extra: list[str], line: str) -> None:
    before = seed(tmp_path)
    with open("/dev/full", "wb") as full:
        result = run(tmp_path, *extra, stdout=full)
    result.assert_failed(1, line, before)


def close(*descriptors: int) -> Callable[[], None]:
    return lambda: [os.close(descriptor) for descriptor in descriptors] and None


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        (["-o", "-"], "Error: could not write the calendar to standard output: it is closed"),
        ([], "Error: could not write to standard output: it is closed"),
        (["--split"], "Error: could not write to standard output: it is closed"),
    ],
)
def test_closed_stdout(tmp_path: Path, extra: list[str], line: str) -> None:
    before = seed(tmp_path)
    result = run(tmp_path, *extra, preexec_fn=close(1))
    result.assert_failed(1, line, before)


def test_closed_stderr_loses_only_the_human_text(tmp_path: Path) -> None:
    result = run(tmp_path, "-o", "-", preexec_fn=close(2))
    assert result.code == 0
    assert result.stdout.endswith(b"END:VCALENDAR\r\n")
    assert snapshot(tmp_path) == {}


def test_closed_stderr_still_gives_the_exit_code(tmp_path: Path) -> None:
    before = seed(tmp_path)
    result = run(tmp_path, "-o", "keep.ics", preexec_fn=close(2))
    assert (result.code, result.stdout) == (1, b"")
    assert snapshot(tmp_path) == before


def test_closed_stdout_and_stderr(tmp_path: Path) -> None:
    result = run(tmp_path, preexec_fn=close(1, 2))
    assert result.code == 1
    assert snapshot(tmp_path) == {}


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        (["-o", "-"], "Error: could not write the calendar to standard output: Broken pipe"),
        ([], "Error: could not write to standard output: Broken pipe"),
    ],
)
def test_broken_pipe(tmp_path: Path, extra: list[str], line: str) -> None:
    before = seed(tmp_path)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = run(tmp_path, *extra, stdout=write_end)
    finally:
        os.close(write_end)
    result.assert_failed(1, line, before)


# -- signals mid-write -------------------------------------------------------------------


def start_blocked(folder: Path, *extra: str) -> tuple[subprocess.Popen[bytes], int]:
    """Start a run whose stdout is a one-page pipe nobody reads: it blocks mid-write."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, F_SETPIPE_SZ, 4096)
    child = subprocess.Popen(
        [SCRIPT, *ARGS, *extra], cwd=folder, stdout=write_end, stderr=subprocess.PIPE, env=env()
    )
    os.close(write_end)
    return child, read_end


def wait_for(path: Path) -> None:
    deadline = time.monotonic() + 30
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.01)
    time.sleep(0.2)  # now blocked on the pipe


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize(
    ("extra", "placed"),
    [
        (["-o", "-", "--links", "html", "--page", "keep.ics", "--force"], None),
        (["--links", "--split", "-o", "plans.ics", "--force"], "plans/01-thank-you-email.ics"),
    ],
)
def test_a_signal_mid_write_undoes_the_run(
    tmp_path: Path, name: str, extra: list[str], placed: str | None
) -> None:
    before = seed(tmp_path)
    child, read_end = start_blocked(tmp_path, *extra)
    try:
        if placed is None:
            deadline = time.monotonic() + 30
            while (tmp_path / "keep.ics").read_bytes() == b"precious":
                assert time.monotonic() < deadline
                time.sleep(0.01)
            time.sleep(0.2)
        else:
            wait_for(tmp_path / placed)
        number = getattr(signal, name)
        child.send_signal(number)
        stderr = child.communicate(timeout=30)[1].decode()
    finally:
        os.close(read_end)
    assert child.returncode == 128 + number
    assert stderr.splitlines() == [f"Error: stopped by {name}"]
    assert leftovers(tmp_path) == []
    assert snapshot(tmp_path) == before


def test_sigterm_at_any_moment_gives_one_outcome(tmp_path: Path) -> None:
    """SIGTERM at random moments of real runs: all outputs, or the folder as it was."""
    generator = random.Random(10)
    for attempt in range(8):
        folder = tmp_path / f"run{attempt}"
        folder.mkdir()
        before = seed(folder)
        child = subprocess.Popen(
            [SCRIPT, *ARGS, "--links", "html", "--split", "-o", "plans.ics", "--force"],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env(),
        )
        time.sleep(generator.uniform(0.05, 0.6))
        child.send_signal(signal.SIGTERM)
        stderr = child.communicate(timeout=30)[1].decode()
        assert "Traceback" not in stderr
        assert leftovers(folder) == []
        after = snapshot(folder)
        if child.returncode == 0:
            assert "plans.html" in after and "plans/01-thank-you-email.ics" in after
        else:
            assert child.returncode in (128 + signal.SIGTERM, -signal.SIGTERM), stderr
            assert after == before


# -- the config file ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: os.mkfifo(path), "is not a regular file"),
        (lambda path: os.symlink("/dev/zero", path), "is not a regular file"),
        (lambda path: path.mkdir(), "is not a regular file"),
        (lambda path: path.write_bytes(b"#" * (1024 * 1024 + 1)), "is larger than 1 MiB"),
    ],
    ids=["fifo", "dev-zero", "folder", "too-big"],
)
def test_a_config_that_is_not_a_small_file(
    tmp_path: Path, make: Callable[[Path], object], reason: str
) -> None:
    config = tmp_path / "config.toml"
    make(config)
    before = snapshot(tmp_path)
    result = run(tmp_path, env=env(ICSFOLLOW_CONFIG=str(config)))
    assert result.code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for 'config': '{config}' {reason}"
    )
    assert snapshot(tmp_path) == before


def test_a_config_of_exactly_1_mib_is_read(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_bytes(b'name = "Joe"\n' + b"#" * (1024 * 1024 - 14) + b"\n")
    result = run(tmp_path, "-o", "-", env=env(ICSFOLLOW_CONFIG=str(config)))
    assert result.code == 0, result.stderr


# -- terminals that cannot encode ------------------------------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_an_unencodable_terminal_degrades_the_text_never_the_calendar(
    tmp_path: Path, encoding: str
) -> None:
    company = ["--company", "Acmé 漢字 Ω"]
    result = run(tmp_path, *company, "-o", "-", env=env(PYTHONIOENCODING=encoding))
    assert result.code == 0, result.stderr
    assert "漢字".encode() in result.stdout.replace(b"\r\n ", b"")
    assert "Follow-up for Acm" in result.stderr and "?" in result.stderr
    result = run(tmp_path, *company, env=env(PYTHONIOENCODING=encoding))
    assert result.code == 0, result.stderr
    assert "Acm" in result.stdout.decode(encoding)
    assert "漢字".encode() in (tmp_path / "followup-acme-2026-05-12.ics").read_bytes().replace(
        b"\r\n ", b""
    )


def test_an_unencodable_error_line_is_still_one_line(tmp_path: Path) -> None:
    (tmp_path / "漢.ics").write_bytes(b"mine")
    before = snapshot(tmp_path)
    result = run(tmp_path, "-o", "漢.ics", env=env(PYTHONIOENCODING="latin-1"))
    result.assert_failed(1, "Error: ?.ics already exists; use --force to replace it", before)


# -- home folders ---------------------------------------------------------------------------


def test_home_unset_and_no_password_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As for a service user without a home: HOME unset, no password entry (faked)."""
    import pwd

    from click.testing import CliRunner

    from icsfollow.cli import cli

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    result = CliRunner().invoke(cli, [*ARGS, "--output-dir", "~/plans"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--output-dir': '~/plans' cannot be expanded: HOME is not set"
    )
    monkeypatch.setenv("ICSFOLLOW_CONFIG", "")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    result = CliRunner().invoke(cli, [*ARGS, "-o", "-"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for 'config': '~/.config/icsfollow/config.toml' cannot be "
        "expanded: HOME is not set"
    )
    assert snapshot(tmp_path) == {}


def test_home_unset_falls_back_to_the_password_entry(tmp_path: Path) -> None:
    no_home = {k: v for k, v in env().items() if k != "HOME"}
    result = run(tmp_path, "-o", "-", env=no_home)
    assert result.code == 0, result.stderr


@pytest.mark.parametrize("command", [["plan", "--help"], ["rules"], ["config", "path"]])
def test_other_commands_on_dev_full(tmp_path: Path, command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [SCRIPT, *command],
            cwd=tmp_path,
            stdout=full,
            capture_output=False,
            stderr=subprocess.PIPE,
            env=env(),
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        f"Error: could not write to standard output: {NO_SPACE}"
    ]


def test_stdout_redirected_into_a_file_the_run_replaces(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(b"")
    before = snapshot(tmp_path)
    with open(tmp_path / "p.html", "ab") as page:
        result = run(
            tmp_path, "-o", "-", "--links", "html", "--page", "p.html", "--force", stdout=page
        )
    line = "Error: could not write the calendar to standard output: it is p.html, which this run "
    result.assert_failed(1, line + "replaces", before)


def test_a_config_path_with_an_unknown_user(tmp_path: Path) -> None:
    result = run(tmp_path, "-o", "-", env=env(ICSFOLLOW_CONFIG="~nosuchuser/config.toml"))
    assert result.code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for 'ICSFOLLOW_CONFIG': '~nosuchuser/config.toml' cannot be "
        "expanded: there is no user 'nosuchuser'"
    )


STOP_IN_A_CALLBACK = """
import os, signal, sys, time, weakref
import click
from icsfollow.cli.process import run

class Thing:
    pass

@click.command()
def command():
    thing = Thing()

    def callback(ref):  # Python cannot raise out of a weakref callback
        os.kill(os.getpid(), signal.SIG{name})
        for _ in range(100000):
            pass

    ref = weakref.ref(thing, callback)
    del thing
    time.sleep(2)
    print("not stopped")

run(lambda: command([]))
"""


@pytest.mark.parametrize(("name", "code"), [("TERM", 128 + signal.SIGTERM), ("INT", 1)])
def test_a_signal_inside_a_callback_still_stops_the_run(name: str, code: int) -> None:
    """A stop raised where it cannot propagate (an import's lock clean-up is one such
    place) is raised again a moment later, not printed as ignored and lost."""
    program = STOP_IN_A_CALLBACK.replace("{name}", name)
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=30, env=env()
    )
    assert "not stopped" not in done.stdout
    assert "Exception ignored" not in done.stderr, done.stderr
    assert done.returncode == code, done.stderr
