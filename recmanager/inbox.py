"""The recordings inbox: Pod's unclaimed rows + the deposit scan + local state -> rows.

REST cannot tell a treatment row on its first cron pass from one waiting for a claim, nor a
manager-notified row from a manual-claim one; the deposit scan and the recorders' settings
(when a superuser web session can read them) fill those gaps. The merge itself is a pure
function over plain inputs, so it is tested without any server and the ui renders whatever
it returns — fresh from the servers, or the last copy cached in the store when offline.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from recmanager.errors import (
    ConfigError,
    DepositAuthError,
    DepositConnectionError,
    DepositError,
    HostKeyChanged,
    HostKeyUnknown,
    PodError,
)
from recmanager.i18n import QT_TRANSLATE_NOOP, translate
from recmanager.progress import CancelToken, Progress, ProgressCallback, no_progress
from recmanager.readers import SizedReader
from recmanager.recorders.mode import RecorderMode, recorder_mode

# Server clients and the database are imported where used: the window imports this module
# at start-up, before any of them is needed.
if TYPE_CHECKING:
    from recmanager.actions.permissions import Permissions
    from recmanager.config import Profile
    from recmanager.context import AppContext
    from recmanager.deposit.base import Deposit, OnStatus
    from recmanager.deposit.sftp import HostKeyQuestion
    from recmanager.pod.rest import PodClient
    from recmanager.pod.web import PodWebSession
    from recmanager.store import Database

log = logging.getLogger("recmanager.inbox")

# Pod's VIDEO_ALLOWED_EXTENSIONS plus zip (audiovideocast); anything else its cron skips.
ALLOWED_EXTENSIONS = frozenset(
    {
        "3gp", "avi", "divx", "flv", "m2p", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg", "mts",
        "wmv", "mp3", "ogg", "wav", "wma", "webm", "ts", "zip",
    }
)
SLIDE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "gif", "webp"})
VIDEO_EXTENSIONS = ALLOWED_EXTENSIONS - {"zip", "mp3", "ogg", "wav", "wma"}


class RowState(StrEnum):
    """Where a recording is on its way from the deposit folder to an owner."""

    UPLOADING = "uploading"
    WAITING = "waiting"  # complete on disk, Pod's cron has not (fully) seen it yet
    CLAIMABLE = "claimable"
    NOTIFIED = "notified"  # the recorder has a manager: Pod mailed them
    ORPHAN = "orphan"  # the folder belongs to no recorder: Pod mails the admins every run
    MISSING = "missing"  # Pod has a treatment row but the file is not on disk

    @property
    def label(self) -> str:
        """English label, marked for translation; the ui translates it in context "RowState"."""
        return STATE_LABELS[self]


STATE_LABELS: dict[RowState, str] = {
    RowState.UPLOADING: QT_TRANSLATE_NOOP("RowState", "uploading"),
    RowState.WAITING: QT_TRANSLATE_NOOP("RowState", "waiting for Pod's scan"),
    RowState.CLAIMABLE: QT_TRANSLATE_NOOP("RowState", "claimable"),
    RowState.NOTIFIED: QT_TRANSLATE_NOOP("RowState", "manager notified"),
    RowState.ORPHAN: QT_TRANSLATE_NOOP("RowState", "orphan folder"),
    RowState.MISSING: QT_TRANSLATE_NOOP("RowState", "missing on disk"),
}


# --- plain inputs ---------------------------------------------------------------------------


class TreatmentLike(Protocol):
    """What the merge reads of a Pod treatment row (``pod.model.Treatment`` fits)."""

    id: int
    file: str
    file_size: int
    recorder_id: int | None
    type: str
    date_added: datetime | None


class ScannedLike(Protocol):
    """What the merge reads of a deposit scan entry (``deposit.scan`` results fit)."""

    path: str
    size: int
    mtime: float
    state: str  # uploading | complete | gone


@dataclass(frozen=True)
class InboxRecorder:
    """A recorder as the inbox needs it; ``directory``/``mode`` come from the web session."""

    id: int
    name: str
    recording_type: str = "video"
    directory: str | None = None
    mode: RecorderMode = RecorderMode.UNKNOWN
    manager: str = ""
    address_ip: str = ""


@dataclass
class LocalState:
    """What recmanager learnt itself and Pod does not keep: durations, zip slide counts."""

    durations: dict[str, float] = field(default_factory=dict)
    slides: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> (size, count)

    def slide_count(self, path: str, size: int) -> int | None:
        known = self.slides.get(path)
        return known[1] if known and known[0] == size else None

    def to_json(self) -> dict[str, Any]:
        return {"durations": self.durations, "slides": {k: list(v) for k, v in self.slides.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LocalState:
        return cls(
            durations={k: float(v) for k, v in data.get("durations", {}).items()},
            slides={k: (int(v[0]), int(v[1])) for k, v in data.get("slides", {}).items()},
        )


# --- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InboxRow:
    """One recording in the inbox. ``path`` (absolute on the server) is its identity."""

    path: str
    name: str
    folder: str
    state: RowState
    size: int
    deposited: datetime | None = None
    recorder_id: int | None = None
    recorder_name: str = ""
    recorder_mode: RecorderMode = RecorderMode.UNKNOWN
    treatment_id: int | None = None
    pod_size: int | None = None
    kind: str = "video"
    slides: int | None = None
    duration: float | None = None

    @property
    def is_zip(self) -> bool:
        return self.name.lower().endswith(".zip")

    @property
    def claimable(self) -> bool:
        """Pod can take a claim for it now (a treatment row exists and the file is there)."""
        return self.treatment_id is not None and self.state in (
            RowState.CLAIMABLE,
            RowState.NOTIFIED,
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["deposited"] = self.deposited.isoformat() if self.deposited else None
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> InboxRow:
        values = dict(data)
        values["state"] = RowState(values["state"])
        values["recorder_mode"] = RecorderMode(values.get("recorder_mode", "unknown"))
        deposited = values.get("deposited")
        values["deposited"] = datetime.fromisoformat(deposited) if deposited else None
        return cls(**values)


def extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


# 2026-11-23 (or 2026_11_23, 2026.11.23): the day recorders put at the front of their files.
_NAME_DAY = re.compile(
    r"(?<!\d)(?P<y>20\d{2})(?P<sep>[-_.])(?P<mo>\d{2})(?P=sep)(?P<d>\d{2})(?!\d)")


def name_day(name: str) -> date | None:
    """The day a file name carries (a recorder names files after their start), else None."""
    match = _NAME_DAY.search(name)
    if match is None:
        return None
    try:
        return date(int(match["y"]), int(match["mo"]), int(match["d"]))
    except ValueError:
        return None


def recorded_on(row: InboxRow) -> date | datetime | None:
    """The recording's day: the one its file name carries, else when it was deposited."""
    return name_day(row.name) or row.deposited


