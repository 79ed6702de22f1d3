"""Reading deposit files over SFTP: the seekable reader the preview stream and the
inspection use, and how a file is opened for it (the guard's requests and the OPEN in one
round trip, on channels a preview may have opened beforehand).

A file's first reads can go out with its OPEN, in the same round trip, when the handle the
server will give is foreseen: OpenSSH's sftp-server gives the slot freed last, so on a
channel that has one file open at a time the next OPEN's handle is the handle of the one
before. Such reads count only when the OPEN's answer is that handle: the server answers
requests in order, so they then read the file just opened; otherwise their answers (errors,
or bytes of whatever that handle was) are dropped and the reads are asked for again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import paramiko
from paramiko.sftp import CMD_CLOSE, CMD_OPENDIR

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
                 chunk: int = READ_CHUNK,
                 sent: Sequence[tuple[tuple[int, int], ReadAhead]] = ()) -> None:
        super().__init__(size)
        self._deposit = deposit
        self._lease = lease
        self._handle = handle
        self._chunk = chunk
        self._ahead: ReadAhead | None = None
        self._leftover = b""
        # Whole ranges asked for with the OPEN, by (start, end): read_pieces takes them.
        self._sent = dict(sent)

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
        bounds = [(max(0, offset), max(0, min(self._size, offset + size)))
                  for offset, size in ranges]
        sent, self._sent = self._sent, {}
        self._deposit._translate(partial(
            discard_all, [ahead for key, ahead in sent.items() if key not in bounds]))
        batch: list[tuple[int, ReadAhead]] = []
        asked = 0
        try:
            for index, (start, end) in enumerate(bounds):
                if batch and asked + (end - start) > RANGES_IN_FLIGHT:
                    yield from self._pieces(batch)
                    batch, asked = [], 0
                ahead = sent.pop((start, end), None)
                if ahead is None:
                    ahead = whole_range(self._lease.client, self._handle, start, end,
                                        self._chunk, self._deposit._count)
                    self._deposit._translate(ahead.request)
                batch.append((index, ahead))
                asked += end - start
            yield from self._pieces(batch)
        except BaseException:  # a failure, or the caller stopped early: no reply left behind
            self._lease.broken = not quietly(
                partial(discard_all, [*(ahead for _index, ahead in batch), *sent.values()]))
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
        sent, self._sent = list(self._sent.values()), {}
        self._deposit._translate(partial(discard_all, sent))
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
            unread = [*self._sent.values(), *([self._ahead] if self._ahead else [])]
            self._lease.broken = not quietly(partial(discard_all, unread), close)
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
                self._learn_next_handle(leases[-1])
        finally:
            for lease in leases:
                lease.release()

    def _learn_next_handle(self: SftpDeposit, lease: ChannelLease) -> None:
        """Open and close the root folder on a channel that has opened nothing yet: the
        handle it gets is the one its next OPEN will get (see the module's docstring)."""
        if lease.client in self._next_handles:
            return
        with closed_on_silence(lease.client):
            try:
                handle = self._translate(lambda: sftp_wire.request(
                    lease.client, CMD_OPENDIR, self.real_root)[1].get_binary())
            except OSError:  # the root cannot be listed: files are opened without foresight
                return
            self._translate(partial(close_handle, lease.client, handle))
        self._next_handles[lease.client] = handle

    def open_judged(self: SftpDeposit, path: str, *, sampling: bool = False,
                    ahead: Sequence[tuple[int, int]] = ()) -> tuple[BinaryIO, Entry]:
        """The guard's requests and the OPEN go out together (one round trip, not three),
        and with them the READs of ``ahead`` (``(offset, size)`` ranges the caller will read
        first with ``read_pieces``) when the handle is foreseen; a file the guard refuses is
        closed unread."""
        check_server_path(self.root, path)
        self.real_root  # noqa: B018 (resolved before, on its own)
        chunk = SAMPLING_CHUNK if sampling else READ_CHUNK
        lease = self._lease()
        foreseen = self._next_handles.get(lease.client) if ahead else None
        sent: list[tuple[tuple[int, int], ReadAhead]] = []

        def read_with_open() -> None:
            if foreseen is not None:
                sent.extend(send_ranges(lease.client, foreseen, ahead, chunk, self._count))

        try:
            with closed_on_silence(lease.client):
                attributes, real, handle = self._translate(lambda: sftp_wire.lstat_realpath_open(
                    lease.client, path, sftp_wire.Replies(),
                    lambda: sftp_wire.receive_reply(lease.client), read_with_open))
        except BaseException as exc:
            lease.broken = isinstance(exc, DepositConnectionError) or bool(sent)
            lease.release()
            raise
        unread = [ahead for _bounds, ahead in sent]
        if isinstance(handle, bytes):
            self._next_handles[lease.client] = handle
            if handle != foreseen and sent:  # not this file's bytes: asked for again
                lease.broken = not quietly(partial(discard_all, unread))
                sent, unread = [], []
        try:
            if isinstance(attributes, OSError) and not isinstance(attributes, FileNotFoundError):
                raise self._failure(translate("deposit", "Reading"), path, attributes)
            entry = None if isinstance(attributes, OSError) else entry_of(
                path.rsplit("/", 1)[-1], attributes)
            entry = self._judged(path, entry, lambda: self._answer(
                real, translate("deposit", "Resolving"), path))
            opened = self._answer(handle, translate("deposit", "Reading"), path)
        except BaseException:
            steps = [partial(discard_all, unread)]
            if isinstance(handle, bytes):
                steps.append(partial(close_handle, lease.client, handle))
            lease.broken = not quietly(*steps)
            lease.release()
            raise
        reader = RemoteReader(self, lease, opened, entry.size, chunk, sent)
        return reader, entry  # type: ignore[return-value]

    def _answer(self: SftpDeposit, answer: T | OSError, action: str, path: str) -> T:
        """One of :func:`sftp_wire.lstat_realpath_open`'s answers, or the failure it is."""
        if isinstance(answer, OSError):
            raise self._failure(action, path, answer)
        return answer


def close_handle(client: paramiko.SFTPClient, handle: bytes) -> None:
    sftp_wire.request(client, CMD_CLOSE, handle)


def whole_range(client: paramiko.SFTPClient, handle: bytes, start: int, end: int, chunk: int,
                counter: Callable[[int], None]) -> ReadAhead:
    """The READs of ``[start, end)``, to be asked for all at once."""
    depth = max(1, -(-(end - start) // chunk))
    return ReadAhead(client, handle, start, max(start, end), depth=depth, max_depth=depth,
                     counter=counter, chunk=chunk)


def send_ranges(client: paramiko.SFTPClient, handle: bytes, ranges: Sequence[tuple[int, int]],
                chunk: int, counter: Callable[[int], None],
                ) -> list[tuple[tuple[int, int], ReadAhead]]:
    """The READs of the first ``(offset, size)`` ranges that fit in RANGES_IN_FLIGHT, sent
    on ``handle`` without waiting, by their ``(start, end)``."""
    sent: list[tuple[tuple[int, int], ReadAhead]] = []
    asked = 0
    for offset, size in ranges:
        start, end = max(0, offset), max(0, offset + size)
        asked += end - start
        if sent and asked > RANGES_IN_FLIGHT:
            break
        ahead = whole_range(client, handle, start, end, chunk, counter)
        ahead.request()
        sent.append(((start, end), ahead))
    return sent


def discard_all(reads: Sequence[ReadAhead]) -> None:
    """Collect the answers of READs no one will read, so the channel can be used again."""
    for ahead in reads:
        ahead.discard()


def quietly(*steps: Callable[[], object]) -> bool:
    """Run clean-up steps after a transfer; False when the link failed meanwhile."""
    try:
        for step in steps:
            step()
    except (OSError, EOFError, paramiko.SSHException, DepositError):
        return False
    return True
