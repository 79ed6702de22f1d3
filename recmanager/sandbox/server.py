"""Run the sandbox: bind, configure Django, seed a new data directory, serve with threads.

``python -m recmanager.sandbox.server --data DIR [--port N] [--bind ADDR]
[--cron-interval S | --no-cron] [--test-hooks] [--samples DIR] [--fresh]``

Once it listens it writes ``<data dir>/sandbox.json`` (base URL, PID, paths, tokens and web
passwords) and keeps serving until SIGTERM or SIGINT. A new data directory is seeded (see
:mod:`recmanager.sandbox.seed`), then the cron runs twice so recordings are claimable at once.
``--test-hooks`` adds ``POST /__sandbox__/reset/`` (back to the seeded state) and
``POST /__sandbox__/cron/`` (one cron pass, its report as text); never use it on a network.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from recmanager.errors import RecmanagerError
from recmanager.i18n import translate
from recmanager.sandbox.layout import SandboxLayout

log = logging.getLogger("recmanager.sandbox")
LOOPBACK = "127.0.0.1"
DEFAULT_CRON_INTERVAL = 10.0


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
        self.port = self.httpd.server_address[1]
        host = LOOPBACK if options.bind in ("0.0.0.0", "::", "") else options.bind
        host = f"[{host}]" if ":" in host else host
        self.base_url = f"http://{host}:{self.port}/"
        self.stop = threading.Event()
        self._threads: list[threading.Thread] = []

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
        self._spawn("http", self.httpd.serve_forever)
        for _ in range(2):
            check_directory()
        if is_new:
            snapshot()
        if options.growing_upload and is_new:
            self._spawn("upload", lambda: grow_file(
                samples["long"], self.layout.deposit_root / seed.GROWING_FILE, self.stop))
        if options.cron_interval:
            self._spawn("cron", lambda: run_cron_every(options.cron_interval, self.stop))
        state = {
            "base_url": self.base_url,
            "pid": os.getpid(),
            "port": self.port,
            "data_dir": str(self.layout.data_dir),
            "deposit_root": str(self.layout.deposit_root),
            "media_root": str(self.layout.media_root),
            "outbox": str(self.layout.outbox),
            "tokens": credentials["tokens"],
            "passwords": credentials["passwords"],
        }
        _write_private(self.layout.state_file, state)
        return state

    def _spawn(self, name: str, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, name=f"sandbox-{name}", daemon=True)
        thread.start()
        self._threads.append(thread)

    def shutdown(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.layout.state_file.unlink(missing_ok=True)


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


def _write_private(path: Path, data: dict) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=2), encoding="utf-8")
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


def announce(state: dict, write: Callable[[str], None]) -> None:
    """What a person needs to use the sandbox."""
    write(f"Pod sandbox: {state['base_url']}")
    write(f"  deposit folder (DEFAULT_RECORDER_PATH): {state['deposit_root']}/")
    write(f"  outbox (mails): {state['outbox']}")
    write("  users (REST token / web password):")
    for username, token in state["tokens"].items():
        write(f"    {username:9} {token}  {state['passwords'][username]}")
    write("  Stop with Ctrl+C.")


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(prog="python -m recmanager.sandbox.server")
    add_server_arguments(result)
    result.add_argument("--samples", type=Path, help="cache folder for the sample clips")
    result.add_argument("--test-hooks", action="store_true",
                        help="enable the reset and cron routes used by the test suite")
    result.add_argument("--no-growing-upload", action="store_true",
                        help="do not simulate an upload in progress")
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
    try:
        state = sandbox.start()
        announce(state, write)
        while not sandbox.stop.wait(0.5):
            pass
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