def is_candidate(name: str) -> bool:
    """A file Pod's cron would pick up (it skips other extensions and ``*.zip_treated``)."""
    return not name.startswith(".") and extension(name) in ALLOWED_EXTENSIONS


def split_server_path(path: str, deposit_root: str) -> tuple[str, str] | None:
    """``(folder, name)`` of a file one level under the deposit root, else None."""
    root = posixpath.normpath(deposit_root)
    parent, name = posixpath.split(posixpath.normpath(path))
    if posixpath.dirname(parent) != root or not name:
        return None
    return posixpath.basename(parent), name


def merge(
    *,
    deposit_root: str,
    treatments: Iterable[TreatmentLike],
    scanned: Iterable[ScannedLike] | None,
    recorders: Iterable[InboxRecorder],
    local: LocalState | None = None,
    first_seen: Mapping[str, datetime] | None = None,
    quiet_period_s: float | None = None,
    now: datetime | None = None,
) -> list[InboxRow]:
    """The inbox rows, newest deposit first.

    ``scanned`` is None when the deposit could not be read: the rows then say only what
    Pod knows (never "missing on disk" without a scan).

    With ``quiet_period_s``, a file the scanner has not watched long enough yet (it calls
    every file it meets for the first time "uploading") counts as complete when its mtime
    is already older than the quiet period.
    """
    local = local or LocalState()
    first_seen = first_seen or {}
    by_id = {recorder.id: recorder for recorder in recorders}
    # Pod keeps no directory in REST: the folder of a recorder's treatment files names it.
    by_folder: dict[str, InboxRecorder] = {
        recorder.directory: recorder for recorder in by_id.values() if recorder.directory
    }
    directories_known = bool(by_id) and all(r.directory for r in by_id.values())
    treatment_by_path: dict[str, TreatmentLike] = {}
    for treatment in treatments:
        treatment_by_path[posixpath.normpath(treatment.file)] = treatment
        recorder = by_id.get(treatment.recorder_id) if treatment.recorder_id else None
        located = split_server_path(treatment.file, deposit_root)
        if recorder and located and located[0] not in by_folder:
            by_folder[located[0]] = recorder
    files: dict[str, ScannedLike] = {}
    for entry in scanned or ():
        if entry.state == "gone":
            continue
        located = split_server_path(entry.path, deposit_root)
        if located and is_candidate(located[1]):
            files[posixpath.normpath(entry.path)] = entry
    settled: set[str] = set()
    if quiet_period_s is not None:
        moment = (now or datetime.now(UTC)).timestamp()
        settled = {
            path for path, entry in files.items()
            if entry.state == "uploading" and entry.size > 0
            and moment - entry.mtime >= quiet_period_s
        }

    rows: list[InboxRow] = []
    for path in treatment_by_path.keys() | files.keys():
        treatment = treatment_by_path.get(path)
        entry = files.get(path)
        located = split_server_path(path, deposit_root)
        folder, name = located if located else (posixpath.dirname(path), posixpath.basename(path))
        recorder = None
        if treatment is not None and treatment.recorder_id is not None:
            recorder = by_id.get(treatment.recorder_id)
        recorder = recorder or by_folder.get(folder)
        state = _state(
            treatment=treatment,
            entry=entry,
            uploading=entry is not None and entry.state == "uploading" and path not in settled,
            scan_known=scanned is not None,
            recorder=recorder,
            orphan=directories_known and recorder is None and folder not in by_folder,
        )
        size = entry.size if entry is not None else (treatment.file_size if treatment else 0)
        deposited = treatment.date_added if treatment is not None else None
        if deposited is None and entry is not None:
            deposited = first_seen.get(path) or datetime.fromtimestamp(entry.mtime, UTC)
        kind = treatment.type if treatment is not None else (
            recorder.recording_type if recorder else ("audiovideocast" if name.lower().endswith(
                ".zip") else "video")
        )
        rows.append(
            InboxRow(
                path=path,
                name=name,
                folder=folder,
                state=state,
                size=int(size),
                deposited=deposited,
                recorder_id=recorder.id if recorder else None,
                recorder_name=recorder.name if recorder else "",
                recorder_mode=recorder.mode if recorder else RecorderMode.UNKNOWN,
                treatment_id=treatment.id if treatment is not None else None,
                pod_size=treatment.file_size if treatment is not None else None,
                kind=kind,
                slides=local.slide_count(path, int(size)) if name.lower().endswith(".zip")
                else None,
                duration=local.durations.get(path),
            )
        )
    rows.sort(key=_newest_first)
    return rows


