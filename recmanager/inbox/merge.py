"""The merge: Pod's treatment rows, the deposit scan and local state -> the inbox rows.

REST cannot tell a treatment row on its first cron pass from one waiting for a claim, nor a
manager-notified row from a manual-claim one; the deposit scan and the recorders' settings
(when a superuser web session can read them) fill those gaps. The merge is a pure function
over plain inputs, so it is tested without any server and the ui renders whatever it
returns — fresh from the servers, or the last copy cached in the store when offline.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from recmanager.inbox.rows import (
    InboxRecorder,
    InboxRow,
    LocalState,
    RowState,
    is_candidate,
    split_server_path,
)
from recmanager.recorders.mode import RecorderMode


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
    treatment_by_path, owners = _index_treatments(treatments, recorders, deposit_root)
    files = _candidate_files(scanned, deposit_root)
    settled = _settled(files, quiet_period_s, now)
    rows = [
        _row(path, treatment_by_path.get(path), files.get(path), deposit_root=deposit_root,
             owners=owners, settled=path in settled, scan_known=scanned is not None,
             local=local, first_seen=first_seen)
        for path in treatment_by_path.keys() | files.keys()
    ]
    rows.sort(key=_newest_first)
    return rows


@dataclass(frozen=True)
class _Owners:
    """The recorders by id and by folder: Pod keeps no directory in REST, so the folder of
    a recorder's treatment files names it too."""

    by_id: dict[int, InboxRecorder]
    by_folder: dict[str, InboxRecorder]
    directories_known: bool

    def of(self, treatment: TreatmentLike | None, folder: str) -> InboxRecorder | None:
        recorder = None
        if treatment is not None and treatment.recorder_id is not None:
            recorder = self.by_id.get(treatment.recorder_id)
        return recorder or self.by_folder.get(folder)

    def orphan(self, recorder: InboxRecorder | None, folder: str) -> bool:
        """The folder belongs to no recorder (known only when every directory is known)."""
        return self.directories_known and recorder is None and folder not in self.by_folder


def _index_treatments(
    treatments: Iterable[TreatmentLike], recorders: Iterable[InboxRecorder], deposit_root: str
) -> tuple[dict[str, TreatmentLike], _Owners]:
    """The treatment rows by path, and the owners learnt from the recorders and those rows."""
    by_id = {recorder.id: recorder for recorder in recorders}
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
    return treatment_by_path, _Owners(by_id, by_folder, directories_known)


def _candidate_files(
    scanned: Iterable[ScannedLike] | None, deposit_root: str
) -> dict[str, ScannedLike]:
    """The scanned files still there that Pod's cron would pick up, by path."""
    files: dict[str, ScannedLike] = {}
    for entry in scanned or ():
        if entry.state == "gone":
            continue
        located = split_server_path(entry.path, deposit_root)
        if located and is_candidate(located[1]):
            files[posixpath.normpath(entry.path)] = entry
    return files


def _settled(
    files: Mapping[str, ScannedLike], quiet_period_s: float | None, now: datetime | None
) -> set[str]:
    """The files called "uploading" whose mtime is already older than the quiet period."""
    if quiet_period_s is None:
        return set()
    moment = (now or datetime.now(UTC)).timestamp()
    return {
        path for path, entry in files.items()
        if entry.state == "uploading" and entry.size > 0
        and moment - entry.mtime >= quiet_period_s
    }


def _row(
    path: str,
    treatment: TreatmentLike | None,
    entry: ScannedLike | None,
    *,
    deposit_root: str,
    owners: _Owners,
    settled: bool,
    scan_known: bool,
    local: LocalState,
    first_seen: Mapping[str, datetime],
) -> InboxRow:
    """One file's row, from what Pod and the scan say of it."""
    located = split_server_path(path, deposit_root)
    folder, name = located if located else (posixpath.dirname(path), posixpath.basename(path))
    recorder = owners.of(treatment, folder)
    state = _state(
        treatment=treatment,
        entry=entry,
        uploading=entry is not None and entry.state == "uploading" and not settled,
        scan_known=scan_known,
        recorder=recorder,
        orphan=owners.orphan(recorder, folder),
    )
    size = entry.size if entry is not None else (treatment.file_size if treatment else 0)
    deposited = treatment.date_added if treatment is not None else None
    if deposited is None and entry is not None:
        deposited = first_seen.get(path) or datetime.fromtimestamp(entry.mtime, UTC)
    kind = treatment.type if treatment is not None else (
        recorder.recording_type if recorder else ("audiovideocast" if name.lower().endswith(
            ".zip") else "video")
    )
    return InboxRow(
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
