"""Downloads never replace a file unasked; long names work up to the limit and are refused
clearly past it, before anything is written — on a mounted folder and over real SFTP."""

from __future__ import annotations

import os

import pytest

from recmanager.cli import main
from recmanager.deposit import DOWNLOAD_SUFFIX, UPLOAD_SUFFIX, open_deposit
from recmanager.deposit.names import temporary_name
from recmanager.errors import DepositError

# 246 and 234 bytes: the names that failed ("File name too long", "Bad message").
LONG_DOWNLOAD = "é" * 120 + "x" * 2 + ".mp4"
LONG_UPLOAD = "cours " + "à" * 112 + ".mp4"
TOO_LONG = "é" * 126 + ".mp4"  # 256 bytes


def test_the_names_are_as_long_as_reported():
    assert len(LONG_DOWNLOAD.encode()) == 246 and len(LONG_UPLOAD.encode()) == 234
    assert len(TOO_LONG.encode()) == 256


@pytest.fixture
def folder(tmp_path):
    deposit = tmp_path / "deposit"
    (deposit / "amphiA").mkdir(parents=True)
    (deposit / "amphiA" / "cours 1.mp4").write_bytes(b"a" * 2000)
    (deposit / "amphiA" / LONG_DOWNLOAD).write_bytes(b"L" * 3000)
    return deposit


def test_download_refuses_to_replace_a_file_unless_told(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RECMANAGER_DEPOSIT", str(folder))
    out = tmp_path / "out"
    out.mkdir()
    (out / "cours 1.mp4").write_bytes(b"mine")
    assert main(["deposit", "download", "amphiA/cours 1.mp4", str(out)]) == 1
    error = capsys.readouterr().err
    assert "already exists" in error and "--overwrite" in error
    assert (out / "cours 1.mp4").read_bytes() == b"mine"
    assert main(["deposit", "download", "amphiA/cours 1.mp4", str(out / "cours 1.mp4")]) == 1
    assert (out / "cours 1.mp4").read_bytes() == b"mine"
    assert sorted(os.listdir(out)) == ["cours 1.mp4"]
    assert main(["deposit", "download", "amphiA/cours 1.mp4", str(out), "--overwrite"]) == 0
    assert (out / "cours 1.mp4").read_bytes() == b"a" * 2000


def test_a_long_name_downloads_and_a_too_long_one_is_refused_first(folder, tmp_path, capsys,
                                                                     monkeypatch):
    monkeypatch.setenv("RECMANAGER_DEPOSIT", str(folder))
    out = tmp_path / "out"
    out.mkdir()
    assert main(["deposit", "download", f"amphiA/{LONG_DOWNLOAD}", str(out)]) == 0
    assert (out / LONG_DOWNLOAD).read_bytes() == b"L" * 3000
    assert main(["deposit", "download", "amphiA/cours 1.mp4", str(out / TOO_LONG)]) == 1
    error = capsys.readouterr().err
    assert "256 bytes" in error and "Traceback" not in error
    assert sorted(os.listdir(out)) == [LONG_DOWNLOAD]


def test_temporary_names_fit_whenever_the_final_name_fits():
    for name in (LONG_DOWNLOAD, LONG_UPLOAD, "a" * 255, "é" * 127 + "a", "short.mp4"):
        for suffix in (DOWNLOAD_SUFFIX, UPLOAD_SUFFIX):
            temporary = temporary_name(name, f"{2**63}-{2**40}", suffix)
            assert len(temporary.encode()) <= 255, (name, temporary)
            assert temporary.startswith(".") and temporary.endswith(suffix)
    assert temporary_name("a" * 250, "1-2", ".x") != temporary_name("a" * 249 + "b", "1-2", ".x")
    assert temporary_name("short.mp4", "1-2", ".x") == ".short.mp4.1-2.x"


@pytest.mark.sshd
def test_long_names_over_sftp(sshd, context, folder, tmp_path):
    sshd.trust(context.paths.known_hosts)
    source = tmp_path / "usb.mp4"
    source.write_bytes(os.urandom(300_000))
    out = tmp_path / "out"
    out.mkdir()
    with open_deposit(sshd.profile(folder), context) as deposit:
        remote = deposit.upload(source, "amphiA", LONG_UPLOAD)
        assert remote.name == LONG_UPLOAD
        assert (folder / "amphiA" / LONG_UPLOAD).read_bytes() == source.read_bytes()
        before = sorted(os.listdir(folder / "amphiA"))
        with pytest.raises(DepositError, match="256 bytes"):
            deposit.upload(source, "amphiA", TOO_LONG)
        assert sorted(os.listdir(folder / "amphiA")) == before
        copy = deposit.download(f"{folder}/amphiA/{LONG_DOWNLOAD}", out)
        assert copy.read_bytes() == b"L" * 3000
        with pytest.raises(DepositError, match="already exists"):
            deposit.download(f"{folder}/amphiA/{LONG_DOWNLOAD}", out)
