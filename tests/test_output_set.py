"""OutputSet, the library piece: all outputs in place, or the folder exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from filesystem import leftovers, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icsfollow.errors import OutputError
from icsfollow.output import OutputSet
from icsfollow.output.transaction import TEMP_PREFIX


def write_atomically(path: Path, data: bytes, force: bool = False) -> None:
    """One file through an OutputSet of its own."""
    with OutputSet() as outputs:
        outputs.add_file(path, data, force=force)
        outputs.place()


def write_folder(folder: Path, files: list[tuple[str, bytes]], force: bool = False) -> None:
    """One folder through an OutputSet of its own."""
    with OutputSet() as outputs:
        outputs.add_folder(folder, files, force=force)
        outputs.place()


class Boom(Exception):
    """A failure after the files are in place (e.g. a database commit)."""


def test_all_outputs_appear_together(tmp_path: Path) -> None:
    with OutputSet() as outputs:
        outputs.add_file(tmp_path / "a.ics", b"A")
        outputs.add_folder(tmp_path / "b", [("01.ics", b"B1"), ("02.ics", b"B2")])
        assert outputs.place() == [tmp_path / "a.ics", tmp_path / "b"]
    assert snapshot(tmp_path) == {
        "a.ics": ("file", b"A"),
        "b": ("folder", b""),
        "b/01.ics": ("file", b"B1"),
        "b/02.ics": ("file", b"B2"),
    }
    assert os.stat(tmp_path / "a.ics").st_mode & 0o777 == 0o600


def test_a_failure_after_placing_puts_everything_back(tmp_path: Path) -> None:
    (tmp_path / "old.ics").write_bytes(b"old")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "01-old.ics").write_bytes(b"old event")
    (tmp_path / "link.ics").symlink_to("old.ics")
    before = snapshot(tmp_path)
    with pytest.raises(Boom), OutputSet() as outputs:
        outputs.add_file(tmp_path / "old.ics", b"new", force=True)
        outputs.add_folder(tmp_path / "folder", [("01-new.ics", b"new")], force=True)
        outputs.add_file(tmp_path / "link.ics", b"new", force=True)
        outputs.add_file(tmp_path / "fresh.ics", b"new")
        outputs.place()
        assert (tmp_path / "old.ics").read_bytes() == b"new"
        assert not (tmp_path / "link.ics").is_symlink()
        raise Boom
    assert snapshot(tmp_path) == before


def test_force_swaps_the_whole_folder_and_drops_the_old_one(tmp_path: Path) -> None:
    write_folder(tmp_path / "plan", [("01-a.ics", b"a"), ("02-b.ics", b"b")])
    write_folder(tmp_path / "plan", [("01-c.ics", b"c")], force=True)
    assert snapshot(tmp_path) == {"plan": ("folder", b""), "plan/01-c.ics": ("file", b"c")}


def test_a_refused_output_means_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "taken.html").write_bytes(b"mine")
    before = snapshot(tmp_path)
    refused = pytest.raises(OutputError, match=r"taken.html already exists; use --force")
    with refused, OutputSet() as outputs:
        outputs.add_file(tmp_path / "plan.ics", b"A")
        outputs.add_file(tmp_path / "taken.html", b"B")
        outputs.place()
    assert snapshot(tmp_path) == before


def test_a_closed_stream_refuses_the_set_before_any_write(tmp_path: Path) -> None:
    refused = pytest.raises(OutputError, match="could not write the calendar to standard output")
    with refused, OutputSet() as outputs:
        outputs.add_file(tmp_path / "page.html", b"page")
        outputs.add_stream(None, b"calendar")
        outputs.place()
    assert snapshot(tmp_path) == {}


def test_a_failing_stream_undoes_the_files(tmp_path: Path) -> None:
    read_only = open(os.devnull, "rb")  # noqa: SIM115 - closed below
    with read_only, pytest.raises(OutputError) as error, OutputSet() as outputs:
        outputs.add_file(tmp_path / "page.html", b"page")
        outputs.add_stream(read_only, b"calendar")  # type: ignore[arg-type]
        outputs.place()
    assert str(error.value).startswith("could not write the calendar to standard output: ")
    assert snapshot(tmp_path) == {}


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        (["a.ics", "./a.ics"], "two outputs of this run would both be"),
        (["sub/../a.ics", "a.ics"], "two outputs of this run would both be"),
        (["plan/", "plan/page.html"], "is inside a folder this run replaces"),
    ],
)
def test_one_place_is_never_written_twice(tmp_path: Path, paths: list[str], message: str) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan" / "01.ics").write_bytes(b"old")
    before = snapshot(tmp_path)
    with pytest.raises(OutputError, match=message), OutputSet() as outputs:
        for path in paths:
            if path.endswith("/"):
                outputs.add_folder(tmp_path / path, [("01.ics", b"new")], force=True)
            else:
                outputs.add_file(tmp_path / path, b"new", force=True)
        outputs.place()
    assert snapshot(tmp_path) == before


def test_temporary_names_are_short_so_a_long_legal_name_still_works(tmp_path: Path) -> None:
    name = "a" * 251 + ".ics"
    write_atomically(tmp_path / name, b"x")
    assert snapshot(tmp_path) == {name: ("file", b"x")}


def test_ctrl_c_while_staging_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "old.ics").write_bytes(b"old")
    real_fsync = os.fsync
    calls = []

    def interrupted(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt), OutputSet() as outputs:
        outputs.add_file(tmp_path / "old.ics", b"new", force=True)
        outputs.add_file(tmp_path / "page.html", b"page")
        outputs.place()
    assert snapshot(tmp_path) == {"old.ics": ("file", b"old")}


KINDS = ["none", "file", "link", "folder", "folder-other", "fifo", "dangling"]


def make(path: Path, kind: str) -> None:
    if kind == "file":
        path.write_bytes(b"before")
    elif kind == "link":
        (path.parent / "target").write_bytes(b"target")
        path.symlink_to("target")
    elif kind in ("folder", "folder-other"):
        path.mkdir()
        (path / ("01-old.ics" if kind == "folder" else "notes.txt")).write_bytes(b"old")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dangling":
        path.symlink_to("nowhere")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    targets=st.lists(
        st.tuples(st.sampled_from(KINDS), st.booleans(), st.booleans()), min_size=1, max_size=3
    ),
    fail_at=st.one_of(st.none(), st.integers(0, 12)),
)
def test_either_every_output_or_the_folder_as_it_was(
    tmp_path_factory: pytest.TempPathFactory,
    targets: list[tuple[str, bool, bool]],
    fail_at: int | None,
) -> None:
    """Random targets (existing or not, files or folders, forced or not), and a failure
    injected at a random file-system call: never a mix, never a leftover."""
    folder = tmp_path_factory.mktemp("outputs")
    for number, (kind, _, _) in enumerate(targets):
        make(folder / f"out{number}", kind)
    before = snapshot(folder)
    calls = [0]

    def count(real):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[0] += 1
            if calls[0] == fail_at:
                raise OSError(28, "No space left on device")
            return real(*args, **kwargs)

        return wrapper

    names = ("open", "write", "fsync", "link", "rename", "replace", "mkdir")
    patch = pytest.MonkeyPatch()
    for name in names:
        patch.setattr(os, name, count(getattr(os, name)))
    try:
        with OutputSet() as outputs:
            for number, (_, is_folder, force) in enumerate(targets):
                path = folder / f"out{number}"
                if is_folder:
                    outputs.add_folder(path, [("01-new.ics", b"new")], force=force)
                else:
                    outputs.add_file(path, b"new", force=force)
            outputs.place()
        placed = True
    except OutputError:
        placed = False
    finally:
        patch.undo()
    after = snapshot(folder)
    assert leftovers(folder) == []
    if not placed:
        assert after == before
        return
    for number, (_, is_folder, _) in enumerate(targets):
        name = f"out{number}"
        if is_folder:
            assert after[f"{name}/01-new.ics"] == ("file", b"new")
            assert [key for key in after if key.startswith(f"{name}/")] == [f"{name}/01-new.ics"]
        else:
            assert after[name] == ("file", b"new")
    assert all(not key.startswith(TEMP_PREFIX) for key in after)


def test_missing_folders_are_made_and_undone_with_the_rest(tmp_path: Path) -> None:
    (tmp_path / "taken.ics").write_bytes(b"mine")
    with pytest.raises(Boom), OutputSet() as outputs:
        outputs.add_file(tmp_path / "a" / "b" / "config.toml", b"x", parents=True)
        outputs.place()
        assert (tmp_path / "a" / "b" / "config.toml").read_bytes() == b"x"
        assert os.stat(tmp_path / "a").st_mode & 0o777 == 0o700
        raise Boom
    assert snapshot(tmp_path) == {"taken.ics": ("file", b"mine")}
    with OutputSet() as outputs:
        outputs.add_file(tmp_path / "a" / "b" / "config.toml", b"x", parents=True)
        outputs.place()
    assert (tmp_path / "a" / "b" / "config.toml").read_bytes() == b"x"
    with pytest.raises(OutputError, match=r"taken\.ics is not a folder"):
        write_atomically(tmp_path / "taken.ics" / "x.toml", b"x")
