"""Recorder settings: read, validate, save, notify key, set-up sheet facts and sanity checks.

Pod's REST API writes only a recorder's name, description, IP address, recording type and
sites; the hash key (``salt``), the manager, the folder, the video type, auto-publishing and
the additional owners live behind the Django admin form (docs/pod.md section 6). A recorder
shown here is therefore the REST record plus, when a web session is configured, the admin
form's fields; without one those fields are marked unavailable with the reason.

Pod silently ignores PATCH fields it does not know, so every save re-reads the server and
reports each field that did not take.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from secrets import token_urlsafe
from typing import TYPE_CHECKING, Any

from recmanager import audit, i18n, journal
from recmanager.errors import (
    DoneWithWarning,
    PodNotFound,
    PodPermissionError,
    RecmanagerError,
    ValidationError,
)
from recmanager.formatting import printable
from recmanager.i18n import QT_TRANSLATE_NOOP, translate
from recmanager.pod.model import Recorder, User, ids_from_urls
from recmanager.recorder_mode import RecorderMode, mode_label, recorder_mode

if TYPE_CHECKING:
    from recmanager.config import Profile
    from recmanager.context import AppContext
    from recmanager.deposit import Deposit, Listing
    from recmanager.deposit.scan import Scanner, ScanResult
    from recmanager.pod.model import RecorderSettings
    from recmanager.pod.notify import KeyCheck
    from recmanager.pod.rest import PodClient
    from recmanager.pod.web import PodWebSession
    from recmanager.secrets import SecretStore
    from recmanager.store import Database

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


# --- the model ------------------------------------------------------------------------------


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


# --- validation -----------------------------------------------------------------------------

_FOLDER = re.compile(r"^\w[\w.-]*$")


def _add(problems: dict[str, list[str]], name: str, message: str) -> None:
    problems.setdefault(name, []).append(message)


def normalise_ip(text: str) -> str:
    """The canonical form of an IPv4/IPv6 address (IPv4-mapped IPv6 unwrapped).

    Raises ValueError for anything that is not a single address.
    """
    address = ipaddress.ip_address(text.strip())
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def folder_problem(folder: str) -> str | None:
    """Why ``folder`` is not a single safe path segment under the deposit root, or None."""
    if not folder:
        return translate("recorders", "A folder is required.")
    if len(folder) > MAX_FOLDER:
        return translate("recorders", "The folder name is longer than {max} characters.").format(
            max=MAX_FOLDER
        )
    if any(unicodedata.category(c).startswith("C") for c in folder):
        return translate("recorders", "The folder name contains a control character.")
    if folder in (".", "..") or "/" in folder or "\\" in folder:
        return translate(
            "recorders", "The folder must be one folder name, without '/', '\\' or '..'."
        )
    if not _FOLDER.match(folder):
        return translate(
            "recorders",
            "The folder name may only contain letters, digits, '.', '_' and '-', and must "
            "start with a letter or digit.",
        )
    return None


@dataclass(frozen=True)
class UserRef:
    """The little a validation needs to know about a Pod user."""

    id: int
    username: str
    is_staff: bool


def validate_recorder(
    draft: RecorderFields,
    *,
    recorder_id: int | None,
    existing: Iterable[RecorderInfo],
    manager: UserRef | None = None,
    type_ids: Iterable[int] | None = None,
    web_available: bool = True,
) -> RecorderFields:
    """Check a recorder before anything is sent; returns the draft with a normalised IP.

    ``existing`` are the server's recorders (the one being edited, ``recorder_id``, is
    skipped); ``manager`` is the user ``draft.manager_id`` names. Raises ValidationError with
    every problem, field by field.
    """
    problems: dict[str, list[str]] = {}
    others = [r for r in existing if recorder_id is None or r.id != recorder_id]
    name = draft.name.strip()
    if not name:
        _add(problems, "name", translate("recorders", "A name is required."))
    elif len(name) > MAX_NAME:
        _add(problems, "name", translate(
            "recorders", "The name is longer than {max} characters.").format(max=MAX_NAME))
    elif any(o.name.strip().casefold() == name.casefold() for o in others):
        _add(problems, "name", translate(
            "recorders", "Another recorder is already called \"{name}\".").format(name=name))

    address = draft.address_ip
    try:
        address = normalise_ip(draft.address_ip)
    except ValueError:
        _add(problems, "address_ip", translate(
            "recorders", "\"{ip}\" is not an IPv4 or IPv6 address.").format(ip=draft.address_ip))
    else:
        for other in others:
            try:
                same = normalise_ip(other.fields.address_ip) == address
            except ValueError:
                same = False
            if same:
                _add(problems, "address_ip", translate(
                    "recorders", "The recorder \"{other}\" already has the address {ip}."
                ).format(other=other.name, ip=address))

    if draft.recording_type not in RECORDING_TYPES:
        _add(problems, "recording_type", translate(
            "recorders", "The recording type must be one of: {types}.").format(
            types=", ".join(RECORDING_TYPES)))

    if web_available:  # without a web session the web-only fields are never sent
        _validate_web_fields(draft, others, manager, type_ids, problems)

    if problems:
        raise ValidationError(
            translate("recorders", "The recorder cannot be saved: {problems}").format(
                problems=" ".join(
                    translate("recorders", "{field}: {message}").format(
                        field=field_label(name), message=message)
                    for name, messages in problems.items() for message in messages)),
            fields=problems,
        )
    return replace(draft, name=name, address_ip=address)


def _validate_web_fields(
    draft: RecorderFields,
    others: Sequence[RecorderInfo],
    manager: UserRef | None,
    type_ids: Iterable[int] | None,
    problems: dict[str, list[str]],
) -> None:
    folder = draft.directory or ""
    problem = folder_problem(folder)
    if problem:
        _add(problems, "directory", problem)
    elif any(o.fields.directory == folder for o in others):
        owner = next(o.name for o in others if o.fields.directory == folder)
        _add(problems, "directory", translate(
            "recorders", "The recorder \"{other}\" already uses the folder \"{folder}\"."
        ).format(other=owner, folder=folder))

    salt = draft.salt or ""
    if not salt:
        _add(problems, "salt", translate(
            "recorders", "A hash key is required: without one anybody who knows the IP "
            "address can compute the notify key. Generate one."))
    elif len(salt) > MAX_SALT:
        _add(problems, "salt", translate(
            "recorders", "The hash key is longer than {max} characters.").format(max=MAX_SALT))
    elif any(c.isspace() or unicodedata.category(c).startswith("C") for c in salt):
        _add(problems, "salt", translate(
            "recorders", "The hash key must not contain spaces or control characters: "
            "devices rarely keep them."))

    if draft.manager_id is not None:
        if manager is None or manager.id != draft.manager_id:
            _add(problems, "manager_id", translate(
                "recorders", "The manager (user {id}) does not exist on Pod.").format(
                id=draft.manager_id))
        elif not manager.is_staff:
            _add(problems, "manager_id", translate(
                "recorders", "{user} is not staff: Pod only accepts staff users as a "
                "recorder's manager.").format(user=manager.username))
    elif draft.publication_auto:
        _add(problems, "publication_auto", translate(
            "recorders", "Automatic publishing needs a manager: the videos are published "
            "in the manager's name."))

    known_types = set(type_ids) if type_ids is not None else None
    if draft.type_id is None:
        _add(problems, "type_id", translate("recorders", "A video type is required."))
    elif known_types is not None and draft.type_id not in known_types:
        _add(problems, "type_id", translate(
            "recorders", "The video type {id} does not exist on Pod.").format(id=draft.type_id))


def generate_hash_key() -> str:
    """A new hash key (Pod's ``salt``): 240 cryptographically random bits, URL-safe."""
    return token_urlsafe(HASH_KEY_BYTES)


# --- saving ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldMismatch:
    field: str
    wanted: Any
    got: Any


@dataclass
class SaveReport:
    """What a save did: the channel of each field, and each field the server did not keep."""

    recorder_id: int
    created: bool
    via_rest: list[str]
    via_web: list[str]
    not_taken: list[FieldMismatch]
    after: RecorderInfo | None = None
    intent_id: int | None = None  # the journal entry audit_save clears

    @property
    def ok(self) -> bool:
        return not self.not_taken

    @property
    def partial(self) -> bool:
        """Some of the changes are on the server, not all: "done, but …"."""
        return bool(self.not_taken) and len(self.not_taken) < len(self.via_rest + self.via_web)

    def summary(self) -> str:
        lines: list[str] = []
        if self.partial:
            missing = {miss.field for miss in self.not_taken}
            lines.append(translate("recorders", "Done, but not complete: Pod now holds {fields}."
                                   ).format(fields=", ".join(
                field_label(f) for f in self.via_rest + self.via_web if f not in missing)))
        if self.created:
            lines.append(translate("recorders", "Recorder created (id {id}).").format(
                id=self.recorder_id))
        if self.via_rest:
            lines.append(translate("recorders", "Sent over REST: {fields}.").format(
                fields=", ".join(field_label(f) for f in self.via_rest)))
        if self.via_web:
            lines.append(translate("recorders", "Sent over the web session: {fields}.").format(
                fields=", ".join(field_label(f) for f in self.via_web)))
        if not self.via_rest and not self.via_web:
            lines.append(translate("recorders", "Nothing changed; nothing was sent."))
        for miss in self.not_taken:
            lines.append(translate(
                "recorders", "Pod did not keep {field}: wanted {wanted}, the server has {got}."
            ).format(field=field_label(miss.field), wanted=_show(miss.wanted), got=_show(miss.got)))
        return "\n".join(lines)


def _show(value: Any) -> str:
    if value is None:
        return translate("recorders", "(none)")
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def _comparable(name: str, value: Any) -> Any:
    if isinstance(value, tuple):
        return sorted(value)
    if name == "address_ip" and isinstance(value, str):
        try:
            return normalise_ip(value)
        except ValueError:
            return value
    if name == "description" and isinstance(value, str):
        return value.strip()
    return value


def changed_fields(before: RecorderFields | None, after: RecorderFields) -> list[str]:
    """Field names whose value differs (all known fields for a new recorder)."""
    names = [f.name for f in fields(RecorderFields)]
    if before is None:
        return [n for n in names if getattr(after, n) is not None]
    return [
        n for n in names
        if getattr(after, n) is not None
        and _comparable(n, getattr(before, n)) != _comparable(n, getattr(after, n))
    ]


def plan_channels(
    before: RecorderFields | None, after: RecorderFields, *, web_available: bool
) -> tuple[list[str], list[str]]:
    """Which changed fields go over REST, which over the web session.

    A new recorder can only be made through the admin form (REST POST fails in Pod), so
    everything goes over the web. A web-only change without a web session is refused here,
    before anything is sent.
    """
    changed = changed_fields(before, after)
    if before is None:
        if not web_available:
            raise RecmanagerError(
                translate("recorders", "Creating a recorder needs a web session."),
                hint=translate(
                    "recorders", "Pod's REST API cannot create recorders. Give the profile a "
                    "Pod username and password (superuser) to use the admin form."),
            )
        return [], changed
    rest = [n for n in changed if n in REST_FIELDS]
    web = [n for n in changed if n in WEB_FIELDS]
    if web and not web_available:
        raise RecmanagerError(
            translate("recorders", "{fields} can only be changed through a web session.").format(
                fields=", ".join(field_label(n) for n in web)),
            hint=translate(
                "recorders", "Pod's REST API does not expose these fields. Give the profile a Pod "
                "username and password (superuser)."),
        )
    return rest, web


def mismatches(wanted: RecorderFields, got: RecorderFields, names: Iterable[str]) -> list[
    FieldMismatch
]:
    return [
        FieldMismatch(n, getattr(wanted, n), getattr(got, n))
        for n in names
        if _comparable(n, getattr(wanted, n)) != _comparable(n, getattr(got, n))
    ]


# --- notify key and URL ---------------------------------------------------------------------


def server_path(deposit_root: str, directory: str, filename: str = "") -> str:
    """The absolute path on the Pod server: ``<deposit root>/<folder>/<file>``.

    Pod's cron rebuilds ``mediapath`` exactly so; a device that notifies Pod itself must send
    the same string.
    """
    path = deposit_root.rstrip("/") + "/" + directory.strip("/")
    return path + "/" + filename if filename else path + "/"


# --- sanity checks --------------------------------------------------------------------------


class FindingKind(StrEnum):
    ORPHAN_FOLDER = "orphan-folder"
    MISSING_FOLDER = "missing-folder"
    DUPLICATE_IP = "duplicate-ip"
    MANUAL_CLAIM_IMPOSSIBLE = "manual-claim-impossible"
    TREATMENT_FILE_GONE = "treatment-file-gone"
    NEVER_COMPLETED = "never-completed"


class FixKind(StrEnum):
    """The action that fixes a finding; the ui offers it as a button, the CLI names it."""

    CREATE_RECORDER = "create-recorder"  # a recorder for an orphan folder
    CREATE_FOLDER = "create-folder"  # the recorder's folder on the deposit
    EDIT_RECORDER = "edit-recorder"  # change IP / set a manager
    DELETE_TREATMENT = "delete-treatment"  # REST DELETE of the row
    DELETE_FILE = "delete-file"  # remove (or quarantine) the file on the deposit


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    subject: str  # what it is about: a folder, a recorder name, an IP, a path
    message: str
    fix: FixKind
    fix_text: str
    target: dict[str, Any] = field(default_factory=dict)  # ids/paths the fix needs


@dataclass(frozen=True)
class TreatmentRef:
    id: int
    file: str
    recorder_id: int | None


@dataclass(frozen=True)
class IncompleteFile:
    """A deposit file that never completed, and why (from the deposit scan)."""

    path: str
    size: int
    reason: str


def find_problems(
    *,
    recorders: Sequence[RecorderInfo],
    folder_files: dict[str, int],
    deposit_root: str,
    treatments: Sequence[TreatmentRef],
    existing_paths: set[str],
    manual_claim_allowed: bool | None,
    incomplete: Sequence[IncompleteFile] = (),
) -> list[Finding]:
    """Every sanity finding, each with the action that fixes it.

    ``folder_files`` maps each folder under the deposit root to the number of files in it
    that Pod's cron would pick up;
    ``existing_paths`` are the absolute paths of the files on the deposit. Checks that need a
    web-only field skip recorders whose web fields are unknown.
    """
    findings: list[Finding] = []
    known_dirs = {r.fields.directory for r in recorders if r.fields.directory}
    web_known = all(r.web_available for r in recorders)
    if web_known:
        for folder, count in sorted(folder_files.items()):
            if count and folder not in known_dirs:
                findings.append(Finding(
                    FindingKind.ORPHAN_FOLDER, folder,
                    i18n.tr(
                        "Recordings in the folder \"{folder}\": %n. No recorder uses it: Pod "
                        "mails the admins at every cron run until it is fixed.", "",
                        count).format(folder=folder),
                    FixKind.CREATE_RECORDER,
                    translate("recorders", "Create a recorder for the folder \"{folder}\" (or "
                              "move its files to the right recorder's folder).").format(
                        folder=folder),
                    {"directory": folder},
                ))
    for recorder in recorders:
        folder = recorder.fields.directory
        if recorder.web_available and folder and folder not in folder_files:
            findings.append(Finding(
                FindingKind.MISSING_FOLDER, recorder.name,
                translate("recorders", "The folder \"{folder}\" of the recorder \"{name}\" "
                          "does not exist on the deposit: the device's uploads will fail.").format(
                    folder=folder, name=recorder.name),
                FixKind.CREATE_FOLDER,
                translate("recorders", "Create the folder \"{folder}\" on the deposit (or "
                          "correct the recorder's folder).").format(folder=folder),
                {"recorder_id": recorder.id, "directory": folder},
            ))
    by_ip: dict[str, list[RecorderInfo]] = {}
    for recorder in recorders:
        try:
            by_ip.setdefault(normalise_ip(recorder.fields.address_ip), []).append(recorder)
        except ValueError:
            continue
    for address, same in sorted(by_ip.items()):
        if len(same) > 1:
            names = ", ".join(f"\"{r.name}\"" for r in same)
            findings.append(Finding(
                FindingKind.DUPLICATE_IP, address,
                translate("recorders", "The recorders {names} share the address {ip}: Pod "
                          "cannot tell their notifications apart.").format(
                    names=names, ip=address),
                FixKind.EDIT_RECORDER,
                translate("recorders", "Give each recorder its own device's address."),
                {"recorder_ids": [r.id for r in same]},
            ))
    if manual_claim_allowed is False:
        for recorder in recorders:
            if recorder.mode is RecorderMode.MANUAL_CLAIM:
                findings.append(Finding(
                    FindingKind.MANUAL_CLAIM_IMPOSSIBLE, recorder.name,
                    translate("recorders", "The recorder \"{name}\" has no manager, but this "
                              "server does not allow manual claiming: its recordings are never "
                              "offered to anyone and Pod mails the admins instead.").format(
                        name=recorder.name),
                    FixKind.EDIT_RECORDER,
                    translate("recorders", "Set a manager for \"{name}\" (or enable "
                              "ALLOW_MANUAL_RECORDING_CLAIMING on the server).").format(
                        name=recorder.name),
                    {"recorder_id": recorder.id},
                ))
    for row in treatments:
        if row.file not in existing_paths:
            findings.append(Finding(
                FindingKind.TREATMENT_FILE_GONE, row.file,
                translate("recorders", "Pod's treatment row {id} points to {path}, which is "
                          "no longer on the deposit.").format(id=row.id, path=row.file),
                FixKind.DELETE_TREATMENT,
                translate("recorders", "Delete the treatment row {id}.").format(id=row.id),
                {"treatment_id": row.id},
            ))
    for item in incomplete:
        findings.append(Finding(
            FindingKind.NEVER_COMPLETED, item.path,
            translate("recorders", "{path} never completed ({reason}).").format(
                path=item.path, reason=item.reason),
            FixKind.DELETE_FILE,
            translate("recorders", "Delete the file (and upload it again from the device)."),
            {"path": item.path, "size": item.size},
        ))
    return findings


# --- the service: a profile's recorders over REST and the web session ------------------------


def web_session_for(profile: Profile, secrets: SecretStore) -> tuple[PodWebSession | None, str]:
    """The profile's logged-in web session, or None and the reason it is unavailable."""
    from recmanager.pod.web import PodWebSession
    from recmanager.secrets import SecretKind

    if not profile.pod_username:
        return None, translate(
            "recorders", "the profile has no Pod username (the web session needs a superuser "
            "login and password)")
    if not secrets.get(profile.name, SecretKind.POD_PASSWORD):
        return None, translate(
            "recorders", "no Pod password is stored for the profile \"{name}\"").format(
            name=profile.name)
    try:
        web = PodWebSession.from_profile(profile, secrets)
        web.login()
    except RecmanagerError as exc:
        return None, exc.message
    return web, ""


def fields_from(rest: Recorder, settings: RecorderSettings | None) -> RecorderFields:
    """One recorder's fields: REST's record, plus the admin form's when it was read."""
    values = RecorderFields(
        name=rest.name,
        description=rest.description,
        address_ip=rest.address_ip,
        recording_type=rest.recording_type,
        site_ids=ids_from_urls(list(rest.site_urls)),
    )
    if settings is None:
        return values
    return replace(
        values,
        salt=settings.salt,
        manager_id=settings.manager_id,
        directory=settings.directory,
        type_id=settings.type_id,
        publication_auto=settings.publication_auto,
        additional_user_ids=tuple(settings.additional_user_ids),
    )


class RecorderService:
    """Read, validate and save recorders of one profile; Pod's channels chosen per field."""

    def __init__(
        self, profile: Profile, client: PodClient, web: PodWebSession | None, web_reason: str
    ) -> None:
        self.profile = profile
        self.client = client
        self.web = web
        self.web_reason = web_reason
        self._users: dict[int, User] = {}
        self._types: dict[int, str] | None = None

    @classmethod
    def open(cls, profile: Profile, secrets: SecretStore) -> RecorderService:
        from recmanager.pod.rest import PodClient

        client = PodClient.from_profile(profile, secrets)
        web, reason = web_session_for(profile, secrets)
        return cls(profile, client, web, reason)

    def close(self) -> None:
        self.client.close()
        if self.web is not None:
            self.web.close()

    def __enter__(self) -> RecorderService:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def web_available(self) -> bool:
        return self.web is not None

    # --- reading --------------------------------------------------------------------------

    def _type_titles(self) -> dict[int, str]:
        """Video types by id, read once per load (they change rarely and only in Pod's admin)."""
        if self._types is None:
            self._types = {t.id: t.title for t in self.client.video_types()}
        return self._types

    def user(self, user_id: int) -> User:
        if user_id not in self._users:
            self._users[user_id] = self.client.user(user_id)
        return self._users[user_id]

    def _info(
        self, rest: Recorder, waiting: int, type_titles: dict[int, str]
    ) -> RecorderInfo:
        settings = self._settings(rest.id)
        values = fields_from(rest, settings)
        info = RecorderInfo(
            id=rest.id,
            fields=values,
            web_available=settings is not None,
            web_unavailable_reason=self.web_reason,
            files_waiting=waiting,
        )
        if values.manager_id is not None:
            info.manager_username = self.user(values.manager_id).username
        info.additional_usernames = tuple(
            self.user(i).username for i in values.additional_user_ids or ())
        if values.type_id is not None:
            info.type_title = type_titles.get(values.type_id, str(values.type_id))
        return info

    def _settings(self, recorder_id: int) -> RecorderSettings | None:
        """The admin form's fields, or None without a web session.

        A staff account that is not superuser logs in but may not open the recorder admin:
        from then on the web-only fields are unavailable, with Pod's reason.
        """
        if self.web is None:
            return None
        try:
            return self.web.recorder_settings(recorder_id)
        except PodPermissionError as exc:
            self.web.close()
            self.web = None
            self.web_reason = exc.message
            return None

    def load(self) -> list[RecorderInfo]:
        """Every recorder with its waiting-file count, sorted by name."""
        waiting = Counter(t.recorder_id for t in self.client.treatments())
        self._types = None
        titles = self._type_titles()
        infos = [self._info(r, waiting[r.id], titles) for r in self.client.recorders()]
        return sorted(infos, key=lambda i: i.name.casefold())

    def read(self, recorder_id: int) -> RecorderInfo:
        waiting = len(self.client.treatments(recorder_id))
        return self._info(self.client.recorder(recorder_id), waiting, self._type_titles())

    def find(self, name_or_id: str) -> RecorderInfo:
        rest = self.client.find_recorder(name_or_id)
        if rest is None:
            raise PodNotFound(
                translate("recorders", "No recorder is called \"{name}\".").format(
                    name=name_or_id),
                status=404,
                hint=translate("recorders", "`recmanager recorders list` shows them all."),
            )
        return self.read(rest.id)

    # --- validation and saving ------------------------------------------------------------

    def resolve_user(self, login_or_email: str, field_name: str) -> User:
        """A Pod user by login or e-mail; unknown ones are a ValidationError on the field."""
        user = self.client.find_user(login_or_email)
        if user is None:
            raise ValidationError(
                translate("recorders", "No Pod user \"{login}\".").format(login=login_or_email),
                fields={field_name: [translate(
                    "recorders", "No Pod user has the login or e-mail \"{login}\".").format(
                    login=login_or_email)]},
            )
        self._users[user.id] = user
        return user

    def with_users(
        self, draft: RecorderFields, manager: str | None, additional: Iterable[str] = ()
    ) -> RecorderFields:
        """``draft`` with the manager and additional owners given by login or e-mail.

        An empty manager means manual claim; unknown logins are a ValidationError.
        """
        manager = (manager or "").strip()
        manager_id = self.resolve_user(manager, "manager_id").id if manager else None
        extra = tuple(
            self.resolve_user(login, "additional_user_ids").id
            for login in (a.strip() for a in additional) if login
        )
        return replace(draft, manager_id=manager_id, additional_user_ids=extra)

    def validate(
        self, draft: RecorderFields, recorder_id: int | None,
        before: RecorderFields | None = None,
    ) -> RecorderFields:
        """Check ``draft`` against the server's other recorders, users and video types.

        The other recorders' folders are only on their admin pages (one request each), so
        they are read when the folder is new or changed, not on every save.
        """
        folder_changes = self.web is not None and (
            before is None or before.directory != draft.directory)
        existing = [
            RecorderInfo(r.id, fields_from(
                r, self._settings(r.id) if folder_changes and r.id != recorder_id else None),
                web_available=self.web is not None)
            for r in self.client.recorders()
        ]
        manager = None
        if draft.manager_id is not None:
            try:
                found = self.user(draft.manager_id)
                manager = UserRef(found.id, found.username, found.is_staff)
            except PodNotFound:
                manager = None
        types = list(self._type_titles()) if self.web is not None else None
        return validate_recorder(
            draft, recorder_id=recorder_id, existing=existing, manager=manager,
            type_ids=types, web_available=self.web is not None,
        )

    def _settings_for(self, draft: RecorderFields, base: RecorderSettings | None) -> (
        RecorderSettings
    ):
        from recmanager.pod.model import RecorderSettings

        values = {
            "name": draft.name,
            "description": draft.description,
            "address_ip": draft.address_ip,
            "recording_type": draft.recording_type,
            "site_ids": tuple(draft.site_ids),
            "salt": draft.salt or "",
            "manager_id": draft.manager_id,
            "directory": draft.directory or "",
            "type_id": draft.type_id,
            "publication_auto": bool(draft.publication_auto),
            "additional_user_ids": tuple(draft.additional_user_ids or ()),
        }
        if base is None:
            if not values["site_ids"]:
                values["site_ids"] = tuple(s.id for s in self.client.sites()[:1] if s.id)
            return RecorderSettings(**values)
        return replace(base, **values)

    def save(self, before: RecorderInfo | None, draft: RecorderFields, *,
             db: Database | None = None) -> SaveReport:
        """Validate, send each changed field over the channel that can write it, re-read.

        REST goes first; the admin form then re-sends every field, so it carries the new
        REST values too and cannot undo them. With ``db`` an edit journals its intent
        first (cleared by :func:`audit_save`), so an edit killed midway is reconciled by
        :func:`reconcile_edit` at the next command.
        """
        recorder_id = before.id if before is not None else None
        draft = self.validate(draft, recorder_id, before.fields if before else None)
        rest_names, web_names = plan_channels(
            before.fields if before is not None else None, draft,
            web_available=self.web is not None,
        )
        intent_id = None
        if db is not None and before is not None and rest_names + web_names:
            intent_id = journal.begin(
                db, profile=self.profile.name, actor=_actor(self.profile),
                action="recorder-edit", target=before.name,
                detail={"recorder_id": before.id,
                        "fields": field_digests(draft, rest_names + web_names)})
        try:
            report = self._save(before, draft, rest_names, web_names)
        except RecmanagerError:
            if intent_id is not None:  # the caller audits what is saved, if anything
                journal.clear(db, intent_id)
            raise
        return replace(report, intent_id=intent_id)

    def _save(self, before: RecorderInfo | None, draft: RecorderFields, rest_names: list[str],
              web_names: list[str]) -> SaveReport:
        recorder_id = before.id if before is not None else None
        if before is None:
            assert self.web is not None  # plan_channels refused otherwise
            settings = self._settings_for(draft, None)
            draft = replace(draft, site_ids=settings.site_ids)
            recorder_id = self.web.save_recorder(settings)
        else:
            assert recorder_id is not None
            try:
                if rest_names:
                    self.client.patch_recorder(
                        recorder_id, **{n: getattr(draft, n) for n in rest_names})
                if web_names:
                    assert self.web is not None
                    current = self.web.recorder_settings(recorder_id)
                    self.web.save_recorder(self._settings_for(draft, current), recorder_id)
            except RecmanagerError as exc:
                return self._report_after_failure(exc, recorder_id, draft, rest_names,
                                                  web_names)
        after = self.read(recorder_id)
        return SaveReport(
            recorder_id=recorder_id,
            created=before is None,
            via_rest=rest_names,
            via_web=web_names,
            not_taken=mismatches(draft, after.fields, rest_names + web_names),
            after=after,
        )


    def _report_after_failure(
        self, error: RecmanagerError, recorder_id: int, draft: RecorderFields,
        rest_names: list[str], web_names: list[str],
    ) -> SaveReport:
        """A request may have been applied although its answer was lost, or an earlier one
        was before a later one failed: what the server now holds is what is reported. All
        changes there: saved; some (the REST part, the web session failed): done, but only
        in part (:class:`DoneWithWarning`, exit code 3); none: the error stands."""
        try:
            after = self.read(recorder_id)
        except RecmanagerError:
            try:  # the web session is what failed: REST still tells its own fields
                after = RecorderInfo(recorder_id, fields_from(
                    self.client.recorder(recorder_id), None), False, str(error))
            except RecmanagerError:
                raise error from None
        not_taken = mismatches(draft, after.fields, rest_names + web_names)
        if len(not_taken) == len(rest_names + web_names):
            raise error
        if not_taken:
            missing = {miss.field for miss in not_taken}
            saved = [n for n in rest_names + web_names if n not in missing]
            raise DoneWithWarning(
                translate(
                    "recorders", "Saved over REST: {rest}. Not saved, the web session "
                    "failed: {web}. {error}").format(
                    rest=", ".join(field_label(n) for n in saved),
                    web=", ".join(field_label(n) for n in missing), error=error.message),
                hint=error.hint,
                detail={"recorder_id": recorder_id, "saved": saved},
            ) from error
        return SaveReport(recorder_id=recorder_id, created=False, via_rest=rest_names,
                          via_web=web_names, not_taken=[], after=after)


# --- notify key and the device set-up sheet ---------------------------------------------------

FILENAME_PLACEHOLDER = "FILENAME"


def _needs_web(info: RecorderInfo, what: str) -> None:
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

    _needs_web(info, translate("recorders", "The notify URL"))
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

    _needs_web(info, translate("recorders", "Checking a device's key"))
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
    from recmanager.pod.rest import PodHttp, verify_for_profile

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


@dataclass(frozen=True)
class SetupSheet:
    """What to enter on the device, in the user's language; rendered by the ui."""

    title: str
    rows: list[tuple[str, str]]
    notes: list[str]


def setup_sheet(profile: Profile, info: RecorderInfo, *, device_login: str = "") -> SetupSheet:
    """The device set-up sheet: protocol, server, login, target folder, notify URL."""
    from urllib.parse import urlsplit

    _needs_web(info, translate("recorders", "The set-up sheet"))
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


# --- running the sanity checks and their fixes -------------------------------------------------

# profile.extra key: Pod's ALLOW_MANUAL_RECORDING_CLAIMING as the admins set it. Pod does not
# publish it (REST or web), so the profile states it; absent means "not known".
MANUAL_CLAIMING = "manual_claiming"


def manual_claiming(profile: Profile) -> bool | None:
    value = profile.extra.get(MANUAL_CLAIMING)
    return value if isinstance(value, bool) else None


def leftover_files(listing: Listing) -> list[IncompleteFile]:
    """Deposit files that can never complete: empty files and abandoned recmanager uploads.

    Pod processes a zero-byte file as complete (docs/pod.md section 8); a ``.recmanager-upload``
    name is a deposit that was interrupted before its final rename.
    """
    from recmanager.deposit import UPLOAD_SUFFIX

    found: list[IncompleteFile] = []
    for files in listing.values():
        for remote in files:
            if remote.name.endswith(UPLOAD_SUFFIX):
                found.append(IncompleteFile(remote.path, remote.size, translate(
                    "recorders", "an upload by recmanager that was interrupted")))
            elif remote.size == 0:
                found.append(IncompleteFile(remote.path, 0, translate(
                    "recorders", "zero bytes: the device's transfer failed")))
    return found


@dataclass
class CheckReport:
    findings: list[Finding]
    skipped: list[str]  # checks that could not run, and why

    @property
    def ok(self) -> bool:
        return not self.findings


STALLED_AFTER_S = 3600.0  # an upload still moving (or empty) after an hour never completed


def stalled_files(scan: ScanResult, *, stalled_after_s: float = STALLED_AFTER_S) -> list[
    IncompleteFile
]:
    """Files the deposit scanner has seen uploading for longer than ``stalled_after_s``.

    ``stalled_after_s`` must be at least the scanner's quiet period: before that, a file that
    simply appeared is "uploading" too.
    """
    from recmanager.deposit.scan import UPLOADING

    found = []
    for item in scan.in_state(UPLOADING):
        age = (scan.scanned_at - item.first_seen).total_seconds()
        if age >= stalled_after_s:
            found.append(IncompleteFile(item.path, item.size, translate(
                "recorders", "still not complete {minutes} minutes after it appeared").format(
                minutes=int(age // 60))))
    return found


def deposit_scanner(context: AppContext, profile: Profile) -> Scanner:
    """The profile's deposit scanner on the local store, with the configured quiet period."""
    from recmanager.deposit.scan import Scanner

    return Scanner(context.db, profile.name, float(context.settings.get("quiet_period_s")))


def run_checks(
    service: RecorderService,
    deposit: Deposit,
    *,
    scanner: Scanner | None = None,
    stalled_after_s: float = STALLED_AFTER_S,
) -> CheckReport:
    """Every sanity check against the server and the deposit as they are now.

    With ``scanner`` (the deposit scan of the local store) uploads that have been going on
    for longer than ``stalled_after_s`` count as never completed too.
    """
    from recmanager.inbox.rows import is_candidate

    recorders = service.load()
    listing = deposit.list_all()
    existing = {remote.path for files in listing.values() for remote in files}
    treatments = [TreatmentRef(t.id, t.file, t.recorder_id) for t in service.client.treatments()]
    allowed = manual_claiming(service.profile)
    skipped: list[str] = []
    if not service.web_available:
        skipped.append(translate(
            "recorders", "Folders and modes were not checked: {reason}.").format(
            reason=service.web_reason))
    if allowed is None:
        skipped.append(translate(
            "recorders", "Manual-claim recorders were not checked: the profile does not say "
            "whether this Pod allows manual claiming (ALLOW_MANUAL_RECORDING_CLAIMING)."))
    for folder, error in listing.failed.items():
        skipped.append(translate("recorders", "The folder \"{folder}\" could not be read: "
                                 "{error}").format(folder=folder, error=error))
    incomplete = leftover_files(listing)
    if scanner is not None:
        known = {item.path for item in incomplete}
        after = max(stalled_after_s, scanner.quiet_period.total_seconds())
        incomplete += [item for item in stalled_files(scanner.scan(deposit), stalled_after_s=after)
                       if item.path not in known]
    findings = find_problems(
        recorders=recorders,
        folder_files={folder: sum(is_candidate(f.name) for f in files)
                      for folder, files in listing.items()},
        deposit_root=deposit.root,
        treatments=treatments,
        existing_paths=existing,
        manual_claim_allowed=allowed,
        incomplete=incomplete,
    )
    return CheckReport(findings, skipped)


def create_folder(deposit: Deposit, folder: str) -> str:
    """Create a recorder's folder directly under the deposit root; returns its server path."""
    problem = folder_problem(folder)
    if problem:
        raise ValidationError(problem, fields={"directory": [problem]})
    path = f"{deposit.root}/{folder}"
    deposit._makedirs(path)  # the Deposit interface has no public mkdir; the name is checked
    return path


def _actor(profile: Profile) -> str:
    return profile.pod_username or "token"


def audit_save(db: Database, profile: Profile, report: SaveReport) -> None:
    """One audit entry per recorder save: the channels used and what did not take."""
    audit.record(
        db, profile=profile.name, actor=_actor(profile),
        action="recorder-create" if report.created else "recorder-edit",
        target=report.after.name if report.after else str(report.recorder_id),
        result="ok" if report.ok else "warning" if report.partial else "failed",
        error="; ".join(m.field for m in report.not_taken),
        detail={"recorder_id": report.recorder_id, "rest": report.via_rest,
                "web": report.via_web},
        intent_id=report.intent_id,
    )


@contextmanager
def audit_unsaved(db: Database, profile: Profile, target: str, *, creating: bool) -> Iterator[None]:
    """A recorder save that ends in an error (refused, the server unreachable…) is written to
    the audit log too: the log holds every attempt, not only those that reached Pod."""
    try:
        yield
    except DoneWithWarning:
        raise  # partly saved: audit_partial_save says what Pod holds
    except RecmanagerError as exc:
        audit.record(
            db, profile=profile.name, actor=_actor(profile),
            action="recorder-create" if creating else "recorder-edit", target=target,
            result="refused" if isinstance(exc, ValidationError) else "failed",
            error=exc.message,
        )
        raise


def audit_partial_save(db: Database, profile: Profile, before: RecorderInfo,
                       error: DoneWithWarning) -> None:
    """The audit entry of an edit the server took only in part: what is saved, what is not."""
    audit.record(
        db, profile=profile.name, actor=_actor(profile), action="recorder-edit",
        target=before.name, result="warning", error=str(error), detail=error.detail,
    )


def field_digests(values: RecorderFields, names: Iterable[str]) -> dict[str, str]:
    """A fingerprint of each field's value, as compared on the server: the journal keeps
    these, never the values (the hash key is one)."""
    return {name: hashlib.sha256(json.dumps(_comparable(name, getattr(values, name)),
                                            default=str, sort_keys=True).encode()).hexdigest()
            for name in names}


def reconcile_edit(
    service: RecorderService, intent: journal.Intent
) -> tuple[audit.Result, str, dict[str, Any]]:
    """What became of a recorder edit interrupted after it may have sent something."""
    wanted: dict[str, str] = dict(intent.detail.get("fields") or {})
    now = field_digests(service.read(int(intent.detail["recorder_id"])).fields, wanted)
    taken = [name for name in wanted if now[name] == wanted[name]]
    facts = {"taken": taken}
    name = printable(intent.target)
    if len(taken) == len(wanted):
        return "ok", translate(
            "recorders", "The edit of recorder {name} was found done at this start: Pod holds "
            "every change.").format(name=name), facts
    if not taken:
        return "failed", translate(
            "recorders", "The edit of recorder {name} was interrupted before Pod took any of "
            "it (found at this start).").format(name=name), facts
    return "warning", translate(
        "recorders", "The edit of recorder {name} was interrupted (found at this start): Pod "
        "holds {taken}, not {missing}.").format(
        name=name, taken=", ".join(field_label(n) for n in taken),
        missing=", ".join(field_label(n) for n in wanted if n not in taken)), facts


def notify_for_real(db: Database, profile: Profile, details: NotifyDetails) -> NotifyCall:
    """:func:`call_notify`, with an audit entry: it sends e-mail or publishes a video."""
    result = call_notify(profile, details.url)
    audit.record(
        db, profile=profile.name, actor=_actor(profile), action="recorder-notify",
        target=details.mediapath, result="ok" if result.accepted else "refused",
        error="" if result.accepted else result.reply, detail={"reply": result.reply},
    )
    return result


def apply_fix(
    finding: Finding,
    service: RecorderService,
    deposit: Deposit,
    *,
    db: Database,
    quarantine_dir: str = "",
) -> str:
    """Carry out a finding's fix when it needs no further input; a sentence for the user.

    Creating or editing a recorder needs the user's choices: those fixes go through the
    editor (or ``recmanager recorders create/edit``) and are refused here. Each fix done is
    written to the audit log.
    """
    message = _fix(finding, service, deposit, quarantine_dir)
    audit.record(
        db, profile=service.profile.name, actor=_actor(service.profile),
        action=f"sanity-{finding.fix.value}", target=finding.subject, result="ok",
        detail={"finding": finding.kind.value, **finding.target},
    )
    return message


def _fix(finding: Finding, service: RecorderService, deposit: Deposit,
         quarantine_dir: str) -> str:
    if finding.fix is FixKind.DELETE_TREATMENT:
        service.client.delete_treatment(int(finding.target["treatment_id"]))
        return translate("recorders", "Treatment row {id} deleted.").format(
            id=finding.target["treatment_id"])
    if finding.fix is FixKind.CREATE_FOLDER:
        path = create_folder(deposit, str(finding.target["directory"]))
        return translate("recorders", "Folder {path} created.").format(path=path)
    if finding.fix is FixKind.DELETE_FILE:
        path = str(finding.target["path"])
        if quarantine_dir:
            moved = deposit.quarantine(path, quarantine_dir)
            return translate("recorders", "{path} moved to {where}.").format(
                path=path, where=moved.quarantined_path)
        deposit.delete(path)
        return translate("recorders", "{path} deleted.").format(path=path)
    raise RecmanagerError(
        translate("recorders", "This fix needs your choices: {fix}").format(fix=finding.fix_text))
