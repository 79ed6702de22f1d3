"""A packaging job: steps, events, cancel and clean-up, whoever keeps its record.

On this computer the record is a row of ``jobs`` (:class:`JobStore`) and the key is in the
keyring; on a queue worker both live in the task (``recmanager.packaging.worker``). Output is
written to a hidden folder beside the destination and renamed only once verified, so a
destination folder either holds a complete, checked presentation or does not exist.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from recmanager.errors import Cancelled, PackagingError, RecmanagerError
from recmanager.i18n import translate
from recmanager.packaging import events as ev
from recmanager.packaging.events import EventBus, JobEvent
from recmanager.packaging.keys import KeyPair
from recmanager.packaging.mp4 import MediaInfo
from recmanager.packaging.records import (
    BACKENDS,
    SCHEMES,
    JobRecord,
    JobStatus,
    JobStore,
    PackageRequest,
    check_output_folder,
    remove_partial,
    work_dir_for,
)
from recmanager.progress import CancelToken, Progress, ProgressCallback, Throttle, no_progress
from recmanager.secrets import SecretKind, SecretStore
from recmanager.store import Database

log = logging.getLogger("recmanager.packaging")


class JobKeeper(Protocol):
    """Where a running job keeps its record and events: the desk's :class:`JobStore`, or a
    worker's task state."""

    def get(self, job_id: int) -> JobRecord: ...
    def update(self, job_id: int, **values: Any) -> None: ...
    def add_event(self, event: JobEvent) -> object: ...  # whether it was new: unused here


class KeySource(Protocol):
    """Gives the content key by owner: the keyring here, the unsealed key on a worker."""

    def get(self, owner: str, kind: SecretKind) -> str | None: ...


# --- what a backend sees --------------------------------------------------------------------


@dataclass
class Plan:
    """The result of a backend's preflight."""

    media: MediaInfo
    video_track: int
    space_factor: float  # free space needed, as a multiple of the input size
    tools: dict[str, str] = field(default_factory=dict)


# The tools that get the content key on their command line: Bento4's mp4encrypt has no
# key-file option. The job says so when it starts, and the README explains it. FFmpeg is not
# among them: its pass runs in this process (PyAV), the key handed over in memory.
KEY_ON_COMMAND_LINE = {"bento4": "mp4encrypt"}


class Steps(Protocol):
    """How a backend reports: one step runs at a time, with its share of the whole job."""

    def begin(self, label: str, share: float) -> None: ...
    def fraction(self, value: float) -> None: ...
    def reached(self, status: JobStatus) -> None: ...


class Backend(Protocol):
    name: str

    def preflight(self, input_path: Path, *, scheme: str, all_tracks: bool) -> Plan: ...

    def package(
        self,
        plan: Plan,
        *,
        input_path: Path,
        keys: KeyPair,
        scheme: str,
        all_tracks: bool,
        work_dir: Path,
        steps: Steps,
        cancel: CancelToken,
    ) -> Path:
        """Write the presentation into a new folder under ``work_dir``, verify it, return the
        folder (its ``stream.mpd`` is the manifest)."""
        ...


BackendFactory = Callable[[str, str], Backend]  # (backend name, bento4 folder) -> backend


@dataclass(frozen=True)
class JobProgress(Progress):
    """A Progress that also says which job, and which status it has reached."""

    job_id: int = 0
    status: str = ""
    step_percent: float = 0.0


# --- the job --------------------------------------------------------------------------------


