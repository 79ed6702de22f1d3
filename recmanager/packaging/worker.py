"""The queue worker's side: ``recmanager worker`` packages by server path, next to the files.

Each delivery of a task is an *attempt* with its own hidden work folder and a lease file it
touches every second. A task delivered again (its worker died: late acknowledgement) waits
while another attempt's lease is fresh, removes the work folders of attempts whose lease went
stale, and packages from scratch; the verified presentation is renamed into place once, with
the task's id inside it, so a job never has two outputs nor an incomplete one.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from celery import Celery, Task
from celery.exceptions import Ignore
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from recmanager.errors import Cancelled, PackagingError, RecmanagerError
from recmanager.i18n import translate
from recmanager.packaging import events as ev
from recmanager.packaging.events import EventBus, JobEvent
from recmanager.packaging.job import PackagingJob
from recmanager.packaging.queue import (
    CANCEL_STATE,
    PROGRESS_STATE,
    TASK_NAME,
    cancel_id,
    seal_context,
)
from recmanager.packaging.records import (
    RUNS_ON_QUEUE,
    JobRecord,
    JobStatus,
    check_output_folder,
)
from recmanager.packaging.sealing import unseal
from recmanager.progress import CancelToken, Progress
from recmanager.secrets import SecretKind

log = logging.getLogger("recmanager.worker")
MARKER = ".recmanager-job"  # in a published presentation: the task that made it
BEAT_S = 1.0


@dataclass(frozen=True)
class WorkerSettings:
    output_root: Path
    private_key: X25519PrivateKey = field(repr=False)
    output_url: str = ""  # the web address of output_root, for the manifest's URL
    input_root: Path = Path("/")
    stale_after_s: float = 30.0


class TaskKeeper:
    """The job's record and events, kept in memory and published as the task's state."""

    def __init__(self, record: JobRecord, publish: Callable[[dict[str, Any]], None],
                 attempt: str) -> None:
        self.record = record
        self.attempt = attempt
        self.events: list[dict[str, Any]] = []
        self.percent = 0.0
        self._publish = publish
        self._last = 0.0

    def get(self, job_id: int) -> JobRecord:
        return replace(self.record)

    def update(self, job_id: int, **values: Any) -> None:
        """Published at once, except an outcome: that goes out with its event, so a desk
        never sees a finished job whose last event it has not got."""
        self.record = replace(self.record, **values)
        if self.record.status.active:
            self.publish()

    def add_event(self, event: JobEvent) -> None:
        self.events.append({**event.to_json(), "attempt": self.attempt})
        self.publish()

    def progress(self, progress: Progress) -> None:
        """Live percentages, at most one write a second between status changes."""
        self.percent = progress.done
        if time.monotonic() - self._last >= 1.0:
            self.publish()

    def snapshot(self) -> dict[str, Any]:
        values = asdict(self.record)
        item = {name: values[name] for name in (
            "step_percent", "video_track", "manifest_path", "manifest_url", "error")}
        item.update(
            status=self.record.status.value, percent=self.percent, host=socket.gethostname(),
            attempt=self.attempt, events=list(self.events),
            started_at=_iso(self.record.started_at), finished_at=_iso(self.record.finished_at),
        )
        return item

    def publish(self) -> None:
        self._last = time.monotonic()
        self._publish(self.snapshot())


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


class UnsealedKey:
    """The key opened from the task, in memory only, for the job's one owner."""

    def __init__(self, owner: str, key_hex: str) -> None:
        self._owner = owner
        self._key_hex = key_hex

    def get(self, owner: str, kind: SecretKind) -> str | None:
        return self._key_hex if owner == self._owner and kind is SecretKind.PACKAGING_KEY else None


