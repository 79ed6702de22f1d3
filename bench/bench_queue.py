#!/usr/bin/env python3
"""Packaging on the queue: workers side by side, and next to the data against a desk.

1. Twenty recordings packaged by two ``recmanager worker`` processes against one (same
   redis-server, same files): the speed-up is printed with the machine's core count and judged
   (goal >= 1.5x where there are at least two cores; informed only on one core).
2. One lecture on the server: a queue job (the worker reads it where it is) against a desk job
   that must first download it over SFTP through a 20 ms round-trip delay line (the transfer
   benchmarks' one, in front of sshd) and then package it. Goal: queue time <= 0.5x the desk's.
   The lecture is 720p at 3 Mb/s (bench/common.py ``lecture``), so its size holds as many
   samples as a real recording's: packaging costs per sample as much as per byte.

``python bench/bench_queue.py [--full] [--count N] [--minutes N] [--repeat N]``: 20 recordings and
a 10-minute lecture (0.24 GB, three turns of each job) by default; ``--full`` makes it 90 minutes
(2.1 GB, the issue's size, one turn: each turn keeps 4 GB of segments until the end).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import (
    CACHE,
    bench_context,
    delay_line,
    exit_code,
    inform,
    judge,
    lecture,
    load,
    settle,
    sshd_server,
    timed,
    trust_port,
)

from recmanager.media import make_clip
from recmanager.packaging import JobRecord, JobStatus, KeyPair, PackageRequest, PackagingJob
from recmanager.packaging.queue import QueueClient
from tests.fixtures.media import repeated
from tests.fixtures.packaging_queue import QueueSite, make_site
from tests.fixtures.processes import stop_process
from tests.fixtures.redis_server import start_redis

KEYS = KeyPair.generate()


def recording(size_mb: int) -> Path:
    """A short MP4 of about ``size_mb`` MB (a 1-minute test pattern clip, repeated)."""
    base = CACHE / "queue" / "minute.mp4"
    if not base.exists():
        make_clip(base, seconds=60, size="1280x720", video_bitrate="2M")
    times = max(1, round(size_mb * 1_000_000 / base.stat().st_size))
    path = CACHE / "queue" / f"lecture-{size_mb}MB.mp4"
    if not path.exists():
        repeated(base, times, path)
    return path


def run_on_queue(client: QueueClient, inputs: list[Path], prefix: str) -> list[JobRecord]:
    """Submit every input, wait until all are Ready; the records, in order."""
    records = []
    for number, path in enumerate(inputs):
        request = PackageRequest(input_path=path, output_dir=Path(f"{prefix}-{number}"),
                                 backend="ffmpeg")
        records.append(client.submit(client.create(request, KEYS, backend="ffmpeg")))
    while any(record.status.active for record in records):
        time.sleep(0.2)
        records = [client.sync(record) for record in records]
    failed = [record.error for record in records if record.status is not JobStatus.READY]
    assert not failed, failed
    return records


def job_seconds(record: JobRecord) -> float:
    """From the job's start to its end, as whoever ran it recorded them."""
    assert record.started_at is not None and record.finished_at is not None
    return (record.finished_at - record.started_at).total_seconds()


def workers_side_by_side(site: QueueSite, client: QueueClient, count: int) -> None:
    inputs = [recording(16)] * count
    times = {}
    for workers in (1, 2):
        started = [site.start(f"w{workers}-{n}") for n in range(workers)]
        start = time.perf_counter()
        run_on_queue(client, inputs, f"side-{workers}")
        times[workers] = time.perf_counter() - start
        for process in started:
            stop_process(process, timeout=30)
    cores = os.cpu_count() or 1
    print(f"  {count} recordings: 1 worker {times[1]:.1f} s, 2 workers {times[2]:.1f} s "
          f"({cores} cores, load average {os.getloadavg()[0]:.1f})")
    speed_up = times[1] / times[2]
    if cores >= 2:
        judge(f"2 workers vs 1 ({cores} cores), speed-up", speed_up, 1.5, at_most=False)
    else:
        inform("2 workers vs 1 (1 core), speed-up", speed_up)


