"""What the benchmarks share: timing, peak memory, ratio lines, and a real sshd to measure on.

Each benchmark measures recmanager and its reference in the same run, on the same machine,
and judges each figure against its goal with :func:`judge`, so a figure never depends on
another day's numbers; it exits with :func:`exit_code`, non-zero when a goal failed.
"""

from __future__ import annotations

import json
import math
import os
import random
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


def resampled_spread(figure: Callable[..., float], *samples: list[float],
                     resamples: int = 2000) -> tuple[float, float]:
    """How precise ``figure(*samples)`` is: the 5th and 95th percentiles of the figure over
    ``resamples`` resamplings of the samples (each drawn with replacement, a fixed seed)."""
    draw = random.Random(17)
    figures = sorted(figure(*(draw.choices(sample, k=len(sample)) for sample in samples))
                     for _ in range(resamples))
    return figures[resamples // 20], figures[resamples - resamples // 20 - 1]


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


PIECE_MINUTES = 5


def lecture_piece() -> Path:
    """Five minutes of 1280x720 noisy test pattern at 3 Mb/s + AAC 128k: the bytes per frame
    of a filmed lecture, so a file of a given size holds as many samples as a real one."""
    from recmanager.media import ffmpeg_executable

    piece = CACHE / "lecture-5min-720p.mp4"
    if piece.exists():
        return piece
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = piece.with_suffix(".partial.mp4")
    subprocess.run(
        [
            ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25,noise=alls=25:allf=t",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", str(PIECE_MINUTES * 60), "-c:v", "libx264", "-preset", "ultrafast",
            "-b:v", "3M", "-maxrate", "3M", "-bufsize", "6M", "-g", "50", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", str(partial),
        ],
        check=True,
    )
    partial.rename(piece)
    return piece


def lecture(minutes: int) -> Path:
    """``minutes`` of lecture: the piece concatenated, or cut, with ``-c copy`` (made once,
    cached); 90 minutes make about 2.1 GB, as a real lecture recorded at 3 Mb/s."""
    from recmanager.media import ffmpeg_executable

    piece = lecture_piece()
    if minutes == PIECE_MINUTES:
        return piece
    target = CACHE / f"lecture-{minutes}min-720p.mp4"
    if target.exists():
        return target
    repeats = math.ceil(minutes / PIECE_MINUTES)
    listing = CACHE / f"concat-{repeats}.txt"
    listing.write_text(f"file '{piece.name}'\n" * repeats)
    partial = target.with_suffix(".partial.mp4")
    subprocess.run(
        [
            ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y", "-f", "concat",
            "-safe", "0", "-i", str(listing), "-t", str(minutes * 60), "-c", "copy",
            "-movflags", "+faststart",
            str(partial),
        ],
        check=True,
    )
    listing.unlink()
    partial.rename(target)
    return target


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


def openssh_options(server: object, known_hosts: Path, port: int | None = None) -> list[str]:
    """Options for OpenSSH's own ``sftp`` client against ``server`` (or a delay line in front
    of it on ``port``), key auth, batch mode."""
    port = port or server.port  # type: ignore[attr-defined]
    return [
        "-q", "-P", str(port), "-i", str(server.client_keys["ed25519"]),  # type: ignore[attr-defined]
        "-o", f"UserKnownHostsFile={known_hosts}", "-o", "BatchMode=yes",
        "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=yes",
    ]


def run_openssh_sftp(server: object, known_hosts: Path, batch: str | None = None,
                     remote: str = "", local: str = "", port: int | None = None) -> None:
    """Run ``sftp`` once: a batch file (``-b``) or a single ``get remote local``."""
    target = f"{server.user}@{server.host}"  # type: ignore[attr-defined]
    command = ["sftp", *openssh_options(server, known_hosts, port)]
    if batch is not None:
        command += ["-b", "-", target]
        subprocess.run(command, input=batch, text=True, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=3600)
    else:
        command += [f"{target}:{remote}", local]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=3600)


