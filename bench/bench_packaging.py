"""Packaging benchmark: a job's wall time against its backend's work run bare.

The bare work is Bento4's commands one after the other, or the FFmpeg backend's in-process pass
(PyAV's FFmpeg libraries, the same options) with nothing around it.

A lecture-like 720p file (testsrc2 + noise, x264 3 Mb/s + AAC 128k: a realistic bitrate, as
docs/bento4.md measured) is made once and cached in bench/.cache/. The default run uses 10 minutes
of it (about 240 MB); ``--full`` uses 90 minutes (about 2.1 GB). For each backend present
(FFmpeg always, Bento4 when found) it prints: the bare work's wall time, the job's wall time,
the median ratio of each job to the bare runs before and after it (goal ≤ 1.05), the job's
own work outside the FFmpeg pass in milliseconds (goal ≤ 50 ms: what the job adds at every
size), peak memory of the job process and of the tools, seconds per GB. The median is taken
over 15 jobs: one job's ratio spreads by a few per cent, and the median of 7 moved by ~0.015
from one run of the benchmark to the next, a third of the margin; its spread over
resamplings of the jobs is printed beside it.

Each measurement runs in a fresh Python process so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import exit_code, judge, lecture, resampled_spread, settle

KEY = "87237d20a19f58a740c05684e699b4aa"
KID = "a16e402b9056e371f36d348aa62bb749"


# --- measurements, each in its own process ----------------------------------------------------


def _peak_kb() -> tuple[int, int]:
    return (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )


def _cpu_seconds() -> float:
    """User + system time of this process and its finished children: steadier than wall
    time on a busy machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load_ffmpeg(backend: str) -> None:
    """FFmpeg's libraries (PyAV), loaded before either run's clock starts: the pass is what
    both runs time, and a process that packages loads them once."""
    if backend == "ffmpeg":
        import av  # noqa: F401


def bare_ffmpeg_pass(source: Path, manifest: Path, keys) -> None:
    """The FFmpeg backend's pass with nothing around it: the same FFmpeg libraries (PyAV's),
    the same DASH and CENC options, the same streams copied packet by packet; no probe,
    progress, cancel, checks or events.

    Not the ``ffmpeg`` command: that is another FFmpeg build (imageio's), whose threaded
    pipeline costs two to three times this pass on two cores, so a ratio against it would
    hide the job's own overhead.
    """
    import av

    from recmanager.packaging.ffmpeg import dash_options

    with av.open(str(source)) as input_file:
        streams = [input_file.streams.video[0], *input_file.streams.audio[:1]]
        with av.open(str(manifest), mode="w", format="dash",
                     options=dash_options(keys)) as target:
            copies = {stream.index: target.add_stream_from_template(stream)
                      for stream in streams}
            for packet in input_file.demux(streams):
                if packet.dts is None:  # the demuxer's end-of-stream marker
                    continue
                packet.stream = copies[packet.stream.index]
                target.mux(packet)


def measure_bare(backend: str, source: Path, work: Path, bento4_dir: str) -> dict[str, float]:
    """The backend's own commands, one after the other, with nothing around them."""
    from recmanager.packaging.bento4 import Bento4Backend
    from recmanager.packaging.keys import KeyPair

    keys = KeyPair(bytes.fromhex(KEY), bytes.fromhex(KID))
    load_ffmpeg(backend)
    cpu = _cpu_seconds()
    started = time.monotonic()
    if backend == "ffmpeg":
        out = work / "dash"
        out.mkdir()
        bare_ffmpeg_pass(source, out / "stream.mpd", keys)
    else:
        tools = Bento4Backend.locate(bento4_dir)
        video = next(t["id"] for t in json.loads(subprocess.run(
            tools.info_command(source), check=True, capture_output=True, text=True
        ).stdout)["tracks"] if t["type"] == "Video")
        frag, enc = work / "frag.mp4", work / "enc.mp4"
        subprocess.run(tools.fragment_command(source, frag), check=True, capture_output=True)
        subprocess.run(tools.encrypt_command(frag, enc, tracks=[video], key_hex=KEY,
                                             kid_hex=KID, scheme="cenc"),
                       check=True, capture_output=True)
        frag.unlink()
        subprocess.run(tools.dash_command(enc, work / "dash"), check=True, capture_output=True)
        enc.unlink()
    seconds = time.monotonic() - started
    own, children = _peak_kb()
    return {"seconds": seconds, "cpu": _cpu_seconds() - cpu, "python_peak_kb": own,
            "tools_peak_kb": children}


def measure_job(backend: str, source: Path, work: Path, bento4_dir: str) -> dict[str, float]:
    """The same work as a recmanager job: preflight, steps, checks, events, rename."""
    from recmanager.packaging import EventBus, KeyPair, PackageRequest, PackagingJob
    from recmanager.secrets import SecretStore
    from recmanager.store import Database

    db = Database(work / "bench.db")
    keys = KeyPair(bytes.fromhex(KEY), bytes.fromhex(KID))
    events: list[str] = []
    store = SecretStore()
    job = PackagingJob.create(
        db, store, PackageRequest(source, work / "out", backend=backend), keys,
        bus=EventBus([lambda event: events.append(event.event)]), bento4_dir=bento4_dir,
    )
    # When the job reached each status, from its own (forced) reports: the FFmpeg pass runs
    # from Ingested to Fragmented, so the rest of the job is the job's own work.
    reached: dict[str, float] = {}

    def note(progress) -> None:
        reached.setdefault(progress.status, time.monotonic())

    load_ffmpeg(backend)
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = _cpu_seconds()
    own_cpu = time.process_time()
    started = time.monotonic()
    record = job.run(note)
    seconds = time.monotonic() - started
    cpu = _cpu_seconds() - cpu
    own_cpu = time.process_time() - own_cpu
    assert record.status.value == "Ready", record.error
    own, children = _peak_kb()
    return {"seconds": seconds, "cpu": cpu, "python_cpu": own_cpu, "python_peak_kb": own,
            "python_baseline_kb": baseline_kb,
            "tools_peak_kb": children, "events": len(events),
            "pass_seconds": reached["Fragmented"] - reached["Ingested"]}


