"""Packaging on the queue: real redis-server, real `recmanager worker` processes, real FFmpeg."""

from __future__ import annotations

import time

import pytest

from recmanager.packaging import EventBus, JobStatus, KeyPair, PackageRequest
from recmanager.packaging.queue import QueueClient
from recmanager.packaging.records import JobRecord

pytestmark = pytest.mark.slow
KEYS = KeyPair.parse("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210")


def follow(client: QueueClient, record: JobRecord, timeout: float = 120) -> JobRecord:
    deadline = time.monotonic() + timeout
    while record.status.active:
        assert time.monotonic() < deadline, f"job {record.id} still {record.status}"
        time.sleep(0.2)
        record = client.sync(record)
    return record


def submit(context, site, clip, name="lecture", bus=None) -> tuple[QueueClient, JobRecord]:
    client = QueueClient(context.db, context.secrets, site.settings, bus=bus)
    request = PackageRequest(input_path=clip, output_dir=type(clip)(name), backend="ffmpeg")
    record = client.create(request, KEYS, backend="ffmpeg")
    return client, client.submit(record)


def test_a_worker_packages_a_queued_job_and_the_desk_sees_its_events(context, queue_site, media):
    queue_site.start("w1")
    events = []
    client, record = submit(context, queue_site, media.clip, bus=EventBus([events.append]))
    record = follow(client, record)
    assert record.status is JobStatus.READY, record.error
    out = queue_site.output_root / "lecture"
    assert (out / "stream.mpd").is_file()
    assert record.manifest_path == str(out / "stream.mpd")
    assert record.worker_host
    assert [e.event for e in events][0] == "started"
    assert [e.event for e in events][-1] == "ready"
    assert all(e.job_id == record.id for e in events)
    client.close()
