"""The FFmpeg backend end to end on real clips: verified output, bad inputs, cancel, recovery."""

from __future__ import annotations

import base64
import logging
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from recmanager.errors import Cancelled, PackagingError
from recmanager.packaging import (
    EventBus,
    JobStatus,
    JobStore,
    KeyPair,
    PackageRequest,
    PackagingJob,
    mp4,
    verify,
)
from recmanager.packaging.ffmpeg import remux_to_dash
from recmanager.packaging.job import JobProgress
from recmanager.packaging.records import work_dir_for
from recmanager.progress import CancelToken
from recmanager.secrets import SecretKind

KEYS = KeyPair.parse("hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ")


def new_job(context, source: Path, out: Path, events: list | None = None,
            keys: KeyPair = KEYS, **options):
    bus = EventBus([events.append] if events is not None else [])
    request = PackageRequest(source, out, backend="ffmpeg", **options)
    return PackagingJob.create(context.db, context.secrets, request, keys, bus=bus)


def test_clip_becomes_verified_encrypted_dash(context, media, tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="recmanager")
    events: list = []
    reports: list[JobProgress] = []
    out = tmp_path / "lecture"
    job = new_job(context, media.clip, out, events)
    record = job.run(reports.append)

    assert record.status is JobStatus.READY and record.error == ""
    assert record.video_track == 1
    assert record.manifest_path == str(out / "stream.mpd")
    assert record.manifest_url == (out / "stream.mpd").as_uri()
    assert record.kid == KEYS.kid_hex and record.finished_at >= record.started_at
    # every track encrypted with our KID, per-fragment sample encryption present
    kids = {kid for init in out.glob("init-stream*.m4s")
            for _, kid in mp4.encryption_kids(init).values()}
    assert kids == {KEYS.kid}
    assert mp4.has_sample_encryption(next(out.glob("chunk-stream0-*.m4s")))
    verify.check_protection_signalled(out / "stream.mpd", KEYS, all_sets=True)
    assert "ClearKey1.0" in (out / "stream.mpd").read_text()
    assert abs(verify.manifest_duration(out / "stream.mpd") - 6.0) < 0.5
    # statuses in order, percent only grows, nothing left beside the output
    statuses = [e.status for e in events]
    order = [s for i, s in enumerate(statuses) if i == 0 or statuses[i - 1] != s]
    assert order == ["Queued", "Ingested", "Fragmented", "Encrypted", "Ready"]
    assert events[0].event == "started" and events[-1].event == "ready"
    # FFmpeg gets the key in memory: no process-list warning
    assert events[0].message == ""
    assert [e.sequence for e in events] == list(range(1, len(events) + 1))
    percents = [r.done for r in reports]
    assert percents == sorted(percents) and percents[-1] == 100.0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lecture"]
    # stored: events and the row; the key only in the keyring
    assert [e["event"] for e in JobStore(context.db).events(job.id)] == [e.event for e in events]
    assert context.secrets.get(f"job:{job.id}", SecretKind.PACKAGING_KEY) == KEYS.key_hex
    stored = b"".join(p.read_bytes() for p in context.paths.database.parent.glob("*.db*"))
    assert KEYS.key_hex.encode() not in stored and KEYS.kid_hex.encode() in stored
    assert KEYS.key_hex not in caplog.text


def _percent_events(events) -> list[float]:
    """The percents of the ``progress`` events sent while the pass ran (no status change)."""
    return [e.percent for i, e in enumerate(events)
            if e.event == "progress" and i and events[i - 1].status == e.status]


def test_a_short_job_does_not_spend_its_time_writing_progress_events(context, media, tmp_path):
    events: list = []
    reports: list[JobProgress] = []
    job = new_job(context, media.clip, tmp_path / "out", events)
    job.run(reports.append)

    # the pass takes a fraction of a second: its 10 % steps are not each an event...
    assert _percent_events(events) == []
    # ...but every status is, in order, and the person's progress still goes to 100 %
    assert [e.status for e in events if e.event == "progress"] == [
        "Ingested", "Fragmented", "Encrypted"]
    percents = [r.done for r in reports]
    assert percents == sorted(percents) and percents[-1] == 100.0


def test_a_long_job_sends_a_progress_event_each_ten_percent(context, media, tmp_path):
    events: list = []
    job = new_job(context, media.clip, tmp_path / "out", events)
    job.PROGRESS_EVENT_INTERVAL_S = 0.0  # as if each 10 % took longer than a second
    job.run()

    percents = _percent_events(events)
    assert len(percents) >= 8  # the pass is 95 % of the job
    assert all(b - a >= job.PROGRESS_EVENT_STEP for a, b in pairwise(percents))
    stored = JobStore(context.db).events(job.id)
    assert [e["percent"] for e in stored if e["event"] == "progress"] == [
        round(e.percent, 1) for e in events if e.event == "progress"]


def test_moov_at_end_recording_packages(context, media, tmp_path):
    record = new_job(context, media.moov_at_end, tmp_path / "out").run()
    assert record.status is JobStatus.READY


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("text_file", "not an MP4"),
        ("empty", "is empty"),
        ("truncated", "cut short"),
        ("truncated_moov_at_end", "cut short"),
    ],
)
def test_damaged_inputs_fail_with_a_reason_and_leave_nothing(context, media, tmp_path, name,
                                                             reason):
    events: list = []
    out = tmp_path / "out"
    job = new_job(context, getattr(media, name), out, events)
    with pytest.raises(PackagingError) as caught:
        job.run()
    assert reason in caught.value.message
    record = JobStore(context.db).get(job.id)
    assert record.status is JobStatus.FAILED and reason in record.error
    assert [e.event for e in events] == ["started", "failed"]
    assert reason in events[-1].message
    assert list(tmp_path.iterdir()) == []


