"""A threaded TCP relay on 127.0.0.1 that adds a fixed network delay to each HTTP exchange.

On loopback every request costs only the server's CPU time, so a benchmark of concurrent
requests measures nothing but how many cores the server has. A real Pod sits behind a
network: each request waits for its bytes to travel there and for the answer to come back.
This relay restores that wait without touching either end: half the round trip is added when
a request's first bytes arrive from the client, the other half when the response's first
bytes arrive from the server. Bytes that follow in the same direction pass at once, as they
would on a link with plenty of bandwidth. Each connection has its own two threads, so the
delays of concurrent connections overlap as they do on a real network.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType

CHUNK = 64 * 1024


class _Link:
    """One client connection and its connection to the server; remembers which side spoke
    last, so the delay falls once per request and once per response."""

    def __init__(self, client: socket.socket, server: socket.socket, one_way: float,
                 on_closed: Callable[[_Link], None]) -> None:
        self.client = client
        self.server = server
        self.one_way = one_way
        self.last_sender: socket.socket | None = None
        self._on_closed = on_closed
        self._pumps_left = 2
        self._lock = threading.Lock()

    def pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(CHUNK):
                if self.last_sender is not source:
                    self.last_sender = source
                    time.sleep(self.one_way)
                target.sendall(data)
        except OSError:
            pass  # one side closed the link; shutting both down below ends the other pump
        finally:
            self.shutdown()
            with self._lock:
                self._pumps_left -= 1
                last = self._pumps_left == 0
            if last:
                self.client.close()
                self.server.close()
                self._on_closed(self)

    def shutdown(self) -> None:
        for end in (self.client, self.server):
            with contextlib.suppress(OSError):  # already closed by the other side
                end.shutdown(socket.SHUT_RDWR)


class LatencyProxy:
    """``with LatencyProxy(target_port, round_trip_ms) as proxy:`` then talk to
    ``proxy.port``; leaving the block stops accepting, cuts every open link and joins the
    relay threads."""

    def __init__(self, target_port: int, round_trip_ms: float,
                 target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.round_trip_ms = round_trip_ms
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)  # lets the accept loop notice close()
        self.port: int = self._listener.getsockname()[1]
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._links: dict[_Link, list[threading.Thread]] = {}
        self._acceptor = threading.Thread(target=self._accept, name="latency-proxy")

    def __enter__(self) -> LatencyProxy:
        self._acceptor.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _accept(self) -> None:
        one_way = self.round_trip_ms / 2000
        while not self._closing.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            client.settimeout(None)
            try:
                server = socket.create_connection(self.target, timeout=30)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            for end in (client, server):
                end.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            link = _Link(client, server, one_way, self._forget)
            threads = [threading.Thread(target=link.pump, args=pair, name="latency-proxy-link")
                       for pair in ((client, server), (server, client))]
            with self._lock:
                self._links[link] = threads
            for thread in threads:
                thread.start()
        self._listener.close()

    def _forget(self, link: _Link) -> None:
        with self._lock:
            self._links.pop(link, None)

    def close(self) -> None:
        """Stop accepting, cut every open link and wait for all relay threads to end."""
        self._closing.set()
        if self._acceptor.is_alive():
            self._acceptor.join()
        with self._lock:
            links = dict(self._links)
        for link in links:
            link.shutdown()
        for threads in links.values():
            for thread in threads:
                thread.join()
