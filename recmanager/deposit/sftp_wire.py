"""The SFTP requests paramiko's public API does not offer, in one place.

Pipelined reads (several READ requests in flight on one handle, for the preview stream) and a
directory listing that keeps names which are not UTF-8 need paramiko's request layer, which it
keeps private: ``SFTPClient._async_request``, ``_read_response``, ``_convert_status``,
``_request``, and the ``_async_response`` callback it calls on a reply's owner; a channel's
receive buffer is ``Channel.in_buffer``, a ``BufferedPipe``. Only this module touches them;
tests/integration/test_sftp_wire.py runs each against the installed paramiko, so a release
that changes them fails there, before anything else.
"""

from __future__ import annotations

import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import paramiko
from paramiko.buffered_pipe import BufferedPipe, PipeTimeout
from paramiko.sftp import (
    CMD_ATTRS,
    CMD_HANDLE,
    CMD_LSTAT,
    CMD_NAME,
    CMD_OPEN,
    CMD_READ,
    CMD_REALPATH,
    CMD_STATUS,
    CMD_WRITE,
    SFTP_FLAG_READ,
    int64,
)
from paramiko.sftp_attr import SFTPAttributes


class Replies:
    """Where paramiko delivers the replies of asynchronous requests, by request number."""

    def __init__(self) -> None:
        self.by_number: dict[int, tuple[int, paramiko.Message]] = {}

    def _async_response(self, kind: int, message: paramiko.Message, number: int) -> None:
        """Called by paramiko (its name is paramiko's) when a reply for ``number`` arrives."""
        self.by_number[number] = (kind, message)


def send_read(client: paramiko.SFTPClient, replies: Replies, handle: bytes, offset: int,
              size: int) -> int:
    """Send a READ without waiting; its reply lands in ``replies`` under the number returned."""
    return client._async_request(replies, CMD_READ, handle, int64(offset), int(size))


def receive_reply(client: paramiko.SFTPClient) -> None:
    """Wait for the next reply on the channel and hand it to its owner."""
    client._read_response()


def raise_for_status(client: paramiko.SFTPClient, message: paramiko.Message) -> None:
    """Raise what a STATUS reply means: ``EOFError`` at the end of a file, ``OSError`` for an
    error status; return for SSH_FX_OK."""
    client._convert_status(message)


def request(client: paramiko.SFTPClient, kind: int, *args: object) -> tuple[int, paramiko.Message]:
    """Send one request and wait for its reply (a STATUS error or EOF is raised)."""
    return client._request(kind, *args)


def read(client: paramiko.SFTPClient, handle: bytes, offset: int, size: int) -> bytes:
    """Up to ``size`` bytes at ``offset``, waiting for the reply; ``EOFError`` at the end."""
    _kind, message = request(client, CMD_READ, handle, int64(offset), int(size))
    return message.get_string()


class ChunkPipe(BufferedPipe):
    """A channel's receive buffer that keeps the chunks as they came.

    paramiko's own keeps every received byte in one array and moves what is left of it
    after each read: with megabytes of replies in flight (a window sized for a long round
    trip) each 255 KiB read moved the whole rest, and more requests in flight made a
    download slower. Here a read hands out whole chunks, or slices of the first one.
    """

    def __init__(self) -> None:
        super().__init__()
        self._chunks: deque[bytes] = deque()
        self._head = 0  # bytes of the first chunk already read
        self._size = 0

    def set_event(self, event: threading.Event) -> None:
        with self._lock:
            self._event = event
            if self._closed or self._size:
                event.set()
            else:
                event.clear()

    def feed(self, data: bytes) -> None:
        with self._lock:
            if self._event is not None:
                self._event.set()
            if data:
                self._chunks.append(bytes(data))
                self._size += len(data)
            self._cv.notify_all()

    def read_ready(self) -> bool:
        with self._lock:
            return self._size > 0

    def read(self, nbytes: int, timeout: float | None = None) -> bytes:
        with self._lock:
            if not self._size:
                if self._closed:
                    return b""
                deadline = None if timeout is None else time.monotonic() + timeout
                while not self._size and not self._closed:
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        raise PipeTimeout()
                    self._cv.wait(left)
            return self._take(min(nbytes, self._size))

    def empty(self) -> bytes:
        with self._lock:
            return self._take(self._size)

    def __len__(self) -> int:
        with self._lock:
            return self._size

    def _take(self, count: int) -> bytes:
        pieces = []
        self._size -= count
        while count:
            chunk = self._chunks[0]
            available = len(chunk) - self._head
            if available <= count:
                pieces.append(chunk[self._head:] if self._head else chunk)
                self._chunks.popleft()
                self._head = 0
                count -= available
            else:
                pieces.append(chunk[self._head:self._head + count])
                self._head += count
                count = 0
        if not self._size and self._event is not None and not self._closed:
            self._event.clear()
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def use_chunk_pipe(channel: paramiko.Channel) -> None:
    """Give a channel that has received nothing yet a :class:`ChunkPipe` to receive into."""
    assert not len(channel.in_buffer)
    channel.in_buffer = ChunkPipe()