def _newest_first(row: InboxRow) -> tuple[float, str]:
    return (-(row.deposited.timestamp() if row.deposited else 0.0), row.path)


def _state(
    *,
    treatment: TreatmentLike | None,
    entry: ScannedLike | None,
    uploading: bool,
    scan_known: bool,
    recorder: InboxRecorder | None,
    orphan: bool,
) -> RowState:
    """The state rules, in the order Pod's own cron applies them."""
    if uploading:
        return RowState.UPLOADING
    if treatment is None:
        return RowState.ORPHAN if orphan else RowState.WAITING
    if entry is None and scan_known:
        return RowState.MISSING
    if entry is not None and entry.size != treatment.file_size:
        # Pod stores the new size on its next pass and treats the file on the one after.
        return RowState.WAITING
    mode = recorder.mode if recorder else RecorderMode.UNKNOWN
    if mode is RecorderMode.MANAGER_NOTIFIED:
        return RowState.NOTIFIED
    if mode is RecorderMode.AUTO_PUBLISH:
        return RowState.WAITING
    return RowState.CLAIMABLE


# --- what the window shows beside the rows ---------------------------------------------------


def counts_by_recorder(rows: Iterable[InboxRow]) -> dict[str, Counter[RowState]]:
    """Per recorder name (or folder for files no recorder owns): how many rows in each state."""
    pairs = Counter((row.recorder_name or row.folder, row.state) for row in rows)
    counts: dict[str, Counter[RowState]] = {}
    for (name, state), number in pairs.items():
        counts.setdefault(name, Counter())[state] = number
    return counts


