"""Content keys sealed to the queue workers' public key, so the broker never holds one in clear.

X25519 + HKDF-SHA256 + AES-256-GCM, as an "anonymous sealed box": the desk makes a one-time
key pair, agrees a secret with the workers' public key and encrypts the content key with it;
the job's task id and KID are the associated data, so a sealed key cannot be moved to another
job. Only workers hold the private key, in a file only its owner can read (0600).
"""

from __future__ import annotations

import base64
import binascii
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from recmanager.errors import ConfigError, PackagingError
from recmanager.i18n import translate

_INFO = b"recmanager packaging key v1"
_NONCE_BYTES = 12
_PUBLIC_BYTES = 32


def _raw(public: X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _box(secret: bytes, sender: bytes, recipient: bytes) -> AESGCM:
    """Both public keys in the derivation: the box belongs to this one exchange."""
    return AESGCM(HKDF(hashes.SHA256(), 32, salt=sender + recipient, info=_INFO).derive(secret))


def public_key_text(private: X25519PrivateKey) -> str:
    """The workers' public key as the desk's setting holds it (base64 of 32 bytes)."""
    return base64.b64encode(_raw(private.public_key())).decode("ascii")


def parse_public_key(text: str) -> X25519PublicKey:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        if len(raw) != _PUBLIC_BYTES:
            raise ValueError(len(raw))
        return X25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise ConfigError(
            translate("queue", "The workers' public key is not valid: it is the base64 text "
                      "that `recmanager worker-key` prints.")
        ) from exc


def seal(public_key: str, content_key: bytes, context: bytes) -> str:
    """The content key encrypted to the workers' public key; only they can open it."""
    peer = parse_public_key(public_key)
    one_time = X25519PrivateKey.generate()
    sender = _raw(one_time.public_key())
    nonce = os.urandom(_NONCE_BYTES)
    box = _box(one_time.exchange(peer), sender, _raw(peer))
    sealed = box.encrypt(nonce, content_key, context)
    return base64.b64encode(sender + nonce + sealed).decode("ascii")


def unseal(private: X25519PrivateKey, sealed_text: str, context: bytes) -> bytes:
    try:
        blob = base64.b64decode(sealed_text, validate=True)
        sender, nonce = blob[:_PUBLIC_BYTES], blob[_PUBLIC_BYTES:_PUBLIC_BYTES + _NONCE_BYTES]
        secret = private.exchange(X25519PublicKey.from_public_bytes(sender))
        box = _box(secret, sender, _raw(private.public_key()))
        return box.decrypt(nonce, blob[_PUBLIC_BYTES + _NONCE_BYTES:], context)
    except (binascii.Error, ValueError, InvalidTag) as exc:
        raise PackagingError(
            translate("queue", "This worker cannot open the job's key: it was sealed to another "
                      "public key, or changed on the way."),
            hint=translate("queue", "Give the desks the public key of this worker's private key "
                           "(`recmanager worker-key --show`)."),
        ) from exc


def write_private_key(path: Path) -> X25519PrivateKey:
    """A new private key in a new file that only its owner can read (0600)."""
    private = X25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise ConfigError(
            translate("queue", "{path} already exists: recmanager does not overwrite a key.")
            .format(path=path)) from exc
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(pem)
    return private


def read_private_key(path: Path) -> X25519PrivateKey:
    """The workers' private key; refused when others than its owner may read the file."""
    try:
        mode = path.stat().st_mode
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(translate("queue", "The worker's private key {path} cannot be read: "
                                    "{error}").format(path=path, error=exc.strerror)) from exc
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(
            translate("queue", "The worker's private key {path} may be read by others "
                      "(mode {mode:o}).").format(path=path, mode=stat.S_IMODE(mode)),
            hint=translate("queue", "Run: chmod 600 {path}").format(path=path),
        )
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except ValueError as exc:
        raise ConfigError(translate("queue", "{path} holds no private key.").format(
            path=path)) from exc
    if not isinstance(private, X25519PrivateKey):
        raise ConfigError(translate("queue", "{path} holds no X25519 private key.").format(
            path=path))
    return private
