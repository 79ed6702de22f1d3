"""`--workers N`: the sandbox serves from several processes, as a real Pod does, and its workers
never outlive it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from recmanager.sandbox.layout import SandboxLayout
from tests.fixtures.processes import stop_process, wait_for
from tests.fixtures.sandbox import START_TIMEOUT_S, sample_cache

REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's"),
]


class Server:
    def __init__(self, process: subprocess.Popen, layout: SandboxLayout) -> None:
        self.process = process
        self.layout = layout
        state = layout.read_state()
        assert state is not None
        self.state = state
        self.base_url: str = state["base_url"]
        self.workers: list[int] = state["worker_pids"]

    def serving_pid(self) -> int:
        """Which process answers a new connection."""
        response = requests.get(self.base_url + "__sandbox__/pid/", timeout=30,
                                headers={"Connection": "close"})
        response.raise_for_status()
        return int(response.text)

    def treatments(self) -> int:
        response = requests.get(
            self.base_url + "rest/recordingfiletreatment/", timeout=30,
            headers={"Authorization": f"Token {self.state['tokens']['admin']}",
                     "Connection": "close"})
        response.raise_for_status()
        return response.json()["count"]


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be collected has ended)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


@pytest.fixture
def server(request, tmp_path_factory, tmp_path: Path) -> Iterator[Server]:
    layout = SandboxLayout(tmp_path / "sandbox")
    command = [
        sys.executable, "-m", "recmanager.sandbox.server", "--data", str(layout.data_dir),
        "--port", "0", "--no-cron", "--test-hooks", "--no-growing-upload", "--no-awkward-names",
        "--workers", "2",
        "--samples", str(sample_cache(request.config, tmp_path_factory)),
    ]
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True, cwd=REPO)
    started: list[Server] = []
    try:
        def ready() -> bool:
            if process.poll() is not None:
                raise RuntimeError((tmp_path / "server.log").read_text(errors="replace"))
            state = layout.read_state()
            return bool(state and state.get("pid") == process.pid)

        wait_for(ready, START_TIMEOUT_S, "the sandbox Pod")
        started.append(Server(process, layout))
        yield started[0]
    finally:
        stop_process(process)
        log.close()
        for pid in started[0].workers if started else []:  # never leave one behind
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_requests_are_served_by_several_processes_and_a_reset_holds_for_all(
    server: Server,
) -> None:
    assert len(server.workers) == 1 and server.workers[0] != server.process.pid
    assert all(alive(pid) for pid in server.workers)
    seen: set[int] = set()
    for _ in range(200):
        seen.add(server.serving_pid())
        if len(seen) == 2:
            break
    assert seen == {server.process.pid, *server.workers}
    # what one process changes, then resets, every process sees
    seeded = server.treatments()
    headers = {"Authorization": f"Token {server.state['tokens']['admin']}"}
    first = requests.get(server.base_url + "rest/recordingfiletreatment/", headers=headers,
                         timeout=30).json()["results"][0]["id"]
    requests.delete(f"{server.base_url}rest/recordingfiletreatment/{first}/", headers=headers,
                    timeout=30).raise_for_status()
    assert {server.treatments() for _ in range(20)} == {seeded - 1}
    requests.post(server.base_url + "__sandbox__/reset/", timeout=30).raise_for_status()
    assert {server.treatments() for _ in range(20)} == {seeded}


def test_sigterm_stops_the_workers_too(server: Server) -> None:
    os.kill(server.process.pid, signal.SIGTERM)  # the parent only, not its process group
    assert server.process.wait(30) == 0
    wait_for(lambda: not any(alive(pid) for pid in server.workers), 10, "the workers' end")
    assert not server.layout.state_file.exists()


def test_workers_die_with_a_killed_parent(server: Server) -> None:
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait(30)
    wait_for(lambda: not any(alive(pid) for pid in server.workers), 10, "the workers' end")
