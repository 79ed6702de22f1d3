"""Job events, pushed to whoever listens (the Flussonic lesson: never make anyone poll).

A job emits ``started``, ``progress``, ``ready``, ``failed`` and ``aborted``; each listener
(jobs panel, audit log, desktop notification, webhook) gets every event in order. A listener
that raises is logged and skipped: a broken listener never fails the job.
"""

from __future__ import annotations

import getpass
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from recmanager import audit
from recmanager.store import Database

if TYPE_CHECKING:
    from recmanager.config import Profile

log = logging.getLogger("recmanager.packaging.events")

STARTED = "started"
PROGRESS = "progress"
READY = "ready"
FAILED = "failed"
ABORTED = "aborted"
EVENTS = (STARTED, PROGRESS, READY, FAILED, ABORTED)
FINAL_EVENTS = (READY, FAILED, ABORTED)


@dataclass(frozen=True)
class JobEvent:
    job_id: int
    sequence: int  # 1, 2, 3… per run of a job: lets a receiver order and de-duplicate
    event: str
    status: str
    at: datetime
    percent: float  # the whole job
    step_percent: float  # the step that is running
    message: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "sequence": self.sequence,
            "event": self.event,
            "status": self.status,
            "at": self.at.isoformat(),
            "percent": round(self.percent, 1),
            "step_percent": round(self.step_percent, 1),
            "message": self.message,
            **self.data,
        }


JobListener = Callable[[JobEvent], None]


class EventBus:
    """Delivers each event to every listener, in the order they were added."""

    def __init__(self, listeners: list[JobListener] | tuple[JobListener, ...] = ()) -> None:
        self._listeners: list[JobListener] = list(listeners)
        self._lock = threading.Lock()

    def add(self, listener: JobListener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove(self, listener: JobListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def emit(self, event: JobEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("job event listener %r failed on %s", listener, event.event)


class AuditListener:
    """Writes the outcome of each job (ready / failed / aborted) to the audit log."""

    def __init__(self, db: Database, *, profile: str = "", actor: str | None = None) -> None:
        self.db = db
        self.profile = profile
        self.actor = actor or _user()

    @classmethod
    def for_profile(cls, db: Database, profile: Profile | None) -> AuditListener:
        """Entries named as every other one: the profile, and its Pod login (else its name);
        the local account only for a job run without any profile."""
        if profile is None:
            return cls(db)
        return cls(db, profile=profile.name, actor=profile.actor)

    def __call__(self, event: JobEvent) -> None:
        if event.event not in FINAL_EVENTS:
            return
        audit.record(
            self.db,
            profile=self.profile,
            actor=self.actor,
            action="package",
            target=str(event.data.get("input", event.job_id)),
            result="ok" if event.event == READY else "failed",
            error="" if event.event == READY else f"{event.status}: {event.message}",
            detail={
                "job_id": event.job_id,
                **{
                    key: event.data[key]
                    for key in ("backend", "scheme", "kid", "manifest", "output")
                    if key in event.data
                },
            },
        )


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def standard_listeners(
    db: Database, *, webhook_url: str = "", profile: Profile | None = None
) -> tuple[list[JobListener], Any]:
    """The listeners every job gets outside the ui: the audit log and, when set, the webhook.

    Returns the listeners and the webhook sender (or None) for the caller to ``close()``.
    """
    from recmanager.packaging.webhook import webhook_sender

    listeners: list[JobListener] = [AuditListener.for_profile(db, profile)]
    sender = webhook_sender(webhook_url)
    if sender is not None:
        listeners.append(sender)
    return listeners, sender
