"""`recmanager sandbox` and the `make run` launcher, as real processes."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QTimer

from recmanager import cli
from recmanager.config import Paths
from recmanager.context import AppContext
from recmanager.pod.rest import PodClient
from recmanager.sandbox import run_with_gui
from recmanager.sandbox.samples import AWKWARD_NAMES, CACHE_VERSION, sample_media
from recmanager.secrets import SecretKind
from tests.fixtures.processes import stop_process, wait_for
from tests.fixtures.sandbox import sample_cache

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def xdg_cache_with_samples(request, tmp_path_factory, tmp_path, monkeypatch) -> Path:
    """A fresh user cache dir that already holds the generated sample clips."""
    samples = sample_cache(request.config, tmp_path_factory)
    sample_media(samples)
    cache = tmp_path / "xdg-cache"
    shutil.copytree(samples / f"sandbox-samples-{CACHE_VERSION}",
                    cache / "recmanager" / f"sandbox-samples-{CACHE_VERSION}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


class Command:
    """`recmanager sandbox …` as a real process; its output read by a thread, line by line."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "recmanager", "sandbox", *args], cwd=REPO, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, env=os.environ.copy(),
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.reader = threading.Thread(target=self._pump, daemon=True)
        self.reader.start()

    def _pump(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def read_until(self, marker: str, timeout: float = 120.0) -> list[str]:
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if line is None:
                break
            seen.append(line)
            if marker in line:
                return seen
        raise AssertionError(f"no {marker!r} in the output: {seen}")

    def close(self) -> None:
        stop_process(self.process)
        self.reader.join(10)
        self.process.stdout.close()


def announced(lines: list[str]) -> tuple[str, str, dict[str, str]]:
    base_url = next(line for line in lines if line.startswith("Pod sandbox: ")).split(": ", 1)[1]
    deposit = next(line for line in lines if "DEFAULT_RECORDER_PATH" in line).split(": ", 1)[1]
    tokens = {}
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and len(parts[1]) == 40:
            tokens[parts[0]] = parts[1]
    return base_url, deposit, tokens


@pytest.mark.slow
def test_the_sandbox_command_serves_prints_and_keeps_its_data(
    xdg_cache_with_samples: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    command = Command("--port", "0", "--data", str(data), "--cron-interval", "0.5")
    try:
        lines = command.read_until("Stop with Ctrl+C.")
        base_url, deposit, tokens = announced(lines)
        # piped, not a terminal: no secrets in export lines, only where to find them
        assert not any("export RECMANAGER_" in line for line in lines)
        assert f"  the command line as admin: . {data / 'admin.env'}" in lines
        assert (data / "admin.env").stat().st_mode & 0o777 == 0o600
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/")
        assert deposit == f"{data / 'deposit'}/"
        assert set(tokens) >= {"admin", "manager1", "teacher1", "student1", "guest1"}
        headers = {"Authorization": f"Token {tokens['admin']}"}
        assert requests.get(base_url + "rest/", headers=headers, timeout=30).status_code == 200
        # the cron runs by itself: a new file gets its treatment row
        shutil.copyfile(data / "deposit" / "amphiA" / "lecture-02.mp4",
                        data / "deposit" / "amphiA" / "dropped.mp4")
        wait_for(lambda: requests.get(
            base_url + "rest/recordingfiletreatment/?file=" + deposit + "amphiA/dropped.mp4",
            headers=headers, timeout=30).json()["count"] == 1, 30, "the sandbox's own cron")
        # names with spaces, accents (NFD too) and symbols are deposited and listed by Pod
        with PodClient(base_url, tokens["admin"]) as client:
            for name in AWKWARD_NAMES:
                wait_for(lambda name=name: client.treatment_for_file(
                    f"{deposit}amphiA/{name}") is not None, 30, f"Pod's row of {name}")
        # an upload in progress keeps growing in the interactive sandbox
        live = data / "deposit" / "amphiA" / "lecture-live.mp4"
        wait_for(live.exists, 30, "the growing upload")
        first = live.stat().st_size
        wait_for(lambda: live.stat().st_size > first, 30, "growth")
        command.process.send_signal(signal.SIGINT)
        assert command.process.wait(30) == 0
    finally:
        command.close()
    assert not (data / "sandbox.json").exists()
    # the data folder is kept: same tokens next time; another address comes with a warning
    again = Command("--port", "0", "--data", str(data), "--no-cron", "--bind", "127.0.0.2")
    try:
        lines = again.read_until("Stop with Ctrl+C.")
        assert any(line.startswith("WARNING: listening on 127.0.0.2") for line in lines)
        base_url, _, tokens_again = announced(lines)
        assert base_url.startswith("http://127.0.0.2:")
        assert tokens_again == tokens
        answer = requests.get(base_url + "rest/recordingfiletreatment/?file=" + deposit
                              + "amphiA/dropped.mp4", headers=headers, timeout=30)
        assert answer.json()["count"] == 1
        os.killpg(again.process.pid, signal.SIGTERM)
        assert again.process.wait(30) == 0
    finally:
        again.close()


def test_a_busy_port_is_a_clear_error(tmp_path: Path, capsys) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = cli.main(["sandbox", "--port", str(port), "--data", str(tmp_path / "data")])
    assert code == 1
    error = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in error and "--port" in error


def test_cron_options_exclude_each_other(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["sandbox", "--no-cron", "--cron-interval", "3"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.own_process
def test_make_run_starts_the_sandbox_and_the_gui_then_stops_the_sandbox(
    xdg_cache_with_samples: Path, qapp
) -> None:
    started: list[int] = []

    def close_when_shown() -> None:
        try:
            check_profile_and_server()
        finally:
            qapp.quit()

    def check_profile_and_server() -> None:
        state_file = Paths.default().cache_dir / "sandbox-gui" / "sandbox.json"
        started.append(json.loads(state_file.read_text())["pid"])
        context = AppContext.open()
        profile = context.profiles.get("Sandbox")
        assert profile.deposit_kind == "local" and profile.pod_username == "admin"
        assert profile.local_deposit == profile.deposit_root
        token = context.secrets.get("Sandbox", SecretKind.POD_TOKEN)
        assert token and context.secrets.get("Sandbox", SecretKind.POD_PASSWORD)
        reply = requests.get(profile.pod_url + "/rest/recorder/", timeout=30,
                             headers={"Authorization": f"Token {token}"})
        assert reply.json()["count"] == 5

    # a seed cut short by an earlier run is redone, not an error
    half_seeded = xdg_cache_with_samples / "recmanager" / "sandbox-gui"
    half_seeded.mkdir(parents=True)
    (half_seeded / "pod.sqlite3").write_bytes(b"")
    # the window opens in the main loop; check from there, then close the application
    QTimer.singleShot(0, lambda: QTimer.singleShot(200, close_when_shown))
    assert run_with_gui.main() == 0
    assert len(started) == 1
    with pytest.raises(ProcessLookupError):
        os.kill(started[0], 0)
    assert "Pod sandbox:" in (xdg_cache_with_samples / "recmanager" / "sandbox-gui.log").read_text()


def test_a_sandbox_that_fails_to_start_exits_instead_of_hanging(tmp_path):
    """A failure before the server serves (here: the samples folder is a file) ends the
    process with the error; the clean-up must not wait for a server loop that never ran."""
    not_a_folder = tmp_path / "samples"
    not_a_folder.write_text("a file where the sample clips should go\n")
    result = subprocess.run(
        [sys.executable, "-m", "recmanager.sandbox.server", "--data", str(tmp_path / "data"),
         "--port", "0", "--no-cron", "--samples", str(not_a_folder)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"sandbox: The sandbox could not start: {not_a_folder}/sandbox-samples-{CACHE_VERSION}: "
        "Not a directory")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "sandbox.json").exists()


LAUNCHER = """
import sys
from recmanager.context import AppContext
from recmanager.sandbox.run_with_gui import sandbox_process
with sandbox_process(AppContext.open()) as state:
    print(state["pid"], state["data_dir"], flush=True)
    sys.stdin.read()  # the launcher's GUI would run here
"""


@pytest.mark.slow
def test_the_make_run_sandbox_stops_when_its_launcher_is_killed(
        xdg_cache_with_samples: Path) -> None:
    """SIGKILL skips the launcher's clean-up: the sandbox sees its parent end and stops
    cleanly by itself."""
    with subprocess.Popen(
            [sys.executable, "-c", LAUNCHER], cwd=REPO, text=True, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, env=os.environ.copy(), start_new_session=True) as launcher:
        sandbox_pid = None
        try:
            pid_text, data_dir = launcher.stdout.readline().split(maxsplit=1)
            sandbox_pid = int(pid_text)
            os.kill(sandbox_pid, 0)  # serving
            launcher.kill()
            launcher.wait(10)

            def sandbox_gone() -> bool:
                try:
                    os.kill(sandbox_pid, 0)
                except ProcessLookupError:
                    return True
                return False

            wait_for(sandbox_gone, 30, "the sandbox's exit")
            assert not (Path(data_dir.strip()) / "sandbox.json").exists()  # a clean stop
        finally:
            stop_process(launcher)
            if sandbox_pid is not None:  # left running by a failure
                with contextlib.suppress(ProcessLookupError):
                    os.kill(sandbox_pid, signal.SIGKILL)


@pytest.mark.slow
@pytest.mark.parametrize("quit_signal", [signal.SIGINT, signal.SIGHUP, signal.SIGTERM])
def test_ctrl_c_or_a_closed_terminal_quits_make_run_and_its_sandbox(
        xdg_cache_with_samples: Path, isolated_dirs: Paths, quit_signal: signal.Signals) -> None:
    """`make run` in a terminal: Ctrl+C (SIGINT), closing the terminal (SIGHUP) or `kill`
    (SIGTERM) ends the GUI's main loop cleanly, and the sandbox with it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "recmanager.sandbox.run_with_gui"], cwd=REPO, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True, env=os.environ.copy(),
    )
    layout = run_with_gui.SandboxLayout(xdg_cache_with_samples / "recmanager" / "sandbox-gui")
    sandbox_pid = None
    try:
        assert "Pod sandbox running at" in process.stdout.readline()
        sandbox_pid = layout.read_state()["pid"]
        log = isolated_dirs.log_dir / "recmanager.log"
        wait_for(lambda: log.exists() and "quitting on SIGINT" in log.read_text(), 60,
                 "the GUI's signal handlers")
        process.send_signal(quit_signal)
        output, _ = process.communicate(timeout=60)
        assert process.returncode == 128 + quit_signal
        assert "Traceback" not in output and "KeyboardInterrupt" not in output
        assert f"{quit_signal.name} received: quitting" in log.read_text()
        with pytest.raises(ProcessLookupError):
            os.kill(sandbox_pid, 0)
        assert not layout.state_file.exists()  # stopped cleanly, not killed
    finally:
        stop_process(process)
        if sandbox_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(sandbox_pid, signal.SIGKILL)


@pytest.mark.slow
def test_on_a_terminal_the_sandbox_prints_export_lines_that_work(
    xdg_cache_with_samples: Path, tmp_path: Path
) -> None:
    """Pasted into a shell, the printed lines let the command line talk to the sandbox."""
    import pty

    main_fd, terminal_fd = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "recmanager", "sandbox", "--port", "0", "--no-cron", "--data",
         str(tmp_path / "data")], cwd=REPO, stdin=subprocess.DEVNULL, stdout=terminal_fd,
        stderr=terminal_fd, start_new_session=True, env=os.environ.copy())
    os.close(terminal_fd)
    try:
        output = b""
        deadline = time.monotonic() + 120
        while b"Stop with Ctrl+C." not in output and time.monotonic() < deadline:
            output += os.read(main_fd, 65536)
        lines = output.decode().splitlines()
        exports = [line.strip() for line in lines if line.strip().startswith("export ")]
        assert [line.split("=")[0] for line in exports] == [
            "export RECMANAGER_POD_URL", "export RECMANAGER_POD_TOKEN",
            "export RECMANAGER_POD_USER", "export RECMANAGER_POD_PASSWORD",
            "export RECMANAGER_DEPOSIT", "export RECMANAGER_POD_ALLOW_HTTP"]
        script = "\n".join([*exports, f"{shlex.quote(sys.executable)} -m recmanager claim "
                             "amphiA/lecture-02.mp4 --owner admin"])
        claimed = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                                 timeout=180, check=False, env=os.environ.copy(), cwd=REPO)
        assert claimed.returncode == 0, claimed.stderr
        assert "lecture-02.mp4 is claimed for admin" in claimed.stdout
    finally:
        stop_process(process)
        os.close(main_fd)
