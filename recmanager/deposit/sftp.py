"""The deposit folder over SFTP (paramiko): channels, reconnection, and the primitives.

Logging in and host keys are in :mod:`recmanager.deposit.sftp_login`, the transfer windows
in :mod:`recmanager.deposit.sftp_window`, folder listings in
:mod:`recmanager.deposit.sftp_listing`, reading files (the preview's and the inspection's
reader) in :mod:`recmanager.deposit.sftp_reader`. A dropped link is noticed by the next operation,
which reconnects with backoff and says so through ``on_status``. Each thread borrows its own
SFTP channel from a small pool on one SSH transport: paramiko's SFTP client must not be read
by two threads at once.

Silence is a fault: a server that stops sending (or stops taking bytes) for
``progress_timeout_s`` (default :data:`PROGRESS_TIMEOUT_S`) fails the waiting SFTP call
instead of hanging — SSH keepalives cannot notice, as OpenSSH does not answer them. The
connection is then dropped; a transfer reconnects and resumes from the last byte written
(:data:`recmanager.deposit.base.TRANSFER_RETRIES` times in a row without progress, then a
clear error that keeps the partial file for the next try).
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import paramiko

from recmanager.config import network_timeout
from recmanager.deposit import sftp_wire
from recmanager.deposit.base import (
    Deposit,
    Entry,
    Listing,
    OnStatus,
    Writer,
)
from recmanager.deposit.sftp_listing import entry_of, read_directories
from recmanager.deposit.sftp_login import HostKeyQuestion, SshLogin
from recmanager.deposit.sftp_reader import SftpReads, quietly
from recmanager.deposit.sftp_window import (
    CHANNEL_PACKET,
    CHANNEL_WINDOW,
    MAX_DEPTH,
    READ_CHUNK,
    RESUME_REWRITE,
    ReadAhead,
    WindowedWriter,
    closed_on_silence,
    read_depth,
    same_length,
    write_channels,
    write_window,
)
from recmanager.errors import (
    DepositConnectionError,
    DepositError,
)
from recmanager.formatting import os_error_message, printable
from recmanager.i18n import translate

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.secrets import SecretStore

log = logging.getLogger("recmanager.deposit.sftp")
T = TypeVar("T")

RECONNECT_DELAYS_S = (0.0, 1.0, 2.0, 4.0, 8.0)
# No byte from (or to) the server for this long while an SFTP call waits: the link is dead.
PROGRESS_TIMEOUT_S = network_timeout(20.0)
# SFTP channels open at once on one connection: below OpenSSH's default MaxSessions (10).
MAX_CHANNELS = 8
CHANNEL_WAIT_S = 120.0


class _Busy(DepositError):
    """Every SFTP channel the connection may open is lent out."""


class ChannelLease:
    """One SFTP channel lent to one thread; given back (or dropped when broken) on release."""

    def __init__(self, deposit: SftpDeposit, client: paramiko.SFTPClient, generation: int) -> None:
        self.deposit = deposit
        self.client = client
        self.generation = generation
        self.broken = False

    def release(self) -> None:
        self.deposit._give_back(self)


class SftpDeposit(SshLogin, SftpReads, Deposit):
    """The deposit folder on an SSH server."""

    def __init__(
        self,
        profile: Profile,
        *,
        known_hosts: Path,
        secrets: SecretStore,
        on_unknown_host_key: HostKeyQuestion | None = None,
        on_status: OnStatus | None = None,
        keepalive_s: float = 15.0,
        timeout_s: float = 15.0,
        progress_timeout_s: float = PROGRESS_TIMEOUT_S,
    ) -> None:
        super().__init__(profile.deposit_root)
        self.profile = profile
        self.known_hosts = Path(known_hosts)
        self.on_unknown_host_key = on_unknown_host_key
        self.session_host_keys = paramiko.HostKeys()
        self._secrets = secrets
        self._on_status = on_status
        self._keepalive_s = keepalive_s
        self._timeout_s = timeout_s
        self.progress_timeout_s = progress_timeout_s
        self._lock = threading.RLock()
        self._client: paramiko.SSHClient | None = None
        self._idle: list[paramiko.SFTPClient] = []
        self._channel_freed = threading.Condition(self._lock)
        self._open_channels = 0
        self._max_channels = MAX_CHANNELS
        self._generation = 0
        self._connected_once = False
        self._closed = False
        self._counter_lock = threading.Lock()
        self.bytes_read = 0
        # The quickest single request seen (0 before the first): what sizes a read window.
        self.round_trip_s = 0.0
        self.max_read_depth = MAX_DEPTH
        self.peak_in_flight = 0  # the most bytes a download had requested and not received
        self._listed: dict[str, list[Entry] | OSError] = {}  # read ahead by list_all
        # The handle each channel's next OPEN is expected to get (see sftp_reader).
        self._next_handles: weakref.WeakKeyDictionary[paramiko.SFTPClient, bytes] = (
            weakref.WeakKeyDictionary())

    # --- connection ------------------------------------------------------------------------

    def _status(self, state: str, detail: str) -> None:
        if self._on_status is not None:
            self._on_status(state, detail)

    def connect(self) -> SftpDeposit:
        """Connect now (otherwise the first operation does), so errors show up front."""
        with self._lock:
            self._ensure_connected()
        return self

    def _ensure_connected(self) -> None:
        if self._closed:
            raise DepositError(translate("deposit", "The deposit connection is closed."))
        if self._client is not None:
            transport = self._client.get_transport()
            if transport is not None and transport.is_active():
                return
            self._drop_locked()
        if not self._connected_once:
            try:
                self._client = self._open_client()
            except DepositError as exc:
                self._status("failed", str(exc))
                raise
            self._connected_once = True
            self._status("connected", self.address)
            return
        last_error: DepositConnectionError | None = None
        for attempt, delay in enumerate(RECONNECT_DELAYS_S, start=1):
            self._status("reconnecting", translate(
                "deposit", "Connection to {address} lost; reconnecting (attempt {n} of {total})…"
            ).format(address=self.address, n=attempt, total=len(RECONNECT_DELAYS_S)))
            if delay:
                threading.Event().wait(delay)
            try:
                self._client = self._open_client()
            except DepositConnectionError as exc:
                last_error = exc
                continue
            except DepositError as exc:
                self._status("failed", str(exc))
                raise
            self._status("connected", self.address)
            return
        assert last_error is not None
        self._status("failed", str(last_error))
        raise last_error

    def _drop_locked(self) -> None:
        for idle in self._idle:
            quietly(idle.close)
        self._idle.clear()
        self._open_channels = 0
        self._channel_freed.notify_all()
        if self._client is not None:
            quietly(self._client.close)
        self._client = None
        self._generation += 1

    def _reconnect(self) -> None:
        with self._lock:
            self._ensure_connected()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._drop_locked()
            self._closed = True
        self._status("closed", self.address)

    # --- channels ----------------------------------------------------------------------------

    def _lease(self, wait_s: float = CHANNEL_WAIT_S) -> ChannelLease:
        """An SFTP channel for this thread: an idle one, a new one, or the next one freed
        within ``wait_s``."""
        deadline = time.monotonic() + wait_s
        with self._channel_freed:
            while True:
                self._ensure_connected()
                generation = self._generation
                if self._idle:
                    return ChannelLease(self, self._idle.pop(), generation)
                if self._open_channels < self._max_channels:
                    self._open_channels += 1
                    assert self._client is not None
                    transport = self._client.get_transport()
                    break
                if not self._channel_freed.wait(max(0.0, deadline - time.monotonic())):
                    raise _Busy(translate(
                        "deposit", "All connections to {address} are busy; try again when a "
                        "transfer has finished.").format(address=self.address))
        try:
            if transport is None:
                raise EOFError("no transport")
            client = self._open_sftp(transport)
        except paramiko.ChannelException:
            # The server allows fewer sessions than we do (OpenSSH's MaxSessions): live with
            # the channels already open.
            with self._channel_freed:
                self._open_channels -= 1
                if self._open_channels == 0:
                    raise DepositConnectionError(translate(
                        "deposit", "{address} refuses to open an SFTP session.").format(
                        address=self.address)) from None
                self._max_channels = self._open_channels
            return self._lease(wait_s)
        except (paramiko.SSHException, OSError, EOFError) as exc:
            self._forget(generation)
            raise self._connection_error(exc) from None
        return ChannelLease(self, client, generation)

    def _open_sftp(self, transport: paramiko.Transport) -> paramiko.SFTPClient:
        """``SFTPClient.from_transport`` where every wait is bounded by the progress timeout
        (paramiko waits an hour for a channel, and for ever for the subsystem)."""
        silence = self.progress_timeout_s
        channel = transport.open_session(
            window_size=CHANNEL_WINDOW, max_packet_size=CHANNEL_PACKET, timeout=silence)
        if channel is None:
            raise EOFError("no channel")
        sftp_wire.use_chunk_pipe(channel)
        channel.settimeout(silence)
        watchdog = threading.Timer(silence, transport.close)
        watchdog.daemon = True
        watchdog.start()
        try:
            channel.invoke_subsystem("sftp")
        finally:
            watchdog.cancel()
        return paramiko.SFTPClient(channel)

    def _give_back(self, lease: ChannelLease) -> None:
        with self._channel_freed:
            current = lease.generation == self._generation
            usable = (not lease.broken and not self._closed and current
                      and not lease.client.sock.closed)
            if usable:
                self._idle.append(lease.client)
            elif current:
                self._open_channels -= 1
            self._channel_freed.notify()
        if not usable:
            quietly(lease.client.close)
        if lease.broken:
            self._forget(lease.generation)

    def _forget(self, generation: int) -> None:
        """The link of ``generation`` is dead: the next operation reconnects."""
        with self._lock:
            if generation == self._generation and self._client is not None:
                self._drop_locked()

    def _connection_error(self, exc: BaseException) -> DepositConnectionError:
        if isinstance(exc, TimeoutError):
            return DepositConnectionError(
                translate("deposit", "{address} sent nothing for {seconds} s.").format(
                    address=self.address, seconds=f"{self.progress_timeout_s:g}"),
                hint=translate("deposit", "recmanager reconnects on the next operation."))
        if isinstance(exc, EOFError) or isinstance(exc.__context__, EOFError) or not self._alive():
            # The link is gone: paramiko's words for it ("Server connection dropped: ",
            # "Socket is closed") would only repeat that, in English.
            message = translate("deposit", "The connection to {address} was lost.").format(
                address=self.address)
        else:
            message = translate("deposit", "The connection to {address} was lost: {error}").format(
                address=self.address, error=exc or type(exc).__name__)
        return DepositConnectionError(
            message, hint=translate("deposit", "recmanager reconnects on the next operation."))

    def _alive(self) -> bool:
        with self._lock:
            transport = self._client.get_transport() if self._client else None
            return transport is not None and transport.is_active()

    def _translate(self, work: Callable[[], Any]) -> Any:
        """Run one SFTP call, turning a dropped link into DepositConnectionError."""
        try:
            return work()
        except (OSError, EOFError, paramiko.SSHException) as exc:
            if isinstance(exc, OSError) and exc.errno is not None and self._alive():
                raise  # an SFTP status (no such file, permission denied…): the caller decides
            raise self._connection_error(exc) from None

    @contextmanager
    def _channel(self, wait_s: float = CHANNEL_WAIT_S) -> Iterator[paramiko.SFTPClient]:
        lease = self._lease(wait_s)
        try:
            yield lease.client
        except DepositConnectionError:
            lease.broken = True
            raise
        except (EOFError, paramiko.SSHException) as exc:
            lease.broken = True
            raise self._connection_error(exc) from None
        except OSError as exc:
            if exc.errno is None or not self._alive():
                lease.broken = True
                raise self._connection_error(exc) from None
            raise
        finally:
            lease.release()

    def _count(self, size: int) -> None:
        with self._counter_lock:
            self.bytes_read += size

    def _failure(self, action: str, path: str, exc: OSError) -> DepositError:
        return DepositError(translate("deposit", "{action} {path} failed: {error}").format(
            action=action, path=printable(path), error=os_error_message(exc)))

    # --- primitives --------------------------------------------------------------------------

    def _listdir(self, server_dir: str) -> list[Entry]:
        with self._lock:
            listed = self._listed.pop(server_dir, None)
        try:
            if listed is None:
                with self._channel() as client:
                    listed = read_directories(client, [server_dir])[server_dir]
            if isinstance(listed, OSError):
                raise listed
            return listed
        except OSError as exc:
            raise self._failure(translate("deposit", "Listing"), server_dir, exc) from None

    def list_all(self, concurrency: int = 8) -> Listing:
        """The shared listing rules applied to folders all read at once on one channel
        (``concurrency`` is not needed: more channels would cost more than they save)."""
        with self._channel() as client:
            root = read_directories(client, [self.root])[self.root]
            folders = [f"{self.root}/{entry.name}" for entry in root
                       if entry.kind == "dir"] if isinstance(root, list) else []
            listed = {self.root: root, **read_directories(client, folders)}
        with self._lock:
            self._listed.update(listed)
        try:
            return super().list_all(concurrency=1)
        finally:
            with self._lock:
                for path in listed:
                    self._listed.pop(path, None)

    def _lstat(self, server_path: str) -> Entry | None:
        try:
            with self._channel() as client:
                attributes = self._one_request(lambda: client.lstat(server_path))
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._failure(translate("deposit", "Reading"), server_path, exc) from None
        return entry_of(server_path.rsplit("/", 1)[-1], attributes)

    def _realpath(self, server_path: str) -> str:
        try:
            with self._channel() as client:
                return self._one_request(lambda: client.normalize(server_path))
        except OSError as exc:
            raise self._failure(translate("deposit", "Resolving"), server_path, exc) from None

    def window_bytes(self) -> int:
        """The bytes a download keeps in flight at the round trip measured so far, all of
        which may wait in memory: at most ``max_read_depth`` × READ_CHUNK (64 MiB)."""
        return read_depth(self.round_trip_s, self.max_read_depth) * READ_CHUNK

    def write_window_bytes(self) -> int:
        """The bytes an upload keeps in flight at the round trip measured so far (on the
        wire: the upload itself holds one piece of the file in memory)."""
        return write_window(self.round_trip_s)

    def _one_request(self, call: Callable[[], T]) -> T:
        """Run an SFTP call made of one request and its reply (an OPEN, an LSTAT…): the
        quickest of them is the round trip, :attr:`round_trip_s`."""
        started = time.perf_counter()
        result = call()
        elapsed = time.perf_counter() - started
        if not self.round_trip_s or elapsed < self.round_trip_s:
            self.round_trip_s = elapsed
        return result

    def _read_range(self, server_path: str, offset: int, end: int) -> Iterator[bytes]:
        try:
            with self._channel() as client:
                handle = self._one_request(lambda: client.open(server_path, "rb"))
                depth = read_depth(self.round_trip_s, self.max_read_depth)
                ahead = ReadAhead(client, handle.handle, offset, end, depth=depth,
                                   max_depth=depth, counter=self._count)
                try:
                    while chunk := ahead.next_chunk():
                        yield chunk
                finally:
                    self.peak_in_flight = max(self.peak_in_flight, ahead.peak)
                    if not client.sock.closed:
                        quietly(ahead.discard, handle.close)
        except OSError as exc:
            raise self._failure(translate("deposit", "Reading"), server_path, exc) from None

    @contextmanager
    def _append(self, server_path: str, offset: int) -> Iterator[Writer]:
        try:
            with self._channel() as client, ExitStack() as others:
                handle = self._one_request(
                    lambda: client.open(server_path, "r+b" if offset else "wb"))
                with closed_on_silence(client):
                    if offset:
                        handle.truncate(offset)
                window = write_window(self.round_trip_s)
                spares = write_channels(window, client.sock.out_window_size) - 1
                files = [(client, handle.handle), *self._spare_files(server_path, spares, others)]
                writer = WindowedWriter(files, offset, window)
                try:
                    yield writer
                    writer.flush()
                finally:
                    self.peak_in_flight = max(self.peak_in_flight, writer.peak)
                    if not client.sock.closed:
                        handle.close()
        except OSError as exc:
            raise self._failure(translate("deposit", "Writing"), server_path, exc) from None

    def _spare_files(self, server_path: str, count: int,
                     stack: ExitStack) -> list[tuple[paramiko.SFTPClient, bytes]]:
        """Up to ``count`` more channels with ``server_path`` open, opened together (each
        costs a few round trips), kept open by ``stack``. Only channels free now: waiting
        for one while holding one could deadlock uploads running together."""
        def spare() -> tuple[paramiko.SFTPClient, bytes] | None:
            with ExitStack() as own:
                try:
                    client = own.enter_context(self._channel(wait_s=0))
                except _Busy:
                    return None
                handle = client.open(server_path, "r+b")
                own.callback(quietly, handle.close)
                with self._lock:
                    stack.push(own.pop_all())
                return client, handle.handle

        if count < 1:
            return []
        with ThreadPoolExecutor(max_workers=count) as pool:
            opened = [pool.submit(spare) for _ in range(count)]
        return [file for future in opened if (file := future.result()) is not None]

    def _resume_point(self, server_path: str, source: Path, size: int) -> int:
        """Several channels may have left holes in the last RESUME_REWRITE bytes of a cut
        upload: that end is read back and compared with the source, and writing resumes at
        the first byte that differs (a hole reads as zeros)."""
        if not size:
            return 0
        start = max(0, size - RESUME_REWRITE)
        with source.open("rb") as stream, \
                closing(self._read_range(server_path, start, size)) as chunks:
            stream.seek(start)
            return start + same_length(chunks, stream)

    def _rename(self, source: str, destination: str) -> None:
        if self._lstat(destination) is not None:
            raise DepositError(translate("deposit", "{path} already exists.").format(
                path=printable(destination)))
        try:
            with self._channel() as client:
                client.rename(source, destination)  # SSH_FXP_RENAME never replaces a file
        except OSError as exc:
            raise self._failure(translate("deposit", "Moving"), source, exc) from None

    def _remove(self, server_path: str) -> None:
        try:
            with self._channel() as client:
                client.remove(server_path)
        except OSError as exc:
            raise self._failure(translate("deposit", "Deleting"), server_path, exc) from None

    def _makedirs(self, server_dir: str) -> None:
        current = ""
        for part in server_dir.strip("/").split("/"):
            current += "/" + part
            entry = self._lstat(current)
            if entry is None:
                try:
                    with self._channel() as client:
                        client.mkdir(current, 0o750)
                except OSError as exc:
                    raise self._failure(translate("deposit", "Creating"), current, exc) from None
            elif entry.kind != "dir":
                raise DepositError(translate("deposit", "{path} is not a folder.").format(
                    path=printable(current)))

    def _rmdir(self, server_dir: str) -> None:
        try:
            with self._channel() as client:
                client.rmdir(server_dir)
        except OSError as exc:
            raise self._failure(translate("deposit", "Deleting"), server_dir, exc) from None
