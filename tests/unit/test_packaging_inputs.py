"""Recordings made ready for packaging: a mounted deposit is read where it lies, and only a
downloaded copy is ever removed after its package is ready."""

from __future__ import annotations

import pytest

from recmanager.config import Paths, Profile
from recmanager.errors import UnsafePath
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


def test_only_a_downloaded_copy_is_released(isolated_dirs: Paths, tmp_path):
    folder = fetched_inputs_folder(isolated_dirs) / "amphiA"
    folder.mkdir(parents=True)
    copy = folder / "cours.mp4"
    copy.write_bytes(b"copy")
    recording = tmp_path / "deposit" / "amphiA" / "cours.mp4"  # a mounted deposit's own file
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"original")
    link = folder / "lien.mp4"
    link.symlink_to(recording)
    assert not release_fetched_input(isolated_dirs, recording)
    assert not release_fetched_input(isolated_dirs, link)  # it leads out of the folder
    assert not release_fetched_input(isolated_dirs, folder / ".." / ".." / ".." / "x.mp4")
    assert release_fetched_input(isolated_dirs, copy) and not copy.exists()
    assert not release_fetched_input(isolated_dirs, copy)  # already gone
    assert recording.read_bytes() == b"original" and link.is_symlink()