def _in_child(kind: str, backend: str, source: Path, bento4_dir: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory(dir=source.parent, prefix="run-") as work:
        result = subprocess.run(
            [sys.executable, __file__, "--measure", kind, "--backend", backend,
             "--bento4-dir", bento4_dir, str(source), work],
            check=True, capture_output=True, text=True,
        )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="90 minutes (≈ 2 GB) instead of 10")
    parser.add_argument("--minutes", type=int, help="another length, in minutes")
    parser.add_argument("--repeat", type=int, default=15,
                        help="job runs, each between two bare runs; the median ratio counts")
    parser.add_argument("--bento4-dir", default="", help="Bento4's folder (else PATH)")
    parser.add_argument("--measure", choices=("bare", "job"), help=argparse.SUPPRESS)
    parser.add_argument("--backend", default="ffmpeg", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure = measure_bare if args.measure == "bare" else measure_job
        print(json.dumps(measure(args.backend, Path(args.paths[0]), Path(args.paths[1]),
                                 args.bento4_dir)))
        return 0

    from recmanager.packaging.bento4 import find_bento4

    minutes = args.minutes or (90 if args.full else 10)
    source = lecture(minutes)
    size_gb = source.stat().st_size / 1e9
    print(f"input: {source.name}, {minutes} min 720p, {size_gb:.2f} GB "
          f"({'--full' if minutes == 90 else 'default size; --full for 90 min'})")
    backends = ["ffmpeg"] + (["bento4"] if find_bento4(args.bento4_dir) else [])
    if "bento4" not in backends:
        print("bento4: not found (PATH, --bento4-dir), skipped")
    for backend in backends:
        runs = {"bare": [], "job": []}
        settle(source)
        # Untimed: every run's output (thousands of segment files) is deleted as it ends, and
        # files created soon after such a deletion cost more (ext4 without a journal skips
        # inodes freed in the last minute). This run puts every timed run, the first one
        # too, behind the same deletion.
        _in_child("bare", backend, source, args.bento4_dir)
        # Bare, job, bare, job… bare: each job is compared with the mean of the bare runs
        # just before and just after it. The machine's speed drifts through a benchmark (the
        # bare pass went from 0.75 s to 1.29 s in one run here), and with pairs taking turns,
        # whichever ran second paid for the drift: ~5 %, as much as the goal's margin.
        runs["bare"].append(_in_child("bare", backend, source, args.bento4_dir))
        for _ in range(args.repeat):
            runs["job"].append(_in_child("job", backend, source, args.bento4_dir))
            runs["bare"].append(_in_child("bare", backend, source, args.bento4_dir))
        around = list(zip(runs["bare"][:-1], runs["job"], runs["bare"][1:], strict=True))
        pairs = [((before["seconds"] + after["seconds"]) / 2, job["seconds"])
                 for before, job, after in around]
        ratios = [job / bare for bare, job in pairs]
        ratio = statistics.median(ratios)
        overhead_ms = statistics.median(job - bare for bare, job in pairs) * 1000
        cpu_ratio = statistics.median(job["cpu"] * 2 / (before["cpu"] + after["cpu"])
                                      for before, job, after in around)
        bare = min(runs["bare"], key=lambda r: r["seconds"])
        job = min(runs["job"], key=lambda r: r["seconds"])
        print(
            f"{backend}: bare {bare['seconds']:.2f} s (best of {len(runs['bare'])}), job "
            f"{job['seconds']:.2f} s (best of {len(runs['job'])}), "
            f"{job['seconds'] / size_gb:.1f} s/GB; peak memory: job process "
            f"{job['python_peak_kb'] / 1024:.0f} MB "
            f"(bare run's Python {bare['python_peak_kb'] / 1024:.0f} MB), "
            f"tools {job['tools_peak_kb'] / 1024:.0f} MB; {job['events']:.0f} events"
        )
        print(f"{backend} each job / the bare runs around it: "
              + ", ".join(f"{j:.2f}/{b:.2f} s = {j / b:.3f}" for b, j in pairs)
              + f"; job − bare: {overhead_ms:+.0f} ms (median)")
        print(f"{backend} CPU time: bare {min(r['cpu'] for r in runs['bare']):.2f} s, job "
              f"{min(r['cpu'] for r in runs['job']):.2f} s (of which recmanager's own Python "
              f"{job['python_cpu']:.2f} s), ratio {cpu_ratio:.3f} (median)")
        low, high = resampled_spread(statistics.median, ratios)
        print(f"{backend} job / bare over resamplings of these jobs: between {low:.3f} and "
              f"{high:.3f} (5th to 95th percentile)")
        judge(f"{backend} job / bare (wall)", ratio, 1.05, at_most=True)
        if backend == "ffmpeg":
            own_ms = statistics.median(r["seconds"] - r["pass_seconds"]
                                       for r in runs["job"]) * 1000
            judge(f"{backend} job's own work outside its pass (ms, median of "
                  f"{len(runs['job'])})", own_ms, 50, at_most=True, unit=" ms", digits=0)
    return exit_code()


if __name__ == "__main__":
    raise SystemExit(main())
