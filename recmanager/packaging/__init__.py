"""A recording to ClearKey-encrypted MPEG-DASH, with Bento4 or the bundled FFmpeg, as jobs.

``keys`` parses keys and KIDs; ``records`` keeps jobs in the store; ``job`` runs one (steps,
events, cancel);
``bento4`` and ``ffmpeg`` are the two backends; ``verify`` and ``mp4`` read the output back;
``events`` and ``webhook`` push each job event to its listeners.
"""

from __future__ import annotations

from recmanager.packaging.events import AuditListener, EventBus, JobEvent, JobListener
from recmanager.packaging.job import PackagingJob, resolve_backend
from recmanager.packaging.keys import KeyPair
from recmanager.packaging.records import JobRecord, JobStatus, JobStore, PackageRequest

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
