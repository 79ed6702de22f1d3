"""The device set-up sheet: what to enter on a recorder (protocol, server, login, target
folder, notify key and URL), in the user's language; the set-up sheet dialog renders it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from recmanager.i18n import translate
from recmanager.recorders.mode import mode_label
from recmanager.recorders.model import RecorderInfo
from recmanager.recorders.notify import (
    FILENAME_PLACEHOLDER,
    notify_details,
    require_web_fields,
    server_path,
)

if TYPE_CHECKING:
    from recmanager.config import Profile

@dataclass(frozen=True)
class SetupSheet:
    """What to enter on the device, in the user's language; rendered by the ui."""

    title: str
    rows: list[tuple[str, str]]
    notes: list[str]


def setup_sheet(profile: Profile, info: RecorderInfo, *, device_login: str = "") -> SetupSheet:
    """The device set-up sheet: protocol, server, login, target folder, notify URL."""
    from urllib.parse import urlsplit

    require_web_fields(info, translate("recorders", "The set-up sheet"))
    details = notify_details(profile, info)
    if profile.deposit_kind == "sftp":
        protocol = translate("recorders", "SFTP, port {port}").format(port=profile.sftp_port)
        server = profile.sftp_host
    else:
        protocol = translate("recorders", "SFTP or FTP, as the Pod administrators offer it")
        server = urlsplit(profile.pod_url).hostname or profile.pod_url
    login = device_login or profile.sftp_user or translate(
        "recorders", "(the deposit account the Pod administrators gave you)")
    rows = [
        (translate("recorders", "Recorder"), info.name),
        (translate("recorders", "Device IP address"), info.fields.address_ip),
        (translate("recorders", "Protocol"), protocol),
        (translate("recorders", "Server address"), server),
        (translate("recorders", "Login"), login),
        (translate("recorders", "Password"), translate(
            "recorders", "(given separately, never printed)")),
        (translate("recorders", "Target folder"), server_path(
            profile.deposit_root, info.fields.directory or "")),
        (translate("recorders", "Notify key"), details.key),
        (translate("recorders", "Notify URL"), details.url),
    ]
    notes = [
        translate("recorders", "Mode: {mode}.").format(mode=mode_label(info.mode)),
        translate("recorders", "In the notify URL, replace {placeholder} (twice) with the name "
                  "of the deposited file.").format(placeholder=FILENAME_PLACEHOLDER),
        translate("recorders", "Devices that do not notify Pod themselves need no notify URL: "
                  "Pod's cron finds their files in the target folder."),
    ]
    return SetupSheet(
        title=translate("recorders", "Set-up sheet — {name}").format(name=info.name),
        rows=rows, notes=notes)