class QueuedJob(PackagingJob):
    """A job whose presentation carries its task id and whose manifest URL is the server's."""

    def __init__(self, *args: Any, task_id: str, output_url: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.task_id = task_id
        self.output_url = output_url

    def _publish(self, presentation: Path) -> None:
        (presentation / MARKER).write_text(json.dumps({"task_id": self.task_id,
                                                       "job_id": self.id}))
        super()._publish(presentation)

    def manifest_url_for(self, manifest: Path) -> str:
        return served_url(manifest, self.output_url)


def served_url(manifest: Path, output_url: str) -> str:
    """The manifest's address: under the output folder's web address when one is set."""
    if not output_url:
        return manifest.as_uri()
    return f"{output_url.rstrip('/')}/{manifest.parent.name}/{manifest.name}"


class Lease:
    """This attempt's claim on the job: a file touched every second while it runs."""

    def __init__(self, output_dir: Path, job_id: int, stale_after_s: float) -> None:
        self.output_dir = output_dir
        self.prefix = f".{output_dir.name}.job{job_id}."
        self.attempt = uuid.uuid4().hex[:8]
        self.stale_after_s = stale_after_s
        self.file = output_dir.parent / f"{self.prefix}{self.attempt}.lease"
        self.work_dir = output_dir.parent / f"{self.prefix}{self.attempt}.partial"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def others_alive(self) -> bool:
        """Removes the files of attempts that stopped; True while another one runs."""
        alive = False
        now = time.time()
        for path in self.output_dir.parent.glob(f"{self.prefix}*.lease"):
            try:
                fresh = now - path.stat().st_mtime < self.stale_after_s
            except FileNotFoundError:
                continue
            if fresh:
                alive = True
            else:
                self._remove_attempt(path.name[len(self.prefix):-len(".lease")])
        for partial in self.output_dir.parent.glob(f"{self.prefix}*.partial"):
            attempt = partial.name[len(self.prefix):-len(".partial")]
            if not (partial.parent / f"{self.prefix}{attempt}.lease").exists():
                self._remove_attempt(attempt)
        return alive

    def _remove_attempt(self, attempt: str) -> None:
        log.warning("removing the partial output of a stopped attempt (%s) of %s", attempt,
                    self.output_dir)
        shutil.rmtree(self.output_dir.parent / f"{self.prefix}{attempt}.partial",
                      ignore_errors=True)
        (self.output_dir.parent / f"{self.prefix}{attempt}.lease").unlink(missing_ok=True)

    def hold(self, on_beat: Callable[[], object]) -> None:
        self.file.touch()
        self._thread = threading.Thread(target=self._beat, args=(on_beat,), daemon=True,
                                        name=f"lease-{self.attempt}")
        self._thread.start()

    def _beat(self, on_beat: Callable[[], object]) -> None:
        while not self._stop.wait(BEAT_S):
            try:
                os.utime(self.file)
                on_beat()
            except Exception:  # a broker hiccup must not stop the sign of life
                log.exception("lease %s: beat failed", self.attempt)

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        self.file.unlink(missing_ok=True)


def published_by(output_dir: Path, task_id: str) -> bool:
    try:
        return json.loads((output_dir / MARKER).read_text()).get("task_id") == task_id
    except (OSError, ValueError):
        return False


def output_dir_for(settings: WorkerSettings, output_name: str) -> Path:
    """The job's folder: one new folder right under the configured output folder."""
    if not output_name or output_name in (".", "..") or "/" in output_name or "\0" in output_name:
        raise PackagingError(translate(
            "queue", "The output name {name} is not one folder name.").format(name=output_name))
    return settings.output_root / output_name


def check_input(settings: WorkerSettings, input_path: str) -> Path:
    path = Path(os.path.realpath(input_path))
    root = Path(os.path.realpath(settings.input_root))
    if path != root and root not in path.parents:
        raise PackagingError(translate(
            "queue", "{path} is outside the folder this worker packages from ({root}).").format(
            path=input_path, root=root))
    return Path(input_path)


def run_task(task: Task, settings: WorkerSettings, arguments: dict[str, Any]) -> dict[str, Any]:
    """One delivery of a packaging task; returns the final state the desk reads."""
    task_id = task.request.id
    cancel = CancelToken()

    def cancelled() -> bool:
        if task.app.backend.get_state(cancel_id(task_id)) == CANCEL_STATE:
            cancel.cancel()
        return cancel.cancelled

    record = record_from_task(arguments)
    keeper = TaskKeeper(record, lambda meta: task.update_state(state=PROGRESS_STATE, meta=meta),
                        "")
    try:
        output_dir = output_dir_for(settings, arguments["output_name"])
        input_path = check_input(settings, arguments["input_path"])
    except PackagingError as exc:
        return _refused(keeper, exc)
    keeper.record = replace(record, input_path=str(input_path), output_path=str(output_dir))
    lease = Lease(output_dir, record.id, settings.stale_after_s)
    while lease.others_alive():
        if cancelled() or published_by(output_dir, task_id):
            raise Ignore()
        time.sleep(BEAT_S)
    if cancelled():
        raise Ignore()
    if published_by(output_dir, task_id):  # its worker died between publishing and reporting
        return _published(keeper, output_dir, settings.output_url)
    try:
        check_output_folder(output_dir)
    except PackagingError as exc:
        return _refused(keeper, exc)
    keeper.attempt = lease.attempt
    return _package(task_id, settings, arguments, keeper, lease, cancel, cancelled)


def _package(task_id: str, settings: WorkerSettings, arguments: dict[str, Any],
             keeper: TaskKeeper, lease: Lease, cancel: CancelToken,
             cancelled: Callable[[], bool]) -> dict[str, Any]:
    try:
        key = unseal(settings.private_key, arguments["sealed_key"],
                     seal_context(task_id, keeper.record.kid))
    except PackagingError as exc:
        return _refused(keeper, exc)
    job = QueuedJob(keeper, UnsealedKey(keeper.record.key_owner, key.hex()), keeper.record,
                    bus=EventBus(), work_dir=lease.work_dir, task_id=task_id,
                    output_url=settings.output_url)
    lease.hold(cancelled)
    try:
        job.run(keeper.progress, cancel)
    except (Cancelled, RecmanagerError) as exc:
        log.info("job %s ended: %s", keeper.record.id, exc)
    finally:
        lease.release()
    return keeper.snapshot()


def _published(keeper: TaskKeeper, output_dir: Path, output_url: str) -> dict[str, Any]:
    """The job's presentation is in place, made by this task: Ready, without packaging again."""
    manifest = output_dir / "stream.mpd"
    return _ended(keeper, JobStatus.READY, ev.READY, "", manifest=str(manifest),
                  manifest_url=served_url(manifest, output_url))


def _refused(keeper: TaskKeeper, exc: PackagingError) -> dict[str, Any]:
    """A job that cannot start here: Failed with the reason, as one ``failed`` event."""
    return _ended(keeper, JobStatus.FAILED, ev.FAILED, exc.message)


def _ended(keeper: TaskKeeper, status: JobStatus, event: str, reason: str, *,
           manifest: str = "", manifest_url: str = "") -> dict[str, Any]:
    """The one event of an attempt that found the job's outcome without running it."""
    now = datetime.now(UTC)
    keeper.attempt = uuid.uuid4().hex[:8]
    keeper.record = replace(keeper.record, status=status, error=reason, started_at=now,
                            finished_at=now, manifest_path=manifest, manifest_url=manifest_url)
    data = {"host": socket.gethostname(), "input": keeper.record.input_origin,
            "backend": keeper.record.backend, "scheme": keeper.record.scheme,
            "kid": keeper.record.kid, "output": keeper.record.output_path}
    if manifest:
        data["manifest"] = manifest
    keeper.percent = 100.0 if status is JobStatus.READY else 0.0
    keeper.add_event(JobEvent(job_id=keeper.record.id, sequence=1, event=event,
                              status=status.value, at=now, percent=keeper.percent,
                              step_percent=keeper.percent, message=reason, data=data))
    return keeper.snapshot()


def record_from_task(arguments: dict[str, Any]) -> JobRecord:
    return JobRecord(
        id=int(arguments["job_id"]), kind="package", profile=arguments.get("profile", ""),
        input_origin=arguments.get("input_origin", ""), input_path=arguments["input_path"],
        video_track=None, backend=arguments["backend"], scheme=arguments["scheme"],
        all_tracks=bool(arguments["all_tracks"]), status=JobStatus.QUEUED, step_percent=0.0,
        output_path=arguments["output_name"], kid=arguments["kid"],
        packaged_id=arguments.get("packaged_id", ""), manifest_path="", manifest_url="",
        created_at=datetime.now(UTC), started_at=None, finished_at=None, error="",
        runs_on=RUNS_ON_QUEUE,
    )


def register_task(app: Celery, settings: WorkerSettings) -> None:
    @app.task(name=TASK_NAME, bind=True, acks_late=True, reject_on_worker_lost=True)
    def package(self: Task, **arguments: Any) -> dict[str, Any]:
        return run_task(self, settings, arguments)

    del package
