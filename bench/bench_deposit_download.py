#!/usr/bin/env python3
"""Download of one large file: recmanager against OpenSSH's ``sftp get``, same sshd, same run.

Measured on loopback and through a delay line (tests/fixtures/fault_proxy.py, in its own
process) of 20 and 50 ms round trip that both clients use alike: a desk on another campus.
Both write under /tmp, both include connecting and logging in, and both end with the file on
disk (``fsync``: recmanager syncs before its final rename, so the reference's copy is synced
inside its timing too). The methods take turns within each repeat. Each distance prints the
physical floor (the bytes at the rate one TCP stream reaches through the same path) and the
memory recmanager held for the transfer: its bound, and the most it had in flight.

Goals: >= 0.8x OpenSSH's throughput on loopback, >= 1.5x at 20 ms, >= 2x at 50 ms.

``python bench/bench_deposit_download.py [--full] [--size-mb N] [--repeats R]``:
256 MB by default, 1 GB with ``--full``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import (
    bench_context,
    compare_transfer,
    delay_line,
    exit_code,
    fsync,
    human_bytes,
    load,
    random_file,
    run_openssh_sftp,
    sshd_server,
    trust_port,
)

from recmanager.deposit import open_deposit
from recmanager.deposit.sftp import SftpDeposit
from recmanager.deposit.sftp_window import READ_CHUNK

# round trip (ms) -> least throughput, as a multiple of OpenSSH's
GOALS = {0: 0.8, 20: 1.5, 50: 2.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--full", action="store_true", help="1 GB")
    parser.add_argument("--size-mb", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    size = 1_000_000_000 if args.full else args.size_mb * 1_000_000
    print(f"file: {human_bytes(size)} of random bytes; median of {args.repeats} runs each; "
          f"{load()}")
    with sshd_server() as server, tempfile.TemporaryDirectory(prefix="bench-dl-") as work:
        folder = Path(work)
        source = random_file(folder / "deposit" / "amphiA" / "download.bin", size)
        output = folder / "out"
        output.mkdir()
        context = bench_context(folder, server)
        for round_trip in GOALS:
            with delay_line(server.port, round_trip) as port:
                trust_port(server, context.paths.known_hosts, port)
                profile = server.profile(source.parent.parent, sftp_port=port)
                measure(server, context, profile, str(source), output, size, round_trip,
                        args.repeats)
        context.close()
    return exit_code()


def measure(server: object, context: object, profile: object, remote: str, output: Path,
            size: int, round_trip: int, repeats: int) -> None:
    port = profile.sftp_port  # type: ignore[attr-defined]
    known_hosts = context.paths.known_hosts  # type: ignore[attr-defined]
    held: dict[str, int] = {}

    def openssh() -> None:
        target = output / "openssh.bin"
        run_openssh_sftp(server, known_hosts, remote=remote, local=str(target), port=port)
        fsync(target)
        assert target.stat().st_size == size
        target.unlink()

    def recmanager() -> None:
        target = output / "recmanager.bin"
        with open_deposit(profile, context) as deposit:  # type: ignore[arg-type]
            deposit.download(remote, target)
            assert isinstance(deposit, SftpDeposit)
            # Replies in flight, plus what waits for the disk: the download's writer queues
            # at most 64 replies (recmanager.deposit.base._BackgroundWriter).
            held.update(window=deposit.window_bytes(), peak=deposit.peak_in_flight,
                        memory=deposit.window_bytes() + 64 * READ_CHUNK,
                        round_trip_us=int(deposit.round_trip_s * 1e6))
        assert target.stat().st_size == size
        target.unlink()

    compare_transfer("download vs sftp get", {
        "OpenSSH sftp get": openssh, "recmanager download": recmanager,
    }, size, round_trip, repeats, GOALS[round_trip], held)

if __name__ == "__main__":
    sys.exit(main())
