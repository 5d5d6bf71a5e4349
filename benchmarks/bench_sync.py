"""Requests and time per ``icsfollow sync`` against a local Radicale.

Records 50 interviews, syncs them, then measures: a sync with nothing changed, a sync
after one changed step, and one after a rescheduled interview. Requests are counted by
the tests' loopback proxy (tests/caldav_servers.py); each sync runs as a fresh process,
as users run it. With ``--check``, exit 1 unless a no-change sync makes no request and a
one-step change makes exactly one write.

    .venv/bin/python benchmarks/bench_sync.py [--interviews 50] [--check]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from caldav_servers import PASSWORD, USER, CountingProxy, Radicale  # noqa: E402

COMPANIES = [f"Company{number:02d}" for number in range(100)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=50)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        return run(Path(folder), arguments.interviews, arguments.check)


def run(folder: Path, interviews: int, check: bool) -> int:
    server = Radicale(folder / "radicale")
    server.folder.mkdir()
    server.start()
    proxy = CountingProxy(server)
    try:
        env = environment(folder, proxy.url)
        for number in range(interviews):
            plan(env, COMPANIES[number], folder)
        rows = [
            measure("first sync", env, proxy),
            measure("nothing changed", env, proxy),
        ]
        withdraw_one_step(env)
        rows.append(measure("one step changed", env, proxy))
        reschedule(env, COMPANIES[0])
        rows.append(measure("one interview moved", env, proxy))
    finally:
        proxy.close()
        server.stop()
    print(f"{interviews} recorded interviews, Radicale on loopback")
    print(f"{'sync':<22}{'requests':>9}{'writes':>8}{'reads':>7}{'seconds':>9}")
    for name, total, writes, seconds in rows:
        print(f"{name:<22}{total:>9}{writes:>8}{total - writes:>7}{seconds:>9.3f}")
    ok = rows[1][1] == 0 and rows[2][2] == 1
    print(
        "targets: no request when nothing changed, one write for one step:", "ok" if ok else "FAIL"
    )
    return 0 if ok or not check else 1


def environment(folder: Path, url: str) -> dict[str, str]:
    config = folder / "config.toml"
    config.write_text(f'[caldav]\nurl = "{url}"\nusername = "{USER}"\n', encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("ICSFOLLOW_")}
    return {
        **env,
        "ICSFOLLOW_CONFIG": str(config),
        "ICSFOLLOW_DATA_DIR": str(folder / "data"),
        "ICSFOLLOW_CALDAV_PASSWORD": PASSWORD,
        "TZ": "UTC",
    }


def icsfollow(env: dict[str, str], *args: str, cwd: Path | None = None) -> None:
    command = [sys.executable, "-m", "icsfollow", *args]
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"icsfollow {' '.join(args)} failed: {done.stderr}")


def plan(env: dict[str, str], company: str, folder: Path) -> None:
    icsfollow(
        env, "plan", "2026-05-12 11:00", "--context", "direct", "--tz", "America/New_York",
        "--company", company, "--now", "2026-05-12T16:05:00Z", "-o", str(folder / "plan.ics"),
        "--force",
    )  # fmt: skip


def reschedule(env: dict[str, str], company: str) -> None:
    when = ("2026-05-12 13:00", "--now", "2026-05-12T16:05:00Z")
    icsfollow(env, "reschedule", company, *when, cwd=Path(env["ICSFOLLOW_DATA_DIR"]))


def withdraw_one_step(env: dict[str, str]) -> None:
    """One step changes: the record withdraws it (as close does), nothing else."""
    from datetime import datetime, timezone

    os.environ["ICSFOLLOW_DATA_DIR"] = env["ICSFOLLOW_DATA_DIR"]
    from icsfollow.store.db import open_record
    from icsfollow.store.record import interview_steps, withdraw_step

    with open_record() as db:
        interview_id = db.execute("SELECT id FROM interviews ORDER BY id LIMIT 1").fetchone()[0]
        step = interview_steps(db, interview_id)[-1]
        withdraw_step(db, step, datetime(2026, 5, 12, 17, tzinfo=timezone.utc))


def measure(name: str, env: dict[str, str], proxy: CountingProxy) -> tuple[str, int, int, float]:
    proxy.reset()
    started = time.perf_counter()
    icsfollow(env, "sync")
    seconds = time.perf_counter() - started
    return name, len(proxy.requests), len(proxy.writes), seconds


if __name__ == "__main__":
    raise SystemExit(main())