@dataclass(frozen=True)
class ZipContent:
    """An audiovideocast deposit: Pod reads ``<name>/cours.smil``, a video and slides."""

    video_member: str | None
    smil_member: str | None
    slides: int
    video_offset: int | None  # where the stored (uncompressed) video's bytes start
    video_size: int


def inspect_zip(stream: IO[bytes]) -> ZipContent:
    """Read only the zip's central directory (and one local header) from a seekable stream.

    A stored video member can then be played as a byte range of the archive, so nothing
    is downloaded beyond what the player reads.
    """
    with zipfile.ZipFile(stream) as archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
    slides = sum(1 for info in infos if extension(info.filename) in SLIDE_EXTENSIONS)
    smil = next((i.filename for i in infos if extension(i.filename) == "smil"), None)
    videos = [info for info in infos if extension(info.filename) in VIDEO_EXTENSIONS]
    if not videos:
        return ZipContent(None, smil, slides, None, 0)
    video = max(videos, key=lambda info: info.file_size)
    offset = None
    if video.compress_type == zipfile.ZIP_STORED:
        stream.seek(video.header_offset)
        header = stream.read(30)
        if header[:4] == b"PK\x03\x04":
            name_length = int.from_bytes(header[26:28], "little")
            extra_length = int.from_bytes(header[28:30], "little")
            offset = video.header_offset + 30 + name_length + extra_length
    return ZipContent(video.filename, smil, slides, offset, video.file_size)


# --- the offline copy --------------------------------------------------------------------------


@dataclass(frozen=True)
class CachedInbox:
    rows: list[InboxRow]
    recorders: list[InboxRecorder]
    local: LocalState
    refreshed_at: datetime


def save_cache(
    db: Database,
    profile: str,
    rows: Iterable[InboxRow],
    recorders: Iterable[InboxRecorder],
    local: LocalState,
    refreshed_at: datetime,
) -> None:
    """Keep the last good inbox, shown read-only when the servers cannot be reached."""
    from sqlalchemy import delete, insert

    from recmanager.store.tables import inbox_cache

    payload = json.dumps(
        {
            "rows": [row.to_json() for row in rows],
            "recorders": [asdict(recorder) for recorder in recorders],
            "local": local.to_json(),
        },
        ensure_ascii=False,
    )
    with db.begin() as connection:
        connection.execute(delete(inbox_cache).where(inbox_cache.c.profile == profile))
        connection.execute(
            insert(inbox_cache).values(profile=profile, refreshed_at=refreshed_at, payload=payload)
        )


def load_cache(db: Database, profile: str) -> CachedInbox | None:
    from sqlalchemy import select

    from recmanager.store.tables import inbox_cache

    with db.begin() as connection:
        found = connection.execute(
            select(inbox_cache.c.refreshed_at, inbox_cache.c.payload).where(
                inbox_cache.c.profile == profile
            )
        ).first()
    if found is None:
        return None
    data = json.loads(found.payload)
    refreshed_at = found.refreshed_at
    if refreshed_at.tzinfo is None:
        refreshed_at = refreshed_at.replace(tzinfo=UTC)
    return CachedInbox(
        rows=[InboxRow.from_json(item) for item in data.get("rows", [])],
        recorders=[
            InboxRecorder(**{**item, "mode": RecorderMode(item.get("mode", "unknown"))})
            for item in data.get("recorders", [])
        ],
        local=LocalState.from_json(data.get("local", {})),
        refreshed_at=refreshed_at,
    )


