"""Time ``icsfollow plan`` as a fresh process against its own third-party imports.

Run it with an interpreter that has pip (the checkout's venv)::

    python benchmarks/bench_plan.py [--runs N] [--check] [--as-is] [--editable]

It runs plan the way users do: from a wheel of this checkout installed into a fresh
venv (``--editable``: from the calling interpreter instead), writing a real file
with the record on (a data folder in a temporary XDG_DATA_HOME, found through
platformdirs). It first runs one real plan and records every third-party module (submodules
included) the run leaves in ``sys.modules``. Then it alternates three fresh
processes, ``--runs`` times each:

* plan:    ``icsfollow plan ...`` (the console script's code, through ``-c``),
* imports: ``python -c "import a; import a.b; ..."`` with exactly those modules,
  after turning the garbage collector off as the console script does,
* bare:    ``python -c pass``.

It prints the medians, the median of the per-round ratios plan/imports and
plan/bare, and PASS or FAIL for each target. Exit status 0, unless ``--check``
is given and a target fails.

Bytecode: unless ``--as-is``, the children run with ``PYTHONDONTWRITEBYTECODE``
removed and ``PYTHONPYCACHEPREFIX`` set to a temporary folder, warmed before
timing, so that every command reads compiled bytecode as an installed package
would (and the checkout gets no ``__pycache__``). ``--as-is`` keeps the caller's
environment, e.g. to see the cost of compiling the package's sources each run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

RATIO_TARGET = 1.15
BARE_TARGET = 8.0
WARMUP_ROUNDS = 3
SYSCONFIG_DATA = "_sysconfigdata_"  # the standard library's, named per platform
ROOT = Path(__file__).resolve().parent.parent
PLAN_ARGS = (
    "plan",
    "2026-11-24 14:00",
    "--context",
    "direct",
    "--tz",
    "America/New_York",
    "--name",
    "Joe Smith",
    "--company",
    "Acme",
    "--interviewer",
    "Dana Lee <dana@acme.example>",
    "--now",
    "2026-11-24T20:00:00Z",
    "--force",
    "-o",
)
RUN_CLI = "from icsfollow.script import main; main()"  # what the console script runs
# icsfollow.script.prepare_process turns the cyclic garbage collector off before any
# library is imported; the imports command does the same first, so that both commands
# import the same libraries under the same collector setting.
IMPORTS_PREAMBLE = "import gc; gc.disable()"
DUMP_MODULES = """
import json, sys
path = sys.argv.pop()
from icsfollow.script import main
try:
    main()
except SystemExit as exit:
    if exit.code not in (None, 0):
        raise

def executed(module):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    return not origin.endswith(".py") or "__builtins__" in vars(module)

with open(path, "w", encoding="utf-8") as out:
    json.dump([(name, executed(module)) for name, module in sys.modules.items()], out)
"""
UNEXECUTED = """import importlib.util, sys
def unexecuted(name):
    sys.modules[name] = importlib.util.module_from_spec(importlib.util.find_spec(name))
"""
STARTUP_MODULES = "import json, sys; print(json.dumps(list(sys.modules)))"


def main(argv: Sequence[str] | None = None) -> int:
    """Discover the plan's imports, time the three commands, print the verdict."""
    options = _parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="icsfollow-bench-") as scratch:
        env = _child_env(Path(scratch), as_is=options.as_is)
        python = sys.executable if options.editable else wheel_python(Path(scratch))
        plan_args = [*PLAN_ARGS, str(Path(scratch) / "followup.ics")]
        modules = third_party_modules(python, plan_args, env, Path(scratch))
        commands = {
            "plan": [python, "-c", RUN_CLI, *plan_args],
            "imports": [python, "-c", imports_only_code(modules)],
            "bare": [python, "-c", "pass"],
        }
        _describe(python, modules, env, options.runs)
        times = time_rounds(commands, env, options.runs)
    passed = _report(times)
    return 1 if options.check and not passed else 0


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each command")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument(
        "--as-is", action="store_true", help="keep the environment's bytecode settings"
    )
    parser.add_argument(
        "--editable", action="store_true", help="run the calling interpreter's install"
    )
    options = parser.parse_args(argv)
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    return options


def wheel_python(scratch: Path) -> str:
    """Build a wheel of this checkout, install it into a fresh venv; return its python."""
    wheels = scratch / "wheels"
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)], {}
    )
    venv = scratch / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], {})
    python = str(venv / "bin" / "python")
    _run([python, "-m", "pip", "install", "-q", *map(str, wheels.glob("*.whl"))], {})
    return python


