"""The notify call a recorder makes once a file is deposited, and its key.

Pod checks ``key == md5(recordingPlace + salt)`` where ``recordingPlace`` is the recorder's
IP address **with the dots replaced by underscores**, exactly as sent in the URL. Pod's
documentation says "IP with dots"; a key computed that way is refused with
``nok: key is not valid``, which is why :func:`check_device_key` recognises that mistake.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlencode

from recmanager.i18n import translate

NOTIFY_PATH = "/record/recorder_notify/"


def recording_place(ip: str) -> str:
    """The ``recordingPlace`` parameter: ``192.168.1.10`` → ``192_168_1_10``."""
    return ip.strip().replace(".", "_")


def notify_key(ip: str, salt: str) -> str:
    """md5 hex of the underscored IP followed by the recorder's salt (hash key)."""
    return hashlib.md5((recording_place(ip) + salt).encode("utf-8")).hexdigest()


def notify_url(
    base_url: str, ip: str, mediapath: str, salt: str, course_title: str | None = None
) -> str:
    """The URL a device calls: ``mediapath`` is the file's absolute path on the Pod server."""
    params = {
        "recordingPlace": recording_place(ip),
        "mediapath": mediapath,
        "key": notify_key(ip, salt),
        "course_title": course_title if course_title is not None
        else posixpath.basename(mediapath),
    }
    return f"{base_url.rstrip('/')}{NOTIFY_PATH}?{urlencode(params, safe='/')}"


class KeyVerdict(StrEnum):
    MATCH = "match"
    DOTTED_IP = "dotted-ip"
    MISMATCH = "mismatch"


@dataclass(frozen=True)
class KeyCheck:
    verdict: KeyVerdict
    expected: str
    message: str

    @property
    def ok(self) -> bool:
        return self.verdict is KeyVerdict.MATCH


def check_device_key(ip: str, salt: str, key: str) -> KeyCheck:
    """Compare a key copied from a device's configuration with the one Pod expects."""
    expected = notify_key(ip, salt)
    given = key.strip().lower()
    if given == expected:
        return KeyCheck(
            KeyVerdict.MATCH, expected, translate("notify", "The key is right: Pod will accept it.")
        )
    dotted = hashlib.md5((ip.strip() + salt).encode("utf-8")).hexdigest()
    if given == dotted:
        return KeyCheck(
            KeyVerdict.DOTTED_IP,
            expected,
            translate(
                "notify",
                "The key was computed from the IP with dots ({ip}), as Pod's documentation "
                "says, but Pod checks the IP with underscores ({place}): it answers "
                "\"nok: key is not valid\". Set the device's key to {expected}.",
            ).format(ip=ip.strip(), place=recording_place(ip), expected=expected),
        )
    return KeyCheck(
        KeyVerdict.MISMATCH,
        expected,
        translate(
            "notify",
            "The key does not match this IP address and hash key: Pod will answer \"nok: key "
            "is not valid\". Check the device's IP and hash key; the right key is {expected}.",
        ).format(expected=expected),
    )
