"""The golden samples: regenerated from the commands in samples/README.md, byte for byte."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from icsfollow.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ICS_CHECK = ROOT.parent / "shared" / "tools" / "ics-check" / "ics-check"
ICS_CHECK_DEPS = Path(os.environ.get("ICS_CHECK_DEPS", Path.home() / ".cache" / "ics-check"))


def sample_commands() -> list[list[str]]:
    lines = (SAMPLES / "README.md").read_text(encoding="utf-8").splitlines()
    return [shlex.split(line[2:])[1:] for line in lines if line.startswith("$ icsfollow ")]


def test_readme_lists_every_sample() -> None:
    written = sorted(Path(args[args.index("-o") + 1]).name for args in sample_commands())
    assert written == sorted(path.name for path in SAMPLES.glob("*.ics"))
    assert len(written) == 2


@pytest.mark.parametrize("args", sample_commands(), ids=lambda args: args[args.index("-o") + 1])
def test_sample_regenerates_byte_for_byte(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "samples").mkdir()
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    target = args[args.index("-o") + 1]
    assert (tmp_path / target).read_bytes() == (ROOT / target).read_bytes()


@pytest.mark.skipif(not ICS_CHECK.exists(), reason="ics-check is not beside this checkout")
def test_samples_pass_the_strict_validator() -> None:
    if shutil.which("node") is None:
        pytest.skip("ics-check needs node")
    if not (ICS_CHECK_DEPS / "venv" / "bin" / "python").exists():
        pytest.skip("ics-check is not set up: run ../shared/tools/ics-check/setup.sh")
    samples = sorted(str(path) for path in SAMPLES.glob("*.ics"))
    done = subprocess.run(
        [str(ICS_CHECK), *samples], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 failed" in done.stdout