def _child_env(scratch: Path, as_is: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ICSFOLLOW_")}
    env["XDG_DATA_HOME"] = str(scratch / "data")
    env["ICSFOLLOW_CONFIG"] = str(scratch / "none.toml")
    if not as_is:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    return env


def third_party_modules(
    python: str, plan_args: list[str], env: dict[str, str], scratch: Path
) -> list[tuple[str, bool]]:
    """Return, in import order, the third-party modules a plan run has in ``sys.modules``.

    Each comes with whether the run executed its code (exec leaves ``__builtins__``
    in a module's namespace) or only created it, unexecuted: a package whose
    ``__init__`` icsfollow skips to import one of its submodules.
    Third-party: not the standard library, not icsfollow, and not something the
    bare interpreter already has at startup (site hooks, the editable finder).
    """
    dump = scratch / "modules.json"
    _run([python, "-c", DUMP_MODULES, *plan_args, str(dump)], env)
    loaded = json.loads(dump.read_text(encoding="utf-8"))
    startup = set(json.loads(_run([python, "-c", STARTUP_MODULES], env)))
    return [(name, ran) for name, ran in loaded if _is_third_party(name, startup)]


def _is_third_party(name: str, startup: set[str]) -> bool:
    top = name.partition(".")[0]
    ours = top == "icsfollow" or top.startswith("__")
    stdlib = top in sys.stdlib_module_names or top.startswith(SYSCONFIG_DATA)
    return not (ours or stdlib or top in startup)


def imports_only_code(modules: Sequence[tuple[str, bool]]) -> str:
    """The ``-c`` program that loads the same modules, in order, and does nothing else.

    An executed module is imported; an unexecuted one is created from its spec and
    put in ``sys.modules`` unexecuted, as in the plan run, so that importing its
    submodules runs the same code as there. It first sets the garbage collector as
    the console script does (``IMPORTS_PREAMBLE``).
    """
    lines = [
        f"import {name}" if executed else f"unexecuted({name!r})" for name, executed in modules
    ]
    if not all(executed for _, executed in modules):
        lines.insert(0, UNEXECUTED)
    return "\n".join([IMPORTS_PREAMBLE, *lines])


def time_rounds(
    commands: dict[str, list[str]], env: dict[str, str], runs: int
) -> dict[str, list[float]]:
    """Run the commands in turn, ``runs`` times each after a warm-up; return seconds."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(WARMUP_ROUNDS + runs):
        for name in _rotated(list(commands), round_number):
            elapsed = _time_once(commands[name], env)
            if round_number >= WARMUP_ROUNDS:
                times[name].append(elapsed)
    return times


def _rotated(names: list[str], shift: int) -> list[str]:
    shift %= len(names)
    return names[shift:] + names[:shift]


def _run(command: list[str], env: dict[str, str]) -> str:
    """Run a command; return its output, or exit with its error output."""
    result = subprocess.run(command, env=env or None, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"exit {result.returncode}: {_shown(command)}\n{result.stderr}")
    return result.stdout


def _time_once(command: list[str], env: dict[str, str]) -> float:
    out = subprocess.DEVNULL
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=out, stderr=out, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"exit {result.returncode} while timing: {_shown(command)}")
    return elapsed


def _shown(command: list[str]) -> str:
    return " ".join(part if len(part) < 40 else part[:37] + "..." for part in command)


def _describe(
    python: str, modules: Sequence[tuple[str, bool]], env: dict[str, str], runs: int
) -> None:
    tops = sorted({name.partition(".")[0] for name, _ in modules})
    countries = [name for name, _ in modules if name.startswith("holidays.countries.")]
    unexecuted = [name for name, executed in modules if not executed]
    cache = env.get("PYTHONPYCACHEPREFIX", "as the environment has it")
    print(f"python:     {python} ({sys.version.split()[0]})")
    print(f"bytecode:   {'not written' if 'PYTHONDONTWRITEBYTECODE' in env else cache}")
    print(f"imports:    {len(modules)} third-party modules from {', '.join(tops)}")
    print(f"countries:  {len(countries)} holidays.countries modules")
    print(f"unexecuted: {', '.join(unexecuted) or 'none'} (created, not run, as in the plan)")
    print(f"runs:       {runs} of each (after {WARMUP_ROUNDS} warm-up rounds)")


def _report(times: dict[str, list[float]]) -> bool:
    for name, values in times.items():
        print(f"{name + ':':<11} median {statistics.median(values) * 1000:7.1f} ms")
    over_imports = _median_ratio(times["plan"], times["imports"])
    over_bare = _median_ratio(times["plan"], times["bare"])
    verdicts = (
        _verdict("plan/imports", over_imports, RATIO_TARGET),
        _verdict("plan/bare", over_bare, BARE_TARGET),
    )
    return all(verdicts)


def _median_ratio(numerators: list[float], denominators: list[float]) -> float:
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))


def _verdict(label: str, ratio: float, target: float) -> bool:
    passed = ratio <= target
    print(f"{label + ':':<13} {ratio:5.2f}  (target <= {target:g})  {'PASS' if passed else 'FAIL'}")
    return passed


if __name__ == "__main__":
    sys.exit(main())
