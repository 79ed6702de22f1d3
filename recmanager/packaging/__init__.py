"""A recording to ClearKey-encrypted MPEG-DASH, with Bento4 or the bundled FFmpeg, as jobs.

``keys`` parses keys and KIDs; ``job`` holds the job (states, steps, events, store);
``bento4`` and ``ffmpeg`` are the two backends; ``verify`` and ``mp4`` read the output back;
``events`` and ``webhook`` push each job event to its listeners.
"""

from __future__ import annotations

from recmanager.packaging.events import AuditListener, EventBus, JobEvent, JobListener
from recmanager.packaging.job import (
    JobRecord,
    JobStatus,
    JobStore,
    PackageRequest,
    PackagingJob,
    resolve_backend,
)
from recmanager.packaging.keys import KeyPair

__all__ = [
    "AuditListener",
    "EventBus",
    "JobEvent",
    "JobListener",
    "JobRecord",
    "JobStatus",
    "JobStore",
    "KeyPair",
    "PackageRequest",
    "PackagingJob",
    "resolve_backend",
]
