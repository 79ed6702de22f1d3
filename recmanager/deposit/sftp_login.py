"""Logging in to the SSH server of a deposit: host keys verified, the way the profile says.

Host keys are checked against recmanager's own known-hosts file with a policy that rejects
unknown keys unless the user, asked through ``on_unknown_host_key``, accepts them (for good
or for this connection); a changed key is refused with a warning. The transport prefers
ciphers that are cheap in Python and a socket whose sends fail after a silence.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import logging
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import paramiko

from recmanager.deposit.sftp_window import CHANNEL_PACKET, CHANNEL_WINDOW
from recmanager.errors import (
    Cancelled,
    DepositAuthError,
    DepositConnectionError,
    DepositError,
    HostKeyChanged,
    HostKeyUnknown,
)
from recmanager.formatting import os_error_message
from recmanager.i18n import translate
from recmanager.secrets import SecretKind

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.secrets import SecretStore

log = logging.getLogger("recmanager.deposit.sftp")

# (host, key type, SHA-256 fingerprint) -> "accept" (remember) | "once" | "cancel"
HostKeyQuestion = Callable[[str, str, str], str]
# Preferred ciphers: AES-GCM needs no separate MAC pass, which is the costly part in Python.
CIPHERS = (
    "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr",
    "aes256-ctr",
)


def fingerprint(key: paramiko.PKey) -> str:
    """``SHA256:…`` exactly as OpenSSH prints it (base64 without padding)."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


class _AskPolicy(paramiko.RejectPolicy):
    """Reject unknown keys, unless the user accepts them for good or for this connection."""

    def __init__(self, deposit: SshLogin) -> None:
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


class SshLogin:
    """Opens a logged-in SSH client for a profile (mixed into the SFTP deposit)."""

    profile: Profile
    known_hosts: Path
    session_host_keys: paramiko.HostKeys
    on_unknown_host_key: HostKeyQuestion | None
    progress_timeout_s: float
    _secrets: SecretStore
    _timeout_s: float
    _keepalive_s: float

    @property
    def address(self) -> str:
        return f"{self.profile.sftp_user}@{self.profile.sftp_host}:{self.profile.sftp_port}"

    def _transport_factory(self, sock: socket.socket, **kwargs: Any) -> paramiko.Transport:
        # Each request is sent at once: with Nagle's algorithm a message that follows an
        # unacknowledged one waits for the server's delayed acknowledgement (40 ms on Linux),
        # which cost the login and every channel opened.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        transport = paramiko.Transport(
            SendWatch(sock, self.progress_timeout_s), default_window_size=CHANNEL_WINDOW,
            default_max_packet_size=CHANNEL_PACKET, **kwargs)
        options = transport.get_security_options()
        options.ciphers = tuple(c for c in CIPHERS if c in options.ciphers) + tuple(
            c for c in options.ciphers if c not in CIPHERS)
        return transport

    def _open_client(self) -> paramiko.SSHClient:
        """A logged-in SSH client, keepalives on."""
        client = self._known_client()
        options = self._login_options()
        try:
            client.connect(**options)
        except BaseException as exc:
            client.close()
            refused = self._refused(exc)
            if refused is exc:
                raise
            raise refused from None
        transport = client.get_transport()
        assert transport is not None
        transport.set_keepalive(max(1, int(self._keepalive_s)))
        log.info("connected to %s", self.address)
        return client

    def _known_client(self) -> paramiko.SSHClient:
        """A client that knows the remembered host keys and asks about unknown ones."""
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
        return client

    def _login_options(self) -> dict[str, Any]:
        """``SSHClient.connect`` arguments for the profile's host and way of logging in."""
        profile = self.profile
        options: dict[str, Any] = {
            "hostname": profile.sftp_host, "port": int(profile.sftp_port),
            "username": profile.sftp_user or None,
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
        return options

    def _refused(self, exc: BaseException) -> BaseException:
        """What a failed ``connect`` means for the user (anything else is passed on)."""
        if isinstance(exc, paramiko.BadHostKeyException):
            return HostKeyChanged(
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
            )
        if isinstance(exc, paramiko.AuthenticationException):
            return DepositAuthError(
                translate("deposit", "{address} refused the login ({method}): {error}").format(
                    address=self.address, method=self.profile.sftp_auth, error=exc),
                hint=self._auth_hint())
        if isinstance(exc, (paramiko.SSHException, OSError, EOFError)):
            if isinstance(exc, paramiko.SSHException) and "No authentication methods" in str(exc):
                return DepositAuthError(
                    translate("deposit", "No key to offer to {address}.").format(
                        address=self.address), hint=self._auth_hint())
            return DepositConnectionError(
                translate("deposit", "Cannot connect to {address}: {error}").format(
                    address=self.address, error=exc),
                hint=translate("deposit", "Check the host, the port and the network."),
            )
        return exc

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


class SendWatch:
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
