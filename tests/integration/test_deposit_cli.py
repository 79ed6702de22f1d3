"""``recmanager deposit …`` from the command line, on a mounted folder and over real SFTP."""

from __future__ import annotations

import json
import os
import re

import pytest

from recmanager.audit import entries
from recmanager.cli import main
from recmanager.context import AppContext


@pytest.fixture
def folder(tmp_path):
    deposit = tmp_path / "deposit"
    (deposit / "amphiA").mkdir(parents=True)
    (deposit / "amphiA" / "cours 1.mp4").write_bytes(b"a" * 2000)
    (deposit / "amphiA" / "empty.mp4").write_bytes(b"")
    (deposit / "salle 2").mkdir()
    return deposit


def test_list_scan_download_upload_on_a_mounted_folder(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RECMANAGER_DEPOSIT", str(folder))
    assert main(["deposit", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(listed["folders"]) == ["amphiA", "salle 2"]
    assert [f["name"] for f in listed["folders"]["amphiA"]] == ["cours 1.mp4", "empty.mp4"]
    assert listed["folders"]["amphiA"][0]["path"] == "/data/ftp-pod/ftp/amphiA/cours 1.mp4"

    assert main(["deposit", "list", "amphiA"]) == 0
    table = capsys.readouterr().out
    assert "cours 1.mp4" in table
    # binary units and ISO times, as the windows show them (2000 bytes: 2.0 KiB, not 2.0 kB)
    assert "2.0 KiB" in table and "kB" not in table
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", table)
    (folder / "amphiA" / "big.mp4").write_bytes(b"b" * 1_500_000)
    assert main(["deposit", "list"]) == 0
    assert "1.4 MiB" in capsys.readouterr().out
    (folder / "amphiA" / "big.mp4").unlink()

    assert main(["deposit", "scan", "--json"]) == 0
    scanned = json.loads(capsys.readouterr().out)
    assert {item["name"]: item["state"] for item in scanned["files"].values()} == {
        "cours 1.mp4": "uploading", "empty.mp4": "uploading"}
    assert main(["deposit", "scan"]) == 0
    assert "2 files in 2 folders" in capsys.readouterr().out

    out = tmp_path / "out"
    out.mkdir()
    assert main(["deposit", "download", "amphiA/cours 1.mp4", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out / "cours 1.mp4")
    assert (out / "cours 1.mp4").read_bytes() == b"a" * 2000

    source = tmp_path / "usb.mp4"
    source.write_bytes(b"u" * 5000)
    assert main(["deposit", "upload", str(source), "salle 2", "--name", "from usb.mp4"]) == 0
    assert capsys.readouterr().out.strip() == "/data/ftp-pod/ftp/salle 2/from usb.mp4"
    assert (folder / "salle 2" / "from usb.mp4").read_bytes() == b"u" * 5000
    assert main(["deposit", "upload", str(source), "salle 2", "--name", "from usb.mp4"]) == 1
    assert "already exists" in capsys.readouterr().err
    context = AppContext.open()
    try:
        logged = [(e.action, e.result) for e in entries(context.db)]
    finally:
        context.close()
    assert sorted(logged) == [("deposit-upload", "failed"), ("deposit-upload", "ok")]


def test_without_any_deposit_the_error_says_what_to_do(capsys):
    assert main(["deposit", "list"]) == 1
    assert "RECMANAGER_POD_URL" in capsys.readouterr().err


@pytest.mark.sshd
def test_over_sftp_with_a_pinned_host_key(sshd, folder, capsys):
    address = f"sftp://{sshd.user}@{sshd.host}:{sshd.port}{folder}?key={sshd.client_keys['rsa']}"
    assert main(["deposit", "list", "--deposit", address]) == 1
    error = capsys.readouterr().err
    assert sshd.host_key_fingerprint in error and "not known" in error
    wrong = "SHA256:" + "A" * 43
    assert main(["deposit", "list", "--deposit", address, "--host-key", wrong]) == 1
    assert "cancelled" in capsys.readouterr().err
    assert main(["deposit", "list", "--deposit", address, "--host-key",
                 sshd.host_key_fingerprint, "--json"]) == 0
    assert "amphiA" in json.loads(capsys.readouterr().out)["folders"]
    # Remembered in recmanager's own known-hosts file: no pin needed any more.
    os.environ["RECMANAGER_DEPOSIT"] = address
    try:
        assert main(["deposit", "list", "amphiA", "--json"]) == 0
    finally:
        del os.environ["RECMANAGER_DEPOSIT"]
    assert json.loads(capsys.readouterr().out)[0]["name"] == "cours 1.mp4"
