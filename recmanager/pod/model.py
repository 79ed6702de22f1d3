"""Typed results parsed from Pod's JSON (and, for recorder settings, its admin form).

Pod's serializers are hyperlinked: relations arrive as absolute URLs such as
``http://pod/rest/users/18/``. They are turned into ids here, with :func:`id_from_url`, so
the rest of recmanager works with ids; :meth:`recmanager.pod.rest.PodClient.url_for` turns
ids back into the URLs Pod expects in request bodies.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import unquote, urlsplit

_TRAILING_ID = re.compile(r"/(\d+)/?$")


def id_from_url(url: str | None) -> int | None:
    """The primary key at the end of a Pod hyperlink, or None for a null relation."""
    if not url:
        return None
    match = _TRAILING_ID.search(urlsplit(str(url)).path)
    if match is None:
        raise ValueError(f"not a Pod object URL: {url!r}")
    return int(match.group(1))


def name_key(text: str) -> str:
    """The form names and paths are compared in: Unicode NFC.

    A name typed on a keyboard is NFC; one written by a Mac (or some recorders) is NFD, and
    Pod keeps whatever bytes the disk has. Both name the same file for a person.
    """
    return unicodedata.normalize("NFC", text)


def same_name(first: str, second: str) -> bool:
    """True when two names (or server paths) are the same once normalised."""
    return first == second or name_key(first) == name_key(second)


def name_forms(text: str) -> tuple[str, ...]:
    """``text`` and its other Unicode forms (NFC, NFD), each once: what an exact-match
    filter on Pod must be asked for to find a name however it was written."""
    forms = [text]
    for form in ("NFC", "NFD"):
        other = unicodedata.normalize(form, text)
        if other not in forms:
            forms.append(other)
    return tuple(forms)


def ids_from_urls(urls: list[str] | None) -> tuple[int, ...]:
    return tuple(i for i in (id_from_url(url) for url in urls or ()) if i is not None)


def parse_datetime(value: str | None) -> datetime | None:
    """Pod's ISO 8601 timestamps (``…Z`` or with an offset); None when absent."""
    if not value:
        return None
    return datetime.fromisoformat(value)


@dataclass(frozen=True)
class Recorder:
    """A recorder as REST shows it: only these fields; the rest is in :class:`RecorderSettings`."""

    id: int
    name: str
    description: str
    address_ip: str
    recording_type: str
    site_urls: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Recorder:
        return cls(
            id=int(data["id"]),
            name=data.get("name") or "",
            description=data.get("description") or "",
            address_ip=data.get("address_ip") or "",
            recording_type=data.get("recording_type") or "video",
            site_urls=tuple(data.get("sites") or ()),
        )


@dataclass(frozen=True)
class Treatment:
    """A RecordingFileTreatment row: a deposited file Pod knows of and nobody claimed yet."""

    id: int
    file: str
    file_size: int
    recorder_id: int | None
    type: str
    date_added: datetime | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Treatment:
        return cls(
            id=int(data["id"]),
            file=data["file"],
            file_size=int(data.get("file_size") or 0),
            recorder_id=id_from_url(data.get("recorder")),
            type=data.get("type") or "video",
            date_added=parse_datetime(data.get("date_added")),
        )

    @property
    def filename(self) -> str:
        return posixpath.basename(self.file)

    @property
    def directory(self) -> str:
        """The recorder's deposit folder name (REST does not expose it; the path does)."""
        return posixpath.basename(posixpath.dirname(self.file))

    def preview_url(self, records_base_url: str) -> str:
        """Pod's unauthenticated preview address: ``<MEDIA_URL>records/<directory>/<file>``."""
        return f"{records_base_url.rstrip('/')}/{self.directory}/{self.filename}"


@dataclass(frozen=True)
class Recording:
    """A claimed recording; creating one makes Pod process (move and encode) the file."""

    id: int
    url: str
    user_id: int | None
    title: str
    source_file: str
    type: str
    date_added: datetime | None
    recorder_id: int | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Recording:
        return cls(
            id=int(data["id"]),
            url=data.get("url") or "",
            user_id=id_from_url(data.get("user")),
            title=data.get("title") or "",
            source_file=data.get("source_file") or "",
            type=data.get("type") or "video",
            date_added=parse_datetime(data.get("date_added")),
            recorder_id=id_from_url(data.get("recorder")),
        )


@dataclass(frozen=True)
class User:
    id: int
    url: str
    username: str
    first_name: str
    last_name: str
    email: str
    is_staff: bool

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> User:
        return cls(
            id=int(data["id"]),
            url=data.get("url") or "",
            username=data.get("username") or "",
            first_name=data.get("first_name") or "",
            last_name=data.get("last_name") or "",
            email=data.get("email") or "",
            is_staff=bool(data.get("is_staff")),
        )

    @property
    def display_name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return f"{full} ({self.username})" if full else self.username


