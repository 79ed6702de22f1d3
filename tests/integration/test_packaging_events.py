"""Job events pushed to a real webhook receiver on 127.0.0.1, and to the audit log."""

from __future__ import annotations

import json

import pytest

from recmanager import audit
from recmanager.errors import Cancelled, ConfigError, PackagingError
from recmanager.packaging import AuditListener, EventBus, KeyPair, PackageRequest, PackagingJob
from recmanager.packaging.webhook import WebhookSender
from tests.fixtures.processes import free_port

KEYS = KeyPair.parse("hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ")


def _job(context, source, out, listeners):
    request = PackageRequest(source, out, backend="ffmpeg")
    return PackagingJob.create(context.db, context.secrets, request, KEYS,
                               bus=EventBus(listeners))


def test_webhook_sees_every_event_in_order_despite_failures(context, media, tmp_path, receiver):
    sender = WebhookSender(receiver.url, backoff_s=0.05)
    local: list = []
    job = _job(context, media.clip, tmp_path / "out", [local.append, sender])
    job.run()
    assert sender.close(10)
    assert receiver.attempts == len(local) + 2  # the two 503s were retried
    assert [b["sequence"] for b in receiver.bodies] == list(range(1, len(local) + 1))
    assert [b["event"] for b in receiver.bodies] == [e.event for e in local]
    assert receiver.bodies[0]["event"] == "started"
    last = receiver.bodies[-1]
    assert last["event"] == "ready" and last["status"] == "Ready" and last["job_id"] == job.id
    assert last["manifest"].endswith("stream.mpd") and last["kid"] == KEYS.kid_hex
    assert all(KEYS.key_hex not in json.dumps(body) for body in receiver.bodies)
    assert {b["event"] for b in receiver.bodies} >= {"started", "progress", "ready"}


def test_failed_and_aborted_events_reach_the_webhook(context, media, tmp_path, receiver):
    sender = WebhookSender(receiver.url, backoff_s=0.05)
    job = _job(context, media.text_file, tmp_path / "out", [sender])
    with pytest.raises(PackagingError):
        job.run()
    job = _job(context, media.clip, tmp_path / "out2", [sender])
    job.cancel()
    with pytest.raises(Cancelled):
        job.run()
    sender.close(10)
    assert [(b["event"], b["job_id"]) for b in receiver.bodies] == [
        ("started", job.id - 1), ("failed", job.id - 1), ("started", job.id), ("aborted", job.id)
    ]
    assert "not an MP4" in receiver.bodies[1]["message"]


def test_a_dead_webhook_never_fails_the_job(context, media, tmp_path):
    sender = WebhookSender(f"http://127.0.0.1:{free_port()}/hook", attempts=2, backoff_s=0.01)
    record = _job(context, media.clip, tmp_path / "out", [sender]).run()
    assert record.status.value == "Ready"
    assert sender.close(10)
    assert sender.delivered == 0 and sender.dropped > 0


def test_a_raising_listener_never_fails_the_job(context, media, tmp_path, caplog):
    def broken(event):
        raise RuntimeError("listener bug")

    record = _job(context, media.clip, tmp_path / "out", [broken]).run()
    assert record.status.value == "Ready"
    assert "listener bug" in caplog.text


def test_outcomes_go_to_the_audit_log(context, media, tmp_path):
    listener = AuditListener(context.db, profile="test", actor="alice")
    _job(context, media.clip, tmp_path / "out", [listener]).run()
    with pytest.raises(PackagingError):
        _job(context, media.empty, tmp_path / "out2", [listener]).run()
    entries = audit.entries(context.db, action="package")
    assert [(e.result, e.actor, e.target) for e in entries] == [
        ("failed", "alice", str(media.empty)), ("ok", "alice", str(media.clip)),
    ]
    assert "empty" in entries[0].error and entries[1].detail["kid"] == KEYS.kid_hex
    assert entries[1].detail["manifest"].endswith("stream.mpd")
    assert all(KEYS.key_hex not in json.dumps(e.detail) for e in entries)


def test_webhook_url_is_checked():
    with pytest.raises(ConfigError, match="https://"):
        WebhookSender("ftp://example.org/hook")