def queue_turn(client: QueueClient, source: Path, turn: int) -> dict[str, float]:
    """One queue job: seconds from submit to Ready, and the packaging's share on the worker."""
    settle(source)
    (record,), total = timed(lambda: run_on_queue(client, [source], f"large-{turn}"))
    return {"total": total, "package": job_seconds(record)}


def desk_turn(context, profile, source: Path, local: Path) -> dict[str, float]:
    """One desk job: the download through the delay line, then packaging here."""
    from recmanager.deposit import open_deposit

    settle(source)
    local.mkdir()
    copy = local / source.name
    phases: dict[str, float] = {}

    def desk() -> None:
        with open_deposit(profile, context) as deposit:
            _, phases["download"] = timed(lambda: deposit.download(str(source), copy))
        request = PackageRequest(input_path=copy, output_dir=local / "out", backend="ffmpeg")
        job = PackagingJob.create(context.db, context.secrets, request, KEYS)
        phases["package"] = job_seconds(job.run())
        assert job.record.status is JobStatus.READY

    _, phases["total"] = timed(desk)
    copy.unlink()  # one file: its space back at once (the segments stay until the end)
    return phases


def queue_against_desk(site: QueueSite, client: QueueClient, context, minutes: int,
                       repeat: int) -> None:
    """The two taking turns, each from a settled page cache; the medians are compared."""
    source = lecture(minutes)
    print(f"  {source.stat().st_size / 1e9:.2f} GB, {minutes} min lecture; turns: {repeat}")
    worker = site.start("large")
    runs: dict[str, list[dict[str, float]]] = {"queue": [], "desk": []}
    with sshd_server() as server, delay_line(server.port, 20) as port:
        server.trust(context.paths.known_hosts)
        trust_port(server, context.paths.known_hosts, port)
        profile = server.profile(source.parent, sftp_port=port)
        for turn in range(repeat):
            queue = queue_turn(client, source, turn)
            runs["queue"].append(queue)
            print(f"  queue job {queue['total']:.1f} s, of which packaging on the worker "
                  f"{queue['package']:.1f} s ({load()})")
            desk = desk_turn(context, profile, source, site.folder / f"desk-{turn}")
            runs["desk"].append(desk)
            print(f"  desk job {desk['total']:.1f} s, of which the download through 20 ms "
                  f"{desk['download']:.1f} s and packaging {desk['package']:.1f} s ({load()})")
    stop_process(worker, timeout=30)
    queue_time = statistics.median(run["total"] for run in runs["queue"])
    desk_time = statistics.median(run["total"] for run in runs["desk"])
    print(f"  medians: queue {queue_time:.1f} s, desk {desk_time:.1f} s")
    judge("queue job vs desk job with download (time)", queue_time / desk_time, 0.5,
          at_most=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--full", action="store_true", help="a 90-minute lecture (2.1 GB)")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--minutes", type=int, default=10, help="the lecture's length")
    parser.add_argument("--repeat", type=int, help="turns of each job (default: 3, 1 with --full)")
    args = parser.parse_args()
    repeat = args.repeat or (1 if args.full else 3)
    minutes = 90 if args.full else args.minutes
    with tempfile.TemporaryDirectory(prefix="bench-queue-") as work:
        folder = Path(work)
        redis = start_redis(folder / "redis")
        try:
            context = bench_context(folder, _NoServer())
            site = make_site(redis, folder / "server")
            client = QueueClient(context.db, context.secrets, site.settings)
            try:
                workers_side_by_side(site, client, args.count)
                queue_against_desk(site, client, context, minutes, repeat)
            finally:
                client.close()
                for process in site.workers:
                    stop_process(process, timeout=30)
                context.close()
        finally:
            stop_process(redis.process)
    return exit_code()


class _NoServer:
    """bench_context trusts a server; the queue's part needs none yet."""

    def trust(self, known_hosts: Path) -> None:
        del known_hosts


if __name__ == "__main__":
    sys.exit(main())