@dataclass(frozen=True)
class Owner:
    """Pod's per-user profile; ``hashkey`` names the user's media folder."""

    id: int
    user_id: int | None
    hashkey: str
    auth_type: str
    affiliation: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Owner:
        return cls(
            id=int(data["id"]),
            user_id=id_from_url(data.get("user")),
            hashkey=data.get("hashkey") or "",
            auth_type=data.get("auth_type") or "",
            affiliation=data.get("affiliation") or "",
        )


@dataclass(frozen=True)
class VideoType:
    id: int
    url: str
    title: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VideoType:
        return cls(id=int(data["id"]), url=data.get("url") or "", title=data.get("title") or "")


@dataclass(frozen=True)
class Site:
    """A django Site; Pod's serializer has no ``id`` field, so it comes from the URL."""

    id: int | None
    url: str
    name: str
    domain: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Site:
        url = data.get("url") or ""
        return cls(
            id=id_from_url(url),
            url=url,
            name=data.get("name") or "",
            domain=data.get("domain") or "",
        )


@dataclass(frozen=True)
class Video:
    """A Pod video from ``/rest/videos/``; ``file_url`` keeps the ``<source>_<timestamp>`` name."""

    id: int
    url: str
    slug: str
    title: str
    owner_id: int | None
    additional_owner_ids: tuple[int, ...]
    type_id: int | None
    is_draft: bool
    encoding_in_progress: bool
    encoded: bool
    duration: int
    file_url: str = ""
    date_added: datetime | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Video:
        return cls(
            id=int(data["id"]),
            url=data.get("url") or "",
            slug=data.get("slug") or "",
            title=data.get("title") or "",
            owner_id=id_from_url(data.get("owner")),
            additional_owner_ids=ids_from_urls(data.get("additional_owners")),
            type_id=id_from_url(data.get("type")),
            is_draft=bool(data.get("is_draft")),
            encoding_in_progress=bool(data.get("encoding_in_progress")),
            encoded=bool(data.get("encoded")),
            duration=int(data.get("duration") or 0),
            file_url=data.get("video") or "",
            date_added=parse_datetime(data.get("date_added")),
        )

    @property
    def file_name(self) -> str:
        """The media file's name, decoded: Pod writes the URL percent-encoded
        (``cours%20du%20lundi%20%C3%A9_<date>.mp4`` for ``cours du lundi é``)."""
        return unquote(posixpath.basename(urlsplit(self.file_url).path))


@dataclass(frozen=True)
class UserVideo:
    """An item of ``/rest/videos/user_videos/``: the owner is a username there, not a link."""

    id: int
    url: str
    title: str
    owner_username: str
    type_id: int | None
    is_draft: bool
    encoding_in_progress: bool
    encoded: bool
    date_added: datetime | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UserVideo:
        video_data = data.get("video_data") or {}
        type_value = data.get("type")
        return cls(
            id=int(data["id"]),
            url=data.get("url") or "",
            title=video_data.get("title") or "",
            owner_username=video_data.get("owner") or "",
            type_id=type_value if isinstance(type_value, int) else id_from_url(type_value),
            is_draft=bool(data.get("is_draft")),
            encoding_in_progress=bool(data.get("encoding_in_progress")),
            encoded=bool(data.get("encoded")),
            date_added=parse_datetime(data.get("date_added")),
        )


@dataclass(frozen=True)
class ClaimOutcome:
    """What :meth:`PodClient.claim` did.

    ``recovered`` means the POST failed ambiguously and the recording was found afterwards;
    ``treatment_deleted`` False means the row lingers (harmless for Pod's cron) and
    ``problem`` says why.
    """

    recording: Recording
    treatment_deleted: bool
    recovered: bool = False
    problem: str = ""


@dataclass(frozen=True)
class RecorderSettings:
    """Every recorder field, as Pod's admin form shows it (REST exposes only a few).

    ``other_fields`` keeps the form's remaining fields (video defaults such as ``is_draft``
    when the server lists them in RECORDER_ADDITIONAL_FIELDS), so saving re-sends them
    unchanged. ``form_fields`` is the set of field names the server's form has.
    """

    name: str
    address_ip: str
    directory: str
    type_id: int | None
    description: str = ""
    salt: str = ""
    manager_id: int | None = None
    publication_auto: bool = False
    additional_user_ids: tuple[int, ...] = ()
    recording_type: str = "video"
    site_ids: tuple[int, ...] = ()
    credentials_login: str = ""
    credentials_password: str = ""
    other_fields: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    form_fields: frozenset[str] = frozenset()
