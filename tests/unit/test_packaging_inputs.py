"""Recordings made ready for packaging: a mounted deposit is read where it lies, and only a
downloaded copy is ever removed after its package is ready."""

from __future__ import annotations

from pathlib import Path

import pytest

from recmanager.config import Profile
from recmanager.errors import UnsafePath
from recmanager.packaging import JobRecord, JobStatus, JobStore, PackageRequest
from recmanager.packaging.inputs import (
    fetched_inputs_folder,
    mounted_input,
    release_fetched_input,
)


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
