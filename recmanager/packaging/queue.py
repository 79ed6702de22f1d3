"""Packaging on the servers' Celery workers: the desk submits a job and follows it.

The desk keeps its row of ``jobs`` (``runs_on`` "queue") and the key in its keyring; the task
carries the paths as the workers see them and the key sealed to the workers' public key.
The worker reports through the result backend (status, progress, its host, the events of the
attempt); :class:`QueueFollower` copies that into the row and re-emits each event on the
desk's bus, so the audit log and the webhook see the same events as for a job run here.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit, urlunsplit

from celery import Celery
from celery.result import AsyncResult
from kombu.exceptions import OperationalError
from redis.exceptions import AuthenticationError, RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from recmanager.errors import ConfigError, PackagingError
from recmanager.i18n import translate
from recmanager.packaging.events import EventBus, JobEvent
from recmanager.packaging.job import JobProgress
from recmanager.packaging.keys import KeyPair
from recmanager.packaging.records import (
    RUNS_ON_QUEUE,
    JobRecord,
    JobStatus,
    JobStore,
    PackageRequest,
)
from recmanager.packaging.sealing import parse_public_key, seal
from recmanager.progress import CancelToken, ProgressCallback, no_progress
from recmanager.secrets import SecretKind, SecretStore
from recmanager.store import Database

if TYPE_CHECKING:
    from recmanager.config import Profile

log = logging.getLogger("recmanager.packaging.queue")
QUEUE_NAME = "recmanager-packaging"
TASK_NAME = "recmanager.package"
PROGRESS_STATE = "PROGRESS"
CANCEL_STATE = "CANCEL"  # a state of its own: Celery's REVOKED reads as an exception
BROKER_ERRORS = (OperationalError, RedisError, OSError)
BROKER_TIMEOUT_S = 3.0  # a broker that keeps silent this long counts as unreachable
_EVENT_FIELDS = ("job_id", "sequence", "event", "status", "at", "percent", "step_percent",
                 "message")


def refuse_password(url: str) -> None:
    """No password in an address recmanager keeps in its settings or shows in a process
    list: the desk's comes from the keyring, the workers' from their environment."""
    if urlsplit(url).password:
        raise ConfigError(
            translate("queue", "The broker address holds a password: recmanager keeps no "
                      "password in its settings."),
            hint=translate("queue", "Give the address without it; the password goes to the "
                           "keyring (recmanager jobs runs-on queue --broker-password -)."))


@dataclass(frozen=True)
class QueueSettings:
    """Where the queue is: the broker (Redis: ``redis://host:6379/<own db>``; RabbitMQ:
    ``amqp://…``), the result backend (the broker's URL when empty) and the workers' key."""

    broker_url: str
    public_key: str = ""
    result_backend: str = ""
    password: str = field(default="", repr=False)  # from the keyring, never in a setting

    def check(self, *, password_allowed: bool = False) -> None:
        """A broker address and a result backend recmanager can use; a password only where
        it is kept out of settings and process lists (a worker's environment)."""
        self.check_broker_address(password_allowed=password_allowed)
        self.check_result_backend_address(password_allowed=password_allowed)

    def check_broker_address(self, *, password_allowed: bool = False) -> None:
        parts = urlsplit(self.broker_url)
        if parts.scheme not in ("redis", "rediss", "amqp", "amqps") or not parts.hostname:
            raise ConfigError(translate(
                "queue", "The broker address must look like redis://host:6379/5 or "
                "amqp://host/vhost."))
        if not password_allowed:
            refuse_password(self.broker_url)

    def check_result_backend_address(self, *, password_allowed: bool = False) -> None:
        parts, backend = urlsplit(self.broker_url), urlsplit(self.result_backend)
        if self.result_backend and (backend.scheme not in ("redis", "rediss")
                                    or not backend.hostname):
            raise ConfigError(translate(
                "queue", "The result backend must look like redis://host:6379/5."))
        if parts.scheme.startswith("amqp") and not self.result_backend:
            # Celery's rpc:// backend hands states only to the process that submitted the
            # job: a desk started again, or another desk, would follow nothing.
            raise ConfigError(
                translate("queue", "RabbitMQ carries the jobs but keeps no job states the "
                          "desks can read: give a result backend as well."),
                hint=translate("queue", "For example Pod's Redis with a database of its own: "
                               "--result-backend redis://pod.example.org:6379/5"))
        if not password_allowed:
            refuse_password(self.result_backend)

    @property
    def backend_url(self) -> str:
        """The result backend; the keyring's password is the broker's, given to the backend
        only on the broker's own server (RabbitMQ's password means nothing to a Redis)."""
        if not self.result_backend:
            return self.connection_url
        broker, backend = urlsplit(self.broker_url), urlsplit(self.result_backend)
        if (backend.hostname, backend.port) == (broker.hostname, broker.port):
            return self.with_password(self.result_backend)
        return self.result_backend

    @property
    def connection_url(self) -> str:
        return self.with_password(self.broker_url)

    def with_password(self, url: str) -> str:
        """``url`` with the keyring's password in it, for the connection only."""
        parts = urlsplit(url)
        if not self.password or parts.password or not parts.hostname:
            return url
        user = quote(parts.username or "", safe="")
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit(parts._replace(
            netloc=f"{user}:{quote(self.password, safe='')}@{host}"))


def make_app(settings: QueueSettings, *, visibility_timeout_s: int = 3600) -> Celery:
    """One Celery app for the desk and the workers: late acknowledgement, one job at a time
    per worker slot, so a worker that dies hands its job back to the queue."""
    app = Celery("recmanager", broker=settings.connection_url, backend=settings.backend_url,
                 set_as_current=False)
    app.conf.update(
        task_default_queue=QUEUE_NAME,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        worker_hijack_root_logger=False,
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        result_expires=30 * 86400,
        broker_connection_timeout=3,
        broker_connection_retry_on_startup=True,
        broker_transport_options=_redelivery_options(visibility_timeout_s),
        result_backend_transport_options={"retry_policy": {"timeout": 3.0}},
        redis_socket_connect_timeout=3,
        redis_socket_timeout=10,
    )
    return app


def _redelivery_options(visibility_timeout_s: int) -> dict[str, int]:
    """Redis hands a dead worker's job on once it is ``visibility_timeout_s`` old, but only
    when a worker sweeps for such jobs: by default each 100 s (every tenth 10 s tick), which
    would outlast a short timeout many times. The sweep runs at least as often as the
    timeout, at most each second; a one-hour timeout keeps the default."""
    interval = max(1, min(10, visibility_timeout_s))
    return {"visibility_timeout": visibility_timeout_s,
            "unacked_restore_interval": interval,
            "unacked_restore_throttle": max(1, min(10, visibility_timeout_s // interval))}


def settings_for(profile: Profile | None, secrets: SecretStore | None = None, *,
                 broker_url: str = "", public_key: str = "",
                 result_backend: str = "") -> QueueSettings:
    """The queue of a profile (its broker's password from the keyring), the given values
    first; refused when none is set."""
    password = (secrets.get(profile.name, SecretKind.BROKER_PASSWORD)
                if profile is not None and secrets is not None else None)
    settings = QueueSettings(
        broker_url=broker_url or (profile.queue_broker_url if profile else ""),
        public_key=public_key or (profile.queue_public_key if profile else ""),
        result_backend=result_backend or (profile.queue_result_backend if profile else ""),
        password=password or "")
    if not settings.broker_url or not settings.public_key:
        raise ConfigError(
            translate("queue", "No packaging queue is set: its broker address and the workers' "
                      "public key are needed."),
            hint=translate("queue", "Run: recmanager jobs runs-on queue --broker URL "
                           "--public-key KEY"))
    return settings


def follow(client: QueueClient, record: JobRecord, progress: ProgressCallback = no_progress,
           stop: CancelToken | None = None, interval_s: float = 0.5) -> JobRecord:
    """Sync until the job ends (or ``stop`` is set): the desk's view of a queued job."""
    stop = stop or CancelToken()
    while True:
        record = client.sync(record)
        host = f" · {record.worker_host}" if record.worker_host else ""
        percent = record.step_percent if record.status.active else 100.0
        progress(JobProgress(done=percent, total=100.0, unit="%",
                             message=f"{record.status.label}{host}", job_id=record.id,
                             status=record.status.value, step_percent=record.step_percent))
        if not record.status.active or stop.wait(interval_s):
            return record


def cancel_id(task_id: str) -> str:
    """The result entry that asks the workers to stop a task (any pool, any worker's age)."""
    return f"{task_id}.cancel"


def reach_broker(app: Celery, timeout_s: float = BROKER_TIMEOUT_S) -> None:
    """Connect to the broker once, or raise within seconds: a refused connection, a wrong
    password and a broker that accepts the connection but never answers all end the wait."""
    quick = {"socket_timeout": timeout_s, "socket_connect_timeout": timeout_s}
    with app.connection_for_write(transport_options=quick) as connection:
        connection.ensure_connection(max_retries=1, interval_start=0.2, timeout=timeout_s)


def broker_failure(exc: BaseException) -> str:
    """Why the broker was not reached, in words a person can act on: refused, the password,
    no answer; the library's own message otherwise."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return translate("queue", "the connection is refused (is the broker running, and "
                             "on this port?)")
        if isinstance(cause, AuthenticationError):
            return translate("queue", "the broker refuses the password ({error})").format(
                error=cause)
        if isinstance(cause, (TimeoutError, RedisTimeoutError)):
            return translate("queue", "the broker does not answer (no reply within {seconds} "
                             "seconds)").format(seconds=f"{BROKER_TIMEOUT_S:g}")
        cause = cause.__cause__ or cause.__context__
    return str(exc)


def check_broker(settings: QueueSettings) -> str:
    """Reach the queue's broker as the desk does before submitting: what was reached, or a
    :class:`PackagingError` that says what failed."""
    settings.check()
    app = make_app(settings)
    try:
        reach_broker(app)
    except BROKER_ERRORS as exc:
        raise unreachable(settings, exc) from None
    finally:
        app.close()
    return translate("queue", "The broker at {url} answers.").format(url=settings.broker_url)


def unreachable(settings: QueueSettings, exc: BaseException, *,
                submitting: bool = False) -> PackagingError:
    hint = (translate("queue", "The job is kept as not submitted; retry it once the broker "
                      "is back.") if submitting else
            translate("queue", "Submitted jobs go on on the workers; their state shows here "
                      "once the broker is back."))
    return PackagingError(
        translate("queue", "The packaging queue's broker at {url} cannot be reached: {error}")
        .format(url=settings.broker_url, error=broker_failure(exc)), hint=hint)


class QueueClient:
    """The desk's side: submit, follow, cancel."""

    def __init__(self, db: Database, secrets: SecretStore, settings: QueueSettings,
                 *, bus: EventBus | None = None) -> None:
        settings.check()
        self.store = JobStore(db)
        self.secrets = secrets
        self.settings = settings
        self.bus = bus or EventBus()
        self.app = make_app(settings)

    def close(self) -> None:
        self.app.close()

    def create(self, request: PackageRequest, keys: KeyPair, *, backend: str) -> JobRecord:
        """The row (not submitted yet) and the key in the keyring, as for a job run here."""
        record = self.store.create(replace(request, runs_on=RUNS_ON_QUEUE), backend=backend,
                                   kid=keys.kid_hex)
        self.secrets.set(record.key_owner, SecretKind.PACKAGING_KEY, keys.key_hex)
        return record

    def submit(self, record: JobRecord) -> JobRecord:
        """Seal the key and send the task; a broker that cannot be reached leaves the job
        not submitted (its row and key kept) and raises with the reason."""
        parse_public_key(self.settings.public_key)
        key = self.secrets.get(record.key_owner, SecretKind.PACKAGING_KEY)
        if not key:
            raise PackagingError(translate("jobs", "The key of job {id} is no longer in the "
                                           "keyring.").format(id=record.id))
        task_id = uuid.uuid4().hex
        sealed = seal(self.settings.public_key, bytes.fromhex(key), seal_context(task_id,
                                                                                record.kid))
        try:
            reach_broker(self.app)  # refused within seconds when down
            self.app.send_task(
                TASK_NAME, task_id=task_id, queue=QUEUE_NAME, kwargs=task_arguments(record, sealed),
                retry=True, retry_policy={"max_retries": 2, "interval_start": 0.2,
                                          "interval_step": 0.5, "interval_max": 1.0})
        except BROKER_ERRORS as exc:
            error = unreachable(self.settings, exc, submitting=True)
            self.store.update(record.id, status=JobStatus.QUEUED, queue_task_id="",
                              error=error.message)
            raise error from exc
        self.store.update(record.id, status=JobStatus.QUEUED, queue_task_id=task_id, error="",
                          worker_host="", step_percent=0.0, started_at=None, finished_at=None,
                          manifest_path="", manifest_url="")
        return self.store.get(record.id)

    def cancel(self, record: JobRecord) -> JobRecord:
        """Ask the workers to stop; a job no worker has started is Aborted at once."""
        if record.queue_task_id:
            try:
                self.app.backend.store_result(cancel_id(record.queue_task_id), {"cancel": True},
                                              CANCEL_STATE)
                started = AsyncResult(record.queue_task_id, app=self.app).state != "PENDING"
            except BROKER_ERRORS as exc:
                raise unreachable(self.settings, exc) from exc
            if started:
                return record
        reason = translate("jobs", "Cancelled by the user.")
        self.store.update(record.id, status=JobStatus.ABORTED, finished_at=datetime.now(UTC),
                          error=reason)
        return self.store.get(record.id)

    def sync(self, record: JobRecord) -> JobRecord:
        """Bring one submitted, still active row up to what its worker reports."""
        if not (record.runs_on == RUNS_ON_QUEUE and record.queue_task_id
                and record.status.active):
            return record
        result = AsyncResult(record.queue_task_id, app=self.app)
        try:
            state, info = result.state, result.info
        except BROKER_ERRORS as exc:
            raise unreachable(self.settings, exc) from exc
        if state == "FAILURE":
            info = {"status": JobStatus.FAILED.value, "error": str(info), "events": []}
        if not isinstance(info, dict) or "status" not in info:
            return record
        self._copy(record, info)
        return self.store.get(record.id)

    def _copy(self, record: JobRecord, info: dict[str, Any]) -> None:
        values: dict[str, Any] = {"status": JobStatus(info["status"])}
        for name in ("step_percent", "video_track", "manifest_path", "manifest_url", "error"):
            if name in info:
                values[name] = info[name]
        values["worker_host"] = info.get("host", record.worker_host)
        for name in ("started_at", "finished_at"):
            if info.get(name):
                values[name] = datetime.fromisoformat(info[name])
        self.store.update(record.id, **values)
        seen = {(item.get("attempt"), item.get("sequence")) for item in
                self.store.events(record.id)}
        for item in info.get("events", []):
            if (item.get("attempt"), item.get("sequence")) in seen:
                continue
            event = event_from_json(record.id, item)
            if self.store.add_event(event):  # not when another desk following it was first
                self.bus.emit(event)


def seal_context(task_id: str, kid: str) -> bytes:
    """What a sealed key is bound to: its task and its KID (a key moved elsewhere fails)."""
    return f"recmanager-job:{task_id}:{kid}".encode()


def task_arguments(record: JobRecord, sealed_key: str) -> dict[str, Any]:
    """What travels: paths as the workers see them, the KID, the sealed key; no key."""
    return {
        "job_id": record.id, "input_path": record.input_path,
        "output_name": record.output_path, "backend": record.backend,
        "scheme": record.scheme, "all_tracks": record.all_tracks, "kid": record.kid,
        "packaged_id": record.packaged_id, "input_origin": record.input_origin,
        "profile": record.profile, "sealed_key": sealed_key,
    }


def event_from_json(job_id: int, item: dict[str, Any]) -> JobEvent:
    """A worker's event as the desk's bus carries it, under the desk's job id."""
    data = {key: value for key, value in item.items() if key not in _EVENT_FIELDS}
    return JobEvent(
        job_id=job_id, sequence=int(item["sequence"]), event=str(item["event"]),
        status=str(item["status"]), at=datetime.fromisoformat(item["at"]),
        percent=float(item.get("percent", 0.0)), step_percent=float(item.get("step_percent", 0.0)),
        message=str(item.get("message", "")), data=data,
    )
