#!/usr/bin/env python3
"""Upload of one large file: recmanager against OpenSSH's ``sftp put``, same sshd, same run.

Measured on loopback and through a delay line of 20 ms round trip (tests/fixtures/
fault_proxy.py, in its own process) that both clients use alike. Both read the same file
under /tmp and write into the same deposit folder, both include connecting and logging in;
recmanager's upload also checks the size and renames the file into place, as it always does.
The methods take turns within each repeat. Each distance prints the physical floor (the
bytes at the rate one TCP stream reaches through the same path) and the memory recmanager
held for the transfer.

Goals: >= 0.8x OpenSSH's throughput on loopback, >= 1.5x at 20 ms.

``python bench/bench_deposit_upload.py [--full] [--size-mb N] [--repeats R]``:
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
    human_bytes,
    load,
    random_file,
    run_openssh_sftp,
    sshd_server,
    trust_port,
)

from recmanager.deposit import open_deposit
from recmanager.deposit.sftp import SftpDeposit
from recmanager.deposit.sftp_window import WRITE_CHUNK

# round trip (ms) -> least throughput, as a multiple of OpenSSH's
GOALS = {0: 0.8, 20: 1.5}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--full", action="store_true", help="1 GB")
    parser.add_argument("--size-mb", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    size = 1_000_000_000 if args.full else args.size_mb * 1_000_000
    print(f"file: {human_bytes(size)} of random bytes; median of {args.repeats} runs each; "
          f"{load()}")
    with sshd_server() as server, tempfile.TemporaryDirectory(prefix="bench-ul-") as work:
        folder = Path(work)
        source = random_file(folder / "upload.bin", size)
        (folder / "deposit" / "amphiA").mkdir(parents=True)
        context = bench_context(folder, server)
        for round_trip in GOALS:
            with delay_line(server.port, round_trip) as port:
                trust_port(server, context.paths.known_hosts, port)
                profile = server.profile(folder / "deposit", sftp_port=port)
                measure(server, context, profile, source, size, round_trip, args.repeats)
        context.close()
    return exit_code()


def measure(server: object, context: object, profile: object, source: Path, size: int,
            round_trip: int, repeats: int) -> None:
    port = profile.sftp_port  # type: ignore[attr-defined]
    known_hosts = context.paths.known_hosts  # type: ignore[attr-defined]
    folder = Path(profile.deposit_root) / "amphiA"  # type: ignore[attr-defined]
    held: dict[str, int] = {}

    def openssh() -> None:
        target = folder / "openssh.bin"
        run_openssh_sftp(server, known_hosts, batch=f'put "{source}" "{target}"\n', port=port)
        assert target.stat().st_size == size
        target.unlink()

    def recmanager() -> None:
        with open_deposit(profile, context) as deposit:  # type: ignore[arg-type]
            deposit.upload(source, "amphiA", "recmanager.bin")
            assert isinstance(deposit, SftpDeposit)
            # The window is on the wire: the upload holds one 1 MiB read of the file and the
            # WRITE being built from it.
            held.update(window=deposit.write_window_bytes(), peak=deposit.peak_in_flight,
                        memory=1024 * 1024 + WRITE_CHUNK,
                        round_trip_us=int(deposit.round_trip_s * 1e6))
        target = folder / "recmanager.bin"
        assert target.stat().st_size == size
        target.unlink()

    compare_transfer("upload vs sftp put", {
        "OpenSSH sftp put": openssh, "recmanager upload": recmanager,
    }, size, round_trip, repeats, GOALS[round_trip], held)

if __name__ == "__main__":
    sys.exit(main())
