"""What the recorder editor refuses before anything is sent: name, IP address, folder, hash key,
manager and video type, each problem on its field."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from secrets import token_urlsafe

from recmanager.errors import ValidationError
from recmanager.i18n import translate
from recmanager.recorders.model import (
    HASH_KEY_BYTES,
    MAX_FOLDER,
    MAX_NAME,
    MAX_SALT,
    RECORDING_TYPES,
    RecorderFields,
    RecorderInfo,
    field_label,
)

_FOLDER = re.compile(r"^\w[\w.-]*$")

Problems = dict[str, list[str]]  # field name -> every message about it


def _add(problems: Problems, name: str, message: str) -> None:
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
    problems: Problems = {}
    others = [r for r in existing if recorder_id is None or r.id != recorder_id]
    name = draft.name.strip()
    _validate_name(name, others, problems)
    address = _validate_address(draft.address_ip, others, problems)

    if draft.recording_type not in RECORDING_TYPES:
        _add(problems, "recording_type", translate(
            "recorders", "The recording type must be one of: {types}.").format(
            types=", ".join(RECORDING_TYPES)))

    if web_available:  # without a web session the web-only fields are never sent
        _validate_folder(draft.directory or "", others, problems)
        _validate_hash_key(draft.salt or "", problems)
        _validate_manager(draft, manager, problems)
        _validate_video_type(draft.type_id, type_ids, problems)

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


def _validate_name(name: str, others: Sequence[RecorderInfo], problems: Problems) -> None:
    if not name:
        _add(problems, "name", translate("recorders", "A name is required."))
    elif len(name) > MAX_NAME:
        _add(problems, "name", translate(
            "recorders", "The name is longer than {max} characters.").format(max=MAX_NAME))
    elif any(o.name.strip().casefold() == name.casefold() for o in others):
        _add(problems, "name", translate(
            "recorders", "Another recorder is already called \"{name}\".").format(name=name))


def _validate_address(text: str, others: Sequence[RecorderInfo], problems: Problems) -> str:
    """The normalised address (``text`` as given when it is not one)."""
    try:
        address = normalise_ip(text)
    except ValueError:
        _add(problems, "address_ip", translate(
            "recorders", "\"{ip}\" is not an IPv4 or IPv6 address.").format(ip=text))
        return text
    for other in others:
        try:
            same = normalise_ip(other.fields.address_ip) == address
        except ValueError:
            same = False
        if same:
            _add(problems, "address_ip", translate(
                "recorders", "The recorder \"{other}\" already has the address {ip}."
            ).format(other=other.name, ip=address))
    return address


def _validate_folder(folder: str, others: Sequence[RecorderInfo], problems: Problems) -> None:
    problem = folder_problem(folder)
    if problem:
        _add(problems, "directory", problem)
    elif any(o.fields.directory == folder for o in others):
        owner = next(o.name for o in others if o.fields.directory == folder)
        _add(problems, "directory", translate(
            "recorders", "The recorder \"{other}\" already uses the folder \"{folder}\"."
        ).format(other=owner, folder=folder))


def _validate_hash_key(salt: str, problems: Problems) -> None:
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


def _validate_manager(draft: RecorderFields, manager: UserRef | None, problems: Problems) -> None:
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


def _validate_video_type(
    type_id: int | None, type_ids: Iterable[int] | None, problems: Problems
) -> None:
    known_types = set(type_ids) if type_ids is not None else None
    if type_id is None:
        _add(problems, "type_id", translate("recorders", "A video type is required."))
    elif known_types is not None and type_id not in known_types:
        _add(problems, "type_id", translate(
            "recorders", "The video type {id} does not exist on Pod.").format(id=type_id))


def generate_hash_key() -> str:
    """A new hash key (Pod's ``salt``): 240 cryptographically random bits, URL-safe."""
    return token_urlsafe(HASH_KEY_BYTES)
