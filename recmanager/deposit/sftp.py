"""The deposit folder over SFTP (paramiko), with verified host keys and fast pipelined reads.

Host keys are checked against recmanager's own known-hosts file with a policy that rejects
unknown keys unless the user, asked through ``on_unknown_host_key``, accepts them. A dropped
link is noticed by the next operation, which reconnects with backoff and says so through
``on_status``. Each thread borrows its own SFTP channel from a small pool on one SSH
transport: paramiko's SFTP client must not be read by two threads at once.

Silence is a fault: a server that stops sending (or stops taking bytes) for
``progress_timeout_s`` (default :data:`PROGRESS_TIMEOUT_S`) fails the waiting SFTP call
instead of hanging — SSH keepalives cannot notice, as OpenSSH does not answer them. The
connection is then dropped; a transfer reconnects and resumes from the last byte written
(:data:`recmanager.deposit.base.TRANSFER_RETRIES` times in a row without progress, then a
clear error that keeps the partial file for the next try).

Reads are pipelined by hand: paramiko's own ``get()``/``readv()`` split reads into 32 KiB
requests, which caps a download at a fraction of what the link carries. Here each request
asks for as much as OpenSSH's sftp-server answers in one reply (256 KiB minus a margin) and
several are kept in flight.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import logging
import os
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import paramiko
from paramiko.sftp import (
    CMD_CLOSE,
    CMD_HANDLE,
    CMD_NAME,
    CMD_OPENDIR,
    CMD_READDIR,
    CMD_STATUS,
)
from paramiko.sftp_attr import SFTPAttributes

from recmanager.config import network_timeout
from recmanager.deposit import sftp_wire
from recmanager.deposit.base import (
    Deposit,
    Entry,
    OnStatus,
    Writer,
    entry_kind,
)
from recmanager.errors import (
    Cancelled,
    DepositAuthError,
    DepositConnectionError,
    DepositError,
    HostKeyChanged,
    HostKeyUnknown,
)
from recmanager.formatting import os_error_message, printable
from recmanager.i18n import translate
from recmanager.readers import SizedReader
from recmanager.secrets import SecretKind

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.secrets import SecretStore

log = logging.getLogger("recmanager.deposit.sftp")

# (host, key type, SHA-256 fingerprint) -> "accept" (remember) | "once" | "cancel"
HostKeyQuestion = Callable[[str, str, str], str]

# OpenSSH's sftp-server answers at most 256 KiB - 1 KiB per READ; asking for exactly that
# avoids short reads and the extra round trips they cost.
READ_CHUNK = 255 * 1024
# Requests in flight for a download (8 MiB). More is not faster when the CPU is busy:
# paramiko's channel buffer then holds more unread data, and each read moves what is left
# of it (bench/bench_deposit_download.py on a loaded machine: 32 in flight beat 64).
DOWNLOAD_DEPTH = 32
# The preview reader starts with one request after a seek and doubles while reads stay
# sequential: a player hopping around an MP4 fetches little it does not use.
PREVIEW_MAX_DEPTH = 8
# The request size of a sampling reader (an inspection reads a key frame or a fraction of a
# second of sound at tens of places): a full READ_CHUNK per seek would fetch several times
# what it uses (bench/bench_inspect.py).
SAMPLING_CHUNK = 64 * 1024
# Bytes asked for at once by RemoteReader.read_ranges: far below the channel window, so the
# server never waits for the client to read.
RANGES_IN_FLIGHT = 8 * 1024 * 1024
# Large SSH channel packets and window: fewer Python-level packets per megabyte.
CHANNEL_WINDOW = 64 * 1024 * 1024
CHANNEL_PACKET = 256 * 1024 - 1024
# Preferred ciphers: AES-GCM needs no separate MAC pass, which is the costly part in Python.
CIPHERS = (
    "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr",
    "aes256-ctr",
)
RECONNECT_DELAYS_S = (0.0, 1.0, 2.0, 4.0, 8.0)
# No byte from (or to) the server for this long while an SFTP call waits: the link is dead.
PROGRESS_TIMEOUT_S = network_timeout(20.0)
# SFTP channels open at once on one connection: below OpenSSH's default MaxSessions (10).
MAX_CHANNELS = 8
CHANNEL_WAIT_S = 120.0


def fingerprint(key: paramiko.PKey) -> str:
    """``SHA256:…`` exactly as OpenSSH prints it (base64 without padding)."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