def test_missing_input_and_refused_options(context, media, tmp_path):
    with pytest.raises(PackagingError, match="does not exist"):
        new_job(context, tmp_path / "nope.mp4", tmp_path / "out").run()
    with pytest.raises(PackagingError, match="only encrypt with CENC"):
        new_job(context, media.clip, tmp_path / "out", scheme="cbcs").run()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(PackagingError, match="not empty"):
        new_job(context, media.clip, tmp_path / "full").run()
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"


def _command_lines() -> dict[int, bytes]:
    lines = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                lines[int(entry.name)] = (entry / "cmdline").read_bytes()
            except OSError:
                continue
    return lines


@pytest.mark.slow
def test_key_stands_on_no_command_line_while_the_job_runs(context, long_clip, tmp_path):
    # A key of this run only: another program on the machine cannot show it by chance.
    keys = KeyPair.generate()
    forms = {keys.key_hex, keys.key_hex.upper(), base64.b64encode(keys.key).decode().rstrip("="),
             base64.urlsafe_b64encode(keys.key).decode().rstrip("=")}
    out = tmp_path / "out"
    job = new_job(context, long_clip, out, keys=keys)
    work = work_dir_for(out, job.id)
    seen: list[tuple[int, str]] = []
    scans: list[int] = []

    def report(progress):
        # scanned while the packaging pass runs: segments written, more to come
        if progress.status == "Ingested" and any(work.glob("dash/chunk-stream*.m4s")):
            lines = _command_lines()
            scans.append(len(lines))
            seen.extend((pid, form) for pid, line in lines.items() for form in forms
                        if form.encode() in line)

    record = job.run(report)
    assert record.status is JobStatus.READY
    assert scans and min(scans) > 1  # every process of the machine, this one among them
    assert seen == []


@pytest.mark.slow
def test_cancel_mid_job_stops_packaging_and_removes_partial_output(context, long_clip, tmp_path):
    events: list = []
    out = tmp_path / "out"
    job = new_job(context, long_clip, out, events)
    work = work_dir_for(out, job.id)
    written: list[int] = []  # segments already written when the cancel came

    def report(progress):
        if progress.status == "Ingested" and progress.step_percent > 5 and not written:
            # "mid-way" is the pass still writing when the cancel comes, however loaded the
            # machine is (a busy machine may report its first progress late)
            written.append(len(list(work.glob("dash/chunk-stream*.m4s"))))
            job.cancel()

    with pytest.raises(Cancelled):
        job.run(report)
    assert written and written[0] > 0
    assert list(tmp_path.iterdir()) == []
    record = JobStore(context.db).get(job.id)
    assert record.status is JobStatus.ABORTED and "Cancelled" in record.error
    assert events[-1].event == "aborted"


def test_crashed_job_is_aborted_at_next_start_and_can_be_retried(context, media, tmp_path):
    out = tmp_path / "out"
    job = new_job(context, media.clip, out)
    store = JobStore(context.db)
    # what a killed process leaves: an active status, a started event, a partial folder
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    job._emit("started", {"pid": int(dead.stdout), "host": os.uname().nodename})
    store.update(job.id, status=JobStatus.ENCRYPTED)
    work_dir_for(out, job.id).mkdir()
    (work_dir_for(out, job.id) / "enc.mp4").write_bytes(b"partial")

    assert store.recover_interrupted() == [job.id]
    record = store.get(job.id)
    assert record.status is JobStatus.ABORTED and "stopped" in record.error
    assert list(tmp_path.iterdir()) == []
    assert store.recover_interrupted() == []

    retried = PackagingJob.load(context.db, context.secrets, job.id).run()
    assert retried.status is JobStatus.READY and retried.error == ""
    assert (out / "stream.mpd").is_file()


def test_live_jobs_of_another_process_are_left_alone(context, media, tmp_path):
    job = new_job(context, media.clip, tmp_path / "out")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        job._emit("started", {"pid": sleeper.pid, "host": os.uname().nodename})
        JobStore(context.db).update(job.id, status=JobStatus.FRAGMENTED)
        assert JobStore(context.db).recover_interrupted() == []
    finally:
        sleeper.kill()
        sleeper.wait()


def test_retry_without_the_key_in_the_keyring_fails_clearly(context, media, tmp_path):
    job = new_job(context, media.clip, tmp_path / "out")
    context.secrets.delete(f"job:{job.id}", SecretKind.PACKAGING_KEY)
    with pytest.raises(PackagingError, match="no longer in the keyring"):
        job.run()
    assert JobStore(context.db).get(job.id).status is JobStatus.FAILED


def test_an_ffmpeg_failure_in_the_pass_is_a_packaging_error_without_the_key(media, tmp_path):
    manifest = tmp_path / "missing" / "stream.mpd"  # the muxer cannot create its output
    with pytest.raises(PackagingError) as caught:
        remux_to_dash(media.clip, manifest, KEYS, duration_s=6.0, on_fraction=lambda _: None,
                      cancel=CancelToken())
    assert "FFmpeg could not package the file" in caught.value.message
    assert str(manifest.parent) in caught.value.message
    assert KEYS.key_hex not in caught.value.message