def send_write(client: paramiko.SFTPClient, replies: Replies, handle: bytes, offset: int,
               data: bytes | memoryview) -> int:
    """Send a WRITE without waiting; its STATUS reply lands in ``replies``.

    The packet is sent as it is built, ``data`` straight from the caller's buffer: paramiko's
    own request copies it four times, then slices off what is left after every 32 KiB SSH
    packet. Numbering follows paramiko's ``_async_request``, under the same lock.
    """
    with client._lock:
        number = client.request_number
        client._expecting[number] = replies
        client.request_number += 1
    fields = _U32.pack(len(handle)) + handle + _OFFSET_AND_LENGTH.pack(offset, len(data))
    header = _PACKET_START.pack(1 + 4 + len(fields) + len(data), CMD_WRITE, number) + fields
    view = memoryview(data)
    first = max(0, client.sock.out_max_packet_size - len(header))
    client.sock.sendall(header + bytes(view[:first]))
    if len(view) > first:
        client.sock.sendall(view[first:])
    return number


_U32 = struct.Struct(">I")
_OFFSET_AND_LENGTH = struct.Struct(">QI")
_PACKET_START = struct.Struct(">IBI")  # length, type, request number


def send_request(client: paramiko.SFTPClient, replies: Replies, kind: int,
                 *args: object) -> int:
    """Send any request without waiting; its reply lands in ``replies``."""
    return client._async_request(replies, kind, *args)


def lstat_realpath_open(client: paramiko.SFTPClient, path: str, replies: Replies,
                        wait: Callable[[], None], then: Callable[[], None] = lambda: None,
                        ) -> tuple[SFTPAttributes | OSError, str | OSError, bytes | OSError]:
    """LSTAT, REALPATH and OPEN (for reading) of ``path`` sent at once, answered in one round
    trip: the attributes, the real path and the handle, each one or the error its STATUS
    reply means. ``then`` sends what should follow the OPEN before its answer; ``wait``
    receives the next reply."""
    numbers = [send_request(client, replies, CMD_LSTAT, path),
               send_request(client, replies, CMD_REALPATH, path),
               send_request(client, replies, CMD_OPEN, path, SFTP_FLAG_READ, SFTPAttributes())]
    then()
    answers: list[Any] = []
    for number, expected in zip(numbers, (CMD_ATTRS, CMD_NAME, CMD_HANDLE), strict=True):
        while number not in replies.by_number:
            wait()
        kind, message = replies.by_number.pop(number)
        if kind == CMD_STATUS:
            try:
                raise_for_status(client, message)
                answers.append(OSError(f"no answer to {path}"))
            except OSError as exc:
                answers.append(exc)
        elif kind != expected:
            answers.append(OSError(f"unexpected SFTP reply {kind}"))
        elif kind == CMD_ATTRS:
            answers.append(SFTPAttributes._from_msg(message))
        elif kind == CMD_NAME:
            message.get_int()
            answers.append(message.get_text())
        else:
            answers.append(message.get_binary())
    return answers[0], answers[1], answers[2]
