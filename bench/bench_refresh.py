#!/usr/bin/env python3
"""Refreshing a long inbox: 2,000 unclaimed rows from the sandbox Pod, 20 ms round trips.

The sandbox holds ``--rows`` unclaimed rows, 12 to a page as Pod pages them. It runs one
server process per page reader: a production Pod hands each request to a free uWSGI process
(nginx opens a uwsgi connection per request; Pod's pod_uwsgi.ini starts 10), whereas a
sandbox process keeps every kept-alive connection it accepted, so with fewer processes
than readers the pages would queue behind one process while a core stays idle.

Every request goes through :class:`latency_proxy.LatencyProxy`, which adds ``--latency-ms``
to each request/response turn, as a campus network does. Measured, taking turns within
each repeat so that a load spike on the machine hits all alike (each read opens its own
connections, as each refresh does):

- Pod's unclaimed list read one page after another (the reference: how it was read before);
- the same list, its pages read ``PAGE_READERS`` at a time once the first gives the count
  (goal: <= 1.5 s);
- a whole inbox refresh (Pod's list, recorders and their settings over a web login,
  permissions, the deposit scan, the merge and the offline copy), what a person waits for
  (goal: <= 1.5 s). The desk reads the deposit as a desk does, over SFTP from the real
  sshd, through a delay line (tests/fixtures/fault_proxy.py) of the same round trip.

The floor printed beside them is the network's alone: the round trips a read cannot avoid
(one for the first page, then pages / readers) times the round trip. The sandbox's own CPU
time for one read is printed too: on a machine busy with other work it, not the network, is
what the concurrent read waits for.

``python bench/bench_refresh.py [--rows N] [--latency-ms MS] [--repeats R]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

from bench_bulk import deposit, start_sandbox, stop
from common import delay_line, exit_code, inform, interleaved, judge, sshd_server, trust_port
from latency_proxy import LatencyProxy

from recmanager.config import Paths
from recmanager.context import AppContext
from recmanager.inbox.refresh import refresh
from recmanager.inbox.rows import RowState
from recmanager.pod.pages import PAGE_READERS, pages
from recmanager.pod.rest import PodClient
from recmanager.sandbox.samples import FALSE_START
from recmanager.secrets import SecretKind

RFT = "/rest/recordingfiletreatment/"
PAGE_SIZE = 12  # Pod's


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) the processes ``pids`` have used so far, from /proc."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000, help="unclaimed rows (2000)")
    parser.add_argument("--latency-ms", type=float, default=20.0,
                        help="round trip added to each request/response turn (20)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-refresh-"))
    home = workdir / "home"
    context = AppContext.open(Paths(home / "data", home / "config", home / "state",
                                    home / "cache"))
    process, state = start_sandbox(workdir, workers=PAGE_READERS)
    stack = ExitStack()
    try:
        server = stack.enter_context(sshd_server())
        ssh_port = stack.enter_context(delay_line(server.port, args.latency_ms))
        server.trust(context.paths.known_hosts)
        trust_port(server, context.paths.known_hosts, ssh_port)
        token = state["tokens"]["admin"]
        with PodClient(state["base_url"], token) as direct:
            seeded = len(pages(direct.http, RFT))
            # The seed's smallest recording (40 s): thousands of copies stay small.
            sample = (Path(state["deposit_root"]) / FALSE_START).read_bytes()
            deposit(state, "refresh", args.rows - seeded, sample)
            rows = len(pages(direct.http, RFT))
        page_count = -(-rows // PAGE_SIZE)
        rtt = args.latency_ms / 1000
        floor = (1 + -(-(page_count - 1) // PAGE_READERS)) * rtt
        print(f"{rows} unclaimed rows in {page_count} pages of {PAGE_SIZE}; sandbox of "
              f"{len(state['worker_pids']) + 1} processes; "
              f"{args.latency_ms:g} ms round trips; {PAGE_READERS} pages at a time; median of "
              f"{args.repeats}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        with LatencyProxy(urlsplit(state["base_url"]).port, args.latency_ms) as proxy:
            address = f"http://127.0.0.1:{proxy.port}/"
            profile = server.profile(state["deposit_root"], name="bench", pod_url=address,
                                     pod_username="admin", sftp_port=ssh_port)
            context.secrets.set_for_session("bench", SecretKind.POD_TOKEN, token)
            context.secrets.set_for_session("bench", SecretKind.POD_PASSWORD,
                                            state["passwords"]["admin"])

            def read(readers: int) -> None:
                with PodClient(address, token) as client:
                    assert len(pages(client.http, RFT, readers=readers)) == rows

            def whole_refresh() -> None:
                snapshot = refresh(profile, context)
                assert sum(1 for row in snapshot.rows if row.treatment_id) == rows
                assert not snapshot.deposit_problem
                assert not [row for row in snapshot.rows if row.state is RowState.MISSING]

            sandbox = [state["pid"], *state["worker_pids"]]
            used = cpu_seconds(sandbox)
            read(PAGE_READERS)
            server_cpu = cpu_seconds(sandbox) - used
            times = interleaved({"one page after another": lambda: read(1),
                                 "concurrent": lambda: read(PAGE_READERS),
                                 "whole refresh": whole_refresh}, args.repeats)
        medians = {name: statistics.median(runs) for name, runs in times.items()}
        for name, runs in times.items():
            print(f"  {name + ':':24} {medians[name]:6.2f} s  (runs: "
                  f"{', '.join(f'{run:.2f}' for run in runs)})")
        print(f"  floor, the round trips alone: (1 + {page_count - 1} pages / {PAGE_READERS}) "
              f"x {args.latency_ms:g} ms = {floor:.2f} s; one page after another: "
              f"{page_count * rtt:.2f} s")
        print(f"  the sandbox's CPU time for one read: {server_cpu:.2f} s over its "
              f"{len(sandbox)} processes")
        inform("concurrent read vs one page after another",
               medians["concurrent"] / medians["one page after another"])
        inform("concurrent read vs its floor", medians["concurrent"] / floor)
        judge(f"unclaimed list, {rows} rows, {args.latency_ms:g} ms round trips",
              medians["concurrent"], 1.5, at_most=True, unit=" s")
        judge(f"whole inbox refresh, {rows} rows, {args.latency_ms:g} ms round trips",
              medians["whole refresh"], 1.5, at_most=True, unit=" s")
    finally:
        stack.close()
        context.close()
        stop(process)
        shutil.rmtree(workdir, ignore_errors=True)
    return exit_code()


if __name__ == "__main__":
    started = time.monotonic()
    code = main()
    print(f"({time.monotonic() - started:.0f} s in all)")
    raise SystemExit(code)
