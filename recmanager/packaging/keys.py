"""ClearKey keys and KIDs: parsed from the encodings people paste, checked to be 16 bytes.

The seed project appended ``==`` and used plain base64, which breaks on base64url's ``-``/``_``
and on padded input; here every accepted form is decoded strictly and the error names the rule
that failed, so a person can fix what they pasted.
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets as random_source
from dataclasses import dataclass

from recmanager.errors import KeyFormatError
from recmanager.i18n import translate

KEY_BYTES = 16
_HEX = re.compile(r"[0-9a-fA-F]+")
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+={0,2}")


def _strict_b64decode(text: str, *, urlsafe: bool) -> bytes:
    padded = text.rstrip("=")
    padded += "=" * (-len(padded) % 4)
    if urlsafe:
        padded = padded.replace("-", "+").replace("_", "/")
    return base64.b64decode(padded, validate=True)


def parse_key_material(value: str, what: str) -> bytes:
    """Decode ``value`` (32 hex digits, base64 or base64url, padded or not) to 16 bytes.

    ``what`` names the field ("key", "KID") in the error message.
    """
    text = value.strip()
    if not text:
        raise KeyFormatError(translate("keys", "The {what} is empty.").format(what=what))
    if len(text) == KEY_BYTES * 2 and _HEX.fullmatch(text):
        return bytes.fromhex(text)
    if _HEX.fullmatch(text) and len(text) > 22:
        raise KeyFormatError(
            translate(
                "keys", "The {what} has {count} hex digits; it must have exactly 32 (16 bytes)."
            ).format(what=what, count=len(text))
        )
    if len(text) == KEY_BYTES * 2:
        raise KeyFormatError(
            translate(
                "keys",
                "The {what} has 32 characters, as hex does, but not only hex digits (0-9, a-f).",
            ).format(what=what)
        )
    urlsafe = bool(_BASE64URL.fullmatch(text)) and ("-" in text or "_" in text)
    if not urlsafe and not _BASE64.fullmatch(text):
        raise KeyFormatError(
            translate(
                "keys",
                "The {what} is neither 32 hex digits nor base64/base64url text (it contains "
                "characters those encodings do not use).",
            ).format(what=what)
        )
    if len(text.rstrip("=")) % 4 == 1:
        raise KeyFormatError(
            translate("keys", "The {what} is not valid base64: its length is impossible.").format(
                what=what
            )
        )
    try:
        raw = _strict_b64decode(text, urlsafe=urlsafe)
    except (binascii.Error, ValueError):
        raise KeyFormatError(
            translate("keys", "The {what} is not valid base64.").format(what=what)
        ) from None
    if len(raw) != KEY_BYTES:
        raise KeyFormatError(
            translate(
                "keys", "The {what} decodes to {count} bytes; it must be exactly 16 bytes."
            ).format(what=what, count=len(raw))
        )
    return raw


@dataclass(frozen=True)
class KeyPair:
    """A ClearKey content key and its key ID, both 16 bytes."""

    key: bytes
    kid: bytes

    def __post_init__(self) -> None:
        if len(self.key) != KEY_BYTES or len(self.kid) != KEY_BYTES:
            raise KeyFormatError(translate("keys", "A key and a KID are exactly 16 bytes each."))

    @classmethod
    def parse(cls, key: str, kid: str) -> KeyPair:
        return cls(
            parse_key_material(key, translate("keys", "key")),
            parse_key_material(kid, translate("keys", "KID")),
        )

    @classmethod
    def generate(cls) -> KeyPair:
        """A new random pair (the KID random too, so two jobs never share one by accident)."""
        return cls(random_source.token_bytes(KEY_BYTES), random_source.token_bytes(KEY_BYTES))

    @property
    def key_hex(self) -> str:
        return self.key.hex()

    @property
    def kid_hex(self) -> str:
        return self.kid.hex()

    @property
    def kid_uuid(self) -> str:
        """The KID as DASH's ``cenc:default_KID`` writes it (8-4-4-4-12)."""
        h = self.kid_hex
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def __repr__(self) -> str:  # never show the key, even in a traceback
        return f"KeyPair(kid={self.kid_hex}, key=********)"


def to_base64url(raw: bytes) -> str:
    """Unpadded base64url, the form the seed project's API used."""
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
