#!/usr/bin/env python3
"""Download of one large file: recmanager against OpenSSH's ``sftp get``, same sshd, same run.

Both write to the same folder (bench/.cache), both include connecting and logging in, and
both end with the file on disk (``fsync``: recmanager syncs before its final rename, so the
reference's copy is synced inside its timing too). The methods take turns within each
repeat. Goal: recmanager >= 0.45x OpenSSH's throughput. paramiko's own ``SFTPClient.get()``
(32 KiB requests) is measured once for comparison.

``python bench/bench_deposit_download.py [--full] [--size-mb N] [--repeats R]``:
256 MB by default, 1 GB (the issue's size) with ``--full``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

import paramiko
from common import (
    CACHE,
    bench_context,
    exit_code,
    human_bytes,
    inform,
    interleaved,
    judge,
    peak_rss_mb,
    run_openssh_sftp,
    sshd_server,
    timed,
)
from paramiko.common import DEFAULT_MAX_PACKET_SIZE, DEFAULT_WINDOW_SIZE

from recmanager.deposit import open_deposit


def source_file(size: int) -> Path:
    """Random (incompressible) bytes, made once and kept in bench/.cache."""
    path = CACHE / "deposit" / "amphiA" / f"download-{size // 1_000_000}MB.bin"
    if path.exists() and path.stat().st_size == size:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    block = 8 * 1024 * 1024
    with path.open("wb") as stream:
        left = size
        while left:
            stream.write(os.urandom(min(block, left)))
            left -= min(block, left)
    return path


def fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--full", action="store_true", help="1 GB, the issue's size")
    parser.add_argument("--size-mb", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    size = 1_000_000_000 if args.full else args.size_mb * 1_000_000
    source = source_file(size)
    output = CACHE / "download-out"
    output.mkdir(parents=True, exist_ok=True)
    print(f"file: {human_bytes(size)} of random bytes; median of {args.repeats} runs each; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with sshd_server() as server, tempfile.TemporaryDirectory(prefix="bench-dl-") as work:
        context = bench_context(Path(work), server)
        profile = server.profile(source.parent.parent)
        remote = str(source)

        def openssh() -> None:
            target = output / "openssh.bin"
            run_openssh_sftp(server, context.paths.known_hosts, remote=remote,
                             local=str(target))
            fsync(target)
            assert target.stat().st_size == size
            target.unlink()

        def recmanager() -> None:
            target = output / "recmanager.bin"
            with open_deposit(profile, context) as deposit:
                deposit.download(remote, target)
            assert target.stat().st_size == size
            target.unlink()

        def paramiko_get() -> None:
            # A channel with paramiko's default window and packet size, as get() users have.
            target = output / "paramiko.bin"
            with open_deposit(profile, context) as deposit:
                transport = deposit._client.get_transport()
                client = paramiko.SFTPClient.from_transport(
                    transport, window_size=DEFAULT_WINDOW_SIZE,
                    max_packet_size=DEFAULT_MAX_PACKET_SIZE)
                client.get(remote, str(target))
                client.close()
            fsync(target)
            target.unlink()

        times = interleaved({"OpenSSH sftp get": openssh, "recmanager download": recmanager},
                            args.repeats)
        medians = {name: statistics.median(runs) for name, runs in times.items()}
        for name, runs in times.items():
            print(f"  {name:24} {size / medians[name] / 1e6:7.1f} MB/s  "
                  f"({medians[name]:.2f} s; runs {[round(r, 2) for r in runs]})")
        _, get_time = timed(paramiko_get)
        print(f"  {'paramiko get() (once)':24} {size / get_time / 1e6:7.1f} MB/s  "
              f"({get_time:.2f} s)")
        context.close()
    print(f"  peak memory: {peak_rss_mb():.0f} MB")
    reference = medians["OpenSSH sftp get"]
    inform("paramiko get() vs OpenSSH", reference / get_time)
    judge("recmanager download vs OpenSSH (throughput)",
          reference / medians["recmanager download"], 0.45, at_most=False)
    return exit_code()


if __name__ == "__main__":
    sys.exit(main())