@contextmanager
def delay_line(port: int, round_trip_ms: float) -> Iterator[int]:
    """The port of a delay line (tests/fixtures/fault_proxy.py) in front of 127.0.0.1:``port``,
    in its own process so its threads do not share the measured process; ``port`` itself
    when ``round_trip_ms`` is 0 (plain loopback)."""
    if not round_trip_ms:
        yield port
        return
    line = subprocess.Popen(
        [sys.executable, "-m", "tests.fixtures.fault_proxy", str(port),
         "--round-trip-ms", str(round_trip_ms)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert line.stdout is not None
        yield int(line.stdout.readline())
    finally:
        assert line.stdin is not None
        line.stdin.close()
        line.wait(timeout=30)


def link_rate(round_trip_ms: float, size: int = 512 * 1024 * 1024) -> float:
    """Bytes per second one TCP stream carries through the same path as the transfers
    (loopback, or a delay line of ``round_trip_ms``): the physical floor of a transfer."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    received = [0]

    def sink() -> None:
        connection, _ = listener.accept()
        buffer = bytearray(1 << 20)
        with connection:
            while count := connection.recv_into(buffer):
                received[0] += count
            connection.sendall(b"done")

    thread = threading.Thread(target=sink, daemon=True)
    thread.start()
    block = bytes(1 << 20)
    with delay_line(listener.getsockname()[1], round_trip_ms) as port, \
            socket.create_connection(("127.0.0.1", port)) as stream:
        start = time.perf_counter()
        for _ in range(size // len(block)):
            stream.sendall(block)
        stream.shutdown(socket.SHUT_WR)
        stream.recv(16)
        elapsed = time.perf_counter() - start
    thread.join()
    listener.close()
    assert received[0] == size
    return size / elapsed


def floor_line(size: int, rate: float, measured_s: float) -> str:
    """``floor: 256 MB at 1.2 GB/s = 0.21 s; measured 1.90 s (9.0x the floor)``."""
    floor = size / rate
    return (f"physical floor: {human_bytes(size)} at {human_bytes(rate)}/s through the same "
            f"path = {floor:.2f} s; measured {measured_s:.2f} s ({measured_s / floor:.1f}x "
            "the floor)")


def random_file(path: Path, size: int) -> Path:
    """``size`` random (incompressible) bytes at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    block = 8 * 1024 * 1024
    with path.open("wb") as stream:
        left = size
        while left:
            stream.write(os.urandom(min(block, left)))
            left -= min(block, left)
    return path


def settle(path: Path) -> None:
    """``path`` read into the page cache and every dirty page written out: a measurement that
    follows starts from the same state as its reference, not behind another's write-back."""
    with path.open("rb") as stream:
        while stream.read(1 << 24):
            pass
    os.sync()


def fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def trust_port(server: object, known_hosts: Path, port: int) -> None:
    """Trust ``server``'s host key also at ``port`` (a delay line in front of it)."""
    key_type, blob = server.host_public_key.split()[:2]  # type: ignore[attr-defined]
    with known_hosts.open("a", encoding="utf-8") as stream:
        stream.write(f"[{server.host}]:{port} {key_type} {blob}\n")  # type: ignore[attr-defined]


def compare_transfer(label: str, works: dict[str, Callable[[], object]], size: int,
                     round_trip: int, repeats: int, goal: float, held: dict[str, int]) -> None:
    """Time the reference (first of ``works``) and recmanager (second) taking turns, print
    their rates, the window recmanager sized and the memory it may hold (``held``:
    round_trip_us, window, peak, memory) and the physical floor, and judge recmanager's
    throughput against ``goal`` x the reference's."""
    where = f"{round_trip} ms round trip" if round_trip else "loopback"
    print(f"\n-- {where} ({load()})")
    times = interleaved(works, repeats)
    medians = {name: statistics.median(runs) for name, runs in times.items()}
    for name, runs in times.items():
        print(f"  {name:22} {size / medians[name] / 1e6:7.1f} MB/s  "
              f"({medians[name]:.2f} s; runs {[round(r, 2) for r in runs]})")
    print(f"  recmanager measured a round trip of {held['round_trip_us'] / 1000:.1f} ms: "
          f"window {human_bytes(held['window'])}, peak in flight {human_bytes(held['peak'])}; "
          f"memory the transfer may hold: {human_bytes(held['memory'])}; peak RSS of this "
          f"process so far {peak_rss_mb():.0f} MB")
    reference, ours = medians.values()
    print("  " + floor_line(size, link_rate(round_trip), ours))
    judge(f"{label}, {where} (throughput)", reference / ours, goal, at_most=False)


def load() -> str:
    return f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"


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
