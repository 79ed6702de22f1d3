"""Secrets in the system keyring, and nowhere else.

When no secure keyring backend works, secrets are kept in this process's memory for the
session only: the ui asks for them again next time. Plain-file backends (keyrings.alt)
are not secure and are treated as missing.
"""

from __future__ import annotations

import logging
import threading
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from recmanager.errors import ConfigError, SecretError
from recmanager.i18n import translate
from recmanager.logs import register_secret

if TYPE_CHECKING:
    import keyring.backend

SERVICE = "recmanager"
log = logging.getLogger("recmanager.secrets")


class SecretKind(StrEnum):
    """What a secret is for; part of the keyring entry's name."""

    POD_TOKEN = "pod-token"
    POD_PASSWORD = "pod-password"
    SFTP_PASSWORD = "sftp-password"
    KEY_PASSPHRASE = "key-passphrase"
    PACKAGING_KEY = "packaging-key"
    BROKER_PASSWORD = "broker-password"  # the packaging queue's broker, per profile


def _entry(owner: str, kind: SecretKind) -> str:
    return f"{owner}:{kind.value}"


def clean_token(value: str) -> str:
    """A Pod token as typed or pasted: blanks around it (a newline from ``echo`` or a copied
    line) removed; anything else that is not a visible ASCII character refused, without
    showing the value (it would travel in an HTTP header, and print in the error)."""
    register_secret(value)
    token = value.strip()
    if not token or any(not 0x21 <= ord(character) <= 0x7E for character in token):
        raise ConfigError(
            translate("secrets", "The Pod token contains spaces, accents or invisible "
                      "characters."),
            hint=translate("secrets", "Copy the token again from Pod's administration "
                           "(Auth Token → Tokens): it is one word of letters and digits."))
    return token


def _keyring() -> Any:
    """keyring, imported on first use: it costs a noticeable part of the start-up time."""
    import keyring
    import keyring.errors

    return keyring


def _is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith("keyrings.alt") or module.startswith("keyring.backends.fail"):
        return False
    if module.startswith("keyring.backends.chainer"):
        return any(_is_secure(b) for b in getattr(backend, "backends", []))
    return getattr(backend, "priority", 0) > 0


class SecretStore:
    """Read and write secrets for a profile (or a packaging job) by kind."""

    def __init__(self) -> None:
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def persistent(self) -> bool:
        """True when secrets survive a restart (a secure keyring backend is available)."""
        try:
            return _is_secure(_keyring().get_keyring())
        except Exception:  # noqa: BLE001 - any backend failure means "not available"
            return False

    def get(self, owner: str, kind: SecretKind) -> str | None:
        entry = _entry(owner, kind)
        with self._lock:
            if entry in self._memory:
                return self._memory[entry]
        if not self.persistent:
            return None
        keyring = _keyring()
        try:
            value = keyring.get_password(SERVICE, entry)
            if value:
                register_secret(value)
            return value
        except keyring.errors.KeyringError as exc:
            log.warning("keyring read failed for %s: %s", entry, type(exc).__name__)
            raise SecretError(
                translate("secrets", "The system keyring could not be read."),
                hint=translate("secrets", "Unlock the keyring, then try again."),
            ) from None

    def set(self, owner: str, kind: SecretKind, value: str) -> bool:
        """Store ``value``; returns False when it is kept in memory for this session only."""
        if kind is SecretKind.POD_TOKEN:
            value = clean_token(value)
        register_secret(value)
        entry = _entry(owner, kind)
        if self.persistent:
            keyring = _keyring()
            try:
                keyring.set_password(SERVICE, entry, value)
                with self._lock:
                    self._memory.pop(entry, None)
                return True
            except keyring.errors.KeyringError as exc:
                log.warning("keyring write failed for %s: %s", entry, type(exc).__name__)
        with self._lock:
            self._memory[entry] = value
        return False

    def set_for_session(self, owner: str, kind: SecretKind, value: str) -> None:
        """Keep ``value`` in memory only (secrets from the environment, 'connect once')."""
        if kind is SecretKind.POD_TOKEN:
            value = clean_token(value)
        register_secret(value)
        with self._lock:
            self._memory[_entry(owner, kind)] = value

    def delete(self, owner: str, kind: SecretKind) -> None:
        entry = _entry(owner, kind)
        with self._lock:
            self._memory.pop(entry, None)
        if self.persistent:
            keyring = _keyring()
            try:
                keyring.delete_password(SERVICE, entry)
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as exc:
                log.warning("keyring delete failed for %s: %s", entry, type(exc).__name__)

    def delete_all(self, owner: str) -> None:
        for kind in SecretKind:
            self.delete(owner, kind)


secrets = SecretStore()