class PackagingJob:
    """``prepare()`` refuses early with a reason; ``run(progress, cancel)`` does the work;
    ``cancel()`` stops the running tool's process group and removes partial output."""

    # A ``progress`` event (stored, and sent to whoever follows the job) each time the job
    # advances 10 %, but not within a second of the last event: a job of a few seconds does
    # not spend its time writing its own log.
    PROGRESS_EVENT_STEP = 10.0
    PROGRESS_EVENT_INTERVAL_S = 1.0

    def __init__(
        self,
        store: JobKeeper,
        secret_store: KeySource,
        record: JobRecord,
        *,
        bus: EventBus | None = None,
        bento4_dir: str = "",
        backend_factory: BackendFactory | None = None,
        work_dir: Path | None = None,
    ) -> None:
        self.store = store
        self.secrets = secret_store
        self.record = record
        self._work_dir = work_dir
        self.bus = bus or EventBus()
        self.bento4_dir = bento4_dir
        self._factory = backend_factory or make_backend
        self._cancel = CancelToken()
        self._plan: Plan | None = None
        self._sequence = 0
        self._percent = 0.0
        self._step_percent = 0.0
        self._last_event_percent = 0.0
        self._last_event_at = 0.0
        self._progress = Throttle(no_progress)
        self._share = (0.0, 0.0)
        self._step_label = ""

    # --- creation ---------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        db: Database,
        secret_store: SecretStore,
        request: PackageRequest,
        keys: KeyPair,
        *,
        bus: EventBus | None = None,
        bento4_dir: str = "",
        backend_factory: BackendFactory | None = None,
    ) -> PackagingJob:
        """Record a new job (status Queued) and put its key in the keyring.

        A request that cannot start (no input file, an output folder that is not new) is
        refused here, so it never becomes a Failed job in the list.
        """
        try:
            found = request.input_path.is_file()
        except OSError:
            found = False
        if not found:
            raise PackagingError(
                translate("jobs", "The input file {path} does not exist.").format(
                    path=request.input_path)
            )
        check_output_folder(request.output_dir)
        if request.scheme not in SCHEMES:
            raise PackagingError(
                translate("jobs", "Unknown encryption scheme {scheme}: use cenc or cbcs.").format(
                    scheme=request.scheme
                )
            )
        backend = resolve_backend(request.backend, bento4_dir)
        record = JobStore(db).create(request, backend=backend, kid=keys.kid_hex)
        secret_store.set(record.key_owner, SecretKind.PACKAGING_KEY, keys.key_hex)
        return cls(JobStore(db), secret_store, record, bus=bus, bento4_dir=bento4_dir,
                   backend_factory=backend_factory)

    @classmethod
    def load(
        cls,
        db: Database,
        secret_store: SecretStore,
        job_id: int,
        *,
        bus: EventBus | None = None,
        bento4_dir: str = "",
        backend_factory: BackendFactory | None = None,
    ) -> PackagingJob:
        store = JobStore(db)
        return cls(store, secret_store, store.get(job_id), bus=bus, bento4_dir=bento4_dir,
                   backend_factory=backend_factory)

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def input_path(self) -> Path:
        return Path(self.record.input_path)

    @property
    def output_dir(self) -> Path:
        return Path(self.record.output_path)

    @property
    def work_dir(self) -> Path:
        return self._work_dir or work_dir_for(self.output_dir, self.id)

    # --- preflight --------------------------------------------------------------------------

    def prepare(self) -> Plan:
        """Check everything that can be checked before work starts; Failed with the reason."""
        try:
            return self._prepare()
        except RecmanagerError as exc:
            self._finish(JobStatus.FAILED, ev.FAILED, exc.message or str(exc))
            raise

    def _prepare(self) -> Plan:
        if self._plan is not None:
            return self._plan
        check_output_folder(self.output_dir)
        backend = self._factory(self.record.backend, self.bento4_dir)
        plan = backend.preflight(
            self.input_path, scheme=self.record.scheme, all_tracks=self.record.all_tracks
        )
        self._check_space(plan)
        self._plan = plan
        self.store.update(self.id, video_track=plan.video_track)
        self.record.video_track = plan.video_track
        return plan

    def _check_space(self, plan: Plan) -> None:
        needed = int(plan.media.size * plan.space_factor)
        free = shutil.disk_usage(self.output_dir.parent).free
        if free < needed:
            raise PackagingError(
                translate(
                    "jobs",
                    "Not enough free space in {path}: {needed} MB needed ({factor:g}× the input), "
                    "{free} MB free.",
                ).format(
                    path=self.output_dir.parent, needed=needed // 1_000_000,
                    factor=plan.space_factor, free=free // 1_000_000,
                ),
                hint=translate("jobs", "Free some space or choose a folder on another disk."),
            )

    # --- run --------------------------------------------------------------------------------

    def cancel(self) -> None:
        self._cancel.cancel()

    def run(self, progress: ProgressCallback = no_progress,
            cancel: CancelToken | None = None) -> JobRecord:
        """Package; returns the Ready record, raises PackagingError (Failed) or Cancelled."""
        if cancel is not None:
            if self._cancel.cancelled:
                cancel.cancel()
            self._cancel = cancel
        self._start(progress)
        try:
            self._cancel.check()
            self._package(self._keys())
        except Cancelled:
            remove_partial(self.work_dir)
            self._finish(
                JobStatus.ABORTED, ev.ABORTED, translate("jobs", "Cancelled by the user.")
            )
            raise
        except RecmanagerError as exc:
            remove_partial(self.work_dir)
            if self.record.status.active:
                self._finish(JobStatus.FAILED, ev.FAILED, exc.message or str(exc))
            raise
        except (OSError, ValueError) as exc:
            remove_partial(self.work_dir)
            message = translate("jobs", "Packaging failed: {error}").format(error=exc)
            self._finish(JobStatus.FAILED, ev.FAILED, message)
            raise PackagingError(message) from exc
        return self.record

    def _start(self, progress: ProgressCallback) -> None:
        """Back to Queued with fresh counters, and the ``started`` event (pid and host)."""
        self._progress = Throttle(progress, 0.2)
        self._sequence = 0
        self._percent = self._step_percent = self._last_event_percent = 0.0
        self._share = (0.0, 0.0)
        self._step_label = ""
        self._plan = None
        now = datetime.now(UTC)
        self.store.update(
            self.id, status=JobStatus.QUEUED, started_at=now, finished_at=None, error="",
            step_percent=0.0, manifest_path="", manifest_url="",
        )
        self.record = self.store.get(self.id)
        tool = KEY_ON_COMMAND_LINE.get(self.record.backend, "")
        exposure = translate(
            "jobs", "While {tool} runs, the content key stands on its command line: other "
            "users of this computer can read it in the process list.").format(
            tool=tool) if tool else ""
        if exposure:
            log.warning("job %s: %s", self.id, exposure)
        self._emit(ev.STARTED, {"pid": os.getpid(), "host": socket.gethostname()},
                   message=exposure)

    def _keys(self) -> KeyPair:
        key = self.secrets.get(self.record.key_owner, SecretKind.PACKAGING_KEY)
        if not key:
            raise PackagingError(
                translate("jobs", "The key of job {id} is no longer in the keyring.").format(
                    id=self.id
                ),
                hint=translate("jobs", "Package the file again and enter the key."),
            )
        return KeyPair(bytes.fromhex(key), bytes.fromhex(self.record.kid))

    def _package(self, keys: KeyPair) -> None:
        plan = self._prepare()
        self._set_status(JobStatus.INGESTED)
        remove_partial(self.work_dir)
        self.work_dir.mkdir()
        backend = self._factory(self.record.backend, self.bento4_dir)
        presentation = backend.package(
            plan,
            input_path=self.input_path,
            keys=keys,
            scheme=self.record.scheme,
            all_tracks=self.record.all_tracks,
            work_dir=self.work_dir,
            steps=self,
            cancel=self._cancel,
        )
        self._cancel.check()
        self._publish(presentation)

    def _publish(self, presentation: Path) -> None:
        """Rename the verified presentation to the destination; then it is Ready."""
        out = self.output_dir
        if out.exists():
            out.rmdir()  # empty (checked in preflight); never overwrite a full folder
        os.replace(presentation, out)
        remove_partial(self.work_dir)
        manifest = out / "stream.mpd"
        self.store.update(
            self.id, manifest_path=str(manifest), manifest_url=self.manifest_url_for(manifest)
        )
        self._percent = self._step_percent = 100.0
        self._finish(JobStatus.READY, ev.READY, "")

    def manifest_url_for(self, manifest: Path) -> str:
        """Where a player finds the manifest: here, the file itself."""
        return manifest.as_uri()

    # --- Steps, as the backend calls them ----------------------------------------------------

    def begin(self, label: str, share: float) -> None:
        start = self._share[1]
        self._share = (start, min(100.0, start + share * 100.0))
        self._step_label = label
        self._step_percent = 0.0
        self._report(force=True)  # a few per job: each new step is always shown

    def fraction(self, value: float) -> None:
        value = max(0.0, min(1.0, value))
        self._step_percent = value * 100.0
        start, end = self._share
        self._percent = start + (end - start) * value
        if (self._percent - self._last_event_percent >= self.PROGRESS_EVENT_STEP
                and time.monotonic() - self._last_event_at >= self.PROGRESS_EVENT_INTERVAL_S):
            self._last_event_percent = self._percent
            self.store.update(self.id, step_percent=self._step_percent)
            self._emit(ev.PROGRESS, {"step": self._step_label})
        self._report()

    def reached(self, status: JobStatus) -> None:
        self._cancel.check()
        self._step_percent = 100.0
        self._step_label = ""
        self._set_status(status)
        self._step_percent = 0.0

    # --- internals ----------------------------------------------------------------------------

    def _set_status(self, status: JobStatus) -> None:
        self.store.update(self.id, status=status, step_percent=self._step_percent)
        self.record.status = status
        self._emit(ev.PROGRESS, {"step": self._step_label})
        self._report(force=True)

    def _report(self, *, force: bool = False) -> None:
        if not (force or self._progress.due()):
            return
        message = self.record.status.label
        if self._step_label and self.record.status.active:
            message = f"{message} · {self._step_label}"
        self._progress(
            JobProgress(
                done=self._percent, total=100.0, unit="%", message=message, job_id=self.id,
                status=self.record.status.value, step_percent=self._step_percent,
            ),
            force=force,
        )

    def _finish(self, status: JobStatus, event: str, reason: str) -> None:
        now = datetime.now(UTC)
        self.store.update(
            self.id, status=status, finished_at=now, error=reason,
            step_percent=self._step_percent,
        )
        self.record = self.store.get(self.id)
        data = {"input": self.record.input_origin, "backend": self.record.backend,
                "scheme": self.record.scheme, "kid": self.record.kid,
                "output": self.record.output_path}
        if status is JobStatus.READY:
            data["manifest"] = self.record.manifest_path
        self._emit(event, data, message=reason)
        self._report(force=True)

    def _emit(self, event: str, data: dict[str, Any], *, message: str = "") -> None:
        self._sequence += 1
        self._last_event_at = time.monotonic()
        item = JobEvent(
            job_id=self.id,
            sequence=self._sequence,
            event=event,
            status=self.record.status.value,
            at=datetime.now(UTC),
            percent=self._percent,
            step_percent=self._step_percent,
            message=message,
            data=data,
        )
        try:
            self.store.add_event(item)
        except RecmanagerError:
            log.exception("job %s: event %s not stored", self.id, event)
        self.bus.emit(item)


def resolve_backend(choice: str, bento4_dir: str = "") -> str:
    """"auto" → "bento4" when its tools are found, else "ffmpeg"; others are checked."""
    from recmanager.packaging.bento4 import find_bento4

    if choice == "auto":
        return "bento4" if find_bento4(bento4_dir) is not None else "ffmpeg"
    if choice not in BACKENDS:
        raise PackagingError(
            translate("jobs", "Unknown packaging backend {name}: use bento4 or ffmpeg.").format(
                name=choice
            )
        )
    return choice


def make_backend(name: str, bento4_dir: str = "") -> Backend:
    if name == "bento4":
        from recmanager.packaging.bento4 import Bento4Backend

        return Bento4Backend.locate(bento4_dir)
    from recmanager.packaging.ffmpeg import FFmpegBackend

    return FFmpegBackend()
