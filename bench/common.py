"""What the benchmarks share: timing, peak memory, ratio lines, and a real sshd to measure on.

Each benchmark measures recmanager and its reference in the same run, on the same machine,
and judges each figure against its goal with :func:`judge`, so a figure never depends on
another day's numbers; it exits with :func:`exit_code`, non-zero when a goal failed.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    """The result of ``work()`` and the wall-clock seconds it took."""
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def median_time(work: Callable[[], object], repeats: int) -> tuple[float, list[float]]:
    """Median wall-clock seconds over ``repeats`` runs, and every run's time."""
    runs = [timed(work)[1] for _ in range(repeats)]
    return statistics.median(runs), runs


def interleaved(works: dict[str, Callable[[], object]], repeats: int) -> dict[str, list[float]]:
    """Every run's time per work, the works taking turns: a load spike hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(repeats):
        for name, work in works.items():
            times[name].append(timed(work)[1])
    return times


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


RESULTS_VARIABLE = "RECMANAGER_BENCH_RESULTS"
_verdicts: list[bool] = []


def judge(label: str, figure: float, goal: float, *, at_most: bool, unit: str = "x",
          digits: int = 2) -> bool:
    """Print ``label: 0.52x (goal <= 1.0x) PASS`` and count it in :func:`exit_code`.

    When ``RECMANAGER_BENCH_RESULTS`` names a file (``run_all.py`` sets it), the judged
    figure is appended there as a JSON line for the final table.
    """
    ok = figure <= goal if at_most else figure >= goal
    value = f"{figure:.{digits}f}{unit}"
    target = f"{'<=' if at_most else '>='} {goal:g}{unit}"
    print(f"{label}: {value} (goal {target}) {'PASS' if ok else 'FAIL'}", flush=True)
    _verdicts.append(ok)
    results = os.environ.get(RESULTS_VARIABLE)
    if results:
        with open(results, "a", encoding="utf-8") as stream:
            stream.write(json.dumps({"benchmark": Path(sys.argv[0]).stem, "figure": label,
                                     "value": value, "goal": target, "pass": ok}) + "\n")
    return ok


def inform(label: str, figure: float, *, unit: str = "x", digits: int = 2) -> None:
    """A figure printed for context, not judged."""
    print(f"{label}: {figure:.{digits}f}{unit} (for information, not judged)", flush=True)


def exit_code() -> int:
    """What a benchmark exits with: 1 when a goal it judged failed."""
    return 0 if all(_verdicts) else 1


def human_bytes(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} GB"


@contextmanager
def sshd_server() -> Iterator[object]:
    """The test suite's real OpenSSH sshd (127.0.0.1, generated keys), stopped afterwards."""
    from tests.fixtures.sshd import start_sshd, stop_sshd

    with tempfile.TemporaryDirectory(prefix="bench-sshd-") as folder:
        server = start_sshd(Path(folder) / "sshd")
        try:
            yield server
        finally:
            stop_sshd(server)


def openssh_options(server: object, known_hosts: Path) -> list[str]:
    """Options for OpenSSH's own ``sftp`` client against ``server``, key auth, batch mode."""
    return [
        "-q", "-P", str(server.port), "-i", str(server.client_keys["ed25519"]),  # type: ignore[attr-defined]
        "-o", f"UserKnownHostsFile={known_hosts}", "-o", "BatchMode=yes",
        "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=yes",
    ]


def run_openssh_sftp(server: object, known_hosts: Path, batch: str | None = None,
                     remote: str = "", local: str = "") -> None:
    """Run ``sftp`` once: a batch file (``-b``) or a single ``get remote local``."""
    target = f"{server.user}@{server.host}"  # type: ignore[attr-defined]
    command = ["sftp", *openssh_options(server, known_hosts)]
    if batch is not None:
        command += ["-b", "-", target]
        subprocess.run(command, input=batch, text=True, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=3600)
    else:
        command += [f"{target}:{remote}", local]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=3600)


def bench_context(folder: Path, server: object) -> object:
    """A recmanager context with its own config and data folders, trusting ``server``."""
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
    os.environ["XDG_STATE_HOME"] = str(folder / "state")
    from recmanager.config import Paths
    from recmanager.context import AppContext

    context = AppContext.open(Paths.default())
    server.trust(context.paths.known_hosts)  # type: ignore[attr-defined]
    return context
