"""A recorder's notify key and URL: what Pod's cron calls for a managed recorder, what a
self-notifying device must send, and calling it for real (``recmanager recorders notify``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from recmanager import audit
from recmanager.errors import RecmanagerError, ValidationError
from recmanager.i18n import QT_TRANSLATE_NOOP, translate
from recmanager.recorders.model import RecorderInfo

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.pod.notify import KeyCheck
    from recmanager.store import Database

FILENAME_PLACEHOLDER = "FILENAME"


def server_path(deposit_root: str, directory: str, filename: str = "") -> str:
    """The absolute path on the Pod server: ``<deposit root>/<folder>/<file>``.

    Pod's cron rebuilds ``mediapath`` exactly so; a device that notifies Pod itself must send
    the same string.
    """
    path = deposit_root.rstrip("/") + "/" + directory.strip("/")
    return path + "/" + filename if filename else path + "/"


def require_web_fields(info: RecorderInfo, what: str) -> None:
    """Refuse ``what`` for a recorder whose hash key and folder were not read."""
    if not info.web_available or info.fields.salt is None or info.fields.directory is None:
        raise RecmanagerError(
            translate("recorders", "{what} needs the recorder's hash key and folder, which only "
                      "the web session can read ({reason}).").format(
                what=what, reason=info.web_unavailable_reason or translate(
                    "recorders", "not read")),
        )


@dataclass(frozen=True)
class NotifyDetails:
    """The key Pod expects from a recorder and the URL that carries it, for one file."""

    key: str
    url: str
    mediapath: str


def notify_details(profile: Profile, info: RecorderInfo, filename: str = "") -> NotifyDetails:
    """What Pod's cron calls for a managed recorder, and what a self-notifying device must.

    Without a file name the URL carries ``FILENAME`` for the device to fill in.
    """
    from recmanager.pod.notify import notify_key, notify_url

    require_web_fields(info, translate("recorders", "The notify URL"))
    if filename and (filename in (".", "..") or "/" in filename or "\\" in filename):
        problem = translate("recorders", "Give the name of a file in the recorder's folder, "
                            "not a path.")
        raise ValidationError(problem, fields={"filename": [problem]})
    path = server_path(profile.deposit_root, info.fields.directory or "",
                       filename or FILENAME_PLACEHOLDER)
    salt = info.fields.salt or ""
    return NotifyDetails(
        key=notify_key(info.fields.address_ip, salt),
        url=notify_url(profile.pod_url, info.fields.address_ip, path, salt),
        mediapath=path,
    )


def check_key(info: RecorderInfo, device_key: str) -> KeyCheck:
    """Compare the key a device is configured with to the one Pod expects."""
    from recmanager.pod.notify import check_device_key

    require_web_fields(info, translate("recorders", "Checking a device's key"))
    return check_device_key(info.fields.address_ip, info.fields.salt or "", device_key)


NOTIFY_REPLIES = {
    "ok": QT_TRANSLATE_NOOP("recorders", "Pod e-mailed the manager (or the admins) a link to "
                            "publish the file."),
    "auto": QT_TRANSLATE_NOOP("recorders", "Pod published the file automatically in the "
                              "manager's name."),
}


@dataclass(frozen=True)
class NotifyCall:
    reply: str
    accepted: bool
    meaning: str


def call_notify(profile: Profile, url: str) -> NotifyCall:
    """Call the notify URL for real, once: Pod then sends e-mail or publishes a video.

    Never retried: a second call would send a second e-mail. Pod answers in plain text.
    """
    from recmanager.pod.http import PodHttp, verify_for_profile

    http = PodHttp(profile.pod_url, verify=verify_for_profile(profile), retries=0,
                   session_kind="notify", accept="text/plain")
    try:
        reply = http.request("GET", url).text.strip()
    finally:
        http.close()
    if reply in NOTIFY_REPLIES:
        return NotifyCall(reply, True, translate("recorders", NOTIFY_REPLIES[reply]))
    return NotifyCall(reply, False, translate(
        "recorders", "Pod refused the notification: {reply}").format(reply=reply))


def notify_for_real(db: Database, profile: Profile, details: NotifyDetails) -> NotifyCall:
    """:func:`call_notify`, with an audit entry: it sends e-mail or publishes a video."""
    result = call_notify(profile, details.url)
    audit.record(
        db, profile=profile.name, actor=profile.actor, action="recorder-notify",
        target=details.mediapath, result="ok" if result.accepted else "refused",
        error="" if result.accepted else result.reply, detail={"reply": result.reply},
    )
    return result
