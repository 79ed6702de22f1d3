"""Deposit a local file into a recorder folder, journalled: an upload killed midway is
audited at the next start (:mod:`recmanager.actions.reconcile`), and uploading the file
again resumes it."""

from __future__ import annotations

from pathlib import Path

from recmanager import audit, journal
from recmanager.config import Profile
from recmanager.deposit.base import Deposit, RemoteFile
from recmanager.errors import RecmanagerError
from recmanager.progress import ProgressCallback, no_progress
from recmanager.store import Database


def upload_recording(
    db: Database, profile: Profile, actor: str, deposit: Deposit, source: Path, folder: str,
    name: str | None = None, progress: ProgressCallback = no_progress,
) -> RemoteFile:
    """Upload ``source`` into ``folder`` (as ``name``), with its journal and audit entries."""
    target = deposit.path_for(folder, name or source.name)
    detail = {"source": str(source), "size": _size(source)}
    intent = journal.begin(db, profile=profile.name, actor=actor, action="deposit-upload",
                           target=target, detail=detail)
    try:
        remote = deposit.upload(source, folder, name, progress)
    except RecmanagerError as exc:
        audit.record(db, profile=profile.name, actor=actor, action="deposit-upload",
                     target=target, result="failed", error=str(exc), detail=detail,
                     intent_id=intent)
        raise
    audit.record(db, profile=profile.name, actor=actor, action="deposit-upload",
                 target=remote.path, result="ok", detail={**detail, "size": remote.size},
                 intent_id=intent)
    return remote


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None  # the upload says why it cannot read it
