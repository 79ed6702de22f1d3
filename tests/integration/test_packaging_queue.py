"""Packaging on the queue: real redis-server, real `recmanager worker` processes, real FFmpeg."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from recmanager.errors import ConfigError, PackagingError
from recmanager.packaging import EventBus, JobStatus, KeyPair, PackageRequest
from recmanager.packaging.queue import QueueClient, QueueSettings
from recmanager.packaging.records import JobRecord, JobStore

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
    names = [e.event for e in events]
    assert names[0] == "started" and names[-1] == "ready" and names.count("ready") == 1
    assert "progress" in names
    assert all(e.job_id == record.id for e in events)
    client.close()


def forms(raw: bytes) -> list[bytes]:
    """The encodings a key is usually written in."""
    b64 = base64.b64encode(raw)
    url = base64.urlsafe_b64encode(raw)
    return [raw, raw.hex().encode(), raw.hex().upper().encode(), b64, b64.rstrip(b"="),
            url, url.rstrip(b"=")]


def decoded_layers(data: bytes, depth: int = 3) -> list[bytes]:
    """``data`` and what every long base64 run in it decodes to (kombu stores message bodies
    in base64), recursively: a key hidden one encoding deeper is still found."""
    layers = [data]
    if depth:
        for run in re.findall(rb"[A-Za-z0-9+/=_-]{24,}", data):
            try:
                inner = base64.b64decode(run + b"=" * (-len(run) % 4), altchars=b"-_"
                                         if b"-" in run or b"_" in run else None)
            except (binascii.Error, ValueError):
                continue
            layers += decoded_layers(inner, depth - 1)
    return layers


def test_the_broker_never_holds_the_key_in_clear(context, queue_site, media):
    queue_site.start("w1")
    with queue_site.redis.monitor() as traffic:
        client, record = submit(context, queue_site, media.clip)
        record = follow(client, record)
        time.sleep(0.5)
    assert record.status is JobStatus.READY, record.error
    stored = queue_site.redis.stored_bytes()
    everything = decoded_layers(bytes(traffic)) + decoded_layers(stored)
    # The scan sees the task's content: the KID travels in clear, and is found.
    assert any(KEYS.kid.hex().encode() in layer for layer in everything)
    assert b"sealed_key" in b"".join(everything)
    for layer in everything:
        for form in forms(KEYS.key):
            assert form not in layer
    assert KEYS.key.hex() not in queue_site.log("w1")
    client.close()


def test_a_worker_killed_mid_job_hands_it_to_another_that_packages_it_once(
        context, queue_site, hour_clip):
    first = queue_site.start("w1", visibility_timeout=3, stale_after=3)
    events = []
    client, record = submit(context, queue_site, hour_clip, bus=EventBus([events.append]))
    deadline = time.monotonic() + 60
    while record.status in (JobStatus.QUEUED,) or record.step_percent < 5:
        assert time.monotonic() < deadline
        time.sleep(0.1)
        record = client.sync(record)
    assert record.status.active
    queue_site.kill(first)
    partials = list(queue_site.output_root.glob(".lecture.job*.partial"))
    assert partials, "the killed worker left no partial output to clean"
    queue_site.start("w2", visibility_timeout=3, stale_after=3)
    # Handed on within seconds of its 3 s timeout (a sweep and a worker's start), not at the
    # broker's default sweep of 100 s.
    handed_on_by = time.monotonic() + 30
    while [e.event for e in events].count("started") < 2:
        assert time.monotonic() < handed_on_by, "the dead worker's job was not handed on"
        time.sleep(0.2)
        record = client.sync(record)
    record = follow(client, record, timeout=240)
    assert record.status is JobStatus.READY, record.error
    assert sorted(p.name for p in queue_site.output_root.iterdir()) == ["lecture"]
    assert [e.event for e in events].count("ready") == 1
    assert [e.event for e in events].count("started") == 2
    assert (queue_site.output_root / "lecture" / "stream.mpd").is_file()
    assert "w2@test" in queue_site.log("w2") or record.worker_host
    client.close()


def test_a_broker_that_cannot_be_reached_leaves_the_job_not_submitted(context, queue_site,
                                                                      media):
    from tests.fixtures.processes import free_port

    down = QueueSettings(broker_url=f"redis://127.0.0.1:{free_port()}/5",
                         public_key=queue_site.public_key)
    client = QueueClient(context.db, context.secrets, down)
    request = PackageRequest(input_path=media.clip, output_dir=Path("lecture"),
                             backend="ffmpeg")
    record = client.create(request, KEYS, backend="ffmpeg")
    with pytest.raises(PackagingError, match="cannot be reached"):
        client.submit(record)
    kept = JobStore(context.db).get(record.id)
    assert kept.status is JobStatus.QUEUED and kept.queue_task_id == ""
    assert "cannot be reached" in kept.error
    # Once the broker is there, the same job goes.
    queue_site.start("w1")
    live = QueueClient(context.db, context.secrets, queue_site.settings)
    assert follow(live, live.submit(kept)).status is JobStatus.READY
    client.close()
    live.close()


def test_a_broker_that_accepts_and_never_answers_leaves_the_job_not_submitted(context, media):
    """A hung broker (or a firewall that swallows the replies) is given up after seconds."""
    import socket

    from recmanager.packaging.sealing import public_key_text

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)  # the system accepts the connections; nothing ever answers
    public_key = public_key_text(X25519PrivateKey.generate())
    hung = QueueSettings(broker_url=f"redis://127.0.0.1:{silent.getsockname()[1]}/5",
                         public_key=public_key)
    client = QueueClient(context.db, context.secrets, hung)
    record = client.create(PackageRequest(input_path=media.clip, output_dir=Path("lecture"),
                                          backend="ffmpeg"), KEYS, backend="ffmpeg")
    try:
        with pytest.raises(PackagingError, match="the broker does not answer"):
            client.submit(record)
    finally:
        client.close()
        silent.close()
    kept = JobStore(context.db).get(record.id)
    assert kept.status is JobStatus.QUEUED and kept.queue_task_id == ""


def test_unreadable_input_and_unwritable_output_fail_the_job_with_the_reason(
        context, queue_site, media, tmp_path):
    from tests.fixtures.processes import stop_process

    first = queue_site.start("w1")
    client, missing = submit(context, queue_site, tmp_path / "gone.mp4", name="a")
    missing = follow(client, missing)
    assert missing.status is JobStatus.FAILED and "gone.mp4" in missing.error
    folder = tmp_path / "a folder.mp4"
    folder.mkdir()
    client, unreadable = submit(context, queue_site, folder, name="b")
    unreadable = follow(client, unreadable)
    assert unreadable.status is JobStatus.FAILED and "a folder.mp4" in unreadable.error
    stop_process(first, timeout=15)
    read_only = queue_site.folder / "read-only"
    read_only.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(read_only)],
                   check=True, timeout=30)
    try:
        queue_site.start("w2", "--output-root", str(read_only))
        client, unwritable = submit(context, queue_site, media.clip, name="c")
        unwritable = follow(client, unwritable)
    finally:
        for process in queue_site.workers:
            stop_process(process, timeout=15)
        subprocess.run(["umount", str(read_only)], check=True, timeout=30)
    assert unwritable.status is JobStatus.FAILED
    assert str(read_only) in unwritable.error and "may not write" in unwritable.error
    assert list(queue_site.output_root.iterdir()) == []
    client.close()


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.run([sys.executable, "-m", "recmanager", *args], capture_output=True,
                          text=True, timeout=240, env=env, **kwargs)


def test_the_command_line_refuses_a_malformed_public_key_and_changes_nothing(context):
    from recmanager.config import RUNS_HERE, Profile

    context.profiles.save(Profile(name="pod", pod_url="https://pod.example.org/",
                                  sftp_host="pod.example.org"))
    refused = cli("jobs", "runs-on", "queue", "--broker", "redis://pod.example.org:6379/5",
                  "--public-key", "ssh-ed25519 AAAAC3Nza")
    assert refused.returncode == 1
    assert "The workers' public key is not valid" in refused.stderr
    assert context.profiles.get("pod").packaging_runs_on == RUNS_HERE


def test_the_command_line_submits_follows_lists_and_cancels(context, queue_site, media,
                                                            hour_clip):
    from recmanager.config import Profile

    context.profiles.save(Profile(name="pod", pod_url="https://pod.example.org/",
                                  deposit_kind="local", local_deposit=str(media.clip.parent)))
    changed = cli("jobs", "runs-on", "queue", "--broker", queue_site.broker_url,
                  "--public-key", queue_site.public_key)
    assert changed.returncode == 0, changed.stderr
    queue_site.start("w1")
    done = cli("package", str(media.clip), "--key", KEYS.key.hex(), "--kid", KEYS.kid.hex(),
               "--out", "first")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (queue_site.output_root / "first" / "stream.mpd").as_uri()
    assert "Ready" in done.stderr

    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    running = subprocess.Popen(
        [sys.executable, "-m", "recmanager", "package", str(hour_clip), "--key",
         KEYS.key.hex(), "--kid", KEYS.kid.hex(), "--out", "second"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            jobs = {job.id: job for job in JobStore(context.db).list()}
            if 2 in jobs and jobs[2].status is not JobStatus.QUEUED and jobs[2].worker_host:
                break
            assert time.monotonic() < deadline, jobs
            time.sleep(0.3)
        cancelled = cli("jobs", "cancel", "2")
        assert cancelled.returncode == 0, cancelled.stderr
    finally:
        _, errors = running.communicate(timeout=120)
    assert running.returncode == 1 and "Aborted" in errors
    listing = cli("jobs", "list")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert any(line.startswith("2 ") and "Aborted" in line for line in lines), listing.stdout
    assert any(line.startswith("1 ") and "Ready" in line for line in lines), listing.stdout
    assert sorted(p.name for p in queue_site.output_root.iterdir()) == ["first"]


def test_a_job_published_by_a_worker_that_died_before_reporting_ends_ready_unpackaged(
        context, queue_site, media):
    """The dead worker renamed its verified presentation into place (with the task's id in
    it), then died before its state reached the broker: the next delivery reports Ready."""
    events = []
    client, record = submit(context, queue_site, media.clip, bus=EventBus([events.append]))
    out = queue_site.output_root / "lecture"
    out.mkdir()
    (out / "stream.mpd").write_text("<MPD/>")
    (out / ".recmanager-job").write_text(json.dumps({"task_id": record.queue_task_id}))
    queue_site.start("w1")
    record = follow(client, record)
    assert record.status is JobStatus.READY, record.error
    assert (out / "stream.mpd").read_text() == "<MPD/>"  # not packaged again
    assert [e.event for e in events] == ["ready"]
    assert record.manifest_path == str(out / "stream.mpd")
    client.close()


def test_the_webhook_and_the_audit_log_get_the_same_events_as_for_a_job_run_here(
        context, queue_site, media, tmp_path, receiver):
    from recmanager import audit
    from recmanager.packaging import AuditListener, PackagingJob
    from recmanager.packaging.webhook import WebhookSender

    here = WebhookSender(receiver.url, backoff_s=0.05)
    request = PackageRequest(media.clip, tmp_path / "here", backend="ffmpeg")
    local = PackagingJob.create(context.db, context.secrets, request, KEYS,
                                bus=EventBus([here, AuditListener(context.db)]))
    local.run()
    assert here.close(10)
    here_bodies, receiver.bodies[:] = list(receiver.bodies), []

    queue_site.start("w1")
    sender = WebhookSender(receiver.url, backoff_s=0.05)
    client, record = submit(context, queue_site, media.clip,
                            bus=EventBus([sender, AuditListener(context.db)]))
    assert follow(client, record).status is JobStatus.READY
    assert sender.close(10)
    queued_bodies = receiver.bodies
    assert [b["event"] for b in queued_bodies] == [b["event"] for b in here_bodies]
    assert [b["status"] for b in queued_bodies] == [b["status"] for b in here_bodies]
    assert [b["sequence"] for b in queued_bodies] == [b["sequence"] for b in here_bodies]
    assert {b["job_id"] for b in queued_bodies} == {record.id}
    assert set(queued_bodies[-1]) - {"attempt"} == set(here_bodies[-1])
    assert queued_bodies[-1]["manifest"] == str(queue_site.output_root / "lecture" /
                                                "stream.mpd")
    entries = [e for e in audit.entries(context.db) if e.action == "package"]
    assert [e.result for e in entries] == ["ok", "ok"]
    client.close()


def test_the_command_line_says_when_the_broker_is_down_and_lists_the_job_not_submitted(
        context, queue_site, media):
    from tests.fixtures.processes import free_port

    down = f"redis://127.0.0.1:{free_port()}/5"
    refused = cli("package", str(media.clip), "--key", KEYS.key.hex(), "--kid", KEYS.kid.hex(),
                  "--out", "lecture", "--queue", "--broker", down, "--public-key",
                  queue_site.public_key)
    assert refused.returncode == 1
    assert "cannot be reached" in refused.stderr and "not submitted" in refused.stderr
    assert KEYS.key.hex() not in refused.stderr + refused.stdout
    listing = cli("jobs", "list", "--json")
    jobs = json.loads(listing.stdout)
    assert [(j["status"], j["runs_on"], j["queue_task_id"]) for j in jobs] == [
        ("Queued", "queue", "")]
    table = cli("jobs", "list").stdout
    assert "Not submitted" in table


def test_a_broker_with_a_password_keeps_it_in_the_keyring_and_the_environment(
        context, media, tmp_path):
    from recmanager.config import Profile
    from recmanager.packaging.queue import settings_for
    from recmanager.secrets import SecretKind
    from tests.fixtures.packaging_queue import make_site
    from tests.fixtures.processes import stop_process
    from tests.fixtures.redis_server import start_redis

    password = "S3cret pass/word@pod"
    redis = start_redis(tmp_path / "redis", password=password)
    site = make_site(redis, tmp_path / "server")
    try:
        with_password = site.settings.connection_url
        assert password not in with_password  # quoted in the URL
        refused = cli("worker", "--broker", with_password, "--private-key",
                      str(site.private_key), "--output-root", str(site.output_root))
        assert refused.returncode == 1 and "holds a password" in refused.stderr
        site.start("w1")  # the address with its password from the environment
        profile = Profile(name="pod", pod_url="https://pod.example.org/", deposit_kind="local",
                          local_deposit=str(media.clip.parent), packaging_runs_on="queue",
                          queue_broker_url=site.broker_url, queue_public_key=site.public_key)
        context.profiles.save(profile)
        context.secrets.set("pod", SecretKind.BROKER_PASSWORD, password)
        client = QueueClient(context.db, context.secrets, settings_for(profile, context.secrets))
        request = PackageRequest(input_path=media.clip, output_dir=Path("lecture"),
                                 backend="ffmpeg")
        record = follow(client, client.submit(client.create(request, KEYS, backend="ffmpeg")))
        assert record.status is JobStatus.READY, record.error
        assert password not in context.paths.profiles_file.read_text()
        client.close()
    finally:
        for process in site.workers:
            stop_process(process, timeout=15)
        stop_process(redis.process)


def test_a_worker_never_publishes_an_outcome_without_its_event(media, tmp_path):
    """A desk that reads the state between the two would keep a Ready job whose ``ready``
    event it never got (it stops following a finished job)."""
    from recmanager.packaging.worker import QueuedJob, TaskKeeper, UnsealedKey, record_from_task

    (tmp_path / "dash").mkdir()
    record = record_from_task({
        "job_id": 7, "input_path": str(media.clip), "output_name": "lecture",
        "backend": "ffmpeg", "scheme": "cenc", "all_tracks": True, "kid": KEYS.kid.hex()})
    record = dataclasses.replace(record, output_path=str(tmp_path / "dash" / "lecture"))
    published: list[dict] = []
    keeper = TaskKeeper(record, published.append, "a1")
    job = QueuedJob(keeper, UnsealedKey(record.key_owner, KEYS.key.hex()), record,
                    work_dir=tmp_path / "dash" / ".lecture.job7.a1.partial", task_id="t1",
                    output_url="https://pod.example.org/dash")
    assert job.run().status is JobStatus.READY
    for state in published:
        if state["status"] not in ("Queued", "Ingested", "Fragmented", "Encrypted"):
            assert state["events"][-1]["event"] == "ready", state["status"]
    assert published[-1]["manifest_url"] == "https://pod.example.org/dash/lecture/stream.mpd"


def test_rabbitmq_carries_the_jobs_with_the_states_kept_in_redis(
        context, fresh_redis, rabbitmq_server, media, tmp_path):
    """RabbitMQ through the same setting: the desk's profile names it (its password in the
    keyring), a Redis keeps the job states, and the job ends Ready with its events."""
    from recmanager.config import Profile
    from recmanager.packaging.queue import settings_for
    from recmanager.secrets import SecretKind
    from tests.fixtures.packaging_queue import make_site
    from tests.fixtures.processes import stop_process
    from tests.fixtures.rabbitmq_server import PASSWORD

    site = make_site(fresh_redis, tmp_path / "server")
    site.other_broker, site.other_password = rabbitmq_server.url(), PASSWORD
    try:
        site.start("w1")
        profile = Profile(name="pod", pod_url="https://pod.example.org/", deposit_kind="local",
                          local_deposit=str(media.clip.parent), packaging_runs_on="queue",
                          queue_broker_url=site.broker_url,
                          queue_result_backend=site.result_backend,
                          queue_public_key=site.public_key)
        context.profiles.save(profile)
        context.secrets.set("pod", SecretKind.BROKER_PASSWORD, PASSWORD)
        events = []
        client = QueueClient(context.db, context.secrets, settings_for(profile, context.secrets),
                             bus=EventBus([events.append]))
        request = PackageRequest(input_path=media.clip, output_dir=Path("lecture"),
                                 backend="ffmpeg")
        record = follow(client, client.submit(client.create(request, KEYS, backend="ffmpeg")))
        assert record.status is JobStatus.READY, record.error
        assert record.worker_host
        assert (site.output_root / "lecture" / "stream.mpd").is_file()
        names = [event.event for event in events]
        assert names[0] == "started" and names.count("ready") == 1
        client.close()
    finally:
        for process in site.workers:
            stop_process(process, timeout=15)


def test_rabbitmq_without_a_result_backend_is_refused_before_anything_is_sent(context):
    """Celery's rpc:// states reach only the process that submitted: a desk started again
    would follow nothing, so the address alone is refused, on the desk and the worker."""
    from recmanager.config import Profile
    from recmanager.packaging.queue import settings_for

    profile = Profile(name="pod", pod_url="https://pod.example.org/", deposit_kind="local",
                      local_deposit="/srv", packaging_runs_on="queue",
                      queue_broker_url="amqp://recmanager@rabbit.example.org//",
                      queue_public_key="x")
    with pytest.raises(ConfigError, match="result backend"):
        settings_for(profile).check()
    refused = cli("worker", "--broker", "amqp://recmanager@127.0.0.1:1//", "--private-key",
                  "/nonexistent", "--output-root", "/tmp")
    assert refused.returncode == 1 and "result backend" in refused.stderr
    refused = cli("worker", "--broker", "amqp://recmanager@127.0.0.1:1//", "--result-backend",
                  "redis://:pw@127.0.0.1:1/5", "--private-key", "/nonexistent",
                  "--output-root", "/tmp")
    assert refused.returncode == 1 and "holds a password" in refused.stderr


def test_two_desks_following_one_job_store_and_announce_each_event_once(
        context, queue_site, media):
    """Two desk processes (each its own database session) follow the same job at once: each
    event reaches the store, the audit log and the webhook once, whoever saw it first."""
    import threading

    from recmanager.packaging.queue import follow as desk_follow
    from recmanager.store import Database

    queue_site.start("w1")
    heard: dict[str, list] = {"first": [], "second": []}
    client, record = submit(context, queue_site, media.clip,
                            bus=EventBus([heard["first"].append]))
    other_db = Database(context.paths.database)
    other = QueueClient(other_db, context.secrets, queue_site.settings,
                        bus=EventBus([heard["second"].append]))
    finished: dict[str, JobRecord] = {}
    followers = [threading.Thread(target=lambda name=name, desk=desk: finished.__setitem__(
        name, desk_follow(desk, record, interval_s=0.05))) for name, desk in (
        ("first", client), ("second", other))]
    for thread in followers:
        thread.start()
    for thread in followers:
        thread.join(120)
    assert finished["first"].status is JobStatus.READY, finished["first"].error
    assert finished["second"].status is JobStatus.READY
    stored = [(item["attempt"], item["sequence"]) for item in JobStore(context.db).events(
        record.id)]
    assert len(stored) == len(set(stored)) and stored
    announced = [(event.data["attempt"], event.sequence)
                 for event in heard["first"] + heard["second"]]
    assert sorted(announced) == sorted(stored)
    assert [event.event for event in heard["first"] + heard["second"]].count("ready") == 1
    for desk in (client, other):
        desk.close()
    other_db.close()
