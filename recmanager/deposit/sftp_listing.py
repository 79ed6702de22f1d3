"""Folder listings over SFTP: many folders on one channel, every request in flight.

A rescan lists every recorder folder each minute. One request after the other costs a round
trip each (OPENDIR, a READDIR per hundred names, the end, CLOSE); more channels cost their own
set-up and threads. Here all the folders' requests share one channel and are all in flight,
and so are several READDIRs of one folder: a server answers a handle's requests in the order
they came (OpenSSH's does; the protocol's drafts ask it), each with the next names, so the
batches are put together in the order they were asked for. The READDIRs in flight for a
folder double while its names keep coming, up to :data:`READDIRS_IN_FLIGHT`: a term's 2,000
recordings in one folder take 6 round trips instead of 23, and a folder of a few names 3
instead of 4.
Names that are not UTF-8 are kept (decoded with ``surrogateescape``) and reported by the
caller, not lost: paramiko decodes names strictly, so one odd byte would fail a whole folder,
and its attribute objects cost more than the listing itself on thousands of files.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

import paramiko
from paramiko.sftp import CMD_CLOSE, CMD_HANDLE, CMD_NAME, CMD_OPENDIR, CMD_READDIR, CMD_STATUS
from paramiko.sftp_attr import SFTPAttributes

from recmanager.deposit import sftp_wire
from recmanager.deposit.base import Entry, entry_kind
from recmanager.deposit.sftp_window import closed_on_silence


def entry_of(name: str, attributes: SFTPAttributes) -> Entry:
    """The entry for ``name`` from paramiko's attributes (an LSTAT's answer)."""
    return Entry(name, entry_kind(attributes.st_mode or 0), int(attributes.st_size or 0),
                 float(attributes.st_mtime or 0))


READDIRS_IN_FLIGHT = 16  # per folder: 16 answers of ~100 names, ~150 KB on the way


@dataclass
class _Folder:
    """One folder's listing under way: its handle, its READDIRs not yet answered, the
    batches of names by request number, and whether its end (or an error) has come."""

    path: str
    handle: bytes = b""
    pending: set[int] = field(default_factory=set)
    batches: dict[int, list[Entry]] = field(default_factory=dict)
    ended: bool = False
    error: OSError | None = None


def read_directories(client: paramiko.SFTPClient,
                     server_dirs: list[str]) -> dict[str, list[Entry] | OSError]:
    """Each folder's entries, or the error the server gave for it."""
    replies = sftp_wire.Replies()
    folders = {path: _Folder(path) for path in server_dirs}
    # request number -> (the folder it is for, what the request was)
    waiting: dict[int, tuple[_Folder, int]] = {}

    def send(folder: _Folder, kind: int) -> None:
        argument: str | bytes = folder.handle if folder.handle else folder.path
        number = sftp_wire.send_request(client, replies, kind, argument)
        waiting[number] = (folder, kind)
        if kind == CMD_READDIR:
            folder.pending.add(number)

    def ask_more(folder: _Folder, count: int) -> None:
        for _ in range(min(count, READDIRS_IN_FLIGHT - len(folder.pending))):
            send(folder, CMD_READDIR)

    def end(folder: _Folder, error: OSError | None = None) -> None:
        """The folder is read (or failed): close its handle once nothing else is asked of it."""
        folder.ended = True
        folder.error = folder.error or error
        if folder.handle and not folder.pending:
            send(folder, CMD_CLOSE)
            folder.handle = b""

    for folder in folders.values():
        send(folder, CMD_OPENDIR)
    while waiting:
        with closed_on_silence(client):
            sftp_wire.receive_reply(client)
        for number in [number for number in replies.by_number if number in waiting]:
            answer, message = replies.by_number.pop(number)
            folder, kind = waiting.pop(number)
            folder.pending.discard(number)
            if kind == CMD_CLOSE:
                continue
            if answer == CMD_STATUS:
                try:
                    sftp_wire.raise_for_status(client, message)
                except EOFError:  # the end of the folder
                    end(folder)
                    continue
                except OSError as exc:
                    end(folder, exc)
                    continue
            if kind == CMD_OPENDIR and answer == CMD_HANDLE:
                folder.handle = message.get_binary()
                ask_more(folder, 2)  # a folder of a few names: its names and its end at once
            elif kind == CMD_READDIR and answer == CMD_NAME:
                folder.batches[number] = parse_names(message.get_remainder())
                if folder.ended:
                    end(folder)
                else:
                    ask_more(folder, 2)
            else:
                end(folder, OSError(None, "unexpected reply to a directory request"))
    return {path: folder.error if folder.error else
            [entry for _, batch in sorted(folder.batches.items()) for entry in batch]
            for path, folder in folders.items()}


_U32 = struct.Struct(">I")
_U64 = struct.Struct(">Q")
_FLAG_SIZE, _FLAG_UIDGID, _FLAG_PERMISSIONS, _FLAG_TIMES = 0x1, 0x2, 0x4, 0x8
_FLAG_EXTENDED = 0x80000000


# What OpenSSH sends for every name: flags, size, uid, gid, permissions, atime, mtime.
_COMMON_FLAGS = _FLAG_SIZE | _FLAG_UIDGID | _FLAG_PERMISSIONS | _FLAG_TIMES
_COMMON_ATTRIBUTES = struct.Struct(">IQIIIII")


def parse_names(payload: bytes) -> list[Entry]:
    """The entries of an SSH_FXP_NAME reply (SFTP v3: count, then name, long name, attrs)."""
    (count,), offset = _U32.unpack_from(payload, 0), 4
    entries = []
    for _ in range(count):
        (length,) = _U32.unpack_from(payload, offset)
        name = payload[offset + 4:offset + 4 + length].decode("utf-8", "surrogateescape")
        offset += 4 + length
        offset += 4 + _U32.unpack_from(payload, offset)[0]  # the long name, ls -l style
        flags, size, _uid, _gid, mode, _atime, mtime = _COMMON_ATTRIBUTES.unpack_from(
            payload, offset) if len(payload) >= offset + 32 else (0,) * 7
        if flags == _COMMON_FLAGS:  # one unpack for the usual case (10,000 names a rescan)
            offset += 32
            entry = Entry(name, entry_kind(mode), size, float(mtime))
        else:
            entry, offset = _parse_attributes(name, payload, offset)
        if name not in (".", ".."):
            entries.append(entry)
    return entries


def _parse_attributes(name: str, payload: bytes, offset: int) -> tuple[Entry, int]:
    """The entry for ``name`` from attributes with any flags, and the offset after them."""
    (flags,), offset = _U32.unpack_from(payload, offset), offset + 4
    size = mode = 0
    mtime = 0.0
    if flags & _FLAG_SIZE:
        (size,), offset = _U64.unpack_from(payload, offset), offset + 8
    if flags & _FLAG_UIDGID:
        offset += 8
    if flags & _FLAG_PERMISSIONS:
        (mode,), offset = _U32.unpack_from(payload, offset), offset + 4
    if flags & _FLAG_TIMES:
        mtime, offset = float(_U32.unpack_from(payload, offset + 4)[0]), offset + 8
    if flags & _FLAG_EXTENDED:
        (pairs,), offset = _U32.unpack_from(payload, offset), offset + 4
        for _pair in range(2 * pairs):
            offset += 4 + _U32.unpack_from(payload, offset)[0]
    return Entry(name, entry_kind(mode), size, mtime), offset
