"""Recorder settings: read, validate, save, notify key, set-up sheet facts and sanity checks.

Pod's REST API writes only a recorder's name, description, IP address, recording type and
sites; the hash key (``salt``), the manager, the folder, the video type, auto-publishing and
the additional owners live behind the Django admin form (POD-API.md section 6). A recorder
shown here is therefore the REST record plus, when a web session is configured, the admin
form's fields; without one those fields are marked unavailable with the reason.

Pod silently ignores PATCH fields it does not know, so every save re-reads the server and
reports each field that did not take.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from secrets import token_urlsafe
from typing import Any

from recmanager.errors import RecmanagerError, ValidationError
from recmanager.i18n import QT_TRANSLATE_NOOP, translate

RECORDING_TYPES = ("video", "audiovideocast", "studio")
MAX_NAME = 200
MAX_FOLDER = 50  # Recorder.directory max_length
MAX_SALT = 50  # Recorder.salt max_length
HASH_KEY_BYTES = 30  # 240 random bits -> 40 URL-safe characters, inside Pod's 50

# Which channel can write each field (POD-API.md section 5: PATCH /rest/recorder/).
REST_FIELDS = ("name", "description", "address_ip", "recording_type", "sites")
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
    "sites": QT_TRANSLATE_NOOP("recorders", "Sites"),
    "salt": QT_TRANSLATE_NOOP("recorders", "Hash key"),
    "manager_id": QT_TRANSLATE_NOOP("recorders", "Manager"),
    "directory": QT_TRANSLATE_NOOP("recorders", "Folder"),
    "type_id": QT_TRANSLATE_NOOP("recorders", "Video type"),
    "publication_auto": QT_TRANSLATE_NOOP("recorders", "Automatic publishing"),
    "additional_user_ids": QT_TRANSLATE_NOOP("recorders", "Additional owners"),
}


def field_label(name: str) -> str:
    return translate("recorders", FIELD_LABELS.get(name, name))


class RecorderMode(StrEnum):
    """What Pod does with a finished file (POD-API.md section 2)."""

    MANUAL_CLAIM = "manual-claim"
    MANAGER_NOTIFIED = "manager-notified"
    AUTO_PUBLISH = "auto-publish"
    UNKNOWN = "unknown"


MODE_LABELS = {
    RecorderMode.MANUAL_CLAIM: QT_TRANSLATE_NOOP("recorders", "manual claim"),
    RecorderMode.MANAGER_NOTIFIED: QT_TRANSLATE_NOOP("recorders", "manager notified"),
    RecorderMode.AUTO_PUBLISH: QT_TRANSLATE_NOOP("recorders", "auto-publish"),
    RecorderMode.UNKNOWN: QT_TRANSLATE_NOOP("recorders", "unknown (needs the web session)"),
}


def mode_label(mode: RecorderMode) -> str:
    return translate("recorders", MODE_LABELS[mode])


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
    sites: list[int] = field(default_factory=list)
    salt: str | None = None
    manager_id: int | None = None
    directory: str | None = None
    type_id: int | None = None
    publication_auto: bool | None = None
    additional_user_ids: list[int] | None = None

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
    type_title: str = ""
    files_waiting: int = 0

    @property
    def name(self) -> str:
        return self.fields.name

    @property
    def mode(self) -> RecorderMode:
        if not self.web_available:
            return RecorderMode.UNKNOWN
        if self.fields.manager_id is None:
            return RecorderMode.MANUAL_CLAIM
        if self.fields.publication_auto:
            return RecorderMode.AUTO_PUBLISH
        return RecorderMode.MANAGER_NOTIFIED


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

    if not web_available:
        # Web-only fields cannot be sent at all; nothing more to check.
        pass
    else:
        _validate_web_fields(draft, others, manager, type_ids, problems)

    if problems:
        raise ValidationError(
            translate("recorders", "The recorder cannot be saved: {count} problem(s).").format(
                count=sum(len(v) for v in problems.values())),
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

    @property
    def ok(self) -> bool:
        return not self.not_taken

    def summary(self) -> str:
        lines: list[str] = []
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
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def _comparable(name: str, value: Any) -> Any:
    if isinstance(value, list):
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
                "recorders", "Pod's REST API does not expose them. Give the profile a Pod "
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

    ``folder_files`` maps each folder under the deposit root to its file count;
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
                    translate(
                        "recorders", "The folder \"{folder}\" holds {count} file(s) but no "
                        "recorder uses it: Pod mails the admins at every cron run until it is "
                        "fixed.").format(folder=folder, count=count),
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
                translate("recorders", "Give each recorder its own device's address.").format(),
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


def folder_counts(paths: Iterable[str], deposit_root: str) -> dict[str, int]:
    """Files per first-level folder under the deposit root, from absolute paths."""
    root = deposit_root.rstrip("/") + "/"
    counts: Counter[str] = Counter()
    for path in paths:
        if path.startswith(root):
            relative = path[len(root):]
            if "/" in relative:
                counts[relative.split("/", 1)[0]] += 1
    return dict(counts)
