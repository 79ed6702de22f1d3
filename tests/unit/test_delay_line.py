"""The delay line (``FaultProxy`` with ``one_way_s``) the SFTP benchmarks and tests use for
distance: an exchange sees the round trip, a pipelined stream keeps its bandwidth."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

from tests.fixtures.fault_proxy import fault_proxy

ONE_WAY_S = 0.05


@contextlib.contextmanager
def server(handle: object) -> Iterator[int]:
    """A one-connection TCP server on 127.0.0.1 running ``handle(connection)``."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            handle(connection)  # type: ignore[operator]

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        listener.close()
        thread.join(timeout=10)


def echo(connection: socket.socket) -> None:
    while data := connection.recv(65536):
        connection.sendall(data)


def count_then_answer(connection: socket.socket) -> None:
    """Read until the client stops sending, then answer with the byte count."""
    total = 0
    while data := connection.recv(1 << 20):
        total += len(data)
        if total >= BULK and data.endswith(b"!"):
            break
    connection.sendall(str(total).encode())


BULK = 64 * 1024 * 1024


def test_an_exchange_takes_one_round_trip() -> None:
    with server(echo) as port, fault_proxy(("127.0.0.1", port), one_way_s=ONE_WAY_S) as line, \
            socket.create_connection(("127.0.0.1", line.port)) as client:
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        turns = []
        for index in range(5):
            start = time.perf_counter()
            client.sendall(bytes([index]))
            assert client.recv(1) == bytes([index])
            turns.append(time.perf_counter() - start)
    # Never less than the round trip; the quickest turn close to it (the machine may be busy).
    assert min(turns) >= 2 * ONE_WAY_S
    assert min(turns) < 2 * ONE_WAY_S + 0.05, turns


def test_a_pipelined_stream_keeps_its_bandwidth() -> None:
    """64 MB one way: a relay that waited a round trip per 64 KB chunk (or per turn of
    talk, like bench/latency_proxy.py for HTTP) would need 50 s; the line needs the one-way
    time plus what the bytes take to copy."""
    block = b"x" * (1 << 20)
    with server(count_then_answer) as port, \
            fault_proxy(("127.0.0.1", port), one_way_s=ONE_WAY_S) as line, \
            socket.create_connection(("127.0.0.1", line.port)) as client:
        start = time.perf_counter()
        for _ in range(BULK // len(block) - 1):
            client.sendall(block)
        client.sendall(block[:-1] + b"!")
        answer = client.recv(64)
        elapsed = time.perf_counter() - start
    assert answer == str(BULK).encode()
    assert elapsed >= 2 * ONE_WAY_S
    assert elapsed < 5.0, f"{BULK / elapsed / 1e6:.0f} MB/s through the line"
