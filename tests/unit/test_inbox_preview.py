"""What the preview stream serves: a deposit file, or the stored video inside a zip deposit
read as a byte range of the archive."""

from __future__ import annotations

import zipfile

import pytest

from recmanager.deposit.local import LocalDeposit
from recmanager.errors import DepositError
from recmanager.inbox.zips import extract_zip_video, inspect_zip, member_key, open_preview_source

VIDEO = bytes(range(256)) * 400  # 100 KiB that no zip header resembles


@pytest.fixture
def deposit(tmp_path):
    root = tmp_path / "deposit"
    (root / "amphiD").mkdir(parents=True)
    (root / "amphiA").mkdir()
    (root / "amphiA" / "plain.mp4").write_bytes(VIDEO)
    for name, method in (("stored.zip", zipfile.ZIP_STORED), ("deflated.zip",
                                                              zipfile.ZIP_DEFLATED)):
        with zipfile.ZipFile(root / "amphiD" / name, "w") as archive:
            archive.writestr("c/cours.smil", "<smil/>", zipfile.ZIP_DEFLATED)
            archive.writestr("c/slides/1.png", b"png", zipfile.ZIP_DEFLATED)
            archive.writestr("c/media/video.mp4", VIDEO, method)
    with LocalDeposit(str(root), str(root)) as opened:
        yield opened


def test_a_plain_file_is_served_as_is(deposit):
    with open_preview_source(deposit, f"{deposit.root}/amphiA/plain.mp4") as stream:
        assert stream.read() == VIDEO


def test_a_stored_zip_member_is_a_seekable_window_of_the_archive(deposit):
    archive = f"{deposit.root}/amphiD/stored.zip"
    with open_preview_source(deposit, member_key(archive, "c/media/video.mp4")) as stream:
        assert stream.seek(0, 2) == len(VIDEO)
        stream.seek(1000)
        assert stream.read(300) == VIDEO[1000:1300]
        stream.seek(-10, 2)
        assert stream.read(100) == VIDEO[-10:]
        assert stream.read(10) == b""
        stream.seek(0)
        assert stream.read() == VIDEO


def test_a_member_that_is_not_the_stored_video_is_refused(deposit):
    archive = f"{deposit.root}/amphiD/deflated.zip"
    with pytest.raises(DepositError):
        open_preview_source(deposit, member_key(archive, "c/media/video.mp4"))
    with pytest.raises(DepositError):
        open_preview_source(deposit, member_key(f"{deposit.root}/amphiD/stored.zip",
                                                "c/cours.smil"))


def test_a_compressed_video_is_copied_out_alone(deposit, tmp_path):
    archive = f"{deposit.root}/amphiD/deflated.zip"
    with deposit.open_read(archive) as stream:
        assert inspect_zip(stream).video_offset is None
    target = extract_zip_video(deposit, archive, tmp_path / "out")
    assert target.read_bytes() == VIDEO and target.name == "video.mp4"
