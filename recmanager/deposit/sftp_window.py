"""How much an SFTP transfer keeps in flight, and the requests that keep it there.

A stream of requests carries at most (bytes requested and not yet answered) ÷ (round trip):
over 20 ms, paramiko's 32 KiB reads or OpenSSH's 64 × 32 KiB leave a gigabit link mostly
idle. Downloads keep a window of READ requests sized from the round trip measured on the
connection; uploads keep a window of WRITE requests spread over as many SFTP channels as the
server's per-channel SSH window requires (OpenSSH grants 2 MiB a channel: one channel alone
carries 2 MiB per round trip). Both windows are bounded, and so is the memory they hold.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import BinaryIO

import paramiko
from paramiko.sftp import CMD_STATUS

from recmanager.deposit import sftp_wire
from recmanager.errors import DepositError
from recmanager.i18n import translate

# OpenSSH's sftp-server answers at most 256 KiB - 1 KiB per READ; asking for exactly that
# avoids short reads and the extra round trips they cost.
READ_CHUNK = 255 * 1024
# A download keeps "window" bytes requested and not yet received: a stream then carries at
# most window / round trip. The window is sized from the round trip measured on the
# connection (the quickest single request seen) to carry TARGET_RATE, above gigabit so the
# link is the limit, never fewer than MIN_DEPTH requests (what a fast local link needs to
# hide the server's turn-around) nor more than MAX_DEPTH: at most 64 MiB of replies waiting
# in memory, reached from a 270 ms round trip on.
TARGET_RATE = 250_000_000
MIN_DEPTH = 16
MAX_DEPTH = 256
# Large SSH channel packets and window (room for the largest read window, so the server never
# waits for a window adjustment): fewer Python-level packets per megabyte.
CHANNEL_WINDOW = MAX_DEPTH * READ_CHUNK + 1024 * 1024
CHANNEL_PACKET = 256 * 1024 - 1024
# The preview reader starts with one request after a seek and doubles while reads stay
# sequential: a player hopping around an MP4 fetches little it does not use.
PREVIEW_MAX_DEPTH = 8
# A WRITE carries as much as OpenSSH's sftp-server takes in one message (256 KiB, less room
# for the request's own fields).
WRITE_CHUNK = 255 * 1024
# An upload keeps at least one server window (2 MiB) in flight and at most MAX_WRITE_WINDOW
# over at most MAX_WRITE_CHANNELS channels. Several channels write their parts of the file
# in any order, so after a cut the file may have holes, but only in its last
# MAX_WRITE_WINDOW bytes: a resumed upload reads that end back (RESUME_REWRITE) and writes
# again from the first byte that differs from the source.
MIN_WRITE_WINDOW = 2 * 1024 * 1024
MAX_WRITE_WINDOW = 16 * 1024 * 1024
MAX_WRITE_CHANNELS = 4
RESUME_REWRITE = MAX_WRITE_WINDOW


def read_depth(round_trip_s: float, most: int = MAX_DEPTH) -> int:
    """READ requests to keep in flight to carry TARGET_RATE over ``round_trip_s``."""
    wanted = math.ceil(round_trip_s * TARGET_RATE / READ_CHUNK)
    return max(min(MIN_DEPTH, most), min(most, wanted))


def write_window(round_trip_s: float) -> int:
    """Bytes of WRITE requests to keep in flight to carry TARGET_RATE over ``round_trip_s``."""
    return max(MIN_WRITE_WINDOW, min(MAX_WRITE_WINDOW, math.ceil(round_trip_s * TARGET_RATE)))


def write_channels(window: int, server_window: int) -> int:
    """Channels an upload needs so that each one's share fits in half the server's SSH
    window: OpenSSH grants more only once half of it is used, a round trip later."""
    share = max(server_window, 64 * 1024) // 2
    return max(1, min(MAX_WRITE_CHANNELS, math.ceil(window / share)))


def same_length(chunks: Iterable[bytes], expected: BinaryIO) -> int:
    """How many bytes of ``chunks`` equal what ``expected`` reads from where it stands."""
    same = 0
    for chunk in chunks:
        wanted = expected.read(len(chunk))
        if chunk != wanted:
            pairs = enumerate(zip(chunk, wanted, strict=False))
            return same + next((i for i, (got, want) in pairs if got != want),
                               min(len(chunk), len(wanted)))
        same += len(chunk)
    return same


class ReadAhead:
    """Consecutive READ requests on one handle, up to ``depth`` in flight, answered in order."""

    def __init__(self, client: paramiko.SFTPClient, handle: bytes, start: int, end: int, *,
                 depth: int, max_depth: int, counter: Callable[[int], None]) -> None:
        self._client = client
        self._handle = handle
        self._next_request = start
        self._end = end
        self._depth = depth
        self._max_depth = max_depth
        self._counter = counter
        self._replies = sftp_wire.Replies()
        self._pending: deque[tuple[int, int, int]] = deque()
        self._in_flight = 0
        self.peak = 0  # the most bytes requested and not yet received
        self.position = start

    def _request(self) -> None:
        while self._next_request < self._end and len(self._pending) < self._depth:
            size = min(READ_CHUNK, self._end - self._next_request)
            number = sftp_wire.send_read(
                self._client, self._replies, self._handle, self._next_request, size)
            self._pending.append((number, self._next_request, size))
            self._next_request += size
            self._in_flight += size
        self.peak = max(self.peak, self._in_flight)

    def _answer(self, number: int) -> paramiko.Message:
        while number not in self._replies.by_number:
            with closed_on_silence(self._client):
                sftp_wire.receive_reply(self._client)
        kind, message = self._replies.by_number.pop(number)
        if kind == CMD_STATUS:
            try:
                sftp_wire.raise_for_status(self._client, message)
            except EOFError:
                raise DepositError(translate(
                    "deposit", "The file became shorter while it was read.")) from None
        return message

    def next_chunk(self) -> bytes:
        """The next bytes in order; ``b""`` at the end of the range."""
        self._request()
        if not self._pending:
            return b""
        number, offset, size = self._pending.popleft()
        self._in_flight -= size
        data = self._answer(number).get_string()
        while len(data) < size:  # a server with a smaller read limit: ask for the rest
            try:
                more = sftp_wire.read(
                    self._client, self._handle, offset + len(data), size - len(data))
            except EOFError:  # SSH_FX_EOF: not a dropped link
                more = b""
            if not more:
                raise DepositError(translate(
                    "deposit", "The file became shorter while it was read."))
            data += more
        self._counter(len(data))
        self.position = offset + size
        self._depth = min(self._max_depth, self._depth * 2)
        return data

    def discard(self) -> None:
        """Collect the replies still in flight so the channel can be reused."""
        while self._pending:
            number, _offset, size = self._pending.popleft()
            self._in_flight -= size
            with suppress(DepositError, OSError):
                self._answer(number)


class WindowedWriter:
    """Writes consecutive bytes from ``offset``, WRITE_CHUNK per request, the requests taking
    turns over ``files`` (each an SFTP channel with the same file open), with at most
    ``window`` bytes not yet acknowledged. Replies are collected oldest first, so every
    byte before the oldest unanswered request is written."""

    def __init__(self, files: list[tuple[paramiko.SFTPClient, bytes]], offset: int,
                 window: int) -> None:
        self._files = [(client, handle, sftp_wire.Replies()) for client, handle in files]
        self._turn = 0
        self._offset = offset
        self._window = window
        self._pending: deque[tuple[paramiko.SFTPClient, sftp_wire.Replies, int, int]] = deque()
        self._in_flight = 0
        self.peak = 0  # the most bytes sent and not yet acknowledged

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        for start in range(0, len(view), WRITE_CHUNK):
            piece = view[start:start + WRITE_CHUNK]
            while self._pending and self._in_flight + len(piece) > self._window:
                self._collect()
            client, handle, replies = self._files[self._turn]
            self._turn = (self._turn + 1) % len(self._files)
            with closed_on_silence(client):
                number = sftp_wire.send_write(client, replies, handle, self._offset, piece)
            self._pending.append((client, replies, number, len(piece)))
            self._offset += len(piece)
            self._in_flight += len(piece)
            self.peak = max(self.peak, self._in_flight)
        return len(data)

    def flush(self) -> None:
        """Wait until every byte written so far is acknowledged."""
        while self._pending:
            self._collect()

    def _collect(self) -> None:
        client, replies, number, size = self._pending.popleft()
        while number not in replies.by_number:
            with closed_on_silence(client):
                sftp_wire.receive_reply(client)
        kind, message = replies.by_number.pop(number)
        if kind != CMD_STATUS:
            raise OSError(None, "unexpected reply to WRITE")
        sftp_wire.raise_for_status(client, message)
        self._in_flight -= size


@contextmanager
def closed_on_silence(client: paramiko.SFTPClient) -> Iterator[None]:
    """A call that timed out means a dead link: close the whole connection (without sending
    anything), so the clean-up that follows fails at once instead of waiting out the
    silence again."""
    try:
        yield
    except TimeoutError:
        client.sock.get_transport().close()
        raise
