"""Time ``icsfollow list`` over 1,000 recorded interviews against ``icsfollow --version``.

Run it with the interpreter icsfollow is installed in::

    python benchmarks/bench_list.py [--runs N] [--interviews N] [--check]

It fills a record in a temporary data folder with ``--interviews`` interviews (planned
through the library, as ``plan`` records them; a few seconds), then alternates two fresh
processes ``--runs`` times each, after three warm-up rounds:

* list:    ``icsfollow list`` (the console script's code, through ``-c``),
* version: ``icsfollow --version`` (the same start-up: click and every command).

It prints the medians and the median of the per-round ratios list/version, and PASS or
FAIL against the target (<= 1.3). Exit status 0, unless ``--check`` is given and it fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

RATIO_TARGET = 1.3
WARMUP_ROUNDS = 3
RUN_CLI = "from icsfollow.script import main; main()"  # what the console script runs
NOW = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
COMPANIES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka")


def fill_record(count: int) -> None:
    """Record ``count`` interviews, spread over the weeks around now, in one transaction
    (so that list, run as users run it, without --now, finds steps ahead)."""
    from icsfollow.api import make_plan
    from icsfollow.inputs.options import PlanOptions
    from icsfollow.store.db import open_record
    from icsfollow.store.record import record_plan

    with open_record() as db:
        for number in range(count):
            day = NOW + timedelta(days=number % 60 - 30, hours=number % 5)
            options = PlanOptions(
                when=day.strftime("%Y-%m-%d %H:00"),
                context=("direct", "agency")[number % 2],
                tz="Europe/London",
                company=f"{COMPANIES[number % len(COMPANIES)]} {number}",
                recruiter="Sam Ortiz <sam@staffing.example>" if number % 2 else None,
                interviewers=("Dana Lee <dana@acme.example>",),
            )
            plan = make_plan(options, day + timedelta(hours=1)).plan
            record_plan(db, plan, options._asdict(), day + timedelta(hours=1), new=True)


def main() -> int:
    """Fill a record, time the two commands, print the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each command")
    parser.add_argument("--interviews", type=int, default=1000, help="interviews to record")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target fails")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="icsfollow-bench-list-") as scratch:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ICSFOLLOW_")}
        # Compiled bytecode, as an installed package reads it (see bench_plan.py).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")
        env.update(ICSFOLLOW_CONFIG=str(Path(scratch) / "none.toml"))
        env.update(XDG_DATA_HOME=str(Path(scratch) / "data"))
        os.environ.update(env)
        fill_record(options.interviews)
        commands = {
            "list": [sys.executable, "-c", RUN_CLI, "list"],
            "version": [sys.executable, "-c", RUN_CLI, "--version"],
        }
        shown = subprocess.run(commands["list"], env=env, capture_output=True, text=True)
        print(f"list:       {len(shown.stdout.splitlines()) - 1} interviews listed")
        times = _time_rounds(commands, env, options.runs)
    for name, values in times.items():
        print(f"{name + ':':<11} median {statistics.median(values) * 1000:7.1f} ms")
    ratio = statistics.median(a / b for a, b in zip(times["list"], times["version"], strict=True))
    passed = ratio <= RATIO_TARGET
    print(
        f"list/version: {ratio:5.2f}  (target <= {RATIO_TARGET:g})  {'PASS' if passed else 'FAIL'}"
    )
    return 1 if options.check and not passed else 0


def _time_rounds(
    commands: dict[str, list[str]], env: dict[str, str], runs: int
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(WARMUP_ROUNDS + runs):
        names = list(commands)[round_number % 2 :] + list(commands)[: round_number % 2]
        for name in names:
            start = time.perf_counter()
            done = subprocess.run(commands[name], env=env, capture_output=True, check=False)
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                sys.exit(f"exit {done.returncode}: {name}\n{done.stderr.decode()}")
            if round_number >= WARMUP_ROUNDS:
                times[name].append(elapsed)
    return times


if __name__ == "__main__":
    sys.exit(main())