# --- one refresh against the servers -----------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """What one refresh learnt; ``*_problem`` say what could not be read (shown, not fatal)."""

    rows: list[InboxRow]
    recorders: list[InboxRecorder]
    local: LocalState
    refreshed_at: datetime
    permissions: Permissions
    folders: list[str] = field(default_factory=list)
    deposit_problem: str = ""
    web_problem: str = ""
    deposit_root: str = ""  # the root in use and where it comes from, to show
    reconciled: list[str] = field(default_factory=list)  # interrupted actions found at start
    deposit_root_path: str = ""  # that root itself (Pod's, when the profile gave none)


def _recorder_infos(
    client: PodClient, web: PodWebSession | None, cancel: CancelToken
) -> tuple[list[InboxRecorder], str]:
    recorders = client.recorders()
    if web is None:
        return [InboxRecorder(r.id, r.name, r.recording_type, address_ip=r.address_ip)
                for r in recorders], ""
    infos: list[InboxRecorder] = []
    managers: dict[int, str] = {}
    try:
        for recorder in recorders:
            cancel.check()
            settings = web.recorder_settings(recorder.id)
            manager = ""
            if settings.manager_id is not None:
                if settings.manager_id not in managers:
                    managers[settings.manager_id] = client.user(settings.manager_id).username
                manager = managers[settings.manager_id]
            infos.append(InboxRecorder(
                recorder.id, recorder.name, recorder.recording_type,
                directory=settings.directory,
                mode=recorder_mode(settings.manager_id, settings.publication_auto),
                manager=manager, address_ip=recorder.address_ip,
            ))
    except PodError as exc:
        log.warning("recorder settings unreadable: %s", exc)
        return [InboxRecorder(r.id, r.name, r.recording_type, address_ip=r.address_ip)
                for r in recorders], str(exc)
    return infos, ""


def _count_slides(deposit: Deposit, rows: Iterable[ScannedLike], local: LocalState) -> None:
    """Read the directory of each new zip deposit (a few KiB each) for its slide count; a
    zip still uploading has no directory yet and is simply tried again next time."""
    for entry in rows:
        if not entry.path.lower().endswith(".zip") or entry.size <= 0:
            continue
        if local.slide_count(entry.path, entry.size) is not None:
            continue
        try:
            with deposit.open_read(entry.path) as stream:
                content = inspect_zip(stream)
        except (DepositError, OSError, zipfile.BadZipFile) as exc:
            log.info("zip %s unreadable: %s", entry.path, exc)
            continue
        local.slides[entry.path] = (entry.size, content.slides)


def refresh(
    profile: Profile,
    context: AppContext,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    on_unknown_host_key: HostKeyQuestion | None = None,
    on_status: OnStatus | None = None,
) -> Snapshot:
    """Read Pod, the recorders' settings and the deposit; merge; keep a copy for offline.

    Pod or the deposit unreachable raises (the window then shows the cached copy); a
    deposit that is simply not configured and a missing web login only narrow the rows.
    """
    from recmanager.actions.permissions import read_permissions
    from recmanager.actions.reconcile import reconcile_interrupted
    from recmanager.actions.root import settle_deposit_root
    from recmanager.deposit import open_deposit
    from recmanager.deposit.scan import Scanner
    from recmanager.pod.rest import PodClient
    from recmanager.pod.web import PodWebSession

    cancel = cancel or CancelToken()
    cached = load_cache(context.db, profile.name)
    local = cached.local if cached else LocalState()
    with ExitStack() as stack:
        progress(Progress(0, 3, message=translate("inbox", "Reading Pod's unclaimed list…")))
        client = stack.enter_context(PodClient.from_profile(profile, context.secrets))
        root = settle_deposit_root(profile, client)
        profile = replace(profile, deposit_root=root.path)
        treatments = client.treatments()
        web: PodWebSession | None = None
        try:
            web = stack.enter_context(PodWebSession.from_profile(profile, context.secrets))
        except ConfigError:
            web = None
        cancel.check()
        recorders, web_problem = _recorder_infos(client, web, cancel)
        me = client.find_user(profile.pod_username) if profile.pod_username else None
        permissions = read_permissions(client, web, me)
        progress(Progress(1, 3, message=translate("inbox", "Scanning the deposit folder…")))
        cancel.check()
        scanned: list[ScannedLike] | None = None
        first_seen: dict[str, datetime] = {}
        folders: list[str] = []
        deposit_problem = ""
        deposit: Deposit | None = None
        try:
            deposit = stack.enter_context(open_deposit(
                profile, context, on_unknown_host_key=on_unknown_host_key, on_status=on_status))
        except (DepositConnectionError, DepositAuthError, HostKeyUnknown, HostKeyChanged):
            raise
        except DepositError as exc:
            deposit_problem = str(exc)
        reconciled = reconcile_interrupted(context.db, profile, client, deposit)
        if deposit is not None:
            quiet = float(context.settings.get("quiet_period_s"))
            result = Scanner(context.db, profile.name, quiet).scan(deposit)
            scanned = list(result.files.values())
            first_seen = {item.path: item.first_seen for item in result.files.values()}
            folders = result.folders
            _count_slides(deposit, scanned, local)
        progress(Progress(2, 3, message=translate("inbox", "Merging…")))
        rows = merge(
            deposit_root=profile.deposit_root, treatments=treatments, scanned=scanned,
            recorders=recorders, local=local, first_seen=first_seen,
            quiet_period_s=float(context.settings.get("quiet_period_s")),
        )
    now = datetime.now(UTC)
    save_cache(context.db, profile.name, rows, recorders, local, now)
    progress(Progress(3, 3))
    return Snapshot(rows, recorders, local, now, permissions, folders, deposit_problem,
                    web_problem, root.message, reconciled, root.path)


