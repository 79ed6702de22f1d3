"""The set-up sheet's facts and the notify details, from a profile and a recorder."""

from __future__ import annotations

import hashlib

import pytest

from recmanager.config import Profile
from recmanager.errors import RecmanagerError, ValidationError
from recmanager.recorders.model import RecorderFields, RecorderInfo
from recmanager.recorders.notify import notify_details
from recmanager.recorders.setup_sheet import setup_sheet

SFTP = Profile(name="univ", pod_url="https://pod.univ.fr/", sftp_host="ftp.univ.fr",
               sftp_port=2222, sftp_user="recorders", deposit_root="/data/ftp-pod/ftp/")
AMPHI = RecorderInfo(7, RecorderFields(
    name="Amphi A", address_ip="192.168.1.10", salt="s3cr3t", directory="amphiA",
    manager_id=None, type_id=1, publication_auto=False, additional_user_ids=()),
    web_available=True)
KEY = hashlib.md5(b"192_168_1_10s3cr3t").hexdigest()


def test_sheet_rows_for_an_sftp_deposit() -> None:
    sheet = setup_sheet(SFTP, AMPHI)
    rows = dict(sheet.rows)
    assert sheet.title == "Set-up sheet — Amphi A"
    assert rows["Protocol"] == "SFTP, port 2222"
    assert rows["Server address"] == "ftp.univ.fr"
    assert rows["Login"] == "recorders"
    assert rows["Target folder"] == "/data/ftp-pod/ftp/amphiA/"
    assert rows["Notify key"] == KEY
    assert rows["Notify URL"] == (
        "https://pod.univ.fr/record/recorder_notify/?recordingPlace=192_168_1_10"
        f"&mediapath=/data/ftp-pod/ftp/amphiA/FILENAME&key={KEY}&course_title=FILENAME")
    assert "s3cr3t" not in str(sheet)
    assert sheet.notes[0] == "Mode: manual claim."


def test_sheet_for_a_mounted_deposit_and_a_device_login() -> None:
    local = Profile(name="nfs", pod_url="https://pod.univ.fr", deposit_kind="local",
                    local_deposit="/mnt/pod", deposit_root="/data/ftp-pod/ftp")
    rows = dict(setup_sheet(local, AMPHI, device_login="amphia").rows)
    assert rows["Server address"] == "pod.univ.fr"
    assert rows["Protocol"].startswith("SFTP or FTP")
    assert rows["Login"] == "amphia"
    assert rows["Target folder"] == "/data/ftp-pod/ftp/amphiA/"


def test_without_the_web_fields_there_is_no_sheet_or_key() -> None:
    unknown = RecorderInfo(7, RecorderFields(name="Amphi A", address_ip="192.168.1.10"),
                           web_available=False, web_unavailable_reason="no password stored")
    with pytest.raises(RecmanagerError, match="no password stored"):
        setup_sheet(SFTP, unknown)
    with pytest.raises(RecmanagerError, match="web session"):
        notify_details(SFTP, unknown, "a.mp4")


@pytest.mark.parametrize("bad", ["../amphiB/b1.mp4", "sub/a.mp4", "..", "a\\b.mp4"])
def test_notify_file_is_a_name_in_the_folder(bad: str) -> None:
    with pytest.raises(ValidationError):
        notify_details(SFTP, AMPHI, bad)
    details = notify_details(SFTP, AMPHI, "cours du lundi.mp4")
    assert details.mediapath == "/data/ftp-pod/ftp/amphiA/cours du lundi.mp4"
    assert "mediapath=/data/ftp-pod/ftp/amphiA/cours+du+lundi.mp4" in details.url
