"""Run the sandbox: bind, configure Django, seed a new data directory, serve with threads.

``python -m recmanager.sandbox.server --data DIR [--port N] [--bind ADDR] [--workers N]
[--cron-interval S | --no-cron] [--test-hooks] [--samples DIR] [--fresh]``

Once it listens it writes ``<data dir>/sandbox.json`` (base URL, PID, worker PIDs, paths,
tokens and web passwords) and keeps serving until SIGTERM or SIGINT. A new data directory is
seeded (see :mod:`recmanager.sandbox.seed`), then the cron runs twice so recordings are
claimable at once.

``--workers N`` (default 1) serves from N processes, as a real Pod runs several: once set up,
the server forks N-1 workers that accept on its listening socket. The cron, the simulated
upload and ``sandbox.json`` belong to the first process; the workers die with it (SIGTERM or
SIGINT stops them by PID; on Linux the kernel kills them if it is killed itself).

``--test-hooks`` adds ``POST /__sandbox__/reset/`` (back to the seeded state),
``POST /__sandbox__/cron/`` (one cron pass, its report as text) and ``GET /__sandbox__/pid/``
(the PID of the process that answered); never use it on a network.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import logging
import os
import shlex
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from recmanager.commands.common import one_to_sixteen
from recmanager.errors import RecmanagerError
from recmanager.i18n import translate
from recmanager.sandbox.layout import SandboxLayout

log = logging.getLogger("recmanager.sandbox")
LOOPBACK = "127.0.0.1"
DEFAULT_CRON_INTERVAL = 10.0
QUIET_BEFORE_FORK_S = 10.0  # at most this long for the start-up requests' threads to end
WORKER_STOP_S = 5.0  # SIGTERM, then SIGKILL after this long


@dataclass
class ServerOptions:
    data_dir: Path
    samples_dir: Path
    port: int = 0
    bind: str = LOOPBACK
    cron_interval: float | None = DEFAULT_CRON_INTERVAL
    test_hooks: bool = False
    fresh: bool = False
    growing_upload: bool = True
    awkward_names: bool = True  # deposit seed.AWKWARD_NAMES after the seed's cron passes
    workers: int = 1
    stop_with_parent: bool = False  # the `make run` launcher's sandbox ends with it
    terminal: bool = False  # standard output is a terminal: print the ``export`` lines


class Sandbox:
    """A configured, listening sandbox; ``serve_until(stop)`` runs it."""

    def __init__(self, options: ServerOptions) -> None:
        from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

        self.options = options
        self.layout = SandboxLayout(options.data_dir)
        check_data_dir(self.layout, fresh=options.fresh)
        if options.fresh and self.layout.data_dir.exists():
            shutil.rmtree(self.layout.data_dir)
        self.layout.data_dir.mkdir(parents=True, exist_ok=True)
        class RequestHandler(WSGIRequestHandler):
            # Headers and body go out in separate writes: with Nagle on, every answer on a
            # kept-alive connection would wait for the client's delayed ACK (~40 ms).
            disable_nagle_algorithm = True

        ipv6 = ":" in options.bind
        self.httpd = ThreadedWSGIServer((options.bind, options.port), RequestHandler, ipv6=ipv6)
        if options.workers > 1:
            # Every process is woken by a new connection and only one accepts it; the others'
            # accept must fail at once (socketserver ignores it) instead of blocking.
            self.httpd.socket.setblocking(False)
        self.port = self.httpd.server_address[1]
        host = LOOPBACK if options.bind in ("0.0.0.0", "::", "") else options.bind
        host = f"[{host}]" if ":" in host else host
        self.base_url = f"http://{host}:{self.port}/"
        self.stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.worker_pids: list[int] = []

    def start(self) -> dict:
        """Configure Django, seed when new, listen, run the first cron passes; the state."""
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.wsgi import get_wsgi_application

        from recmanager.sandbox.djangoconf import configure

        options = self.options
        allowed = [LOOPBACK, "localhost", "[::1]"]
        if options.bind != LOOPBACK:
            allowed = ["*"]
        configure(self.layout, base_url=self.base_url, allowed_hosts=allowed,
                  test_hooks=options.test_hooks)
        from recmanager.sandbox import seed
        from recmanager.sandbox.cron import check_directory
        from recmanager.sandbox.samples import sample_media
        from recmanager.sandbox.state import snapshot

        domain = f"{self.base_url.split('//', 1)[1].rstrip('/')}"
        is_new = not self.layout.seeded
        samples = sample_media(options.samples_dir)
        if is_new:
            credentials = seed.seed_database(domain)
            seed.seed_deposit(self.layout.deposit_root, samples)
            _write_private(self.layout.credentials_file, credentials)
        else:
            seed.update_site(domain)
        credentials = json.loads(self.layout.credentials_file.read_text(encoding="utf-8"))
        self.httpd.set_app(StaticFilesHandler(get_wsgi_application()))
        serving = self._spawn("http", self.httpd.serve_forever)
        for _ in range(2):
            check_directory()
        if is_new:
            snapshot()
        if options.workers > 1:
            self._fork_workers(options.workers - 1, serving)
        if options.growing_upload and is_new:
            self._spawn("upload", lambda: grow_file(
                samples["moov_end"], self.layout.deposit_root / seed.GROWING_FILE, self.stop))
        if options.awkward_names and is_new:
            seed.seed_awkward_names(self.layout.deposit_root, samples)
        if options.cron_interval:
            self._spawn("cron", lambda: run_cron_every(options.cron_interval, self.stop))
        state = {
            "base_url": self.base_url,
            "pid": os.getpid(),
            "worker_pids": self.worker_pids,
            "port": self.port,
            "data_dir": str(self.layout.data_dir),
            "deposit_root": str(self.layout.deposit_root),
            "media_root": str(self.layout.media_root),
            "outbox": str(self.layout.outbox),
            "tokens": credentials["tokens"],
            "passwords": credentials["passwords"],
        }
        _write_private(self.layout.state_file, state)
        _write_private(self.layout.admin_env_file, "\n".join(admin_exports(state)) + "\n")
        return state

    def _spawn(self, name: str, target: Callable[[], None]) -> threading.Thread:
        thread = threading.Thread(target=target, name=f"sandbox-{name}", daemon=True)
        thread.start()
        self._threads.append(thread)
        return thread

    def _fork_workers(self, count: int, serving: threading.Thread) -> None:
        """Fork ``count`` processes that serve on the listening socket, from this one thread:
        serving pauses (connections wait in the socket's backlog) until they are forked."""
        from django.db import connections

        self.httpd.shutdown()
        serving.join()
        self._threads.remove(serving)
        deadline = time.monotonic() + QUIET_BEFORE_FORK_S
        while threading.active_count() > 1 and time.monotonic() < deadline:
            time.sleep(0.01)  # request threads of the start-up cron passes, closing
        connections.close_all()  # a child must not share the parent's SQLite handles
        parent = os.getpid()
        for _ in range(count):
            pid = os.fork()
            if pid == 0:
                self._serve_as_worker(parent)
            self.worker_pids.append(pid)
        self._spawn("http", self.httpd.serve_forever)

    def _serve_as_worker(self, parent: int) -> None:
        """A worker's life: serve until SIGTERM/SIGINT or the parent's end; never returns."""
        code = 0
        try:
            self.worker_pids = []
            die_with_parent()
            self._spawn("http", self.httpd.serve_forever)
            self.wait_until_stopped(parent)
        except BaseException:
            log.exception("sandbox worker %d failed", os.getpid())
            code = 1
        finally:
            os._exit(code)  # not the parent's clean-up: the state file and the socket are its

    def wait_until_stopped(self, parent: int | None = None) -> None:
        """Until SIGTERM/SIGINT (``stop``), or until ``parent``, when given, has ended
        (where the kernel's parent-death signal does not exist, or came too late)."""
        while not self.stop.wait(0.5):
            if parent is not None and os.getppid() != parent:
                return

    def stop_workers(self) -> None:
        """SIGTERM each worker by PID, then SIGKILL those still there after a while."""
        for pid in self.worker_pids:
            _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + WORKER_STOP_S
        for pid in self.worker_pids:
            while not _reaped(pid) and time.monotonic() < deadline:
                time.sleep(0.02)
            if not _reaped(pid):
                _signal(pid, signal.SIGKILL)
                _reaped(pid, block=True)
        self.worker_pids = []

    def shutdown(self) -> None:
        self.stop.set()
        self.stop_workers()
        if any(thread.name == "sandbox-http" for thread in self._threads):
            # Only a server loop that ran can answer: before one, shutdown() waits forever.
            self.httpd.shutdown()
        self.httpd.server_close()
        self.layout.state_file.unlink(missing_ok=True)
        self.layout.admin_env_file.unlink(missing_ok=True)


def die_with_parent(number: int = signal.SIGKILL) -> None:
    """Have the kernel send ``number`` to this process when its parent ends (Linux;
    elsewhere the caller watches its parent PID)."""
    if not sys.platform.startswith("linux"):
        return
    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(pr_set_pdeathsig, number, 0, 0, 0) != 0:
        log.warning("prctl(PR_SET_PDEATHSIG) failed: %s", os.strerror(ctypes.get_errno()))


def _signal(pid: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, number)


def _reaped(pid: int, *, block: bool = False) -> bool:
    """True once the child ``pid`` has ended (and is collected)."""
    try:
        done, _status = os.waitpid(pid, 0 if block else os.WNOHANG)
    except ChildProcessError:
        return True
    return done == pid


def check_data_dir(layout: SandboxLayout, *, fresh: bool) -> None:
    """Refuse a folder that is not a sandbox's, and a seed that stopped half-way."""
    if not layout.looks_like_sandbox():
        raise RecmanagerError(
            translate("sandbox", "{path} is not a sandbox data folder.").format(
                path=layout.data_dir),
            hint=translate("sandbox", "Choose an empty or new folder with --data."),
        )
    if not fresh and layout.database.exists() and not layout.seeded:
        raise RecmanagerError(
            translate("sandbox", "The sandbox in {path} was not completely set up.").format(
                path=layout.data_dir),
            hint=translate("sandbox", "Start it again with --fresh."),
        )


def _write_private(path: Path, data: dict | str) -> None:
    """Written readable by its owner only (mode 0600): tokens and passwords."""
    temporary = path.with_suffix(".tmp")
    text = data if isinstance(data, str) else json.dumps(data, indent=2)
    temporary.write_text(text, encoding="utf-8")
    temporary.chmod(0o600)
    temporary.replace(path)


def run_cron_every(interval: float, stop: threading.Event) -> None:
    from django.db import connections

    from recmanager.sandbox.cron import check_directory

    while not stop.wait(interval):
        try:
            report = check_directory()
        except Exception:
            log.exception("cron pass failed")
            continue
        finally:
            connections.close_all()
        log.debug("cron pass:\n%s", report)


def grow_file(sample: Path, target: Path, stop: threading.Event, *, seconds: float = 120.0,
              steps: int = 60) -> None:
    """Write ``sample`` to ``target`` a piece at a time, like a recorder uploading it."""
    data = sample.read_bytes()
    piece = max(1, len(data) // steps + 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as stream:
        for offset in range(0, len(data), piece):
            if stop.is_set():
                return
            stream.write(data[offset:offset + piece])
            stream.flush()
            stop.wait(seconds / steps)


def admin_exports(state: dict) -> list[str]:
    """Shell lines that point the command line at this sandbox as its admin (secrets
    included: they go to a terminal or a 0600 file, never to a log)."""
    values = {
        "RECMANAGER_POD_URL": state["base_url"].rstrip("/"),
        "RECMANAGER_POD_TOKEN": state["tokens"]["admin"],
        "RECMANAGER_POD_USER": "admin",
        "RECMANAGER_POD_PASSWORD": state["passwords"]["admin"],
        "RECMANAGER_DEPOSIT": state["deposit_root"],
        "RECMANAGER_POD_ALLOW_HTTP": "1",  # the sandbox serves plain HTTP on loopback
    }
    return [f"export {name}={shlex.quote(value)}" for name, value in values.items()]


def announce(state: dict, write: Callable[[str], None], *, terminal: bool = False) -> None:
    """What a person needs to use the sandbox; the ready-to-paste ``export`` lines only when
    ``terminal`` (standard output is a terminal, not a pipe or a log file)."""
    write(f"Pod sandbox: {state['base_url']}")
    write(f"  deposit folder (DEFAULT_RECORDER_PATH): {state['deposit_root']}/")
    write(f"  outbox (mails): {state['outbox']}")
    write("  users (REST token / web password):")
    for username, token in state["tokens"].items():
        write(f"    {username:9} {token}  {state['passwords'][username]}")
    admin_env = SandboxLayout(Path(state["data_dir"])).admin_env_file
    if terminal:
        write("  the command line as admin (paste into a shell):")
        for line in admin_exports(state):
            write(f"    {line}")
    else:
        write(f"  the command line as admin: . {admin_env}")
    write("  Stop with Ctrl+C.")


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(prog="python -m recmanager.sandbox.server")
    add_server_arguments(result)
    result.add_argument("--samples", type=Path, help="cache folder for the sample clips")
    result.add_argument("--test-hooks", action="store_true",
                        help="enable the reset and cron routes used by the test suite")
    result.add_argument("--no-growing-upload", action="store_true",
                        help="do not simulate an upload in progress")
    result.add_argument("--no-awkward-names", action="store_true",
                        help="do not deposit the files named with spaces, accents and "
                        "symbols after the seed")
    result.add_argument("--stop-with-parent", action="store_true",
                        help="stop when the process that started this one ends")
    return result


def add_server_arguments(target: argparse.ArgumentParser) -> None:
    target.add_argument("--port", type=int, default=8000, metavar="N",
                        help="TCP port (default 8000; 0 picks a free one)")
    target.add_argument("--data", type=Path, metavar="DIR",
                        help="data folder, kept between runs (default for `recmanager "
                        "sandbox`: 'sandbox' in the user cache folder)")
    target.add_argument("--bind", default=LOOPBACK, metavar="ADDR",
                        help="address to listen on (default 127.0.0.1; anything else exposes "
                        "published test passwords to the network)")
    cron = target.add_mutually_exclusive_group()
    cron.add_argument("--cron-interval", type=float, default=DEFAULT_CRON_INTERVAL,
                      metavar="S", help="seconds between cron passes (default 10)")
    cron.add_argument("--no-cron", action="store_true", help="never run the cron by itself")
    target.add_argument("--fresh", action="store_true",
                        help="delete the data folder first and seed a new sandbox")
    target.add_argument("--workers", type=one_to_sixteen, default=1, metavar="N",
                        help="server processes, as a real Pod runs several (default 1)")


def serve(options: ServerOptions, write: Callable[[str], None]) -> int:
    """Run until SIGTERM/SIGINT; returns the exit code."""
    if options.bind != LOOPBACK:
        write(f"WARNING: listening on {options.bind}: the sandbox runs with DEBUG on and its "
              "passwords are printed; anyone who can reach this address can use it.")
    for name in ("django.server", "django.request"):  # one line per 4xx is noise here
        logging.getLogger(name).setLevel(logging.ERROR)
    sandbox = Sandbox(options)
    previous = {number: signal.signal(number, lambda *_: sandbox.stop.set())
                for number in (signal.SIGTERM, signal.SIGINT)}
    parent = os.getppid() if options.stop_with_parent else None
    if parent is not None:
        # A launcher killed without its clean-up (SIGKILL, a closed session) must not leave
        # a sandbox behind: the kernel sends SIGTERM, and the wait below checks the parent.
        die_with_parent(signal.SIGTERM)
    try:
        try:
            state = sandbox.start()
        except OSError as exc:  # a data, deposit or samples folder it cannot write
            raise RecmanagerError(
                translate("sandbox", "The sandbox could not start: {path}: {error}").format(
                    path=exc.filename or options.data_dir, error=exc.strerror or exc)
            ) from None
        announce(state, write, terminal=options.terminal)
        sandbox.wait_until_stopped(parent)
    finally:
        sandbox.shutdown()
        for number, handler in previous.items():
            signal.signal(number, handler)
    return 0


def default_samples_dir() -> Path:
    from recmanager.config import Paths

    return Paths.default().cache_dir


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.data is None:
        print("--data is required", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    options = ServerOptions(
        data_dir=args.data.resolve(),
        samples_dir=(args.samples or default_samples_dir()).resolve(),
        port=args.port,
        bind=args.bind,
        cron_interval=None if args.no_cron else args.cron_interval,
        test_hooks=args.test_hooks,
        fresh=args.fresh,
        growing_upload=not args.no_growing_upload,
        awkward_names=not args.no_awkward_names,
        workers=args.workers,
        stop_with_parent=args.stop_with_parent,
    )
    started = time.monotonic()
    try:
        code = serve(options, lambda line: print(line, flush=True))
    except RecmanagerError as exc:
        print(f"sandbox: {exc}", file=sys.stderr)
        return 1
    log.info("sandbox stopped after %.0f s", time.monotonic() - started)
    return code


if __name__ == "__main__":
    sys.exit(main())