def remember_duration(db: Database, profile: str, path: str, seconds: float) -> None:
    """Keep a duration the player learnt, so the column shows it from now on (and offline)."""
    cached = load_cache(db, profile)
    if cached is None or cached.local.durations.get(path) == seconds:
        return
    cached.local.durations[path] = seconds
    rows = [replace(row, duration=seconds) if row.path == path else row for row in cached.rows]
    save_cache(db, profile, rows, cached.recorders, cached.local, cached.refreshed_at)


# --- preview sources ---------------------------------------------------------------------------

MEMBER_SEPARATOR = "!/"  # ``/deposit/amphiA/course.zip!/course/video.mp4``


class ByteWindow(SizedReader):
    """Bytes ``[start, start + size)`` of a seekable stream, seen as a file of its own: a
    stored video inside a zip deposit, played without reading the rest of the archive."""

    def __init__(self, inner: IO[bytes], start: int, size: int) -> None:
        super().__init__(size)
        self._inner = inner
        self._start = start

    def readinto(self, buffer: Any) -> int:
        wanted = min(len(buffer), self._size - self._position)
        if wanted <= 0:
            return 0
        self._inner.seek(self._start + self._position)
        data = self._inner.read(wanted)
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._inner.close()
        super().close()


def member_key(path: str, member: str) -> str:
    return f"{path}{MEMBER_SEPARATOR}{member}"


def open_preview_source(deposit: Deposit, key: str) -> IO[bytes]:
    """What the preview stream serves for ``key``: a deposit file, or the stored video
    member of a zip deposit (located again from the zip's directory)."""
    archive, separator, member = key.partition(MEMBER_SEPARATOR)
    if not separator:
        return deposit.open_read(key)
    stream = deposit.open_read(archive)
    try:
        content = inspect_zip(stream)
        if content.video_member != member or content.video_offset is None:
            raise DepositError(translate(
                "inbox", "{member} is not a stored video of {archive}.").format(
                member=member, archive=posixpath.basename(archive)))
        return ByteWindow(stream, content.video_offset, content.video_size)
    except BaseException:
        stream.close()
        raise


def extract_zip_video(deposit: Deposit, path: str, destination_dir: Path) -> Path:
    """Copy out a compressed video member (only its bytes are read) for local playback."""
    with deposit.open_read(path) as stream, zipfile.ZipFile(stream) as archive:
        content_member = inspect_zip(stream).video_member
        if content_member is None:
            raise DepositError(translate("inbox", "{archive} holds no video.").format(
                archive=posixpath.basename(path)))
        destination_dir.mkdir(parents=True, exist_ok=True)
        target = destination_dir / posixpath.basename(content_member)
        with archive.open(content_member) as source, target.open("wb") as output:
            while chunk := source.read(1024 * 1024):
                output.write(chunk)
    return target