class _AskPolicy(paramiko.RejectPolicy):
    """Reject unknown keys, unless the user accepts them for good or for this connection."""

    def __init__(self, deposit: SftpDeposit) -> None:
        self._deposit = deposit

    def missing_host_key(self, client: paramiko.SSHClient, hostname: str,
                         key: paramiko.PKey) -> None:
        deposit = self._deposit
        printed = fingerprint(key)
        if deposit.on_unknown_host_key is None:
            raise HostKeyUnknown(
                translate("deposit", "The SSH server {host} is not known yet. Its {type} key "
                          "fingerprint is {fingerprint}.").format(
                    host=hostname, type=key.get_name(), fingerprint=printed),
                host=hostname, key_type=key.get_name(), fingerprint=printed,
            )
        answer = deposit.on_unknown_host_key(hostname, key.get_name(), printed)
        if answer == "accept":
            deposit.remember_host_key(hostname, key)
        elif answer == "once":
            deposit.session_host_keys.add(hostname, key.get_name(), key)
        else:
            try:
                super().missing_host_key(client, hostname, key)
            except paramiko.SSHException:
                raise Cancelled(translate(
                    "deposit", "The connection to {host} was cancelled: its key was not "
                    "accepted.").format(host=hostname)) from None
        client.get_host_keys().add(hostname, key.get_name(), key)


class _ReadAhead:
    """Consecutive READ requests on one handle, up to ``depth`` in flight, answered in order."""

    def __init__(self, client: paramiko.SFTPClient, handle: bytes, start: int, end: int, *,
                 depth: int, max_depth: int, counter: Callable[[int], None],
                 chunk: int = READ_CHUNK) -> None:
        self._client = client
        self._chunk = chunk
        self._handle = handle
        self._next_request = start
        self._end = end
        self._depth = depth
        self._max_depth = max_depth
        self._counter = counter
        self._replies = sftp_wire.Replies()
        self._pending: deque[tuple[int, int, int]] = deque()
        self.position = start

    def request(self) -> None:
        """Send READ requests until ``depth`` are in flight (or the range is all asked for)."""
        while self._next_request < self._end and len(self._pending) < self._depth:
            size = min(self._chunk, self._end - self._next_request)
            number = sftp_wire.send_read(
                self._client, self._replies, self._handle, self._next_request, size)
            self._pending.append((number, self._next_request, size))
            self._next_request += size

    def _answer(self, number: int) -> paramiko.Message:
        while number not in self._replies.by_number:
            with _closed_on_silence(self._client):
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
        self.request()
        if not self._pending:
            return b""
        number, offset, size = self._pending.popleft()
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
            number, _offset, _size = self._pending.popleft()
            with suppress(DepositError, OSError):
                self._answer(number)


