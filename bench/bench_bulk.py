#!/usr/bin/env python3
"""Bulk assignment against the sandbox Pod, all figures measured in the same run.

1. Apply time for N recordings with the default concurrency (the ``bulk_concurrency``
   setting, 4) against one at a time, on two sets of N fresh recordings (goal: >= 3x). The
   two are measured in alternating rounds, so a machine busy with something else for a
   while slows both alike. This is done twice on fresh sets: straight to the sandbox over
   loopback, and through :class:`latency_proxy.LatencyProxy`, which adds ``--latency-ms``
   (30 ms, a university network's round trip) to every request/response exchange. The goal
   is judged on the second: on loopback the sandbox (Python processes sharing the
   machine's cores with the client) is bound by CPU, so there is no waiting for
   concurrency to overlap, whereas a real Pod is reached over a network.
   The sandbox runs one server process per request in flight (``--workers 4``, the default
   concurrency): a real Pod serves from several worker processes (Pod's ``pod_uwsgi.ini``
   starts uWSGI with ``processes = 10``), while one sandbox process runs its request threads
   one at a time (Python's GIL) and keeps every kept-alive connection it accepted, which
   would measure that limit of the stand-in rather than the client's concurrency (with two
   processes, two of the four connections queued behind each: 2.99-3.47x in five runs;
   3.48-3.58x in three with four; ``bench_refresh.py`` reasons the same for its page readers).
2. A real interruption: ``recmanager bulk-assign --apply`` runs in a subprocess and is
   SIGKILLed once a third of its rows are done; the same command is run again. Then Pod is
   asked how many recordings and videos each file produced (goal: 0 duplicates, all N
   assigned, none left unclaimed).

``python bench/bench_bulk.py [--count N] [--full] [--latency-ms MS]``: N defaults to 100 so
the run stays within a few minutes; ``--full`` is the figure that matters, 500 recordings per set.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import exit_code, judge  # noqa: E402
from latency_proxy import LatencyProxy  # noqa: E402

from recmanager.bulk.rules import read_rules  # noqa: E402
from recmanager.bulk.run import BulkRun  # noqa: E402
from recmanager.config import Paths  # noqa: E402
from recmanager.context import AppContext  # noqa: E402
from recmanager.sandbox.profile import sandbox_profile  # noqa: E402
from recmanager.sandbox.samples import FALSE_START  # noqa: E402
from recmanager.secrets import SecretKind  # noqa: E402

OWNERS = ("admin", "manager1", "teacher1", "teacher2", "bulk00", "bulk02", "bulk04", "bulk06",
          "bulk08", "bulk10", "bulk12")
FOLDER = "amphiA"  # Amphi A: manual claim
LOOPBACK = ("one", "many")  # serial set, concurrent set; straight to the sandbox
NETWORK = ("netone", "netmany")  # the same, through the latency proxy
WORKERS = 4  # sandbox server processes: one per request in flight (see above)


def start_sandbox(workdir: Path, workers: int = WORKERS) -> tuple[subprocess.Popen, dict]:
    data = workdir / "sandbox"
    process = subprocess.Popen(
        [sys.executable, "-m", "recmanager.sandbox.server", "--data", str(data), "--port", "0",
         "--no-cron", "--test-hooks", "--no-growing-upload", "--workers", str(workers),
         "--samples", str(workdir / "samples")],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=(workdir / "sandbox.log").open("w"),
        start_new_session=True,
    )
    state_file = data / "sandbox.json"
    deadline = time.monotonic() + 120
    while not state_file.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the sandbox did not start; see {workdir / 'sandbox.log'}")
        time.sleep(0.2)
    return process, json.loads(state_file.read_text(encoding="utf-8"))


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(10)


def deposit(state: dict, prefix: str, count: int, sample: bytes) -> None:
    """``count`` recordings in Amphi A, uploaded an hour ago; Pod's two cron passes then
    make them claimable."""
    folder = Path(state["deposit_root"]) / FOLDER
    an_hour_ago = time.time() - 3600
    for number in range(count):
        path = folder / f"{prefix}-{number:04d}-o{number % len(OWNERS)}.mp4"
        path.write_bytes(sample)
        os.utime(path, (an_hour_ago, an_hour_ago))
    for _ in range(2):
        requests.post(state["base_url"] + "__sandbox__/cron/", timeout=600).raise_for_status()


def rules_file(path: Path, prefix: str) -> Path:
    lines = ["recorder;pattern;owner;title"]
    lines += [f"Amphi A;{prefix}-*-o{k}.mp4;{owner};{{stem}}" for k, owner in enumerate(OWNERS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def timed_rounds(context: AppContext, profile, workdir: Path, sets: tuple[str, str],
                 jobs: int, rounds: int) -> dict[int, tuple[float, int, int]]:
    """Seconds, done and failed per concurrency, one round of each in turn (order flipped
    every round); planning is not timed. ``sets`` names the serial set, then the
    concurrent one."""
    totals = {1: [0.0, 0, 0], jobs: [0.0, 0, 0]}
    with BulkRun.open(context, profile) as run:
        plans = {
            prefix: run.plan_rules(read_rules(rules_file(workdir / f"{prefix}.csv",
                                                              prefix)))
            for prefix in sets
        }
        for number in range(rounds):
            order = [(sets[0], 1), (sets[1], jobs)]
            for prefix, workers in order if number % 2 == 0 else reversed(order):
                plan = plans[prefix]
                for row in plan.rows:
                    row.excluded = not (row.filename.startswith(prefix + "-") and int(
                        row.filename.split("-")[1]) % rounds == number)
                started = time.perf_counter()
                result = run.apply(plan, jobs=workers)
                total = totals[workers]
                total[0] += time.perf_counter() - started
                total[1] += result.done
                total[2] += result.failed
    return {workers: (seconds, done, failed) for workers, (seconds, done, failed)
            in totals.items()}


def report_rounds(measured: dict[int, tuple[float, int, int]], jobs: int) -> None:
    for workers, (seconds, done, failed) in measured.items():
        label = "one at a time" if workers == 1 else f"concurrency {workers}"
        print(f"  {label + ':':18} {seconds:7.2f} s  ({done} done, {failed} failed, "
              f"{done / seconds:.2f} recordings/s)")


def cli_environment(state: dict, home: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RECMANAGER_")}
    environment.update(
        RECMANAGER_POD_URL=state["base_url"], RECMANAGER_POD_TOKEN=state["tokens"]["admin"],
        RECMANAGER_POD_ALLOW_HTTP="1",  # the sandbox speaks plain HTTP on 127.0.0.1
        XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"), XDG_STATE_HOME=str(home / "state"),
    )
    return environment


def done_rows(database: Path) -> int:
    if not database.exists():
        return 0
    connection = sqlite3.connect(database, timeout=5)
    try:
        return connection.execute(
            "SELECT count(*) FROM bulk_rows WHERE status = 'done'").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        connection.close()


def killed_then_rerun(state: dict, rules: Path, home: Path, count: int) -> tuple[int, int]:
    """SIGKILL the command once a third is done, then run it again; (done at kill, exit)."""
    command = [sys.executable, "-m", "recmanager", "bulk-assign", str(rules), "--apply",
               "--exclude", "unmatched"]
    environment = cli_environment(state, home)
    database = home / "data" / "recmanager" / "recmanager.db"
    home.mkdir(parents=True, exist_ok=True)
    log = home / "first-run.log"
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 1800
    while done_rows(database) < count // 3:
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("the first run ended before it could be interrupted:\n"
                             + log.read_text(errors="replace")[-3000:])
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    at_kill = done_rows(database)
    rerun = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True,
                           timeout=3600, check=False)
    if rerun.returncode:
        print(rerun.stdout[-2000:] + rerun.stderr[-2000:])
    return at_kill, rerun.returncode


def pod_pages(state: dict, path: str) -> list[dict]:
    headers = {"Authorization": f"Token {state['tokens']['admin']}"}
    url: str | None = state["base_url"] + path
    items: list[dict] = []
    while url:
        page = requests.get(url, headers=headers, timeout=60).json()
        items += page["results"]
        url = page["next"]
    return items


def audit_pod(state: dict, prefix: str, count: int) -> dict[str, int]:
    """What Pod holds for the set: recordings and videos per file, rows still unclaimed."""
    recordings = Counter(
        Path(item["source_file"]).name for item in pod_pages(state, "rest/recording/")
        if Path(item["source_file"]).name.startswith(prefix + "-"))
    videos = Counter(item["title"] for item in pod_pages(state, "rest/videos/")
                     if item["title"].startswith(prefix + "-"))
    left = sum(1 for item in pod_pages(state, "rest/recordingfiletreatment/")
               if Path(item["file"]).name.startswith(prefix + "-"))
    return {
        "files": count,
        "assigned": len(recordings),
        "duplicate_recordings": sum(n - 1 for n in recordings.values()),
        "duplicate_videos": sum(n - 1 for n in videos.values()),
        "videos": len(videos),
        "still_unclaimed": left,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="recordings per set (100)")
    parser.add_argument("--full", action="store_true", help="500 recordings per set")
    parser.add_argument("--latency-ms", type=float, default=30.0,
                        help="round trip added by the proxy to each request/response (30)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    count = 500 if args.full else args.count
    workdir = Path(tempfile.mkdtemp(prefix="bench-bulk-"))
    home = workdir / "home"
    paths = Paths(home / "data" / "recmanager", home / "config" / "recmanager",
                  home / "state" / "recmanager", home / "cache" / "recmanager")
    context = AppContext.open(paths)
    process, state = start_sandbox(workdir)
    try:
        profile = sandbox_profile(state, name="bench", username="admin")
        context.secrets.set_for_session("bench", SecretKind.POD_TOKEN, state["tokens"]["admin"])
        # The seed's smallest recording (40 s): thousands of copies stay small.
        sample = (Path(state["deposit_root"]) / FALSE_START).read_bytes()
        jobs = int(context.settings.get("bulk_concurrency"))
        print(f"sandbox at {state['base_url']} ({WORKERS} processes); {count} recordings per "
              f"set; default concurrency {jobs}")
        began = time.perf_counter()
        for prefix in (*LOOPBACK, *NETWORK, "kill"):
            deposit(state, prefix, count, sample)
        print(f"deposited 5 x {count} recordings, two cron passes each: "
              f"{time.perf_counter() - began:.1f} s")

        print("loopback, straight to the sandbox:")
        loopback = timed_rounds(context, profile, workdir, LOOPBACK, jobs, rounds=4)
        report_rounds(loopback, jobs)
        with LatencyProxy(urlsplit(state["base_url"]).port, args.latency_ms) as proxy:
            proxied = sandbox_profile({**state, "base_url": f"http://127.0.0.1:{proxy.port}/"},
                                      name="bench", username="admin")
            print(f"through the latency proxy (+{args.latency_ms:g} ms per request/response "
                  f"round trip: {args.latency_ms / 2:g} ms as a request starts, "
                  f"{args.latency_ms / 2:g} ms as its response starts):")
            network = timed_rounds(context, proxied, workdir, NETWORK, jobs, rounds=4)
            report_rounds(network, jobs)
        loopback_ratio = loopback[1][0] / loopback[jobs][0]
        network_ratio = network[1][0] / network[jobs][0]
        print(f"speed-up on loopback: {loopback_ratio:.2f}x (not judged: the sandbox is "
              f"{WORKERS} Python processes on {os.cpu_count()} cores shared with the client, so "
              "it is CPU-bound and there is no waiting for concurrency to overlap)")
        judge(f"speed-up with {args.latency_ms:g} ms network latency", network_ratio, 3,
              at_most=False)

        at_kill, rerun_code = killed_then_rerun(
            state, rules_file(workdir / "kill.csv", "kill"), home / "cli", count)
        held = audit_pod(state, "kill", count)
        print(f"interrupted run: SIGKILL after {at_kill} of {count} rows done; re-run exit "
              f"code {rerun_code}")
        print(f"  Pod holds {held['assigned']} of {held['files']} files claimed, "
              f"{held['still_unclaimed']} still unclaimed, {held['videos']} videos")
        print(f"  duplicates: {held['duplicate_recordings']} recordings, "
              f"{held['duplicate_videos']} videos")
        duplicates = held["duplicate_recordings"] + held["duplicate_videos"]
        for prefix in (*LOOPBACK, *NETWORK):
            other = audit_pod(state, prefix, count)
            duplicates += other["duplicate_recordings"] + other["duplicate_videos"]
            print(f"set {prefix!r}: {other['assigned']} assigned, "
                  f"{other['duplicate_recordings']} duplicate recordings, "
                  f"{other['duplicate_videos']} duplicate videos, "
                  f"{other['still_unclaimed']} still unclaimed")
        judge("duplicate recordings and videos, every set", duplicates, 0, at_most=True,
              unit="", digits=0)
        judge("files claimed after the interrupted run and its re-run", held["assigned"],
              count, at_most=False, unit="", digits=0)
        judge("files still unclaimed after the re-run", held["still_unclaimed"], 0,
              at_most=True, unit="", digits=0)
    finally:
        context.close()
        stop(process)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"work folder kept: {workdir}")
    return exit_code()


if __name__ == "__main__":
    raise SystemExit(main())
