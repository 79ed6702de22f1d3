"""The SFTP requests paramiko's public API does not offer, in one place.

Pipelined reads (several READ requests in flight on one handle, for the preview stream) and a
directory listing that keeps names which are not UTF-8 need paramiko's request layer, which it
keeps private: ``SFTPClient._async_request``, ``_read_response``, ``_convert_status``,
``_request``, and the ``_async_response`` callback it calls on a reply's owner. Only this
module touches them; tests/integration/test_sftp_wire.py runs each against the installed
paramiko, so a release that changes them fails there, before anything else.
"""

from __future__ import annotations

import paramiko
from paramiko.sftp import CMD_READ, int64


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
