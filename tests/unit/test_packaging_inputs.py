"""Recordings made ready for packaging: a mounted deposit is read where it lies, and only a
downloaded copy is ever removed after its package is ready."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from recmanager.config import Profile
from recmanager.errors import PackagingError, UnsafePath
from recmanager.packaging import JobEvent, JobRecord, JobStatus, JobStore, PackageRequest
from recmanager.packaging.inputs import (
    fetched_inputs_folder,
    mounted_input,
    release_fetched_input,
    remove_job,
)
from recmanager.secrets import SecretKind


def test_a_mounted_deposit_gives_the_recording_s_own_file(tmp_path):
    (tmp_path / "deposit" / "amphiA").mkdir(parents=True)
    profile = Profile(name="mounted", pod_url="https://pod.example.org", deposit_kind="local",
                      deposit_root="/data/ftp-pod/ftp", local_deposit=str(tmp_path / "deposit"))
    assert mounted_input(profile, "/data/ftp-pod/ftp/amphiA/cours.mp4") == (
        tmp_path / "deposit" / "amphiA" / "cours.mp4")
    with pytest.raises(UnsafePath):
        mounted_input(profile, "/data/ftp-pod/ftp/../../etc/passwd")
    over_sftp = Profile(name="sftp", pod_url="https://pod.example.org", sftp_host="pod")
    assert mounted_input(over_sftp, "/data/ftp-pod/ftp/amphiA/cours.mp4") is None


def _job(store: JobStore, input_path: Path, status: JobStatus) -> JobRecord:
    made = store.create(PackageRequest(input_path, input_path.parent / "dash"),
                        backend="ffmpeg", kid="a16e402b9056e371f36d348aa62bb749")
    store.update(made.id, status=status)
    return store.get(made.id)


def test_only_a_downloaded_copy_is_released_once_its_package_is_ready(context, tmp_path):
    paths, store = context.paths, JobStore(context.db)
    folder = fetched_inputs_folder(paths) / "amphiA"
    folder.mkdir(parents=True)
    copy = folder / "cours.mp4"
    copy.write_bytes(b"copy")
    recording = tmp_path / "deposit" / "amphiA" / "cours.mp4"  # a mounted deposit's own file
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"original")
    link = folder / "lien.mp4"
    link.symlink_to(recording)
    assert not release_fetched_input(paths, store, _job(store, recording, JobStatus.READY))
    assert not release_fetched_input(paths, store, _job(store, link, JobStatus.READY))
    failed = _job(store, copy, JobStatus.FAILED)  # its Retry needs the copy
    assert not release_fetched_input(paths, store, failed)
    assert recording.read_bytes() == b"original" and link.is_symlink() and copy.exists()
    store.update(failed.id, status=JobStatus.ABORTED)
    assert not release_fetched_input(paths, store, _job(store, copy, JobStatus.READY))
    store.update(failed.id, status=JobStatus.READY)  # retried: now only Ready jobs read it
    # The same recording packaged twice: the copy stays while the other job may need it.
    running = _job(store, copy, JobStatus.ENCRYPTED)
    ready = _job(store, copy, JobStatus.READY)
    assert not release_fetched_input(paths, store, ready) and copy.exists()
    store.update(running.id, status=JobStatus.READY)
    assert release_fetched_input(paths, store, store.get(running.id)) and not copy.exists()
    assert not release_fetched_input(paths, store, ready)  # already gone


def _downloaded_copy(paths) -> Path:
    copy = fetched_inputs_folder(paths) / "amphiA" / "cours.mp4"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"copy")
    return copy


def test_removing_a_failed_job_takes_its_row_events_key_and_copy(context, tmp_path):
    paths, store, secrets = context.paths, JobStore(context.db), context.secrets
    copy = _downloaded_copy(paths)
    failed = _job(store, copy, JobStatus.FAILED)
    assert store.add_event(JobEvent(job_id=failed.id, sequence=1, event="job.failed",
                                    status="Failed", at=datetime.now(UTC), percent=40.0,
                                    step_percent=0.0))
    assert store.events(failed.id)
    secrets.set(failed.key_owner, SecretKind.PACKAGING_KEY, "87237d20a19f58a740c05684e699b4aa")
    kept = _job(store, copy, JobStatus.ABORTED)  # the same recording, its job not removed
    assert remove_job(paths, store, secrets, failed.id) is None and copy.exists()
    assert [record.id for record in store.list()] == [kept.id] and store.events(failed.id) == []
    assert secrets.get(failed.key_owner, SecretKind.PACKAGING_KEY) is None
    assert remove_job(paths, store, secrets, kept.id) == copy.resolve()
    assert not copy.exists() and store.list() == []
    with pytest.raises(PackagingError, match="There is no job"):
        remove_job(paths, store, secrets, kept.id)


@pytest.mark.parametrize("status", [JobStatus.READY, JobStatus.ENCRYPTED, JobStatus.QUEUED])
def test_a_ready_or_running_job_is_not_removed(context, status):
    paths, store, secrets = context.paths, JobStore(context.db), context.secrets
    copy = _downloaded_copy(paths)
    job = _job(store, copy, status)
    secrets.set(job.key_owner, SecretKind.PACKAGING_KEY, "87237d20a19f58a740c05684e699b4aa")
    with pytest.raises(PackagingError, match="only a failed or aborted job can be removed"):
        remove_job(paths, store, secrets, job.id)
    assert store.get(job.id).status is status and copy.exists()
    assert secrets.get(job.key_owner, SecretKind.PACKAGING_KEY)


def test_removing_a_job_never_touches_a_recording_read_where_it_lies(context, tmp_path):
    store = JobStore(context.db)
    recording = tmp_path / "deposit" / "amphiA" / "cours.mp4"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"original")
    job = _job(store, recording, JobStatus.FAILED)
    assert remove_job(context.paths, store, context.secrets, job.id) is None
    assert recording.read_bytes() == b"original" and store.list() == []
