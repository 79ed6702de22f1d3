#!/usr/bin/env python3
"""Packaging on the queue: workers side by side, and next to the data against a desk.

1. Twenty recordings packaged by two ``recmanager worker`` processes against one (same
   redis-server, same files): the speed-up is printed with the machine's core count and judged
   (goal >= 1.5x where there are at least two cores; informed only on one core).
2. One large recording on the server: a queue job (the worker reads it where it is) against a
   desk job that must first download it over SFTP through a 20 ms round-trip delay line
   (``latency_proxy``) and then package it. Goal: queue time <= 0.5x the desk's.

``python bench/bench_queue.py [--full] [--count N] [--size-mb N]``: 20 recordings and a 256 MB
recording by default; ``--full`` makes it 2 GB (the issue's size).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from common import CACHE, bench_context, exit_code, inform, judge, sshd_server, timed
from latency_proxy import LatencyProxy

from recmanager.media import make_clip
from recmanager.packaging import JobStatus, KeyPair, PackageRequest, PackagingJob
from recmanager.packaging.queue import QueueClient
from tests.fixtures.media import repeated
from tests.fixtures.packaging_queue import QueueSite, make_site
from tests.fixtures.processes import stop_process
from tests.fixtures.redis_server import start_redis

KEYS = KeyPair.generate()


def recording(size_mb: int) -> Path:
    """A lecture-like MP4 of about ``size_mb`` MB (a 1-minute 2 Mb/s clip, repeated)."""
    base = CACHE / "queue" / "minute.mp4"
    if not base.exists():
        make_clip(base, seconds=60, size="1280x720", video_bitrate="2M")
    times = max(1, round(size_mb * 1_000_000 / base.stat().st_size))
    path = CACHE / "queue" / f"lecture-{size_mb}MB.mp4"
    if not path.exists():
        repeated(base, times, path)
    return path


def run_on_queue(client: QueueClient, inputs: list[Path], prefix: str) -> float:
    """Submit every input, wait until all are Ready; seconds from first submit to last end."""
    start = time.perf_counter()
    records = []
    for number, path in enumerate(inputs):
        request = PackageRequest(input_path=path, output_dir=Path(f"{prefix}-{number}"),
                                 backend="ffmpeg")
        records.append(client.submit(client.create(request, KEYS, backend="ffmpeg")))
    while any(record.status.active for record in records):
        time.sleep(0.2)
        records = [client.sync(record) for record in records]
    elapsed = time.perf_counter() - start
    failed = [record.error for record in records if record.status is not JobStatus.READY]
    assert not failed, failed
    return elapsed


def workers_side_by_side(site: QueueSite, client: QueueClient, count: int) -> None:
    inputs = [recording(16)] * count
    times = {}
    for workers in (1, 2):
        started = [site.start(f"w{workers}-{n}") for n in range(workers)]
        times[workers] = run_on_queue(client, inputs, f"side-{workers}")
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


def queue_against_desk(site: QueueSite, client: QueueClient, context, size_mb: int) -> None:
    source = recording(size_mb)
    worker = site.start("large")
    queue_time = run_on_queue(client, [source], "large")
    stop_process(worker, timeout=30)
    with sshd_server() as server, LatencyProxy(server.port, 20) as proxy:
        server.trust(context.paths.known_hosts)
        with context.paths.known_hosts.open("a", encoding="utf-8") as stream:
            stream.write(server.known_hosts_line().replace(f":{server.port}", f":{proxy.port}"))
        profile = server.profile(source.parent, sftp_port=proxy.port)
        local = site.folder / "desk"
        local.mkdir()
        phases: dict[str, float] = {}

        def desk() -> None:
            from recmanager.deposit import open_deposit

            copy = local / source.name
            with open_deposit(profile, context) as deposit:
                _, phases["download"] = timed(lambda: deposit.download(str(source), copy))
            request = PackageRequest(input_path=copy, output_dir=local / "out",
                                     backend="ffmpeg")
            job = PackagingJob.create(context.db, context.secrets, request, KEYS)
            assert job.run().status is JobStatus.READY

        _, desk_time = timed(desk)
    print(f"  {source.stat().st_size / 1e6:.0f} MB recording: queue {queue_time:.1f} s, "
          f"desk (download through 20 ms + package) {desk_time:.1f} s, of which the "
          f"download {phases['download']:.1f} s")
    judge("queue job vs desk job with download (time)", queue_time / desk_time, 0.5,
          at_most=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--full", action="store_true", help="a 2 GB recording")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--size-mb", type=int, default=256)
    args = parser.parse_args()
    size_mb = 2000 if args.full else args.size_mb
    with tempfile.TemporaryDirectory(prefix="bench-queue-") as work:
        folder = Path(work)
        redis = start_redis(folder / "redis")
        try:
            context = bench_context(folder, _NoServer())
            site = make_site(redis, folder / "server")
            client = QueueClient(context.db, context.secrets, site.settings)
            try:
                workers_side_by_side(site, client, args.count)
                queue_against_desk(site, client, context, size_mb)
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