class RemoteReader(SizedReader):
    """A seekable reader of one SFTP file with adaptive read-ahead (for the preview stream),
    asking for ``chunk`` bytes per request."""

    def __init__(self, deposit: SftpDeposit, path: str, size: int,
                 chunk: int = READ_CHUNK) -> None:
        super().__init__(size)
        self._deposit = deposit
        self._chunk = chunk
        self._lease = deposit._lease()
        client = self._lease.client
        try:
            self._file = deposit._translate(lambda: client.open(path, "rb"))
        except BaseException:
            self._lease.release()
            raise
        self._ahead: _ReadAhead | None = None
        self._leftover = b""

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._position >= self._size or not len(view):
            return 0
        if self._ahead is None or self._ahead.position - len(self._leftover) != self._position:
            self._restart()
        if not self._leftover:
            assert self._ahead is not None
            self._leftover = self._deposit._translate(self._ahead.next_chunk)
            if not self._leftover:
                return 0
        count = min(len(view), len(self._leftover))
        view[:count] = self._leftover[:count]
        self._leftover = self._leftover[count:]
        self._position += count
        return count

    def read_ranges(self, ranges: Sequence[tuple[int, int]]) -> list[bytes]:
        """The bytes of each ``(offset, size)``, every request sent before the first answer is
        awaited: one round trip for tens of small reads (an inspection's samples) where
        reading them in turn costs one each. At most :data:`RANGES_IN_FLIGHT` bytes are asked
        for at once."""
        if self._ahead is not None:
            self._deposit._translate(self._ahead.discard)
            self._ahead = None
        self._leftover = b""
        found: list[bytes] = []
        batch: list[_ReadAhead] = []
        asked = 0
        try:
            for offset, size in ranges:
                start, end = max(0, offset), min(self._size, offset + size)
                depth = max(1, -(-(end - start) // self._chunk))
                ahead = _ReadAhead(self._lease.client, self._file.handle, start, max(start, end),
                                   depth=depth, max_depth=depth, counter=self._deposit._count,
                                   chunk=self._chunk)
                if batch and asked + (end - start) > RANGES_IN_FLIGHT:
                    found += [self._collect(item) for item in batch]
                    batch, asked = [], 0
                self._deposit._translate(ahead.request)
                batch.append(ahead)
                asked += end - start
            found += [self._collect(item) for item in batch]
        except BaseException:
            self._lease.broken = not _quietly(*(item.discard for item in batch))
            raise
        return found

    def _collect(self, ahead: _ReadAhead) -> bytes:
        parts = []
        while chunk := self._deposit._translate(ahead.next_chunk):
            parts.append(chunk)
        return b"".join(parts)

    def _restart(self) -> None:
        if self._ahead is not None:
            self._deposit._translate(self._ahead.discard)
        self._leftover = b""
        self._ahead = _ReadAhead(
            self._lease.client, self._file.handle, self._position, self._size, depth=1,
            max_depth=PREVIEW_MAX_DEPTH, counter=self._deposit._count, chunk=self._chunk)

    def close(self) -> None:
        if self.closed:
            return
        try:
            steps = [self._file.close] if self._ahead is None else [
                self._ahead.discard, self._file.close]
            self._lease.broken = not _quietly(*steps)
        finally:
            self._lease.release()
            super().close()


class _Lease:
    """One SFTP channel lent to one thread; given back (or dropped when broken) on release."""

    def __init__(self, deposit: SftpDeposit, client: paramiko.SFTPClient, generation: int) -> None:
        self.deposit = deposit
        self.client = client
        self.generation = generation
        self.broken = False

    def release(self) -> None:
        self.deposit._give_back(self)


class _Appender:
    """Writes to an SFTP file at a fixed position with pipelined requests."""

    def __init__(self, handle: paramiko.SFTPFile) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        self._handle.write(data)
        return len(data)


class SftpDeposit(Deposit):
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

    # --- connection ------------------------------------------------------------------------

    @property
    def address(self) -> str:
        return f"{self.profile.sftp_user}@{self.profile.sftp_host}:{self.profile.sftp_port}"

    def _status(self, state: str, detail: str) -> None:
        if self._on_status is not None:
            self._on_status(state, detail)

    def connect(self) -> SftpDeposit:
        """Connect now (otherwise the first operation does), so errors show up front."""
        with self._lock:
            self._ensure_connected()
        return self

    def _transport_factory(self, sock: socket.socket, **kwargs: Any) -> paramiko.Transport:
        transport = paramiko.Transport(
            _SendWatch(sock, self.progress_timeout_s), default_window_size=CHANNEL_WINDOW,
            default_max_packet_size=CHANNEL_PACKET, **kwargs)
        options = transport.get_security_options()
        options.ciphers = tuple(c for c in CIPHERS if c in options.ciphers) + tuple(
            c for c in options.ciphers if c not in CIPHERS)
        return transport

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

    def _open_client(self) -> paramiko.SSHClient:
        profile = self.profile
        host, port = profile.sftp_host, int(profile.sftp_port)
        client = paramiko.SSHClient()
        if self.known_hosts.exists():
            try:
                client.load_host_keys(str(self.known_hosts))
            except (OSError, paramiko.SSHException) as exc:
                raise DepositError(translate(
                    "deposit", "recmanager's known-hosts file {path} cannot be read: {error}"
                ).format(path=self.known_hosts, error=exc)) from None
        for name, keys in self.session_host_keys.items():
            for key_type, key in keys.items():
                client.get_host_keys().add(name, key_type, key)
        client.set_missing_host_key_policy(_AskPolicy(self))
        options: dict[str, Any] = {
            "hostname": host, "port": port, "username": profile.sftp_user or None,
            "timeout": self._timeout_s, "banner_timeout": self._timeout_s,
            "auth_timeout": self._timeout_s, "allow_agent": False, "look_for_keys": False,
            "transport_factory": self._transport_factory,
        }
        if profile.sftp_auth == "password":
            password = self._secrets.get(profile.name, SecretKind.SFTP_PASSWORD)
            if not password:
                raise DepositAuthError(
                    translate("deposit", "No SFTP password is stored for the profile "
                              "\"{name}\".").format(name=profile.name),
                    hint=translate("deposit", "Enter it in the profile dialog."))
            options["password"] = password
        elif profile.sftp_auth == "agent":
            options["allow_agent"] = True
        else:
            options["pkey"] = self._load_key()
        try:
            client.connect(**options)
        except paramiko.BadHostKeyException as exc:
            client.close()
            raise HostKeyChanged(
                translate(
                    "deposit",
                    "WARNING: THE SSH KEY OF {host} HAS CHANGED. Someone may be intercepting the "
                    "connection, or the server was reinstalled. The server now shows the {type} "
                    "key {new}; recmanager remembered {old}. The connection was refused.",
                ).format(host=exc.hostname, type=exc.key.get_name(), new=fingerprint(exc.key),
                         old=fingerprint(exc.expected_key)),
                hint=translate(
                    "deposit", "Ask the server's administrator for the new fingerprint. If it "
                    "matches, remove the line for {host} from {path} and connect again.",
                ).format(host=exc.hostname, path=self.known_hosts),
            ) from None
        except paramiko.AuthenticationException as exc:
            client.close()
            raise DepositAuthError(
                translate("deposit", "{address} refused the login ({method}): {error}").format(
                    address=self.address, method=profile.sftp_auth, error=exc),
                hint=self._auth_hint()) from None
        except (paramiko.SSHException, OSError, EOFError) as exc:
            client.close()
            if isinstance(exc, paramiko.SSHException) and "No authentication methods" in str(exc):
                raise DepositAuthError(
                    translate("deposit", "No key to offer to {address}.").format(
                        address=self.address), hint=self._auth_hint()) from None
            raise DepositConnectionError(
                translate("deposit", "Cannot connect to {address}: {error}").format(
                    address=self.address, error=exc),
                hint=translate("deposit", "Check the host, the port and the network."),
            ) from None
        except BaseException:
            client.close()
            raise
        transport = client.get_transport()
        assert transport is not None
        transport.set_keepalive(max(1, int(self._keepalive_s)))
        log.info("connected to %s", self.address)
        return client

    def _auth_hint(self) -> str:
        return {
            "password": translate("deposit", "Check the user name and the password."),
            "agent": translate("deposit", "Start ssh-agent and add your key (ssh-add)."),
        }.get(self.profile.sftp_auth, translate(
            "deposit", "Check the user name, and that the public key is in the server's "
            "authorized_keys."))

    def _load_key(self) -> paramiko.PKey:
        path = os.path.expanduser(self.profile.sftp_key_file)
        if not path:
            raise DepositAuthError(translate("deposit", "No key file is set in the profile."))
        passphrase = self._secrets.get(self.profile.name, SecretKind.KEY_PASSPHRASE)
        try:
            return paramiko.PKey.from_path(path, passphrase.encode() if passphrase else None)
        except (paramiko.PasswordRequiredException, TypeError):
            # cryptography raises TypeError for an encrypted key loaded without a passphrase.
            raise DepositAuthError(
                translate("deposit", "The key {path} is protected by a passphrase.").format(
                    path=path),
                hint=translate("deposit", "Enter the passphrase in the profile dialog.")) from None
        except OSError as exc:
            raise DepositAuthError(translate("deposit", "The key {path} cannot be read: {error}")
                                   .format(path=path, error=os_error_message(exc))) from None
        except (paramiko.SSHException, ValueError) as exc:
            raise DepositAuthError(
                translate("deposit", "The key {path} cannot be used: {error}").format(
                    path=path, error=exc),
                hint=translate("deposit", "Check the passphrase stored for the profile.")
            ) from None

    def remember_host_key(self, hostname: str, key: paramiko.PKey) -> None:
        """Append the key to recmanager's known-hosts file (OpenSSH format)."""
        self.known_hosts.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.known_hosts, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="ascii") as stream:
            stream.write(f"{hostname} {key.get_name()} {key.get_base64()}\n")
        log.info("remembered the %s key of %s (%s)", key.get_name(), hostname, fingerprint(key))

    def _drop_locked(self) -> None:
        for idle in self._idle:
            _quietly(idle.close)
        self._idle.clear()
        self._open_channels = 0
        self._channel_freed.notify_all()
        if self._client is not None:
            _quietly(self._client.close)
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

    def _lease(self) -> _Lease:
        """An SFTP channel for this thread: an idle one, a new one, or the next one freed."""
        deadline = time.monotonic() + CHANNEL_WAIT_S
        with self._channel_freed:
            while True:
                self._ensure_connected()
                generation = self._generation
                if self._idle:
                    return _Lease(self, self._idle.pop(), generation)
                if self._open_channels < self._max_channels:
                    self._open_channels += 1
                    assert self._client is not None
                    transport = self._client.get_transport()
                    break
                if not self._channel_freed.wait(max(0.0, deadline - time.monotonic())):
                    raise DepositError(translate(
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
            return self._lease()
        except (paramiko.SSHException, OSError, EOFError) as exc:
            self._forget(generation)
            raise self._connection_error(exc) from None
        return _Lease(self, client, generation)

    def _open_sftp(self, transport: paramiko.Transport) -> paramiko.SFTPClient:
        """``SFTPClient.from_transport`` where every wait is bounded by the progress timeout
        (paramiko waits an hour for a channel, and for ever for the subsystem)."""
        silence = self.progress_timeout_s
        channel = transport.open_session(
            window_size=CHANNEL_WINDOW, max_packet_size=CHANNEL_PACKET, timeout=silence)
        if channel is None:
            raise EOFError("no channel")
        channel.settimeout(silence)
        watchdog = threading.Timer(silence, transport.close)
        watchdog.daemon = True
        watchdog.start()
        try:
            channel.invoke_subsystem("sftp")
        finally:
            watchdog.cancel()
        return paramiko.SFTPClient(channel)

    def _give_back(self, lease: _Lease) -> None:
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
            _quietly(lease.client.close)
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
        return DepositConnectionError(
            translate("deposit", "The connection to {address} was lost: {error}").format(
                address=self.address, error=exc or type(exc).__name__),
            hint=translate("deposit", "recmanager reconnects on the next operation."))

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
    def _channel(self) -> Iterator[paramiko.SFTPClient]:
        lease = self._lease()
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
        try:
            with self._channel() as client:
                return _read_directory(client, server_dir)
        except OSError as exc:
            raise self._failure(translate("deposit", "Listing"), server_dir, exc) from None

    def _lstat(self, server_path: str) -> Entry | None:
        try:
            with self._channel() as client:
                attributes = client.lstat(server_path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._failure(translate("deposit", "Reading"), server_path, exc) from None
        return _entry(server_path.rsplit("/", 1)[-1], attributes)

    def _realpath(self, server_path: str) -> str:
        try:
            with self._channel() as client:
                return client.normalize(server_path)
        except OSError as exc:
            raise self._failure(translate("deposit", "Resolving"), server_path, exc) from None

    def _read_range(self, server_path: str, offset: int, end: int) -> Iterator[bytes]:
        try:
            with self._channel() as client:
                handle = client.open(server_path, "rb")
                ahead = _ReadAhead(client, handle.handle, offset, end, depth=DOWNLOAD_DEPTH,
                                   max_depth=DOWNLOAD_DEPTH, counter=self._count)
                try:
                    while chunk := ahead.next_chunk():
                        yield chunk
                finally:
                    if not client.sock.closed:
                        _quietly(ahead.discard, handle.close)
        except OSError as exc:
            raise self._failure(translate("deposit", "Reading"), server_path, exc) from None

    @contextmanager
    def _append(self, server_path: str, offset: int) -> Iterator[Writer]:
        try:
            with self._channel() as client:
                handle = client.open(server_path, "r+b" if offset else "wb")
                try:
                    with _closed_on_silence(client):
                        if offset:
                            handle.truncate(offset)
                            handle.seek(offset)
                        handle.set_pipelined(True)
                        yield _Appender(handle)
                finally:
                    if not client.sock.closed:
                        handle.close()
        except OSError as exc:
            raise self._failure(translate("deposit", "Writing"), server_path, exc) from None

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

    def open_read(self, path: str, *, sampling: bool = False) -> BinaryIO:
        entry = self.guard(path)
        chunk = SAMPLING_CHUNK if sampling else READ_CHUNK
        return RemoteReader(self, path, entry.size, chunk)  # type: ignore[return-value]


@contextmanager
def _closed_on_silence(client: paramiko.SFTPClient) -> Iterator[None]:
    """A call that timed out means a dead link: close the whole connection (without sending
    anything), so the clean-up that follows fails at once instead of waiting out the
    silence again."""
    try:
        yield
    except TimeoutError:
        client.sock.get_transport().close()
        raise


class _SendWatch:
    """The TCP socket under a transport, whose sends fail after ``silence`` seconds without
    moving a byte: paramiko retries a blocked send for ever (a server that stopped reading,
    a link that went black), and channel time-outs do not cover that wait."""

    def __init__(self, sock: socket.socket, silence: float) -> None:
        self._sock = sock
        self._silence = silence
        self._blocked_since: float | None = None

    def send(self, data: bytes) -> int:
        try:
            sent = self._sock.send(data)
        except TimeoutError:
            now = time.monotonic()
            if self._blocked_since is None:
                self._blocked_since = now
            elif now - self._blocked_since >= self._silence:
                raise OSError(errno.ETIMEDOUT, "the server takes no more bytes") from None
            raise
        self._blocked_since = None
        return sent

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def _quietly(*steps: Callable[[], object]) -> bool:
    """Run clean-up steps after a transfer; False when the link failed meanwhile."""
    try:
        for step in steps:
            step()
    except (OSError, EOFError, paramiko.SSHException, DepositError):
        return False
    return True


def _entry(name: str, attributes: SFTPAttributes) -> Entry:
    return Entry(name, entry_kind(attributes.st_mode or 0), int(attributes.st_size or 0),
                 float(attributes.st_mtime or 0))


def _read_directory(client: paramiko.SFTPClient, server_dir: str) -> list[Entry]:
    """``listdir_attr`` that survives names which are not UTF-8 (they are reported, not lost).

    paramiko decodes names strictly, so one odd byte would fail the whole folder; and its
    attribute objects cost more than the listing itself on a folder of thousands of files.
    """
    kind, message = sftp_wire.request(client, CMD_OPENDIR, server_dir)
    if kind != CMD_HANDLE:
        raise OSError(None, "unexpected reply to OPENDIR")
    handle = message.get_binary()
    entries: list[Entry] = []
    try:
        while True:
            try:
                kind, message = sftp_wire.request(client, CMD_READDIR, handle)
            except EOFError:
                break
            if kind != CMD_NAME:
                raise OSError(None, "unexpected reply to READDIR")
            entries += _parse_names(message.get_remainder())
    finally:
        sftp_wire.request(client, CMD_CLOSE, handle)
    return entries


_U32 = struct.Struct(">I")
_U64 = struct.Struct(">Q")
_FLAG_SIZE, _FLAG_UIDGID, _FLAG_PERMISSIONS, _FLAG_TIMES = 0x1, 0x2, 0x4, 0x8
_FLAG_EXTENDED = 0x80000000


def _parse_names(payload: bytes) -> list[Entry]:
    """The entries of an SSH_FXP_NAME reply (SFTP v3: count, then name, long name, attrs)."""
    (count,), offset = _U32.unpack_from(payload, 0), 4
    entries = []
    for _ in range(count):
        (length,) = _U32.unpack_from(payload, offset)
        name = payload[offset + 4:offset + 4 + length].decode("utf-8", "surrogateescape")
        offset += 4 + length
        offset += 4 + _U32.unpack_from(payload, offset)[0]  # the long name, ls -l style
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
        if name not in (".", ".."):
            entries.append(Entry(name, entry_kind(mode), size, mtime))
    return entries
