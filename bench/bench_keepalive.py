#!/usr/bin/env python3
"""Kept-alive HTTP connections against fresh ones: where a delayed-acknowledgement stall
comes from.

Against a real Pod run by Django's development server, one kept-alive ``requests`` session
took ~52 ms a page where a fresh connection took ~8 ms. Each server below answers the same
4 KB JSON page (a page of 12 unclaimed rows is 2 to 4 KB); each client asks it
``--requests`` times, and the median time of one request is printed:

servers
  - Django's development server as ``runserver`` runs it (its WSGI handler, Nagle's
    algorithm on): the status line and headers go out in one write, the body in another;
  - the same server with Nagle off (``disable_nagle_algorithm``, as the sandbox runs it);
  - a server that writes each answer at once (headers and body in one write, Nagle on), as
    nginx does in front of a production Pod;
  - the sandbox itself (Django + DRF), a real page of ``/rest/recordingfiletreatment/``.
clients
  - ``requests``, one kept-alive session (urllib3 sets TCP_NODELAY on its sockets);
  - the same with TCP_QUICKACK among its socket options (set once, as an HTTPAdapter can);
  - ``requests``, a fresh connection per request;
  - a raw socket kept alive, TCP_NODELAY on, the request in one write;
  - the same, with TCP_QUICKACK set again before each read (Linux: acknowledge at once).

Judged: on the sandbox, a kept-alive page costs no delayed acknowledgement (Linux delays
one by at least 40 ms): at most 20 ms more than a fresh connection's.

``python bench/bench_keepalive.py [--requests N]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
import requests.adapters
from bench_bulk import start_sandbox, stop
from common import exit_code, judge
from urllib3.connection import HTTPConnection

BODY = json.dumps({"count": 2000, "next": "http://127.0.0.1/rest/recordingfiletreatment/?page=3",
                   "previous": None, "results": [
                       {"id": n, "file": f"/data/ftp-pod/ftp/amphiA/lecture-{n:04d}.mp4",
                        "file_size": 1_234_567_890, "type": "video",
                        "recorder": "http://127.0.0.1/rest/recorder/1/",
                        "date_added": "2026-12-04T10:00:00.000000Z"} for n in range(12)]
                   }).encode() + b" " * 1200


def app(_environ: dict, start_response: Callable) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(BODY)))])
    return [BODY]


@contextlib.contextmanager
def django_server(nagle_off: bool) -> Iterator[str]:
    """Django's own development server (``runserver``'s classes), serving ``app``."""
    from django.conf import settings
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    if not settings.configured:
        settings.configure()

    class Handler(WSGIRequestHandler):
        disable_nagle_algorithm = nagle_off

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), Handler)
    server.set_app(app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/page/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def one_write_server() -> Iterator[str]:
    """Each answer in one write (headers and body together), Nagle on, as nginx writes."""
    listener = socket.create_server(("127.0.0.1", 0))
    answer = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)

    def serve(connection: socket.socket) -> None:
        with connection:
            pending = b""
            while True:
                while b"\r\n\r\n" not in pending:
                    data = connection.recv(65536)
                    if not data:
                        return
                    pending += data
                pending = pending.split(b"\r\n\r\n", 1)[1]
                connection.sendall(answer)

    def accept() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/page/"
    finally:
        listener.close()


def per_request(ask: Callable[[], None], count: int) -> float:
    """Median milliseconds of one request, after two that open the way."""
    ask()
    ask()
    times = []
    for _ in range(count):
        started = time.perf_counter()
        ask()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def kept_alive(url: str, headers: dict[str, str], count: int) -> float:
    with requests.Session() as session:
        return per_request(lambda: session.get(url, headers=headers, timeout=30).content,
                           count)


class QuickAckAdapter(requests.adapters.HTTPAdapter):
    """urllib3's socket options plus TCP_QUICKACK, set once when a connection opens."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["socket_options"] = [*HTTPConnection.default_socket_options,
                                    (socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)]
        super().init_poolmanager(*args, **kwargs)


def kept_alive_quickack(url: str, headers: dict[str, str], count: int) -> float:
    with requests.Session() as session:
        session.mount("http://", QuickAckAdapter())
        return per_request(lambda: session.get(url, headers=headers, timeout=30).content,
                           count)


def fresh(url: str, headers: dict[str, str], count: int) -> float:
    def ask() -> None:
        with requests.Session() as session:
            session.get(url, headers=headers, timeout=30).content  # noqa: B018
    return per_request(ask, count)


def raw(url: str, headers: dict[str, str], count: int, *, quickack: bool) -> float:
    parts = urlsplit(url)
    request = (f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
               + "".join(f"{name}: {value}\r\n" for name, value in headers.items())
               + "\r\n").encode()
    with socket.create_connection((parts.hostname, parts.port)) as connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def ask() -> None:
            connection.sendall(request)
            answer = b""
            while b"\r\n\r\n" not in answer:
                answer += receive()
            head, body = answer.split(b"\r\n\r\n", 1)
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            while len(body) < length:
                body += receive()

        def receive() -> bytes:
            if quickack:
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            data = connection.recv(65536)
            if not data:
                raise ConnectionError("the server closed the connection")
            return data

        return per_request(ask, count)


CLIENTS: dict[str, Callable[[str, dict[str, str], int], float]] = {
    "requests kept alive": kept_alive,
    "requests kept alive, QUICKACK once": kept_alive_quickack,
    "requests, fresh connection": fresh,
    "raw socket kept alive, NODELAY": lambda u, h, n: raw(u, h, n, quickack=False),
    "raw socket kept alive, QUICKACK": lambda u, h, n: raw(u, h, n, quickack=True),
}


def measure(name: str, url: str, headers: dict[str, str], count: int) -> dict[str, float]:
    figures = {client: ask(url, headers, count) for client, ask in CLIENTS.items()}
    print(f"{name}:")
    for client, milliseconds in figures.items():
        print(f"  {client + ':':34} {milliseconds:6.1f} ms")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    print(f"median of {args.requests} requests each; {len(BODY)} B answers; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with django_server(nagle_off=False) as url:
        measure("Django's development server, Nagle on (runserver)", url, {}, args.requests)
    with django_server(nagle_off=True) as url:
        measure("Django's development server, Nagle off", url, {}, args.requests)
    with one_write_server() as url:
        measure("one write per answer, Nagle on (as nginx)", url, {}, args.requests)
    workdir = Path(tempfile.mkdtemp(prefix="bench-keepalive-"))
    process, state = start_sandbox(workdir)
    try:
        for _ in range(5):  # the sandbox's first answers load Django's code
            requests.get(state["base_url"] + "rest/", timeout=30)
        sandbox = measure("the sandbox, a page of /rest/recordingfiletreatment/",
                          state["base_url"] + "rest/recordingfiletreatment/",
                          {"Authorization": f"Token {state['tokens']['admin']}"},
                          args.requests)
    finally:
        stop(process)
        shutil.rmtree(workdir, ignore_errors=True)
    judge("sandbox: a kept-alive page's time over a fresh connection's",
          sandbox["requests kept alive"] - sandbox["requests, fresh connection"], 20,
          at_most=True, unit=" ms", digits=1)
    return exit_code()


if __name__ == "__main__":
    raise SystemExit(main())
