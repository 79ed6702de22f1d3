#!/usr/bin/env python3
"""Inspection of a 2 GB, 90-minute, moov-at-end recording over SFTP, against the same file in
a mounted folder; then an inbox of 200 recordings inspected at bounded concurrency.

Measured in the same run, the two deposits taking turns (a load spike hits both alike):

- reference: the file through a mounted folder (``LocalDeposit``: plain local reads);
- SFTP: the same file through the real sshd (``SftpDeposit``'s ranged reads).

Goals: duration + first thumbnail over SFTP <= 1.5x local; the full inspection (contact
sheet, silence / black / frozen verdicts) <= 2x local, fetching <= 5 % of the file over
SFTP (read-ahead included: ``SftpDeposit.bytes_read``); 200 recordings (hard links to a
10-minute recording, each a file of its own to the deposit and the store) fully inspected
over SFTP, ``CONCURRENCY`` at a time, within :data:`INBOX_GOAL_S`, while the inbox filter
of the real main window still answers each keystroke within 50 ms (median).

The recording is 30 s of 480p lecture-like picture (a test pattern with grain, so the
encoder spends a recorder's bitrate) and speech-like noise at ~2.9 Mbit/s, repeated by
stream copy to 90 minutes: about 2 GB in a few seconds of encoding. The big files are
removed afterwards; only the 30-second piece stays in bench/.cache.

``python bench/bench_inspect.py [--repeats R] [--inbox N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from common import CACHE, bench_context, exit_code, human_bytes, inform, interleaved, judge
from common import sshd_server as sshd

from recmanager.deposit import open_deposit
from recmanager.deposit.local import LocalDeposit
from recmanager.inspection import CONCURRENCY, inspect, inspect_files
from recmanager.media import ffmpeg_executable
from recmanager.packaging import mp4

LECTURE_S = 90 * 60
INBOX_RECORDING_S = 10 * 60
# 200 recordings, CONCURRENCY at a time, on a two-core machine shared with other work.
INBOX_GOAL_S = 90.0


def piece() -> Path:
    """30 s of 854x480 with grain and speech-like noise at about 2.9 Mbit/s (2 GB / 90 min)."""
    path = CACHE / "inspect-piece-30s.mp4"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", "testsrc2=size=854x480:rate=25,noise=alls=14:allf=t",
         "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.1:sample_rate=48000",
         "-t", "30", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "2800k",
         "-maxrate", "2800k", "-bufsize", "2800k", "-pix_fmt", "yuv420p", "-g", "50",
         "-c:a", "aac", "-b:a", "128k", str(path)],
        check=True, timeout=1800)
    return path


def recording(destination: Path, seconds: int) -> Path:
    """``piece()`` repeated to ``seconds`` by stream copy, the moov written at the end."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y", "-stream_loop", "-1",
         "-i", str(piece()), "-t", str(seconds), "-c", "copy", str(destination)],
        check=True, timeout=1800)
    with destination.open("rb") as stream:
        boxes = mp4.top_level_boxes(stream, destination.stat().st_size)
    assert boxes[-1].type == b"moov", "the moov must be at the end"
    return destination


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--inbox", type=int, default=200, help="recordings in the inbox pass")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-inspect-", dir=CACHE) as work:
        root = Path(work) / "deposit"
        started = time.perf_counter()
        lecture = recording(root / "amphiA" / "lecture-90min.mp4", LECTURE_S)
        size = lecture.stat().st_size
        print(f"file: {human_bytes(size)}, 90 minutes, moov at the end, made in "
              f"{time.perf_counter() - started:.0f} s; median of {args.repeats} runs each "
              f"(duration + thumbnail: {3 * args.repeats}); "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
        server_path = f"{root}/amphiA/{lecture.name}"
        with sshd() as server:
            context = bench_context(Path(work), server)
            with LocalDeposit(str(root), str(root)) as local, \
                    open_deposit(server.profile(root), context) as remote:
                # A fraction of a second each: more runs, so one scheduling hiccup on a busy
                # machine does not decide the median.
                glance = interleaved({
                    "local": lambda: inspect(local, server_path, full=False),
                    "sftp": lambda: inspect(remote, server_path, full=False),
                }, 3 * args.repeats)
                fetched: list[int] = []

                def full_over_sftp() -> None:
                    before = remote.bytes_read
                    found = inspect(remote, server_path)
                    fetched.append(remote.bytes_read - before)
                    assert found.duration_s and found.sheet_png and not found.flags, found.flags

                full = interleaved({"local": lambda: inspect(local, server_path),
                                    "sftp": full_over_sftp}, args.repeats)
                report(glance, full, fetched, size)
                inbox_pass(root, remote, context, args.inbox)
            context.close()
    return exit_code()


def report(glance: dict[str, list[float]], full: dict[str, list[float]], fetched: list[int],
           size: int) -> None:
    for title, runs in (("duration + thumbnail", glance), ("full inspection", full)):
        for name, times in runs.items():
            print(f"  {title:22} {name:6} {statistics.median(times):6.3f} s  "
                  f"{[round(t, 3) for t in times]}")
    most = max(fetched)
    print(f"  fetched over SFTP per full inspection: at most {human_bytes(most)} "
          f"({100 * most / size:.2f} % of the file)", flush=True)
    judge("duration + first thumbnail, SFTP vs local",
          statistics.median(glance["sftp"]) / statistics.median(glance["local"]), 1.5,
          at_most=True)
    judge("full inspection, SFTP vs local",
          statistics.median(full["sftp"]) / statistics.median(full["local"]), 2.0, at_most=True)
    judge("bytes fetched by a full inspection, share of the file", 100 * most / size, 5,
          at_most=True, unit=" %")


def inbox_pass(root: Path, remote: object, context: object, count: int) -> None:
    """``count`` recordings (hard links: each its own file to the deposit) in one pass, while
    a person types in the real window's inbox filter."""
    folder = root / "amphiB"
    source = recording(root / "source" / "lecture-10min.mp4", INBOX_RECORDING_S)
    folder.mkdir()
    for number in range(count):
        os.link(source, folder / f"2026-11-{1 + number % 28:02d}-lecture-{number:03d}.mp4")
    files = remote.list_files("amphiB")  # type: ignore[attr-defined]
    before = remote.bytes_read  # type: ignore[attr-defined]
    outcome: dict[str, object] = {}

    def inspect_inbox() -> None:
        started = time.perf_counter()
        try:
            outcome["result"] = inspect_files(remote, context.db, "bench", files)  # type: ignore[attr-defined,arg-type]
        except BaseException as exc:  # noqa: BLE001 - raised again on the main thread
            outcome["error"] = exc
        outcome["seconds"] = time.perf_counter() - started

    keys = keystrokes_while(inspect_inbox, context, count)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    result, elapsed = outcome["result"], float(outcome["seconds"])  # type: ignore[arg-type]
    assert len(result.inspected) == count and not result.failed, result.failed  # type: ignore[attr-defined]
    fetched = remote.bytes_read - before  # type: ignore[attr-defined]
    print(f"  inbox of {count}: {elapsed:.1f} s at {CONCURRENCY} at a time "
          f"({elapsed / count:.2f} s each), {human_bytes(fetched)} fetched "
          f"({100 * fetched / (count * source.stat().st_size):.2f} % of the files)", flush=True)
    slow = sum(1 for seconds in keys if seconds > 0.05)
    print(f"  filter keystrokes meanwhile: median {statistics.median(keys) * 1000:.1f} ms, "
          f"95th percentile {statistics.quantiles(keys, n=20)[-1] * 1000:.1f} ms, worst "
          f"{max(keys) * 1000:.1f} ms; {slow} of {len(keys)} over 50 ms", flush=True)
    started = time.perf_counter()
    again = inspect_files(remote, context.db, "bench", files)  # type: ignore[attr-defined,arg-type]
    inform("the same inbox again (all from the store)", time.perf_counter() - started,
           unit=" s")
    assert len(again.known) == count and not again.inspected
    judge(f"inbox of {count} recordings fully inspected", elapsed, INBOX_GOAL_S, at_most=True,
          unit=" s", digits=1)
    judge("filter keystroke while the inbox is inspected, median", statistics.median(keys) * 1000,
          50, at_most=True, unit=" ms", digits=1)


def keystrokes_while(work: Callable[[], None], context: object, rows: int) -> list[float]:
    """Run ``work`` on a thread while typing into the real main window's inbox filter (as in
    bench_inbox.py), back and forth; the wall-clock time of each keystroke."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench_inbox import TYPED, make_rows
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from recmanager.ui.main_window import MainWindow
    from recmanager.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    window.show()
    window.inbox.show_rows(make_rows(rows))
    app.processEvents()
    window.inbox.filter_edit.setFocus()
    worker = threading.Thread(target=work, name="inspect-inbox")
    worker.start()
    keys: list[float] = []
    while worker.is_alive():
        for char in TYPED + "\b" * len(TYPED):
            started = time.perf_counter()
            QTest.keyClick(window.inbox.filter_edit, char)
            app.processEvents()
            keys.append(time.perf_counter() - started)
        time.sleep(0.2)  # a person pauses between words
    worker.join()
    window.close()
    return keys


if __name__ == "__main__":
    sys.exit(main())
