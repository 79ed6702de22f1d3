"""The inbox's rows and their states, the recorders and local facts beside them, and the
rules that read a file's folder, day and kind from its path and name."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from recmanager.i18n import QT_TRANSLATE_NOOP
from recmanager.recorders.mode import RecorderMode

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
        # Field by field: every value is plain, and asdict's deep copies cost a refresh of
        # 2,000 rows about 0.1 s.
        data = {name: getattr(self, name) for name in _ROW_FIELDS}
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


_ROW_FIELDS = tuple(each.name for each in fields(InboxRow))


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


# --- what the window shows beside the rows ---------------------------------------------------


def counts_by_recorder(rows: Iterable[InboxRow]) -> dict[str, Counter[RowState]]:
    """Per recorder name (or folder for files no recorder owns): how many rows in each state."""
    pairs = Counter((row.recorder_name or row.folder, row.state) for row in rows)
    counts: dict[str, Counter[RowState]] = {}
    for (name, state), number in pairs.items():
        counts.setdefault(name, Counter())[state] = number
    return counts
