"""Reading deposit files over SFTP: the seekable reader the preview stream and the
inspection use, and how a file is opened for it (the guard's requests and the OPEN in one
round trip, on channels a preview may have opened beforehand)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import paramiko
from paramiko.sftp import CMD_CLOSE

from recmanager.deposit import sftp_wire
from recmanager.deposit.base import Entry, joined
from recmanager.deposit.names import check_server_path
from recmanager.deposit.sftp_listing import entry_of
from recmanager.deposit.sftp_window import (
    MAX_DEPTH,
    PREVIEW_MAX_DEPTH,
    RANGES_IN_FLIGHT,
    READ_CHUNK,
    SAMPLING_CHUNK,
    ReadAhead,
    closed_on_silence,
)
from recmanager.errors import DepositConnectionError, DepositError
from recmanager.i18n import translate
from recmanager.readers import SizedReader

if TYPE_CHECKING:
    from recmanager.deposit.sftp import ChannelLease, SftpDeposit

T = TypeVar("T")


class RemoteReader(SizedReader):
    """A seekable reader of one SFTP file with adaptive read-ahead (for the preview stream),
    asking for ``chunk`` bytes per request."""

    def __init__(self, deposit: SftpDeposit, lease: ChannelLease, handle: bytes, size: int,
                 chunk: int = READ_CHUNK) -> None:
        super().__init__(size)
        self._deposit = deposit
        self._lease = lease
        self._handle = handle
        self._chunk = chunk
        self._ahead: ReadAhead | None = None
        self._leftover = b""

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._position >= self._size or not len(view):
            return 0
        if self._ahead is None or self._ahead.position - len(self._leftover) != self._position:
            self._restart(len(view))
        if not self._leftover:
            assert self._ahead is not None
            self._leftover = self._deposit._translate(self._ahead.next_chunk)
            if not self._leftover:  # the end of a range read: read on from here
                self._restart(len(view))
                self._leftover = self._deposit._translate(self._ahead.next_chunk)
        count = min(len(view), len(self._leftover))
        view[:count] = self._leftover[:count]
        self._leftover = self._leftover[count:]
        self._position += count
        return count

    def read_ranges(self, ranges: Sequence[tuple[int, int]]) -> list[bytes]:
        """The bytes of each ``(offset, size)``, every request sent before the first answer is
        awaited: one round trip for tens of small reads (an inspection's samples) where
        reading them in turn costs one each."""
        return joined(self.read_pieces(ranges), len(ranges))

    def read_pieces(self, ranges: Sequence[tuple[int, int]]) -> Iterator[tuple[int, bytes]]:
        """``(index, bytes)``: the bytes of each ``(offset, size)`` in order, one READ's answer
        at a time as it arrives, every request sent before the first answer is awaited. At
        most :data:`RANGES_IN_FLIGHT` bytes are asked for at once."""
        if self._ahead is not None:
            self._deposit._translate(self._ahead.discard)
            self._ahead = None
        self._leftover = b""
        batch: list[tuple[int, ReadAhead]] = []
        asked = 0
        try:
            for index, (offset, size) in enumerate(ranges):
                start, end = max(0, offset), min(self._size, offset + size)
                depth = max(1, -(-(end - start) // self._chunk))
                ahead = ReadAhead(self._lease.client, self._handle, start, max(start, end),
                                   depth=depth, max_depth=depth, counter=self._deposit._count,
                                   chunk=self._chunk)
                if batch and asked + (end - start) > RANGES_IN_FLIGHT:
                    yield from self._pieces(batch)
                    batch, asked = [], 0
                self._deposit._translate(ahead.request)
                batch.append((index, ahead))
                asked += end - start
            yield from self._pieces(batch)
        except BaseException:  # a failure, or the caller stopped early: no reply left behind
            self._lease.broken = not quietly(*(ahead.discard for _index, ahead in batch))
            raise

    def _pieces(self, batch: list[tuple[int, ReadAhead]]) -> Iterator[tuple[int, bytes]]:
        for index, ahead in batch:
            while chunk := self._deposit._translate(ahead.next_chunk):
                yield index, chunk

    def _restart(self, wanted: int) -> None:
        """Read on from the position: a read of two READ requests or more (a range wanted
        whole) asks for exactly its bytes at once; a smaller one starts one request ahead
        and doubles while the reads stay sequential."""
        if self._ahead is not None:
            self._deposit._translate(self._ahead.discard)
        self._leftover = b""
        if wanted >= 2 * self._chunk:
            end = min(self._size, self._position + wanted)
            depth = max_depth = min(MAX_DEPTH, -(-(end - self._position) // self._chunk))
        else:
            end, depth, max_depth = self._size, 1, PREVIEW_MAX_DEPTH
        self._ahead = ReadAhead(
            self._lease.client, self._handle, self._position, end, depth=depth,
            max_depth=max_depth, counter=self._deposit._count, chunk=self._chunk)

    def close(self) -> None:
        if self.closed:
            return
        try:
            close = partial(close_handle, self._lease.client, self._handle)
            steps = [close] if self._ahead is None else [self._ahead.discard, close]
            self._lease.broken = not quietly(*steps)
        finally:
            self._lease.release()
            super().close()


class SftpReads:
    """How :class:`~recmanager.deposit.sftp.SftpDeposit` opens files for reading."""

    def prepare_reads(self: SftpDeposit, readers: int) -> None:
        """The root resolved and ``readers`` SFTP channels open and idle (opening one costs
        round trips and a process on the server)."""
        super().prepare_reads(readers)  # type: ignore[misc]
        leases: list[ChannelLease] = []
        try:
            while len(leases) < min(readers, self._max_channels):
                leases.append(self._lease())
        finally:
            for lease in leases:
                lease.release()

    def open_judged(self: SftpDeposit, path: str, *,
                    sampling: bool = False) -> tuple[BinaryIO, Entry]:
        """The guard's requests and the OPEN go out together (one round trip, not three);
        a file the guard refuses is closed unread."""
        check_server_path(self.root, path)
        self.real_root  # noqa: B018 (resolved before, on its own)
        lease = self._lease()
        try:
            with closed_on_silence(lease.client):
                attributes, real, handle = self._translate(lambda: sftp_wire.lstat_realpath_open(
                    lease.client, path, sftp_wire.Replies(),
                    lambda: sftp_wire.receive_reply(lease.client)))
        except BaseException as exc:
            lease.broken = isinstance(exc, DepositConnectionError)
            lease.release()
            raise
        try:
            if isinstance(attributes, OSError) and not isinstance(attributes, FileNotFoundError):
                raise self._failure(translate("deposit", "Reading"), path, attributes)
            entry = None if isinstance(attributes, OSError) else entry_of(
                path.rsplit("/", 1)[-1], attributes)
            entry = self._judged(path, entry, lambda: self._answer(
                real, translate("deposit", "Resolving"), path))
            opened = self._answer(handle, translate("deposit", "Reading"), path)
        except BaseException:
            if isinstance(handle, bytes):
                lease.broken = not quietly(partial(close_handle, lease.client, handle))
            lease.release()
            raise
        chunk = SAMPLING_CHUNK if sampling else READ_CHUNK
        return RemoteReader(self, lease, opened, entry.size, chunk), entry  # type: ignore[return-value]

    def _answer(self: SftpDeposit, answer: T | OSError, action: str, path: str) -> T:
        """One of :func:`sftp_wire.lstat_realpath_open`'s answers, or the failure it is."""
        if isinstance(answer, OSError):
            raise self._failure(action, path, answer)
        return answer


def close_handle(client: paramiko.SFTPClient, handle: bytes) -> None:
    sftp_wire.request(client, CMD_CLOSE, handle)


def quietly(*steps: Callable[[], object]) -> bool:
    """Run clean-up steps after a transfer; False when the link failed meanwhile."""
    try:
        for step in steps:
            step()
    except (OSError, EOFError, paramiko.SSHException, DepositError):
        return False
    return True
