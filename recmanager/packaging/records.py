"""Packaging jobs as the store keeps them: statuses, requests, rows of ``jobs``, events.

Statuses follow the seed project: Queued → Ingested (input checked, video track known) →
Fragmented → Encrypted → Ready, or Failed / Aborted with the reason. A job runs on this
computer (``runs_on`` "here") or on the queue's workers ("queue", followed by its task id).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from recmanager.config import RUNS_HERE, RUNS_ON_QUEUE
from recmanager.errors import PackagingError
from recmanager.i18n import QT_TRANSLATE_NOOP, translate
from recmanager.journal import other_process_running
from recmanager.packaging import events as ev
from recmanager.packaging.events import JobEvent
from recmanager.store import Database
from recmanager.store.tables import job_events, jobs

JOB_KIND = "package"


class JobStatus(StrEnum):
    QUEUED = "Queued"
    INGESTED = "Ingested"
    FRAGMENTED = "Fragmented"
    ENCRYPTED = "Encrypted"
    READY = "Ready"
    FAILED = "Failed"
    ABORTED = "Aborted"

    @property
    def active(self) -> bool:
        return self is not JobStatus.READY and not self.ended_without_package

    @property
    def ended_without_package(self) -> bool:
        """Failed or Aborted: such a job can be retried, or removed with its key."""
        return self in (JobStatus.FAILED, JobStatus.ABORTED)

    @property
    def label(self) -> str:
        return translate("JobStatus", STATUS_LABELS[self])


STATUS_LABELS = {
    JobStatus.QUEUED: QT_TRANSLATE_NOOP("JobStatus", "Queued"),
    JobStatus.INGESTED: QT_TRANSLATE_NOOP("JobStatus", "Ingested"),
    JobStatus.FRAGMENTED: QT_TRANSLATE_NOOP("JobStatus", "Fragmented"),
    JobStatus.ENCRYPTED: QT_TRANSLATE_NOOP("JobStatus", "Encrypted"),
    JobStatus.READY: QT_TRANSLATE_NOOP("JobStatus", "Ready"),
    JobStatus.FAILED: QT_TRANSLATE_NOOP("JobStatus", "Failed"),
    JobStatus.ABORTED: QT_TRANSLATE_NOOP("JobStatus", "Aborted"),
}
BACKENDS = ("bento4", "ffmpeg")
SCHEMES = ("cenc", "cbcs")


@dataclass(frozen=True)
class PackageRequest:
    """What the user asked for; ``backend`` "auto" takes Bento4 when found, else FFmpeg."""

    input_path: Path
    output_dir: Path
    backend: str = "auto"
    scheme: str = "cenc"
    all_tracks: bool = False
    input_origin: str = ""  # where the file came from: a local path, or an inbox row
    profile: str = ""
    runs_on: str = RUNS_HERE  # on the queue, both paths are the workers' (the server's)


@dataclass
class JobRecord:
    """One row of ``jobs``; the key is not here (keyring, owner ``job:<id>``)."""

    id: int
    kind: str
    profile: str
    input_origin: str
    input_path: str
    video_track: int | None
    backend: str
    scheme: str
    all_tracks: bool
    status: JobStatus
    step_percent: float
    output_path: str
    kid: str
    packaged_id: str
    manifest_path: str
    manifest_url: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    error: str
    runs_on: str = RUNS_HERE
    queue_task_id: str = ""
    worker_host: str = ""

    @classmethod
    def from_row(cls, row: Any) -> JobRecord:
        values = dict(row)
        values["status"] = JobStatus(values["status"])
        values["all_tracks"] = bool(values["all_tracks"])
        for name in ("created_at", "started_at", "finished_at"):
            if values[name] is not None and values[name].tzinfo is None:
                values[name] = values[name].replace(tzinfo=UTC)
        return cls(**values)

    @property
    def key_owner(self) -> str:
        return key_owner(self.id)


def key_owner(job_id: int) -> str:
    return f"job:{job_id}"


class JobStore:
    """The ``jobs`` and ``job_events`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, request: PackageRequest, *, backend: str, kid: str) -> JobRecord:
        with self.db.begin() as connection:
            job_id = connection.execute(
                insert(jobs).values(
                    kind=JOB_KIND,
                    profile=request.profile,
                    input_origin=request.input_origin or str(request.input_path),
                    input_path=str(request.input_path),
                    backend=backend,
                    scheme=request.scheme,
                    all_tracks=int(request.all_tracks),
                    status=JobStatus.QUEUED.value,
                    step_percent=0.0,
                    output_path=str(request.output_dir),
                    kid=kid,
                    packaged_id=uuid.uuid4().hex[:12],
                    created_at=datetime.now(UTC),
                    error="",
                    runs_on=request.runs_on,
                )
            ).inserted_primary_key[0]
        return self.get(job_id)

    def get(self, job_id: int) -> JobRecord:
        with self.db.begin() as connection:
            row = connection.execute(select(jobs).where(jobs.c.id == job_id)).mappings().first()
        if row is None:
            raise PackagingError(translate("jobs", "There is no job {id}.").format(id=job_id))
        return JobRecord.from_row(row)

    def list(self, *, limit: int | None = None, profile: str | None = None) -> list[JobRecord]:
        """Newest first; with ``profile``, that profile's jobs and those made without one."""
        query = select(jobs).where(jobs.c.kind == JOB_KIND).order_by(jobs.c.id.desc())
        if profile is not None:
            query = query.where(jobs.c.profile.in_([profile, ""]))
        if limit:
            query = query.limit(limit)
        with self.db.begin() as connection:
            rows = connection.execute(query).mappings().all()
        return [JobRecord.from_row(row) for row in rows]

    def update(self, job_id: int, **values: Any) -> None:
        if isinstance(values.get("status"), JobStatus):
            values["status"] = values["status"].value
        with self.db.begin() as connection:
            connection.execute(update(jobs).where(jobs.c.id == job_id).values(**values))

    def remove(self, job_id: int) -> None:
        """The job's row and its events, in one transaction."""
        with self.db.begin() as connection:
            connection.execute(delete(job_events).where(job_events.c.job_id == job_id))
            connection.execute(delete(jobs).where(jobs.c.id == job_id))

    def add_event(self, event: JobEvent) -> bool:
        """Store ``event``; False when it is there already: a queue job's events are keyed
        by their worker's attempt and sequence, so desks following one job store each once."""
        statement = sqlite_insert(job_events).values(
            job_id=event.job_id,
            at=event.at,
            event=event.event,
            data=json.dumps(event.to_json(), ensure_ascii=False),
            attempt=str(event.data.get("attempt", "")),
            sequence=event.sequence,
        ).on_conflict_do_nothing()
        with self.db.begin() as connection:
            return connection.execute(statement).rowcount == 1

    def events(self, job_id: int) -> list[dict[str, Any]]:
        with self.db.begin() as connection:
            rows = connection.execute(
                select(job_events.c.data)
                .where(job_events.c.job_id == job_id)
                .order_by(job_events.c.id)
            ).all()
        return [json.loads(row[0]) for row in rows]

    def recover_interrupted(self) -> list[int]:
        """Mark jobs left active by a process that is gone as Aborted; returns their ids.

        Their partial output folders are removed. A job run by another live recmanager on
        this machine (``started`` event with its pid) is left alone.
        """
        recovered = []
        for record in self.list():
            if record.runs_on == RUNS_ON_QUEUE:
                continue  # the queue's workers own it: it is followed, not recovered
            if not record.status.active or _owner_alive(self.events(record.id)):
                continue
            remove_partial(work_dir_for(Path(record.output_path), record.id))
            self.update(
                record.id,
                status=JobStatus.ABORTED,
                finished_at=datetime.now(UTC),
                error=translate(
                    "jobs", "recmanager stopped while this job was running; retry it."
                ),
            )
            recovered.append(record.id)
        return recovered


def _owner_alive(history: list[dict[str, Any]]) -> bool:
    started = [item for item in history if item.get("event") == ev.STARTED]
    if not started:
        return False
    pid = started[-1].get("pid")
    if started[-1].get("host") != socket.gethostname() or not isinstance(pid, int):
        return False
    return other_process_running(pid)


def check_output_folder(out: Path) -> None:
    """The output is a new (or empty) folder in a writable folder: recmanager never overwrites."""
    try:
        taken = out.exists() and (not out.is_dir() or any(out.iterdir()))
    except OSError as exc:  # a name too long, a folder that cannot be read…
        raise PackagingError(
            translate("jobs", "The output folder {path} cannot be used: {error}").format(
                path=out, error=exc.strerror or exc)
        ) from exc
    if taken:
        raise PackagingError(
            translate("jobs", "The output folder {path} already exists and is not empty.")
            .format(path=out),
            hint=translate("jobs", "Choose a new folder name; recmanager never overwrites."),
        )
    if not out.parent.is_dir():
        raise PackagingError(
            translate("jobs", "The folder {path} does not exist.").format(path=out.parent)
        )
    if not os.access(out.parent, os.W_OK):
        raise PackagingError(
            translate("jobs", "recmanager may not write in {path}.").format(path=out.parent)
        )


def work_dir_for(output_dir: Path, job_id: int) -> Path:
    """Hidden sibling of the destination: same file system, so the final rename is atomic."""
    return output_dir.parent / f".{output_dir.name}.job{job_id}.partial"


def remove_partial(work_dir: Path) -> None:
    if work_dir.name.endswith(".partial") and work_dir.exists():
        shutil.rmtree(work_dir, ignore_errors=True)
