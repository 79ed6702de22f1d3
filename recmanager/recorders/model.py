"""A recorder as the window and the commands show it: its fields, their labels, Pod's limits.

Pod's REST API writes only a recorder's name, description, IP address, recording type and
sites; the hash key (``salt``), the manager, the folder, the video type, auto-publishing and
the additional owners live behind the Django admin form (docs/pod.md section 6). A recorder
shown here is therefore the REST record plus, when a web session is configured, the admin
form's fields; without one those fields are marked unavailable with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from recmanager.i18n import QT_TRANSLATE_NOOP, translate
from recmanager.recorders.mode import RecorderMode, recorder_mode

RECORDING_TYPES = ("video", "audiovideocast", "studio")
# Pod's RECORDER_TYPE labels: what its forms show for each value.
RECORDING_TYPE_LABELS = {
    "video": QT_TRANSLATE_NOOP("RecordingType", "Video"),
    "audiovideocast": QT_TRANSLATE_NOOP("RecordingType", "Audiovideocast (video and slides)"),
    "studio": QT_TRANSLATE_NOOP("RecordingType", "Studio"),
}


def recording_type_label(value: str) -> str:
    """Pod's label for a recording type, in the user's language; an unknown one as Pod has it."""
    label = RECORDING_TYPE_LABELS.get(value)
    return translate("RecordingType", label) if label else value


MAX_NAME = 200
MAX_FOLDER = 50  # Recorder.directory max_length
MAX_SALT = 50  # Recorder.salt max_length
HASH_KEY_BYTES = 30  # 240 random bits -> 40 URL-safe characters, inside Pod's 50

# Which channel can write each field (docs/pod.md section 5: PATCH /rest/recorder/).
REST_FIELDS = ("name", "description", "address_ip", "recording_type", "site_ids")
WEB_FIELDS = (
    "salt",
    "manager_id",
    "directory",
    "type_id",
    "publication_auto",
    "additional_user_ids",
)

FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("recorders", "Name"),
    "description": QT_TRANSLATE_NOOP("recorders", "Description"),
    "address_ip": QT_TRANSLATE_NOOP("recorders", "IP address"),
    "recording_type": QT_TRANSLATE_NOOP("recorders", "Recording type"),
    "site_ids": QT_TRANSLATE_NOOP("recorders", "Sites"),
    "salt": QT_TRANSLATE_NOOP("recorders", "Hash key"),
    "manager_id": QT_TRANSLATE_NOOP("recorders", "Manager"),
    "directory": QT_TRANSLATE_NOOP("recorders", "Folder"),
    "type_id": QT_TRANSLATE_NOOP("recorders", "Video type"),
    "publication_auto": QT_TRANSLATE_NOOP("recorders", "Automatic publishing"),
    "additional_user_ids": QT_TRANSLATE_NOOP("recorders", "Additional owners"),
}


def field_label(name: str) -> str:
    return translate("recorders", FIELD_LABELS.get(name, name))


@dataclass
class RecorderFields:
    """Every editable setting of a recorder, under one name per field.

    ``None`` for a web-only field means "not known" (no web session); it is never sent.
    """

    name: str = ""
    description: str = ""
    address_ip: str = ""
    recording_type: str = "video"
    site_ids: tuple[int, ...] = ()
    salt: str | None = None
    manager_id: int | None = None
    directory: str | None = None
    type_id: int | None = None
    publication_auto: bool | None = None
    additional_user_ids: tuple[int, ...] | None = None

    def values(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class RecorderInfo:
    """One recorder as the window and the commands show it."""

    id: int | None
    fields: RecorderFields
    web_available: bool
    web_unavailable_reason: str = ""
    manager_username: str = ""
    additional_usernames: tuple[str, ...] = ()
    type_title: str = ""
    files_waiting: int = 0

    @property
    def name(self) -> str:
        return self.fields.name

    @property
    def mode(self) -> RecorderMode:
        if not self.web_available:
            return RecorderMode.UNKNOWN
        return recorder_mode(self.fields.manager_id, self.fields.publication_auto)

