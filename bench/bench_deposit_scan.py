#!/usr/bin/env python3
"""Deposit scan against OpenSSH's own client, on the same real sshd, in the same run.

The deposit has F folders x N files (default and ``--full``: 50 x 200 = 10,000 files, the
issue's size; ``--folders``/``--files`` change it). Measured, each including the SSH
connection and login:

- reference: ``sftp -b`` with one ``ls -l`` per folder;
- recmanager's listing (every folder's requests in flight on one channel);
- ``Scanner.scan``: the listing plus the store update — the first scan (10,000 inserts) and
  a rescan with nothing changed (what runs every minute). Goal: rescan <= 0.5x sftp -b.

The methods take turns within each repeat, so a load spike on the machine hits all alike.

``python bench/bench_deposit_scan.py [--full] [--repeats R]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from common import (
    CACHE,
    bench_context,
    exit_code,
    inform,
    interleaved,
    judge,
    load,
    median_time,
    peak_rss_mb,
    run_openssh_sftp,
    sshd_server,
)

from recmanager.deposit import open_deposit
from recmanager.deposit.scan import Scanner


def make_tree(folders: int, files: int) -> Path:
    """The deposit tree, built once in bench/.cache and reused."""
    root = CACHE / f"scan-{folders}x{files}"
    marker = root / ".complete"
    if marker.exists():
        return root
    for number in range(folders):
        folder = root / f"amphi{number:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        for index in range(files):
            (folder / f"cours-{index:04d} du 3 mai.mp4").write_bytes(b"x" * (index + 1))
    marker.write_text("")
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--full", action="store_true", help="the issue's size (50 x 200)")
    parser.add_argument("--folders", type=int, default=50)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if args.full:
        args.folders, args.files = 50, 200
    root = make_tree(args.folders, args.files)
    print(f"deposit: {args.folders} folders x {args.files} files = "
          f"{args.folders * args.files} files; median of {args.repeats} runs, "
          f"each including connect + login; {load()}")
    with sshd_server() as server, tempfile.TemporaryDirectory(prefix="bench-scan-") as work:
        context = bench_context(Path(work), server)
        profile = server.profile(root)
        batch = "".join(f'ls -l "{root}/amphi{n:02d}"\n' for n in range(args.folders))

        def openssh() -> None:
            run_openssh_sftp(server, context.paths.known_hosts, batch=batch)

        def listing() -> None:
            with open_deposit(profile, context) as deposit:
                listed = deposit.list_all()
            assert listed.file_count == args.folders * args.files, listed.file_count

        scanner = Scanner(context.db, profile.name, quiet_period_s=120)

        def scan() -> None:
            with open_deposit(profile, context) as deposit:
                result = scanner.scan(deposit)
            assert len(result.files) == args.folders * args.files

        first, _ = median_time(scan, 1)
        times = interleaved({
            "sftp -b, one ls -l per folder": openssh,
            "recmanager listing": listing,
            "Scanner.scan, rescan": scan,
        }, args.repeats)
        print(f"  {'Scanner.scan, first (inserts)':32} {first:6.3f} s")
        medians = {name: statistics.median(runs) for name, runs in times.items()}
        for name, runs in times.items():
            print(f"  {name:32} {medians[name]:6.3f} s  {[round(r, 3) for r in runs]}")
        reference, listed, rescan = medians.values()
        context.close()
    print(f"  peak memory: {peak_rss_mb():.0f} MB")
    inform("listing vs sftp -b", listed / reference)
    judge("scan (rescan, with the store) vs sftp -b", rescan / reference, 0.5, at_most=True)
    return exit_code()


if __name__ == "__main__":
    sys.exit(main())
